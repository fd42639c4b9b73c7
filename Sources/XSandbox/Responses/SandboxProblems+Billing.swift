import XFollows

extension SandboxProblems {
    /// 402, X's body when the pay-per-usage credits are spent (as X's live API sends it).
    static let creditsDepleted = Problem(
        type: "https://api.x.com/2/problems/credits-depleted",
        title: "Payment Required",
        detail: "credits depleted"
    )

    /// 429, X's body when a usage cap of the App's plan is reached: not a rate limit.
    static func usageCapped(app: SandboxApp) -> Problem {
        Problem(
            type: problemType(.usageCapped),
            title: "UsageCapExceeded",
            detail: "Usage cap exceeded: Monthly product cap",
            additionalProperties: [
                "account_id": .string(app.id),
                "product_name": .string(app.plan.rawValue),
                "period": .string("Monthly"),
                "scope": .string("Product"),
            ]
        )
    }

    /// 403, X's body when the App's plan does not include the endpoint (the shape X has used
    /// since 2023 for an App without the access an endpoint needs).
    static func clientForbidden(app: SandboxApp) -> Problem {
        Problem(
            type: problemType(.clientForbidden),
            title: "Client Forbidden",
            detail: "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a "
                + "Twitter developer App that is attached to a Project. You can create a project via the developer portal.",
            additionalProperties: [
                "client_id": .string(app.id),
                "registration_url": .string("https://developer.twitter.com/en/docs/projects/overview"),
                "required_enrollment": .string("Appropriate Level of API Access"),
                "reason": .string("client-not-enrolled"),
            ]
        )
    }
}
