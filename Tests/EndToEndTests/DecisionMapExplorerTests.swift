import Foundation
import Testing

/// The decision map (`M`) in the real binary, in tmux: open it, jump to a place, come back.
@Suite(.enabled(if: ExplorerPaths.haveTmux && ExplorerPaths.haveBinary, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct DecisionMapExplorerTests {
    /// The fixture in the explorer at 80x24, at the primary flow's question after Text.
    static func atTheTextQuestion() throws -> TmuxSession {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.fixture])
        t.waitFor("Start at the beginning")
        try t.send("d", "1", "2")
        t.waitFor("What must the model do with the text?")
        return t
    }

    // Each expectation waits for its text: a frame may reach tmux in more than one write.
    @Test func mapOpensJumpsAndReturns() throws {
        let t = try Self.atTheTextQuestion()
        try t.send("M")
        t.waitFor("Map: Primary decision flow")
        // The whole tree: every question and the picks at the leaves, by title.
        t.waitFor("How many labeled images do you have?")
        t.waitFor("Pick: A recurrent model")
        t.waitFor("\u{25B6} \u{251C}\u{2500}\u{2500} Text")
        // Esc returns to the question, unchanged.
        try t.send("Escape")
        t.waitUntilGone("Map: Primary decision flow")
        t.waitFor("What must the model do with the text?")
        t.waitFor("Answers: Text")
        // Jump: from the map, down to the small CNN pick and Enter.
        try t.send("M")
        t.waitFor("Map: Primary")
        try t.send("g", "j", "j")
        try t.send("Enter")
        t.waitFor("Answers: Images › A few thousand")
        t.waitFor("A small CNN")
        // M again shows the new path; M closes it.
        try t.send("M")
        t.waitFor("\u{25B6} \u{2502}   \u{251C}\u{2500}\u{2500} A few thousand")
        try t.send("M")
        t.waitUntilGone("Map: Primary")
        // At 40x12 the map wraps and scrolls; nothing is wider than the screen.
        try t.resize(40, 12)
        try t.send("M")
        t.waitFor("map ")
        #expect(t.screen().split(separator: "\n").allSatisfy { $0.count <= 40 })
        try t.send("Escape", "q")
        t.waitFor("EXIT=0")
        t.expectRestored()
    }

    /// Issue 22: a screen opened over another returns to it exactly as it was. The map opened from a
    /// brief's recommendation closed onto a tree session of another pick (four Backspaces to get back);
    /// the saved briefs return to the form or the hub they were opened from.
    @Test func theMapTheSavedBriefsAndTheRecommendationReturnWhereTheyWereOpened() throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.fixture])
        t.waitFor("Start at the beginning")
        try t.send("d", "3", "4", "Down", "6")
        t.waitFor("Pick: Transformer (transformer)")
        t.waitForScreen("the form") { $0.contains("Model Brief") && $0.contains("Pick: Transformer (transformer)") }
        let form = t.settled()
        try t.send("C-r")
        t.waitFor("For your brief: modality=text task=generation")
        try t.send("j")
        t.waitUntilGone("For your brief")
        let recommendation = t.settled()
        // The map of the brief's path, and Esc, M or Backspace back to the same recommendation.
        for close in ["Escape", "M", "BSpace"] {
            try t.send("M")
            t.waitFor("Map: Primary decision flow")
            try t.send(close)
            t.waitForScreen("the recommendation as it was, after \(close)") { $0 == recommendation }
        }
        // Backspace from the recommendation: the form as it was.
        try t.send("BSpace")
        t.waitForScreen("the form as it was") { $0 == form }
        // The saved briefs from the form: Esc returns to it unchanged; a brief chosen there opens in it.
        try t.send("C-t")
        t.waitFor("Saved briefs")
        try t.send("Escape")
        t.waitForScreen("the form as it was, after the saved briefs") { $0 == form }
        try t.send("C-s")
        t.waitFor("Saved brief")  // the message line says it, once (the form no longer repeats it)
        try t.send("C-t")
        t.waitFor("text-generation.yaml")
        try t.send("Enter")
        t.waitFor("Opened")
        t.waitFor("Decide › Model Brief")
        // From the hub: Back from the saved briefs lands on the hub with the same item chosen.
        try t.send("BSpace")
        t.waitFor("Open a saved brief")
        try t.send("5")
        t.waitFor("Saved briefs")
        try t.send("BSpace")
        t.waitFor("Open a saved brief")
        try t.send("q")
        t.waitFor("EXIT=0")
        t.expectRestored()
    }

    /// Issue 22: Decide's screens wait on Decide's own stack while another view is shown. A map over
    /// a question, then Search (from help over the map: help closes, the map stays), and Back lands on
    /// the map exactly as it was; Backspace then closes the map onto the question.
    @Test func decidesStackWaitsWhileSearchIsShown() throws {
        let t = try Self.atTheTextQuestion()
        try t.send("M", "j")
        t.waitFor("Map: Primary decision flow")
        let map = t.settled()
        try t.send("?")
        t.waitFor("Help")
        try t.send("s")
        t.waitFor("Type words")
        // Esc leaves the query field (where Backspace deletes), then Back.
        try t.send("Escape", "BSpace")
        t.waitForScreen("the map as it was, after Search") { $0 == map }
        try t.send("BSpace")
        t.waitUntilGone("Map: Primary decision flow")
        t.waitFor("What must the model do with the text?")
        try t.send("q")
        t.waitFor("EXIT=0")
        t.expectRestored()
    }

    /// Issue 12, finding 3: `y` on the phone user's route (Images › Classify › On a device) prints a
    /// command that, run in the shell, picks what the screen picks, with its device-sized variants first,
    /// and names deploy; a sample count, if any, says it stands for a range.
    @Test func yReproducesTheScreensPick() throws {
        let t = try TmuxSession(width: 100, height: 30, args: ["--content", ExplorerPaths.content])
        t.waitFor("Start at the beginning")
        try t.send("d", "1", "2")
        t.waitFor("What do you need from the images?")
        t.waitFor("Classify what is there")
        let classify = try #require(t.screen().split(separator: "\n").first { $0.contains("Classify what is there") })
        let number = try #require(classify.split(separator: " ").first)
        try t.send(String(number))
        t.waitFor("Where does it run (a device, CPU servers or the cloud)")
        t.waitFor("1  On a device")
        try t.send("1")
        t.waitFor("Pick: Convolutional neural network (cnn)")
        t.waitFor("Start with: MobileNetV3")
        try t.send("y")
        t.waitFor("nnguide recommend --modality image")
        // The command may be broken over lines with ` \`: join it back as a shell would.
        func command(_ screen: String) -> String {
            let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let start = lines.firstIndex(where: { $0.hasPrefix("nnguide recommend") }) else { return "" }
            var command = ""
            for l in lines[start...] {
                command += l.hasSuffix("\\") ? String(l.dropLast()) : l
                if !l.hasSuffix("\\") { break }
            }
            return command
        }
        // One capture that has the whole command and, for a sample count, the line saying it stands for a range.
        let screen = t.waitForScreen("the command with --deploy") { s in
            command(s).contains("--deploy") && (!command(s).contains("--samples") || s.contains("gives that answer"))
        }
        let command = command(screen)
        #expect(command.contains("--deploy"), "\(command)")
        #expect(!command.contains("--samples") || screen.contains("gives that answer"), "a sample count must say it stands for a range")
        try t.send("q")
        t.waitFor("EXIT=0")
        let args = command.split(separator: " ").map(String.init).dropFirst()
        let run = runTool(ExplorerPaths.binary, Array(args) + ["--content", ExplorerPaths.content, "--format", "json"])
        #expect(run.status == 0, "\(run.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let pick = try #require(json["pick"] as? [String: Any])
        #expect(pick["id"] as? String == "cnn" && pick["title"] as? String == "A mobile-sized CNN", "\(command) picks \(pick)")
        #expect((pick["variants"] as? [String])?.first == "MobileNetV3", "\(command): \(pick)")
    }
}
