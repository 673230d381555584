#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// An item an overlay defines, with what it says about the guide's item of the same id.
struct OverlayItem<T: Codable>: Codable {
    var value: T
    /// `replaces: ID`: the guide's (or an earlier overlay's) item it stands in for, with `reason:`.
    var replaces: String?
    var location: SourceLocation
}

/// `extends: PAGE` in a page file: blocks and sections added to an existing page or section.
struct PageExtension: Codable {
    var target: String
    var page: Page
    var location: SourceLocation
}

/// One overlay folder read and checked on its own (the merge checks it against the guide); or what
/// one of its files gave (`OverlayReading.file`), as the cache keeps it.
struct OverlayContent: Codable {
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
        guard Path.kind(directory) == .folder else {
            var c = OverlayContent(overlay: Overlay(directory: directory, name: directory, maintainer: nil, description: nil))
            c.problems = [ContentProblem(SourceLocation(file: directory), "overlay folder not found (expected a folder holding overlay.yaml)")]
            return c
        }
        return join(files(directory).map { file($0, in: directory) }, directory: directory) ?? whole(directory)
    }

    /// The files an overlay is read from, in the order they are read: overlay.yaml (always: its
    /// absence is a problem to report), the page files, then each list file that exists.
    static func files(_ directory: String) -> [String] {
        let reader = Reader(root: directory)
        return [Overlay.file] + reader.pageFiles() + [ContentLoader.sourcesFile, ContentLoader.glossaryFile, ContentLoader.catalogFile, ContentLoader.decisionsFile]
            .filter { access(reader.path($0), F_OK) == 0 }
    }

    /// The parts of one overlay, one a file, as one: nil when an id is defined in two of its files
    /// (then the folder is read whole, so the duplicate is reported as the loader reports it).
    static func join(_ parts: [OverlayContent], directory: String) -> OverlayContent? {
        var c = OverlayContent(overlay: parts.first?.overlay ?? Overlay(directory: directory, name: Path.lastComponent(directory), maintainer: nil, description: nil))
        for part in parts {
            for (key, l) in part.locations where c.locations.updateValue(l, forKey: key) != nil { return nil }
            c.pages += part.pages; c.extensions += part.extensions; c.glossary += part.glossary
            c.architectures += part.architectures; c.sources += part.sources
            c.glossaryNotes += part.glossaryNotes; c.catalogNotes += part.catalogNotes
            c.filterLocations += part.filterLocations; c.problems += part.problems
            if part.decisions != DecisionBook() { c.decisions = part.decisions }
        }
        return c
    }

    /// The folder read in one pass, every file through one reader.
    static func whole(_ directory: String) -> OverlayContent {
        var reader = Reader(root: directory)
        reader.originOptional = true
        var c = OverlayContent(overlay: header(&reader, directory))
        for name in files(directory).dropFirst() { add(name, to: &c, &reader, directory) }
        return finish(c, reader, directory)
    }

    /// One of the overlay's files read on its own: what the cache keeps for it (`OverlayEntries`).
    static func file(_ name: String, in directory: String) -> OverlayContent {
        var reader = Reader(root: directory)
        reader.originOptional = true
        if name == Overlay.file { return finish(OverlayContent(overlay: header(&reader, directory)), reader, directory) }
        var c = OverlayContent(overlay: Overlay(directory: directory, name: Path.lastComponent(directory), maintainer: nil, description: nil))
        add(name, to: &c, &reader, directory)
        return finish(c, reader, directory)
    }

    /// The reader's problems and locations, named by their paths under the overlay's folder.
    static func finish(_ c: OverlayContent, _ reader: Reader, _ directory: String) -> OverlayContent {
        var c = c
        c.problems = reader.problems.map { p in var p = p; p.location = located(p.location, in: directory); return p } + c.problems
        c.locations = reader.locations.mapValues { located($0, in: directory) }
        return c
    }

    /// overlay.yaml: the overlay's name (the folder's when it has none), maintainer and description.
    static func header(_ reader: inout Reader, _ directory: String) -> Overlay {
        var header = OverlayHeader(name: Path.lastComponent(directory))
        if let node = reader.yaml(Overlay.file, expecting: "a mapping with name, maintainer and description") {
            reader.checkKeys(node, OverlayHeader.keys, in: Overlay.file, what: "overlay.yaml")
            if let h = reader.decode(OverlayHeader.self, node, file: Overlay.file) { header = h }
        }
        return Overlay(directory: directory, name: header.name, maintainer: header.maintainer, description: header.description)
    }

    /// What the file `name` (a page file or one of the list files) adds to the overlay.
    static func add(_ name: String, to content: inout OverlayContent, _ reader: inout Reader, _ directory: String) {
        let at = { (file: String, n: Node) in located(SourceLocation(file: file, line: n.mark?.line, column: n.mark?.column), in: directory) }
        switch name {
        case ContentLoader.sourcesFile:
            var none: [EntryExtension]?
            content.sources = listed(ContentLoader.sourcesFile, key: "sources", prefix: "s:", &reader, at, notes: &none)
        case ContentLoader.glossaryFile:
            var notes: [EntryExtension]? = []
            content.glossary = listed(ContentLoader.glossaryFile, key: "entries", prefix: "g:", &reader, at, notes: &notes)
            content.glossaryNotes = notes ?? []
        case ContentLoader.catalogFile:
            guard let node = reader.yaml(ContentLoader.catalogFile, expecting: "a mapping with architectures") else { return }
            reader.checkKeys(node, ["architectures"], in: ContentLoader.catalogFile, what: "an overlay's catalog")
            var notes: [EntryExtension]? = []
            content.architectures = items(node.child("architectures"), file: ContentLoader.catalogFile, field: "architectures", prefix: "a:", &reader, at, notes: &notes)
            content.catalogNotes = notes ?? []
        case ContentLoader.decisionsFile:
            guard let node = reader.yaml(ContentLoader.decisionsFile, expecting: "a mapping with filters, defaults, contradictions, next_steps or gaps") else { return }
            for (k, _) in node.mapping ?? Node.Mapping([]) {
                guard let key = k.string, !decisionSections.contains(key) else { continue }
                reader.report(ContentLoader.decisionsFile, k.mark, "an overlay cannot change '\(key)' (the guide's); it may add \(decisionSections.sorted().joined(separator: ", "))")
            }
            content.decisions = reader.decisions(node)
            content.filterLocations = (node.child("filters")?.sequence.map(Array.init) ?? []).map { at(ContentLoader.decisionsFile, $0) }
        default:
            guard let node = reader.yaml(name, expecting: "a page: a mapping with id, title, blocks and sections, or extends with blocks") else { return }
            let (plain, d) = directives(node, file: name, &reader)
            if let target = d.extends {
                // The page's head is the target's: only its blocks and sections are the overlay's.
                let head = Node.Mapping([(Node("id"), Node(target)), (Node("title"), Node(target))] + (plain.mapping?.filter { ["blocks", "sections"].contains($0.key.string ?? "") } ?? []))
                reader.checkKeys(plain, ["blocks", "sections"], in: name, what: "page that extends '\(target)'")
                if let page = reader.page(.mapping(head), file: name) {
                    content.extensions.append(PageExtension(target: target, page: page, location: at(name, node)))
                    for i in page.blocks.indices { reader.locations["extends:\(target)#\(i)"] = reader.locations.removeValue(forKey: "block:\(target)#\(i)") }
                }
                reader.locations[target] = nil
            } else if let page = reader.page(plain, file: name) {
                content.pages.append(OverlayItem(value: page, replaces: d.replaces, location: at(name, node)))
            }
        }
    }

    /// A file of one list (glossary.yaml's `entries`, sources.yaml's `sources`).
    static func listed<T: Codable & Identified & YAMLKeyed & FieldReadable>(_ file: String, key: String, prefix: String, _ reader: inout Reader,
                                                             _ at: (String, Node) -> SourceLocation, notes: inout [EntryExtension]?) -> [OverlayItem<T>] {
        guard let node = reader.yaml(file, expecting: "a mapping with the list '\(key)'") else { return [] }
        reader.checkKeys(node, [key], in: file, what: "top level")
        return items(node.child(key), file: file, field: key, prefix: prefix, &reader, at, notes: &notes)
    }

    /// Each item read as Content/'s loader reads it, once its `replaces:` and `reason:` are taken off.
    /// An `extends: ID` item is a note for an existing entry, where `notes` takes them (glossary and
    /// catalog entries); elsewhere it is an error.
    static func items<T: Codable & Identified & YAMLKeyed & FieldReadable>(_ node: Node?, file: String, field: String, prefix: String,
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
