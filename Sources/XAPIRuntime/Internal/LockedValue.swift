import Foundation

/// A `Sendable` value behind a lock, readable and changeable synchronously from any thread:
/// what an actor publishes so that synchronous properties (a credential's `userID`, its
/// `description`) can read it, a cache several tasks share, a progress line's counts.
///
/// The package's one lock box: the runtime cannot depend on swift-nio (whose
/// `NIOLockedValueBox` this mirrors) and the platforms it supports predate `Mutex`, so the
/// other modules of the package use this one (`package` access) instead of writing their own.
///
/// ```swift
/// let count = LockedValue(0)
/// count.update { $0 += 1 }
/// count.current   // 1
/// ```
package final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// A box holding `value`.
    package init(_ value: Value) {
        self.value = value
    }

    /// The value now.
    package var current: Value {
        lock.withLock { value }
    }

    /// Replaces the value.
    package func set(_ newValue: Value) {
        lock.withLock { value = newValue }
    }

    /// Changes the value under the lock and returns what `body` returns.
    @discardableResult
    package func update<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try lock.withLock { try body(&value) }
    }
}
