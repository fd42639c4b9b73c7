import OpenAPIRuntime

/// The transport `xfollows watch` reads the activity stream with, which the `xfollows`
/// executable provides: AsyncHTTPClient's, since Foundation's URLSession delivers a body on
/// Linux only once it ends, and a stream never ends.
///
/// The executable sets it for the whole run, so this library, and the tests that reach it,
/// build without AsyncHTTPClient:
///
/// ```swift
/// await StreamingTransport.$make.withValue({ AsyncHTTPClientTransport() }) {
///     await XFollowsCommand.main(nil)
/// }
/// ```
///
/// Unset, `watch` uses the runtime's default transport, whose `stream(_:)` refuses
/// URLSession on Linux with an error that says to use AsyncHTTPClient. A command context's
/// own ``CommandContext/transport`` (the tests') wins over both.
public enum StreamingTransport {
    /// Makes the streaming transport, or `nil` for the runtime's default.
    @TaskLocal public static var make: (@Sendable () -> any ClientTransport)?
}
