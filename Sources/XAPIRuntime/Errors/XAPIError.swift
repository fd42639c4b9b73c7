import Foundation

/// The one error the runtime throws: what failed, for which operation, and everything the
/// server said about it.
///
/// ```swift
/// do {
///     _ = try await client.followers(of: "2244994945")
/// } catch let error as XAPIError where error.code == .rateLimited {
///     print("try again at", error.retryAfter ?? "an unknown time")
/// } catch let error as XAPIError where error.problem?.kind == .resourceNotFound {
///     print("no such user")
/// }
/// ```
///
/// Its `description` names the operation, the status, the problem and the context, and never
/// contains a key, token, secret or signature; nor do its `debugDescription` and `dump`, which
/// show ``underlyingError`` only by its type and a scrubbed description.
public struct XAPIError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is.
    public var code: Code
    /// The spec's `operationId` of the failed call.
    public var operationID: String
    /// A human-readable explanation (without secrets).
    public var message: String
    /// The HTTP status, when a response arrived.
    public var status: Int?
    /// The problem document the server sent, when it could be decoded.
    public var problem: Problem?
    /// The 15-minute rate-limit headers of the response, when sent.
    public var rateLimit: RateLimitStatus?
    /// The 24-hour limit headers of the response, when sent.
    public var dailyLimits: DailyLimitStatus?
    /// Where decoding failed, e.g. `data[3].public_metrics.followers_count`.
    public var decodingPath: String?
    /// The response's `Content-Type`, when one arrived.
    public var contentType: String?
    /// The first characters of the response body (secrets removed), for malformed responses.
    public var bodyExcerpt: String?
    /// The parameter an ``Code/invalidArgument`` error is about.
    public var parameter: String?
    /// When trying again can succeed: the rate-limit reset of a ``Code/rateLimited`` error or
    /// the next free slot of a ``Code/dailyCapExhausted`` one.
    public var retryAfter: Date?
    /// The local daily cap that refused the request, for ``Code/dailyCapExhausted``.
    public var dailyCap: DailyCapExhaustion?
    /// The budget that refused the request and what it has left, for ``Code/budgetExceeded``.
    public var budget: BudgetExhaustion?
    /// What an authorization server said when it refused (`error`, `error_description`), for
    /// the errors of the OAuth flows.
    public var oauthError: OAuthErrorResponse?
    /// For ``Code/outcomeUnknown``: what the client's ledgers hold for the action until the
    /// caller settles it (``XAPIClient/settle(_:tookEffect:)``).
    public var lostAction: LostAction?
    /// The lower-level error (transport, decoding or storage), when there is one, for code that
    /// inspects it. It may hold what a request carried, secrets included, so it is never
    /// printed: ``debugDescription`` and `dump` show its type, and its description only as
    /// scrubbed of the secrets known where this error was made.
    public var underlyingError: (any Error)? {
        didSet { scrubbedUnderlyingDescription = nil }
    }

    /// ``underlyingError``'s description without the secrets known where this error was made;
    /// `nil` when they were not known there (see ``scrubbingUnderlyingError(of:)``).
    private(set) var scrubbedUnderlyingDescription: String?

    /// Creates an error.
    public init(
        code: Code,
        operationID: String,
        message: String,
        status: Int? = nil,
        problem: Problem? = nil,
        rateLimit: RateLimitStatus? = nil,
        dailyLimits: DailyLimitStatus? = nil,
        decodingPath: String? = nil,
        contentType: String? = nil,
        bodyExcerpt: String? = nil,
        parameter: String? = nil,
        retryAfter: Date? = nil,
        dailyCap: DailyCapExhaustion? = nil,
        budget: BudgetExhaustion? = nil,
        oauthError: OAuthErrorResponse? = nil,
        underlyingError: (any Error)? = nil
    ) {
        self.code = code
        self.operationID = operationID
        self.message = message
        self.status = status
        self.problem = problem
        self.rateLimit = rateLimit
        self.dailyLimits = dailyLimits
        self.decodingPath = decodingPath
        self.contentType = contentType
        self.bodyExcerpt = bodyExcerpt
        self.parameter = parameter
        self.retryAfter = retryAfter
        self.dailyCap = dailyCap
        self.budget = budget
        self.oauthError = oauthError
        self.underlyingError = underlyingError
    }
}

extension XAPIError {
    /// This error with ``underlyingError``'s description scrubbed of `secrets`, for where the
    /// error is made with the secrets at hand: the descriptions then show that scrubbed form.
    func scrubbingUnderlyingError(of secrets: [String]) -> XAPIError {
        var error = self
        if let underlyingError {
            error.scrubbedUnderlyingDescription = Redaction.scrub(String(describing: underlyingError), secrets: secrets)
        }
        return error
    }
}
