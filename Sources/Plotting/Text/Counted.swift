/// A count with its noun in the right number, for generated text (charts' text alternatives,
/// chapters' prose through BookRuntime): `counted(1, "epoch")` is "1 epoch", `counted(2, "epoch")`
/// is "2 epochs", `counted(3, "child", plural: "children")`. English only: a noun's plural is the
/// singular plus "s" unless given.
public func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}

/// Names listed in generated text: "a, b, c", or "a; b; c" when a name has a comma of its own
/// ("BN, 32, η = 0.05; GN, 32, η = 0.05"), so a reader (or a translator) can tell where each ends.
public func listed(_ names: [String]) -> String {
    names.joined(separator: names.contains { $0.contains(",") } ? "; " : ", ")
}
