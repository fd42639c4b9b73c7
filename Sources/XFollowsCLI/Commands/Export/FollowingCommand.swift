import ArgumentParser

/// `xfollows following @name`: everyone the account follows.
public struct FollowingCommand: AsyncParsableCommand {
    /// Help and examples.
    public static let configuration = CommandConfiguration(
        commandName: "following",
        abstract: "Export everyone an account follows, as JSON Lines or CSV.",
        discussion: ExportOptions.discussion(.following)
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ExportOptions

    /// Parsed.
    public init() {}

    /// Exports.
    public func run() async throws {
        try await ExportCommand.run(.following, options: options, global: global)
    }
}
