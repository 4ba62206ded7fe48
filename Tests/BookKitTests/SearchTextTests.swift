import XCTest
@testable import BookKit

/// Search entries hold the text a reader sees: math as Unicode, not the TeX it is typeset from.
final class SearchTextTests: XCTestCase {
    func testTeXBecomesReadableText() {
        let cases: [(String, String)] = [
            ("n_\\text{in}", "nᵢₙ"),
            ("\\frac{2}{n_\\text{in} + n_\\text{out}}", "2/(nᵢₙ + nₒᵤₜ)"),
            ("\\mu_\\mathcal{B}", "μ_B"),
            ("\\lVert \\partial L / \\partial h_l \\rVert", "‖∂L / ∂hₗ ‖"),
            ("\\sigma'(x) \\le \\tfrac{1}{4}", "σ'(x) ≤ 1/4"),
            ("W^{\\top} x", "Wᵀ x"),
            ("10^{-6}", "10⁻⁶"),
            ("\\sqrt{\\sigma^2_\\mathcal{B} + \\epsilon}", "√(σ²_B + ε)"),
            ("\\hat{x}_i", "x̂ᵢ"),
            ("\\mathbb{R}^{n}", "ℝⁿ"),
            ("\\operatorname{Var}(W)", "Var(W)"),
            ("a \\, b \\quad c", "a b c"),
            ("\\left( x \\right)", "( x )"),
            ("\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}", "a = b c = d"),
            ("\\unknowncommand{x}", "unknowncommandx"),
        ]
        for (tex, text) in cases {
            XCTAssertEqual(TeXText.plain(tex), text, tex)
        }
    }

    func testIndexHoldsNoTeX() throws {
        let bytes = try RenderFixtureBook.render()["assets/search-index.js"]!
        let index = String(decoding: bytes, as: UTF8.self)
        XCTAssertFalse(index.contains("\\\\text"), "no \\text{...} in the index")
        XCTAssertFalse(index.contains("\\\\frac"))
        XCTAssertTrue(index.contains("Var(W) = 2/(nᵢₙ + nₒᵤₜ)"), index)
        XCTAssertTrue(index.contains("\"x\":\"The chain rule, dz/dx, and how gradients flow backwards.\""), "summaries too")
    }
}
