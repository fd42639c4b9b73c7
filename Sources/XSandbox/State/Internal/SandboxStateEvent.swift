import Foundation
import XFollows

/// One change to the sandbox's state, as the journal of `--state DIR` keeps it: one JSON
/// object a line, written before the request that made it is answered, and replayed in order
/// on start over the graph the sandbox serves.
///
/// The seeded (or loaded) graph is not written: only what requests changed since, so a
/// journal is small and names the graph it belongs to in its manifest.
enum SandboxStateEvent: Codable, Sendable, Hashable {
    // MARK: The graph
    /// `source` followed `target`.
    case follow(source: UInt64, target: UInt64)
    /// `source` stopped following `target` (and any pending request was cancelled).
    case unfollow(source: UInt64, target: UInt64)
    /// `source` asked to follow the protected `target`.
    case requestFollow(source: UInt64, target: UInt64)
    /// The protected `target` approved `source`'s request.
    case approve(source: UInt64, target: UInt64)

    // MARK: Limits
    /// A rate-limit window after an admitted request: when it opened and how many it counted.
    case window(operationID: String, scope: LimitScope, subject: String, start: Date, count: Int)
    /// One action counted under a 24-hour cap.
    case capAction(operationID: String, scope: LimitScope, subject: String, at: Date)

    // MARK: The bill
    /// A charge, as its inputs: replaying them charges the same amounts (each resource once
    /// per UTC day).
    case charge(app: String, operationID: String, resourceIDs: [String], ownedRead: Bool, at: Date)
    /// Credits added to an App.
    case credits(app: String, amount: USD)

    // MARK: The authorization server
    /// An OAuth 2.0 grant made when a code was redeemed.
    case grant(id: Int, clientID: String, userID: String, scopes: [String])
    /// Tokens issued for a grant (at redemption or refresh).
    case tokens(grant: Int, accessToken: String, expiresAt: Date, refreshToken: String?)
    /// A refresh token used up by a refresh.
    case refreshUsed(token: String)
    /// A grant revoked with all its tokens.
    case revoke(grant: Int)
    /// The first App's App-only bearer token: a new one, or none after an invalidation.
    case appBearerToken(String?)
}

extension SandboxStateEvent {
    /// The users an event names, which must be in the graph served.
    var userIDs: [UInt64] {
        switch self {
        case .follow(let source, let target), .unfollow(let source, let target),
             .requestFollow(let source, let target), .approve(let source, let target):
            return [source, target]
        case .grant(_, _, let userID, _):
            return UInt64(userID).map { [$0] } ?? [0]
        default:
            return []
        }
    }

    /// The operation an event names, which must be one the sandbox serves.
    var operationID: String? {
        switch self {
        case .window(let operationID, _, _, _, _), .capAction(let operationID, _, _, _),
             .charge(_, let operationID, _, _, _):
            return operationID
        default:
            return nil
        }
    }

    /// The App an event names (by key), which must be one the sandbox serves.
    var appKey: String? {
        switch self {
        case .charge(let app, _, _, _, _), .credits(let app, _): return app
        default: return nil
        }
    }
}
