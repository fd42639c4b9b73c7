import Hummingbird
import NIOCore

/// Hummingbird's basic request context plus the request's channel, so an injected fault can
/// reset the connection (``SandboxResponder``).
struct SandboxRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connection the request came on.
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        channel = source.channel
    }
}
