import Foundation
import Testing
@testable import XSandbox

@Suite("Pagination tokens")
struct PageTokenCodecTests {
    let codec = PageTokenCodec(secret: Data("unit-test secret".utf8))

    @Test("A token decodes to what was encoded, for both lists and directions", arguments: [
        PageToken(list: .followers, ownerID: 2_244_994_945, position: .startingAt(1000)),
        PageToken(list: .following, ownerID: 1_354_143_047_324_299_264, position: .endingBefore(9000)),
        PageToken(list: .followers, ownerID: UInt64(9_999_999_999_999_999_999), position: .startingAt(0)),
    ])
    func roundTrip(token: PageToken) throws {
        let text = codec.encode(token)
        #expect(try codec.decode(text) == token)
        #expect(text.allSatisfy { $0.isLowercase || $0.isNumber })
        #expect(text.count == 44)
    }

    @Test("Tokens do not show their content: neighbouring pages share no long common prefix")
    func opaque() {
        let first = codec.encode(PageToken(list: .followers, ownerID: 1, position: .startingAt(100)))
        let second = codec.encode(PageToken(list: .followers, ownerID: 1, position: .startingAt(200)))
        #expect(first.commonPrefix(with: second).count < 4)
    }

    @Test("Changing any single character of a token makes it invalid")
    func tamperedCharacters() {
        let text = codec.encode(PageToken(list: .followers, ownerID: 2_244_994_945, position: .startingAt(3000)))
        for index in text.indices {
            var tampered = text
            let replacement: Character = text[index] == "a" ? "b" : "a"
            tampered.replaceSubrange(index...index, with: String(replacement))
            #expect(throws: PageTokenCodec.InvalidToken.self) { try codec.decode(tampered) }
        }
    }

    @Test("A token from another server's secret, a truncated token and garbage are refused")
    func foreignAndMalformedTokens() {
        let token = PageToken(list: .following, ownerID: 42, position: .endingBefore(10))
        let foreign = PageTokenCodec(secret: Data("another secret".utf8)).encode(token)
        #expect(throws: PageTokenCodec.InvalidToken.self) { try codec.decode(foreign) }
        let valid = codec.encode(token)
        #expect(throws: PageTokenCodec.InvalidToken.self) { try codec.decode(String(valid.dropLast(2))) }
        #expect(throws: PageTokenCodec.InvalidToken.self) { try codec.decode(valid + "aa") }
        #expect(throws: PageTokenCodec.InvalidToken.self) { try codec.decode("abc") }
        #expect(throws: PageTokenCodec.InvalidToken.self) { try codec.decode("7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i") }
        #expect(throws: PageTokenCodec.InvalidToken.self) { try codec.decode("") }
        #expect(throws: PageTokenCodec.InvalidToken.self) { try codec.decode(valid.uppercased()) }
    }

    @Test("Pages forward and backward cover the same offsets with the same size")
    func ranges() {
        let count = 2500
        let forward = [0, 1000, 2000].map {
            PageToken(list: .followers, ownerID: 1, position: .startingAt($0)).range(size: 1000, count: count)
        }
        #expect(forward == [0..<1000, 1000..<2000, 2000..<2500])
        let backward = [2000, 1000].map {
            PageToken(list: .followers, ownerID: 1, position: .endingBefore($0)).range(size: 1000, count: count)
        }
        #expect(backward == [1000..<2000, 0..<1000])
        #expect(PageToken(list: .followers, ownerID: 1, position: .endingBefore(300)).range(size: 1000, count: count) == 0..<300)
        #expect(PageToken(list: .followers, ownerID: 1, position: .startingAt(4000)).range(size: 10, count: count) == 2500..<2500)
    }

    @Test("Base32 refuses characters outside its alphabet and non-zero padding bits")
    func base32() {
        #expect(Base32.decode(Base32.encode([0, 1, 2, 250, 255])) == [0, 1, 2, 250, 255])
        #expect(Base32.decode("a1") == nil)
        #expect(Base32.decode("ab") == nil)
        #expect(Base32.decode("aa") == [0])
    }
}
