import CLibYAML

/// Why a YAML text could not be read, and where (nil when libyaml gave no place).
public struct YAMLError: Error, Sendable, Equatable {
    public var mark: Mark?
    public var message: String
    init(_ mark: Mark?, _ message: String) { self.mark = mark; self.message = message }
}

/// Composes a YAML text into `Node`s from libyaml's parse events: our own composer over the C
/// reference parser, in place of Yams (whose Foundation dependency brought ICU into the binary, and
/// whose composer was most of a cold load). It does what Yams' composer did for us: one document
/// only, anchors and aliases resolved (an alias names a node completed before it), duplicate keys
/// refused, places counted from 1. It also refuses nesting deeper than `maxDepth`, which the parser
/// itself would follow until memory ran out. It never recurses, so no input can exhaust the stack.
public enum YAMLReader {
    /// libyaml's own limit in its newer releases (Yams' copy of it has it; Debian's 0.2.5 does not).
    static let maxDepth = 1000

    public static func compose(_ text: String) throws(YAMLError) -> Node? {
        var anchored = false
        return try compose(text, anchored: &anchored)
    }

    /// `anchored`: whether the text names an anchor. Without one no alias can repeat a node, so the
    /// tree cannot outgrow its text (`YAMLLimits.expandsBeyondText` need not walk it).
    static func compose(_ text: String, anchored: inout Bool) throws(YAMLError) -> Node? {
        var text = text
        let result: Result<(Node?, Bool), YAMLError> = text.withUTF8 { bytes in
            var composer = Composer()
            return Result { () throws(YAMLError) in (try composer.run(bytes), !composer.anchors.isEmpty) }
        }
        let (node, named) = try result.get()
        anchored = named
        return node
    }

    private struct Frame {
        var mark: Mark
        var anchor: String?
        var isFlow: Bool
        var isMapping: Bool
        var items: [Node] = []
        var pairs: [Node.Mapping.Pair] = []
        var key: Node?
    }

    private struct Composer {
        var stack: [Frame] = []
        var anchors: [String: Node] = [:]
        var root: Node?
        var documents = 0

        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) throws(YAMLError) -> Node? {
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { throw YAMLError(nil, "out of memory") }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            // libyaml reads the bytes in place; they outlive the parser (both end with this call).
            yaml_parser_set_input_string(&parser, bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!, bytes.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { throw Self.error(parser, length: bytes.count) }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return root }
                try take(&event)
            }
        }

        static func mark(_ m: yaml_mark_t) -> Mark { Mark(line: Int(m.line) + 1, column: Int(m.column) + 1) }

        static func text(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            p.map { String(cString: $0) }
        }

        /// libyaml's message as Yams worded it: the problem, then what was being read and where.
        static func error(_ parser: yaml_parser_t, length: Int = .max) -> YAMLError {
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
            switch parser.error {
            case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
                guard let c = parser.context.map({ String(cString: $0) }) else { return YAMLError(mark(parser.problem_mark), problem) }
                // A simple key is a line that should be `key: value`: libyaml gives up where the next
                // line starts, but the line to fix is the key's own ("task classification" with no
                // colon, ninth retest), which is the context's mark. Other contexts (a block mapping
                // begun lines above) keep the problem's place, where the text went wrong.
                // So does a problem found only at the end of the text (an unclosed `[` on the last
                // line was reported on the line after it, past the end of the file: eleventh retest).
                if c == "while scanning a simple key" || Int(parser.problem_mark.index) >= length {
                    return YAMLError(mark(parser.context_mark), problem + " (\(c))")
                }
                return YAMLError(mark(parser.problem_mark), problem + " (\(c) at line \(parser.context_mark.line + 1))")
            case YAML_MEMORY_ERROR:
                return YAMLError(nil, "out of memory")
            default:
                return YAMLError(nil, problem)
            }
        }

        mutating func take(_ event: inout yaml_event_t) throws(YAMLError) {
            let at = Self.mark(event.start_mark)
            switch event.type {
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { throw YAMLError(at, "but found another document (expected a single document in the stream at line 1)") }
            case YAML_ALIAS_EVENT:
                guard let name = Self.text(event.data.alias.anchor), let node = anchors[name] else {
                    throw YAMLError(at, "found undefined alias")
                }
                add(node)
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                let value = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                let isText = s.quoted_implicit == 1 || Self.text(s.tag) == "tag:yaml.org,2002:str"
                let node = Node.scalar(Node.Scalar(value, style: Node.Scalar.Style(rawValue: Int(s.style.rawValue)) ?? .any, isText: isText, mark: at))
                finish(node, anchor: Self.text(s.anchor))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard stack.count < YAMLReader.maxDepth else {
                    throw YAMLError(at, "nested more than \(YAMLReader.maxDepth) levels deep")
                }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? Self.text(event.data.mapping_start.anchor) : Self.text(event.data.sequence_start.anchor)
                let isFlow = isMapping ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                stack.append(Frame(mark: at, anchor: anchor, isFlow: isFlow, isMapping: isMapping))
            case YAML_SEQUENCE_END_EVENT:
                let f = stack.removeLast()
                finish(.sequence(Node.Sequence(f.items, mark: f.mark, isFlow: f.isFlow)), anchor: f.anchor)
            case YAML_MAPPING_END_EVENT:
                let f = stack.removeLast()
                try Self.refuseDuplicates(f.pairs)
                finish(.mapping(Node.Mapping(f.pairs, mark: f.mark, isFlow: f.isFlow)), anchor: f.anchor)
            default:
                break  // stream start, document end
            }
        }

        mutating func finish(_ node: Node, anchor: String?) {
            if let anchor { anchors[anchor] = node }
            add(node)
        }

        mutating func add(_ node: Node) {
            guard !stack.isEmpty else { root = node; return }
            let top = stack.count - 1
            if !stack[top].isMapping {
                stack[top].items.append(node)
            } else if let key = stack[top].key {
                stack[top].pairs.append((key, node))
                stack[top].key = nil
            } else {
                stack[top].key = node
            }
        }

        /// Keys are compared as text (a key that is a list or a mapping is never a duplicate); the
        /// message names every repeated key, in order, at the first place the first of them appears.
        static func refuseDuplicates(_ pairs: [Node.Mapping.Pair]) throws(YAMLError) {
            guard pairs.count > 1 else { return }
            // Most mappings are a few keys: comparing each pair costs less than hashing every key
            // (which was 4% of a cold load); the dictionary below only words the message.
            if pairs.count <= 16 && !hasRepeatedKey(pairs) { return }
            var first: [String: Mark?] = [:]
            var repeated: Set<String> = []
            for pair in pairs {
                guard case .scalar(let s) = pair.key else { continue }
                if first[s.string] != nil { repeated.insert(s.string) } else { first[s.string] = s.mark }
            }
            guard !repeated.isEmpty else { return }
            let names = repeated.sorted()
            throw YAMLError(first[names[0]] ?? nil, "the key \(names.joined(separator: ", ")) appears more than once in one mapping")
        }

        static func hasRepeatedKey(_ pairs: [Node.Mapping.Pair]) -> Bool {
            for i in pairs.indices {
                guard case .scalar(let a) = pairs[i].key else { continue }
                for j in (i + 1)..<pairs.count {
                    if case .scalar(let b) = pairs[j].key, a.string == b.string { return true }
                }
            }
            return false
        }
    }
}
