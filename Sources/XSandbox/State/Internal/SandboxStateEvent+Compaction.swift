import Foundation
import XFollows

extension SandboxStateEvent {
    /// The shortest journal that replays to the same state as `events` at `now`: a follow
    /// pair's history from its last follow or unfollow on, each window's last count, the cap
    /// actions of the last 24 hours, every charge and credit (the bill lists them all), the
    /// live OAuth 2.0 grants and their tokens that still work, and the last App-only token.
    /// The order of what is kept does not change (the lists are newest first).
    static func compacted(_ events: [SandboxStateEvent], at now: Date) -> [SandboxStateEvent] {
        struct Pair: Hashable { var source: UInt64, target: UInt64 }
        struct WindowKey: Hashable { var operationID: String, scope: String, subject: String }
        var lastSettled: [Pair: Int] = [:]
        var lastWindow: [WindowKey: Int] = [:]
        var lastBearer: Int?
        var revoked: Set<Int> = []
        var usedRefreshTokens: Set<String> = []
        for (index, event) in events.enumerated() {
            switch event {
            case .follow(let source, let target), .unfollow(let source, let target):
                lastSettled[Pair(source: source, target: target)] = index
            case .window(let operationID, let scope, let subject, _, _):
                lastWindow[WindowKey(operationID: operationID, scope: scope.rawValue, subject: subject)] = index
            case .appBearerToken:
                lastBearer = index
            case .revoke(let grant):
                revoked.insert(grant)
            case .refreshUsed(let token):
                usedRefreshTokens.insert(token)
            default:
                break
            }
        }
        var keptRefreshTokens: Set<String> = []
        var kept: [SandboxStateEvent] = []
        for (index, event) in events.enumerated() {
            let keep: Bool
            switch event {
            case .follow(let source, let target), .unfollow(let source, let target),
                 .requestFollow(let source, let target), .approve(let source, let target):
                keep = index >= lastSettled[Pair(source: source, target: target), default: 0]
            case .window(let operationID, let scope, let subject, _, _):
                keep = lastWindow[WindowKey(operationID: operationID, scope: scope.rawValue, subject: subject)] == index
            case .capAction(_, _, _, let at):
                keep = now.timeIntervalSince(at) < TimeInterval(DailyCapRule.windowSeconds)
            case .charge, .credits:
                keep = true
            case .grant(let id, _, _, _):
                keep = !revoked.contains(id)
            case .tokens(let grant, _, let expiresAt, let refreshToken):
                let refreshLives = refreshToken.map { !usedRefreshTokens.contains($0) } ?? false
                keep = !revoked.contains(grant) && (expiresAt > now || refreshLives)
                if keep, let refreshToken { keptRefreshTokens.insert(refreshToken) }
            case .refreshUsed(let token):
                keep = keptRefreshTokens.contains(token)
            case .revoke:
                keep = false
            case .appBearerToken:
                keep = index == lastBearer
            }
            if keep { kept.append(event) }
        }
        return kept
    }
}
