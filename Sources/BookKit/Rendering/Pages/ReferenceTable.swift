/// Resolves `@fig-label` / `@tbl-label` to the numbered figure or table it names.
/// Labels of the chapter being rendered win; otherwise a label of another chapter links there.
struct ReferenceTable: Encodable {
    struct Target: Equatable, Encodable {
        var page: String
        var id: String
        /// "Figure 5.2"
        var text: String
    }

    private(set) var global: [String: Target] = [:]
    var local: [String: Target] = [:]

    /// Adds the labelled floats of one chapter; the first chapter to use a label keeps it globally.
    mutating func add(_ floats: [OutputKey: NumberedFloat], page: String) -> [String: Target] {
        var chapterTargets: [String: Target] = [:]
        for float in floats.values {
            guard let label = float.label else { continue }
            chapterTargets[label] = Target(page: page, id: float.id, text: float.title)
        }
        for (label, target) in chapterTargets where global[label] == nil {
            global[label] = target
        }
        return chapterTargets
    }

    func target(for label: String) -> Target? {
        local[label] ?? global[label]
    }

    func unknownMessage(_ label: String) -> String {
        let known = local.keys.sorted()
        let list = known.isEmpty ? "this chapter has no labelled figures or tables"
                                 : "labels in this chapter: " + known.joined(separator: ", ")
        return "unknown reference @\(label): no figure or table has that label (\(list))"
    }
}
