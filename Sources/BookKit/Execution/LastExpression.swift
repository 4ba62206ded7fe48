import SwiftParser
import SwiftSyntax

/// Finds a block's last statement when it is an expression whose value a notebook would show,
/// so the generator can wrap it as `_BookSession.display(...)`.
///
/// Shown: a trailing expression such as `x`, `model(input)`, `try loss.item()`. Not shown:
/// declarations, assignments (`a = b`, `a += 1`, `_ = f()`), and statements such as `if`, `for`,
/// `switch` even when Swift parses them as expressions. A call that returns `Void` is wrapped too;
/// the runtime's `display(_: Void)` overload shows nothing for it.
enum LastExpression {
    /// UTF-8 byte range of the expression to wrap (leading and trailing trivia excluded).
    static func range(in code: String) -> Range<Int>? {
        let file = Parser.parse(source: code)
        guard let last = file.statements.last else { return nil }
        guard case .expr(let expression) = last.item else { return nil }
        guard isShowable(expression) else { return nil }
        let start = expression.positionAfterSkippingLeadingTrivia.utf8Offset
        let end = expression.endPositionBeforeTrailingTrivia.utf8Offset
        return start < end ? start..<end : nil
    }

    /// `code` with its last expression wrapped in `prefix(` ... `)`, on the same lines.
    static func wrap(_ code: String, prefix: String) -> String {
        edits(in: code, prefix: prefix).apply(to: code, firstLine: 1).code
    }

    /// The edits that wrap the last expression (none when there is nothing to show). They open
    /// before and close after any other edit at the same place: the display is the outer call.
    static func edits(in code: String, prefix: String) -> SourceEdits {
        var edits = SourceEdits()
        guard let range = range(in: code) else { return edits }
        edits.insert(prefix + "(", at: range.lowerBound, order: 0)
        edits.insert(")", at: range.upperBound, order: 3)
        return edits
    }

    private static func isShowable(_ expression: ExprSyntax) -> Bool {
        if expression.hasError { return false }
        if expression.is(IfExprSyntax.self) || expression.is(SwitchExprSyntax.self) || expression.is(ClosureExprSyntax.self)
            || expression.is(MacroExpansionExprSyntax.self) {
            return false
        }
        var inner = expression
        while true {
            if let wrapper = inner.as(TryExprSyntax.self) { inner = wrapper.expression }
            else if let wrapper = inner.as(AwaitExprSyntax.self) { inner = wrapper.expression }
            else { break }
        }
        if let sequence = inner.as(SequenceExprSyntax.self) {
            return !sequence.elements.contains(where: isAssignmentOperator)
        }
        if let infix = inner.as(InfixOperatorExprSyntax.self) {
            return !isAssignmentOperator(infix.operator)
        }
        return true
    }

    /// `=`, and compound assignments like `+=` (an operator ending in `=` that is not a comparison).
    private static func isAssignmentOperator(_ element: ExprSyntax) -> Bool {
        if element.is(AssignmentExprSyntax.self) { return true }
        guard let binary = element.as(BinaryOperatorExprSyntax.self) else { return false }
        let text = binary.operator.text
        return text.hasSuffix("=") && !["==", "!=", "<=", ">=", "===", "!=="].contains(text)
    }
}
