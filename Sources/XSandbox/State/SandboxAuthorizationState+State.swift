import Foundation

extension SandboxAuthorizationState {
    /// Starts writing grants and tokens to `journal` (after its events were replayed).
    func attach(_ journal: SandboxStateJournal?) {
        stateJournal = journal
    }

    /// Applies replayed (or imported) grants and tokens; other events are the store's.
    func apply(_ events: [SandboxStateEvent]) {
        for event in events {
            switch event {
            case .grant(let id, let clientID, let userID, let scopes):
                grants[id] = Grant(clientID: clientID, userID: userID, scopes: Set(scopes))
                nextGrantID = max(nextGrantID, id + 1)
            case .tokens(let grantID, let accessToken, let expiresAt, let refreshToken):
                guard var grant = grants[grantID] else { continue }
                grant.accessTokens[accessToken] = expiresAt
                grantByAccessToken[accessToken] = grantID
                if let refreshToken {
                    grant.refreshToken = refreshToken
                    grantByRefreshToken[refreshToken] = grantID
                }
                grants[grantID] = grant
            case .refreshUsed(let token):
                grantByRefreshToken[token] = nil
            case .revoke(let grantID):
                guard var grant = grants[grantID] else { continue }
                grant.revoked = true
                if let refresh = grant.refreshToken { grantByRefreshToken[refresh] = nil }
                grants[grantID] = grant
            case .appBearerToken(let token):
                appBearerToken = token
            default:
                continue
            }
        }
    }

    /// Forgets every grant and token issued; the App's bearer token is the graph's again.
    func resetState() {
        grants = [:]
        nextGrantID = 1
        grantByAccessToken = [:]
        grantByRefreshToken = [:]
        appBearerToken = initialAppBearerToken
    }

    /// How many grants live now and how many access tokens are unexpired, for the dashboard.
    func tokenCounts(at now: Date) -> (grants: Int, accessTokens: Int) {
        let live = grants.values.filter { !$0.revoked }
        return (live.count, live.reduce(0) { $0 + $1.accessTokens.values.filter { $0 > now }.count })
    }
}
