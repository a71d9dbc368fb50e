//! Memory sizes: the budget a session keeps to, read from the machine or typed by the learner
//! (`--max-memory 2G`, `:memory 512M`), written back in binary units, and arrays made with
//! fallible allocation, so that a request the system refuses is an error and not an abort.

use ndarray::{ArrayD, IxDyn};

/// Half of physical memory: what a session may hold unless told otherwise. If the machine
/// cannot say, 4 GiB.
pub fn default_budget() -> usize {
    physical_memory().map_or(4 << 30, |bytes| bytes / 2)
}

fn physical_memory() -> Option<usize> {
    // SAFETY: sysconf only reads system configuration; it has no memory-safety preconditions.
    let (pages, page_size) = unsafe {
        (
            libc::sysconf(libc::_SC_PHYS_PAGES),
            libc::sysconf(libc::_SC_PAGESIZE),
        )
    };
    let pages = usize::try_from(pages).ok()?;
    let page_size = usize::try_from(page_size).ok()?;
    pages.checked_mul(page_size).filter(|&b| b > 0)
}

/// Reads a size as `2G`, `512M`, `64K`, `1.5G` or a plain number of bytes. Units are binary
/// (K = 1024) and may be written `G`, `GB`, `GiB`, in either case. `None` for anything else,
/// for 0, and for more than the machine can address.
pub fn parse_size(text: &str) -> Option<usize> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    if number.is_empty() || number.len() > 32 {
        return None;
    }
    let number: f64 = number.parse().ok()?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        "t" | "tb" | "tib" => 40,
        _ => return None,
    };
    let bytes = number * (1u64 << shift) as f64;
    (bytes >= 1.0 && bytes < usize::MAX as f64).then_some(bytes as usize)
}

/// A size for people: `512 B`, `3.8 KiB`, `762.9 MiB`, `2.0 GiB`.
pub fn describe(bytes: usize) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut size = bytes as f64;
    let mut unit = 0;
    while size >= 1024.0 && unit < UNITS.len() - 1 {
        size /= 1024.0;
        unit += 1;
    }
    format!("{size:.1} {}", UNITS[unit])
}

/// An array of `dims` filled by `fill` in row-major order, or `None` when the system refuses
/// the memory. The buffer is reserved before anything is written.
pub fn try_array(dims: &[usize], mut fill: impl FnMut() -> f64) -> Option<ArrayD<f64>> {
    let len = dims.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d))?;
    let mut values: Vec<f64> = Vec::new();
    values.try_reserve_exact(len).ok()?;
    // In blocks, looking at Ctrl-C between them: a fill of 10^8 takes a few tenths of a
    // second. A stopped fill gives zeros of the same shape, from pages the system has not
    // touched yet (the memory just given back), and the session drops the statement.
    const BLOCK: usize = 1 << 22;
    while values.len() < len {
        let take = BLOCK.min(len - values.len());
        if crate::engine::interrupt::requested() {
            drop(values);
            return Some(crate::engine::layers::common::blank(dims));
        }
        values.extend(std::iter::repeat_with(&mut fill).take(take));
    }
    ArrayD::from_shape_vec(IxDyn(dims), values).ok()
}

/// Whether the system would give `bytes` now: a reservation made and given back at once. The
/// arrays a layer makes are allocated inside ndarray, where a refusal aborts; asking first
/// turns that into an error (on Linux, a refusal comes from an address-space limit).
pub fn available(bytes: usize) -> bool {
    let mut probe: Vec<u8> = Vec::new();
    probe.try_reserve_exact(bytes).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(parse_size("2G"), Some(2 << 30));
        assert_eq!(parse_size("512M"), Some(512 << 20));
        assert_eq!(parse_size("512mib"), Some(512 << 20));
        assert_eq!(parse_size("1.5GB"), Some(3 << 29));
        assert_eq!(parse_size("64k"), Some(64 << 10));
        assert_eq!(parse_size("1T"), Some(1 << 40));
        assert_eq!(parse_size("1000"), Some(1000));
        for bad in ["", "G", "0", "-1G", "2X", "1e9", "two", "0.1"] {
            assert_eq!(parse_size(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn sizes_are_described_in_binary_units() {
        assert_eq!(describe(512), "512 B");
        assert_eq!(describe(3900), "3.8 KiB");
        assert_eq!(describe(800_000_000), "762.9 MiB");
        assert_eq!(describe(2 << 30), "2.0 GiB");
    }

    #[test]
    fn an_array_made_fallibly_is_the_array_asked_for() {
        let mut next = 0.0;
        let a = try_array(&[2, 3], || {
            next += 1.0;
            next
        })
        .expect("six floats");
        assert_eq!(a.shape(), &[2, 3]);
        assert_eq!(
            a.iter().copied().collect::<Vec<_>>(),
            [1., 2., 3., 4., 5., 6.]
        );
        assert!(try_array(&[usize::MAX, 2], || 0.0).is_none());
        assert!(!available(usize::MAX));
        assert!(default_budget() > 0);
    }
}
