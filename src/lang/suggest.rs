//! "Did you mean": the closest known word to a misspelt one.

/// The longest word, in characters, that "did you mean" compares. A longer typed word gets no
/// suggestion and a longer candidate is never suggested, so one comparison costs at most
/// `MAX_LEN × MAX_LEN` steps and a search is linear in the number of candidates, however long
/// the words a user types or defines.
pub const MAX_LEN: usize = 64;

/// The candidate closest to `word` by edit distance, if it is close enough to be a plausible typo
/// (at most a third of the word's length, and at least one edit allowed). Words longer than
/// [`MAX_LEN`] characters, typed or candidate, are skipped without being compared.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if too_long(word) {
        return None;
    }
    let word_len = word.chars().count();
    let limit = (word_len / 3).max(1);
    candidates
        .into_iter()
        .filter(|c| *c != word && !too_long(c))
        // The distance is at least the difference in length: no need to compute it when that
        // alone is over the limit.
        .filter(|c| c.chars().count().abs_diff(word_len) <= limit)
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Whether `word` has more than [`MAX_LEN`] characters, found by looking at no more than
/// `MAX_LEN + 1` of them.
fn too_long(word: &str) -> bool {
    word.len() > MAX_LEN && word.chars().nth(MAX_LEN).is_some()
}

/// Levenshtein distance over characters. Quadratic: callers bound the lengths (see [`closest`]).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b_chars: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b_chars.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b_chars.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b_chars.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_one_letter_typo_and_nothing_far_away() {
        assert_eq!(closest("r2", ["r", "x"]), Some("r"));
        assert_eq!(closest("relux", ["relu", "sigmoid"]), Some("relu"));
        assert_eq!(closest("banana", ["relu", "x"]), None);
    }

    #[test]
    fn words_over_64_characters_are_not_compared() {
        // 64 characters: still a plausible typo of a 64-character name.
        let name64 = "a".repeat(64);
        let typo64 = format!("{}b", "a".repeat(63));
        assert_eq!(closest(&typo64, [name64.as_str()]), Some(name64.as_str()));
        // 65 characters, typed: no suggestion, even one edit away from a known name.
        let typo65 = format!("{}b", "a".repeat(64));
        assert_eq!(closest(&typo65, [name64.as_str()]), None);
        // 65 characters, known: never suggested, even one edit away from the typed word.
        let name65 = "a".repeat(65);
        assert_eq!(closest(&typo64, [name65.as_str()]), None);
        assert_eq!(
            closest(&typo64, [name65.as_str(), name64.as_str()]),
            Some(name64.as_str())
        );
        // Characters, not bytes: 64 Korean syllables (192 bytes) are still compared.
        let hangul64 = "가".repeat(64);
        let hangul_typo = format!("{}나", "가".repeat(63));
        assert_eq!(
            closest(&hangul_typo, [hangul64.as_str()]),
            Some(hangul64.as_str())
        );
    }

    #[test]
    fn a_million_character_word_is_skipped() {
        let huge = "x".repeat(1_000_000);
        let huge_typo = format!("{}y", "x".repeat(999_999));
        assert_eq!(closest(&huge_typo, [huge.as_str(), "x"]), None);
        assert_eq!(closest("xx", [huge.as_str()]), None);
    }
}
