/// A line of a stream that is not an event: not JSON, not the event type, or longer than the
/// stream allows. It says where it was (which connection, which line, which byte) and what was
/// wrong; by default the stream reports it and goes on (``StreamOptions/malformedLines``).
///
/// ```swift
/// options.onNotice = { notice in
///     if case .malformedLine(let error) = notice { log.warning("\(error)") }
///     // "Line 12 of connection 2 (byte 4,211) is not an event: at data.payload: …"
/// }
/// ```
public struct StreamLineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The connection it arrived on, counting from 1.
    public let connection: Int
    /// The line within that connection, counting from 1 (keep-alive lines included).
    public let line: Int
    /// The offset of the line's first byte within that connection's body.
    public let byteOffset: Int
    /// Where decoding failed (`data.payload.source.data.id`), when the line was JSON.
    public let decodingPath: String?
    /// What was wrong.
    public let reason: String
    /// The line's first 200 characters.
    public let excerpt: String

    /// Creates a line error.
    public init(connection: Int, line: Int, byteOffset: Int, decodingPath: String?, reason: String, excerpt: String) {
        self.connection = connection
        self.line = line
        self.byteOffset = byteOffset
        self.decodingPath = decodingPath
        self.reason = reason
        self.excerpt = excerpt
    }

    /// `Line 12 of connection 2 (byte 4211) is not an event: at data.payload: …`
    public var description: String {
        let path = decodingPath.map { $0.isEmpty ? "" : "at \($0): " } ?? ""
        return "Line \(line) of connection \(connection) (byte \(byteOffset)) is not an event: \(path)\(reason)"
    }
}
