import Foundation

extension SandboxServer {
    /// The kept state as an export document (JSON; what `GET /_sandbox/state/export` and
    /// `x-sandbox state export` answer): the graph's changes, grants and tokens, windows, caps
    /// and the bill. It holds live tokens: keep it as you keep credentials. `nil` when the
    /// server keeps no state (``SandboxConfiguration/stateDirectory`` is `nil`).
    ///
    /// - Throws: ``SandboxStateError`` when the journal cannot be read back.
    public func exportState() async throws(SandboxStateError) -> Data? {
        try state.export(at: clock.now())
    }

    /// Replaces the state with an export document's (what `POST /_sandbox/state/import`
    /// does), all or nothing: a document for another graph, or with any record that does not
    /// fit the graph served, changes nothing.
    ///
    /// - Throws: ``SandboxStateError`` naming what is wrong with the document.
    public func importState(_ document: Data) async throws(SandboxStateError) {
        try await state.import(document, source: "the imported document")
    }

    /// Forgets every change since start (what `POST /_sandbox/state/reset` does): follows,
    /// windows, caps, the bill, OAuth 2.0 grants and tokens. The request journal stays.
    ///
    /// - Throws: ``SandboxStateError`` when the journal file cannot be replaced.
    public func resetState() async throws(SandboxStateError) {
        try await state.reset()
    }
}
