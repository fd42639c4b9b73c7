import Foundation
import HTTPTypes
import Testing
@testable import XAPIRuntime

@Suite("OAuth 1.0a signing")
struct OAuth1SignatureTests {
    /// X's "Creating a signature" walkthrough (it signs the form body parameter `status`).
    @Test func xCreatingASignatureExample() {
        let url = URL(string: "https://api.twitter.com/1.1/statuses/update.json?include_entities=true")!
        let header = OAuth1AuthorizationHeader(
            consumerKey: "xvz1evFS4wEEPTGEFPHBog",
            token: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
            timestamp: "1318622958",
            nonce: "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
            signature: ""
        )
        let baseString = OAuth1Signature.baseString(
            method: "post",
            url: url,
            protocolParameters: header.protocolParameters,
            additionalParameters: [("status", "Hello Ladies + Gentlemen, a signed OAuth request!")]
        )
        #expect(baseString == "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521")
        let key = OAuth1Signature.signingKey(
            consumerSecret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
            tokenSecret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"
        )
        #expect(key == "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw&LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE")
        #expect(OAuth1Signature.signature(baseString: baseString, signingKey: key) == "hCtSmYh+iHYCEqBWrE7C7hYmtUk=")
    }

    /// The same example through the credentials API, which builds the whole header.
    @Test func credentialsProduceXExampleHeader() throws {
        let header = Secrets.oauth1.authorizationHeader(
            method: .post,
            url: URL(string: "https://api.twitter.com/1.1/statuses/update.json?include_entities=true")!,
            signing: SigningContext(timestamp: Date(timeIntervalSince1970: 1_318_622_958), nonce: "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"),
            additionalParameters: [("status", "Hello Ladies + Gentlemen, a signed OAuth request!")]
        )
        #expect(header.signature == "hCtSmYh+iHYCEqBWrE7C7hYmtUk=")
        #expect(header.headerValue.contains(#"oauth_signature="hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D""#))
        #expect(header.headerValue.contains(#"oauth_version="1.0""#))
        #expect(header.headerValue.hasPrefix("OAuth "))
    }

    /// RFC 5849, section 1.2: the photos.example.net request (no oauth_version).
    @Test func rfc5849Section1_2() {
        let url = URL(string: "http://photos.example.net/photos?file=vacation.jpg&size=original")!
        let header = OAuth1AuthorizationHeader(
            consumerKey: "dpf43f3p2l4k3l03", token: "nnch734d00sl2jdk", timestamp: "137131202",
            nonce: "chapoH", version: nil, signature: "", realm: "Photos"
        )
        let baseString = OAuth1Signature.baseString(method: "GET", url: url, protocolParameters: header.protocolParameters)
        #expect(baseString == "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal")
        let key = OAuth1Signature.signingKey(consumerSecret: "kd94hf93k423kf44", tokenSecret: "pfkkdhi9sl3r4s00")
        #expect(OAuth1Signature.signature(baseString: baseString, signingKey: key) == "MdpQcU8iPSUjWoN/UDMsK2sui9I=")
    }

    /// The OAuth Core 1.0 appendix A.5 values (the same request with oauth_version=1.0).
    @Test func oauthCore1_0AppendixExample() {
        let url = URL(string: "http://photos.example.net/photos?file=vacation.jpg&size=original")!
        let header = OAuth1AuthorizationHeader(
            consumerKey: "dpf43f3p2l4k3l03", token: "nnch734d00sl2jdk", timestamp: "1191242096",
            nonce: "kllo9940pd9333jh", signature: ""
        )
        let baseString = OAuth1Signature.baseString(method: "GET", url: url, protocolParameters: header.protocolParameters)
        let key = OAuth1Signature.signingKey(consumerSecret: "kd94hf93k423kf44", tokenSecret: "pfkkdhi9sl3r4s00")
        #expect(OAuth1Signature.signature(baseString: baseString, signingKey: key) == "tR3+Ty81lMeYAr/Fid0kMTYa/WM=")
    }

    /// RFC 5849, section 3.4.1.1: query decoding, `+` as space, empty values, duplicate names
    /// sorted by value, and a form body parameter without `=`.
    @Test func rfc5849Section3_4_1BaseString() {
        let url = URL(string: "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b")!
        let header = OAuth1AuthorizationHeader(
            consumerKey: "9djdj82h48djs9d2", token: "kkk9d7dh3k39sjv7", timestamp: "137131201",
            nonce: "7d8f3e4a", version: nil, signature: "", realm: "Example"
        )
        let baseString = OAuth1Signature.baseString(
            method: "POST", url: url, protocolParameters: header.protocolParameters,
            additionalParameters: OAuth1Signature.formParameters("c2&a3=2+q")
        )
        #expect(baseString == "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7")
    }

    @Test func baseStringURINormalization() {
        #expect(OAuth1Signature.baseStringURI(URL(string: "HTTP://EXAMPLE.COM:80/r%20v/X?id=123")!) == "http://example.com/r%20v/X")
        #expect(OAuth1Signature.baseStringURI(URL(string: "https://www.example.net:8080/?q=1")!) == "https://www.example.net:8080/")
        #expect(OAuth1Signature.baseStringURI(URL(string: "https://api.x.com:443")!) == "https://api.x.com/")
    }

    @Test(arguments: [
        ("Ladies + Gentlemen", "Ladies%20%2B%20Gentlemen"),
        ("a b", "a%20b"),
        ("+", "%2B"),
        ("~-._", "~-._"),
        ("*", "%2A"),
        ("!'()", "%21%27%28%29"),
        ("☃", "%E2%98%83"),
        ("An encoded string!", "An%20encoded%20string%21"),
        ("Dogs, Cats & Mice", "Dogs%2C%20Cats%20%26%20Mice"),
        ("azAZ09", "azAZ09"),
        ("é", "%C3%A9"),
    ])
    func percentEncoding(raw: String, encoded: String) {
        #expect(OAuth1Signature.percentEncode(raw) == encoded)
        #expect(OAuth1Signature.percentDecode(encoded) == raw)
    }

    @Test func percentDecodingRejectsMalformedEscapes() {
        #expect(OAuth1Signature.percentDecode("%4") == nil)
        #expect(OAuth1Signature.percentDecode("%zz") == nil)
        #expect(OAuth1Signature.percentDecode("%FF") == nil)  // not UTF-8
        #expect(OAuth1Signature.percentDecode("a+b", plusAsSpace: true) == "a b")
        #expect(OAuth1Signature.percentDecode("a+b") == "a+b")
    }

    @Test func headerRoundTripsThroughParsing() throws {
        let header = OAuth1AuthorizationHeader(
            consumerKey: "key with space", token: "370773112-abc", timestamp: "1318622958",
            nonce: "n+n", signature: "hCtSmYh+iHYCEqBWrE7C7hYmtUk=", realm: "X", additionalParameters: ["oauth_callback": "oob"]
        )
        let parsed = try OAuth1AuthorizationHeader(parsing: header.headerValue)
        #expect(parsed == header)
    }

    @Test func parsesXExampleHeaderWithLineBreaksAndCaseInsensitiveScheme() throws {
        let value = #"oauth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog",\#toauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", oauth_signature="tnnArxj06cWHq44gCs1OSKk%2FjLY%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0", foo="ignored""#
        let header = try OAuth1AuthorizationHeader(parsing: value)
        #expect(header.consumerKey == "xvz1evFS4wEEPTGEFPHBog")
        #expect(header.signature == "tnnArxj06cWHq44gCs1OSKk/jLY=")
        #expect(header.token == "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb")
        #expect(header.version == "1.0")
        #expect(header.additionalParameters.isEmpty)
    }

    @Test(arguments: [
        ("Bearer abc", "the scheme is not OAuth"),
        (#"OAuthoauth_consumer_key="a""#, "the scheme is not OAuth"),
        (#"OAuth oauth_consumer_key=abc"#, "is not quoted"),
        (#"OAuth oauth_consumer_key="abc"#, "no closing quote"),
        (#"OAuth oauth_consumer_key="a", oauth_consumer_key="b""#, "more than once"),
        (#"OAuth oauth_consumer_key="a", oauth_nonce="n", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1""#, "oauth_signature is missing"),
        (#"OAuth oauth_consumer_key="a%ZZ""#, "not validly percent-encoded"),
    ])
    func malformedHeadersAreRejected(value: String, reason: String) {
        let error = #expect(throws: OAuth1AuthorizationHeader.ParsingError.self) {
            try OAuth1AuthorizationHeader(parsing: value)
        }
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
    }

    @Test func verificationAcceptsTheSignatureAndRejectsATamperedOne() {
        let url = URL(string: "https://api.x.com/2/users/1/followers?max_results=10")!
        let header = Secrets.oauth1.authorizationHeader(method: .get, url: url, signing: .fresh(at: Date()))
        let key = OAuth1Signature.signingKey(consumerSecret: Secrets.consumerSecret, tokenSecret: Secrets.accessTokenSecret)
        let base = OAuth1Signature.baseString(method: "GET", url: url, protocolParameters: header.protocolParameters)
        #expect(OAuth1Signature.isValidSignature(header.signature, baseString: base, signingKey: key))
        let tampered = OAuth1Signature.baseString(
            method: "GET", url: URL(string: "https://api.x.com/2/users/1/followers?max_results=11")!,
            protocolParameters: header.protocolParameters
        )
        #expect(!OAuth1Signature.isValidSignature(header.signature, baseString: tampered, signingKey: key))
        #expect(!OAuth1Signature.isValidSignature("not base64!", baseString: base, signingKey: key))
    }

    @Test func freshSigningContextsDifferAndNoncesAreAlphanumeric() {
        let first = SigningContext.fresh(at: Date())
        let second = SigningContext.fresh(at: Date())
        #expect(first.nonce != second.nonce)
        #expect(first.nonce.count == 32)
        #expect(first.nonce.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }
}
