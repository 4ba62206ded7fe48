import Foundation

/// The SHA-256 of a value's JSON encoding with sorted keys: a content address for structured
/// values (a woven chapter, the context of a page), complete by construction, since a field added
/// to the type is encoded, and so fingerprinted, without anyone remembering to add it here.
enum Fingerprint {
    static func of(_ value: some Encodable) -> String {
        ContentHash.of(encoding(of: value))
    }

    /// The encoding `of` hashes. Strings appear in it as written, except `"`, `\\` and control
    /// characters, which are escaped (so a scan for labels in it finds every label of every string).
    static func encoding(of value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail; a failure is a bug in the model.
        guard let data = try? encoder.encode(value) else { fatalError("Fingerprint: cannot encode \(type(of: value))") }
        return data
    }
}
