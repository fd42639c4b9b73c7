import XFollows

/// One developer App the sandbox serves: its keys and tokens, the plan it is on (which decides
/// what X lets it call) and who owns it (which decides X's Owned Read prices).
///
/// The seeded graph has two: ``SandboxGraph/apps``[0], on `enterprise` and owned by
/// @sandbox_alice, where following works; and [1], on `pay-per-use`, owned by @sandbox_bob,
/// where follow answers X's `client-forbidden` 403, as it has for every self-serve plan since
/// 2026-04-20.
///
/// ```swift
/// let selfServe = SandboxGraph.seeded().apps[1]
/// selfServe.plan                 // .payPerUse
/// selfServe.credentials.userCredentials(for: SandboxAccounts.bob)   // OAuth 1.0a on that App
/// ```
public struct SandboxApp: Sendable, Hashable, Codable {
    /// The App's numeric ID, which X's problems name as `client_id`.
    public var id: String
    /// The App's name, as the bill shows it.
    public var name: String
    /// The plan it is on (`pay-per-use` unless a graph says otherwise).
    public var plan: SandboxPlan
    /// The user who owns the App; reading that user's own followers or following is an Owned
    /// Read. `nil` when no user owns it.
    public var ownerID: String?
    /// Its keys and tokens.
    public var credentials: SandboxCredentials

    /// Creates an App.
    public init(id: String, name: String, plan: SandboxPlan = .payPerUse, ownerID: String? = nil, credentials: SandboxCredentials) {
        self.id = id
        self.name = name
        self.plan = plan
        self.ownerID = ownerID
        self.credentials = credentials
    }

    /// The key its App-scoped limits and its bill count under: the consumer key.
    public var key: String { credentials.consumerKey }

    /// Whether the App's plan includes `operation` (the spec's `x-availability`).
    public func includes(_ operation: OperationDescriptor) -> Bool {
        operation.availability?.includes(plan: plan.rawValue) ?? true
    }

    enum CodingKeys: String, CodingKey {
        case id, name, plan, credentials
        case ownerID = "owner_id"
    }

    /// Decodes an App; `plan` defaults to `pay-per-use` and `owner_id` to none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        plan = try container.decodeIfPresent(SandboxPlan.self, forKey: .plan) ?? .payPerUse
        ownerID = try container.decodeIfPresent(String.self, forKey: .ownerID)
        credentials = try container.decode(SandboxCredentials.self, forKey: .credentials)
    }
}

/// A plan of X's, by X's name: what an App may call (the spec's `x-availability` names the
/// plans that include an operation).
public struct SandboxPlan: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// X's name of the plan.
    public var rawValue: String

    /// A plan by name.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Pay-per-usage (self-serve, since 2026-02-06): credits, no follow since 2026-04-20.
    public static let payPerUse = SandboxPlan(rawValue: "pay-per-use")
    /// Enterprise: every endpoint.
    public static let enterprise = SandboxPlan(rawValue: "enterprise")

    /// The name.
    public var description: String { rawValue }

    /// Decodes the plan's name.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the plan's name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
