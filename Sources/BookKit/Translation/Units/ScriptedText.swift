import Foundation

/// Text with subscripts and superscripts, as chart labels and table headers carry it: the
/// Plotting module draws label markup (`h_l`, `10^{-4}`) as SVG `<tspan>`s shifted off the
/// baseline, and as `<sub>`/`<sup>` in tables. A catalog holds such a text in that same
/// notation, which is what the chapter's author wrote, and a translation in it is drawn back
/// with the original's shifts and sizes.
///
/// Notation: `_x` / `^x` script one character, `_{...}` / `^{...}` a group (groups nest);
/// `\_`, `\^`, `\{`, `\}` and `\\` are the characters themselves.
struct ScriptedText: Equatable {
    enum Script: Equatable, Hashable { case sub, sup }

    struct Run: Equatable {
        var text: String
        /// Outermost first; empty on the baseline.
        var scripts: [Script]
    }

    var runs: [Run]

    init(runs: [Run]) {
        var merged: [Run] = []
        for run in runs where !run.text.isEmpty {
            if let last = merged.last, last.scripts == run.scripts { merged[merged.count - 1].text += run.text }
            else { merged.append(run) }
        }
        self.runs = merged
    }

    var hasScripts: Bool { runs.contains { !$0.scripts.isEmpty } }

    // MARK: Notation

    var notation: String {
        var out = ""
        var open: [Script] = []
        for run in runs {
            var shared = 0
            while shared < open.count, shared < run.scripts.count, open[shared] == run.scripts[shared] { shared += 1 }
            while open.count > shared { open.removeLast(); out += "}" }
            for script in run.scripts[shared...] {
                out += script == .sub ? "_{" : "^{"
                open.append(script)
            }
            for character in run.text {
                if "_^{}\\".contains(character) { out.append("\\") }
                out.append(character)
            }
        }
        out += String(repeating: "}", count: open.count)
        // `_{x}` with one character inside reads better as `_x`, as authors write it.
        return Self.unbracingSingles(out)
    }

    init(notation: String) {
        var runs: [Run] = []
        var stack: [Script] = []
        var braces: [Bool] = []        // per open script: closed by `}` (true) or after one character
        let characters = Array(notation)
        var index = 0
        func add(_ character: Character) {
            runs.append(Run(text: String(character), scripts: stack))
            // A one-character script ends after its character (and any one-character scripts it closes).
            while let last = braces.last, !last { braces.removeLast(); stack.removeLast() }
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                add(characters[index + 1])
                index += 2
                continue
            }
            if (character == "_" || character == "^"), index + 1 < characters.count,
               !" _^}".contains(characters[index + 1]) {
                stack.append(character == "_" ? .sub : .sup)
                if characters[index + 1] == "{" {
                    braces.append(true)
                    index += 2
                } else {
                    braces.append(false)
                    index += 1
                }
                continue
            }
            if character == "}", braces.last == true {
                braces.removeLast()
                stack.removeLast()
                while let last = braces.last, !last { braces.removeLast(); stack.removeLast() }
                index += 1
                continue
            }
            add(character)
            index += 1
        }
        self.init(runs: runs)
    }

    private static func unbracingSingles(_ notation: String) -> String {
        var characters = Array(notation)
        var index = 0
        while index + 3 < characters.count {
            if (characters[index] == "_" || characters[index] == "^") && characters[index + 1] == "{"
                && characters[index + 3] == "}" && !"\\{}_^ ".contains(characters[index + 2])
                && (index == 0 || characters[index - 1] != "\\") {
                characters.remove(at: index + 3)
                characters.remove(at: index + 1)
            }
            index += 1
        }
        return String(characters)
    }

    // MARK: HTML (<sub>, <sup>)

    /// From table cell HTML: text with `<sub>`/`<sup>` (other tags dropped), entities decoded.
    init(html: String) {
        var runs: [Run] = []
        var stack: [Script] = []
        var rest = Substring(html)
        while !rest.isEmpty {
            guard let open = rest.firstIndex(of: "<") else {
                runs.append(Run(text: HTMLEscaping.plainText(ofHTML: String(rest)), scripts: stack))
                break
            }
            if open > rest.startIndex {
                runs.append(Run(text: HTMLEscaping.plainText(ofHTML: String(rest[..<open])), scripts: stack))
            }
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[open...close].lowercased()
            if tag == "<sub>" { stack.append(.sub) } else if tag == "<sup>" { stack.append(.sup) }
            else if tag == "</sub>" || tag == "</sup>" { if !stack.isEmpty { stack.removeLast() } }
            rest = rest[rest.index(after: close)...]
        }
        self.init(runs: runs)
    }

    var html: String {
        var out = ""
        var open: [Script] = []
        for run in runs {
            var shared = 0
            while shared < open.count, shared < run.scripts.count, open[shared] == run.scripts[shared] { shared += 1 }
            while open.count > shared { out += open.removeLast() == .sub ? "</sub>" : "</sup>" }
            for script in run.scripts[shared...] {
                out += script == .sub ? "<sub>" : "<sup>"
                open.append(script)
            }
            out += HTMLEscaping.text(run.text)
        }
        while let script = open.popLast() { out += script == .sub ? "</sub>" : "</sup>" }
        return out
    }

    // MARK: SVG (<tspan dy font-size>)

    /// Where the runs of each script level sit in a chart's `<text>`: baseline offset (SVG units,
    /// down is positive) and font size, as the original drew them.
    struct Geometry {
        var baseSize: Double
        var levels: [[Script]: (offset: Double, size: Double)] = [:]

        /// The offset and size of a script level; one the original did not use shifts by the
        /// Plotting module's proportions (a quarter of the size down, 0.4 up) at 0.7 of the size.
        func place(_ scripts: [Script]) -> (offset: Double, size: Double) {
            if scripts.isEmpty { return (0, baseSize) }
            if let known = levels[scripts] { return known }
            let parent = place(Array(scripts.dropLast()))
            let shift = scripts.last == .sub ? 0.25 * parent.size : -0.4 * parent.size
            return (parent.offset + shift, max(parent.size * 0.7, 1))
        }
    }

    /// From the content of an SVG `<text>` element: its text and `<tspan>` children (flat, as
    /// the Plotting module writes them), with each script level's geometry. A tspan's `dy` is
    /// relative to the previous text, so levels are recovered from the running offset: back to 0
    /// is the baseline, back to an offset already open closes the scripts above it, further
    /// down opens a subscript, further up a superscript.
    static func fromSVG(content: String, baseSize: Double) -> (ScriptedText, Geometry) {
        var runs: [Run] = []
        var geometry = Geometry(baseSize: baseSize)
        var stack: [(script: Script, offset: Double)] = []
        var offset = 0.0
        var rest = Substring(content)
        func addRun(_ text: String, offset: Double, size: Double) {
            if offset == 0 {
                stack.removeAll()
            } else if let open = stack.lastIndex(where: { $0.offset == offset }) {
                stack.removeSubrange((open + 1)...)
            } else {
                stack.append((offset > (stack.last?.offset ?? 0) ? .sub : .sup, offset))
            }
            let scripts = stack.map(\.script)
            if !scripts.isEmpty { geometry.levels[scripts] = (offset, size) }
            runs.append(Run(text: HTMLEscaping.plainText(ofHTML: text), scripts: scripts))
        }
        while !rest.isEmpty {
            guard let open = rest.firstRange(of: "<tspan") else {
                addRun(String(rest), offset: offset, size: baseSize)
                break
            }
            if open.lowerBound > rest.startIndex { addRun(String(rest[..<open.lowerBound]), offset: offset, size: baseSize) }
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">"),
                  let close = rest[tagEnd...].firstRange(of: "</tspan>") else { break }
            let tag = String(rest[open.lowerBound...tagEnd])
            offset += Double(SVGAttributes.value("dy", in: tag) ?? "") ?? 0
            let size = Double(SVGAttributes.value("font-size", in: tag) ?? "") ?? baseSize
            addRun(String(rest[rest.index(after: tagEnd)..<close.lowerBound]), offset: offset, size: size)
            rest = rest[close.upperBound...]
        }
        return (ScriptedText(runs: runs), geometry)
    }

    /// The content of an SVG `<text>` element for these runs, placed by `geometry`.
    func svg(_ geometry: Geometry) -> String {
        var out = ""
        var offset = 0.0
        for run in runs {
            let place = geometry.place(run.scripts)
            let text = HTMLEscaping.attribute(run.text).replacingOccurrences(of: "'", with: "&#39;")
            if place.offset == offset && place.size == geometry.baseSize {
                out += text
                continue
            }
            out += "<tspan"
            if place.offset != offset { out += " dy=\"\(Self.number(place.offset - offset))\"" }
            if place.size != geometry.baseSize { out += " font-size=\"\(Self.number(place.size))\"" }
            out += ">" + text + "</tspan>"
            offset = place.offset
        }
        return out
    }

    /// At most two decimals, no trailing zeros, no "-0".
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}

/// Attribute values of one start tag as the Plotting module writes them (double quotes).
enum SVGAttributes {
    static func value(_ name: String, in tag: String) -> String? {
        guard let start = tag.firstRange(of: " \(name)=\"") else { return nil }
        guard let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return HTMLEscaping.plainText(ofHTML: String(tag[start.upperBound..<end]))
    }
}
