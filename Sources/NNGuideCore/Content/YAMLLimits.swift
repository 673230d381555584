/// Guards against YAML that is small on disk but enormous once read.
enum YAMLLimits {
    /// Anchors and aliases (`&name`, `*name`) let a few lines stand for billions of nodes ("billion
    /// laughs"): the reader resolves every alias to the node it names, so decoding walks each copy. Without
    /// aliases a tree never has more nodes than its text has bytes (each node is at least one byte,
    /// or a `- `/`? ` marker of two), so a file whose tree outgrows twice its text is refused before
    /// anything else walks it. The walk stops at that budget: it costs at most the file's size.
    static func expandsBeyondText(_ root: Node, textSize: Int) -> Bool {
        var budget = 2 * textSize + 16
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            switch node {
            case .mapping(let m):
                budget -= 2 * m.count
                if budget < 0 { return true }
                for (k, v) in m { stack.append(k); stack.append(v) }
            case .sequence(let s):
                budget -= s.count
                if budget < 0 { return true }
                stack.append(contentsOf: s)
            case .scalar:
                break
            }
        }
        return false
    }

    static let aliasMessage = "this file expands to far more than its text (anchors and aliases, &name and *name, repeat it); guide content does not support them: write each value out in full"
}
