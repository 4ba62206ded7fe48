/// The machine's copy bandwidth for scale in `bench --phases`: the median over repeated copies of a
/// 16 MiB Float buffer into another, counted as bytes read plus bytes written (the convention of the
/// phases' effective GB/s).
enum CopyBandwidth {
    static func measure(bytes: Int = 16 << 20, repetitions: Int = 21) -> Double {
        let count = bytes / 4
        let source = UnsafeMutablePointer<Float>.allocate(capacity: count)
        let target = UnsafeMutablePointer<Float>.allocate(capacity: count)
        defer { source.deallocate(); target.deallocate() }
        source.initialize(repeating: 1, count: count)
        target.initialize(repeating: 0, count: count)
        let timing = TimingSummary.measure(warmups: 2, repetitions: repetitions) {
            target.update(from: source, count: count)
        }
        return 2 * Double(bytes) / timing.median / 1e9
    }
}
