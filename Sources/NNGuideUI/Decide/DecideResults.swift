import NNGuideCore

extension DecideView {
    /// The one way the result of a command the decision screens asked for (`Effect.run`) reaches
    /// them: the screen that asked takes it (`deliver`), and the effect says what the app shows (the
    /// message). Results that are not the decision screens' business are `.unhandled`.
    mutating func receive(_ result: CommandResult, _ ctx: ViewContext) -> Effect {
        switch result {
        case .readingSaved, .draftKept, .draftFailed:
            return .unhandled
        default:
            deliver(result, ctx)
        }
        switch result {
        case .recordSaved(let path):
            // Few words and the file's name first: with the folder first, 80 columns cut the name; 40 columns
            // cut it after "Saved the decision record".
            return .message("Saved record " + ctx.fileName(path))
        case .recordFailed(let why), .briefFailed(let why):
            return .message("Not saved: \(why)")
        case .briefSaved(let path, let new):
            return .message((new ? "Saved brief " : "Already saved: ") + ctx.fileName(path))
        case .briefUpdated(let path, let was):
            // The pick it recorded goes first when it moved: a narrow screen cuts the end.
            return .message((was.map { "Pick moved from \($0); updated " } ?? "Updated brief ") + ctx.fileName(path))
        case .briefsListed:
            return .none
        case .briefDeleted(let path, let problem, _, _):
            return .message(problem.map { "Not deleted: \($0)" } ?? "Deleted \(path)")
        case .readingSaved, .draftKept, .draftFailed:
            return .unhandled
        }
    }
}
