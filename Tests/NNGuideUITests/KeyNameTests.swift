import Foundation
import Testing
@testable import NNGuideUI

/// Issue 22 item 5: a hint or a message that writes a key's name out ("Tab moves to a link") goes
/// stale when the keymap rebinds that key, and nothing noticed. Every such sentence now builds the
/// name with `Keymap.key`; this scan fails on a key name written as a literal in NNGuideUI.
///
/// A scan of the source, not a render with a rebound keymap: the keymap is one static table (making
/// it a parameter of every view is a change of its own), and a scan also reaches the messages no
/// golden state shows (a failed delete, an unreadable brief, a window too small).
@Suite struct KeyNameTests {
    /// The key labels are where names belong. The keymap's table is scanned too: a row that names a
    /// key in its help (its own or another's) builds the name with `Keymap.key` (issue 22 exempted the
    /// table once, and its rows named keys outright).
    static let exempt: Set<String> = ["Input/Key.swift"]

    /// Words that are key labels but also plain words in text; each is allowed only where written.
    static let allowed: [(file: String, word: String, why: String)] = [
        ("App/Screen.swift", "Home", "the Home screen's title"),
        ("Input/Keymap.swift", "Home", "the Home screen's keys, in help"),
        ("Views/HomeView.swift", "Home", "the Home screen's title"),
        ("Views/ReaderView.swift", "End", "\"End of the guide\""),
        ("App/Update.swift", "a-z", "the letters a bookmark can be named by, not the brief form's typing keys"),
        ("Decide/DecideBrief.swift", "a-z", "the label of the brief form's typing keys, where it is defined"),
    ]

    /// The key names the keymap can show: every bound key's label. A one-character label ("r") is a
    /// key name when it stands alone before a lower-case word or in brackets ("r why", "(l)"); "a"
    /// is left out, as it is the article far more often than the search's broaden key, and so are
    /// single digits ("Part 4 of"): the digit keys are named as a range ("1-9", `Keymap.digits`).
    static var names: (words: Set<String>, chars: Set<Character>) {
        var words: Set<String> = [], chars: Set<Character> = []
        // A run of keys named as a range ("a-z", every letter typing on the brief form) is named so.
        for b in Keymap.bindings {
            if let label = b.label { words.insert(label); continue }
            for k in b.keys {
                let l = k.label
                if l.count == 1, let c = l.first { if c != "a" && !c.isNumber { chars.insert(c) } } else { words.insert(l) }
            }
        }
        return (words, chars)
    }

    @Test func noHintOrMessageWritesAKeyNameOut() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/NNGuideUI").standardizedFileURL
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !Self.exempt.contains($0) }.sorted()
        #expect(files.count > 30, "found only \(files.count) sources under \(root.path)")
        var found: [String] = []
        for file in files {
            let source = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for (line, text) in Self.literals(source) {
                for name in Self.keyNames(in: text) where !Self.allowed.contains(where: { $0.file == file && $0.word == name }) {
                    found.append("\(file):\(line): \"\(name)\" in \"\(text)\"")
                }
            }
        }
        #expect(found.isEmpty, "key names written out; use Keymap.key(action, in: scope):\n\(found.joined(separator: "\n"))")
    }

    /// Help lists the scopes in `Scope.allCases`, a written list: a scope left out of it would drop its
    /// keys from help. Every scope a binding uses is listed, once.
    @Test func everyScopeWithKeysIsListedForHelp() {
        let listed = Scope.allCases
        #expect(Set(listed).count == listed.count, "a scope listed twice: \(listed.map(\.rawValue))")
        let missing = Set(Keymap.bindings.map(\.scope)).subtracting(listed)
        #expect(missing.isEmpty, "scopes with keys that help leaves out: \(missing.map(\.rawValue).sorted())")
        // Help has a section for each scope with keys.
        let help = HelpView.document(width: 100, glyphs: .unicode)
        for scope in Set(Keymap.bindings.map(\.scope)) { #expect(help.places[HelpView.place(scope)] != nil, "help has no \(scope.rawValue)") }
    }

    /// The scan must catch what it is for, and pass the same sentence built from the keymap.
    @Test func theScanFindsWrittenKeyNames() {
        let written = Self.literals(#"m("Tab moves to a link; 1-9 open one, r why, more (l), ^U clears")"#).map(\.1)
        #expect(written.flatMap(Self.keyNames) == ["Tab", "^U", "1-9", "r", "l"])
        let built = Self.literals(#"m("\(Keymap.key(.nextLink, in: .reader)) moves to a link; a page") // Tab"#).map(\.1)
        #expect(built.flatMap(Self.keyNames).isEmpty, "\(built)")
        #expect(Self.keyNames(in: " • h/l sideways") == ["h", "l"])
        // A single character alone is a separator or a plural, not a key.
        #expect(Self.keyNames(in: "/").isEmpty && Self.keyNames(in: "s").isEmpty)
    }

    /// The key names in one literal's text (interpolations already replaced by a placeholder).
    static func keyNames(in text: String) -> [String] {
        let (words, chars) = names
        var out: [String] = []
        // Words: whole tokens split at anything but letters, digits, "-" and "^" (so "Shift-Tab" and
        // "^S" stay one).
        let tokens = text.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "^") }.map(String.init)
        out += tokens.filter { words.contains($0) }
        out += tokens.filter { $0.count == 3 && $0.first!.isNumber && $0.dropFirst().first == "-" && $0.last!.isNumber }
        // One character: alone (after a space, "(" or the start) and before " lower-case" or ")".
        let cs = Array(text)
        for (i, c) in cs.enumerated() where chars.contains(c) && cs.count > 1 {
            let before = i == 0 ? " " : cs[i - 1]
            guard before == " " || before == "(" else { continue }
            let next = i + 1 < cs.count ? cs[i + 1] : "\n"
            let then = i + 2 < cs.count ? cs[i + 2] : "\n"
            if next == ")" || (next == " " && then.isLowercase) { out.append(String(c)) }
            // A pair of keys written as "h/l" (the review found " h/l sideways" in the reader).
            let after = i + 3 < cs.count ? cs[i + 3] : "\n"
            if next == "/", chars.contains(then), after == " " || after == ")" || after == "\n" { out += [String(c), String(then)] }
        }
        return out
    }

    /// The string literals of Swift source (`SwiftSource`).
    static func literals(_ source: String) -> [(Int, String)] { SwiftSource(source).literals }
}
