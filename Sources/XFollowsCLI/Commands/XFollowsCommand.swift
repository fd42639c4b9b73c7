import ArgumentParser

/// `xfollows`: the follows jobs people do without writing code.
public struct XFollowsCommand: AsyncParsableCommand {
    /// The root command and its subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "xfollows",
        abstract: "Export followers and following, follow and unfollow in bulk within X's daily caps, compare exports, and watch follows as they happen.",
        discussion: """
            Works against X (https://api.x.com) or a local x-sandbox (--server http://127.0.0.1:8080, \
            or XFOLLOWS_SERVER). Every request goes through the generated XFollows client.

            Examples:
              xfollows login --server http://127.0.0.1:8080
              xfollows followers @XDevelopers --output followers.csv
              xfollows followers @XDevelopers --output followers.csv --resume
              xfollows follow --file accounts.txt
              xfollows diff last-week.csv today.csv
              xfollows watch @XDevelopers
              xfollows usage

            Credentials: `xfollows login` stores them per profile (--profile) in a file only you can read:
            $XDG_CONFIG_HOME/xfollows/credentials.json (~/.config/xfollows) on Linux, \
            ~/Library/Application Support/xfollows on macOS, or $XFOLLOWS_CONFIG_DIR. Scripts may set \
            BEARER_TOKEN (App-only), or API_KEY, API_SECRET, ACCESS_TOKEN and ACCESS_TOKEN_SECRET (OAuth 1.0a), \
            as X's samples name them; they are used unless --profile is given.

            X charges per user read and per follow. Before spending, xfollows says what a run can cost and, on \
            a terminal, asks above $1.00; --max-cost caps a run, --yes is for scripts, `xfollows usage` shows \
            what this machine spent today.

            Exit status:
            \(ExitStatus.helpText)
            """,
        version: "1.0.0",
        subcommands: [
            LoginCommand.self, LogoutCommand.self, WhoamiCommand.self,
            FollowersCommand.self, FollowingCommand.self,
            FollowCommand.self, UnfollowCommand.self,
            DiffCommand.self, WatchCommand.self, UsageCommand.self,
        ]
    )

    /// The root command (it only shows help).
    public init() {}
}
