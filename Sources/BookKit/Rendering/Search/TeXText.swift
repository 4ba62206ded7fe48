/// TeX as a reader of the typeset page sees it, in plain Unicode, for search entries and their
/// snippets: `n_\text{in}` is "nᵢₙ", `\frac{1}{\sqrt{n}}` is "1/√n", `\mu_\mathcal{B}` is "μ_B",
/// `\lVert W \rVert^2` is "‖ W ‖²". An approximation (no layout), but no backslash or brace of
/// the source survives, so a snippet reads like the page.
///
/// Written here rather than taken from KaTeX: KaTeX runs in the reader's browser, while the
/// search index is built by `book` without a JavaScript engine; the subset below is what the
/// chapters' formulas use, and anything unknown degrades to its command name.
enum TeXText {
    static func plain(_ tex: String) -> String {
        var reader = Reader(Array(tex))
        let text = reader.sequence(untilBrace: false)
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    private struct Reader {
        let characters: [Character]
        var index = 0

        init(_ characters: [Character]) { self.characters = characters }

        mutating func sequence(untilBrace: Bool) -> String {
            var out = ""
            while index < characters.count {
                let character = characters[index]
                switch character {
                case "}":
                    index += 1
                    if untilBrace { return out }
                case "{":
                    index += 1
                    out += sequence(untilBrace: true)
                case "\\":
                    out += command()
                case "_", "^":
                    index += 1
                    out += TeXText.script(argument(), lowered: character == "_")
                case "&", "~":
                    index += 1
                    out += " "
                default:
                    index += 1
                    out.append(character)
                }
            }
            return out
        }

        /// A group, a command, or one character.
        mutating func argument() -> String {
            while index < characters.count, characters[index] == " " { index += 1 }
            guard index < characters.count else { return "" }
            switch characters[index] {
            case "{":
                index += 1
                return sequence(untilBrace: true)
            case "\\":
                return command()
            default:
                defer { index += 1 }
                return String(characters[index])
            }
        }

        /// `\name` (letters) or `\x` (one other character), with its arguments.
        mutating func command() -> String {
            index += 1                                  // the backslash
            guard index < characters.count else { return "" }
            var name = ""
            if characters[index].isLetter {
                while index < characters.count, characters[index].isLetter, characters[index].isASCII {
                    name.append(characters[index])
                    index += 1
                }
                // TeX ignores the spaces after a control word (`\partial L` is ∂L).
                while index < characters.count, characters[index] == " " { index += 1 }
            } else {
                name = String(characters[index])
                index += 1
                return TeXText.escapes[name] ?? name
            }
            if let symbol = TeXText.symbols[name] {
                return TeXText.operators.contains(name) ? " \(symbol) " : symbol
            }
            switch name {
            case "text", "textrm", "textbf", "textit", "texttt", "mathrm", "mathbf", "mathit", "mathsf", "mathtt",
                 "mathcal", "mathscr", "mathfrak", "boldsymbol", "bm", "operatorname", "mbox":
                return argument()
            case "mathbb":
                let letters = argument()
                return String(letters.map { TeXText.blackboard[$0] ?? $0 })
            case "frac", "dfrac", "tfrac":
                let numerator = argument(), denominator = argument()
                return TeXText.grouped(numerator) + "/" + TeXText.grouped(denominator)
            case "sqrt":
                if index < characters.count, characters[index] == "[" {   // the root's degree is dropped
                    while index < characters.count, characters[index] != "]" { index += 1 }
                    index += 1
                }
                return "√" + TeXText.grouped(argument())
            case "hat", "widehat", "bar", "overline", "tilde", "widetilde", "vec", "dot", "ddot":
                let base = argument()
                guard base.count == 1, let mark = TeXText.accents[name] else { return base }
                return base + mark
            case "begin", "end":
                _ = argument()                          // the environment's name
                return " "
            case "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "middle",
                 "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits":
                return ""
            case "quad", "qquad":
                return " "
            default:
                return name                             // \log, \exp, \max, \tanh, unknown commands
            }
        }
    }

    /// A multi-character operand of `/` or `√` in parentheses when it holds an operator.
    static func grouped(_ text: String) -> String {
        let trimmed = text.trimmingSpaces()
        return trimmed.contains(where: { " +-−·×/".contains($0) }) && trimmed.count > 1 ? "(\(trimmed))" : trimmed
    }

    /// `_x` (`lowered`) and `^x` in Unicode scripts when every character has one, else `_x` / `^(xy)`.
    static func script(_ text: String, lowered: Bool) -> String {
        let trimmed = text.trimmingSpaces()
        let table = lowered ? subscripts : superscripts
        let mapped = trimmed.compactMap { table[$0] }
        if !trimmed.isEmpty, mapped.count == trimmed.count { return String(mapped) }
        let marker = lowered ? "_" : "^"
        return marker + (trimmed.count > 1 ? "(\(trimmed))" : trimmed)
    }

    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "=": "₌", "(": "₍", ")": "₎", "a": "ₐ", "e": "ₑ", "h": "ₕ", "i": "ᵢ", "j": "ⱼ",
        "k": "ₖ", "l": "ₗ", "m": "ₘ", "n": "ₙ", "o": "ₒ", "p": "ₚ", "r": "ᵣ", "s": "ₛ", "t": "ₜ", "u": "ᵤ",
        "v": "ᵥ", "x": "ₓ", "β": "ᵦ", "γ": "ᵧ", "ρ": "ᵨ", "φ": "ᵩ", "χ": "ᵪ",
    ]
    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "a": "ᵃ", "b": "ᵇ", "c": "ᶜ", "d": "ᵈ",
        "e": "ᵉ", "f": "ᶠ", "g": "ᵍ", "h": "ʰ", "i": "ⁱ", "j": "ʲ", "k": "ᵏ", "l": "ˡ", "m": "ᵐ", "n": "ⁿ",
        "o": "ᵒ", "p": "ᵖ", "r": "ʳ", "s": "ˢ", "t": "ᵗ", "u": "ᵘ", "v": "ᵛ", "w": "ʷ", "x": "ˣ", "y": "ʸ",
        "z": "ᶻ", "T": "ᵀ", "⊤": "ᵀ", "′": "′", "*": "*",
    ]
    static let accents: [String: String] = [
        "hat": "\u{0302}", "widehat": "\u{0302}", "bar": "\u{0304}", "overline": "\u{0304}", "tilde": "\u{0303}",
        "widetilde": "\u{0303}", "vec": "\u{20D7}", "dot": "\u{0307}", "ddot": "\u{0308}",
    ]
    static let blackboard: [Character: Character] = ["R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "E": "𝔼", "P": "ℙ"]
    /// `\,` and friends: one-character commands.
    static let escapes: [String: String] = [
        ",": " ", ";": " ", ":": " ", ">": " ", "!": "", " ": " ", "\\": " ", "{": "{", "}": "}", "|": "‖",
        "%": "%", "_": "_", "&": "&", "$": "$", "#": "#",
    ]
    /// Relations and binary operators, which the typeset formula spaces out.
    static let operators: Set<String> = [
        "cdot", "times", "div", "pm", "mp", "leq", "le", "geq", "ge", "neq", "ne", "approx", "sim", "simeq", "equiv",
        "propto", "ll", "gg", "to", "rightarrow", "leftarrow", "Rightarrow", "Leftarrow", "mapsto", "leftrightarrow",
        "Leftrightarrow", "in", "notin", "subset", "subseteq", "cup", "cap", "odot", "circ", "land", "lor", "mid",
    ]
    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
        "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "cdot": "·", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥",
        "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼", "simeq": "≃", "equiv": "≡", "propto": "∝", "ll": "≪",
        "gg": "≫", "infty": "∞", "partial": "∂", "nabla": "∇", "sum": "Σ", "prod": "Π", "int": "∫",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐", "mapsto": "↦",
        "leftrightarrow": "↔", "Leftrightarrow": "⇔", "lVert": "‖", "rVert": "‖", "Vert": "‖", "lvert": "|",
        "rvert": "|", "vert": "|", "mid": "|", "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋",
        "lceil": "⌈", "rceil": "⌉", "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "in": "∈",
        "notin": "∉", "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩", "forall": "∀", "exists": "∃",
        "top": "⊤", "prime": "′", "odot": "⊙", "circ": "∘", "ast": "∗", "star": "⋆", "emptyset": "∅",
        "ell": "ℓ", "lbrace": "{", "rbrace": "}", "lbrack": "[", "rbrack": "]", "colon": ":", "neg": "¬",
        "land": "∧", "lor": "∨", "cdotp": "·", "max": "max", "min": "min", "arg": "arg",
    ]
}
