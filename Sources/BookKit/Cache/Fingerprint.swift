import Foundation

/// The SHA-256 of a value's JSON encoding with sorted keys: a content address for structured
/// values (a woven chapter, the context of a page), complete by construction, since a field added
/// to the type is encoded, and so fingerprinted, without anyone remembering to add it here.
enum Fingerprint {
    static func of(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail; a failure is a bug in the model.
        guard let data = try? encoder.encode(value) else { fatalError("Fingerprint: cannot encode \(type(of: value))") }
        return ContentHash.of(data)
    }
}
