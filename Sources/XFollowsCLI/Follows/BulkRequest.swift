/// A bulk follow or unfollow as the command line asked for it.
public struct BulkRequest: Sendable {
    /// Follow or unfollow.
    public var action: BulkAction
    /// The accounts, in order, without repeats.
    public var targets: [FollowTarget]
    /// Show what would happen; send nothing that changes anything.
    public var dryRun = false
    /// Continue an earlier run of the same list.
    public var resume = false
    /// Forget an earlier run of the same list and start again.
    public var restart = false
    /// One JSON object per line instead of text.
    public var json = false

    /// A request.
    public init(action: BulkAction, targets: [FollowTarget], dryRun: Bool = false, resume: Bool = false,
                restart: Bool = false, json: Bool = false) {
        self.action = action
        self.targets = targets
        self.dryRun = dryRun
        self.resume = resume
        self.restart = restart
        self.json = json
    }
}
