import Foundation

/// The sandbox's kept state as a whole: the store's graph, limits and bill, the authorization
/// server's grants and tokens, and the journal they are written to (`--state DIR`; none
/// without it). It replays a journal on start, and exports, imports and resets for the
/// server's API and the `/_sandbox/state/` endpoints.
struct SandboxStateKeeper: Sendable {
    let store: SandboxStore
    let authorization: SandboxAuthorizationState
    let journal: SandboxStateJournal?
    let directory: SandboxDirectory
    let appKeys: Set<String>
    /// ``SandboxStateManifest/identity(of:)`` of the graph served.
    let graph: String

    /// Replays `events` (read from the journal on start), checked first, then compacts the
    /// journal when that shortens it, and starts writing to it.
    func resume(_ events: [SandboxStateEvent], at now: Date) async throws(SandboxStateError) {
        if let journal {
            try SandboxStateEvent.validate(events, directory: directory, appKeys: appKeys, file: journal.journalURL.path)
        }
        await store.apply(events)
        await authorization.apply(events)
        if let journal {
            let compacted = SandboxStateEvent.compacted(events, at: now)
            if compacted.count < events.count { try journal.replace(with: compacted) }
        }
        await store.attach(journal)
        await authorization.attach(journal)
    }

    /// The state as an export document (what `GET /_sandbox/state/export` answers); `nil`
    /// when the sandbox keeps no state.
    func export(at now: Date) throws(SandboxStateError) -> Data? {
        guard let journal else { return nil }
        let document = SandboxStateExport(graph: graph, events: SandboxStateEvent.compacted(try journal.events(), at: now))
        return document.encoded()
    }

    /// Replaces the state with an export document's, all or nothing: the document is checked
    /// whole, then written to the journal atomically, then applied.
    func `import`(_ data: Data, source: String) async throws(SandboxStateError) {
        let document = try SandboxStateExport.decode(data, source: source, graph: graph)
        try SandboxStateEvent.validate(document.events, directory: directory, appKeys: appKeys, file: source)
        try journal?.replace(with: document.events)
        await replace(with: document.events)
    }

    /// Forgets every change since the graph was loaded: follows, windows, caps, the bill,
    /// grants and tokens.
    func reset() async throws(SandboxStateError) {
        try journal?.replace(with: [])
        await replace(with: [])
    }

    /// Returns once every change made so far is on disk (before a request is answered).
    func durable() async {
        await journal?.durable()
    }

    /// Closes the journal when the server stops.
    func close() {
        journal?.close()
    }

    private func replace(with events: [SandboxStateEvent]) async {
        await store.replaceState(with: events)
        await authorization.resetState()
        await authorization.apply(events)
    }
}

/// What `x-sandbox state export` writes and `import` reads: the compacted journal, named by
/// format, version and the graph it belongs to.
struct SandboxStateExport: Codable, Sendable {
    static let formatName = "x-sandbox-state-export"

    var format = Self.formatName
    var version = SandboxStateManifest.currentVersion
    var graph: String
    var events: [SandboxStateEvent]

    init(graph: String, events: [SandboxStateEvent]) {
        self.graph = graph
        self.events = events
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    static func decode(_ data: Data, source: String, graph: String) throws(SandboxStateError) -> SandboxStateExport {
        let document: SandboxStateExport
        do {
            document = try JSONDecoder().decode(SandboxStateExport.self, from: data)
        } catch {
            throw SandboxStateError(file: source, problem: "not an x-sandbox state export: \(SandboxStateCodec.reason(error))")
        }
        guard document.format == formatName, document.version == SandboxStateManifest.currentVersion else {
            throw SandboxStateError(file: source, problem: "the format is \"\(document.format)\" version \(document.version), "
                + "not \"\(formatName)\" version \(SandboxStateManifest.currentVersion)")
        }
        guard document.graph == graph else {
            throw SandboxStateError(file: source, problem: "the state was exported from another graph (\(document.graph)) "
                + "than the one served (\(graph))")
        }
        return document
    }
}
