/// Brings a catalog up to date with the units the source has now, as gettext's `msgmerge` does:
///
/// - a unit whose text is in the catalog keeps its translation (and its fuzzy flag, if any);
/// - a unit whose text changed takes the translation of the most similar entry that lost its
///   unit, marked fuzzy (stale) with the text it was translated from in `#| msgid`, so the
///   translator sees what changed;
/// - a new unit gets an empty translation;
/// - an entry whose unit is gone becomes obsolete (`#~`) if it was translated, else is dropped;
///   an obsolete entry whose text comes back is revived.
///
/// `book translate --update` writes the result; `book build` and `book check` compute it in
/// memory, so a unit changed since the catalog was last updated already counts as stale.
enum CatalogMerge {
    struct Summary: Equatable {
        var added = 0
        var madeFuzzy = 0
        var madeObsolete = 0
        var revived = 0
    }

    /// Two texts this similar (Dice coefficient of their word multisets, 0...1) are taken for
    /// versions of one unit. gettext's fuzzy matching uses 0.6 on characters; words are sturdier
    /// for prose, where a changed number or an added clause keeps most words.
    static let similarityThreshold = 0.6

    /// `catalog` merged with `units` (in source order; equal keys share one entry) of the file
    /// `sourcePath`. `header` is used when the catalog has none.
    static func merge(_ catalog: Catalog, units: [TranslationUnit], sourcePath: String,
                      header: CatalogEntry) -> (Catalog, Summary) {
        var summary = Summary()
        // The units' entries in source order, references and comments (kinds) gathered per key.
        var order: [CatalogKey] = []
        var gathered: [CatalogKey: (references: [String], comments: [String], line: Int)] = [:]
        for unit in units {
            let reference = "\(sourcePath):\(unit.line)"
            if var known = gathered[unit.key] {
                if !known.references.contains(reference) { known.references.append(reference) }
                if !known.comments.contains(unit.comment) { known.comments.append(unit.comment) }
                gathered[unit.key] = known
            } else {
                order.append(unit.key)
                gathered[unit.key] = ([reference], [unit.comment], unit.line)
            }
        }

        let active = catalog.activeEntries
        var unused = Set(active.indices)
        let activeByKey = Dictionary(active.enumerated().map { ($0.element.key, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var obsolete = catalog.obsoleteEntries
        var result: [CatalogKey: CatalogEntry] = [:]
        var pending: [CatalogKey] = []

        for key in order {
            if let index = activeByKey[key] {
                unused.remove(index)
                result[key] = active[index]
            } else if let index = obsolete.firstIndex(where: { $0.key == key }) {
                var revived = obsolete.remove(at: index)
                revived.isObsolete = false
                result[key] = revived
                summary.revived += 1
            } else {
                pending.append(key)
            }
        }

        // Changed units: pair each with the most similar translated entry that lost its unit.
        var candidates: [(score: Double, distance: Int, key: CatalogKey, old: Int, position: Int)] = []
        for (position, key) in pending.enumerated() {
            for old in unused where active[old].context == key.context && !active[old].translation.isEmpty {
                let score = Similarity.words(key.id, active[old].id)
                guard score >= similarityThreshold else { continue }
                let distance = abs(Self.line(of: active[old]) - (gathered[key]?.line ?? 0))
                candidates.append((score, distance, key, old, position))
            }
        }
        // Best pairs first; ties go to the nearer entry, then to source order (deterministic).
        candidates.sort { ($0.score, -$0.distance, -$0.old, -$0.position) > ($1.score, -$1.distance, -$1.old, -$1.position) }
        for candidate in candidates where result[candidate.key] == nil && unused.contains(candidate.old) {
            unused.remove(candidate.old)
            let old = active[candidate.old]
            var entry = CatalogEntry(context: candidate.key.context, id: candidate.key.id, translation: old.translation)
            entry.translatorComments = old.translatorComments
            entry.flags = old.flags
            entry.setFuzzy(true)
            // Keep the text the translation was made for, if it was stale already.
            entry.previousContext = old.isFuzzy && old.previousID != nil ? old.previousContext : old.context
            entry.previousID = old.isFuzzy ? (old.previousID ?? old.id) : old.id
            result[candidate.key] = entry
            summary.madeFuzzy += 1
        }

        var entries: [CatalogEntry] = [catalog.header ?? header]
        for key in order {
            var entry = result[key] ?? CatalogEntry(context: key.context, id: key.id)
            if result[key] == nil { summary.added += 1 }
            let info = gathered[key]!
            entry.references = info.references
            entry.extractedComments = info.comments
            entry.isObsolete = false
            if !entry.isFuzzy {         // a current translation needs no previous text
                entry.previousContext = nil
                entry.previousID = nil
            }
            entries.append(entry)
        }
        for index in unused.sorted() where !active[index].translation.isEmpty {
            var entry = active[index]
            entry.isObsolete = true
            entry.references = []
            entry.extractedComments = []
            entries.append(entry)
            summary.madeObsolete += 1
        }
        entries += obsolete
        return (Catalog(entries: entries), summary)
    }

    /// The line of an entry's first reference (`file:line`), 0 without one.
    private static func line(of entry: CatalogEntry) -> Int {
        entry.references.first.flatMap { $0.split(separator: ":").last.flatMap { Int($0) } } ?? 0
    }
}

enum Similarity {
    /// Dice coefficient of the two texts' word multisets: 2·|common| / (|a| + |b|).
    static func words(_ a: String, _ b: String) -> Double {
        let wordsA = a.split(whereSeparator: \.isWhitespace), wordsB = b.split(whereSeparator: \.isWhitespace)
        guard !wordsA.isEmpty || !wordsB.isEmpty else { return 1 }
        var counts: [Substring: Int] = [:]
        for word in wordsA { counts[word, default: 0] += 1 }
        var common = 0
        for word in wordsB where counts[word, default: 0] > 0 {
            counts[word]! -= 1
            common += 1
        }
        return 2 * Double(common) / Double(wordsA.count + wordsB.count)
    }
}
