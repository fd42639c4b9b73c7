import ArgumentParser
import Foundation

/// How every command runs: builds the context from the global options, runs the work so
/// Ctrl-C stops it cleanly, reports any failure as one line on standard error
/// (`xfollows: …`) and exits with the status it implies.
enum CommandRunner {
    /// Runs `body`, exiting with its status.
    ///
    /// - Parameters:
    ///   - options: The global options.
    ///   - resumeHint: What continues the work after a stop (`run the same command with --resume`).
    ///   - body: The command's work; returns its exit status.
    static func run(
        _ options: GlobalOptions, resumeHint: String? = nil,
        _ body: @escaping @Sendable (CommandContext) async throws -> ExitStatus
    ) async throws {
        let status = await execute(options, resumeHint: resumeHint, body)
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// Runs `body` and returns the exit status, having reported any failure.
    static func execute(
        _ options: GlobalOptions, resumeHint: String? = nil,
        _ body: @escaping @Sendable (CommandContext) async throws -> ExitStatus
    ) async -> ExitStatus {
        let context: CommandContext
        do {
            context = try options.context()
        } catch {
            return report(FailurePresenter(server: .x).failure(for: error), to: .standardError)
        }
        let status: ExitStatus
        do {
            status = try await Interruption.cancelling { try await body(context) }
        } catch {
            status = report(context.presenter.failure(for: error, resumeHint: resumeHint), to: context.errors)
        }
        await context.closeLedger()
        return status
    }

    private static func report(_ failure: CLIFailure, to errors: TextOutput) -> ExitStatus {
        errors.line("xfollows: \(failure.message)")
        return failure.status
    }
}
