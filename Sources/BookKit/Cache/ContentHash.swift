import Crypto
import Foundation

/// SHA-256 (FIPS 180-4) digests as lowercase hex, the currency of the cache and the manifest.
public enum ContentHash {
    public static func of(_ bytes: some Sequence<UInt8>) -> String {
        hex(SHA256.hash(data: Array(bytes)))
    }

    public static func of(_ text: String) -> String { of(Array(text.utf8)) }

    /// nil when the file cannot be read.
    public static func file(_ url: URL) -> String? {
        (try? Data(contentsOf: url)).map { of($0) }
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}

/// Accumulates labelled fields into one SHA-256, each field length-prefixed so that moving text
/// from one field to the next changes the hash.
struct KeyHasher {
    private var hasher = SHA256()

    mutating func add(_ label: String, _ value: String) {
        for part in [label, value] {
            let bytes = Array(part.utf8)
            hasher.update(data: Array("\(bytes.count):".utf8))
            hasher.update(data: bytes)
        }
    }

    func finish() -> String { ContentHash.hex(hasher.finalize()) }
}
