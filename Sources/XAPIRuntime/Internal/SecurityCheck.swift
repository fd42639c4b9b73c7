/// Checks credentials against an operation's `security` before any I/O.
enum SecurityCheck {
    static func verify(_ credentials: any Authentication, for operation: OperationDescriptor) throws {
        if let schemes = credentials as? SchemeCredentials {
            _ = try schemes.requirement(for: operation)
            return
        }
        guard !operation.security.isEmpty else {
            if !operation.schemeSecurity.isEmpty {
                throw XAPIError(
                    code: .authentication,
                    operationID: operation.id,
                    message: "The operation accepts \(operation.schemeSecurity.map { "[\($0)]" }.joined(separator: " or ")), "
                        + "not \(credentials.method) credentials; use SchemeCredentials. Nothing was sent."
                )
            }
            return
        }
        let method = credentials.method
        let sameMethod = operation.security.filter { $0.method == method }
        let accepted = operation.security.map(\.description).joined(separator: "; ")
        guard !sameMethod.isEmpty else {
            throw XAPIError(
                code: .authentication,
                operationID: operation.id,
                message: "The operation accepts \(accepted), not \(method) credentials; nothing was sent."
            )
        }
        guard method == .oauth2UserContext, let granted = credentials.grantedScopes else { return }
        var missingSets: [Set<OAuth2Scope>] = []
        for requirement in sameMethod {
            guard case .oauth2UserContext(let required) = requirement else { return }
            let missing = required.subtracting(granted)
            if missing.isEmpty { return }
            missingSets.append(missing)
        }
        let missing = missingSets.min { $0.count < $1.count } ?? []
        throw XAPIError(
            code: .authentication,
            operationID: operation.id,
            message: "The OAuth 2.0 token lacks the scope(s) \(missing.sorted().map(\.rawValue).joined(separator: ", ")) that the "
                + "operation requires (\(accepted)); nothing was sent."
        )
    }
}
