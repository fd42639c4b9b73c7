import Foundation

/// A state directory (`x-sandbox --state DIR`) worked on while no sandbox runs on it: what
/// `x-sandbox state export|import|reset` do. A running sandbox holds the directory's lock, so
/// these throw then; use its `/_sandbox/state/` endpoints instead.
///
/// ```swift
/// let document = try SandboxStateDirectory.export(stateURL, graph: .seeded())
/// try SandboxStateDirectory.import(document, into: otherStateURL, graph: .seeded())
/// ```
public enum SandboxStateDirectory {
    /// The directory's state as an export document (JSON, compacted). It holds live tokens.
    ///
    /// - Throws: ``SandboxStateError`` when the directory is locked, corrupt or for another graph.
    public static func export(_ directory: URL, graph: SandboxGraph, at now: Date = Date()) throws(SandboxStateError) -> Data {
        let identity = SandboxStateManifest.identity(of: graph)
        let opened = try SandboxStateJournal.load(directory, graph: identity)
        try SandboxStateEvent.validate(opened.events, directory: graph.directory, appKeys: Set(graph.apps.map(\.key)),
                                       file: opened.journal.journalURL.path)
        return SandboxStateExport(graph: identity, events: SandboxStateEvent.compacted(opened.events, at: now)).encoded()
    }

    /// Replaces the directory's state (creating the directory if needed) with an export
    /// document's, all or nothing.
    ///
    /// - Throws: ``SandboxStateError`` naming what is wrong with the document or the directory.
    public static func `import`(_ document: Data, into directory: URL, graph: SandboxGraph,
                                source: String = "the imported document") throws(SandboxStateError) {
        let identity = SandboxStateManifest.identity(of: graph)
        let decoded = try SandboxStateExport.decode(document, source: source, graph: identity)
        try SandboxStateEvent.validate(decoded.events, directory: graph.directory, appKeys: Set(graph.apps.map(\.key)), file: source)
        let opened = try SandboxStateJournal.load(directory, graph: identity)
        try opened.journal.replace(with: decoded.events)
    }

    /// Forgets every change the directory holds (its pagination secret stays).
    ///
    /// - Throws: ``SandboxStateError`` when the directory is locked or for another graph.
    public static func reset(_ directory: URL, graph: SandboxGraph) throws(SandboxStateError) {
        let identity = SandboxStateManifest.identity(of: graph)
        let journal = try SandboxStateJournal.load(directory, graph: identity).journal
        try journal.replace(with: [])
    }
}
