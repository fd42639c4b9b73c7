import NIOHTTP1
import XFollows

/// Why the HTTP layer refuses a request before (or instead of) the API answering it, and the
/// problem document it answers with. Every refusal that reaches the client goes through
/// ``problem``, whether the connection handlers write it or ``SandboxResponder`` does.
///
/// ```swift
/// HTTPRefusal(HTTPParserError.invalidURL, inBody: false, headerLimit: 16_384).status   // 400
/// HTTPRefusal.urlTooLong(limit: 8192).problem.detail             // "The request target is longer than 8192 bytes."
/// ```
enum HTTPRefusal: Error, Sendable, Hashable {
    /// 400: the bytes are not an HTTP/1.1 request; the text says what is wrong.
    case malformed(String)
    /// 408: the header fields, or the body, did not arrive in time.
    case timedOut(RequestPart, after: Duration)
    /// 413: the body is longer than the limit.
    case bodyTooLarge(limit: Int)
    /// 414: the request target is longer than the limit.
    case urlTooLong(limit: Int)
    /// 431: the header fields take more than the limit, or are too many.
    case headerTooLarge(limit: Int)
    /// 505: an HTTP version other than 1.x.
    case versionNotSupported

    /// The part of a request a timeout interrupted.
    enum RequestPart: Sendable, Hashable {
        case header
        case body
    }

    /// The refusal for an error of NIO's HTTP/1.1 parser (llhttp), met in a request's head or
    /// (`inBody`) in its body; `headerLimit` is the configured cap a `headerOverflow` reports.
    ///
    /// NIO maps a few llhttp errors to `.unknown`: in a head that is an invalid
    /// `Transfer-Encoding` (or one sent with `Content-Length`), in a body a chunk not followed
    /// by CRLF.
    init(_ error: HTTPParserError, inBody: Bool, headerLimit: Int) {
        switch error {
        case .headerOverflow:
            self = .headerTooLarge(limit: headerLimit)
        case .invalidVersion:
            self = .versionNotSupported
        case .unexpectedContentLength:
            self = .malformed("A request may not have both Content-Length and Transfer-Encoding.")
        case .invalidContentLength:
            self = .malformed("The Content-Length header is not a valid length, or comes with a Transfer-Encoding.")
        case .invalidChunkSize:
            self = .malformed("The chunked body has an invalid chunk size.")
        case .invalidURL:
            self = .malformed("The request target contains a character that is not allowed in a URL.")
        case .invalidMethod:
            self = .malformed("The request method is not a known HTTP method.")
        case .invalidHeaderToken:
            self = .malformed("A header field contains a character that is not allowed (such as a bare CR or a NUL).")
        case .lfExpected:
            self = .malformed("A line is not terminated by CRLF (a bare CR, or a line break where none may be).")
        case .invalidCharactersUsed, .invalidConstant:
            self = .malformed("The request contains a character that is not allowed where it stands.")
        case .invalidEOFState, .closedConnection:
            self = .malformed("The connection ended in the middle of the request.")
        case .unknown where inBody:
            self = .malformed("The chunked body is malformed: a chunk is not followed by CRLF.")
        case .unknown:
            self = .malformed("The Transfer-Encoding header is invalid, or comes with a Content-Length.")
        default:
            self = .malformed("The request is not valid HTTP/1.1 (\(error)).")
        }
    }

    /// The HTTP status.
    var status: Int {
        switch self {
        case .malformed: 400
        case .timedOut: 408
        case .bodyTooLarge: 413
        case .urlTooLong: 414
        case .headerTooLarge: 431
        case .versionNotSupported: 505
        }
    }

    /// The problem document, in the shape of X's `about:blank` problems.
    var problem: Problem {
        Problem(type: "about:blank", title: title, detail: detail, status: status)
    }

    private var title: String {
        switch self {
        case .malformed: "Bad Request"
        case .timedOut: "Request Timeout"
        case .bodyTooLarge: "Content Too Large"
        case .urlTooLong: "URI Too Long"
        case .headerTooLarge: "Request Header Fields Too Large"
        case .versionNotSupported: "HTTP Version Not Supported"
        }
    }

    private var detail: String {
        switch self {
        case .malformed(let reason):
            return reason
        case .timedOut(let part, let after):
            let value = Double(after.components.seconds) + Double(after.components.attoseconds) / 1e18
            let seconds = value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
            return part == .header
                ? "The request's header fields did not arrive within \(seconds)."
                : "The request's body did not arrive within \(seconds)."
        case .bodyTooLarge(let limit):
            return "The request body is longer than \(limit) bytes."
        case .urlTooLong(let limit):
            return "The request target is longer than \(limit) bytes."
        case .headerTooLarge(let limit):
            return "The request's header fields take more than \(limit) bytes, or number more than "
                + "\(SandboxHTTPLimits.maximumHeaderFieldCount)."
        case .versionNotSupported:
            return "Only HTTP/1.0 and HTTP/1.1 are supported."
        }
    }
}
