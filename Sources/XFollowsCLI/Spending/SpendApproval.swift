import XFollows

/// Says what a run can cost before it spends anything, and decides whether it may: a run
/// capped by `--max-cost`, passed `--yes`, or estimated at no more than `--confirm-above`
/// goes on; above that a person on a terminal is asked, and a script is stopped with the flags
/// that would let it go on. Nothing is sent before this.
struct SpendApproval {
    let context: CommandContext
    let options: CostOptions

    /// Prints `<what> will cost up to …` on standard error, then approves or throws.
    ///
    /// - Throws: ``CLIFailure`` when the person says no, or no one can be asked and the
    ///   estimate is above the threshold.
    func approve(_ estimate: CostEstimate, what: String) throws {
        try approve([estimate], what: what)
    }

    /// Several costs of one run together (follows and the lookups before them).
    func approve(_ estimates: [CostEstimate], what: String) throws {
        let amount = estimates.reduce(USD.zero) { $0 + $1.amount }
        var line = "\(what) will cost \(CostEstimate.sentence(estimates))"
        if let maximum = options.maximum {
            line += "; this run stops before spending more than \(maximum) (--max-cost)."
            context.errors.line(line)
            return
        }
        context.errors.line(line + ".")
        guard !options.yes, amount > options.threshold else { return }
        if context.confirmation.isInteractive {
            guard context.confirmation.ask("Spend up to \(amount)?") else {
                throw CLIFailure.failure("Nothing was sent, nothing spent. Cap a run with --max-cost DOLLARS.")
            }
            return
        }
        throw CLIFailure.failure("This can cost up to \(amount), more than \(options.threshold) (--confirm-above); "
            + "nothing was sent. Pass --yes to spend it, or --max-cost DOLLARS to cap the run.")
    }
}
