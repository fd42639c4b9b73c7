import Foundation

/// A value behind a lock, for state several tasks touch (progress, captured output).
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    /// The value now.
    var current: Value {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    /// Changes the value under the lock and returns what `body` returns.
    @discardableResult
    func update<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
