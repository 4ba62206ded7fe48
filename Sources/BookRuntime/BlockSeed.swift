/// The seed of one block's random stream, a pure function of the chapter seed and the block's
/// name (its label, or `block<N>` for its position), so labelled blocks keep their numbers when a
/// block is inserted before them.
///
/// Formula: FNV-1a 64 over the name's UTF-8 bytes, xored with the chapter seed, then one
/// SplitMix64 finalisation step (Steele, Lea & Flood, "Fast splittable pseudorandom number
/// generators", 2014) so nearby chapter seeds give unrelated streams.
public func blockSeed(chapterSeed: UInt64, name: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    var z = (chapterSeed ^ hash) &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}
