import Checksum
import Foundation

/// SHA-256 digests as lowercase hex, the currency of the cache and the manifest.
public enum ContentHash {
    public static func of(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(Array(bytes))
        return hex(hasher.finalize())
    }

    public static func of(_ text: String) -> String { of(Array(text.utf8)) }

    /// nil when the file cannot be read.
    public static func file(_ url: URL) -> String? {
        (try? Data(contentsOf: url)).map { of($0) }
    }

    static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }
}

/// Accumulates labelled fields into one SHA-256, each field length-prefixed so that moving text
/// from one field to the next changes the hash.
struct KeyHasher {
    private var hasher = SHA256()

    mutating func add(_ label: String, _ value: String) {
        for part in [label, value] {
            let bytes = Array(part.utf8)
            hasher.update(Array("\(bytes.count):".utf8))
            hasher.update(bytes)
        }
    }

    func finish() -> String { ContentHash.hex(hasher.finalize()) }
}
