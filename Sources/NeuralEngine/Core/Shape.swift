/// Shape arithmetic: element counts, row-major strides, axis normalisation and NumPy broadcasting.
enum Shape {
    /// Number of elements of a shape (1 for a scalar shape `[]`).
    @inline(__always) static func count(_ shape: [Int]) -> Int {
        var n = 1
        for d in shape { n *= d }
        return n
    }

    /// Row-major (C order) strides in elements: the last axis has stride 1.
    static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[i] = acc
            acc *= shape[i]
        }
        return strides
    }

    /// Maps a possibly negative axis into `0..<rank`, trapping with the op name when out of range.
    static func normalize(axis: Int, rank: Int, op: String, shape: [Int]) -> Int {
        let a = axis < 0 ? axis + rank : axis
        if a < 0 || a >= rank { fatalError(ShapeError.axisMessage(op, axis: axis, shape: shape)) }
        return a
    }

    /// Normalises a list of axes (nil = all axes), sorted and without duplicates.
    static func normalize(axes: [Int]?, shape: [Int], op: String) -> [Int] {
        guard let axes else { return Array(0..<shape.count) }
        var seen = Set<Int>()
        for axis in axes { seen.insert(normalize(axis: axis, rank: shape.count, op: op, shape: shape)) }
        return seen.sorted()
    }

    /// The broadcast shape of two shapes (NumPy rules: align on the right; sizes equal or one is 1).
    static func broadcast(_ a: [Int], _ b: [Int], op: String) -> [Int] {
        if a == b { return a }
        let rank = Swift.max(a.count, b.count)
        var out = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            if da == db || db == 1 { out[i] = da } else if da == 1 { out[i] = db } else {
                ShapeError.mismatch(op, a, b, detail: "cannot broadcast \(da) and \(db) at axis \(i - rank)")
            }
        }
        return out
    }

    /// Strides of `shape` seen through the broadcast shape `target`: 0 along broadcast axes.
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        let own = strides(shape)
        let offset = target.count - shape.count
        var out = [Int](repeating: 0, count: target.count)
        for i in 0..<shape.count where shape[i] != 1 || target[i + offset] == 1 {
            out[i + offset] = shape[i] == 1 ? 0 : own[i]
        }
        return out
    }
}
