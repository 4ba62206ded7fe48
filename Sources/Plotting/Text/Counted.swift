/// A count with its noun in the right number, for generated text (charts' text alternatives,
/// chapters' prose through BookRuntime): `counted(1, "epoch")` is "1 epoch", `counted(2, "epoch")`
/// is "2 epochs", `counted(3, "child", plural: "children")`. English only: a noun's plural is the
/// singular plus "s" unless given.
public func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}
