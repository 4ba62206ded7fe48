import ArgumentParser
import BookKit

struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove the cache (the hidden .book-cache folder beside the chapters folder).")

    @OptionGroup var locations: BookLocations

    func run() throws {
        let layout = try locations.layout()
        try layout.cache.clean()
        print("removed \(layout.cacheDirectory.path)")
    }
}
