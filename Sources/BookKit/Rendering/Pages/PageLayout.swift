import Plot

/// What every page shares: head with assets, header bar with search and theme toggle, sidebar,
/// and the scripts. Pages differ only in the sidebar's current entry and the `main` content.
struct PageLayout {
    var bookTitle: String
    var chapters: [SidebarChapter]
    /// The page's edition: its language and words, and the other editions of the page.
    var edition: PageEdition = .sourceOnly
    private var strings: UIStrings { edition.strings }

    struct SidebarChapter: Encodable {
        /// Chapter 5 shows "5", appendix A shows "A".
        var ordinal: ChapterOrdinal?
        var title: String
        var page: String
    }

    struct Page {
        var title: String
        /// `nil` for the index page.
        var currentPage: String?
        /// The file name, the same in every edition.
        var pageName: String { currentPage ?? "index.html" }
        /// Sections of the current page for the sidebar (h2 and h3).
        var headings: [PageHeading]
        var usesMath: Bool
        /// Main content, already built.
        var main: Node<HTML.BodyContext>
    }

    func render(_ page: Page) -> String {
        let assets = edition.assetPrefix
        let translated = !edition.alternates.isEmpty
        let html = HTML(
            .attribute(named: "lang", value: edition.language.htmlTag),
            .head(
                .encoding(.utf8),
                .viewport(.accordingToDevice),
                .element(named: "title", nodes: [Node<HTML.HeadContext>.escaped(page.title)]),
                .meta(.name("color-scheme"), .content("light dark")),
                .meta(.name("generator"), .content("NeuralBook")),
                .forEach(edition.alternates) { alternate in
                    .link(.rel(.alternate), .attribute(named: "hreflang", value: alternate.language.htmlTag),
                          .href(alternate.prefix + page.pageName))
                },
                .if(page.usesMath, .stylesheet(assets + "katex/katex.min.css")),
                .stylesheet(assets + "book.css"),
                .if(translated, .stylesheet(assets + "editions.css")),
                // Synchronous on purpose: applies the saved theme before the first paint and starts
                // recording asset load failures for the self-check.
                .script(.src(assets + "theme-init.js")),
                .script(.src(edition.rootPrefix + edition.searchIndexFile), .attribute(named: "defer")),
                .if(page.usesMath, .script(.src(assets + "katex/katex.min.js"), .attribute(named: "defer"))),
                .script(.src(assets + "search.js"), .attribute(named: "defer")),
                .script(.src(assets + "book.js"), .attribute(named: "defer")),
                .if(translated, .script(.src(assets + "editions.js"), .attribute(named: "defer")))
            ),
            .body(
                .a(.cls("skip-link"), .href("#content"), .text(strings.skipToContent)),
                header(for: page),
                .div(.cls("layout"),
                     sidebar(for: page),
                     .main(.attr("id", "content"), .attr("tabindex", "-1"), page.main))
            )
        )
        return html.render()
    }

    private func header(for page: Page) -> Node<HTML.BodyContext> {
        .header(.cls("topbar"),
            .button(.cls("icon-button sidebar-toggle"), .attr("type", "button"),
                    .attr("aria-controls", "sidebar"), .attr("aria-expanded", "false"),
                    .attr("aria-label", strings.sidebarToggle), .text("☰")),
            .a(.cls("book-title"), .href("index.html"), .escaped(bookTitle)),
            .div(.cls("search"), .attr("role", "search"),
                 .input(.type(.search), .id("search-input"), .placeholder(strings.searchPlaceholder),
                        .autocomplete(false), .attribute(named: "aria-label", value: strings.searchLabel),
                        .attribute(named: "aria-controls", value: "search-results"),
                        .attribute(named: "aria-autocomplete", value: "list"),
                        .attribute(named: "spellcheck", value: "false")),
                 .ul(.id("search-results"), .attr("role", "listbox"), .attr("aria-label", strings.searchResults),
                     // search.js speaks English unless the page hands it its own words.
                     .if(!edition.isSource, .group(.attr("data-no-results", strings.searchNoResults),
                                                   .attr("data-chapter", strings.searchChapter))),
                     .attribute(named: "hidden"))),
            .forEach(edition.alternates) { alternate in
                // editions.js adds the section being read to the link when it is followed.
                .a(.cls("language-switch"), .href(alternate.prefix + page.pageName),
                   .attr("hreflang", alternate.language.htmlTag),
                   .attr("title", strings.readIn(strings.languageNames[alternate.language.code] ?? alternate.language.name)),
                   .span(.attr("lang", alternate.language.htmlTag), .escaped(alternate.language.name)))
            },
            .button(.id("theme-toggle"), .cls("icon-button"), .attr("type", "button"),
                    .attr("aria-label", strings.themeToggleLabel), .attr("title", strings.themeToggleTitle),
                    .span(.cls("theme-icon"), .attr("aria-hidden", "true")))
        )
    }

    private func sidebar(for page: Page) -> Node<HTML.BodyContext> {
        .nav(.id("sidebar"), .cls("sidebar"), .attr("aria-label", strings.chapterList),
             .ol(.cls("chapter-list"),
                 .li(.cls(page.currentPage == nil ? "current" : ""),
                     .a(.href("index.html"), .if(page.currentPage == nil, .attr("aria-current", "page")),
                        .text(strings.preface))),
                 .forEach(chapters.enumerated()) { position, chapter in
                     let isCurrent = chapter.page == page.currentPage
                     // The first appendix opens the list's second part.
                     let startsAppendices = chapter.ordinal?.isAppendix == true
                         && (position == 0 || chapters[position - 1].ordinal?.isAppendix != true)
                     let classes = [isCurrent ? "current" : "", startsAppendices ? "first-appendix" : ""].filter { !$0.isEmpty }
                     return .li(.cls(classes.joined(separator: " ")),
                         .a(.href(chapter.page), .if(isCurrent, .attr("aria-current", "page")),
                            .unwrap(chapter.ordinal) { .span(.cls("num"), .text($0.label)) },
                            .escaped(chapter.title)),
                         .if(isCurrent && !page.headings.isEmpty, sectionList(page.headings)))
                 }))
    }

    private func sectionList(_ headings: [PageHeading]) -> Node<HTML.BodyContext> {
        .ol(.cls("toc"), .forEach(headings.filter { $0.level == 2 || $0.level == 3 }) { heading in
            .li(.cls("toc-h\(heading.level)"), .a(.href("#\(heading.id)"), tocLabel(heading)))
        })
    }

    /// The heading's own HTML (so math typesets in the sidebar too), unless it holds a link,
    /// which cannot nest inside the sidebar's link: then its plain text.
    private func tocLabel(_ heading: PageHeading) -> Node<HTML.AnchorContext> {
        heading.html.contains("<a ") ? .escaped(heading.text) : .raw(heading.html)
    }
}
