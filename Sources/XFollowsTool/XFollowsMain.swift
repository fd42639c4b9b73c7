import OpenAPIAsyncHTTPClient
import XFollowsCLI

/// `xfollows`: the command-line tool. Its commands and logic live in XFollowsCLI, where the
/// tests reach them; this starts the root command, with AsyncHTTPClient as the transport
/// `xfollows watch` streams with (Foundation's URLSession delivers a body on Linux only once
/// it ends), so that only the executable waits for AsyncHTTPClient to build.
@main
enum XFollowsMain {
    static func main() async {
        await StreamingTransport.$make.withValue({ AsyncHTTPClientTransport() }) {
            await XFollowsCommand.main(nil)
        }
    }
}
