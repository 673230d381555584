import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI
@testable import NNGuideEffects

/// The fixture guide (Tests/NNGuideUITests/Fixtures/Content): small and stable, so screens do not
/// change when the real content is edited.
enum Fixture {
    static let directory: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/Content").path
    }()

    static let library: Library = {
        do { return Library(guide: try ContentLoader.load(directory: directory)) }
        catch { fatalError("fixture content does not load: \(error)") }
    }()

    static var guide: Guide { library.guide }

    static func state(_ width: Int = 80, _ height: Int = 24, reading: ReadingState = ReadingState(), glyphs: Glyphs = .unicode,
                      startedAt: Double = 0) -> AppState {
        AppState(library: library, width: width, height: height, reading: reading, glyphs: glyphs, startedAt: startedAt)
    }
}

/// Keys written the way a person types them: `keys("s", "overfit", .enter)`.
func keys(_ parts: Any...) -> [Key] {
    var out: [Key] = []
    for p in parts {
        if let k = p as? Key { out.append(k) }
        else if let s = p as? String { out += s.map { Key.char($0) } }
    }
    return out
}

func press(_ state: AppState, _ ks: [Key]) -> AppState {
    ks.reduce(state) { update($0, $1) }
}

/// Keys as the explorer's loop takes them: each key's commands run by `runner` (on a test's own
/// folders) and their results fed back through `update`.
func press(_ state: AppState, _ ks: [Key], running runner: CommandRunner) -> AppState {
    ks.reduce(state) { runner.settle($0, .key($1, at: 0)).state }
}

/// Compares the screen with Tests/NNGuideUITests/Golden/NAME.txt (`|` ends every row, so trailing
/// spaces show). With `roles`, also the roles that carry meaning with Golden/NAME.roles.txt (see
/// `roleLayer`), so a selection, a focused link or a match that moves or disappears fails too. With
/// NNGUIDE_RECORD=1 the files are written instead; a missing file is a failure, never a silent recording.
func expectGolden(_ state: AppState, _ name: String, roles: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let buffer = render(state)
    compareGolden(buffer.golden, name, what: "screen", sourceLocation: sourceLocation)
    if roles { compareGolden(roleLayer(buffer), name + ".roles", what: "roles", sourceLocation: sourceLocation) }
}

/// The letter of each role a golden checks; every other role is `.`. Colours are the theme's, so
/// only roles that say something are recorded: what is selected, focused, matched, a heading.
let roleLetters: [Role: Character] = [
    .selection: "S", .linkFocus: "F", .link: "l", .match: "m", .matchFocus: "M", .heading: "H", .title: "T",
]

/// The screen's roles, one letter per cell (a wide character's two cells both carry its letter),
/// rows ended by `|` as in the text golden.
func roleLayer(_ buffer: Buffer) -> String {
    (0..<buffer.height).map { y in
        String((0..<buffer.width).map { x in roleLetters[buffer[x, y].role] ?? "." }) + "|"
    }.joined(separator: "\n") + "\n"
}

func compareGolden(_ actual: String, _ name: String, what: String, sourceLocation: Testing.SourceLocation) {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let file = dir.appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["NNGUIDE_RECORD"] == "1" {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record(Comment(rawValue: "no golden file \(file.path); record it on purpose with NNGUIDE_RECORD=1 swift test --filter NNGuideUITests"), sourceLocation: sourceLocation)
        return
    }
    if actual != expected {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for i in 0..<max(a.count, e.count) where (i < a.count ? a[i] : "") != (i < e.count ? e[i] : "") {
            diff.append("row \(i):\n  expected \(i < e.count ? e[i] : "<none>")\n  actual   \(i < a.count ? a[i] : "<none>")")
        }
        let shown: String = diff.prefix(6).joined(separator: "\n")
        Issue.record(Comment(rawValue: "\(what) differs from \(name).txt:\n\(shown)\n(re-record on purpose with NNGUIDE_RECORD=1)"), sourceLocation: sourceLocation)
    }
}

/// The screen after `path` at both golden sizes: no layout violations, and the same as its golden file.
func expectGoldenAtEverySize(_ name: String, _ path: [Key], roles: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for (w, h) in ScreenTests.sizes {
        let s = press(Fixture.state(w, h), path)
        #expect(s.violations().isEmpty, "\(name) \(w)x\(h): \(s.violations())", sourceLocation: sourceLocation)
        expectGolden(s, "\(name)-\(w)x\(h)", roles: roles, sourceLocation: sourceLocation)
    }
}

/// Decide's stack as tests look at it: the hub (the decide view) and the screens over it, the
/// brief they share and the sessions put aside. The app itself never searches a stack for a type.
struct DecideProbe {
    let state: AppState
    /// The screens on Decide's stack, bottom first: the hub, then what was pushed over it.
    var stack: [any Screen] { [state.view(.decide)] + (state.stacks[.decide] ?? []).map { state.screens[$0.screen] } }
    var top: any Screen { stack[stack.count - 1] }
    /// The brief they share.
    var draft: BriefDraft { state.draft }
    /// The topmost brief form on the stack, for what is the form's own (the focus, the typing);
    /// throws when there is none, so a test never reads a form that is not there.
    var form: BriefScreen {
        get throws {
            guard let f = stack.last(where: { $0 is BriefScreen }) as? BriefScreen else { throw NoBriefForm() }
            return f
        }
    }
    struct NoBriefForm: Error, CustomStringConvertible { var description: String { "no brief form on Decide's stack" } }
    var aside: DecideSessions { state.sessions }
    var scopes: [Scope] { top.scopes }
    var typing: Bool { top.typing(state.context) }
    var typingScopes: [Scope] { top.typingScopes }
    /// The topmost tree session on the stack.
    var session: TreeSession? { stack.last { $0 is TreeSession } as? TreeSession }
    /// The saved briefs the list on the stack shows.
    var saved: [SavedBrief] { (stack.last { $0 is SavedBriefsScreen } as? SavedBriefsScreen)?.saved ?? [] }
}

extension AppState {
    var decide: DecideProbe { DecideProbe(state: self) }
    /// Decide's sessions put aside (`DecideSessions`).
    var aside: DecideSessions { sessions }
}

extension AppState {
    /// The screen on top, as the asker of a result a test feeds by hand (`press` drops commands).
    var topAsker: Asker { Asker(screen: top) }
}
