//! The random number generator behind `seed`, `randn`, `rand` and `choice`.
//!
//! This module owns the one piece of state that makes random draws reproducible: a copy of
//! numpy's legacy global generator (`np.random.seed`, `np.random.randn`, `np.random.rand` and
//! `np.random.choice` on the module-level `RandomState`). Programs are checked against text that
//! numpy printed, so every value must match numpy bit for bit, and that includes the order in
//! which numpy consumes the underlying 32-bit words. The pieces reproduced here are:
//!
//! - MT19937 seeded with `init_genrand`, which is what `RandomState.seed(n)` does for an
//!   integer `n` (numpy's `mt19937_seed`).
//! - `random_standard_uniform`: a 53-bit double built from two 32-bit words.
//! - `legacy_gauss`: Marsaglia's polar method, which makes normals in pairs and keeps the second
//!   one in a cache that survives other kinds of draws and is cleared only by seeding.
//! - `randint(0, n)` with numpy's default integer type (int64 on the platforms the project
//!   targets): masked rejection sampling that draws single 32-bit words when the inclusive range
//!   `n - 1` fits in 32 bits and 64-bit words (high word first) otherwise.
//!
//! Seeds are `u32` because `np.random.seed(n)` accepts exactly the integers `0 <= n < 2**32`;
//! anything else is an error in numpy, so the caller rejects it before reaching this module.
//!
//! The whole generator is about 2.5 KB and is plain data, so a session can `clone` it before a
//! statement and put the copy back if the statement fails.

use crate::i18n::Message;
use crate::msg;

/// The seed a program starts with when it never says `seed`, matching `np.random.seed(0)`.
pub const DEFAULT_SEED: u32 = 0;

/// The largest population `choice` accepts. numpy draws `randint(0, n)` into int64, so the
/// highest value, `n - 1`, must fit in an int64, which allows `n` up to `2**63`.
pub const CHOICE_MAX_POPULATION: u64 = 1 << 63;

/// The number of 32-bit words in the Mersenne Twister state.
const STATE_WORDS: usize = 624;

/// The distance to the word that the twist mixes in, from the published algorithm.
const TWIST_OFFSET: usize = 397;

/// The twist matrix constant from the published algorithm.
const MATRIX_A: u32 = 0x9908_b0df;

/// The top bit of a state word.
const UPPER_MASK: u32 = 0x8000_0000;

/// The lower 31 bits of a state word.
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The multiplier `init_genrand` uses to spread the seed across the state.
const SEED_MULTIPLIER: u32 = 1_812_433_253;

/// A copy of numpy's legacy `RandomState`: the MT19937 state plus the cached normal value.
#[derive(Debug, Clone, PartialEq)]
pub struct Rng {
    /// The 624 words of MT19937 state, exactly as numpy's `get_state()[1]` shows them.
    state: [u32; STATE_WORDS],
    /// The index of the next state word to temper; 624 means the state must be twisted first.
    position: usize,
    /// The second normal from the last polar-method pair, which numpy hands out on the next
    /// normal draw. `None` matches numpy's `has_gauss == 0`.
    cached_normal: Option<f64>,
}

impl Rng {
    /// As `np.random.seed(seed)` on the legacy global `RandomState` (`init_genrand` for a 32-bit
    /// seed). numpy accepts integer seeds `0 <= seed < 2**32`, which is exactly the range of
    /// `u32`. Seeding also forgets any cached normal, as numpy's `_reset_gauss` does.
    pub fn new(seed: u32) -> Rng {
        let mut state = [0u32; STATE_WORDS];
        state[0] = seed;
        // The index is needed both as an array position and as a 32-bit word in the formula.
        for (index, index_word) in (1..STATE_WORDS).zip(1u32..) {
            let previous = state[index - 1];
            state[index] = SEED_MULTIPLIER
                .wrapping_mul(previous ^ (previous >> 30))
                .wrapping_add(index_word);
        }
        Rng {
            state,
            // numpy leaves the position at 624 after seeding, so the first draw twists.
            position: STATE_WORDS,
            cached_normal: None,
        }
    }

    /// np.random.randn's one value: numpy's legacy polar (Marsaglia) method `legacy_gauss`,
    /// keeping its cached second value between calls exactly as numpy does (including across
    /// `rand`/`choice` calls, and reset by seeding).
    pub fn next_normal(&mut self) -> f64 {
        if let Some(cached) = self.cached_normal.take() {
            return cached;
        }
        loop {
            let first = 2.0 * self.next_uniform() - 1.0;
            let second = 2.0 * self.next_uniform() - 1.0;
            let radius_squared = first * first + second * second;
            // Points outside the unit circle, and the centre itself, are rejected and the pair
            // is drawn again, exactly as numpy's loop does.
            if radius_squared < 1.0 && radius_squared != 0.0 {
                // The grouping `(-2 * ln r2) / r2` is numpy's; another grouping could round
                // differently in the last bit. `ln` is the platform's `log`, the same one numpy
                // calls, which is what keeps the last bit equal on Linux (glibc).
                let factor = (-2.0 * radius_squared.ln() / radius_squared).sqrt();
                self.cached_normal = Some(factor * first);
                return factor * second;
            }
        }
    }

    /// np.random.rand / random_sample's one value: legacy `random_standard_uniform` = 53-bit
    /// double from two 32-bit draws (a>>5, b>>6).
    pub fn next_uniform(&mut self) -> f64 {
        let high_bits = f64::from(self.next_u32() >> 5);
        let low_bits = f64::from(self.next_u32() >> 6);
        // Both products and the sum are exact in f64, so this is (high * 2^26 + low) / 2^53.
        (high_bits * 67_108_864.0 + low_bits) / 9_007_199_254_740_992.0
    }

    /// np.random.choice(n, k) (replace=True, p=None) on the legacy RandomState: k integers in
    /// [0, n), drawn as `RandomState.randint(0, n, size=k)` does with its default int64 type.
    ///
    /// numpy works with the inclusive range `n - 1` and a bit mask covering it, and rejects
    /// masked words above the range. When `n - 1` fits in 32 bits each attempt uses one 32-bit
    /// word; otherwise each attempt uses a 64-bit word made of two 32-bit words, high word
    /// first. For `n == 1` the range is empty and no words are drawn at all.
    ///
    /// The arguments must pass [`check_choice_arguments`]. Where numpy would raise an error
    /// (`n == 0` or `n > 2**63`, with `k > 0`), this returns an empty vector and leaves the
    /// generator untouched, so a caller that forgets the check cannot corrupt the stream.
    pub fn choice(&mut self, n: u64, k: usize) -> Vec<u64> {
        if k == 0 || check_choice_arguments(n, k).is_err() {
            return Vec::new();
        }
        let inclusive_range = n - 1;
        if inclusive_range == 0 {
            return vec![0; k];
        }
        // Each branch uses the smallest all-ones mask that covers the range, numpy's `gen_mask`.
        if let Ok(range_32) = u32::try_from(inclusive_range) {
            let mask_32 = u32::MAX >> range_32.leading_zeros();
            (0..k)
                .map(|_| {
                    loop {
                        let candidate = self.next_u32() & mask_32;
                        if candidate <= range_32 {
                            break u64::from(candidate);
                        }
                    }
                })
                .collect()
        } else {
            let mask = u64::MAX >> inclusive_range.leading_zeros();
            (0..k)
                .map(|_| {
                    loop {
                        let candidate = self.next_u64() & mask;
                        if candidate <= inclusive_range {
                            break candidate;
                        }
                    }
                })
                .collect()
        }
    }

    /// One tempered MT19937 output word (`genrand_int32`), twisting the state when all 624
    /// words have been used.
    fn next_u32(&mut self) -> u32 {
        if self.position >= STATE_WORDS {
            self.twist();
        }
        let mut word = self.state[self.position];
        self.position += 1;
        word ^= word >> 11;
        word ^= (word << 7) & 0x9d2c_5680;
        word ^= (word << 15) & 0xefc6_0000;
        word ^= word >> 18;
        word
    }

    /// numpy's `mt19937_next64`: two 32-bit words, the first one drawn becoming the high half.
    fn next_u64(&mut self) -> u64 {
        let high = u64::from(self.next_u32());
        let low = u64::from(self.next_u32());
        (high << 32) | low
    }

    /// Regenerates all 624 state words at once, as the published algorithm does.
    fn twist(&mut self) {
        for index in 0..STATE_WORDS {
            let mixed = (self.state[index] & UPPER_MASK)
                | (self.state[(index + 1) % STATE_WORDS] & LOWER_MASK);
            let mut next = self.state[(index + TWIST_OFFSET) % STATE_WORDS] ^ (mixed >> 1);
            if mixed & 1 != 0 {
                next ^= MATRIX_A;
            }
            self.state[index] = next;
        }
        self.position = 0;
    }
}

/// Checks the arguments of `choice(n, k)` the way numpy's `choice` and `randint` do, returning
/// numpy's own error message when it would raise. `n` must be between 1 and `2**63` (numpy draws
/// into int64), except that numpy accepts any `n` when no samples are taken (`k == 0`), because
/// `randint` returns the empty array before it checks its bounds.
pub fn check_choice_arguments(n: u64, k: usize) -> Result<(), Message> {
    if k == 0 {
        return Ok(());
    }
    if n == 0 {
        return Err(msg!("choice-empty"));
    }
    if n > CHOICE_MAX_POPULATION {
        return Err(msg!("choice-too-large"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts that two float sequences are identical bit for bit, naming the first difference.
    fn assert_same_bits(label: &str, actual: &[f64], expected: &[f64]) {
        assert_eq!(actual.len(), expected.len(), "{label}: length differs");
        for (index, (got, want)) in actual.iter().zip(expected).enumerate() {
            assert_eq!(
                got.to_bits(),
                want.to_bits(),
                "{label}: value {index} is {got:?}, numpy gives {want:?}"
            );
        }
    }

    /// Replays one generated case: a seed, then a list of draws, each compared with numpy.
    fn run_case(case: &Case) {
        let mut rng = Rng::new(case.seed);
        for (step, draw) in case.draws.iter().enumerate() {
            let label = format!("seed {} step {step}", case.seed);
            match draw {
                Draw::Reseed(seed) => rng = Rng::new(*seed),
                Draw::Normal(expected) => {
                    let actual: Vec<f64> = expected.iter().map(|_| rng.next_normal()).collect();
                    assert_same_bits(&label, &actual, expected);
                }
                Draw::Uniform(expected) => {
                    let actual: Vec<f64> = expected.iter().map(|_| rng.next_uniform()).collect();
                    assert_same_bits(&label, &actual, expected);
                }
                Draw::Choice(n, expected) => {
                    assert_eq!(
                        rng.choice(*n, expected.len()),
                        *expected,
                        "{label}: choice({n})"
                    );
                }
                Draw::SkipUniform(count) => {
                    for _ in 0..*count {
                        rng.next_uniform();
                    }
                }
                Draw::Words(expected) => {
                    let actual: Vec<u32> = expected.iter().map(|_| rng.next_u32()).collect();
                    assert_eq!(actual, *expected, "{label}: raw words");
                }
            }
        }
    }

    /// One step of a generated case.
    enum Draw {
        /// `np.random.seed(n)` partway through.
        Reseed(u32),
        /// `np.random.randn(len)`, with numpy's values.
        Normal(&'static [f64]),
        /// `np.random.rand(len)`, with numpy's values.
        Uniform(&'static [f64]),
        /// `np.random.choice(n, len)`, with numpy's values.
        Choice(u64, &'static [u64]),
        /// `np.random.rand(count)` whose values are not checked, to move far into the stream.
        SkipUniform(usize),
        /// `randint(0, 2**32, dtype=uint64)`, which hands out raw tempered words.
        Words(&'static [u32]),
    }

    /// A seed followed by draws, as generated by `gen_expected.py`.
    struct Case {
        seed: u32,
        draws: &'static [Draw],
    }

    #[test]
    fn generated_cases_match_numpy() {
        for case in GENERATED_CASES {
            run_case(case);
        }
    }

    #[test]
    fn seeding_state_matches_numpy() {
        let rng = Rng::new(5489);
        assert_eq!(rng.position, STATE_WORDS);
        assert_eq!(rng.state[..4], SEED_5489_FIRST_WORDS);
        assert_eq!(rng.state[STATE_WORDS - 1], SEED_5489_LAST_WORD);
    }

    #[test]
    fn reseeding_clears_the_cached_normal() {
        let mut rng = Rng::new(7);
        let first = rng.next_normal();
        assert!(rng.cached_normal.is_some());
        rng = Rng::new(7);
        assert!(rng.cached_normal.is_none());
        assert_eq!(rng.next_normal().to_bits(), first.to_bits());
    }

    #[test]
    fn clone_restores_the_stream() {
        let mut rng = Rng::new(11);
        rng.next_normal();
        let saved = rng.clone();
        let after: Vec<f64> = (0..700).map(|_| rng.next_normal()).collect();
        rng = saved;
        let again: Vec<f64> = (0..700).map(|_| rng.next_normal()).collect();
        assert_same_bits("restored clone", &again, &after);
    }

    #[test]
    fn invalid_choice_arguments_are_reported_and_draw_nothing() {
        assert!(check_choice_arguments(0, 0).is_ok());
        assert!(check_choice_arguments(u64::MAX, 0).is_ok());
        assert!(check_choice_arguments(0, 1).is_err());
        assert!(check_choice_arguments(CHOICE_MAX_POPULATION, 1).is_ok());
        assert!(check_choice_arguments(CHOICE_MAX_POPULATION + 1, 1).is_err());
        let mut rng = Rng::new(3);
        let untouched = rng.clone();
        assert!(rng.choice(0, 4).is_empty());
        assert!(rng.choice(u64::MAX, 4).is_empty());
        assert!(rng.choice(0, 0).is_empty());
        assert_eq!(rng, untouched);
    }

    // BEGIN GENERATED by gen_expected.py; do not edit by hand.
    // numpy 2.4.6, np.random.get_state() after np.random.seed(5489).
    const SEED_5489_FIRST_WORDS: [u32; 4] = [5489, 1301868182, 2938499221, 2950281878];
    const SEED_5489_LAST_WORD: u32 = 79981964;

    // numpy's values for each case, drawn on np.random's global generator.
    const GENERATED_CASES: &[Case] = &[
        Case {
            seed: 5489,
            draws: &[Draw::Words(&[
                3499211612, 581869302, 3890346734, 3586334585, 545404204, 4161255391,
            ])],
        },
        Case {
            seed: 0,
            draws: &[
                Draw::Words(&[2357136044, 2546248239, 3071714933, 3626093760]),
                Draw::Uniform(&[0.6027633760716439, 0.5448831829968969]),
            ],
        },
        Case {
            seed: 0,
            draws: &[
                Draw::Normal(&[
                    1.764052345967664,
                    0.4001572083672233,
                    0.9787379841057392,
                    2.240893199201458,
                    1.8675579901499675,
                    -0.977277879876411,
                    0.9500884175255894,
                ]),
                Draw::Uniform(&[
                    0.9636627605010293,
                    0.3834415188257777,
                    0.7917250380826646,
                    0.5288949197529045,
                    0.5680445610939323,
                ]),
                Draw::Normal(&[-0.1513572082976979, 0.48431215412066475, 0.5791404787067285]),
                Draw::Choice(10, &[0, 2, 3, 8, 1, 3]),
                Draw::Normal(&[2.008157088692113]),
                Draw::Uniform(&[0.7206326547259168]),
                Draw::Normal(&[0.22988653700036213, 1.0854870347559817]),
            ],
        },
        Case {
            seed: 1,
            draws: &[
                Draw::Normal(&[
                    1.6243453636632417,
                    -0.6117564136500754,
                    -0.5281717522634557,
                    -1.0729686221561705,
                    0.8654076293246785,
                    -2.3015386968802827,
                    1.74481176421648,
                ]),
                Draw::Uniform(&[
                    0.20445224973151743,
                    0.8781174363909454,
                    0.027387593197926163,
                    0.6704675101784022,
                    0.41730480236712697,
                ]),
                Draw::Normal(&[
                    -0.7612069008951028,
                    -1.1103630547363093,
                    0.18121426663539714,
                ]),
                Draw::Choice(10, &[0, 6, 9, 9, 7, 6]),
                Draw::Normal(&[1.118296977299658]),
                Draw::Uniform(&[0.8291469073671416]),
                Draw::Normal(&[0.055613189958477645, -0.5352490231162413]),
            ],
        },
        Case {
            seed: 17,
            draws: &[
                Draw::Normal(&[
                    0.27626589002131874,
                    -1.854628078806505,
                    0.6239011113263563,
                    1.1453112895720903,
                    1.0371904682278827,
                    1.8866389297816077,
                    -0.11169829012876616,
                ]),
                Draw::Uniform(&[
                    0.9456831868184076,
                    0.060044680315385346,
                    0.864042103546211,
                    0.8772905261480303,
                    0.05119366562045369,
                ]),
                Draw::Normal(&[-0.36210133839904846, 0.6845688877076841, 2.016198697882418]),
                Draw::Choice(10, &[5, 1, 0, 5, 6, 6]),
                Draw::Normal(&[2.4387021638287707]),
                Draw::Uniform(&[0.04645720711872503]),
                Draw::Normal(&[-2.211045095492701, -0.9186144578619188]),
            ],
        },
        Case {
            seed: 42,
            draws: &[
                Draw::Normal(&[
                    0.4967141530112327,
                    -0.13826430117118466,
                    0.6476885381006925,
                    1.5230298564080254,
                    -0.23415337472333597,
                    -0.23413695694918055,
                    1.5792128155073915,
                ]),
                Draw::Uniform(&[
                    0.020584494295802447,
                    0.9699098521619943,
                    0.8324426408004217,
                    0.21233911067827616,
                    0.18182496720710062,
                ]),
                Draw::Normal(&[0.7674347291529088, -0.5713801657541415, -0.9240828377471049]),
                Draw::Choice(10, &[5, 8, 0, 9, 2, 6]),
                Draw::Normal(&[-0.024455177494065745]),
                Draw::Uniform(&[0.8599404067363206]),
                Draw::Normal(&[0.35555131712243215, -0.5251228511300091]),
            ],
        },
        Case {
            seed: 12345,
            draws: &[
                Draw::Normal(&[
                    -0.20470765948471295,
                    0.47894333805754824,
                    -0.5194387150567381,
                    -0.55573030434749,
                    1.9657805725027142,
                    1.3934058329729904,
                    0.09290787674371767,
                ]),
                Draw::Uniform(&[
                    0.7489066375339118,
                    0.6535698708517353,
                    0.7477148092712739,
                    0.9613067360728214,
                    0.00838829794155349,
                ]),
                Draw::Normal(&[0.2817461528302025, -0.3196572654398582, -0.6249639111531236]),
                Draw::Choice(10, &[7, 7, 8, 7, 1, 7]),
                Draw::Normal(&[1.4179596794223386]),
                Draw::Uniform(&[0.1293145696050605]),
                Draw::Normal(&[-1.0097023729414065, -0.5043903448321985]),
            ],
        },
        Case {
            seed: 2147483648,
            draws: &[
                Draw::Normal(&[
                    0.3184761273282464,
                    -0.34575349241475667,
                    0.2255674496017024,
                    1.5130304859621413,
                    -1.2839937468838771,
                    -0.973392402736929,
                    -0.7440923438923399,
                ]),
                Draw::Uniform(&[
                    0.025004340132493974,
                    0.6835966363898917,
                    0.840094491531208,
                    0.10730339143612477,
                    0.1785155164364507,
                ]),
                Draw::Normal(&[
                    -2.444594011723732,
                    -0.26761018402298503,
                    -0.3939498798568664,
                ]),
                Draw::Choice(10, &[4, 0, 0, 3, 8, 6]),
                Draw::Normal(&[0.009658987881021803]),
                Draw::Uniform(&[0.14971082103618094]),
                Draw::Normal(&[0.32848495577456144, 0.8130760604726143]),
            ],
        },
        Case {
            seed: 4294967295,
            draws: &[
                Draw::Normal(&[
                    0.6484086742306527,
                    0.6693235306338161,
                    -1.0805437227474493,
                    0.2845010447986309,
                    0.11388773652167104,
                    0.8676218937929382,
                    -0.044026015448043285,
                ]),
                Draw::Uniform(&[
                    0.32420043998445336,
                    0.1817673614885038,
                    0.9335337533300324,
                    0.8238800726077493,
                    0.8883492269047446,
                ]),
                Draw::Normal(&[
                    0.24877161740907913,
                    -1.4568655509538075,
                    -0.05015976554411699,
                ]),
                Draw::Choice(10, &[3, 9, 9, 7, 9, 5]),
                Draw::Normal(&[0.08608547609366564]),
                Draw::Uniform(&[0.511635797298477]),
                Draw::Normal(&[-0.4013059057389983, 1.2936594720796941]),
            ],
        },
        Case {
            seed: 7,
            draws: &[
                Draw::Normal(&[1.690525703800356]),
                Draw::Uniform(&[0.9779895119966027, 0.5384958704104337]),
                Draw::Normal(&[-0.4659373705408328]),
                Draw::Normal(&[-0.7889230286257386]),
                Draw::Choice(1500, &[730, 904, 1191]),
                Draw::Normal(&[0.00206557290594813]),
                Draw::Normal(&[1.0951246886361226, 0.0824452062388792, -1.0232726161545904]),
            ],
        },
        Case {
            seed: 7,
            draws: &[
                Draw::Normal(&[1.690525703800356]),
                Draw::Reseed(7),
                Draw::Normal(&[1.690525703800356, -0.4659373705408328, 0.0328201636785844]),
                Draw::Reseed(8),
                Draw::Normal(&[0.09120471661981977]),
                Draw::Reseed(7),
                Draw::Normal(&[1.690525703800356, -0.4659373705408328]),
                Draw::Uniform(&[0.9779895119966027]),
            ],
        },
        Case {
            seed: 100,
            draws: &[
                Draw::Choice(1, &[0, 0, 0, 0, 0, 0, 0, 0, 0]),
                Draw::Normal(&[-1.7497654730546974, 0.34268040332750216, 1.153035802563644]),
                Draw::Choice(1, &[0, 0, 0, 0]),
                Draw::Uniform(&[0.004718856190972565]),
            ],
        },
        Case {
            seed: 101,
            draws: &[
                Draw::Choice(2, &[1, 1, 1, 0, 1, 1, 1, 1, 1]),
                Draw::Normal(&[-1.8217336889948368, 0.2949853612951808, -1.5985522249418807]),
                Draw::Choice(2, &[0, 0, 0, 1]),
                Draw::Uniform(&[0.07568189764121136]),
            ],
        },
        Case {
            seed: 102,
            draws: &[
                Draw::Choice(3, &[0, 2, 2, 2, 2, 1, 0, 1, 0]),
                Draw::Normal(&[
                    -0.5098449678999922,
                    -0.9030989185419762,
                    -0.13001637272238065,
                ]),
                Draw::Choice(3, &[0, 0, 0, 2]),
                Draw::Uniform(&[0.3611620851279358]),
            ],
        },
        Case {
            seed: 103,
            draws: &[
                Draw::Choice(10, &[7, 9, 3, 9, 6, 1, 5, 7, 7]),
                Draw::Normal(&[-0.5519062048803964, 0.9200779186674596, -0.4193694591962317]),
                Draw::Choice(10, &[4, 8, 1, 4]),
                Draw::Uniform(&[0.6503266916273728]),
            ],
        },
        Case {
            seed: 104,
            draws: &[
                Draw::Choice(1500, &[69, 729, 1275, 654, 166, 1151, 520, 624, 227]),
                Draw::Normal(&[
                    2.1724167014335056,
                    -0.2033610380370012,
                    -0.31678461879549813,
                ]),
                Draw::Choice(1500, &[192, 1221, 69, 337]),
                Draw::Uniform(&[0.44130426649227883]),
            ],
        },
        Case {
            seed: 105,
            draws: &[
                Draw::Choice(
                    2147483653,
                    &[
                        359660224, 1409888885, 1432398614, 453921472, 273544621, 1499703297,
                        1274894790, 9643209, 1937528079,
                    ],
                ),
                Draw::Normal(&[
                    0.36238769815366156,
                    -0.05646905190455053,
                    -0.02251122167152433,
                ]),
                Draw::Choice(2147483653, &[379008281, 1244670730, 1590809204, 891881228]),
                Draw::Uniform(&[0.1731619728199083]),
            ],
        },
        Case {
            seed: 106,
            draws: &[
                Draw::Choice(
                    4294967295,
                    &[
                        36785518, 2983142362, 4098715943, 2045560729, 1930867135, 2144307732,
                        2620869684, 533280970, 3659569043,
                    ],
                ),
                Draw::Normal(&[0.537200619909725, -0.9897476117019854, -0.6826369536799859]),
                Draw::Choice(4294967295, &[780268295, 3862941890, 3576758277, 205040253]),
                Draw::Uniform(&[0.67602773113137]),
            ],
        },
        Case {
            seed: 107,
            draws: &[
                Draw::Choice(
                    4294967296,
                    &[
                        698812478, 4256562352, 3241759193, 2303005126, 2419792526, 328584523,
                        967503266, 3847540457, 1465708198,
                    ],
                ),
                Draw::Normal(&[
                    -0.17108671163084033,
                    -0.04063597028604607,
                    -0.9945051466543139,
                ]),
                Draw::Choice(
                    4294967296,
                    &[2973860393, 2576004596, 2347118816, 4170290537],
                ),
                Draw::Uniform(&[0.37354432569491813]),
            ],
        },
        Case {
            seed: 108,
            draws: &[
                Draw::Choice(
                    4294967297,
                    &[
                        2627859286, 846424180, 1383954409, 143051613, 1117324646, 1064839244,
                        2641632695, 2921736879, 1784701307,
                    ],
                ),
                Draw::Normal(&[0.5464836188072948, -1.1583621177758654, -0.8780755630312707]),
                Draw::Choice(4294967297, &[585626941, 3703236725, 987112789, 753358737]),
                Draw::Uniform(&[0.5265435972712782]),
            ],
        },
        Case {
            seed: 109,
            draws: &[
                Draw::Choice(
                    4294967303,
                    &[
                        2728938741, 2157660559, 380420415, 1466259897, 2407112942, 3566950068,
                        3156079925, 260291016, 682202106,
                    ],
                ),
                Draw::Normal(&[
                    -0.22799095780998918,
                    0.4582258280930189,
                    -1.5538168699914274,
                ]),
                Draw::Choice(4294967303, &[1607134785, 842695126, 4025255395, 3289234568]),
                Draw::Uniform(&[0.7409252814567667]),
            ],
        },
        Case {
            seed: 110,
            draws: &[
                Draw::Choice(
                    8589934592,
                    &[
                        3491178211, 5700887823, 8399239001, 7964298112, 673257680, 2783252322,
                        8069149960, 4959127173, 2679455441,
                    ],
                ),
                Draw::Normal(&[
                    -0.2056122588765268,
                    -0.7561188170999998,
                    -0.7214124166838545,
                ]),
                Draw::Choice(8589934592, &[2673350313, 701624599, 1430470529, 4457133054]),
                Draw::Uniform(&[0.5595100695350063]),
            ],
        },
        Case {
            seed: 111,
            draws: &[
                Draw::Choice(
                    1099511627779,
                    &[
                        373034687763,
                        727128153410,
                        508429047762,
                        931666220316,
                        92461874742,
                        860203864101,
                        799628630284,
                        746122999749,
                        56812603954,
                    ],
                ),
                Draw::Normal(&[
                    0.09137849421777473,
                    0.12458097028858157,
                    0.37108135029255895,
                ]),
                Draw::Choice(
                    1099511627779,
                    &[321282266091, 598917197489, 446118794072, 993425990633],
                ),
                Draw::Uniform(&[0.5652854013397265]),
            ],
        },
        Case {
            seed: 112,
            draws: &[
                Draw::Choice(
                    1000000000000000,
                    &[
                        845422710824410,
                        80547172824052,
                        242612433119016,
                        795583647295145,
                        930313420746308,
                        673722245286654,
                        988588817137840,
                        665226525326966,
                        614751109639141,
                    ],
                ),
                Draw::Normal(&[-0.5071473561957771, 1.0488926435722656, 1.273730601156529]),
                Draw::Choice(
                    1000000000000000,
                    &[
                        919950907338989,
                        985575816141096,
                        565572219860667,
                        465976598116878,
                    ],
                ),
                Draw::Uniform(&[0.33218775732993966]),
            ],
        },
        Case {
            seed: 113,
            draws: &[
                Draw::Choice(
                    4611686018427400249,
                    &[
                        1363280765565826634,
                        2355238557946132720,
                        1399330828808662880,
                        3613912061147260935,
                        3405971720160504251,
                        3701309033997484015,
                        2633260971409733105,
                        2000824007340781637,
                        592636816357148959,
                    ],
                ),
                Draw::Normal(&[
                    -0.9345489019488646,
                    0.03936338266821091,
                    0.23794981588583877,
                ]),
                Draw::Choice(
                    4611686018427400249,
                    &[
                        3224112319234571531,
                        4015699662784409685,
                        4106231733201411901,
                        1642117528285006009,
                    ],
                ),
                Draw::Uniform(&[0.2772015706368668]),
            ],
        },
        Case {
            seed: 114,
            draws: &[
                Draw::Choice(
                    9223372036854775808,
                    &[
                        2797116117990832915,
                        6802149742566754898,
                        7856168888952978943,
                        9009633006676034386,
                        4897480323528971913,
                        6674445760196203683,
                        2457193109236492382,
                        400185092173646468,
                        4077863346351695294,
                    ],
                ),
                Draw::Normal(&[-0.6052343044044848, -1.148833622767367, 1.1265265936933029]),
                Draw::Choice(
                    9223372036854775808,
                    &[
                        1388566493170711517,
                        1538596741923259108,
                        3133398847854273821,
                        8004225080476689867,
                    ],
                ),
                Draw::Uniform(&[0.20512042679620235]),
            ],
        },
        Case {
            seed: 99,
            draws: &[
                Draw::SkipUniform(1000),
                Draw::Normal(&[
                    -0.8592868037068686,
                    0.9196257187472205,
                    1.0577789639062227,
                    0.5878485889815728,
                    0.7176364255367623,
                ]),
                Draw::Uniform(&[0.19814057596687884, 0.9479087260583458, 0.7037317370436509]),
                Draw::Choice(
                    8589934592,
                    &[1595866551, 8040877404, 4235335050, 6067934446],
                ),
                Draw::Choice(6, &[3, 0, 4, 0, 0]),
                Draw::Normal(&[0.2733242389587685]),
            ],
        },
        Case {
            seed: 2024,
            draws: &[
                Draw::SkipUniform(311),
                Draw::Normal(&[
                    -1.0136650238346772,
                    2.562513048483531,
                    -1.3078880801750097,
                    -0.9916888061337555,
                    0.024332297320352445,
                ]),
                Draw::Choice(
                    2147483653,
                    &[
                        418713785, 1544637568, 1635266477, 431146434, 569273323, 1995145380,
                        407158548,
                    ],
                ),
                Draw::Choice(1500, &[1291]),
                Draw::SkipUniform(311),
                Draw::Normal(&[-1.5053320012054705, -0.5327269540701955, -2.142734956521845]),
            ],
        },
    ];
    // END GENERATED
}
