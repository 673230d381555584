#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// One content file read, checked as text and composed into nodes, or why it could not be.
/// This part of a load needs nothing from any other file, so `ComposeAhead` runs it on another core
/// while the files before it are decoded and checked (composing was 40% of a load's instructions).
enum ComposedFile {
    case node(Node)
    case failed(Mark?, Failure)

    enum Failure {
        case unreadable, binary, notUTF8, empty, expands
        /// The top level is not a mapping; what it is (`describe`).
        case notMapping(String)
        case syntax(String)
    }

    static func read(_ path: String) -> ComposedFile {
        guard let data = FileManager.default.contents(atPath: path) else { return .failed(nil, .unreadable) }
        if Reader.isBinary(data) { return .failed(nil, .binary) }
        guard let text = Reader.utf8Text(data) else { return .failed(nil, .notUTF8) }
        do {
            var anchored = false
            guard let node = try YAMLReader.compose(text, anchored: &anchored), !(node.scalar.map { $0.string.isEmpty } ?? false) else {
                return .failed(nil, .empty)
            }
            if node.mapping == nil { return .failed(node.mark, .notMapping(describe(node))) }
            if anchored && YAMLLimits.expandsBeyondText(node, textSize: data.count) { return .failed(nil, .expands) }
            return .node(node)
        } catch {
            return .failed(error.mark, .syntax(error.message))
        }
    }

    /// What to tell the author, given what the file should hold.
    static func message(_ failure: Failure, expecting what: String) -> String {
        switch failure {
        case .unreadable: return "file is missing or unreadable; expected \(what)"
        case .binary: return "binary file (it contains NUL bytes); expected YAML text holding \(what)"
        case .notUTF8: return "not UTF-8 text; expected YAML holding \(what)"
        case .empty: return "file is empty; expected \(what)"
        case .expands: return YAMLLimits.aliasMessage
        case .notMapping(let found): return "expected \(what), found \(found)"
        case .syntax(let message): return "YAML syntax error: \(message)"
        }
    }
}

/// Composes the files of one load, in the order they will be asked for, on a background thread at
/// most `window` files ahead of the reader (so no more than that many node trees wait in memory).
/// The reader still decodes and checks every file in order on its own thread, so problems come out
/// in the same order as a load that composes each file itself.
///
/// Unchecked Sendable: the results are guarded by `condition`, and a composed tree is handed over
/// whole (the background thread keeps no reference to it).
final class ComposeAhead: @unchecked Sendable {
    private let paths: [String]
    private var results: [ComposedFile?]
    /// How many files the reader has taken; the thread composes file i once i < taken + window.
    private var taken = 0
    private var stopped = false
    private let condition = Condition()
    static let window = 2

    init(paths: [String]) {
        self.paths = paths
        results = Array(repeating: nil, count: paths.count)
        guard !paths.isEmpty else { return }
        BackgroundThread.start { [self] in run() }
    }

    private func run() {
        for i in paths.indices {
            condition.lock()
            while !stopped && i >= taken + Self.window { condition.wait() }
            let stop = stopped
            condition.unlock()
            if stop { return }
            let composed = ComposedFile.read(paths[i])
            condition.lock()
            results[i] = composed
            condition.broadcast()
            condition.unlock()
        }
    }

    /// File `index` (taken in order, each once), waiting for it if it is not composed yet.
    func take(_ index: Int) -> ComposedFile {
        condition.lock()
        defer { condition.unlock() }
        taken = max(taken, index + 1)
        condition.broadcast()
        while results[index] == nil { condition.wait() }
        let composed = results[index]!
        results[index] = nil
        return composed
    }

    /// Lets the thread end without composing the rest (a load that stopped early).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
