#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The guide as plain text for a terminal of a given width: pages with their sections, and every kind
/// of block. Links show as their label. Pure: it returns lines, the caller prints them.
public struct TextRenderer: Sendable {
    public let guide: Guide
    /// Columns available; never below 20 (commands refuse smaller widths).
    public let width: Int
    public let style: BoxStyle
    let c: BoxStyle.Chars

    public init(guide: Guide, width: Int, style: BoxStyle = .unicode) {
        self.guide = guide; self.width = max(20, width); self.style = style; self.c = style.chars
    }

    /// A page, section, table or figure by id, as text; nil when no such id exists.
    public func render(id: String) -> String? {
        if let entry = guide.page(id) { return joined(page(entry)) }
        if let t = guide.table(id) { return joined(located(t.pageID) + table(t.table)) }
        if let f = guide.figures.first(where: { $0.figure.id == id }) { return joined(located(f.pageID) + figure(f.figure)) }
        return nil
    }

    /// The whole guide in reading order.
    public func guideText() -> String {
        joined(guide.pages.enumerated().flatMap { i, p in (i > 0 ? [""] : []) + page(p, level: 0) })
    }

    func joined(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

    /// "Part 3 › 3.2 CNNs" above something shown on its own.
    func located(_ pageID: String) -> [String] {
        let crumb = guide.breadcrumb(pageID)
        guard !crumb.isEmpty else { return [] }
        return wrap(crumb.joined(separator: c.crumb)) + [""]
    }

    /// A page with its breadcrumb (when nested) and all its sections.
    public func page(_ entry: PageEntry) -> [String] {
        (entry.depth > 0 ? located(entry.parentID!) : []) + page(entry.page, level: 0)
    }

    public func page(_ p: Page, level: Int) -> [String] {
        var out = heading(p.title + (p.origin.mark.map { " " + $0 } ?? ""), level: level)
        for (i, b) in p.blocks.enumerated() {
            out += [""] + block(b)
            // The reader's quiet mark, where a block's origin differs from its page's.
            if p.origin(ofBlock: i) != p.origin, let mark = p.origin(ofBlock: i).mark { out.append(mark) }
            out += evidenceLines(p.evidence(ofBlock: i))
        }
        // A section ends with its own sources and review date, before its subsections.
        let own = evidenceLines(p.evidence)
        if !own.isEmpty { out += [""] + own }
        for s in p.sections { out += [""] + page(s, level: level + 1) }
        return out
    }

    func heading(_ title: String, level: Int) -> [String] {
        let lines = wrap(title)
        let w = min(width, lines.map { DisplayWidth.of($0) }.max() ?? 0)
        return lines + [String(repeating: level == 0 ? c.title : c.h, count: w)]
    }

    // MARK: blocks

    public func block(_ b: Block) -> [String] {
        switch b {
        case .paragraph(let s): return wrap(plain(s))
        case .list(let items): return list(items, depth: 0)
        case .steps(let items): return steps(items)
        case .definitions(let defs):
            return defs.enumerated().flatMap { i, d in
                (i > 0 ? [""] : []) + wrap(plain(d.term)) + hanging(plain(d.text), first: "    ", rest: "    ")
            }
        case .table(let t): return table(t)
        case .figure(let f): return figure(f)
        case .callout(let x): return callout(x)
        case .preformatted(let s): return preformatted(s)
        }
    }

    /// Shown as is, spaces kept; a line too long for the width is cut (not re-flowed) and continues
    /// further indented.
    func preformatted(_ s: String) -> [String] {
        let indent = width >= 60 ? "    " : "  "
        return s.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            guard DisplayWidth.of(indent) + DisplayWidth.of(line) > width else { return [trimRight(indent + String(line))] }
            return TextWrap.cut(String(line), width: width - DisplayWidth.of(indent) - 2).enumerated().map { i, piece in
                trimRight((i == 0 ? indent : indent + "  ") + piece)
            }
        }
    }

    func list(_ items: [ListItem], depth: Int) -> [String] {
        let indent = String(repeating: "  ", count: depth)
        let mark = (depth == 0 ? c.bullet : c.subBullet) + " "
        return items.flatMap { item in
            hanging(itemText(item), first: indent + mark, rest: indent + "  ") + list(item.items, depth: depth + 1)
        }
    }

    func steps(_ items: [ListItem]) -> [String] {
        let numberWidth = String(items.count).count + 2
        return items.enumerated().flatMap { i, item in
            let n = "\(i + 1). "
            let first = String(repeating: " ", count: numberWidth - n.count) + n
            return hanging(itemText(item), first: first, rest: String(repeating: " ", count: numberWidth))
                + list(item.items, depth: numberWidth / 2)
        }
    }

    func itemText(_ item: ListItem) -> String {
        item.label.map { "\(plain($0)): \(plain(item.text))" } ?? plain(item.text)
    }

    func callout(_ x: Callout) -> [String] {
        let head = Self.calloutHeading(x)
        let inner = width - 4
        // The heading rides in the top border when it fits, else it opens the box's text.
        let inBorder = DisplayWidth.of(head) <= width - 6
        let label = inBorder ? head : Self.calloutName(x.kind)
        let top = c.tl + c.h + " " + label + " " + String(repeating: c.h, count: max(0, width - 5 - DisplayWidth.of(label))) + c.tr
        let opening = inBorder ? [] : wrap(x.title.map(plain) ?? head, width: inner) + [""]
        let text = opening + wrap(plain(x.text), width: inner)
        let body = text.map { c.v + " " + TextWrap.pad($0, width: inner) + " " + c.v }
        return [top] + body + [c.bl + String(repeating: c.h, count: width - 2) + c.br]
    }

    /// "Key insight: Representation learning"; a title that already names its kind ("Key Rule",
    /// "Practical Rule") stands alone.
    public static func calloutHeading(_ x: Callout) -> String {
        let name = calloutName(x.kind)
        guard let title = x.title.map(InlineParser.plain) else { return name }
        let last = Tokenizer.words(title).last ?? ""
        return Callout.Kind(rawValue: last) != nil ? title : "\(name): \(title)"
    }

    public static func calloutName(_ kind: Callout.Kind) -> String {
        switch kind {
        case .insight: return "Key insight"
        case .rule: return "Rule"
        case .principle: return "Principle"
        case .note: return "Note"
        case .warning: return "Warning"
        }
    }

    // MARK: figures

    public func figure(_ f: Figure) -> [String] {
        var out = wrap(plain(f.title))
        if let cap = f.caption { out += wrap(plain(cap)) }
        out.append("")
        for (i, root) in f.tree.enumerated() {
            if i > 0 && (!root.children.isEmpty || !f.tree[i - 1].children.isEmpty) { out.append("") }
            out += wrap(plain(root.label)) + branches(root.children, prefix: "")
        }
        return out
    }

    /// Children drawn as `├──` / `└──`; a wrapped label continues under its own first letter.
    func branches(_ nodes: [TreeNode], prefix: String) -> [String] {
        nodes.enumerated().flatMap { i, n in
            let last = i == nodes.count - 1
            let cont = prefix + (last ? c.gap : c.pipe)
            return hanging(plain(n.label), first: prefix + (last ? c.last : c.branch), rest: cont)
                + branches(n.children, prefix: cont)
        }
    }

    // MARK: text helpers

    func plain(_ s: String) -> String { InlineParser.plain(s) }

    /// Printed text: an id or name is never split (`.whole`); a grid's cells, which must line up, pass `.broken`.
    func wrap(_ s: String, width w: Int? = nil, longWords: TextWrap.LongWords = .whole) -> [String] { TextWrap.wrap(s, width: w ?? width, longWords: longWords) }

    /// Text wrapped after a first-line prefix, later lines after `rest` (same width as `first`).
    ///
    /// An id too long for the indented lines (it is never split, eighth retest) moves the whole text
    /// left, never that one line alone (ninth retest: "(deep-dive-transformer-limitations)," one
    /// column left of "Long context vs RAG"): the label stands on a line of its own and every line
    /// takes the one indent that leaves room for the id.
    public func hanging(_ s: String, first: String, rest: String) -> [String] {
        let indent = max(DisplayWidth.of(first), DisplayWidth.of(rest))
        let w = max(8, width - indent)
        let lines = wrap(s, width: w)
        let over = (lines.map(DisplayWidth.of).max() ?? 0) - w
        guard over > 0, rest.allSatisfy({ $0 == " " }) else {
            return lines.enumerated().map { i, line in
                let p = i == 0 ? first : rest
                return line.isEmpty ? trimRight(p) : indented(p, line)
            }
        }
        let room = String(repeating: " ", count: max(0, DisplayWidth.of(rest) - over))
        let label = trimRight(first)
        return (label.isEmpty ? [] : [label]) + wrap(s, width: max(8, width - room.count)).map { $0.isEmpty ? "" : room + $0 }
    }

    /// `prefix + line`, but an id too long for the indented line (it is never split, eighth retest)
    /// gives up as much of a blank indent as it needs to stay within the width.
    func indented(_ prefix: String, _ line: String) -> String {
        let over = DisplayWidth.of(prefix) + DisplayWidth.of(line) - width
        guard over > 0, prefix.allSatisfy({ $0 == " " }) else { return prefix + line }
        return String(prefix.dropLast(over)) + line
    }

    /// Text after a `lead` that is kept as written, its spaces and all ("file.yaml:12:3  "), wrapped in
    /// the room the lead leaves on the first line and after `rest` on the others (the wrapper makes
    /// any run of spaces one). A lead that leaves no room stands on a line of its own.
    public func hanging(_ s: String, lead: String, rest: String) -> [String] {
        let leadWidth = DisplayWidth.of(lead), restWidth = DisplayWidth.of(rest)
        guard width - leadWidth >= 8 else { return [trimRight(lead)] + hanging(s, first: rest, rest: rest) }
        let lines = TextWrap.wrap([StyledRun(s, 0)], width: max(8, width - restWidth), firstWidth: width - leadWidth, longWords: .whole)
        return lines.enumerated().map { i, runs in
            let line = runs.map(\.text).joined()
            let p = i == 0 ? lead : rest
            return line.isEmpty ? trimRight(p) : indented(p, line)
        }
    }

    func trimRight(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}

extension TextRenderer {
    /// Text wrapped to the width with every line after `indent`.
    public func hangingLines(_ s: String, indent: String) -> [String] { hanging(s, first: indent, rest: indent) }
}
