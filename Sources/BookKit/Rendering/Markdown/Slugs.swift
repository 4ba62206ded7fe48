/// Stable `id`s for headings: the same heading text always gives the same id, and a repeated
/// heading within a page gets `-2`, `-3`, ... in reading order.
///
/// A translated page takes its ids from the source page instead (`following`), heading by
/// heading in reading order, so a link to a section, and the language switch, land on the same
/// section in every edition.
struct SlugAllocator {
    private var used: Set<String>
    private var sourceIDs: [String]
    private var nextSourceID = 0

    /// `reserved` are ids the page already uses (figure labels, cells, layout elements);
    /// `following` are the source page's heading ids in reading order.
    init(reserved: Set<String> = [], following sourceIDs: [String] = []) {
        used = reserved
        self.sourceIDs = sourceIDs
    }

    /// The id of the next heading: the source page's (a translation), else its `{#label}`, else
    /// one made from its text.
    mutating func id(label: String?, text: String) -> String {
        if nextSourceID < sourceIDs.count {
            defer { nextSourceID += 1 }
            used.insert(sourceIDs[nextSourceID])
            return sourceIDs[nextSourceID]
        }
        return label ?? allocate(for: text)
    }

    mutating func allocate(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    mutating func reserve(_ id: String) {
        used.insert(id)
    }

    /// Lowercased letters and digits (any script, so Chinese headings keep their text), every
    /// other run of characters becomes one `-`; empty slugs become `section`.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(ch)
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "section" : out
    }
}
