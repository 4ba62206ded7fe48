/// A seeded pseudo-random generator: xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom
/// number generators", 2018), its 256-bit state filled from the seed by SplitMix64 (Steele et al. 2014).
///
/// The same seed gives the same sequence on every machine and thread count: all tensor creation
/// draws sequentially from one generator, in row-major order.
public final class RandomGenerator: @unchecked Sendable {
    /// The documented default generator (seed 42). BookRuntime reseeds it before every chapter block.
    public static let global = RandomGenerator(seed: 42)

    private var s0: UInt64 = 0, s1: UInt64 = 0, s2: UInt64 = 0, s3: UInt64 = 0
    /// Seed the generator was last (re)seeded with.
    public private(set) var seed: UInt64 = 0
    /// Second value of the last Box–Muller pair, used by the next `normal` call.
    private var spareNormal: Double?

    /// A generator whose sequence is determined by `seed`.
    public init(seed: UInt64) { reseed(seed) }

    /// Restarts the sequence from `seed`.
    public func reseed(_ seed: UInt64) {
        self.seed = seed
        var sm = seed
        s0 = Self.splitMix64(&sm); s1 = Self.splitMix64(&sm)
        s2 = Self.splitMix64(&sm); s3 = Self.splitMix64(&sm)
        spareNormal = nil
    }

    /// SplitMix64 step: a well-mixed 64-bit value from a Weyl sequence.
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always) private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Next 64 uniformly distributed bits (xoshiro256**).
    public func nextUInt64() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    public func nextDouble() -> Double {
        Double(nextUInt64() >> 11) * 0x1.0p-53
    }

    /// A normal sample by the Box–Muller transform (Box & Muller 1958): from uniforms u1 in (0, 1] and
    /// u2, `sqrt(-2 ln u1) · cos(2π u2)` and `· sin(2π u2)` are independent N(0, 1).
    public func normal(mean: Double = 0, std: Double = 1) -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return mean + std * spare
        }
        let u1 = 1.0 - nextDouble()          // (0, 1], so log is finite
        let u2 = nextDouble()
        let radius = (-2.0 * _log(u1)).squareRoot()
        let angle = 2.0 * Double.pi * u2
        spareNormal = radius * _sin(angle)
        return mean + std * radius * _cos(angle)
    }

    /// Uniform integer in `0..<n`, unbiased (Lemire's multiply-shift with rejection, 2019).
    public func int(below n: Int) -> Int {
        if n <= 0 { fatalError("RandomGenerator.int(below:): n must be positive, got \(n)") }
        let bound = UInt64(n)
        var product = nextUInt64().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = nextUInt64().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }

    /// A uniformly random permutation of `0..<n` (Fisher–Yates / Durstenfeld shuffle).
    public func shuffled(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        if n < 2 { return p }
        for i in stride(from: n - 1, to: 0, by: -1) {
            p.swapAt(i, int(below: i + 1))
        }
        return p
    }

    /// An independent child generator whose seed depends only on this generator's seed and `label`
    /// (not on how many numbers were drawn), so adding draws elsewhere does not shift the child.
    public func fork(_ label: String) -> RandomGenerator {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325       // FNV-1a 64
        for byte in label.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var mix = seed ^ hash
        return RandomGenerator(seed: Self.splitMix64(&mix))
    }
}
