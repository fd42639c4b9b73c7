import Foundation
import Testing
@testable import XSandbox

/// The authorization server's memory refuses what it does not hold instead of trapping: a
/// crash there would take the whole sandbox down for every client.
@Suite("Authorization server: its state")
struct SandboxAuthorizationStateTests {
    @Test("Tokens for a grant the state does not hold are refused (the token endpoint answers X's error), never a crash")
    func unknownGrant() async {
        // In a process of its own: before the fix this trapped on a force-unwrapped grant.
        await #expect(processExitsWith: .success) {
            let state = SandboxAuthorizationState(appBearerToken: "AAAA-bearer", tolerance: 300)
            let tokens = await state.issueTokens(for: 42, at: Date(), accessLifetime: 7200)
            if tokens != nil { exit(1) }
        }
    }

    @Test("A revoked grant issues nothing more")
    func revokedGrant() async throws {
        let state = SandboxAuthorizationState(appBearerToken: "AAAA-bearer", tolerance: 300)
        let now = Date()
        let code = await state.issueCode(SandboxAuthorizationState.AuthorizationCode(
            clientID: "client", redirectURI: "http://127.0.0.1/callback", scopes: ["tweet.read", "offline.access"],
            userID: SandboxAccounts.alice, challenge: "verifier-0123456789-0123456789-0123456789-0123",
            challengeMethod: "plain", expiresAt: now.addingTimeInterval(30)), at: now)
        guard case .issued(let tokens) = await state.redeem(
            code, clientID: "client", redirectURI: "http://127.0.0.1/callback",
            verifier: "verifier-0123456789-0123456789-0123456789-0123", at: now, accessLifetime: 7200)
        else {
            Issue.record("the code was not redeemed")
            return
        }
        let refresh = try #require(tokens.refreshToken)
        await state.revoke(tokens.accessToken, clientID: "client")
        #expect(await state.refresh(refresh, clientID: "client", at: now, accessLifetime: 7200) == nil)
        #expect(await state.issueTokens(for: 1, at: now, accessLifetime: 7200) == nil)
    }
}
