import ArgumentParser
import Foundation
import XFollows

/// The options of every command that spends (exports, follows, unfollows): how much it may
/// spend, whether to ask, and who owns the App (for X's Owned Read prices).
public struct CostOptions: ParsableArguments, Sendable {
    /// `--max-cost DOLLARS`.
    @Option(name: .customLong("max-cost"), help: ArgumentHelp(
        "Spend at most DOLLARS in this run (e.g. 1.00); it stops before passing it (exit 3) and --resume goes on.",
        valueName: "dollars"))
    var maxCost: String?

    /// `--daily-budget DOLLARS`.
    @Option(name: .customLong("daily-budget"), help: ArgumentHelp(
        "Let the App spend at most DOLLARS per UTC day, counting every run and process that shares the ledger (with "
            + "--ledger postgres://…, every machine); a request that could pass it is not sent (exit 3).",
        valueName: "dollars"))
    var dailyBudget: String?

    /// `--yes`.
    @Flag(help: "Spend without asking, whatever the estimate (for scripts).")
    var yes = false

    /// `--confirm-above DOLLARS`.
    @Option(name: .customLong("confirm-above"), help: ArgumentHelp(
        "Ask on a terminal before spending more than DOLLARS; off a terminal, a larger estimate needs --yes or --max-cost.",
        valueName: "dollars"))
    var confirmAbove: String = CostOptions.defaultThreshold.plainText

    /// `--app-owner USER`.
    @Option(name: .customLong("app-owner"), help: ArgumentHelp(
        "Who owns the App (me, @handle or a user ID; also $\(CostOptions.appOwnerVariable)): reading that user's own "
            + "followers or following is an Owned Read at X's lower price.",
        valueName: "user"))
    var appOwner: String?

    /// Parsed.
    public init() {}

    /// The environment variable naming the App's owner.
    public static let appOwnerVariable = "XFOLLOWS_APP_OWNER"
    /// The default threshold above which a terminal is asked: $1.00.
    static let defaultThreshold = USD(cents: 100)

    /// Checks the amounts.
    public func validate() throws {
        if let maxCost, USD(maxCost) == nil {
            throw ValidationError("--max-cost takes an amount of dollars such as 1.00, not \"\(maxCost)\".")
        }
        if let dailyBudget, USD(dailyBudget) == nil {
            throw ValidationError("--daily-budget takes an amount of dollars such as 5.00, not \"\(dailyBudget)\".")
        }
        if USD(confirmAbove) == nil {
            throw ValidationError("--confirm-above takes an amount of dollars such as 1.00, not \"\(confirmAbove)\".")
        }
    }

    /// The run's cap, if any.
    var maximum: USD? { maxCost.flatMap(USD.init) }
    /// The App's cap per UTC day across every process sharing the ledger, if any.
    var perDay: USD? { dailyBudget.flatMap(USD.init) }
    /// What the client refuses to pass: the run's cap (over its lifetime) and the day's.
    var budget: SpendBudget? {
        maximum == nil && perDay == nil ? nil : SpendBudget(perDay: perDay, lifetime: maximum)
    }
    /// The amount above which to ask.
    var threshold: USD { USD(confirmAbove) ?? Self.defaultThreshold }

    /// The App owner as given (`--app-owner`, else the environment).
    func appOwner(environment: [String: String]) -> String? {
        appOwner ?? environment[Self.appOwnerVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The help's paragraph on costs.
    static let discussion = """
        X charges per user read and per follow (pay-per-usage, since 2026-02-06): before spending, xfollows says \
        what the run can cost at most and, on a terminal, asks when that is more than --confirm-above ($1.00); \
        scripts pass --yes or cap the run with --max-cost. A user X already charged the App for today (UTC) is \
        free to read again. What this machine spent today: xfollows usage.
        """
}
