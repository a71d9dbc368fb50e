//! The 8×8 digits data set, embedded in the binary: scikit-learn's copy of the UCI optical
//! digits (E. Alpaydin, C. Kaynak, 1998; CC BY 4.0), 1,797 rows in a fixed shuffled order (see
//! `data/README.md`). `load digits` splits it as the chapter's examples split MNIST: the first
//! 1,500 rows for training, the last 297 for testing.

use ndarray::{Array2, ArrayD};

/// 65 bytes a row: 64 pixel counts (0..=16, row-major 8×8) and the digit.
const ROWS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/digits.bin"));
const FIELDS: usize = 65;
/// How many rows go to training; the rest are the test set.
pub const TRAIN_ROWS: usize = 1_500;
pub const PIXELS: usize = 64;
pub const CLASSES: usize = 10;

/// The four arrays of `load digits`: pixels divided by 16 (so in [0, 1]) and one-hot labels.
pub struct Digits {
    pub x_train: ArrayD<f64>,
    pub t_train: ArrayD<f64>,
    pub x_test: ArrayD<f64>,
    pub t_test: ArrayD<f64>,
}

/// How many rows the embedded set has.
pub fn len() -> usize {
    ROWS.len() / FIELDS
}

pub fn load() -> Digits {
    let (x_train, t_train) = split(0, TRAIN_ROWS);
    let (x_test, t_test) = split(TRAIN_ROWS, len());
    Digits {
        x_train,
        t_train,
        x_test,
        t_test,
    }
}

/// Rows `start..end` as pixels and one-hot labels.
fn split(start: usize, end: usize) -> (ArrayD<f64>, ArrayD<f64>) {
    let n = end.saturating_sub(start);
    let mut x = Array2::<f64>::zeros((n, PIXELS));
    let mut t = Array2::<f64>::zeros((n, CLASSES));
    for (i, row) in ROWS.chunks_exact(FIELDS).skip(start).take(n).enumerate() {
        for (j, &count) in row[..PIXELS].iter().enumerate() {
            x[[i, j]] = f64::from(count) / 16.0;
        }
        let label = usize::from(row[PIXELS]).min(CLASSES - 1);
        t[[i, label]] = 1.0;
    }
    (x.into_dyn(), t.into_dyn())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_set_splits_into_1500_and_297_rows_in_file_order() {
        assert_eq!(len(), 1_797);
        let digits = load();
        assert_eq!(digits.x_train.shape(), &[1500, 64]);
        assert_eq!(digits.t_train.shape(), &[1500, 10]);
        assert_eq!(digits.x_test.shape(), &[297, 64]);
        assert_eq!(digits.t_test.shape(), &[297, 10]);
        // The file's first row: 0,0,11,16,15,3,0,0,… with label 2.
        assert_eq!(digits.x_train[[0, 2]], 11.0 / 16.0);
        assert_eq!(digits.x_train[[0, 3]], 1.0);
        assert_eq!(digits.t_train[[0, 2]], 1.0);
        assert_eq!(digits.t_train.sum(), 1500.0);
        assert!(digits.x_test.iter().all(|&v| (0.0..=1.0).contains(&v)));
    }
}
