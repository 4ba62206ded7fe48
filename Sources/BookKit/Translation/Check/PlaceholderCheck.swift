/// What a translation must keep from its source text, checked before it is used:
///
/// - every inline value, `` `{swift} expression` ``, exactly once per use in the source (a lost
///   one would drop a measured number from the page): an error;
/// - every reference (`@fig-x`, `@tbl-x`, ...), which the page turns into a numbered link: an error;
/// - the math, which is not translated (`$...$`, `$$...$$`): a warning when it differs;
/// - link targets (`[text](target)`): a warning when they differ;
/// - the numbers in the words of an inline value (`InlineValueText`): a warning when they differ.
///
/// An erroneous translation is not used (the page shows the source text) and fails the build.
enum PlaceholderCheck {
    struct Problem: Equatable {
        var isError: Bool
        var message: String
    }

    static func problems(source: String, translation: String, kind: TranslationUnit.Kind) -> [Problem] {
        var problems: [Problem] = []
        func compare(_ what: String, _ a: [String], _ b: [String], error: Bool, show: (String) -> String) {
            for item in difference(a, b) {
                problems.append(Problem(isError: error, message: "the translation drops \(what) \(show(item))"))
            }
            for item in difference(b, a) {
                problems.append(Problem(isError: error, message: "the translation has \(what) the source does not have: \(show(item))"))
            }
        }
        if kind == .inlineValue {
            compare("the number", numbers(in: source), numbers(in: translation), error: false) { $0 }
        }
        guard kind.isMarkdown else { return problems }
        compare("the inline value", InlinePlaceholders.expressions(in: source), InlinePlaceholders.expressions(in: translation),
                error: true, show: InlinePlaceholders.span)
        let sourceSpans = ProtectedProse(markdown: source, firstLine: 1).spans
        let translatedSpans = ProtectedProse(markdown: translation, firstLine: 1).spans
        compare("the reference", references(sourceSpans), references(translatedSpans), error: true) { "@" + $0 }
        compare("the formula", math(sourceSpans), math(translatedSpans), error: false) { "$\($0)$" }
        compare("the link target", linkTargets(source), linkTargets(translation), error: false) { "(\($0))" }
        return problems
    }

    /// The numbers of a text ("4", "0.93"): an inline value's words carry the run's counts ("on 4
    /// of the 5 seeds"). Losing one is a warning, not an error: a translator may spell a small
    /// count in words.
    static func numbers(in text: String) -> [String] {
        text.split { !($0.isASCII && ($0.isNumber || $0 == ".")) }.compactMap { run in
            guard let first = run.firstIndex(where: \.isNumber), let last = run.lastIndex(where: \.isNumber) else { return nil }
            return String(run[first...last])
        }
    }

    /// Items of `a` not matched one for one in `b`, in `a`'s order.
    static func difference(_ a: [String], _ b: [String]) -> [String] {
        var remaining: [String: Int] = [:]
        for item in b { remaining[item, default: 0] += 1 }
        return a.filter { item in
            guard let count = remaining[item], count > 0 else { return true }
            remaining[item] = count - 1
            return false
        }
    }

    private static func references(_ spans: [ProtectedSpan]) -> [String] {
        spans.compactMap { if case .reference(let label, _) = $0 { return label } else { return nil } }
    }

    /// Formulas with their blanks normalized (a translator may re-wrap a long one).
    private static func math(_ spans: [ProtectedSpan]) -> [String] {
        spans.compactMap { span -> String? in
            switch span {
            case .inlineMath(let tex), .displayMath(let tex, _, _):
                return tex.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            default:
                return nil
            }
        }
    }

    /// The targets of inline links and images, `](target)`.
    static func linkTargets(_ markdown: String) -> [String] {
        var targets: [String] = []
        var rest = Substring(markdown)
        while let open = rest.firstRange(of: "](") {
            guard let close = rest[open.upperBound...].firstIndex(of: ")") else { break }
            targets.append(String(rest[open.upperBound..<close]))
            rest = rest[close...]
        }
        return targets
    }
}
