import Foundation
import Testing
@testable import XAPIRuntime

@Suite("PKCE and state")
struct PKCETests {
    @Test("The S256 challenge of RFC 7636 appendix B")
    func rfc7636AppendixB() {
        #expect(PKCE.challenge(for: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    }

    @Test("Verifiers are 43 to 128 unreserved characters, and never repeat")
    func verifiers() {
        let unreserved = Set(PKCE.unreservedCharacters)
        var seen: Set<String> = []
        for length in [43, 64, 128] {
            for _ in 0..<200 {
                let verifier = PKCE.makeVerifier(length: length)
                #expect(verifier.count == length)
                #expect(verifier.allSatisfy(unreserved.contains))
                #expect(PKCE.isValidVerifier(verifier))
                #expect(seen.insert(verifier).inserted)
            }
        }
        #expect(!PKCE.isValidVerifier(String(repeating: "a", count: 42)))
        #expect(!PKCE.isValidVerifier(String(repeating: "a", count: 129)))
        #expect(!PKCE.isValidVerifier(String(repeating: "a", count: 42) + "+"))
    }

    @Test("Every unreserved character turns up: the generator is not stuck on part of the alphabet")
    func alphabetCoverage() {
        var counts: [Character: Int] = [:]
        for _ in 0..<300 { for character in PKCE.makeVerifier(length: 128) { counts[character, default: 0] += 1 } }
        #expect(counts.count == PKCE.unreservedCharacters.count)
        // 38,400 draws over 66 characters: about 582 each; a skewed generator would show.
        #expect(counts.values.allSatisfy { (400...800).contains($0) })
    }

    @Test("Constant-time equality is equality")
    func constantTime() {
        #expect(ConstantTime.equals("abc", "abc"))
        #expect(!ConstantTime.equals("abc", "abd"))
        #expect(!ConstantTime.equals("abc", "abcd"))
        #expect(!ConstantTime.equals("", "a"))
        #expect(ConstantTime.equals("", ""))
        #expect(!ConstantTime.equals("Abc", "abc"))
    }
}
