import BookWire

/// Every word the renderer writes around the book's own text (navigation, labels, badges,
/// numbering, accessibility names), one table keyed by language. The book's text is translated
/// through catalogs; these strings are part of the tool, so they live here, in code, and a new
/// language adds one entry to `table`.
///
/// Counted phrases are functions, so each language says them its own way ("Figure 5.2",
/// "图 5.2"; "Chapter 5", "第 5 章").
struct UIStrings: Sendable {
    // Page frame (PageLayout)
    var skipToContent: String
    var sidebarToggle: String
    var searchPlaceholder: String
    var searchLabel: String
    var searchResults: String
    var themeToggleLabel: String
    var themeToggleTitle: String
    var chapterList: String
    var preface: String
    /// `search.js` texts; the English ones are its defaults, others are handed over as
    /// `data-` attributes of the results list.
    var searchNoResults: String
    var searchChapter: String
    /// Languages' names in this language, by code, for the language switch.
    var languageNames: [String: String]
    /// The language switch's accessible name: "Read this page in Chinese".
    var readIn: @Sendable (_ languageName: String) -> String

    // Pager
    var pagerLabel: String
    var previous: String
    var next: String

    // Chapter page
    var chapterNumber: @Sendable (Int) -> String
    var anchorLabel: String
    var figure: String
    var table: String
    /// "Figure 5.2" from "Figure" and "5.2".
    var floatTitle: @Sendable (_ kind: String, _ number: String) -> String
    /// Written after the float's number when a caption follows ("Figure 5.2:"), then `captionGap`.
    var captionColon: String
    var captionGap: String

    // Cells and outputs
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

    // Claims
    var verifiedPrefix: String
    var failedPrefix: String
    var claimsLabel: String
    var claimsHeading: String
    var claimsHeadline: @Sendable (_ verified: Int, _ failed: Int) -> String
    var claimsBadgePassed: @Sendable (_ count: Int) -> String
    var claimsBadgeFailed: @Sendable (_ failed: Int, _ count: Int) -> String
    /// The runtime writes a claim's numbers as "observed A, expected B" (`ClaimDetail`); this is
    /// how the page says it.
    var observedExpected: @Sendable (_ observed: String, _ expected: String) -> String

    // Index page
    var chapters: String

    // Translations
    /// Tooltips of a unit shown in the source language because its translation is missing or
    /// was made for an earlier version of the source text.
    var untranslatedMissing: String
    var untranslatedStale: String

    /// A claim's recorded detail in this language (the English record for any other text).
    func claimDetail(_ recorded: String) -> String {
        guard let parts = ClaimDetail.parse(recorded) else { return recorded }
        return observedExpected(parts.observed, parts.expected)
    }

    /// The strings of `language`; English for a language without its own table entry (the
    /// editions setting only accepts languages in `Language.known`, which all have one).
    static func of(_ language: Language) -> UIStrings {
        table[language.code] ?? english
    }

    static let table: [String: UIStrings] = ["en": english, "zh": chinese]

    static let english = UIStrings(
        skipToContent: "Skip to content",
        sidebarToggle: "Show or hide the chapter list",
        searchPlaceholder: "Search  ( / )",
        searchLabel: "Search the book",
        searchResults: "Search results",
        themeToggleLabel: "Switch between light and dark theme",
        themeToggleTitle: "Light / dark theme",
        chapterList: "Chapters",
        preface: "Preface",
        searchNoResults: "No results",
        searchChapter: "Chapter",
        languageNames: ["en": "English", "zh": "Chinese"],
        readIn: { "Read this page in \($0)" },
        pagerLabel: "Previous and next chapter",
        previous: "← Previous",
        next: "Next →",
        chapterNumber: { "Chapter \($0)" },
        anchorLabel: "Link to this section",
        figure: "Figure",
        table: "Table",
        floatTitle: { "\($0) \($1)" },
        captionColon: ":",
        captionGap: " ",
        outputOfBlock: { "Output of the block at line \($0)" },
        statusFailed: "✗ failed",
        statusExpectedError: "expected error",
        statusUnexpectedSuccess: "✗ expected an error, but it ran",
        statusNotRun: "not run (an earlier block failed)",
        statusNotEvaluated: "not evaluated",
        foldedOutput: { "Output: \($0) lines (show)" },
        errorTitle: "Error",
        expectedErrorTitle: "Expected error",
        errorLocation: { " at \($0)" },
        verifiedPrefix: "Verified: ",
        failedPrefix: "Failed: ",
        claimsLabel: "Claims checked by this chapter",
        claimsHeading: "Claims checked by running this chapter: ",
        claimsHeadline: { verified, failed in "\(verified) verified" + (failed > 0 ? ", \(failed) failed" : "") },
        claimsBadgePassed: { "✓ \($0) claims verified" },
        claimsBadgeFailed: { "✗ \($0) of \($1) claims failed" },
        observedExpected: { "observed \($0), expected \($1)" },
        chapters: "Chapters",
        untranslatedMissing: "Not translated yet: shown in English",
        untranslatedStale: "The English text changed since it was translated: shown in English until the translation is updated"
    )

    static let chinese = UIStrings(
        skipToContent: "跳到正文",
        sidebarToggle: "显示或隐藏章节列表",
        searchPlaceholder: "搜索（/）",
        searchLabel: "搜索全书",
        searchResults: "搜索结果",
        themeToggleLabel: "切换浅色与深色主题",
        themeToggleTitle: "浅色／深色主题",
        chapterList: "章节",
        preface: "前言",
        searchNoResults: "没有结果",
        searchChapter: "章",
        languageNames: ["en": "英文", "zh": "中文"],
        readIn: { "阅读本页的\($0)版" },
        pagerLabel: "上一章与下一章",
        previous: "← 上一章",
        next: "下一章 →",
        chapterNumber: { "第 \($0) 章" },
        anchorLabel: "链接到本节",
        figure: "图",
        table: "表",
        floatTitle: { "\($0) \($1)" },
        captionColon: "",
        captionGap: "\u{3000}",
        outputOfBlock: { "第 \($0) 行代码块的输出" },
        statusFailed: "✗ 失败",
        statusExpectedError: "预期的错误",
        statusUnexpectedSuccess: "✗ 预期出错，却运行成功",
        statusNotRun: "未运行（前面的代码块失败）",
        statusNotEvaluated: "未执行",
        foldedOutput: { "输出：共 \($0) 行（展开）" },
        errorTitle: "错误",
        expectedErrorTitle: "预期的错误",
        errorLocation: { "，位于 \($0)" },
        verifiedPrefix: "已验证：",
        failedPrefix: "未通过：",
        claimsLabel: "本章检验的论断",
        claimsHeading: "运行本章时检验的论断：",
        claimsHeadline: { verified, failed in "已验证 \(verified) 项" + (failed > 0 ? "，未通过 \(failed) 项" : "") },
        claimsBadgePassed: { "✓ \($0) 项论断已验证" },
        claimsBadgeFailed: { "✗ \($1) 项论断中 \($0) 项未通过" },
        observedExpected: { "观测值 \($0)，预期 \($1)" },
        chapters: "章节",
        untranslatedMissing: "尚未翻译，显示英文原文",
        untranslatedStale: "英文原文在翻译后有改动，译文更新前显示英文原文"
    )
}
