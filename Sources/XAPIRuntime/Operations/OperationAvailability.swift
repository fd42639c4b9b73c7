/// Which of X's plans include an operation, from the spec's `x-availability`; an operation
/// without it is in every plan.
///
/// ```swift
/// let availability = OperationDescriptor.usersIdFollow.availability!
/// availability.plans                          // ["enterprise"]
/// availability.includes(plan: "pay-per-use")  // false
/// availability.note                           // "Since 2026-04-20 following through the API is ..."
/// ```
public struct OperationAvailability: Sendable, Hashable {
    /// The plans that include the operation, by X's names (`enterprise`, `pay-per-use`).
    public let plans: [String]
    /// Since when, as X's changelog dates it (`2026-04-20`), when known.
    public let since: String?
    /// What X says about it, for error messages and documentation.
    public let note: String

    /// Creates an availability.
    public init(plans: [String], since: String? = nil, note: String) {
        self.plans = plans
        self.since = since
        self.note = note
    }

    /// Whether `plan` includes the operation.
    public func includes(plan: String) -> Bool {
        plans.contains(plan)
    }
}
