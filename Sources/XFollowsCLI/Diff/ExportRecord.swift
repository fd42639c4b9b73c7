/// One user of an export, as `diff` compares them: by ID, shown by handle.
public struct ExportRecord: Sendable, Hashable {
    /// The numeric user ID.
    public var id: UInt64
    /// The handle, without `@` (empty when the export has none).
    public var username: String

    /// A record.
    public init(id: UInt64, username: String) {
        self.id = id
        self.username = username
    }

    /// `@handle (id)`, or the ID alone.
    public var label: String { username.isEmpty ? String(id) : "@\(username) (\(id))" }
}
