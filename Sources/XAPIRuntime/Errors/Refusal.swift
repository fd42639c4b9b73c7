import Foundation

/// X's refusals that waiting cannot fix, told apart from an ordinary HTTP error or rate limit:
/// out of credits (402 `credits-depleted`), a usage cap (429 `usage-capped`) and a plan that
/// lacks the endpoint (403 `client-forbidden`). Each gets its own ``XAPIError/Code`` and a
/// message with the remedy; none is ever retried or waited on.
enum Refusal {
    /// The code and message for a failed response, from its status and problem.
    static func classify(
        status: Int, problem: Problem?, operationID: String, availability: OperationAvailability?
    ) -> (code: XAPIError.Code, message: String)? {
        switch (status, problem?.kind) {
        case (402, _), (_, .creditsDepleted?):
            return (.creditsDepleted, "Out of credits: the account's pay-per-usage balance is spent. Add credits in the "
                + "Developer Console (https://console.x.com); waiting does not help.")
        case (429, .usageCapped?):
            let cap = problem.map(UsageCap.init(problem:))
            let which = cap.map { [$0.period, $0.scope, $0.product].compactMap { $0 }.joined(separator: ", ") } ?? ""
            return (.usageCapped, "A usage cap of the App's plan is reached\(which.isEmpty ? "" : " (\(which))"); it is "
                + "not a rate limit, so waiting for the rate-limit reset does not help. It lifts with the next period, or "
                + "with another plan.")
        case (403, .clientForbidden?):
            let reason = [problem?.string("reason"), problem?.string("required_enrollment").map { "required enrollment: \($0)" }]
                .compactMap { $0 }.joined(separator: "; ")
            var message = "Your App's plan does not include \(operationID)\(reason.isEmpty ? "" : " (\(reason))")."
            if let availability { message += " \(availability.note)" }
            return (.clientForbidden, message)
        default:
            return nil
        }
    }
}

/// The usage cap a 429 `usage-capped` names: X sends `period` (`Monthly`), `scope`
/// (`Product`) and `product_name`.
///
/// ```swift
/// if error.code == .usageCapped, let cap = error.usageCap {
///     print(cap.period ?? "", cap.scope ?? "")   // Monthly Product
/// }
/// ```
public struct UsageCap: Sendable, Hashable {
    /// The cap's period, e.g. `Monthly`.
    public var period: String?
    /// What it counts, e.g. `Product`.
    public var scope: String?
    /// The plan's product, e.g. `standard-basic`.
    public var product: String?

    /// Reads the cap from X's problem.
    public init(problem: Problem) {
        period = problem.string("period")
        scope = problem.string("scope")
        product = problem.string("product_name")
    }
}

extension XAPIError {
    /// The usage cap X named, for ``Code/usageCapped``.
    public var usageCap: UsageCap? {
        guard code == .usageCapped, let problem else { return nil }
        return UsageCap(problem: problem)
    }

    /// Whether waiting cannot fix this error: out of credits, a usage cap, a plan without the
    /// endpoint, or a spent budget. Such errors are never retried or waited on.
    public var isFinalRefusal: Bool {
        [.creditsDepleted, .usageCapped, .clientForbidden, .budgetExceeded].contains(code)
    }
}

extension Problem {
    /// A string member beyond the standard ones (`reason`, `period`), when sent as a string.
    func string(_ name: String) -> String? {
        if case .string(let value)? = additionalProperties[name] { return value }
        return nil
    }
}
