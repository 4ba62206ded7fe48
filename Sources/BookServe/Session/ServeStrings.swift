/// Every text the preview puts into a page (the running banner, the failure overlay), in one
/// table with the English values. `live.js` holds none of its own, so an edition translates
/// these beside the renderer's UI strings. Placeholders are `{name}`, filled by `fill`.
public struct ServeStrings: Sendable, Equatable {
    public var compiling = "Compiling {file}"
    public var running = "Running {file}"
    public var waiting = "Waiting to run {file}"
    /// The block a running program is in: its position among the blocks the program runs.
    public var block = "block {position} of {count}, line {line}"
    /// The latest `progress(step, of: total, label)` the program reported.
    public var progress = "{label} {step}/{total}"
    public var probing = "checking that block {block} (line {line}) fails as expected"
    public var chapterFailed = "{file} failed"
    public var showingLastGood = "The page below is the last version that built without failures; saving a fix replaces it."
    public var showingFailedPage = "The page below is this build, with the failures in place."
    /// A translation catalog with errors (`chapters/zh/05-x.po`): the page shows those units in English.
    public var catalogFailed = "{file} has errors"
    public var showingCatalogFailure = "The units these errors concern are shown in English until the catalog is fixed."
    public var bookFailed = "The book could not be rendered"
    public var showingLastRendered = "The pages show the last version that rendered; saving a fix replaces it."
    public var hide = "Hide"

    public static let english = ServeStrings()

    public init() {}

    /// `template` with each `{name}` replaced by `values[name]`.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        var text = template
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }
}
