import Foundation
import Testing
@testable import XFollowsCLI

@Suite("Formatting for the terminal")
struct FormattingTests {
    @Test("Counts group thousands the same in every locale")
    func counts() {
        #expect(Formatting.count(0) == "0")
        #expect(Formatting.count(999) == "999")
        #expect(Formatting.count(1000) == "1,000")
        #expect(Formatting.count(104_321) == "104,321")
        #expect(Formatting.count(-1_234_567) == "-1,234,567")
        #expect(Formatting.count(1, "account") == "1 account")
        #expect(Formatting.count(2, "account") == "2 accounts")
    }

    @Test("Countdowns round up and show hours only when there are some")
    func countdowns() {
        #expect(Formatting.countdown(0) == "0:00")
        #expect(Formatting.countdown(6.2) == "0:07")
        #expect(Formatting.countdown(271) == "4:31")
        #expect(Formatting.countdown(3723) == "1:02:03")
        #expect(Formatting.countdown(-5) == "0:00")
    }

    @Test("Times of day are local, with the date when not today")
    func times() {
        let utc = TimeZone(identifier: "UTC")!
        let date = Date(timeIntervalSince1970: 1_700_000_000)   // 2023-11-14T22:13:20Z
        #expect(Formatting.time(date, now: date, timeZone: utc) == "22:13:20")
        #expect(Formatting.time(date, now: date.addingTimeInterval(86_400 * 2), timeZone: utc) == "2023-11-14 22:13:20")
    }
}
