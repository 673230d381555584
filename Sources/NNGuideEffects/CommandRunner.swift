import NNGuideCore
import NNGuideUI

/// Does the disk work `update` asks for and says how it went, as the event to feed back: the one
/// place the explorer's commands touch files (NNGuideUI never does). The folders come in
/// (`DecisionFiles`, `StateStore`), so the loop and the tests each inject their own.
public struct CommandRunner {
    public var files: DecisionFiles
    public var store: StateStore
    /// Loads the whole guide after a preview; nil when it fails (the caller keeps why). Without it,
    /// `loadWholeGuide` fails.
    public var wholeGuide: (() -> Guide?)?

    public init(files: DecisionFiles, store: StateStore, wholeGuide: (() -> Guide?)? = nil) {
        self.files = files; self.store = store; self.wholeGuide = wholeGuide
    }

    /// Runs one command for the app showing `guide` (records are written from it).
    public func run(_ command: Command, guide: Guide) -> Event {
        switch command {
        case .saveReading(let reading):
            return .done(.readingSaved(warning: store.save(reading)))
        case .saveRecord(let source):
            let date = files.today()
            let markdown: String
            switch source {
            case .path(let nav): markdown = nav.record(catalog: guide.catalog, guide: guide, date: date) ?? ""
            case .brief(var r):
                // The record says what would change the pick, as the CLI's does (the form's live
                // recommendation leaves that analysis out: it is a recommender run per change).
                if r.flips == nil { r.flips = Flips.analyze(r.brief, with: Recommender(guide: guide)) }
                markdown = r.markdown(date: date)
            }
            switch files.saveRecord(markdown, name: "decision-\(source.pickID)-\(date)") {
            case .success(let w): return .done(.recordSaved(path: w.path))
            case .failure(let f): return .done(.recordFailed(f.description))
            }
        case .saveBrief(let values, let name, let over):
            let yaml = RecordFile.savedBrief(values, guide: guide, date: files.today())
            switch over.map({ files.writeBack(yaml, to: $0) }) ?? files.saveBrief(yaml, name: name) {
            case .success(.new(let path)): return .done(.briefSaved(path: path, new: true))
            case .success(.unchanged(let path)): return .done(.briefSaved(path: path, new: false))
            case .success(.updated(let path, let previous)): return .done(.briefUpdated(path: path, was: Self.moved(previous, now: yaml)))
            case .failure(let f): return .done(.briefFailed(f.description))
            }
        case .listBriefs:
            return .done(.briefsListed(files.listAll(guide.decisions.brief), folder: files.briefs))
        case .deleteBrief(let path):
            let problem = files.deleteBrief(path)
            return .done(.briefDeleted(path: path, problem: problem?.description,
                                       remaining: files.listAll(guide.decisions.brief), folder: files.briefs))
        case .keepDraft(let values, let name, let continuing):
            // The fields alone: a draft is what was being typed, not a decision anyone took, so it
            // records no `decided:` pick (eleventh retest: a draft of an opened brief seemed to carry
            // that brief's old block). `^S` saves it with one, worked out for its own fields.
            switch files.saveDraft(Brief.yaml(values: values, schema: guide.decisions.brief), name: name, continuing: continuing) {
            case .success(.new(let path)), .success(.updated(let path, _)): return .done(.draftKept(path: path, new: true))
            case .success(.unchanged(let path)): return .done(.draftKept(path: path, new: false))
            case .failure(let f): return .done(.draftFailed(f.description))
            }
        case .loadWholeGuide:
            return .wholeGuide(wholeGuide?())
        }
    }
}

extension CommandRunner {
    /// The pick a brief recorded before it was saved again, when today's (in `now`) differs.
    static func moved(_ previous: RecordedDecision?, now: String) -> String? {
        guard let previous, RecordFile.recorded(in: now)?.pick != previous.pick else { return nil }
        return "\(previous.title) on \(previous.date)"
    }

    /// `settle` with this runner.
    public func settle(_ state: AppState, _ event: Event) -> (state: AppState, commands: [Command], events: [Event]) {
        NNGuideUI.settle(state, event, run: run)
    }
}
