import Crypto
import Foundation

/// Turns ``PageToken``s into opaque, tamper-evident strings and back.
///
/// A token is 15 bytes of payload (version, list, direction, owner ID, offset) followed by
/// the first 12 bytes of their HMAC-SHA256 under the codec's secret (the tag), written in
/// lowercase base32: 44 letters and digits, like X's own tokens. The payload is masked with a
/// keystream derived from the secret and the tag, so tokens reveal nothing of their content.
/// Changing any character, or using a token made under another secret, makes ``decode(_:)``
/// throw.
///
/// ```swift
/// let codec = PageTokenCodec(secret: Data("page tokens".utf8))
/// let text = codec.encode(PageToken(list: .followers, ownerID: 2_244_994_945, position: .startingAt(100)))
/// let token = try codec.decode(text)   // the same token
/// try codec.decode("abc")              // throws PageTokenCodec.InvalidToken
/// ```
public struct PageTokenCodec: Sendable {
    /// A token string that is not one this codec made.
    public struct InvalidToken: Error, Sendable, Hashable, CustomStringConvertible {
        /// Why it was refused.
        public var reason: String

        /// Creates the error.
        public init(reason: String) { self.reason = reason }

        /// `Invalid pagination token: <reason>`.
        public var description: String { "Invalid pagination token: \(reason)" }
    }

    private static let version: UInt8 = 1
    private static let payloadLength = 15
    private static let tagLength = 12

    private let key: SymmetricKey

    /// A codec whose tokens only a codec with the same secret accepts.
    public init(secret: Data) {
        key = SymmetricKey(data: SHA256.hash(data: secret))
    }

    /// A codec with a fresh random secret: its tokens are valid only while it lives.
    public static func random() -> PageTokenCodec {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return PageTokenCodec(secret: Data(bytes))
    }

    /// The token as an opaque string.
    public func encode(_ token: PageToken) -> String {
        let payload = Self.payload(token)
        let tag = tag(payload)
        return Base32.encode(masked(payload, tag: tag) + tag)
    }

    /// The token a string encodes.
    ///
    /// - Throws: ``InvalidToken`` when the string is not base32, has the wrong length or
    ///   version, or its authentication tag does not match (it was altered or made elsewhere).
    public func decode(_ text: String) throws(InvalidToken) -> PageToken {
        guard let bytes = Base32.decode(text) else {
            throw InvalidToken(reason: "it is not a token this server issued")
        }
        guard bytes.count == Self.payloadLength + Self.tagLength else {
            throw InvalidToken(reason: "it has the wrong length")
        }
        let received = Array(bytes[Self.payloadLength...])
        let payload = masked(Array(bytes[..<Self.payloadLength]), tag: received)
        let expected = tag(payload)
        guard Self.constantTimeEquals(received, expected) else {
            throw InvalidToken(reason: "it was altered or issued by another server")
        }
        guard payload[0] == Self.version, let list = PageToken.List(rawValue: payload[1]) else {
            throw InvalidToken(reason: "its version is not supported")
        }
        let owner = payload[3..<11].reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        let offset = Int(payload[11..<15].reduce(UInt32(0)) { ($0 << 8) | UInt32($1) })
        switch payload[2] {
        case 0: return PageToken(list: list, ownerID: owner, position: .startingAt(offset))
        case 1: return PageToken(list: list, ownerID: owner, position: .endingBefore(offset))
        default: throw InvalidToken(reason: "its direction is unknown")
        }
    }

    private static func payload(_ token: PageToken) -> [UInt8] {
        let direction: UInt8
        let offset: Int
        switch token.position {
        case .startingAt(let value): (direction, offset) = (0, value)
        case .endingBefore(let value): (direction, offset) = (1, value)
        }
        let clamped = UInt32(clamping: max(0, offset))
        var bytes: [UInt8] = [version, token.list.rawValue, direction]
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: token.ownerID >> UInt64(shift))) }
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: clamped >> UInt32(shift))) }
        return bytes
    }

    private func tag(_ payload: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: payload, using: key)).prefix(Self.tagLength).map { $0 }
    }

    /// The payload XORed with a keystream made from the secret and the tag (masking twice
    /// unmasks).
    private func masked(_ payload: [UInt8], tag: [UInt8]) -> [UInt8] {
        let stream = Array(HMAC<SHA256>.authenticationCode(for: Array("mask".utf8) + tag, using: key))
        return zip(payload, stream).map { $0 ^ $1 }
    }

    private static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
        return difference == 0
    }
}
