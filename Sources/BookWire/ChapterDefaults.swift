/// Values a chapter gets when its front matter says nothing, shared by the pipeline (which writes
/// them into the generated program) and the runtime (which starts from them).
public enum ChapterDefaults {
    /// The chapter seed every block's random stream derives from (`seed:` in the front matter).
    public static let seed: UInt64 = 42
    /// Seconds the whole chapter program may run (`timeout:` in the front matter).
    public static let timeout = 300
}
