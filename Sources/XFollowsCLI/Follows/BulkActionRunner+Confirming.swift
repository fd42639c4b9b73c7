import XFollows

extension BulkActionRunner {
    /// How many times one account's action is sent when lookups keep saying a lost answer
    /// did not take effect.
    static let maximumSends = 3

    /// Performs the action on one account and comes through a lost answer
    /// (``XAPIError/Code/outcomeUnknown``): the outcome is looked up (``FollowReconciler``),
    /// and the action sent again only when the lookup says it did not happen. With `lookFirst`
    /// (an earlier run left it unconfirmed) the lookup comes before anything is sent.
    ///
    /// - Returns: The outcome and its detail; ``BulkOutcome/unconfirmed`` when no lookup could
    ///   tell.
    /// - Throws: The client's errors other than a lost answer (a cap, a rate limit, a refusal).
    func performConfirmed(_ action: BulkAction, on user: User, lookFirst: Bool) async throws -> (BulkOutcome, String?) {
        let reconciler = FollowReconciler(client: client, actorID: actor.id)
        if lookFirst {
            // An earlier run sent it and lost the answer: only a lookup that says it did not
            // happen lets it go again.
            switch try? await reconciler.isDone(action, on: user) {
            case true?:
                return (action == .follow ? .followed : .unfollowed, "confirmed by a lookup: an earlier run's answer was lost")
            case false?:
                break
            case nil:
                return (.unconfirmed, "an earlier run's answer was lost and no lookup can tell what became of it; "
                    + "check the account on X")
            }
        }
        var lost: XAPIError?
        for _ in 0..<Self.maximumSends {
            do {
                return try await perform(action, on: user)
            } catch let error as XAPIError where error.code == .outcomeUnknown {
                lost = error
                let done: Bool?
                do {
                    done = try await reconciler.isDone(action, on: user)
                } catch {
                    await settle(error: lost, tookEffect: true)
                    return (.unconfirmed, "the answer was lost and the lookup failed: \(Self.describe(error))")
                }
                // The client's ledgers count it once if it happened, and not at all if it did not.
                await settle(error: lost, tookEffect: done ?? true)
                switch done {
                case true?:
                    return (action == .follow ? .followed : .unfollowed, "confirmed by a lookup after the answer was lost")
                case false?:
                    continue  // It did not happen: sending it again is not sending it twice.
                case nil:
                    return (.unconfirmed, "the answer was lost, and a follow request to a protected account shows in no lookup")
                }
            }
        }
        return (.unconfirmed, "no answer came through after \(Self.maximumSends) tries; the last: "
            + (lost.map { Self.describe($0) } ?? "none"))
    }

    /// Settles what the client's ledgers hold for a lost answer.
    private func settle(error: XAPIError?, tookEffect: Bool) async {
        guard let lost = error?.lostAction else { return }
        await client.settle(lost, tookEffect: tookEffect)
    }

    private static func describe(_ error: any Error) -> String {
        (error as? XAPIError)?.message ?? String(describing: error)
    }
}
