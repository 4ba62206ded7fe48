/// Reads and writes gettext PO files, the format translators' tools (Poedit, Lokalize, Weblate,
/// OmegaT, `msgmerge`, ...) read and write: entries separated by blank lines, comments before
/// each entry, keywords followed by quoted strings that may continue on the following lines.
///
/// Only what the book uses is accepted: no plural forms (`msgid_plural`, `msgstr[n]`); every
/// other problem is a `BookError` naming the file and line.
public enum POFile {
    public static func parse(_ text: String, path: String) throws -> Catalog {
        var parser = POParser(path: path)
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            try parser.read(line, number: offset + 1)
        }
        try parser.finishEntry()
        return Catalog(entries: parser.entries)
    }

    /// The catalog as PO text: entries in order, one blank line between them.
    public static func write(_ catalog: Catalog) -> String {
        catalog.entries.map(lines(of:)).map { $0.joined(separator: "\n") + "\n" }.joined(separator: "\n")
    }

    static func lines(of entry: CatalogEntry) -> [String] {
        var out: [String] = []
        out += entry.translatorComments.map { $0.isEmpty ? "#" : "# " + $0 }
        out += entry.extractedComments.map { "#. " + $0 }
        out += referenceLines(entry.references)
        if !entry.flags.isEmpty { out.append("#, " + entry.flags.joined(separator: ", ")) }
        let prefix = entry.isObsolete ? "#~ " : ""
        let previousPrefix = entry.isObsolete ? "#~| " : "#| "
        if let previous = entry.previousContext {
            out += POString.lines(keyword: "msgctxt", previous, prefix: previousPrefix)
        }
        if let previous = entry.previousID {
            out += POString.lines(keyword: "msgid", previous, prefix: previousPrefix)
        }
        if let context = entry.context { out += POString.lines(keyword: "msgctxt", context, prefix: prefix) }
        out += POString.lines(keyword: "msgid", entry.id, prefix: prefix)
        out += POString.lines(keyword: "msgstr", entry.translation, prefix: prefix)
        return out
    }

    /// `#: a b c`, wrapped at 79 columns like gettext's tools.
    static func referenceLines(_ references: [String]) -> [String] {
        var out: [String] = []
        var line = "#:"
        for reference in references {
            if line.count > 2 && line.count + 1 + reference.count > 79 {
                out.append(line)
                line = "#:"
            }
            line += " " + reference
        }
        if line.count > 2 { out.append(line) }
        return out
    }
}

/// The line-by-line reader behind `POFile.parse`.
struct POParser {
    let path: String
    var entries: [CatalogEntry] = []

    private enum Field { case previousContext, previousID, context, id, translation }

    private var entry = Pending()
    private var field: Field?
    private var fieldLine = 0

    /// An entry being read: comments and strings seen so far.
    private struct Pending {
        var comments: (translator: [String], extracted: [String], references: [String], flags: [String]) = ([], [], [], [])
        var previousContext: String?
        var previousID: String?
        var context: String?
        var id: String?
        var translation: String?
        var obsolete: Bool?
        var firstLine = 0
        var isEmpty: Bool {
            comments.translator.isEmpty && comments.extracted.isEmpty && comments.references.isEmpty
                && comments.flags.isEmpty && previousContext == nil && previousID == nil && context == nil
                && id == nil && translation == nil
        }
    }

    init(path: String) { self.path = path }

    func error(_ line: Int, _ message: String) -> BookError {
        BookError(stage: .parse, file: path, line: line, message: message)
    }

    mutating func read(_ raw: Substring, number: Int) throws {
        let line = raw.trimmingTrailingBlanks()
        if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
            try finishEntry()
            return
        }
        if entry.isEmpty { entry.firstLine = number }
        let body = Substring(line)
        if body.hasPrefix("#~") {
            try markObsolete(true, number)
            let rest = body.dropFirst(2)
            if rest.hasPrefix("|") {
                try keyword(rest.dropFirst().drop { $0 == " " }, previous: true, line: number)
            } else {
                try keyword(rest.drop { $0 == " " }, previous: false, line: number)
            }
        } else if body.hasPrefix("#|") {
            try keyword(body.dropFirst(2).drop { $0 == " " }, previous: true, line: number)
        } else if body.hasPrefix("#") {
            try comment(body, line: number)
        } else {
            try markObsolete(false, number)
            try keyword(body, previous: false, line: number)
        }
    }

    /// An entry's keyword lines are all obsolete (`#~`) or none is.
    private mutating func markObsolete(_ obsolete: Bool, _ number: Int) throws {
        if let known = entry.obsolete, known != obsolete {
            throw error(number, "an entry mixes obsolete (#~) and active lines")
        }
        entry.obsolete = obsolete
    }

    private mutating func comment(_ line: Substring, line number: Int) throws {
        guard entry.id == nil else {
            throw error(number, "a comment after msgid: separate entries with a blank line")
        }
        let rest = String(line.dropFirst(2).drop { $0 == " " })
        switch line.dropFirst().first {
        case ".": entry.comments.extracted.append(rest)
        case ":": entry.comments.references += rest.split(separator: " ").map(String.init)
        case ",": entry.comments.flags += rest.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        case " ": entry.comments.translator.append(String(line.dropFirst(2)))
        case nil: entry.comments.translator.append("")
        default: entry.comments.translator.append(String(line.dropFirst()))
        }
    }

    private mutating func keyword(_ line: Substring, previous: Bool, line number: Int) throws {
        if line.hasPrefix("\"") {
            guard let field else { throw error(number, "a quoted string that continues no msgid, msgstr or msgctxt") }
            let text = try unquote(line, number)
            append(text, to: field)
            return
        }
        let word = line.prefix { $0 != " " && $0 != "\t" }
        guard ["msgctxt", "msgid", "msgstr"].contains(word) || word == "msgid_plural" || word.hasPrefix("msgstr[") else {
            throw error(number, "expected msgctxt, msgid, msgstr, a quoted string or a comment, not '\(word)'")
        }
        let text = try unquote(line.dropFirst(word.count), number)
        switch (word, previous) {
        case ("msgctxt", true): try start(.previousContext, text, number)
        case ("msgid", true): try start(.previousID, text, number)
        case ("msgctxt", false): try start(.context, text, number)
        case ("msgid", false): try start(.id, text, number)
        case ("msgstr", false): try start(.translation, text, number)
        case _ where word == "msgid_plural" || word.hasPrefix("msgstr["):
            throw error(number, "plural forms (msgid_plural, msgstr[n]) are not used by the book's catalogs")
        default:
            throw error(number, "expected msgctxt, msgid, msgstr, a quoted string or a comment, not '\(word)'")
        }
    }

    private mutating func start(_ newField: Field, _ text: String, _ number: Int) throws {
        switch newField {
        case .previousContext, .previousID:
            guard entry.id == nil else { throw error(number, "#| lines go before msgid") }
        case .context:
            guard entry.id == nil, entry.context == nil else { throw error(number, "msgctxt goes before msgid, once per entry") }
        case .id:
            guard entry.id == nil else { throw error(number, "a second msgid: separate entries with a blank line") }
        case .translation:
            guard entry.id != nil else { throw error(number, "msgstr without a msgid before it") }
            guard entry.translation == nil else { throw error(number, "a second msgstr in one entry") }
        }
        field = newField
        fieldLine = number
        append(text, to: newField, starting: true)
    }

    private mutating func append(_ text: String, to field: Field, starting: Bool = false) {
        func joined(_ old: String?) -> String { starting ? text : (old ?? "") + text }
        switch field {
        case .previousContext: entry.previousContext = joined(entry.previousContext)
        case .previousID: entry.previousID = joined(entry.previousID)
        case .context: entry.context = joined(entry.context)
        case .id: entry.id = joined(entry.id)
        case .translation: entry.translation = joined(entry.translation)
        }
    }

    private func unquote(_ text: Substring, _ number: Int) throws -> String {
        do { return try POString.unquote(text) } catch let problem as POString.ParseError {
            switch problem {
            case .notQuoted: throw error(number, "expected a string in double quotes")
            case .unterminated: throw error(number, "the string has no closing double quote")
            case .badEscape(let escape): throw error(number, "unknown escape \(escape) (use \\\\, \\\", \\n or \\t)")
            case .trailingText: throw error(number, "text after the closing double quote")
            }
        }
    }

    mutating func finishEntry() throws {
        defer { entry = Pending(); field = nil }
        guard !entry.isEmpty else { return }
        guard let id = entry.id else {
            // Comments alone (a file's closing remarks) are kept with no entry: gettext drops them too.
            if entry.previousID == nil && entry.context == nil && entry.translation == nil { return }
            throw error(entry.firstLine, "an entry without msgid")
        }
        guard let translation = entry.translation else {
            throw error(fieldLine, "msgid without msgstr")
        }
        var result = CatalogEntry(context: entry.context, id: id, translation: translation)
        result.translatorComments = entry.comments.translator
        result.extractedComments = entry.comments.extracted
        result.references = entry.comments.references
        result.flags = entry.comments.flags
        result.previousContext = entry.previousContext
        result.previousID = entry.previousID
        result.isObsolete = entry.obsolete ?? false
        result.line = entry.firstLine
        entries.append(result)
    }
}

private extension Substring {
    func trimmingTrailingBlanks() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" || self[index(before: end)] == "\r" {
            end = index(before: end)
        }
        return String(self[startIndex..<end])
    }
}
