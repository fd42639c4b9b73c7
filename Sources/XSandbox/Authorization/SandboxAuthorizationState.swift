import Foundation
import XFollows

/// The authorization server's memory: OAuth 2.0 codes and grants (access and refresh
/// tokens), OAuth 1.0a request tokens, the App's current bearer token and the nonces of
/// signed token requests. One actor, so a code is redeemed or a refresh token rotated by one
/// request only.
actor SandboxAuthorizationState {
    /// A code waiting to be exchanged.
    struct AuthorizationCode: Sendable {
        var clientID: String
        var redirectURI: String
        var scopes: Set<String>
        var userID: String
        var challenge: String
        var challengeMethod: String
        var expiresAt: Date
        /// Set once redeemed (successfully or not): the grant it produced, if any.
        var redeemed: Bool = false
        var grantID: Int?
    }

    /// What one user's authorization of one client granted, across refreshes.
    struct Grant: Sendable {
        var clientID: String
        var userID: String
        var scopes: Set<String>
        var revoked = false
        var refreshToken: String?
        /// Every access token issued, with its expiry.
        var accessTokens: [String: Date] = [:]
    }

    /// The tokens a grant issued.
    struct IssuedTokens: Sendable {
        var accessToken: String
        var refreshToken: String?
        var scopes: Set<String>
    }

    /// An OAuth 1.0a request token and what became of it.
    struct RequestToken: Sendable {
        var secret: String
        /// The callback URL, or `oob`.
        var callback: String
        var expiresAt: Date
        var verifier: String?
        var userID: String?
        var used = false
    }

    private var codes: [String: AuthorizationCode] = [:]
    // The grants and tokens `--state DIR` keeps (SandboxAuthorizationState+State.swift).
    var grants: [Int: Grant] = [:]
    var nextGrantID = 1
    var grantByAccessToken: [String: Int] = [:]
    var grantByRefreshToken: [String: Int] = [:]
    private var requestTokens: [String: RequestToken] = [:]
    var appBearerToken: String?
    private var nonces: NonceRegistry
    /// The App's bearer token at start, which a reset restores.
    let initialAppBearerToken: String
    /// Where grants and tokens are written before they are answered; `nil` without `--state`.
    var stateJournal: SandboxStateJournal?

    init(appBearerToken: String, tolerance: TimeInterval) {
        self.appBearerToken = appBearerToken
        self.initialAppBearerToken = appBearerToken
        self.nonces = NonceRegistry(tolerance: tolerance)
    }

    // MARK: OAuth 2.0

    func issueCode(_ code: AuthorizationCode, at now: Date) -> String {
        pruneCodes(at: now)
        let value = TokenShapes.oauth2(kind: "ac")
        codes[value] = code
        return value
    }

    enum Redemption: Sendable {
        case issued(IssuedTokens)
        case invalidCode
        case redirectMismatch
    }

    /// Redeems a code once: any attempt uses it up, and a second attempt also revokes what
    /// the first one granted (RFC 6749, 4.1.2).
    func redeem(
        _ value: String, clientID: String, redirectURI: String, verifier: String,
        at now: Date, accessLifetime: TimeInterval
    ) -> Redemption {
        pruneCodes(at: now)
        guard var code = codes[value], code.clientID == clientID else { return .invalidCode }
        if code.redeemed {
            if let grantID = code.grantID { revokeGrant(grantID) }
            return .invalidCode
        }
        code.redeemed = true
        codes[value] = code
        guard code.expiresAt > now else { return .invalidCode }
        guard code.redirectURI == redirectURI else { return .redirectMismatch }
        guard PKCEVerification.matches(verifier: verifier, challenge: code.challenge, method: code.challengeMethod) else {
            return .invalidCode
        }
        let grantID = nextGrantID
        nextGrantID += 1
        code.grantID = grantID
        codes[value] = code
        grants[grantID] = Grant(clientID: code.clientID, userID: code.userID, scopes: code.scopes)
        stateJournal?.append([.grant(id: grantID, clientID: code.clientID, userID: code.userID, scopes: code.scopes.sorted())])
        guard let tokens = issueTokens(for: grantID, at: now, accessLifetime: accessLifetime) else { return .invalidCode }
        return .issued(tokens)
    }

    /// Exchanges a refresh token: a new access token and a new refresh token; the old refresh
    /// token dies. `nil` for a token that is unknown, rotated away, revoked or another
    /// client's.
    func refresh(_ refreshToken: String, clientID: String, at now: Date, accessLifetime: TimeInterval) -> IssuedTokens? {
        guard let grantID = grantByRefreshToken[refreshToken], let grant = grants[grantID],
              !grant.revoked, grant.clientID == clientID
        else { return nil }
        grantByRefreshToken[refreshToken] = nil
        stateJournal?.append([.refreshUsed(token: refreshToken)])
        return issueTokens(for: grantID, at: now, accessLifetime: accessLifetime)
    }

    /// Revokes the grant a token (access or refresh) of `clientID` belongs to: all its tokens
    /// die. Unknown tokens and other clients' tokens change nothing (RFC 7009, 2.2).
    func revoke(_ token: String, clientID: String) {
        guard let grantID = grantByAccessToken[token] ?? grantByRefreshToken[token],
              grants[grantID]?.clientID == clientID
        else { return }
        revokeGrant(grantID)
    }

    /// The user and scopes of a live, unexpired access token.
    func principal(forAccessToken token: String, at now: Date) -> (userID: String, scopes: Set<String>)? {
        guard let grantID = grantByAccessToken[token], let grant = grants[grantID], !grant.revoked,
              let expiry = grant.accessTokens[token], expiry > now
        else { return nil }
        return (grant.userID, grant.scopes)
    }

    /// Issues an access token, and with `offline.access` a new refresh token, for a live grant;
    /// `nil` for a grant this state does not hold or that was revoked, which the token endpoint
    /// answers with X's error rather than a crash.
    func issueTokens(for grantID: Int, at now: Date, accessLifetime: TimeInterval) -> IssuedTokens? {
        pruneAccessTokens(at: now)
        guard var grant = grants[grantID], !grant.revoked else { return nil }
        let access = TokenShapes.oauth2(kind: "at")
        grant.accessTokens[access] = now.addingTimeInterval(accessLifetime)
        grantByAccessToken[access] = grantID
        var refresh: String?
        if grant.scopes.contains(OAuth2Scope.offlineAccess.rawValue) {
            let value = TokenShapes.oauth2(kind: "rt")
            grant.refreshToken = value
            grantByRefreshToken[value] = grantID
            refresh = value
        }
        grants[grantID] = grant
        stateJournal?.append([.tokens(grant: grantID, accessToken: access, expiresAt: now.addingTimeInterval(accessLifetime),
                                 refreshToken: refresh)])
        return IssuedTokens(accessToken: access, refreshToken: refresh, scopes: grant.scopes)
    }

    private func revokeGrant(_ grantID: Int) {
        guard var grant = grants[grantID] else { return }
        stateJournal?.append([.revoke(grant: grantID)])
        grant.revoked = true
        if let refresh = grant.refreshToken { grantByRefreshToken[refresh] = nil }
        grants[grantID] = grant
    }

    /// Forgets expired access tokens once there are many (a long-running sandbox).
    private func pruneAccessTokens(at now: Date) {
        guard grantByAccessToken.count > 100_000 else { return }
        for (token, grantID) in grantByAccessToken where (grants[grantID]?.accessTokens[token] ?? now) <= now {
            grantByAccessToken[token] = nil
            grants[grantID]?.accessTokens[token] = nil
        }
    }

    private func pruneCodes(at now: Date) {
        guard codes.count > 10_000 else { return }
        codes = codes.filter { $0.value.expiresAt.addingTimeInterval(3600) > now }
    }

    // MARK: OAuth 1.0a

    func issueRequestToken(callback: String, at now: Date, lifetime: TimeInterval) -> (token: String, secret: String) {
        if requestTokens.count > 10_000 { requestTokens = requestTokens.filter { $0.value.expiresAt > now } }
        let token = TokenShapes.random(27)
        let secret = TokenShapes.random(32)
        requestTokens[token] = RequestToken(secret: secret, callback: callback, expiresAt: now.addingTimeInterval(lifetime))
        return (token, secret)
    }

    /// A request token that can still be authorized or exchanged.
    func requestToken(_ token: String, at now: Date) -> RequestToken? {
        guard let entry = requestTokens[token], !entry.used, entry.expiresAt > now else { return nil }
        return entry
    }

    /// Records the user's decision: a verifier (a 7-digit PIN for `oob`) when approved; the
    /// token is used up when denied.
    func decide(_ token: String, userID: String?, at now: Date) -> RequestToken? {
        guard var entry = requestToken(token, at: now), entry.verifier == nil else { return nil }
        if let userID {
            entry.userID = userID
            entry.verifier = entry.callback == "oob" ? TokenShapes.pin() : TokenShapes.random(32)
        } else {
            entry.used = true
        }
        requestTokens[token] = entry
        return entry
    }

    /// Uses up an authorized request token whose verifier matches; the user it was authorized
    /// for, or why not.
    func redeemRequestToken(_ token: String, verifier: String, at now: Date) -> Result<String, RequestTokenRefusal> {
        guard var entry = requestToken(token, at: now) else { return .failure(.invalidToken) }
        guard let expected = entry.verifier, let userID = entry.userID, ConstantTime.equals(expected, verifier) else {
            return .failure(.invalidVerifier)
        }
        entry.used = true
        requestTokens[token] = entry
        return .success(userID)
    }

    enum RequestTokenRefusal: Error, Sendable {
        case invalidToken
        case invalidVerifier
    }

    /// Records a signed token request's nonce; `false` when it was seen before.
    func registerNonce(_ nonce: String, consumerKey: String, token: String?, at now: Date) -> Bool {
        nonces.register(nonce, consumerKey: consumerKey, token: token, at: now)
    }

    // MARK: App-only

    /// The App's bearer token, issued anew when the last one was invalidated.
    func currentAppBearerToken() -> String {
        if let appBearerToken { return appBearerToken }
        let token = TokenShapes.bearer()
        appBearerToken = token
        stateJournal?.append([.appBearerToken(token)])
        return token
    }

    /// Invalidates the App's bearer token when `token` is it.
    func invalidateAppBearerToken(_ token: String) -> Bool {
        guard let current = appBearerToken, ConstantTime.equals(current, token) else { return false }
        appBearerToken = nil
        stateJournal?.append([.appBearerToken(nil)])
        return true
    }
}
