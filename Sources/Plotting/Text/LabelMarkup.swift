/// The small markup chart titles, axis labels, legend entries and table headers are written in, so
/// they can show math with real subscripts and superscripts instead of a literal underscore or TeX.
///
/// | Source            | Shows                     |
/// |-------------------|---------------------------|
/// | `h_l`, `μ_B`      | one character lowered: h with subscript l |
/// | `h_{in}`          | a group lowered: h with subscript "in"    |
/// | `x^2`, `10^{-4}`  | raised: x squared, 10 to the minus 4 (a `-` in a script becomes `−`) |
/// | `e^{-x^2}`        | scripts nest                              |
/// | `\_ \^ \{ \} \\`  | the character itself                      |
/// | `\alpha`, `\partial`, `\times` | a Greek letter or symbol (see `commands`) |
///
/// Greek letters and symbols are best typed directly (`σ`, `‖∂L/∂h_l‖`). A `_` or `^` followed by
/// a space, another `_`/`^`, a brace or nothing is shown as is, so `a _ b` stays literal. Everything
/// else is plain text, and every renderer escapes it: markup can never inject tags.
///
/// Charts render scripts as SVG `<tspan>`s with a baseline shift and a smaller (never illegible)
/// size; tables as `<sub>`/`<sup>`; text alternatives and plain-text tables as Unicode sub- and
/// superscript characters where they exist (`h_l` -> "hₗ"), else the source notation (`μ_B`).
public struct LabelMarkup: Sendable, Equatable {
    /// Where a piece of text sits relative to the one around it.
    public enum Script: Sendable, Equatable { case sub, sup }

    /// A piece of text and the scripts it is nested in, outermost first (`[]`: on the baseline).
    public struct Run: Sendable, Equatable {
        public var text: String
        public var scripts: [Script]
        public init(_ text: String, _ scripts: [Script] = []) { self.text = text; self.scripts = scripts }
    }

    /// The label as runs, adjacent runs at the same level merged.
    public let runs: [Run]

    /// Parses `source`; every string is valid markup (unbalanced braces close at the end).
    public init(_ source: String) {
        var parser = Parser(characters: Array(source))
        var runs: [Run] = []
        parser.parse(scripts: [], closingBrace: false, into: &runs)
        self.runs = runs
    }

    /// Whether the label has any sub- or superscript.
    public var hasScripts: Bool { runs.contains { !$0.scripts.isEmpty } }

    /// The text without markup: scripts as Unicode sub/superscript characters when every character
    /// of the script has one, otherwise in source notation (`_B`, `^{in}`).
    public var plainText: String {
        var result = ""
        var index = 0
        while index < runs.count {
            let run = runs[index]
            guard let outer = run.scripts.first else {
                result += run.text
                index += 1
                continue
            }
            // Collect the whole outermost script group (it may contain nested scripts).
            var group: [Run] = []
            while index < runs.count, runs[index].scripts.first == outer, !runs[index].scripts.isEmpty {
                group.append(Run(runs[index].text, Array(runs[index].scripts.dropFirst())))
                index += 1
            }
            let flat = group.map(\.text).joined()
            let table = outer == .sub ? LabelMarkup.subscripts : LabelMarkup.superscripts
            if group.allSatisfy({ $0.scripts.isEmpty }), flat.allSatisfy({ table[$0] != nil }) {
                result += String(flat.map { table[$0]! })
            } else {
                let inner = LabelMarkup(runs: group).sourceNotation
                let marker = outer == .sub ? "_" : "^"
                result += inner.count == 1 ? marker + inner : marker + "{" + inner + "}"
            }
        }
        return result
    }

    /// The label as an HTML fragment: text escaped, scripts as nested `<sub>`/`<sup>`.
    public var html: String {
        var result = ""
        var open: [Script] = []
        for run in runs {
            // Close the scripts this run is not in, then open the ones it adds.
            var shared = 0
            while shared < open.count, shared < run.scripts.count, open[shared] == run.scripts[shared] { shared += 1 }
            while open.count > shared { result += open.removeLast() == .sub ? "</sub>" : "</sup>" }
            for script in run.scripts[shared...] {
                result += script == .sub ? "<sub>" : "<sup>"
                open.append(script)
            }
            result += escapeMarkup(run.text)
        }
        while let script = open.popLast() { result += script == .sub ? "</sub>" : "</sup>" }
        return result
    }

    /// Renders `source` as HTML (see `html`): `LabelMarkup.html("μ_B") == "μ<sub>B</sub>"`.
    public static func html(_ source: String) -> String { LabelMarkup(source).html }

    /// Renders `source` as plain text (see `plainText`): `LabelMarkup.plainText("h_l") == "hₗ"`.
    public static func plainText(_ source: String) -> String { LabelMarkup(source).plainText }

    private init(runs: [Run]) { self.runs = runs }

    /// Markup that parses back to these runs (used for scripts without Unicode forms).
    private var sourceNotation: String {
        var result = ""
        for run in runs {
            var text = ""
            for character in run.text {
                if "_^{}\\".contains(character) { text.append("\\") }
                text.append(character)
            }
            for script in run.scripts.reversed() {
                text = (script == .sub ? "_" : "^") + (text.count == 1 ? text : "{" + text + "}")
            }
            result += text
        }
        return result
    }

    /// TeX command names understood after a backslash, for authors used to TeX.
    public static let commands: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
        "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ",
        "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "partial": "∂", "nabla": "∇", "times": "×", "cdot": "·", "pm": "±", "infty": "∞",
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "approx": "≈", "neq": "≠", "to": "→",
        "sum": "∑", "sqrt": "√", "|": "‖", "ell": "ℓ", "minus": "−",
    ]

    /// Unicode subscript characters (Unicode blocks "Superscripts and Subscripts", "Phonetic
    /// Extensions"): digits, signs and the letters that have one.
    static let subscripts: [Character: Character] = {
        var table: [Character: Character] = [:]
        for (plain, script) in zip("0123456789+-−=()aehijklmnoprstuvxβγρφχ", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ") {
            table[plain] = script
        }
        return table
    }()

    /// Unicode superscript characters: digits, signs and lower-case letters except q.
    static let superscripts: [Character: Character] = {
        var table: [Character: Character] = [:]
        for (plain, script) in zip("0123456789+-−=()abcdefghijklmnoprstuvwxyzβγδθφχ",
                                   "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵝᵞᵟᶿᵠᵡ") {
            table[plain] = script
        }
        return table
    }()

    /// A recursive-descent parser over the characters of one label.
    private struct Parser {
        let characters: [Character]
        var position = 0

        /// Appends runs until the end (or the `}` closing the current group).
        mutating func parse(scripts: [Script], closingBrace: Bool, into runs: inout [Run]) {
            while position < characters.count {
                let character = characters[position]
                if character == "}" && closingBrace {
                    position += 1
                    return
                }
                if character == "\\" {
                    append(readEscape(), scripts, &runs)
                    continue
                }
                if (character == "_" || character == "^"), position + 1 < characters.count,
                   !" \t\n_^}".contains(characters[position + 1]) {
                    let script: Script = character == "_" ? .sub : .sup
                    position += 1
                    if characters[position] == "{" {
                        position += 1
                        parse(scripts: scripts + [script], closingBrace: true, into: &runs)
                    } else if characters[position] == "\\" {
                        append(readEscape(), scripts + [script], &runs)
                    } else {
                        append(String(scriptCharacter(characters[position], script)), scripts + [script], &runs)
                        position += 1
                    }
                    continue
                }
                append(String(scripts.isEmpty ? character : scriptCharacter(character, scripts.last!)), scripts, &runs)
                position += 1
            }
        }

        /// A hyphen inside a script is a minus sign (`10^{-4}`).
        private func scriptCharacter(_ character: Character, _ script: Script) -> Character {
            character == "-" ? "−" : character
        }

        /// Reads `\x` (a literal character) or `\name` (a command), starting at the backslash.
        private mutating func readEscape() -> String {
            position += 1
            guard position < characters.count else { return "\\" }
            let next = characters[position]
            guard next.isLetter, next.isASCII else {
                position += 1
                if next == "|" { return LabelMarkup.commands["|"]! }
                return String(next)
            }
            var name = ""
            var end = position
            while end < characters.count, characters[end].isASCII, characters[end].isLetter {
                name.append(characters[end])
                end += 1
            }
            guard let symbol = LabelMarkup.commands[name] else { return "\\" }
            position = end
            return symbol
        }

        private func append(_ text: String, _ scripts: [Script], _ runs: inout [Run]) {
            if let last = runs.last, last.scripts == scripts {
                runs[runs.count - 1].text += text
            } else {
                runs.append(Run(text, scripts))
            }
        }
    }
}
