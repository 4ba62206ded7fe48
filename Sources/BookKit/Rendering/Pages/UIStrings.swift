/// Every word the renderer writes around the author's text (navigation, labels, buttons,
/// badges, numbering, accessibility names), one table keyed by language. The book's own text is
/// translated through catalogs; these words belong to the tool, so they live here, in code, and a
/// new language adds one entry to `table`. Scripts get their words from the page (`data-`
/// attributes on the elements they drive), never from string literals of their own.
///
/// Counted and numbered phrases are functions, so each language says them its own way ("Figure
/// 5.2" / "图 5.2", "Chapter 5" / "第 5 章", "1 claim verified" / "1 项论断已验证").
struct UIStrings: Sendable {
    /// What a number names, for `numbered`.
    enum Numbered: Sendable { case chapter, appendix, figure, table, equation, section, exercise }

    /// "Chapter 5", "Appendix A", "Figure 5.2", "Equation 5.1", "Section 3.2", "Exercise 3.2" (and
    /// "第 3.2 节", "式 (5.1)"): a numbered thing's name in this language.
    var numbered: @Sendable (_ what: Numbered, _ number: String) -> String

    // The index page and the navigation.
    var preface: String
    var chaptersHeading: String
    var appendicesHeading: String
    var skipToContent: String
    var sidebarToggle: String
    var chapterList: String
    var searchPlaceholder: String
    var searchLabel: String
    var searchResults: String
    /// `search.js` words; the English ones are its defaults, others go in `data-` attributes.
    var searchNoResults: String
    var searchChapter: String
    var themeToggleLabel: String
    var themeToggleTitle: String
    var pagerLabel: String
    var previous: String
    var next: String
    var anchorLabel: String
    /// Languages' names in this language, by code, for the language switch.
    var languageNames: [String: String]
    /// The language switch's title: "Read this page in Chinese".
    var readIn: @Sendable (_ languageName: String) -> String

    // Exercises and their answers.
    var answer: String

    // Code blocks.
    var showCode: String
    /// "Show code: Figure 5.2" for a folded block that draws a numbered figure or table.
    var showCodeFor: @Sendable (_ float: String) -> String
    var copy: String
    var copied: String
    var copyLabel: String

    // Cells and their outputs.
    var outputOfBlock: @Sendable (_ line: Int) -> String
    var statusFailed: String
    var statusExpectedError: String
    var statusUnexpectedSuccess: String
    var statusNotRun: String
    var statusNotEvaluated: String
    var foldedOutput: @Sendable (_ lines: Int) -> String
    var errorTitle: String
    var expectedErrorTitle: String
    var errorLocation: @Sendable (_ location: String) -> String
    /// Written after a float's number when a caption follows ("Figure 5.2:"), then `captionGap`.
    var captionColon: String
    var captionGap: String

    // Wide figures on narrow screens.
    var enlargeFigure: String
    var close: String

    // Claims.
    var verifiedPrefix: String
    var failedPrefix: String
    var claimsLabel: String
    var claimsHeading: String
    var claimsHeadline: @Sendable (_ verified: Int, _ failed: Int) -> String
    var claimsVerified: @Sendable (_ total: Int) -> String
    var claimsFailed: @Sendable (_ failed: Int, _ total: Int) -> String
    /// The halves of a claim's detail, which the runtime writes as "observed A, expected B"
    /// (`ClaimDetail`).
    var observed: String
    var expected: String

    // The printed book.
    var contents: String

    // Translated editions: why a unit is shown in the source language (its tooltip).
    var untranslatedMissing: String
    var untranslatedStale: String

    /// The strings of `language`; English for a language without its own entry (the editions
    /// setting accepts only `Language.known`, which all have one).
    static func of(_ language: Language) -> UIStrings {
        table[language.code] ?? english
    }

    static let table: [String: UIStrings] = ["en": english, "zh": chinese]

    /// "Show code: Figure 5.2".
    func showCode(for float: String) -> String { showCodeFor(float) }

    /// "✓ 1 claim verified", "✓ 12 claims verified", "✗ 2 of 12 claims failed".
    func claimsBadge(total: Int, failed: Int) -> String {
        failed == 0 ? claimsVerified(total) : claimsFailed(failed, total)
    }

    /// "Chapter 5" or "Appendix A".
    func title(of ordinal: ChapterOrdinal) -> String {
        switch ordinal {
        case .chapter: return numbered(.chapter, ordinal.label)
        case .appendix: return numbered(.appendix, ordinal.label)
        }
    }

    /// A count with its noun in the right number: "1 line", "40 lines" (English).
    static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) " + (count == 1 ? singular : plural)
    }

    static let english: UIStrings = {
        let words: [Numbered: String] = [.chapter: "Chapter", .appendix: "Appendix", .figure: "Figure", .table: "Table",
                                         .equation: "Equation", .section: "Section", .exercise: "Exercise"]
        return UIStrings(
            numbered: { "\(words[$0]!) \($1)" },
            preface: "Preface", chaptersHeading: "Chapters", appendicesHeading: "Appendices",
            skipToContent: "Skip to content", sidebarToggle: "Show or hide the chapter list", chapterList: "Chapters",
            searchPlaceholder: "Search  ( / )", searchLabel: "Search the book", searchResults: "Search results",
            searchNoResults: "No results", searchChapter: "Chapter",
            themeToggleLabel: "Switch between light and dark theme", themeToggleTitle: "Light / dark theme",
            pagerLabel: "Previous and next chapter", previous: "← Previous", next: "Next →",
            anchorLabel: "Link to this section",
            languageNames: ["en": "English", "zh": "Chinese"], readIn: { "Read this page in \($0)" },
            answer: "Answer",
            showCode: "Show code", showCodeFor: { "Show code: \($0)" },
            copy: "Copy", copied: "Copied", copyLabel: "Copy the code to the clipboard",
            outputOfBlock: { "Output of the block at line \($0)" },
            statusFailed: "✗ failed", statusExpectedError: "expected error",
            statusUnexpectedSuccess: "✗ expected an error, but it ran",
            statusNotRun: "not run (an earlier block failed)", statusNotEvaluated: "not evaluated",
            foldedOutput: { "Output: \($0) lines (show)" },
            errorTitle: "Error", expectedErrorTitle: "Expected error", errorLocation: { " at \($0)" },
            captionColon: ":", captionGap: " ",
            enlargeFigure: "Enlarge the figure", close: "Close",
            verifiedPrefix: "Verified: ", failedPrefix: "Failed: ",
            claimsLabel: "Claims checked by this chapter", claimsHeading: "Claims checked by running this chapter: ",
            claimsHeadline: { verified, failed in "\(verified) verified" + (failed > 0 ? ", \(failed) failed" : "") },
            claimsVerified: { "✓ " + counted($0, "claim", "claims") + " verified" },
            claimsFailed: { "✗ \($0) of " + counted($1, "claim", "claims") + " failed" },
            observed: "observed", expected: "expected",
            contents: "Contents",
            untranslatedMissing: "Not translated yet: shown in English",
            untranslatedStale: "The English text changed since it was translated: shown in English until the translation is updated")
    }()

    static let chinese = UIStrings(
        numbered: { what, number in
            switch what {
            case .chapter: return "第 \(number) 章"
            case .section: return "第 \(number) 节"
            case .appendix: return "附录 \(number)"
            case .figure: return "图 \(number)"
            case .table: return "表 \(number)"
            case .equation: return "式 (\(number))"
            case .exercise: return "练习 \(number)"
            }
        },
        preface: "前言", chaptersHeading: "章节", appendicesHeading: "附录",
        skipToContent: "跳到正文", sidebarToggle: "显示或隐藏章节列表", chapterList: "章节",
        searchPlaceholder: "搜索（/）", searchLabel: "搜索全书", searchResults: "搜索结果",
        searchNoResults: "没有结果", searchChapter: "章",
        themeToggleLabel: "切换浅色与深色主题", themeToggleTitle: "浅色／深色主题",
        pagerLabel: "上一章与下一章", previous: "← 上一章", next: "下一章 →",
        anchorLabel: "链接到本节",
        languageNames: ["en": "英文", "zh": "中文"], readIn: { "阅读本页的\($0)版" },
        answer: "参考答案",
        showCode: "显示代码", showCodeFor: { "显示代码：\($0)" },
        copy: "复制", copied: "已复制", copyLabel: "把代码复制到剪贴板",
        outputOfBlock: { "第 \($0) 行代码块的输出" },
        statusFailed: "✗ 失败", statusExpectedError: "预期的错误", statusUnexpectedSuccess: "✗ 预期出错，却运行成功",
        statusNotRun: "未运行（前面的代码块失败）", statusNotEvaluated: "未执行",
        foldedOutput: { "输出：共 \($0) 行（展开）" },
        errorTitle: "错误", expectedErrorTitle: "预期的错误", errorLocation: { "，位于 \($0)" },
        captionColon: "", captionGap: "\u{3000}",
        enlargeFigure: "放大此图", close: "关闭",
        verifiedPrefix: "已验证：", failedPrefix: "未通过：",
        claimsLabel: "本章检验的论断", claimsHeading: "运行本章时检验的论断：",
        claimsHeadline: { verified, failed in "已验证 \(verified) 项" + (failed > 0 ? "，未通过 \(failed) 项" : "") },
        claimsVerified: { "✓ \($0) 项论断已验证" },
        claimsFailed: { "✗ \($1) 项论断中 \($0) 项未通过" },
        observed: "观测值", expected: "预期",
        contents: "目录",
        untranslatedMissing: "尚未翻译，显示英文原文",
        untranslatedStale: "英文原文在翻译后有改动，译文更新前显示英文原文")
}
