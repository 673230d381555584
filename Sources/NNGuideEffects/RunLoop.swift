import Glibc
import NNGuideCore
import NNGuideUI

/// The explorer's loop, over any `Backend`: a key (or an ending signal) becomes an event, `update`
/// and the commands it asks for settle it (`CommandRunner.settle`), and the new frame is drawn,
/// until the state quits. The terminal is given back when the loop ends, whichever way it ends.
/// (The first frame, and the stored frame and preview it may stand on, are the caller's.)
public enum RunLoop {
    /// Runs `state` until it quits; returns the state it quit in. `clock` stamps each key (it only
    /// goes forward: `update` throttles the reading state's saves by it and never reads a clock).
    public static func run(_ state: AppState, on backend: any Backend, runner: CommandRunner,
                           clock: () -> Double) -> AppState {
        defer { backend.restore() }
        var state = state
        while !state.quit {
            var key = Key.unknown
            if backend.quitSignal == nil { key = backend.readKey(timeout: nil) ?? .unknown }
            let event: Event = backend.quitSignal.map { .quitSignal(hangUp: $0 == SIGHUP) } ?? .key(key, at: clock())
            state = runner.settle(state, event).state
            if state.quit { break }
            let resized: Bool = { if case .resize = key { return true }; return false }()
            backend.draw(render(state), full: state.redraw || backend.takeResumed() || resized)
        }
        return state
    }
}
