import Foundation
import Synchronization
import Testing
@testable import XAPILoopback

/// The inbox under contention: a redirect the responder claimed (and whose page told the
/// browser the sign-in worked) is always the one handed over, however close the timeout
/// comes, and every waiter gets the one outcome.
@Suite("Loopback inbox", .timeLimit(.minutes(3)))
struct InboxTests {
    static let url = URL(string: "http://127.0.0.1:9/callback?state=s&code=c")!

    /// Two threads of their own that start each round together: each waits at a spin barrier
    /// until the other has reached the round, so their calls overlap within nanoseconds.
    final class Race: Sendable {
        /// The round each side last reached.
        private let arrived0 = Atomic<Int>(-1)
        private let arrived1 = Atomic<Int>(-1)

        /// Runs `first(round)` and `second(round)` on the two threads for every round; returns
        /// once both are done.
        func run(rounds: Int, _ first: @escaping @Sendable (Int) -> Void, _ second: @escaping @Sendable (Int) -> Void) async {
            let group = DispatchGroup()
            for (side, body) in [(0, first), (1, second)] {
                group.enter()
                Thread {
                    for round in 0..<rounds {
                        self.meet(side, round)
                        body(round)
                    }
                    group.leave()
                }.start()
            }
            await withCheckedContinuation { continuation in
                group.notify(queue: .global()) { continuation.resume() }
            }
        }

        private func meet(_ side: Int, _ round: Int) {
            if side == 0 { arrived0.store(round, ordering: .releasing) } else { arrived1.store(round, ordering: .releasing) }
            var spins = 0
            while (side == 0 ? arrived1.load(ordering: .acquiring) : arrived0.load(ordering: .acquiring)) < round {
                spins += 1
                if spins.isMultiple(of: 100) { sched_yield() }  // the other thread may not be running
            }
        }
    }

    /// Rounds of the race: about 0.3 s; with the check and the act of `expire` in two critical
    /// sections, dozens to hundreds of them lost their redirect.
    static let rounds = 20_000

    @Test("A redirect claimed while the timeout fires is handed over; one not claimed times out")
    func claimAgainstTimeout() async throws {
        let rounds = Self.rounds
        let inboxes = (0..<rounds).map { _ in Inbox() }
        let claimed = Mutex([Bool](repeating: false, count: rounds))
        await Race().run(rounds: rounds, { round in
            // The responder: claim, write the page, hand the redirect over.
            let won = inboxes[round].claim()
            if won { inboxes[round].deliver(Self.url) }
            claimed.withLock { $0[round] = won }
        }, { round in
            // The timeout: ends the wait unless the redirect was claimed.
            inboxes[round].expire(.seconds(300))
        })
        var lost = 0, timedOut = 0
        for (round, inbox) in inboxes.enumerated() {
            let outcome: Result<URL, any Error>
            do { outcome = .success(try await inbox.next()) } catch { outcome = .failure(error) }
            if claimed.withLock({ $0[round] }) {
                if (try? outcome.get()) != Self.url { lost += 1 }
            } else {
                #expect(throws: LoopbackRedirectReceiver.Failure.timedOut(.seconds(300))) { try outcome.get() }
                timedOut += 1
            }
        }
        #expect(lost == 0, "\(lost) of \(rounds - timedOut) claimed redirects were answered as timed out")
        // Both orders happened, so the race was run and not decided one way every time.
        #expect(timedOut > 0 && timedOut < rounds)
    }

    @Test("Waiters that arrive while the redirect is delivered all get it, once")
    func waitersAgainstDelivery() async throws {
        for _ in 0..<200 {
            let inbox = Inbox()
            async let results = withTaskGroup(of: URL?.self) { group in
                for _ in 0..<8 { group.addTask { try? await inbox.next() } }
                return await group.reduce(into: [URL?]()) { $0.append($1) }
            }
            #expect(inbox.claim())
            inbox.deliver(Self.url)
            #expect(await results == [URL?](repeating: Self.url, count: 8))
            #expect(!inbox.claim())
            #expect(!inbox.finish(.failure(.stopped)))
        }
    }
}
