import Foundation
import XAPILoopback
import XFollows

/// Turns any error into the one line a person reads — what failed, why, what to do — and the
/// exit status it implies. Messages come from the runtime's errors, which never hold a
/// secret.
///
/// ```swift
/// FailurePresenter(server: .x).failure(for: error, resumeHint: "run it again with --resume")
/// // "rate limited until 14:05:09 (usersIdFollowers: …); run it again with --resume then"
/// ```
public struct FailurePresenter: Sendable {
    /// The server the command talked to, named in connection errors.
    public var server: ServerTarget
    /// The clock "until" times are shown against.
    public var now: @Sendable () -> Date

    /// A presenter for errors from `server`.
    public init(server: ServerTarget, now: @escaping @Sendable () -> Date = Date.init) {
        self.server = server
        self.now = now
    }

    /// The failure to report for `error`.
    ///
    /// - Parameter resumeHint: What continues the work later (`run it again with --resume`),
    ///   added to limit and interruption messages.
    public func failure(for error: any Error, resumeHint: String? = nil) -> CLIFailure {
        let resume = resumeHint.map { "; \($0)" } ?? ""
        switch error {
        case let failure as CLIFailure:
            return failure
        case is CancellationError:
            return .interrupted("Interrupted\(resume).")
        case let error as XAPIError:
            return failure(for: error, resume: resume)
        case let error as LoopbackRedirectReceiver.Failure:
            return .failure("\(error.description) Run `xfollows login` again.")
        case let error as DailyCapStoreError:
            return .failure("The daily-cap ledger cannot be used: \(error.description)")
        default:
            return .failure(String(describing: error))
        }
    }

    private func failure(for error: XAPIError, resume: String) -> CLIFailure {
        switch error.code {
        case .reauthorizationRequired:
            return .notLoggedIn("\(error.message) Run `xfollows login`.")
        case .rateLimited:
            let until = error.retryAfter.map { "until \(Formatting.time($0, now: now())) " } ?? ""
            return .stopped("Rate limited \(until)(\(error.operationID), HTTP 429)\(resume)\(error.retryAfter == nil ? "" : " then").")
        case .dailyCapExhausted, .budgetExceeded:
            return .stopped("\(error.message)\(resume).")
        case .creditsDepleted:
            let add = server.isX ? "add credits in the Developer Console (https://console.x.com)"
                : "add credits (x-sandbox: POST \(server)/_sandbox/credits, or restart it with more --credits)"
            return .stopped("Out of credits (\(error.operationID), HTTP 402): \(add)\(resume.isEmpty ? "" : ", then\(resume.dropFirst())"). "
                + "Waiting does not help.")
        case .usageCapped:
            return .stopped("\(error.message) (\(error.operationID), HTTP 429 usage-capped)\(resume) once it lifts.")
        case .clientForbidden:
            return .failure("\(error.message) (\(error.operationID), HTTP 403 client-forbidden)")
        case .transport:
            let hint = server.isX ? "check the network" : "is x-sandbox running there? (`swift run x-sandbox`)"
            return .failure("Cannot reach \(server): \(error.message) — \(hint).")
        case .authentication, .unknownAuthenticatedUser:
            return .notLoggedIn("\(error.message) Run `xfollows login` for a user token with the scopes xfollows asks for.")
        case .http where error.status == 401:
            return .notLoggedIn("\(server) refused the credentials (\(error.operationID), HTTP 401"
                + "\(error.problem?.detail.map { ": \($0)" } ?? "")). Run `xfollows login`, or check the credentials in the environment.")
        case .http where error.status == 403 && error.problem?.kind == .unsupportedAuthentication:
            return .notLoggedIn("\(error.operationID) does not accept these credentials (HTTP 403"
                + "\(error.problem?.detail.map { ": \($0)" } ?? "")). Log in as a user with `xfollows login`.")
        case .http where (error.status ?? 0) >= 500:
            return .failure("\(server) failed (\(error.description)); try again later\(resume).")
        default:
            return .failure(error.description)
        }
    }
}
