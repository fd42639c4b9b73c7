import Foundation
import XFollows

extension SandboxServer {
    /// The requests answered so far, oldest first (up to the journal's capacity).
    public func requests() async -> [SandboxRequestRecord] {
        await store.requests()
    }

    /// Forgets the requests answered so far.
    public func clearRequests() async {
        await store.clearRequests()
    }

    /// Whether `source` follows `target` now.
    public func isFollowing(_ source: String, _ target: String) async -> Bool {
        guard let source = NumericID.parse(source), let target = NumericID.parse(target) else { return false }
        return await store.inspect { $0.isFollowing(source, target) }
    }

    /// Whether `source` waits for the protected `target` to approve a follow request.
    public func hasPendingRequest(from source: String, to target: String) async -> Bool {
        guard let source = NumericID.parse(source), let target = NumericID.parse(target) else { return false }
        return await store.inspect { $0.hasPendingRequest(from: source, to: target) }
    }

    /// The IDs of the users `user` follows, most recent first.
    public func followingIDs(of user: String) async -> [String] {
        guard let id = NumericID.parse(user) else { return [] }
        return await store.inspect { $0.allIDs(in: .following, of: id).map(String.init) }
    }

    /// The IDs of the users who follow `user`, most recent first.
    public func followerIDs(of user: String) async -> [String] {
        guard let id = NumericID.parse(user) else { return [] }
        return await store.inspect { $0.allIDs(in: .followers, of: id).map(String.init) }
    }

    /// How many follow relationships and pending requests there are in all.
    public func followTotals() async -> (follows: Int, pendingRequests: Int) {
        await store.inspect { ($0.followCount, $0.pendingRequestCount) }
    }

    /// Approves a pending follow request, as the protected user would in X's app.
    @discardableResult
    public func approveFollowRequest(from source: String, to target: String) async -> Bool {
        guard let source = NumericID.parse(source), let target = NumericID.parse(target) else { return false }
        return await store.approveRequest(from: source, to: target)
    }

    /// The limits enforced now.
    public func limits() async -> SandboxLimits {
        await store.limits
    }

    /// Replaces the limits; windows and caps already counted keep counting.
    public func setLimits(_ limits: SandboxLimits) async {
        await store.setLimits(limits)
    }

    /// How many actions of `operation` count now under its 24-hour cap of `scope` for
    /// `subject` (a user ID, or the consumer key for the App).
    public func dailyActionCount(of operation: OperationDescriptor, scope: LimitScope, subject: String) async -> Int {
        await store.dailyCapCount(operation: operation, scope: scope, subject: subject, at: clock.now())
    }
}

extension SandboxServer {
    /// What each App was billed so far (what `GET /_sandbox/bill` answers).
    public func bill() async -> SandboxBill {
        await store.bill(of: apps, at: clock.now())
    }

    /// Adds credits to an App's balance (what `POST /_sandbox/credits` does).
    public func addCredits(_ amount: USD, toApp id: String) async {
        guard let app = apps.first(where: { $0.id == id }) else { return }
        await store.addCredits(amount, to: app.key)
    }
}

extension SandboxServer {
    /// Makes `source` follow (or stop following) `target` as if it happened on X, with no
    /// credentials, limits or charge (what `POST /_sandbox/follows` does); answers the activity
    /// events it made for the subscriptions that match.
    @discardableResult
    public func scriptFollow(_ source: String, _ target: String, follow: Bool) async -> [ActivityStreamMessage] {
        guard let source = NumericID.parse(source), let target = NumericID.parse(target), source != target,
              await store.setFollowing(source, target, follow)
        else { return [] }
        return await activity.publish(follow ? .follow : .unfollow, source: source, target: target, at: clock.now())
    }
}

extension SandboxServer {
    /// The activity streams open now, across Apps.
    public func openStreams() async -> Int {
        await activity.connections.count
    }
}
