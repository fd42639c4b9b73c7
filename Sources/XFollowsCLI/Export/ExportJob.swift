import Foundation
import XFollows

/// One export: whose list, which fields, which format, where to.
public struct ExportJob: Sendable {
    /// Where the users go.
    public enum Destination: Sendable, Hashable {
        /// Standard output (cannot be resumed).
        case standardOutput
        /// A file, with a checkpoint beside it.
        case file(URL)
    }

    /// Followers or following.
    public var relation: Relation
    /// Whose list.
    public var account: Account
    /// How many users the list holds, when known.
    public var total: Int?
    /// The fields.
    public var selection: FieldSelection
    /// The format.
    public var format: ExportFormat
    /// Users per request (1–1000).
    public var pageSize: Int
    /// Where to.
    public var destination: Destination

    /// A job.
    public init(relation: Relation, account: Account, total: Int?, selection: FieldSelection, format: ExportFormat,
                pageSize: Int, destination: Destination) {
        self.relation = relation
        self.account = account
        self.total = total
        self.selection = selection
        self.format = format
        self.pageSize = pageSize
        self.destination = destination
    }

    /// What the export ended with.
    public struct Result: Sendable, Hashable {
        /// Users in the output.
        public var userCount: Int
        /// Users written by this run.
        public var writtenNow: Int
        /// Pages fetched by this run.
        public var pagesNow: Int
        /// Whether this run continued an earlier one.
        public var resumed: Bool
        /// What this run was charged (the account lookup included).
        public var charged: USD = .zero
        /// Users X charged for in this run (the others were free: read already today).
        public var chargedUsers: Int = 0
    }
}
