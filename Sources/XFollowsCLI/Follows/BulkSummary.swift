import Foundation
import XFollows

/// Where a bulk follow or unfollow stands after a run: what is done (this run and earlier
/// ones of the same list), what failed, what is left, and when the next daily slot frees.
public struct BulkSummary: Sendable, Hashable {
    /// Follow or unfollow.
    public var action: BulkAction
    /// Accounts in the list.
    public var total = 0
    /// Accounts followed (all runs).
    public var followed = 0
    /// Follow requests sent to protected accounts, waiting for approval (all runs).
    public var pending = 0
    /// Accounts unfollowed (all runs).
    public var unfollowed = 0
    /// Accounts X does not know (this run).
    public var notFound = 0
    /// Accounts the server refused (this run).
    public var failed = 0
    /// Accounts whose answer was lost and whose outcome no lookup could confirm (this run).
    public var unconfirmed = 0
    /// Why the run stopped early, if it did: `daily cap`, `rate limit`, `interrupted`.
    public var stoppedBy: String?
    /// When the next daily-cap slot frees, or the rate limit resets.
    public var nextSlotAt: Date?

    /// Accounts done: followed, pending or unfollowed.
    public var done: Int { followed + pending + unfollowed }
    /// Accounts neither done nor failed.
    public var left: Int { max(0, total - done - notFound - failed - unconfirmed) }

    /// The exit status: stopped early with work left (3), some failed (2), or all done (0).
    public var status: ExitStatus {
        if left > 0 { return stoppedBy == "interrupted" ? .interrupted : .stopped }
        return notFound + failed + unconfirmed > 0 ? .partial : .success
    }

    /// "400 done (398 followed, 2 pending), 50 left, next slot at 14:05:09 (2025-01-02T14:05:09.000Z)."
    public func line(now: Date = Date()) -> String {
        var parts: [String] = []
        var details: [String] = []
        if followed > 0 { details.append("\(Formatting.count(followed)) followed") }
        if pending > 0 { details.append("\(Formatting.count(pending)) pending approval") }
        if unfollowed > 0 && action == .follow { details.append("\(Formatting.count(unfollowed)) unfollowed") }
        parts.append("\(Formatting.count(done)) done" + (details.count > 1 || pending > 0 ? " (\(details.joined(separator: ", ")))" : ""))
        if notFound > 0 { parts.append("\(Formatting.count(notFound)) not found") }
        if failed > 0 { parts.append("\(Formatting.count(failed)) failed") }
        if unconfirmed > 0 { parts.append("\(Formatting.count(unconfirmed)) unconfirmed (answer lost; --resume looks them up)") }
        parts.append("\(Formatting.count(left)) left")
        var text = parts.joined(separator: ", ")
        if left > 0, let nextSlotAt {
            text += ", next slot at \(Formatting.time(nextSlotAt, now: now)) (\(XAPIJSON.string(from: nextSlotAt)))"
        }
        if left > 0 {
            let why = stoppedBy.map { "Stopped by the \($0)" } ?? "Stopped"
            text += ". \(why); run the same command with --resume\(nextSlotAt == nil || stoppedBy == "interrupted" ? "" : " then") to go on."
        } else {
            text += "."
        }
        return text
    }

    /// The summary as a JSON object for `--json`.
    struct JSON: Encodable {
        var summary: Body

        struct Body: Encodable {
            var action: BulkAction
            var total, done, followed, pending, unfollowed, notFound, failed, unconfirmed, left: Int
            var stoppedBy: String?
            var nextSlotAt: Date?
            var exitStatus: Int32

            enum CodingKeys: String, CodingKey {
                case action, total, done, followed, pending, unfollowed, failed, unconfirmed, left
                case notFound = "not_found"
                case stoppedBy = "stopped_by"
                case nextSlotAt = "next_slot_at"
                case exitStatus = "exit_status"
            }
        }
    }

    var json: JSON {
        JSON(summary: .init(action: action, total: total, done: done, followed: followed, pending: pending,
                            unfollowed: unfollowed, notFound: notFound, failed: failed, unconfirmed: unconfirmed, left: left, stoppedBy: stoppedBy,
                            nextSlotAt: nextSlotAt, exitStatus: status.rawValue))
    }
}
