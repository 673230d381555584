import NNGuideCore

/// Placeholder for the decision navigator (its own issue): says what is coming and where to read
/// the decision flow meanwhile.
public struct DecideView: AppView {
    public var scroll = ScrollDocument()
    public init() {}
    public var scopes: [Scope] { [] }

    func doc(_ ctx: ViewContext) -> Document {
        var b = DocumentBuilder(width: ctx.rect.page.width, glyphs: ctx.glyphs)
        b.wrap([StyledRun("Decision navigator", .init(role: .title))])
        b.blank()
        b.wrap([StyledRun("The decision navigator is coming: it will ask about your data, your output and your constraints, one question at a time, and recommend an architecture with the reasons.", .init(role: .text))])
        b.blank()
        let flow = ctx.guide.decisions.trees.first.map(\.source) ?? ctx.guide.page("primary-decision-flow")?.id
        if let flow, ctx.guide.page(flow) != nil {
            b.wrap([StyledRun("Until then, read the decision flow in the guide: Enter on the link below.", .init(role: .text))])
            b.blank()
            b.doc.links.append(DocLink(target: .page(flow), label: ctx.guide.page(flow)!.page.title, line: -1))
            b.doc.menu.append(0)
            b.wrap([StyledRun(ctx.glyphs.text(ctx.guide.page(flow)!.page.title), .init(role: .linkFocus, link: 0))], first: [Span(" 1  ", .accent)], rest: [Span("    ")])
        } else {
            b.wrap([StyledRun("Until then, t opens the contents and s searches the guide.", .init(role: .text))])
        }
        return b.doc
    }

    public mutating func fit(_ ctx: ViewContext) { scroll.fit(lines: doc(ctx).lines.count, height: ctx.rect.height) }

    public mutating func handle(_ action: Action, _ ctx: ViewContext) -> Effect {
        let d = doc(ctx)
        if scroll.scroll(action, lines: d.lines.count, height: ctx.rect.height) { return .none }
        switch action {
        case .open, .pick(1): return d.links.first.map { .follow($0.target) } ?? .unhandled
        default: return .unhandled
        }
    }

    public func render(_ ctx: ViewContext, into buf: inout Buffer) { scroll.render(doc(ctx), in: ctx.rect.page, into: &buf) }

    public func status(_ ctx: ViewContext) -> (String, String) { ("Decide", "coming soon") }

    public func violations(_ ctx: ViewContext) -> [String] { scroll.violations(lines: doc(ctx).lines.count, height: ctx.rect.height) }
}
