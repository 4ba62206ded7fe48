/// The HTML that carries TeX to the browser, where `book.js` typesets it with KaTeX.
/// The TeX is escaped text, so `textContent` gives back exactly what the author wrote.
enum MathHTML {
    static func inline(_ tex: String) -> String {
        "<span class=\"math inline\">\(HTMLEscaping.text(tex))</span>"
    }

    /// A block of its own when it is a whole paragraph; inside running text a `span` styled as a
    /// block keeps the surrounding `<p>` valid.
    static func display(_ tex: String, wholeParagraph: Bool) -> String {
        let tag = wholeParagraph ? "div" : "span"
        return "<\(tag) class=\"math display\">\(HTMLEscaping.text(tex))</\(tag)>"
    }

    /// A numbered equation (`$$ ... $$ {#eq-label}`): the formula, which scrolls sideways when
    /// too wide, beside its number "(5.2)"; the element carries the label as its id, so
    /// `@eq-label` links to it.
    static func numbered(_ tex: String, id: String, number: String, wholeParagraph: Bool) -> String {
        let tag = wholeParagraph ? "div" : "span"
        return "<\(tag) class=\"equation\" id=\"\(HTMLEscaping.attribute(id))\">"
            + display(tex, wholeParagraph: false)
            + "<span class=\"equation-number\">(\(HTMLEscaping.text(number)))</span></\(tag)>"
    }
}
