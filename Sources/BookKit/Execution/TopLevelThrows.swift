import SwiftParser
import SwiftSyntax

/// Where an error can escape a block's top-level code: each plain `try` expression and each
/// `throw` statement that is not inside a function, closure, type or `do`-`catch`.
///
/// An error escaping top-level code reaches Swift's `main`, which reports it without any useful
/// location. The generator wraps each site so the runtime reports it at the chapter line of the
/// throwing statement (`_BookSession.tried(line:_:)`, `_BookSession.raise(line:_:)`).
enum TopLevelThrows {
    struct Site: Equatable {
        enum Kind: Equatable {
            /// `try expression`: the UTF-8 range of the whole `try` expression.
            case tryExpression
            /// `throw expression`: the keyword's range is `keyword`, the whole statement `range`.
            case throwStatement(keyword: Range<Int>)
        }
        var kind: Kind
        var range: Range<Int>
    }

    static func sites(in code: String) -> [Site] {
        let finder = Finder(viewMode: .sourceAccurate)
        finder.walk(Parser.parse(source: code))
        return finder.sites
    }

    /// The edits that wrap every site; `line(offset)` gives the chapter line of a UTF-8 offset.
    static func edits(in code: String, line: (Int) -> Int) -> SourceEdits {
        var edits = SourceEdits()
        for site in sites(in: code) {
            let at = line(site.range.lowerBound)
            switch site.kind {
            case .tryExpression:
                // The closure is an argument in parentheses, not a trailing closure, so the wrap
                // is valid in `if`, `guard`, `while` and `for` conditions too.
                edits.insert("_BookSession.tried(line: \(at), { ", at: site.range.lowerBound, order: 1)
                edits.insert(" })", at: site.range.upperBound, order: 2)
            case .throwStatement(let keyword):
                edits.replace(keyword, with: "_BookSession.raise(line: \(at),")
                edits.insert(")", at: site.range.upperBound, order: 2)
            }
        }
        return edits
    }

    private final class Finder: SyntaxVisitor {
        var sites: [Site] = []

        // Errors inside these propagate to their caller, not to the top.
        override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: DeinitializerDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: SubscriptDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: AccessorBlockSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
        override func visit(_ node: ProtocolDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }

        /// A `do` with `catch` clauses handles its body's errors; its catch clauses do not.
        override func visit(_ node: DoStmtSyntax) -> SyntaxVisitorContinueKind {
            guard !node.catchClauses.isEmpty else { return .visitChildren }
            walk(node.catchClauses)
            return .skipChildren
        }

        override func visit(_ node: TryExprSyntax) -> SyntaxVisitorContinueKind {
            // `try?` and `try!` do not throw; `try await` cannot move into a synchronous closure.
            guard node.questionOrExclamationMark == nil, !node.hasError, !containsAwait(node) else { return .visitChildren }
            // The parser leaves operators unfolded: in `try f(a) + g(b)` the `try` is the first
            // element of a sequence, yet it covers everything to its right.
            var covered = range(of: node)
            if let sequence = node.parent?.as(ExprListSyntax.self)?.parent?.as(SequenceExprSyntax.self) {
                covered = covered.lowerBound..<range(of: sequence).upperBound
            }
            sites.append(Site(kind: .tryExpression, range: covered))
            return .skipChildren
        }

        override func visit(_ node: ThrowStmtSyntax) -> SyntaxVisitorContinueKind {
            guard !node.hasError else { return .skipChildren }
            sites.append(Site(kind: .throwStatement(keyword: range(of: node.throwKeyword)), range: range(of: node)))
            return .skipChildren
        }

        private func range(of node: some SyntaxProtocol) -> Range<Int> {
            node.positionAfterSkippingLeadingTrivia.utf8Offset..<node.endPositionBeforeTrailingTrivia.utf8Offset
        }

        private func containsAwait(_ node: some SyntaxProtocol) -> Bool {
            node.tokens(viewMode: .sourceAccurate).contains { $0.tokenKind == .keyword(.await) }
        }
    }
}
