import ArgumentParser
import BookKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the chapters with their blocks and whether each is cached, stale or failed.")

    @OptionGroup var locations: BookLocations

    func run() throws {
        let statuses = try ChapterStatus.all(layout: try locations.layout(), toolchain: try Toolchain.locate())
        for status in statuses {
            print("\(status.sourcePath)  \(status.state.rawValue)")
            if let error = status.error { print("  \(error)") }
            for block in status.blocks {
                var traits: [String] = []
                if let label = block.options.label { traits.append(label) }
                if !block.isSwift { traits.append("shown only") }
                else if !block.options.eval { traits.append("eval: false") }
                if block.options.error { traits.append("error: true") }
                let suffix = traits.isEmpty ? "" : "  (" + traits.joined(separator: ", ") + ")"
                print("  block \(block.index)  line \(block.line)  \(block.language.isEmpty ? "text" : block.language)\(suffix)")
            }
        }
    }
}
