/// The IDs of the seeded graph's notable accounts, the same on every run.
///
/// ```swift
/// let client = AppOnlyClient(credentials: graph.credentials.appOnlyCredentials,
///                            configuration: ClientConfiguration(serverURL: server.baseURL))
/// let page = try await client.followers(of: SandboxAccounts.tenThousandClub, maxResults: 1000)
/// ```
public enum SandboxAccounts {
    /// @XDevelopers, with 100,003 followers, a pinned Tweet, and following accounts of every
    /// shape (``shapes``).
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
    /// @crypto_giveaway, a suspended spam account: it follows @XDevelopers, @tenk_club,
    /// @every_field and @sandbox_alice, and @XDevelopers follows it, all hidden
    /// (``SandboxGraph/suspend(_:)``); a lookup of it answers X's "User has been suspended".
    public static let suspendedSpammer = "1189374826152837120"
    /// @banned_troll, another suspended account.
    public static let suspendedTroll = "1290847361524387840"
    /// @withheld_wendy, withheld in seven countries.
    public static let withheldWendy = "1273849506172839936"
    /// @bare_minimum, with no field but `id`, `name` and `username`.
    public static let bareMinimum = "1336754219876543488"
    /// @long_bio_lena, whose description is at X's 160-character limit, in several scripts,
    /// with emoji before its entities.
    public static let longBio = "1249871236547896320"
    /// @yamada_taro, named and described in Japanese.
    public static let yamadaTaro = "1312456789012345344"
    /// @maryam_ali, named and described in Arabic (right to left), with an Arabic hashtag.
    public static let maryamAli = "1265439871209384448"
    /// @emoji_family, whose name and description mix text with emoji sequences (ZWJ, flags,
    /// skin tones).
    public static let emojiFamily = "1323456098712345600"
    /// The accounts that show one shape each, in the order @XDevelopers follows them.
    public static let shapes = [withheldWendy, bareMinimum, longBio, yamadaTaro, maryamAli, emojiFamily]
    /// The suspended accounts.
    public static let suspended = [suspendedSpammer, suspendedTroll]
    /// @sandbox_alice, a demo user with credentials (OAuth 1.0a, and OAuth 2.0 tokens with all
    /// scopes and with read scopes only).
    public static let alice = "1354143047324299264"
    /// @sandbox_bob, a demo user with credentials.
    public static let bob = "1397466281205022721"
    /// @sandbox_carol, a demo user with credentials.
    public static let carol = "1425864951039897603"
    /// The demo users, whose credentials the sandbox prints at start.
    public static let demoUsers = [alice, bob, carol]
    /// The ID of the seeded graph's first App: `enterprise`, owned by @sandbox_alice.
    public static let enterpriseAppID = "29012345"
    /// The ID of the seeded graph's second App: `pay-per-use`, owned by @sandbox_bob; follow
    /// answers X's `client-forbidden` there.
    public static let selfServeAppID = "29012346"
}
