// Values of `key: value` option lines, shared by front matter and block options.
//
// Why a small strict parser instead of YAML: chapter options are a handful of scalars; a full YAML
// parser would accept (and silently reinterpret) far more than we support, while this one rejects
// anything it does not understand with the file and line.

/// One `key: value` line, with its 1-based line in the chapter file.
struct OptionLine: Equatable {
    var key: String
    var value: String
    var line: Int

    /// Splits `key: value`; nil when the line has no colon after a non-empty key.
    init?(_ text: Substring, line: Int) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = text[..<colon].trimmingSpaces()
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        self.key = key
        self.value = OptionLine.unquote(text[text.index(after: colon)...].trimmingSpaces())
        self.line = line
    }

    /// Strips one pair of surrounding double or single quotes and decodes `\"` and `\\` inside
    /// double quotes, so captions may contain colons.
    static func unquote(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" else {
            return value
        }
        let inner = value.dropFirst().dropLast()
        guard first == "\"" else { return String(inner) }
        var result = "", escaping = false
        for character in inner {
            if escaping { result.append(character); escaping = false }
            else if character == "\\" { escaping = true }
            else { result.append(character) }
        }
        return result
    }

    func bool(in file: String) throws -> Bool {
        switch value {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw BookError(stage: .parse, file: file, line: line, message: "option '\(key)' must be true or false, not '\(value)'")
        }
    }

    func positiveInt(in file: String) throws -> Int {
        guard let number = Int(value), number > 0 else {
            throw BookError(stage: .parse, file: file, line: line, message: "option '\(key)' must be a positive whole number of seconds, not '\(value)'")
        }
        return number
    }

    func nonEmpty(in file: String) throws -> String {
        guard !value.isEmpty else { throw BookError(stage: .parse, file: file, line: line, message: "option '\(key)' needs a value") }
        return value
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isBlank($0) }), let end = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[start...end])
    }
}
