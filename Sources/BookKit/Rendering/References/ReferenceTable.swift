/// Resolves `@fig-`, `@tbl-`, `@eq-` and `@sec-` references to what they name: a numbered figure,
/// table or equation, a section, or a whole chapter. Labels of the chapter being rendered win;
/// otherwise a label of another chapter links there (the first chapter to use a label keeps it).
struct ReferenceTable {
    struct Target: Equatable, Encodable {
        var page: String
        var id: String
        /// What a reference shows: "Figure 5.2", "Equation 5.1", "Section 3.2", "Chapter 4".
        var text: String
    }

    /// The reference kinds prose may use, by label prefix, with the noun error messages use.
    static let kinds: [(prefix: String, noun: String)] = [
        ("fig-", "figure"), ("tbl-", "table"), ("eq-", "equation"), ("sec-", "section or chapter"),
    ]

    /// Whether `label` has a prefix that makes `@label` a reference (`fig-x`, not `fig-`).
    static func isReferenceLabel(_ label: String) -> Bool {
        kinds.contains { label.hasPrefix($0.prefix) && label.count > $0.prefix.count }
    }

    private(set) var global: [String: Target] = [:]
    var local: [String: Target] = [:]

    /// Adds the labels of one chapter, in the order the chapters come.
    mutating func add(_ chapterTargets: [String: Target]) {
        for (label, target) in chapterTargets where global[label] == nil {
            global[label] = target
        }
    }

    func target(for label: String) -> Target? {
        local[label] ?? global[label]
    }

    func unknownMessage(_ label: String) -> String {
        let kind = Self.kinds.first { label.hasPrefix($0.prefix) }
        let prefix = kind?.prefix ?? ""
        let known = local.keys.filter { $0.hasPrefix(prefix) }.sorted()
        let noun = kind?.noun ?? "figure or table"
        let list = known.isEmpty ? "this chapter has no \(prefix) labels"
                                 : "\(prefix) labels in this chapter: " + known.joined(separator: ", ")
        return "unknown reference @\(label): no \(noun) has that label (\(list))"
    }
}
