import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI
import NNGuideEffects

/// The home screen stored finished (`StoredFrame`): it reads back as exactly the frame that was
/// stored, for exactly its key, and nothing else reads as a frame. (That the explorer's own first
/// frame is what gets stored, and sends nothing more over it, is ExplorerStoredFrameTests.)
@Suite struct StoredFrameTests {
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-frame-\(UUID().uuidString)").path

    /// Home screens over the fixture guide: with and without a place to continue and bookmarks,
    /// Unicode and ASCII, a size too small (the warning screen), and a message on the bottom line.
    static func frames() throws -> [Buffer] {
        let guide = try ContentCache(contentDirectory: Fixture.directory, cacheDirectory: nil).load()
        let reading = ReadingState(last: Position(page: "part-2"), bookmarks: ["a": Position(page: "opening")], visited: ["opening"])
        var out: [Buffer] = []
        for (w, h) in [(80, 24), (40, 12), (20, 6)] {
            for glyphs in [Glyphs.unicode, .plain] {
                for r in [ReadingState(), reading] {
                    out.append(render(AppState(library: Library(guide: guide), width: w, height: h, reading: r, glyphs: glyphs)))
                }
            }
        }
        var warned = AppState(library: Library(guide: guide), width: 60, height: 16)
        warned.message = "the saved reading state is corrupt; starting fresh"
        out.append(render(warned))
        // Wide characters and their continuation cells.
        var wide = Buffer(width: 12, height: 2)
        wide.put("表示 ok", x: 0, y: 0, role: .heading)
        out.append(wide)
        return out
    }

    @Test func aFrameReadsBackAsTheSameCells() throws {
        for (i, frame) in try Self.frames().enumerated() {
            let bytes = try #require(StoredFrame.encode(frame, key: 42))
            #expect(StoredFrame.decode(bytes, key: 42) == frame, "frame \(i) changed on the way through the file")
        }
    }

    @Test func anotherKeyReadsNothing() throws {
        let frame = try #require(Self.frames().first)
        let bytes = try #require(StoredFrame.encode(frame, key: 42))
        #expect(StoredFrame.decode(bytes, key: 43) == nil)
    }

    @Test func aDamagedOrCutFileIsNotAFrame() throws {
        let frame = try #require(Self.frames().first)
        let bytes = try #require(StoredFrame.encode(frame, key: 7))
        // One byte changed anywhere: the magic, the key, the size, a role, a length, a text, the hash.
        for at in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) + [bytes.count - 1] {
            var bad = bytes
            bad[at] ^= 0x20
            #expect(StoredFrame.decode(bad, key: 7) == nil, "a change at byte \(at) of \(bytes.count) went unnoticed")
        }
        for n in [0, 5, 16, 40, bytes.count / 2, bytes.count - 1] {
            #expect(StoredFrame.decode(Array(bytes.prefix(n)), key: 7) == nil, "cut to \(n) bytes")
        }
        #expect(StoredFrame.decode(bytes + [0], key: 7) == nil)
    }

    @Test func writtenAndReadThroughAFile() throws {
        let frame = try #require(Self.frames().first)
        let path = Self.folder + "/not/made/yet/guide-0.frame"   // a new account has no cache folder
        StoredFrameFile.write(frame, key: 9, to: path)
        #expect(StoredFrameFile.read(path, key: 9) == frame)
        #expect(StoredFrameFile.read(path, key: 10) == nil)
        #expect(StoredFrameFile.read(Self.folder + "/absent.frame", key: 9) == nil)
        // Garbage in the file's place is ignored.
        try Data("not a frame".utf8).write(to: URL(fileURLWithPath: path))
        #expect(StoredFrameFile.read(path, key: 9) == nil)
    }

    @Test func onlyTheMostRecentFramesAreKept() throws {
        let dir = Self.folder + "/prune"
        let frame = Buffer(width: 2, height: 1)
        for i in 0..<5 {
            let path = dir + "/guide-\(i).frame"
            StoredFrameFile.write(frame, key: UInt64(i), to: path, keep: 3)
            // Older by a minute each, so the order is the writes' order whatever the clock's grain.
            var times = [timespec(tv_sec: time(nil) - 600 + i * 60, tv_nsec: 0), timespec(tv_sec: time(nil) - 600 + i * 60, tv_nsec: 0)]
            utimensat(AT_FDCWD, path, &times, 0)
        }
        StoredFrameFile.write(frame, key: 5, to: dir + "/guide-5.frame", keep: 3)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".frame") }.sorted()
        #expect(left == ["guide-3.frame", "guide-4.frame", "guide-5.frame"])
    }

    /// Every part of the key changes it: the content's file, the reading state's bytes (even none
    /// against empty), each environment value, ASCII and mouse.
    @Test func everyPartOfTheKeyCounts() {
        let base = StoredFrame.Key(source: 1, state: Array("{}".utf8), terminal: ["xterm-256color", "", "UTF-8"], ascii: false, mouse: false)
        var changed: [StoredFrame.Key] = []
        var k = base; k.source = 2; changed.append(k)
        k = base; k.state = Array("{ }".utf8); changed.append(k)
        k = base; k.state = nil; changed.append(k)
        k = base; k.state = []; changed.append(k)
        k = base; k.terminal[0] = "xterm"; changed.append(k)
        k = base; k.terminal[1] = "1"; changed.append(k)
        k = base; k.terminal[2] = "ANSI_X3.4-1968"; changed.append(k)
        k = base; k.terminal = ["xterm-256color", "UTF-8", ""]; changed.append(k)
        k = base; k.ascii = true; changed.append(k)
        k = base; k.mouse = true; changed.append(k)
        let values = changed.map(\.value)
        #expect(!values.contains(base.value))
        #expect(Set(values).count == values.count)
        #expect(base.value == StoredFrame.Key(source: 1, state: Array("{}".utf8), terminal: ["xterm-256color", "", "UTF-8"], ascii: false, mouse: false).value)
    }
}
