import BookKit
import BookWire
import Foundation

/// What the open pages are told besides "reload" (`event: state`, as JSON): which pages' chapters
/// are compiling or running right now, with the latest progress line, and which failed, with
/// their failures at their chapter lines. Pages are keyed by file name (`05-initialization.html`),
/// which is the same in every edition; a translation catalog's errors by the path of the page
/// (`zh/05-initialization.html`); `"*"` in `failures` concerns every page (the book did not render).
struct LiveState: Encodable, Equatable, Sendable {
    struct Running: Encodable, Equatable, Sendable {
        var title: String
        var detail: String?
    }

    struct Failure: Encodable, Equatable, Sendable {
        var title: String
        var note: String?
        var lines: [String]
    }

    struct Labels: Encodable, Equatable, Sendable {
        var hide: String
    }

    var running: [String: Running] = [:]
    var failures: [String: Failure] = [:]
    var labels: Labels

    init(strings: ServeStrings) {
        labels = Labels(hide: strings.hide)
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings and dictionaries of strings always encode.
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
