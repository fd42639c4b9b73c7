import Foundation
import XFollows

/// Builds the seeded graph; see ``SandboxGraph/seeded(seed:)``.
struct SeededGraphBuilder {
    let seed: UInt64

    enum Stream: UInt64 {
        case credentials = 100, featured, followOrder, tenThousandSample, social, demo, shapes, wellKnown, recentTweets
    }

    var mentionable: [String] {
        ["XDevelopers", "tenk_club", "every_field", "sandbox_alice", "sandbox_bob", "sandbox_carol"]
    }

    func build() -> SandboxGraph {
        let credentials = makeCredentials()
        var graph = SandboxGraph(credentials: credentials, app: SandboxApp(
            id: SandboxAccounts.enterpriseAppID, name: "XFollows demo (enterprise)", plan: .enterprise,
            ownerID: SandboxAccounts.alice, credentials: credentials))
        graph.add(SandboxApp(
            id: SandboxAccounts.selfServeAppID, name: "XFollows demo (pay-per-use)", plan: .payPerUse,
            ownerID: SandboxAccounts.bob, credentials: makeSelfServeCredentials()))
        graph.seed = seed
        let population = Population(seed: seed, count: SandboxGraph.seededPopulationCount, mentionable: mentionable)
        graph.setPopulation(population)
        addFeaturedAccounts(to: &graph)
        addShapeAccounts(to: &graph)
        addPopulationFollows(to: &graph, population: population)
        addFeaturedFollows(to: &graph, population: population)
        addWellKnownFollows(to: &graph, population: population)
        return graph
    }

    // MARK: Credentials

    func makeCredentials() -> SandboxCredentials {
        var random = SeededRandom.derived(seed: seed, stream: Stream.credentials.rawValue, index: 0)
        let letters = SeededRandom.alphanumerics
        let consumerKey = random.string(count: 25, from: letters)
        let consumerSecret = random.string(count: 50, from: letters)
        let bearer = String(repeating: "A", count: 22) + random.string(count: 20, from: letters) + "%3D"
            + random.string(count: 50, from: letters)
        var accessTokens: [SandboxCredentials.AccessToken] = []
        var oauth2Tokens: [SandboxCredentials.OAuth2Token] = []
        for user in SandboxAccounts.demoUsers {
            accessTokens.append(SandboxCredentials.AccessToken(
                userID: user,
                accessToken: "\(user)-" + random.string(count: 40, from: letters),
                accessTokenSecret: random.string(count: 45, from: letters)
            ))
            oauth2Tokens.append(SandboxCredentials.OAuth2Token(
                userID: user, accessToken: oauth2Token(using: &random), scopes: SandboxCredentials.allFollowsScopes))
        }
        oauth2Tokens.append(SandboxCredentials.OAuth2Token(
            userID: SandboxAccounts.alice, accessToken: oauth2Token(using: &random),
            scopes: SandboxCredentials.readOnlyScopes))
        // Drawn after everything above, so the older credentials keep their values.
        let clients = [
            SandboxCredentials.OAuth2Client(clientID: oauth2ClientID(using: &random), name: "XFollows demo (public client)"),
            SandboxCredentials.OAuth2Client(clientID: oauth2ClientID(using: &random),
                                            clientSecret: random.string(count: 50, from: SeededRandom.alphanumerics + ["-", "_"]),
                                            name: "XFollows demo (confidential client)"),
        ]
        return SandboxCredentials(consumerKey: consumerKey, consumerSecret: consumerSecret, bearerToken: bearer,
                                  accessTokens: accessTokens, oauth2Tokens: oauth2Tokens,
                                  oauth2Clients: clients, callbackURLs: SandboxCredentials.demoCallbackURLs)
    }

    /// The second App's keys and tokens (a stream of their own, so the first App's keep their
    /// values): an API key and secret, a bearer token, and an OAuth 1.0a and an OAuth 2.0
    /// token (all scopes) for each demo user. Its tokens are the graph's; the authorization
    /// server issues tokens for the first App only.
    func makeSelfServeCredentials() -> SandboxCredentials {
        var random = SeededRandom.derived(seed: seed, stream: Stream.credentials.rawValue, index: 1)
        let letters = SeededRandom.alphanumerics
        let consumerKey = random.string(count: 25, from: letters)
        let consumerSecret = random.string(count: 50, from: letters)
        let bearer = String(repeating: "A", count: 22) + random.string(count: 20, from: letters) + "%3D"
            + random.string(count: 50, from: letters)
        var accessTokens: [SandboxCredentials.AccessToken] = []
        var oauth2Tokens: [SandboxCredentials.OAuth2Token] = []
        for user in SandboxAccounts.demoUsers {
            accessTokens.append(SandboxCredentials.AccessToken(
                userID: user, accessToken: "\(user)-" + random.string(count: 40, from: letters),
                accessTokenSecret: random.string(count: 45, from: letters)))
            oauth2Tokens.append(SandboxCredentials.OAuth2Token(
                userID: user, accessToken: oauth2Token(using: &random), scopes: SandboxCredentials.allFollowsScopes))
        }
        return SandboxCredentials(consumerKey: consumerKey, consumerSecret: consumerSecret, bearerToken: bearer,
                                  accessTokens: accessTokens, oauth2Tokens: oauth2Tokens)
    }

    /// An OAuth 2.0 client ID shaped like X's: base64url of `<random>:1:ci`.
    func oauth2ClientID(using random: inout SeededRandom) -> String {
        let raw = random.string(count: 22, from: SeededRandom.alphanumerics) + ":1:ci"
        return Data(raw.utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    /// An OAuth 2.0 access token shaped like X's: base64 of `<random>:<ms>:1:0:at:1`.
    func oauth2Token(using random: inout SeededRandom) -> String {
        let raw = random.string(count: 43, from: SeededRandom.alphanumerics) + ":1727740800000:1:0:at:1"
        return Data(raw.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }
}
