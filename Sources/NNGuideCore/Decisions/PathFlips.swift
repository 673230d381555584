/// "What would change the pick" for a pick reached by answering the tree's questions (the explorer's
/// `e`), so its record has the section a brief's record has (issue 23, fourth retest).
extension Navigator {
    /// Where the answers reproduce as a brief (`command(with:)`), the pick the record shows is the
    /// recommender's for that brief, so what changes it is that brief's flips: each one a recommender
    /// run, as `nnguide recommend` works them out. Where no brief reproduces the answers, the only true
    /// thing to say is what the other answers at each question lead to in this tree.
    public func whatWouldChange(_ guide: Guide) -> (basis: String, flips: [Flip]?, otherAnswers: [String]) {
        let recommender = Recommender(guide: guide)
        if case .success(let c)? = command(with: recommender) {
            return ("Each change below is one field of the brief these answers imply (the command under Brief, below), run through the recommender.",
                    Flips.analyze(c.answered, with: recommender), [])
        }
        return ("No brief gives these answers, so these are the other answers at each question and where they lead in this tree.",
                nil, otherAnswers)
    }

    /// "Is the data tabular? “No” leads to: Which structure ...": every answer not taken at each question
    /// of the path, and the question or pick it leads to.
    public var otherAnswers: [String] {
        func plain(_ s: String) -> String { InlineParser.plain(s).trimmed() }
        return breadcrumb.flatMap { c in
            c.node.options.enumerated().filter { $0.offset != c.index }.map { _, o in
                let next = tree.node(o.next)
                let leads = next.map { n in n.question.map(plain) ?? plain(n.title ?? n.pick.joined(separator: ", ")) } ?? o.next
                return "\(plain(c.node.question ?? c.node.id)) \u{201C}\(plain(o.answer))\u{201D} leads to: \(leads)"
            }
        }
    }
}
