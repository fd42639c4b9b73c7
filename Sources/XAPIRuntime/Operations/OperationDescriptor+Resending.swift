extension OperationDescriptor {
    /// Whether an attempt that failed without a clear answer (a transport error, a 5xx, a 2xx
    /// whose body was cut off) may simply be sent again: an idempotent read (GET, HEAD), or an
    /// idempotent operation that X neither charges per request nor counts under a daily cap.
    ///
    /// A follow or an unfollow is idempotent on X (repeating it changes nothing more), but each
    /// request is charged and counted under the daily cap even when it changes nothing, so one
    /// whose answer was lost is never resent blindly: the client throws
    /// ``XAPIError/Code/outcomeUnknown`` and the caller looks up what happened. This is the
    /// one place the rule lives.
    ///
    /// ```swift
    /// OperationDescriptor.usersIdFollowers.isResendable   // true: a read
    /// OperationDescriptor.usersIdFollow.isResendable      // false: charged and capped per request
    /// ```
    public var isResendable: Bool {
        guard isIdempotent else { return false }
        if method == .get || method == .head { return true }
        if !dailyCaps.isEmpty { return false }
        if let pricing, case .request = pricing.unit { return false }
        return true
    }
}
