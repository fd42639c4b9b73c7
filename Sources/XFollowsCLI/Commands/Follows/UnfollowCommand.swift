import ArgumentParser

/// `xfollows unfollow`: unfollows accounts in bulk, resumably.
public struct UnfollowCommand: AsyncParsableCommand {
    /// Help and examples.
    public static let configuration = CommandConfiguration(
        commandName: "unfollow",
        abstract: BulkActionOptions.abstract(.unfollow),
        discussion: BulkActionOptions.discussion(.unfollow)
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: BulkActionOptions

    /// Parsed.
    public init() {}

    /// Unfollows.
    public func run() async throws {
        try await BulkActionCommand.run(.unfollow, options: options, global: global)
    }
}
