import ArgumentParser
import XFollows
import XSandbox

/// `--rate-limit OPERATION=REQUESTS/SECONDS`: a window tighter (or looser) than X's for one
/// operation, so a 429 can be met in a few requests; it applies to each scope the operation
/// counts (App and user).
///
/// ```sh
/// x-sandbox --rate-limit usersIdFollowers=15/900   # X's 2023 window on followers lookups
/// ```
struct RateLimitOverride: ExpressibleByArgument, Sendable {
    var operation: OperationDescriptor
    var requests: Int
    var windowSeconds: Int

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, let operation = SandboxLimits.operations.first(where: { $0.id == parts[0] }) else { return nil }
        let numbers = parts[1].split(separator: "/", maxSplits: 1)
        guard numbers.count == 2, let requests = Int(numbers[0]), let window = Int(numbers[1]), requests > 0, window > 0 else {
            return nil
        }
        self.operation = operation
        self.requests = requests
        self.windowSeconds = window
    }

    static var defaultValueDescription: String { "OPERATION=REQUESTS/SECONDS" }

    /// `limits` with this window for its operation.
    func apply(to limits: inout SandboxLimits) {
        let scopes = operation.rateLimits.isEmpty ? [LimitScope.app, .user] : operation.rateLimits.map(\.scope)
        limits.setRateLimits(scopes.map { RateLimitRule(scope: $0, requests: requests, windowSeconds: windowSeconds) },
                             for: operation)
    }
}
