import XFollows
import XFollowsServer

/// The limits a sandbox enforces: per operation, 15-minute-style request windows
/// (`RateLimitRule`) and rolling 24-hour action caps (`DailyCapRule`).
///
/// ``documented`` applies what the spec documents (`OperationDescriptor.rateLimits` and
/// `OperationDescriptor.dailyCaps`); tests shrink windows or caps so they run in seconds:
///
/// ```swift
/// var limits = SandboxLimits.documented
/// limits.setRateLimits([RateLimitRule(scope: .user, requests: 2, windowSeconds: 60)], for: .usersIdFollowers)
/// limits.setDailyCaps([DailyCapRule(scope: .user, limit: 3)], for: .usersIdFollow)
/// let unlimited = SandboxLimits.unlimited   // what `x-sandbox --no-limits` uses
/// ```
public struct SandboxLimits: Sendable, Hashable {
    /// Whether limits apply at all; when `false` nothing is refused and no limit headers are sent.
    public var isEnabled: Bool
    /// The request windows by operation ID.
    public var rateLimits: [String: [RateLimitRule]]
    /// The 24-hour caps by operation ID.
    public var dailyCaps: [String: [DailyCapRule]]

    /// Creates limits from explicit rules.
    public init(isEnabled: Bool = true, rateLimits: [String: [RateLimitRule]] = [:], dailyCaps: [String: [DailyCapRule]] = [:]) {
        self.isEnabled = isEnabled
        self.rateLimits = rateLimits
        self.dailyCaps = dailyCaps
    }

    /// The operations the sandbox serves: every operation of the spec.
    public static let operations: [OperationDescriptor] = ServerOperations.router.operations

    /// The limits the spec documents for every operation.
    public static let documented = SandboxLimits(
        rateLimits: Dictionary(uniqueKeysWithValues: operations.map { ($0.id, $0.rateLimits) }),
        dailyCaps: Dictionary(uniqueKeysWithValues: operations.map { ($0.id, $0.dailyCaps) })
    )

    /// No limits: nothing is refused, no limit headers are sent.
    public static let unlimited = SandboxLimits(isEnabled: false)

    /// The windows of an operation (none when disabled).
    public func rateLimits(for operation: OperationDescriptor) -> [RateLimitRule] {
        isEnabled ? rateLimits[operation.id] ?? [] : []
    }

    /// The caps of an operation (none when disabled).
    public func dailyCaps(for operation: OperationDescriptor) -> [DailyCapRule] {
        isEnabled ? dailyCaps[operation.id] ?? [] : []
    }

    /// Replaces the windows of an operation.
    public mutating func setRateLimits(_ rules: [RateLimitRule], for operation: OperationDescriptor) {
        rateLimits[operation.id] = rules
    }

    /// Replaces the caps of an operation.
    public mutating func setDailyCaps(_ rules: [DailyCapRule], for operation: OperationDescriptor) {
        dailyCaps[operation.id] = rules
    }
}
