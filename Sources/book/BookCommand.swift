import ArgumentParser

/// `book`: builds the NeuralBook course from `chapters/*.md` into `output/`.
@main
struct BookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: "Build an executable book: run every chapter's Swift blocks and weave the results into HTML.",
        subcommands: [BuildCommand.self, RunCommand.self, ServeCommand.self, CheckCommand.self, ListCommand.self,
                      TranslateCommand.self, PDFCommand.self, CleanCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
