import NNGuideCore

/// What the decision screens that ask a question share: the tree session's questions and the
/// variant menu lay theirs out the same way.
extension Sheet {
    /// A screen this short shows one hint at a time and no help under the question.
    static func compact(_ ctx: ScreenContext) -> Bool { ctx.rect.height < 16 }

    /// A question and its numbered answers, each with its one-line hint. On a short screen only the
    /// highlighted answer shows its hint, so every answer stays in view.
    mutating func question(_ question: String, help: String?, options: [(answer: String, hint: String?, mark: String?)],
                           choice: Int, compact: Bool) {
        text(question, .heading)
        if !compact, let help { text(help, .dim) }
        blank()
        for (i, o) in options.enumerated() {
            item { s in
                // Answers past the ninth have no digit (as the form's values past the ninth): said where they
                // begin, in the tenth's block, so bringing either into view shows it (eleventh retest, 40x12).
                if i == 9 {
                    s.text("Answers 10 to \(options.count): \(Keymap.key(.lineDown, in: .decideTree))/\(Keymap.key(.lineUp, in: .decideTree)) to one, then \(Keymap.key(.open, in: .decideTree)).", .dim, first: [Span("    ")])
                }
                var runs = [StyledRun(s.plain(o.answer), Sheet.Tag(.strong))]
                if let m = o.mark { runs.append(StyledRun("  (\(m))", Sheet.Tag(.accent))) }
                s.wrap(runs, first: [Span(i < 9 ? " \(i + 1)  " : "    ", .accent)])
                if let h = o.hint, !compact || i == choice { s.text(h, .dim, first: [Span("    ")]) }
            }
        }
    }
}
