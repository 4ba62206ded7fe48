import Plot

/// The box under the chapter title: how many of the chapter's claims (`expect`) the run verified,
/// each linking to the block that checked it.
enum ClaimsSummary {
    static func render(_ claims: [Claim], strings: UIStrings) -> Node<HTML.BodyContext> {
        guard !claims.isEmpty else { return .empty }
        let failed = claims.filter { !$0.passed }.count
        let verified = claims.count - failed
        let headline = strings.claimsHeadline(verified, failed)
        let items: [Node<HTML.ListContext>] = claims.enumerated().map { offset, claim in
            .li(.cls(claim.passed ? "passed" : "failed"),
                .a(.href("#claim-\(offset + 1)"),
                   .span(.cls("claim-mark"), .attr("aria-hidden", "true"), .text(claim.passed ? "✓ " : "✗ ")),
                   .span(.cls("visually-hidden"), .text(claim.passed ? strings.verifiedPrefix : strings.failedPrefix)),
                   .escaped(claim.text)))
        }
        return .element(named: "aside", nodes: [
            .cls(failed > 0 ? "claims-summary has-failures" : "claims-summary"),
            .attr("aria-label", strings.claimsLabel),
            .details(.if(failed > 0 || claims.count <= 6, .open(true)),
                     .summary(.strong(.text(strings.claimsHeading)), .text(headline)),
                     .ul(.group(items))),
        ])
    }
}
