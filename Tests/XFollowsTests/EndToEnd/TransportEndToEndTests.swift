import Foundation
#if XAPI_ASYNC_HTTP_CLIENT
import OpenAPIAsyncHTTPClient
#endif
import OpenAPIURLSession
import Testing
import XFollows
import XSandbox

/// The end-to-end suites run over URLSession's transport, and again over AsyncHTTPClient's
/// with `XAPI_TEST_TRANSPORT=asynchttpclient`: this says the switch took.
@Suite("End to end: the transport the suites send over", .timeLimit(.minutes(3)))
struct TransportEndToEndTests {
    @Test("Clients of the end-to-end suites send over the transport XAPI_TEST_TRANSPORT names, and AsyncHTTPClient's shuts down")
    func transportFollowsTheEnvironment() async throws {
        try await withSandbox { server in
            let transport = server.clientConfiguration().transport
            switch TestTransport.current {
            case .urlSession:
                #expect(transport is URLSessionTransport && !TestTransport.isInsideAsyncHTTPClientScope)
            case .asyncHTTPClient:
                #if XAPI_ASYNC_HTTP_CLIENT
                #expect(transport is AsyncHTTPClientTransport && TestTransport.isInsideAsyncHTTPClientScope)
                #endif
            }
            let page = try await server.appClient().followers(of: SandboxAccounts.tenThousandClub, maxResults: 5)
            #expect(page.body.data?.count == 5)
        }
        #expect(!TestTransport.isInsideAsyncHTTPClientScope)
    }
}
