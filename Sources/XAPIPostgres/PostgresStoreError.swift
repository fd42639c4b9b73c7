import PostgresNIO

/// A PostgreSQL store could not reach, lock, read or write the database, or was given a bad
/// URL. The message names the database (without its password) and what failed, with
/// PostgreSQL's own message and SQLSTATE, never a token or the values of a row.
public struct PostgresStoreError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }

    /// PostgreSQL's reason for a failure, without the row values an error detail may quote:
    /// `the server said: relation "x" does not exist (SQLSTATE 42P01)`, or the connection error.
    static func reason(of error: any Error) -> String {
        if let transaction = error as? PostgresTransactionError {
            if let underlying = transaction.beginError ?? transaction.commitError ?? transaction.closureError {
                return reason(of: underlying)
            }
            return "the transaction failed"
        }
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let info = error.serverInfo {
            let message = info[.message] ?? "an error"
            let state = info[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return "the server said: \(message)\(state)"
        }
        if let underlying = error.underlying {
            return "\(error.code): \(String(describing: underlying))"
        }
        return "\(error.code)"
    }
}
