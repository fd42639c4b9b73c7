/// The IDs of the seeded graph's notable accounts, the same on every run.
///
/// ```swift
/// let client = AppOnlyClient(credentials: graph.credentials.appOnlyCredentials,
///                            configuration: ClientConfiguration(serverURL: server.baseURL))
/// let page = try await client.followers(of: SandboxAccounts.tenThousandClub, maxResults: 1000)
/// ```
public enum SandboxAccounts {
    /// @XDevelopers, with more than 100,000 followers and a pinned Tweet.
    public static let xDevelopers = "2244994945"
    /// @tenk_club, with exactly 10,000 followers (ten pages of 1,000).
    public static let tenThousandClub = "1497258931620306945"
    /// @every_field, whose profile fills every user field (`withheld` included) and whose
    /// pinned Tweet fills every Tweet field.
    public static let everyField = "1268998433473576961"
    /// @locked_lucy, a protected account: following her leaves a pending request.
    public static let lockedLucy = "1319345001836576768"
    /// @private_pete, another protected account.
    public static let privatePete = "1402789654321098752"
    /// @quiet_quinn, who follows no one and whom no one follows.
    public static let quietQuinn = "1598765432109876543"
    /// @sandbox_alice, a demo user with credentials (OAuth 1.0a, and OAuth 2.0 tokens with all
    /// scopes and with read scopes only).
    public static let alice = "1354143047324299264"
    /// @sandbox_bob, a demo user with credentials.
    public static let bob = "1397466281205022721"
    /// @sandbox_carol, a demo user with credentials.
    public static let carol = "1425864951039897603"
    /// The demo users, whose credentials the sandbox prints at start.
    public static let demoUsers = [alice, bob, carol]
}
