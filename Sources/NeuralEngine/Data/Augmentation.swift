/// Seeded image augmentation for batches of images `[N, C, H, W]` (no gradients; use on inputs).
///
/// Each function draws one random choice per image from `generator`, so the same seed gives the
/// same augmented batch. Used by the regularization chapter (Simard et al. 2003 showed shifted
/// and distorted copies of digits act as more training data).
public enum Augmentation {
    /// Shifts each image by a random integer offset in −maxShift...maxShift on each axis, filling
    /// uncovered pixels with 0.
    public static func randomShift(_ images: Tensor, maxShift: Int, generator: RandomGenerator = .global) -> Tensor {
        let (n, c, h, w) = dims(images, op: "randomShift")
        var source = images.doubles
        var out = [Double](repeating: 0, count: source.count)
        let span = 2 * maxShift + 1
        for i in 0..<n {
            let dy = generator.int(below: span) - maxShift
            let dx = generator.int(below: span) - maxShift
            for ch in 0..<c {
                let base = (i * c + ch) * h * w
                for y in 0..<h {
                    let sy = y - dy
                    if sy < 0 || sy >= h { continue }
                    for x in 0..<w {
                        let sx = x - dx
                        if sx < 0 || sx >= w { continue }
                        out[base + y * w + x] = source[base + sy * w + sx]
                    }
                }
            }
        }
        source.removeAll()
        return Tensor(out, shape: images.shape, dtype: images.dtype)
    }

    /// Mirrors each image left–right with probability `probability`.
    public static func randomHorizontalFlip(_ images: Tensor, probability: Double = 0.5,
                                            generator: RandomGenerator = .global) -> Tensor {
        let (n, c, h, w) = dims(images, op: "randomHorizontalFlip")
        var values = images.doubles
        for i in 0..<n where generator.nextDouble() < probability {
            for ch in 0..<c {
                for y in 0..<h {
                    let row = ((i * c + ch) * h + y) * w
                    for x in 0..<(w / 2) { values.swapAt(row + x, row + w - 1 - x) }
                }
            }
        }
        return Tensor(values, shape: images.shape, dtype: images.dtype)
    }

    /// Adds independent Gaussian noise N(0, std²) to every pixel.
    public static func gaussianNoise(_ images: Tensor, std: Double, generator: RandomGenerator = .global) -> Tensor {
        images.detach() + Tensor.randn(images.shape, mean: 0, std: std, dtype: images.dtype, generator: generator)
    }

    private static func dims(_ x: Tensor, op: String) -> (Int, Int, Int, Int) {
        if x.rank != 4 { fatalError("Augmentation.\(op): expected images [N, C, H, W], got \(ShapeError.describe(x.shape))") }
        return (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    }
}
