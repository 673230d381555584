import NNGuideCore

/// A piece of a laid-out line: text in one role, maybe part of a link.
public struct Span: Sendable, Equatable {
    public var text: String
    public var role: Role
    /// Index into `Document.links` when the span is (part of) a link.
    public var link: Int?
    public init(_ text: String, _ role: Role = .text, link: Int? = nil) { self.text = text; self.role = role; self.link = link }
}

/// One screen line of a laid-out document.
public struct DocLine: Sendable, Equatable {
    public var spans: [Span]
    /// The block this line came from (a serial number): keeps the reading position across resizes.
    public var origin: Int
    /// Set on the heading line of a page or section: its id.
    public var anchor: String?
    /// Lines of a table too wide for the screen scroll sideways together.
    public var wide: Bool

    public init(_ spans: [Span] = [], origin: Int = 0, anchor: String? = nil, wide: Bool = false) {
        self.spans = spans; self.origin = origin; self.anchor = anchor; self.wide = wide
    }

    public var text: String { spans.map(\.text).joined() }
    public var width: Int { DisplayWidth.of(text) }
}

/// A link as laid out: where it goes and the line it starts on.
public struct DocLink: Sendable, Equatable {
    public var target: LinkTarget
    public var label: String
    public var line: Int
}

/// A page laid out for one width: lines of styled spans, its links, and where each section begins.
public struct Document: Sendable, Equatable {
    public var lines: [DocLine] = []
    public var links: [DocLink] = []
    /// Menu choices, the first nine opened by their digit (`DocumentBuilder.menuLink`): link indexes.
    public var menu: [Int] = []
    /// First line of each block ("page#3") and of each table and figure (by id): where a search hit
    /// or a link to a table opens.
    public var places: [String: Int] = [:]
    /// Lines at the top that say what the rest is (a lone table's title and header row): a viewport
    /// keeps them on screen while the rest scrolls under them, as `less --header` does.
    public var head = 0
    /// The first line of each row of a table (a box's row, a card's heading): where a page of the
    /// comparison may begin (`Viewport.turnPage(_:rowStarts:lines:height:)`).
    public var rowStarts: [Int] = []

    public init() {}

    /// The head a screen `height` rows tall keeps: all of it while it leaves the rest at least half
    /// the rows, else none (a head that crowded out what it names would say nothing).
    public func head(height: Int) -> Int { head > 0 && head * 2 <= height ? head : 0 }

    /// What scrolls under the head kept on a screen `height` rows tall: its lines and its rows. A
    /// viewport's `top` counts these lines (`Viewport.draw` shows line `top + row` on a row under the head).
    public func body(height: Int) -> (lines: Int, height: Int) {
        let h = head(height: height)
        return (lines.count - h, height - h)
    }

    public static func place(_ page: String, block: Int) -> String { "\(page)#\(block)" }

    public func line(ofAnchor id: String) -> Int? { lines.firstIndex { $0.anchor == id } }

    /// Ids of the sections whose headings are in the document, with their lines, in order.
    public var anchors: [(id: String, line: Int)] {
        lines.enumerated().compactMap { i, l in l.anchor.map { ($0, i) } }
    }

    /// The first line that came from `origin` (or the nearest one after it).
    public func firstLine(fromOrigin origin: Int) -> Int {
        lines.firstIndex { $0.origin >= origin } ?? max(0, lines.count - 1)
    }

    /// Characters of a line that count towards a place in its block: spaces and margin marks
    /// (bullets, callout bars, all `.accent`) are left out, since wrapping moves or repeats them.
    static func weight(_ line: DocLine) -> Int {
        line.spans.reduce(0) { n, s in s.role == .accent ? n : n + s.text.reduce(0) { $1 == " " ? $0 : $0 + 1 } }
    }

    /// Where `line` stands in its block: the block's origin and the characters of it above the line.
    /// Unlike a line number, this is the same at every width.
    public func blockOffset(ofLine line: Int) -> (origin: Int, chars: Int) {
        guard lines.indices.contains(line) else { return (0, 0) }
        let origin = lines[line].origin
        var i = line, chars = 0
        while i > 0 && lines[i - 1].origin == origin { i -= 1; chars += Self.weight(lines[i]) }
        return (origin, chars)
    }

    /// The line of block `origin` that holds its character `chars` (the inverse of `blockOffset`).
    public func line(origin: Int, chars: Int) -> Int {
        var i = firstLine(fromOrigin: origin)
        guard lines.indices.contains(i), lines[i].origin == origin else { return i }
        var left = chars
        while left > 0, i + 1 < lines.count, lines[i + 1].origin == origin {
            let w = Self.weight(lines[i])
            if w > left { break }
            left -= w; i += 1
        }
        return i
    }

    /// The maximum line width: more than the screen means the document scrolls sideways.
    public var wideWidth: Int { lines.filter(\.wide).map(\.width).max() ?? 0 }
}

/// What lays a document out line by line (a page, a decision screen's sheet): the rules every such
/// writer shares are written once, here.
protocol DocumentWriter {
    var doc: Document { get set }
    /// The block the lines written now come from.
    var origin: Int { get }
}

extension DocumentWriter {
    /// A blank line between blocks: never two, never at the top.
    mutating func blank() {
        guard let last = doc.lines.last, !last.spans.isEmpty else { return }
        doc.lines.append(DocLine([], origin: origin))
    }
}

/// Builds a document block by block; the tag carried through wrapping is (role, link).
struct DocumentBuilder: DocumentWriter {
    var doc = Document()
    var origin = 0
    let width: Int
    let glyphs: Glyphs

    init(width: Int, glyphs: Glyphs) { self.width = max(1, width); self.glyphs = glyphs }

    /// What a run carries through wrapping: its role, and the link (or, on a decision screen, the
    /// target) it belongs to.
    struct Tag: Sendable, Equatable {
        var role: Role
        var link: Int?
        init(role: Role, link: Int? = nil) { self.role = role; self.link = link }
        init(_ role: Role, _ link: Int? = nil) { self.role = role; self.link = link }
    }

    mutating func line(_ spans: [Span], anchor: String? = nil, wide: Bool = false) {
        doc.lines.append(DocLine(spans, origin: origin, anchor: anchor, wide: wide))
        for s in spans { if let l = s.link, doc.links[l].line < 0 { doc.links[l].line = doc.lines.count - 1 } }
    }

    /// Turns prose with link markup into tagged runs, registering each link.
    mutating func runs(_ text: String, role: Role = .text, resolve: (LinkTarget) -> Bool) -> [StyledRun<Tag>] {
        InlineParser.parse(text).map { piece in
            switch piece {
            case .text(let s): return StyledRun(glyphs.text(s), Tag(role: role, link: nil))
            case .link(let label, let target):
                guard resolve(target) else { return StyledRun(glyphs.text(label), Tag(role: role, link: nil)) }
                doc.links.append(DocLink(target: target, label: glyphs.text(label), line: -1))
                return StyledRun(glyphs.text(label), Tag(role: .link, link: doc.links.count - 1))
            }
        }
    }

    /// The digits that open a menu link (`.pick`): 1-9, as one key press each.
    static let digitLinks = 9

    /// The one rule for a numbered link (a page's "In this part", a glossary entry's links): it joins
    /// the menu, and only the first nine get a number, since a digit opens its link at once and "10"
    /// could never be typed (issue 23, seventh retest). The rest get a bullet, after one line saying
    /// `tab` reaches them. Returns the link and its lead (four cells; its wrapped lines indent as much).
    mutating func menuLink(_ target: LinkTarget, label: String, tab: String) -> (link: Int, lead: Span) {
        if doc.menu.count == Self.digitLinks { line([Span("    \(tab) reaches the links below", .dim)]) }
        doc.links.append(DocLink(target: target, label: label, line: -1))
        doc.menu.append(doc.links.count - 1)
        let n = doc.menu.count
        return (doc.links.count - 1, n <= Self.digitLinks ? Span(" \(n)  ", .accent) : Span(" \(glyphs.bullet)  ", .dim))
    }

    /// Wraps runs into lines: `first` before the first line, `rest` before the others (hanging indent).
    mutating func wrap(_ runs: [StyledRun<Tag>], first: [Span] = [], rest: [Span]? = nil, anchor: String? = nil) {
        for (i, l) in Self.wrapped(runs, width: width, first: first, rest: rest).enumerated() {
            line(l, anchor: i == 0 ? anchor : nil)
        }
    }

    /// The one way styled runs become the spans of screen lines (pages, glossary entries, decision
    /// screens): wrapped to `width` with a hanging indent, `first` before the first line and `rest`
    /// before the others (by default, spaces as wide as `first`).
    static func wrapped(_ runs: [StyledRun<Tag>], width: Int, first: [Span] = [], rest: [Span]? = nil) -> [[Span]] {
        let indent = DisplayWidth.of(first.map(\.text).joined())
        let rest = rest ?? (indent == 0 ? [] : [Span(String(repeating: " ", count: indent))])
        // Each line gets the room its own prefix leaves: a long first label ("Gradient boosting: ")
        // with a short indent after it used to wrap every line as narrow as the first.
        let restIndent = DisplayWidth.of(rest.map(\.text).joined())
        return TextWrap.wrap(runs, width: max(1, width - restIndent), firstWidth: max(1, width - indent)).enumerated().map { i, l in
            (i == 0 ? first : rest) + l.map { Span($0.text, $0.tag.role, link: $0.tag.link) }
        }
    }
}
