//! The deterministic generator behind `randn`: SplitMix64 for uniform bits, Box–Muller for
//! normals. A session starts from a fixed seed, so a lesson or a script gives the same numbers on
//! every machine; `--seed N` or `:seed N` picks another stream.

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rng {
    state: u64,
    /// The second normal of the last Box–Muller pair, handed out next.
    spare: Option<f64>,
}

/// The seed a session starts from.
pub const DEFAULT_SEED: u64 = 0;

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng {
            state: seed,
            spare: None,
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform float in the open interval (0, 1), so that its logarithm is finite.
    pub fn next_open01(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// A standard normal sample. Box–Muller makes two from each pair of uniforms; the second
    /// is kept for the next call, which halves the logarithms and square roots.
    pub fn next_normal(&mut self) -> f64 {
        if let Some(spare) = self.spare.take() {
            return spare;
        }
        let u1 = self.next_open01();
        let u2 = self.next_open01();
        let radius = (-2.0 * u1.ln()).sqrt();
        let (sin, cos) = (std::f64::consts::TAU * u2).sin_cos();
        self.spare = Some(radius * sin);
        radius * cos
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_plausible_normals() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let xs: Vec<f64> = (0..10_000).map(|_| a.next_normal()).collect();
        let ys: Vec<f64> = (0..10_000).map(|_| b.next_normal()).collect();
        assert_eq!(xs, ys);
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / xs.len() as f64;
        assert!(mean.abs() < 0.05, "mean {mean}");
        assert!((var - 1.0).abs() < 0.05, "variance {var}");
        assert_ne!(Rng::new(8).next_normal(), Rng::new(7).next_normal());
    }
}
