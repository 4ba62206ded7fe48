import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rendered chapter pages, remembered by the fingerprint of everything they are rendered from, so
/// the rendering stage renders only the pages whose inputs changed: a no-op build renders no
/// chapter page, a prose edit renders its own chapter's page, a new title renders every page
/// (each one's sidebar shows it).
///
/// A page's key (`key(at:in:)`) covers
/// - the chapter as woven (`Fingerprint` of the `WovenChapter`: prose, cells, outputs, options),
/// - the edition: its language (and with it the UI strings), its folder, the other editions;
///   a translation's page is keyed by its translated chapter and the source page's heading ids,
/// - what the page takes from the rest of the book (`SiteOutline.pageContextFingerprint`): book
///   title, sidebar and the book's code-fold default, its position (previous and next links),
///   and what every label the chapter mentions names elsewhere (a section's number, an
///   equation's, a figure's, an appendix letter): so an edit that renumbers a section of chapter 3
///   renders chapter 5's page again when chapter 5 cites that section,
/// - the renderer itself (`rendererIdentity`: the binary or test bundle holding this code, and the
///   site's asset files), so a rebuilt `book` renders everything again.
///
/// Kept in memory, so `book serve` keeps one between rebuilds, and with a folder also on disk
/// (`.book-cache/pages/`), so a later `book build` finds it: per page `<name>.json` (key, search
/// entries, heading ids, byte count) beside `<name>.page` (the bytes; `zh__<name>` for a
/// translation's page). A damaged entry is a miss.
public final class PageCache: @unchecked Sendable {
    private struct Entry: Codable {
        var key: String
        var byteCount: Int
        var searchEntries: [SearchIndex.Entry]
        var headingIDs: [String]
    }

    /// `.book-cache/pages`, or nil to remember in memory only.
    public let folder: URL?
    private let trustingDisk: Bool
    private let lock = NSLock()
    private var pages: [String: (key: String, page: RenderedPage)] = [:]
    /// The last fingerprint of each chapter and the labels it mentions, by edition folder and slug
    /// (`zh/05-x`): an unchanged chapter (equal values, which compares shared storage first) is not
    /// encoded again.
    private var fingerprints: [String: (chapter: WovenChapter, print: ChapterPrint)] = [:]

    private struct ChapterPrint {
        var fingerprint: String
        /// `ProtectedProse.mentionedLabels` of the chapter's encoding: every label it may cite.
        var mentionedLabels: Set<String>
    }

    /// - Parameter trustingDisk: false ignores what the folder holds (`book build --force`) but
    ///   still writes the new pages into it.
    public init(folder: URL?, trustingDisk: Bool = true) {
        self.folder = folder
        self.trustingDisk = trustingDisk
    }

    /// The key of the page of `outline`'s chapter at `position`; for a translation's page,
    /// `sourceHeadingIDs` are the source page's heading ids, which its headings take.
    public func key(at position: Int, in outline: SiteOutline, sourceHeadingIDs: [String] = []) -> String {
        let edition = outline.edition
        let print = self.print(of: outline.chapters[position], edition: edition.folder)
        var hasher = KeyHasher()
        hasher.add("renderer", Self.rendererIdentity)
        hasher.add("edition", edition.language.code)
        hasher.add("context", outline.pageContextFingerprint(at: position, mentioning: print.mentionedLabels))
        hasher.add("chapter", print.fingerprint)
        hasher.add("source-heading-ids", sourceHeadingIDs.joined(separator: "\n"))
        return hasher.finish()
    }

    /// The page remembered under `key` for `path`, from memory or from the folder.
    public func page(path: String, key: String) -> RenderedPage? {
        if let remembered = lock.withLock({ pages[path] }), remembered.key == key { return remembered.page }
        guard trustingDisk, let (meta, html) = files(for: path),
              let data = try? Data(contentsOf: meta), let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.key == key, let bytes = try? Data(contentsOf: html), bytes.count == entry.byteCount else { return nil }
        let page = RenderedPage(path: path, bytes: Array(bytes), searchEntries: entry.searchEntries,
                                headingIDs: entry.headingIDs)
        lock.withLock { pages[path] = (key, page) }
        return page
    }

    /// Remembers `page` under `key`; on disk the bytes go first, so an entry never names bytes
    /// that are not there. Disk errors only cost a later render.
    public func store(_ page: RenderedPage, key: String) {
        lock.withLock { pages[page.path] = (key, page) }
        guard let (meta, html) = files(for: page.path) else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let entry = Entry(key: key, byteCount: page.bytes.count, searchEntries: page.searchEntries, headingIDs: page.headingIDs)
        guard let encoded = try? encoder.encode(entry),
              (try? AtomicFile.write(page.bytes, to: html)) != nil else { return }
        _ = try? AtomicFile.write(Array(encoded), to: meta)
    }

    private func print(of chapter: WovenChapter, edition folder: String) -> ChapterPrint {
        let memo = folder + chapter.slug
        if let last = lock.withLock({ fingerprints[memo] }), last.chapter == chapter { return last.print }
        let encoding = Fingerprint.encoding(of: chapter)
        let print = ChapterPrint(fingerprint: ContentHash.of(encoding),
                                 mentionedLabels: ProtectedProse.mentionedLabels(in: String(decoding: encoding, as: UTF8.self)))
        lock.withLock { fingerprints[memo] = (chapter, print) }
        return print
    }

    private func files(for path: String) -> (meta: URL, html: URL)? {
        guard let folder else { return nil }
        let name = path.replacingOccurrences(of: "/", with: "__")
        return (folder.appendingPathComponent(name + ".json"), folder.appendingPathComponent(name + ".page"))
    }

    /// What the renderer is: the file holding this code (the `book` executable, or the test
    /// bundle) and the site's asset files, each by path, size and modification time. Rebuilding
    /// `book` or editing an asset changes it, and with it every page's key.
    static let rendererIdentity: String = {
        var stamps = [BuildInputs.fileStamp(codeImagePath())]
        if let site = SiteAssets.folder, let names = try? FileManager.default.contentsOfDirectory(atPath: site.path) {
            stamps += names.sorted().map { BuildInputs.fileStamp(site.appendingPathComponent($0).path) }
        }
        return ContentHash.of(stamps.joined(separator: "\n"))
    }()

    /// The executable or shared object this code was linked into: the file mapped at this
    /// image's address (`/proc/self/maps` on Linux, `dladdr` elsewhere), else the executable.
    private static func codeImagePath() -> String {
        let address = UInt(bitPattern: #dsohandle)
        #if os(Linux)
        if let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) {
            // `start-end perms offset device inode path`, addresses in hex.
            for line in maps.split(separator: "\n") {
                let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
                let range = fields.first?.split(separator: "-").compactMap { UInt($0, radix: 16) } ?? []
                guard fields.count == 6, range.count == 2, range[0] <= address, address < range[1] else { continue }
                let path = fields[5].trimmingCharacters(in: .whitespaces)
                if path.hasPrefix("/") { return path }
            }
        }
        #else
        var info = Dl_info()
        if dladdr(#dsohandle, &info) != 0, let name = info.dli_fname, name.pointee == UInt8(ascii: "/") {
            return String(cString: name)
        }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

}
