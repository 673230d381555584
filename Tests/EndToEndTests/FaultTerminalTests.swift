import Foundation
import Testing

/// Every terminal and locale either gets the explorer, working, or a message that explains itself;
/// none gets escape sequences printed as text.
@Suite(.enabled(if: FaultTerminal.available, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct FaultTerminalTests {
    /// What a screen shows when escape sequences leaked into it as text.
    static func garbage(_ screen: String) -> String? {
        for mark in ["[?1049", "[?25", "[0m", "[39;49m", ";1H", "\u{1b}", "^["] where screen.contains(mark) { return mark }
        return nil
    }

    static let fullScreen: [String?] = ["xterm-256color", "xterm", "screen", "tmux-256color", "vt100", "linux"]

    @Test(arguments: fullScreen, ["C.UTF-8", "C"])
    func explorerTerminals(_ term: String?, _ lang: String) throws {
        let t = try FaultTerminal(environment: ["TERM": term, "LANG": lang])
        t.waitFor("Contents")
        let home = t.screen()
        #expect(Self.garbage(home) == nil, "TERM=\(term ?? "unset") LANG=\(lang) shows escapes as text:\n\(home)")
        if lang == "C" || term == "vt100" {
            // No UTF-8 to draw with: plain ASCII only, not question marks for every rule.
            let ascii = home.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(ascii, "TERM=\(term ?? "unset") LANG=\(lang) drew non-ASCII:\n\(home)")
        }
        try t.send("t")
        t.waitFor("Comparison Matrices")                      // the contents view of the fixture
        try t.quit()
        #expect(t.exitStatusWhileWorking() == 0, "TERM=\(term ?? "unset") LANG=\(lang):\n\(t.screen())")
        t.expectRestored("TERM=\(term ?? "unset") LANG=\(lang)")
    }

    /// Terminals the explorer cannot drive: the contents, printed plainly, and a pointer to the plain
    /// commands; never a hang, never an escape.
    @Test(arguments: ["dumb", nil, "no-such-terminal-xyz"] as [String?])
    func plainTerminals(_ term: String?) throws {
        let t = try FaultTerminal(environment: ["TERM": term])
        let status = t.exitStatusWhileWorking()
        let screen = t.screen()
        #expect(status == 0, "TERM=\(term ?? "unset"):\n\(screen)")
        #expect(screen.contains("TERM"), "TERM=\(term ?? "unset") is not explained:\n\(screen)")
        #expect(screen.contains("nnguide toc") || screen.contains("--help"), "no pointer to the plain commands:\n\(screen)")
        #expect(Self.garbage(screen) == nil, "TERM=\(term ?? "unset") printed escapes:\n\(screen)")
    }

    @Test(arguments: [(10, 4), (20, 6), (31, 8), (32, 8), (40, 12), (80, 24), (132, 43), (300, 100)])
    func sizes(_ size: (Int, Int)) throws {
        let t = try FaultTerminal(width: size.0, height: size.1)
        let big = size.0 >= 32 && size.1 >= 8
        // Too small: a message that names the size needed, and the home screen once there is room.
        t.waitFor(big ? "Contents" : "32x8")
        #expect(Self.garbage(t.screen()) == nil, "\(size.0)x\(size.1):\n\(t.screen())")
        if !big {
            try t.resize(80, 24)
            t.waitFor("Contents")
        }
        try t.quit()
        #expect(t.exitStatusWhileWorking() == 0, "\(size.0)x\(size.1):\n\(t.screen())")
        t.expectRestored("\(size.0)x\(size.1)")
    }
}
