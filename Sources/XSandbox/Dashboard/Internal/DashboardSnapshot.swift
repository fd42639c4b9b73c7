import Foundation
import XAPIServerRuntime
import XFollows

/// What `GET /_sandbox/state` answers, and the dashboard polls: the latest requests of the
/// journal (every field a record holds, whatever it is, so fields added to
/// ``SandboxRequestRecord`` later, such as an injected fault, show without a change here),
/// each open rate-limit window and daily cap, the bill, and counts of the grants issued.
/// Secrets never show: query values that carry tokens, codes or verifiers are redacted, App
/// keys are shortened.
enum DashboardSnapshot {
    /// How many of the latest requests it shows.
    static let requestCount = 200

    static func json(store: SandboxStore, authorization: SandboxAuthorizationState, apps: [SandboxApp],
                     keepsState: Bool, at now: Date) async -> Data {
        let records = await store.requests().suffix(requestCount)
        let limits = await store.limitViews(at: now)
        let bill = await store.bill(of: apps, at: now)
        let totals = await store.inspect { ($0.followCount, $0.pendingRequestCount) }
        let tokens = await authorization.tokenCounts(at: now)
        let billObject = (try? XAPIJSON.makeEncoder().encode(bill)).flatMap { try? JSONSerialization.jsonObject(with: $0) }
        let object: [String: Any] = [
            "notice": "This is x-sandbox's own state, not an X API endpoint.",
            "now": XAPIJSON.string(from: now),
            "keeps_state": keepsState,
            "follows": ["follows": totals.0, "pending_requests": totals.1],
            "oauth2": ["live_grants": tokens.grants, "live_access_tokens": tokens.accessTokens],
            "requests": records.map(recordObject),
            "rate_limits": limits.windows.map(limitObject),
            "daily_caps": limits.caps.map(limitObject),
            "bill": billObject ?? NSNull(),
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }

    /// A record as JSON, field by field (by reflection, so every field shows).
    static func recordObject(_ record: SandboxRequestRecord) -> [String: Any] {
        var object: [String: Any] = [:]
        for child in Mirror(reflecting: record).children {
            guard let label = child.label else { continue }
            object[snakeCase(label)] = value(child.value, label: label)
        }
        object["query"] = record.query.map { "\($0.name)=\(redacted($0.value, name: $0.name))" }.joined(separator: "&")
        return object
    }

    private static func value(_ value: Any, label: String) -> Any {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return NSNull() }
            return self.value(wrapped, label: label)
        }
        switch value {
        case let date as Date: return XAPIJSON.string(from: date)
        case let number as Int: return number
        case let text as String: return text
        case let charge as Charge: return "\(charge.amount) (\(charge.chargedUnits) of \(charge.billableUnits) units)"
        default: return String(describing: value)
        }
    }

    private static func limitObject(_ view: SandboxStore.LimitView) -> [String: Any] {
        [
            "operation_id": view.operationID, "scope": view.scope.rawValue,
            "subject": view.scope == .app ? shortened(view.subject) : view.subject,
            "limit": view.limit, "used": view.used, "reset": XAPIJSON.string(from: view.reset),
        ]
    }

    /// A secret-bearing value's redacted form: its first four characters and its length.
    static func redacted(_ value: String, name: String) -> String {
        let secretNames = ["token", "code", "verifier", "secret", "password", "key", "signature"]
        guard secretNames.contains(where: { name.lowercased().contains($0) }) else { return value }
        return shortened(value)
    }

    static func shortened(_ value: String) -> String {
        value.count <= 4 ? "…" : "\(value.prefix(4))…(\(value.count) chars)"
    }

    /// `operationID` → `operation_id`, `userID` → `user_id`, `charge` → `charge`.
    static func snakeCase(_ label: String) -> String {
        var result = ""
        var previousWasLowercase = false
        for character in label {
            if character.isUppercase, previousWasLowercase { result += "_" }
            previousWasLowercase = character.isLowercase || character.isNumber
            result += character.lowercased()
        }
        return result
    }
}
