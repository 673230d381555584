#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// An item an overlay defines, with what it says about the guide's item of the same id.
struct OverlayItem<T> {
    var value: T
    /// `replaces: ID`: the guide's (or an earlier overlay's) item it stands in for, with `reason:`.
    var replaces: String?
    var location: SourceLocation
}

/// `extends: PAGE` in a page file: blocks and sections added to an existing page or section.
struct PageExtension {
    var target: String
    var page: Page
    var location: SourceLocation
}

/// One overlay folder read and checked on its own (the merge checks it against the guide).
struct OverlayContent {
    var overlay: Overlay
    var pages: [OverlayItem<Page>] = []
    var extensions: [PageExtension] = []
    var glossary: [OverlayItem<GlossaryEntry>] = []
    var architectures: [OverlayItem<Architecture>] = []
    var sources: [OverlayItem<Source>] = []
    /// `extends: ID` items of glossary.yaml and catalog.yaml: notes for the guide's entries.
    var glossaryNotes: [EntryExtension] = []
    var catalogNotes: [EntryExtension] = []
    var decisions = DecisionBook()
    var filterLocations: [SourceLocation] = []
    var problems: [ContentProblem] = []
    /// Where each item is defined, by Content's location keys; an extension's blocks are keyed
    /// `extends:TARGET#i` (the merge knows where they land).
    var locations: [String: SourceLocation] = [:]
}

enum OverlayReading {
    /// The decision sections an overlay may add to; the trees, brief and examples are the guide's.
    static let decisionSections: Set<String> = ["filters", "defaults", "contradictions", "next_steps", "gaps"]

    /// Reads `directory`; every problem names the overlay's file by its path under that folder.
    static func read(_ directory: String) -> OverlayContent {
        var reader = Reader(root: directory)
        reader.originOptional = true
        func finish(_ c: OverlayContent) -> OverlayContent {
            var c = c
            c.problems = reader.problems.map { p in var p = p; p.location = located(p.location, in: directory); return p } + c.problems
            c.locations = reader.locations.mapValues { located($0, in: directory) }
            return c
        }
        guard Path.kind(directory) == .folder else {
            var c = OverlayContent(overlay: Overlay(directory: directory, name: directory, maintainer: nil, description: nil))
            c.problems = [ContentProblem(SourceLocation(file: directory), "overlay folder not found (expected a folder holding overlay.yaml)")]
            return c
        }
        var header = OverlayHeader(name: Path.lastComponent(directory))
        if let node = reader.yaml(Overlay.file, expecting: "a mapping with name, maintainer and description") {
            reader.checkKeys(node, OverlayHeader.keys, in: Overlay.file, what: "overlay.yaml")
            if let h = reader.decode(OverlayHeader.self, node, file: Overlay.file) { header = h }
        }
        var content = OverlayContent(overlay: Overlay(directory: directory, name: header.name, maintainer: header.maintainer, description: header.description))
        let at = { (file: String, n: Node) in located(SourceLocation(file: file, line: n.mark?.line, column: n.mark?.column), in: directory) }

        for file in reader.pageFiles() {
            guard let node = reader.yaml(file, expecting: "a page: a mapping with id, title, blocks and sections, or extends with blocks") else { continue }
            let (plain, d) = directives(node, file: file, &reader)
            if let target = d.extends {
                // The page's head is the target's: only its blocks and sections are the overlay's.
                let head = Node.Mapping([(Node("id"), Node(target)), (Node("title"), Node(target))] + (plain.mapping?.filter { ["blocks", "sections"].contains($0.key.string ?? "") } ?? []))
                reader.checkKeys(plain, ["blocks", "sections"], in: file, what: "page that extends '\(target)'")
                if let page = reader.page(.mapping(head), file: file) {
                    content.extensions.append(PageExtension(target: target, page: page, location: at(file, node)))
                    for i in page.blocks.indices { reader.locations["extends:\(target)#\(i)"] = reader.locations.removeValue(forKey: "block:\(target)#\(i)") }
                }
                reader.locations[target] = nil
            } else if let page = reader.page(plain, file: file) {
                content.pages.append(OverlayItem(value: page, replaces: d.replaces, location: at(file, node)))
            }
        }
        var none: [EntryExtension]?
        if access(reader.path(ContentLoader.sourcesFile), F_OK) == 0 {
            content.sources = listed(ContentLoader.sourcesFile, key: "sources", prefix: "s:", &reader, at, notes: &none)
        }
        if access(reader.path(ContentLoader.glossaryFile), F_OK) == 0 {
            var notes: [EntryExtension]? = []
            content.glossary = listed(ContentLoader.glossaryFile, key: "entries", prefix: "g:", &reader, at, notes: &notes)
            content.glossaryNotes = notes ?? []
        }
        if access(reader.path(ContentLoader.catalogFile), F_OK) == 0,
           let node = reader.yaml(ContentLoader.catalogFile, expecting: "a mapping with architectures") {
            reader.checkKeys(node, ["architectures"], in: ContentLoader.catalogFile, what: "an overlay's catalog")
            var notes: [EntryExtension]? = []
            content.architectures = items(node.child("architectures"), file: ContentLoader.catalogFile, field: "architectures", prefix: "a:", &reader, at, notes: &notes)
            content.catalogNotes = notes ?? []
        }
        if access(reader.path(ContentLoader.decisionsFile), F_OK) == 0,
           let node = reader.yaml(ContentLoader.decisionsFile, expecting: "a mapping with filters, defaults, contradictions, next_steps or gaps") {
            for (k, _) in node.mapping ?? Node.Mapping([]) {
                guard let key = k.string, !decisionSections.contains(key) else { continue }
                reader.report(ContentLoader.decisionsFile, k.mark, "an overlay cannot change '\(key)' (the guide's); it may add \(decisionSections.sorted().joined(separator: ", "))")
            }
            content.decisions = reader.decisions(node)
            content.filterLocations = (node.child("filters")?.sequence.map(Array.init) ?? []).map { at(ContentLoader.decisionsFile, $0) }
        }
        return finish(content)
    }

    /// A file of one list (glossary.yaml's `entries`, sources.yaml's `sources`).
    static func listed<T: Decodable & Identified & YAMLKeyed>(_ file: String, key: String, prefix: String, _ reader: inout Reader,
                                                             _ at: (String, Node) -> SourceLocation, notes: inout [EntryExtension]?) -> [OverlayItem<T>] {
        guard let node = reader.yaml(file, expecting: "a mapping with the list '\(key)'") else { return [] }
        reader.checkKeys(node, [key], in: file, what: "top level")
        return items(node.child(key), file: file, field: key, prefix: prefix, &reader, at, notes: &notes)
    }

    /// Each item read as Content/'s loader reads it, once its `replaces:` and `reason:` are taken off.
    /// An `extends: ID` item is a note for an existing entry, where `notes` takes them (glossary and
    /// catalog entries); elsewhere it is an error.
    static func items<T: Decodable & Identified & YAMLKeyed>(_ node: Node?, file: String, field: String, prefix: String,
                                                            _ reader: inout Reader, _ at: (String, Node) -> SourceLocation,
                                                            notes: inout [EntryExtension]?) -> [OverlayItem<T>] {
        guard let node else { return [] }
        guard let seq = node.sequence else { reader.report(file, node.mark, "'\(field)' must be a list, found \(describe(node))"); return [] }
        var out: [OverlayItem<T>] = []
        for item in seq {
            let (plain, d) = directives(item, file: file, &reader)
            if let target = d.extends {
                guard notes != nil else {
                    reader.report(file, item.mark, "extends adds to a page, a glossary entry or a catalog entry; a \(field) item can only be added, or replace one (replaces: ID with a reason)")
                    continue
                }
                if let note = extensionNote(plain, target: target, file: file, &reader, at(file, item)) { notes?.append(note) }
                continue
            }
            for value in reader.items(.sequence(Node.Sequence([plain])), T.self, file: file, field: field, prefix: prefix, keys: T.yamlKeys) {
                out.append(OverlayItem(value: value, replaces: d.replaces, location: at(file, item)))
            }
        }
        return out
    }

    /// `extends: ID` with `note:` (required) and `see:` (page ids), nothing else.
    static func extensionNote(_ node: Node, target: String, file: String, _ reader: inout Reader, _ location: SourceLocation) -> EntryExtension? {
        reader.checkKeys(node, TeamNote.yamlKeys, in: file, what: "item that extends '\(target)' (it adds a note and pages to see)")
        guard let note = node.child("note")?.string, !note.trimmed().isEmpty else {
            reader.report(file, node.mark, "extends '\(target)' needs a `note:`: the team's words to add to it")
            return nil
        }
        var see: [String] = []
        if let s = node.child("see") {
            guard let list = s.sequence else { reader.report(file, s.mark, "'see' must be a list of page ids, found \(describe(s))"); return nil }
            see = list.compactMap(\.string)
        }
        return EntryExtension(target: target, note: note, see: see, location: location)
    }

    struct Directives { var extends: String?; var replaces: String? }

    /// Takes `extends:`, `replaces:` and `reason:` off an item, reporting a `replaces` without a
    /// reason and an item that both extends and replaces.
    static func directives(_ node: Node, file: String, _ reader: inout Reader) -> (Node, Directives) {
        guard let mapping = node.mapping else { return (node, Directives()) }
        var d = Directives()
        let extends = node.child("extends"), replaces = node.child("replaces"), reason = node.child("reason")
        d.extends = extends?.string
        d.replaces = replaces?.string
        if let replaces, (reason?.string ?? "").trimmed().isEmpty {
            reader.report(file, replaces.mark, "replaces '\(replaces.string ?? "")' needs a reason: add `reason:` saying why the team's version stands in for it")
        }
        if let reason, replaces == nil { reader.report(file, reason.mark, "reason: explains a replaces:; this item replaces nothing") }
        if extends != nil, replaces != nil { reader.report(file, node.mark, "an item either extends a page or replaces an item, not both") }
        let plain = Node.Mapping(mapping.filter { !["extends", "replaces", "reason"].contains($0.key.string ?? "") }, mark: mapping.mark, isFlow: mapping.isFlow)
        return (.mapping(plain), d)
    }

    /// A location under the overlay's folder, so lint names the overlay's own file.
    static func located(_ l: SourceLocation, in directory: String) -> SourceLocation {
        l.file.hasPrefix("/") || l.file.hasPrefix(directory) ? l : SourceLocation(file: Path.join(directory, l.file), line: l.line, column: l.column)
    }
}
