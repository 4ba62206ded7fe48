/// The whole-book part of rendering one edition (see `HTMLBookRenderer.outline`): what every page
/// of the edition shares.
public struct SiteOutline: Sendable {
    public var book: BookMetadata
    public var chapters: [WovenChapter]
    var layout: PageLayout
    /// Every chapter's labels: numbered figures, tables, equations, sections, exercises, chapters.
    var labels: BookLabels

    /// The edition the pages belong to: language, words, folder, the other editions.
    var edition: PageEdition { layout.edition }

    /// What the page of chapter `position` takes from the rest of the book, as a fingerprint:
    /// - the edition: its language (which picks the UI strings, `UIStrings.of`: code, so the
    ///   renderer's identity covers their wording), its folder and the other editions it links to;
    /// - the layout: the book's title and the sidebar (every chapter's ordinal, title and page, so
    ///   also the previous and next links, given the position);
    /// - the book's `code-fold` default (index.md's front matter);
    /// - for each label in `mentioned`, what it names in the book (page, element id, and the text
    ///   a reference shows: "Section 3.2", "Equation A.1", "Exercise 4.3", "第 6 章").
    ///
    /// `mentioned` must hold every label the chapter's text refers to (`PageCache` passes
    /// `ProtectedProse.mentionedLabels` of the whole woven chapter, a superset): then renumbering a
    /// section of chapter 3 changes the fingerprint of chapter 5's page when chapter 5 cites that
    /// section, and of no page that does not. The chapter's own labels are not here: they follow
    /// from the chapter and the strings. Equal fingerprints and equal chapters give equal pages.
    func pageContextFingerprint(at position: Int, mentioning mentioned: Set<String>) -> String {
        struct Context: Encodable {
            var language: String
            var folder: String
            /// `zh:zh/` for each other edition the language switch links to.
            var alternates: [String]
            var bookTitle: String
            var sidebar: [PageLayout.SidebarChapter]
            var position: Int
            var bookCodeFold: Bool
            /// Label -> what it names; a label nothing has is absent (rendering then fails).
            var targets: [String: ReferenceTable.Target]
        }
        let references = labels.bookReferences
        var targets: [String: ReferenceTable.Target] = [:]
        for label in mentioned { targets[label] = references.target(for: label) }
        return Fingerprint.of(Context(
            language: edition.language.code, folder: edition.folder,
            alternates: edition.alternates.map { "\($0.language.code):\($0.prefix)" },
            bookTitle: layout.bookTitle, sidebar: layout.chapters, position: position,
            bookCodeFold: book.codeFold ?? false, targets: targets))
    }
}

/// One rendered page: its path in the site (`zh/05-x.html` in a translation), its bytes, its
/// entries in its edition's search index, and its heading ids (a translation's page takes them
/// from the source page, so a section has the same id in every edition).
public struct RenderedPage: Sendable, Codable, Equatable {
    public var path: String
    public var bytes: [UInt8]
    var searchEntries: [SearchIndex.Entry]
    var headingIDs: [String]
}

extension PageEdition {
    /// A page's last pass: a translation's units shown in English get their markers, Chinese
    /// text its spacing (`TranslatedPage`); the source edition's pages stay as rendered.
    func finish(_ html: String) -> String {
        isSource ? html : TranslatedPage.finish(html, edition: self)
    }

    /// Text for the search index: a translation's untranslated-unit markers removed.
    func plain(_ text: String) -> String {
        isSource ? text : UntranslatedMarkers.strip(text)
    }

    /// `05-x.html` for the path `zh/05-x.html` of this edition's page.
    func pageName(of path: String) -> String {
        path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
    }
}
