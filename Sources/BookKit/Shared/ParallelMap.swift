import BookWire
import Foundation

extension Array where Element: Sendable {
    /// `transform` applied to every element on up to `parallelism` threads, each element exactly
    /// once, handed out in order; the results in the elements' order. Chapters are the unit of
    /// parallel work in the pipeline (building and checking alike).
    func parallelMap<Result: Sendable>(parallelism: Int, _ transform: @escaping @Sendable (Element) -> Result) -> [Result] {
        let items = self
        let next = Locked(0)
        let results = Locked([Result?](repeating: nil, count: items.count))
        let group = DispatchGroup()
        for _ in 0..<Swift.min(Swift.max(parallelism, 1), Swift.max(items.count, 1)) {
            DispatchQueue.global().async(group: group) {
                while true {
                    let index: Int = next.withLock { value in
                        defer { value += 1 }
                        return value
                    }
                    guard index < items.count else { return }
                    let result = transform(items[index])
                    results.withLock { $0[index] = result }
                }
            }
        }
        group.wait()
        return results.withLock { $0.map { $0! } }
    }
}
