import Foundation
import Testing

/// The reading state folder broken in every way a disk can break it: the explorer warns, works, and
/// never loses what was saved before.
@Suite(.enabled(if: FaultTerminal.available, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct FaultStateTests {
    /// A reading state worth keeping: a position and a bookmark in the fixture guide.
    static let saved = #"{"bookmarks":{"a":{"offset":0,"page":"part-2"}},"last":{"offset":2,"page":"inductive-bias"},"version":1,"visited":["part-1"]}"#

    /// Private mount namespaces let a test give nnguide a read-only or full file system without
    /// privileges; where they are not allowed, those two tests are skipped.
    static let namespaces: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        p.arguments = ["-rm", "sh", "-c", "mount -t tmpfs -o size=8k tmpfs /tmp"]
        p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    /// Moves around so that there is something new to save: opens a page, sets bookmark b.
    func read(_ t: FaultTerminal) throws {
        try t.send("t")
        t.waitFor("Comparison Matrices")
        try t.send("Enter")
        usleep(100_000)
        try t.send("m", "b")
        usleep(100_000)
    }

    @Test func corruptStateIsKeptAside() throws {
        let home = FaultTerminal.newHome()
        let dir = home + "/state/nnguide"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let junk = Data([0x7B, 0x22, 0xFF, 0x00, 0x01]) + Data("not json at all".utf8)
        try junk.write(to: URL(fileURLWithPath: dir + "/state.json"))
        let t = try FaultTerminal(home: home)
        t.waitFor("Contents")
        // The one-line warning names the file (a long path may leave no room for more at 80 columns).
        t.waitForScreen("a warning about the corrupt state") { $0.contains("corrupt") || $0.contains("state.jso") }
        try read(t)
        try t.quit()
        #expect(t.exitStatusWhileWorking() == 0, "\(t.screen())")
        #expect(FileManager.default.contents(atPath: dir + "/state.json.bak") == junk, "the corrupt file was not kept aside whole")
        #expect(FileManager.default.contents(atPath: dir + "/state.json").map { String(decoding: $0, as: UTF8.self).contains("\"b\"") } == true,
                "the new state (bookmark b) was not saved")
    }

    @Test func aFileWhereTheFolderShouldBe() throws {
        let home = FaultTerminal.newHome()
        try FileManager.default.createDirectory(atPath: home + "/state", withIntermediateDirectories: true)
        let precious = Data("someone's file, not nnguide's\n".utf8)
        try precious.write(to: URL(fileURLWithPath: home + "/state/nnguide"))
        let t = try FaultTerminal(home: home)
        t.waitFor("Contents")
        try read(t)
        try t.quit()
        #expect(t.exitStatusWhileWorking() == 0, "\(t.screen())")
        #expect(FileManager.default.contents(atPath: home + "/state/nnguide") == precious, "the file in the way was changed")
        #expect(t.screen().contains("nnguide:"), "no warning that the state could not be saved:\n\(t.screen())")
    }

    /// Runs nnguide with its state folder on a tiny file system of its own: `mode` is `ro` (read-only
    /// after the saved state is put there) or `full` (no free byte left). Prints KEPT=yes when the
    /// saved state is byte for byte what it was.
    func onOwnFileSystem(_ mode: String) throws -> FaultTerminal {
        let home = FaultTerminal.newHome()
        let seed = home + "/seed.json"
        try Self.saved.write(toFile: seed, atomically: true, encoding: .utf8)
        let script = home + "/fs.sh"
        try """
        S="$1"; shift
        mkdir -p "$S" && mount -t tmpfs -o size=16k tmpfs "$S" && mkdir "$S/nnguide" && cp '\(seed)' "$S/nnguide/state.json" || exit 90
        if [ '\(mode)' = ro ]; then mount -o remount,ro "$S" || exit 91; fi
        if [ '\(mode)' = full ]; then dd if=/dev/zero of="$S/filler" bs=1k count=64 2>/dev/null; fi
        "$@"; st=$?
        cmp -s '\(seed)' "$S/nnguide/state.json" && echo KEPT=yes || echo KEPT=no
        exit $st
        """.write(toFile: script, atomically: true, encoding: .utf8)
        return try FaultTerminal(shell: "unshare -rm sh '\(script)' '\(home)/state' NNGUIDE", home: home)
    }

    @Test(.enabled(if: namespaces, "needs unprivileged mount namespaces (unshare -rm)"), arguments: ["ro", "full"])
    func unwritableStateKeepsWhatWasSaved(_ mode: String) throws {
        let t = try onOwnFileSystem(mode)
        t.waitFor("Continue reading")              // the saved position was read
        try read(t)
        try t.quit()
        #expect(t.exitStatusWhileWorking() == 0, "\(mode):\n\(t.screen())")
        #expect(t.screen().contains("KEPT=yes"), "\(mode): the saved state changed or was lost:\n\(t.screen())")
        #expect(t.screen().contains("nnguide:"), "\(mode): no warning that nothing could be saved:\n\(t.screen())")
        t.expectRestored("state on a \(mode) file system")
    }
}
