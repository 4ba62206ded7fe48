/// The content address of a chapter's execution: everything that can change what its program
/// prints, and nothing that cannot: not the prose, nor the blocks' line numbers (outputs are
/// shifted on weaving, see `ExecutionResult.blockLines`), nor presentation options (`caption`,
/// `echo`, `output`, `code-fold`: the weaver applies them). A label is in the key only as the
/// name of the block's random stream (`CodeBlock.streamName`), which does change the numbers.
enum CacheKey {
    /// Bump when the generated program or the stored result format changes meaning.
    static let formatVersion = "neuralbook-cache-2"

    static func compute(_ chapter: ParsedChapter, engine: String, toolchainVersion: String) -> String {
        var hasher = KeyHasher()
        hasher.add("format", formatVersion)
        hasher.add("engine", engine)
        hasher.add("swiftc", toolchainVersion)
        hasher.add("path", chapter.sourcePath)
        let matter = chapter.frontMatter
        hasher.add("seed", String(matter.seed))
        hasher.add("timeout", String(matter.timeout))
        hasher.add("optimize", String(matter.optimize))
        for block in chapter.blocks where block.isSwift {
            let options = block.options
            hasher.add("block", String(block.index))
            hasher.add("code", block.code)
            hasher.add("options", ["stream " + block.streamName, "eval \(options.eval)", "error \(options.error)",
                                   "timeout " + (options.timeout.map(String.init) ?? "-")]
                .joined(separator: "\u{1F}"))
        }
        for span in chapter.inlines {
            hasher.add("inline", "\(span.id) after \(span.afterBlock): \(span.expression)")
        }
        return hasher.finish()
    }
}
