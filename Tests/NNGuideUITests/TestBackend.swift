import Glibc
@testable import NNGuideUI

/// A terminal in memory, as ratatui's `TestBackend`: the keys come from a script, every frame drawn
/// is kept, and restoring is counted. When the script runs out it reports SIGTERM, so a loop that
/// did not quit on its own leaves the way a signal makes it (and `ranOut` says so) instead of waiting.
final class TestBackend: Backend {
    let width: Int
    let height: Int
    private var script: [Key]
    private(set) var frames: [Buffer] = []
    private(set) var fullFrames = 0
    private(set) var restored = 0
    private(set) var ranOut = false

    init(width: Int = 80, height: Int = 24, keys: [Key]) {
        self.width = width; self.height = height; script = keys
    }

    func draw(_ buffer: Buffer, full: Bool) {
        frames.append(buffer)
        if full { fullFrames += 1 }
    }

    func readKey(timeout: Double?) -> Key? {
        guard !script.isEmpty else { ranOut = true; return nil }
        return script.removeFirst()
    }

    var quitSignal: Int32? { ranOut ? SIGTERM : nil }
    func takeResumed() -> Bool { false }
    func restore() { restored += 1 }
}
