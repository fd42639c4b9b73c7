import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An HTTP/1.1 server on 127.0.0.1 for one request, whose response body comes in two chunks
/// (`Transfer-Encoding: chunked`): the first at once, the rest only when the test calls
/// ``sendRest()`` — or after `patience`, recorded, so a transport that waits for the whole
/// body before answering fails the test instead of hanging it.
final class ChunkedServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let release = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var gaveUp = false

    /// Whether the rest went out because the test never asked for it.
    var sentRestUnasked: Bool { lock.withLock { gaveUp } }

    init(first: String, rest: String, patience: TimeInterval = 30) throws {
        #if canImport(Glibc)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(listener, generic, length) == 0 && listen(listener, 4) == 0 && getsockname(listener, generic, &length) == 0
            }
        }
        guard listener >= 0, bound else { throw CocoaError(.fileWriteUnknown) }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            defer { close(connection) }
            var request = Data()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !request.contains("\r\n\r\n".data(using: .utf8)!) {
                let count = read(connection, &buffer, buffer.count)
                guard count > 0 else { return }
                request.append(contentsOf: buffer[0..<count])
            }
            Self.write(connection, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n" + Self.chunk(first))
            if release.wait(timeout: .now() + patience) == .timedOut { lock.withLock { gaveUp = true } }
            Self.write(connection, Self.chunk(rest) + "0\r\n\r\n")
        }.start()
    }

    deinit {
        close(listener)
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Lets the rest of the body go.
    func sendRest() {
        release.signal()
    }

    private static func chunk(_ text: String) -> String {
        String(text.utf8.count, radix: 16) + "\r\n" + text + "\r\n"
    }

    private static func write(_ connection: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(connection, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            offset += written
        }
    }
}
