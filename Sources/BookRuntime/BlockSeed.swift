/// The seed of one block's random stream, a pure function of the chapter seed and the block's
/// name (its label, or `block<N>` for its position), so labelled blocks keep their numbers when a
/// block is inserted before them.
///
/// It is the engine's own stream splitting, `RandomGenerator.fork(_:)`: FNV-1a 64 over the name's
/// UTF-8 bytes, xored with the chapter seed, then one SplitMix64 step (Steele, Lea & Flood, "Fast
/// splittable pseudorandom number generators", 2014) so nearby chapter seeds give unrelated streams.
public func blockSeed(chapterSeed: UInt64, name: String) -> UInt64 {
    RandomGenerator(seed: chapterSeed).fork(name).seed
}
