/// What a chapter is doing right now, for the terminal's progress line.
public enum ChapterEvent: Sendable, Equatable {
    case compiling
    /// `position` counts the blocks the program runs (1-based), `block` is the block's index.
    case running(block: Int, position: Int, of: Int)
    case progress(step: Int, total: Int, label: String)
    /// Compiling and running the probe program of an `error: true` block.
    case probing(block: Int)
}
