import ArgumentParser
import Foundation
import XFollows

/// What `follow` and `unfollow` do, given the action.
enum BulkActionCommand {
    static func run(_ action: BulkAction, options: BulkActionOptions, global: GlobalOptions) async throws {
        let options = options
        try await CommandRunner.run(global, resumeHint: "run the same command with --resume to go on") { context in
            let targets = try options.targets(readStandardInput: { String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) })
            let ledger = try context.dailyCapLedger()
            let monitor = WaitMonitor()
            var configuration = context.configuration(
                rateLimitPolicy: options.noWait ? .fail : .wait(maximum: ExportOptions.maximumWait), dailyCaps: ledger, monitor: monitor)
            let acting = try context.credentials(for: .user, configuration: configuration)
            guard case .user(let credentials, let stored, _) = acting else {
                throw CLIFailure.notLoggedIn("Following needs a user's credentials; run `xfollows login`.")
            }
            configuration.spending = try context.spendLedger(app: acting.app)
            configuration.budget = options.cost.budget
            let client = UserClient(credentials: credentials, configuration: configuration)
            let actor: Account
            if let stored {
                actor = stored
            } else {
                guard let me = try await client.me().body.data else {
                    throw CLIFailure.failure("\(context.server) did not say who the credentials act for.")
                }
                actor = Account(id: me.id, username: me.username)
            }
            let runner = BulkActionRunner(context: context, client: client, ledger: ledger, actor: actor, monitor: monitor,
                                          cost: options.cost)
            let request = BulkRequest(action: action, targets: targets, dryRun: options.dryRun, resume: options.resume,
                                      restart: options.restart, json: options.json)
            let summary = try await runner.run(request)
            if options.dryRun { return .success }
            runner.printSummary(summary, request: request)
            let spent = await configuration.spending.lifetimeSpent
            if !request.json { context.errors.line("This run spent \(spent).") }
            return summary.status
        }
    }
}
