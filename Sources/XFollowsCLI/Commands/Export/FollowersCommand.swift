import ArgumentParser

/// `xfollows followers @name`: everyone who follows the account.
public struct FollowersCommand: AsyncParsableCommand {
    /// Help and examples.
    public static let configuration = CommandConfiguration(
        commandName: "followers",
        abstract: "Export everyone who follows an account, as JSON Lines or CSV.",
        discussion: ExportOptions.discussion(.followers)
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ExportOptions

    /// Parsed.
    public init() {}

    /// Exports.
    public func run() async throws {
        try await ExportCommand.run(.followers, options: options, global: global)
    }
}
