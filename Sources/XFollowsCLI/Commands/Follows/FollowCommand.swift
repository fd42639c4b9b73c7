import ArgumentParser

/// `xfollows follow`: follows accounts in bulk within X's caps.
public struct FollowCommand: AsyncParsableCommand {
    /// Help and examples.
    public static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: BulkActionOptions.abstract(.follow),
        discussion: BulkActionOptions.discussion(.follow)
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: BulkActionOptions

    /// Parsed.
    public init() {}

    /// Follows.
    public func run() async throws {
        try await BulkActionCommand.run(.follow, options: options, global: global)
    }
}
