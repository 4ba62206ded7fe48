/// Quarto-style fenced divs around prose and code: `::: exercise` ... `:::` is an exercise,
/// numbered per chapter ("Exercise 3.2"), and `::: solution` ... `:::` right after it (or inside
/// it) is its worked answer, which the page shows collapsed. Code blocks inside run with the rest
/// of the chapter, so their outputs land inside the div.
///
/// Syntax (Pandoc's): a line of at least three colons followed by a class word (`::: exercise`)
/// or an attribute block (`::: {.exercise #ex-no-relu}`), optionally closed by more colons; a
/// line of colons alone closes the innermost open div. Lines inside code blocks are code.
public struct FencedDiv: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case exercise, solution
    }

    public var kind: Kind
    /// The `#id` of an attribute block, used as the element id.
    public var label: String?
    /// Line of the opening fence in the chapter file.
    public var line: Int
}

/// One fence line, before its kind is checked.
enum FenceLine: Equatable {
    case open(kind: String, label: String?)
    case close

    /// The fence on `line`, nil when it is not a fence line (it does not start with `:::`).
    /// Throws for a line that starts like a fence but has attributes this book does not read.
    static func parse(_ line: Substring, number: Int, file: String) throws -> FenceLine? {
        let indent = line.prefix(while: { $0 == " " })
        guard indent.count <= 3 else { return nil }
        let rest = line.dropFirst(indent.count)
        let colons = rest.prefix(while: { $0 == ":" })
        guard colons.count >= 3 else { return nil }
        var body = Substring(rest.dropFirst(colons.count).trimmingSpaces())
        while body.hasSuffix(":") { body = body.dropLast() }           // `::: exercise :::`
        body = Substring(body.trimmingSpaces())
        if body.isEmpty { return .close }
        let malformed = BookError(stage: .parse, file: file, line: number,
                                  message: "fenced div line is neither '::: kind', '::: {.kind #id}' nor a closing ':::': \(line.trimmingSpaces())")
        if body.hasPrefix("{") {
            guard body.hasSuffix("}") else { throw malformed }
            var kind: String?, label: String?
            for word in body.dropFirst().dropLast().split(separator: " ") {
                let name = String(word.dropFirst())
                guard !name.isEmpty, name.allSatisfy(HeadingAttributes.isLabelCharacter) else { throw malformed }
                if word.hasPrefix("."), kind == nil { kind = name }
                else if word.hasPrefix("#"), label == nil { label = name }
                else { throw malformed }
            }
            guard let kind else { throw malformed }
            return .open(kind: kind, label: label)
        }
        guard body.allSatisfy(HeadingAttributes.isLabelCharacter) else { throw malformed }
        return .open(kind: String(body), label: nil)
    }
}

/// Checks that the divs of a chapter nest and follow each other as the book expects, in reading
/// order: known kinds, a solution right after its exercise or inside it, every div closed.
struct FencedDivNesting {
    private var open: [FencedDiv] = []
    /// The kind of the div closed last, when nothing but blank prose came after it.
    private var justClosed: FencedDiv.Kind?
    let file: String

    init(file: String) { self.file = file }

    mutating func opening(kind name: String, label: String?, line: Int) throws -> FencedDiv {
        guard let kind = FencedDiv.Kind(rawValue: name) else {
            throw BookError(stage: .parse, file: file, line: line, message: "unknown fenced div '\(name)' (known: "
                            + FencedDiv.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        switch kind {
        case .exercise:
            if open.contains(where: { $0.kind == .exercise }) {
                throw BookError(stage: .parse, file: file, line: line, message: "an exercise cannot contain another exercise (close the first with ':::')")
            }
        case .solution:
            let inside = open.last?.kind == .exercise
            guard inside || (open.isEmpty && justClosed == .exercise) else {
                throw BookError(stage: .parse, file: file, line: line,
                                message: "a solution must come right after its exercise's closing ':::' or inside the exercise")
            }
        }
        let div = FencedDiv(kind: kind, label: label, line: line)
        open.append(div)
        justClosed = nil
        return div
    }

    mutating func closing(line: Int) throws {
        guard let div = open.popLast() else {
            throw BookError(stage: .parse, file: file, line: line, message: "':::' closes a fenced div, but none is open")
        }
        justClosed = div.kind
    }

    /// Prose or a code block came between two divs.
    mutating func content() { justClosed = nil }

    func finish() throws {
        if let unclosed = open.last {
            throw BookError(stage: .parse, file: file, line: unclosed.line,
                            message: "'::: \(unclosed.kind.rawValue)' is never closed (add a line ':::' after its content)")
        }
    }
}
