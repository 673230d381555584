import TestSupport
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

@Suite struct PropertyTests {
    /// Every key the keymap knows, plus typing, digits, resizes (down to nothing) and mouse events.
    static let pool: [Key] = {
        var keys = Keymap.bindings.flatMap(\.keys)
        keys += "abcdefghijklmnopqrstuvwxyz0123456789 /-'".map { Key.char($0) }
        keys += [.delete, .home, .end, .unknown, .ctrl("z"), .ctrl("w")]
        return Array(Set(keys)).sorted { $0.label < $1.label }
    }()

    static func randomKey(_ rng: inout SeededRandom) -> Key {
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<3:
            return .resize(width: Int.random(in: 0...130, using: &rng), height: Int.random(in: 0...50, using: &rng))
        case 3..<5:
            let buttons: [Key.MouseButton] = [.click, .wheelUp, .wheelDown]
            return .mouse(x: Int.random(in: -1...100, using: &rng), y: Int.random(in: -1...40, using: &rng), buttons.randomElement(using: &rng)!)
        case 5..<8:
            return .char("q")  // quitting is a state like any other; the loop stops, update must not break
        default:
            return pool.randomElement(using: &rng)!
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func randomKeysKeepTheStateValid(seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        var s = Fixture.state()
        var trail: [Key] = []
        for step in 0..<2500 {
            let key = Self.randomKey(&rng)
            trail.append(key)
            s = update(s, key)
            // Rendering is part of the property: every state must draw at its size without trapping.
            let buf = render(s)
            #expect(buf.width == s.width && buf.height == s.height)
            let v = s.violations()
            if !v.isEmpty {
                Issue.record("seed \(seed), step \(step), after \(trail.suffix(12).map(\.label)): \(v)")
                return
            }
            if s.quit { s = update(Fixture.state(s.width, s.height, reading: s.reading), .unknown) }
        }
        // History's bound and its entries are checked by `violations()` after every key above.
    }

    @Test func historyKeepsTheNewestPlacesUpToItsLimit() {
        var s = Fixture.state()
        let switches = AppState.historyLimit * 2 + 7
        for i in 0..<switches { s = update(s, .char(i % 2 == 0 ? "t" : "d")) }
        #expect(s.history.count == AppState.historyLimit, "history holds \(s.history.count)")
        #expect(s.location == .view(.contents))
        s = update(s, .backspace)
        #expect(s.location == .view(.decide) && s.history.count == AppState.historyLimit - 1)
    }

    @Test func backThenForwardReturnsToTheSamePlace() {
        var rng = SeededRandom(seed: 99)
        for _ in 0..<200 {
            var s = Fixture.state()
            let moves = (0..<Int.random(in: 1...12, using: &rng)).map { _ in
                [keys("t", "j", Key.enter), keys("1"), keys("i"), keys("s"), keys("c"), keys("]"), keys("?")].randomElement(using: &rng)!
            }
            for m in moves { s = press(s, m); if s.typing { s = update(s, .escape) } }
            let here = s.location
            guard !s.history.isEmpty else { continue }
            let back = update(s, .backspace)
            let again = update(back, .char("F"))
            #expect(again.location == here, "back then forward after \(moves.map { $0.map(\.label).joined() })")
        }
    }
}
