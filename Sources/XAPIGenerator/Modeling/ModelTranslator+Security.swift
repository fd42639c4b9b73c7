extension ModelTranslator {
    /// The authentication options of an operation and the contexts they
    /// allow. Returns `supported == false` (with a warning) when no option is
    /// one the runtime implements.
    mutating func securityModel(_ operation: Operation, subject: String) -> ([SecurityOption], Set<AuthContext>, supported: Bool) {
        let requirements = operation.security ?? document.security ?? []
        if requirements.isEmpty || requirements.contains(where: { $0.schemes.isEmpty }) {
            // No authentication needed: every client may call it.
            return ([], [], true)
        }
        var options: [SecurityOption] = []
        var contexts: Set<AuthContext> = []
        for requirement in requirements {
            guard requirement.schemes.count == 1, let (name, scopes) = requirement.schemes.first else {
                diagnostics.warning("a security requirement that combines several schemes is not supported and is ignored", at: requirement.location)
                continue
            }
            guard let scheme = components.securitySchemes[name.value] else { continue }
            let override = scheme.authContext.flatMap { AuthContext(rawValue: $0.value) }
            switch scheme.kind {
            case .http(let httpScheme) where httpScheme.lowercased() == "bearer":
                let context = override ?? .app
                contexts.insert(context)
                options.append(context == .app
                    ? .appOnly(scheme: name.value, description: scheme.description)
                    : .oauth2UserContext(scheme: name.value, scopes: scopes.map(\.value), description: scheme.description))
            case .http(let httpScheme) where httpScheme.lowercased() == "oauth":
                contexts.insert(override ?? .user)
                options.append(.oauth1UserContext(scheme: name.value, description: scheme.description))
            case .oauth2(let flows):
                let userFlows = flows.filter { $0.name != "clientCredentials" }
                let context = override ?? (userFlows.isEmpty ? .app : .user)
                contexts.insert(context)
                options.append(context == .app
                    ? .appOnly(scheme: name.value, description: scheme.description)
                    : .oauth2UserContext(scheme: name.value, scopes: scopes.map(\.value), description: scheme.description))
            default:
                diagnostics.warning("security scheme '\(name.value)' is of a kind the runtime does not implement; \(subject) ignores it", at: name.location)
            }
        }
        if options.isEmpty {
            diagnostics.warning("\(subject) accepts no authentication the runtime implements and is not generated", at: operation.location)
            return ([], [], false)
        }
        return (options, contexts, true)
    }
}

// MARK: Obtaining tokens

extension ModelTranslator {
    /// The scopes and endpoints of the spec's security schemes, in declaration order.
    mutating func authorizationModel(operations: [OperationModel]) -> AuthorizationModel {
        var model = AuthorizationModel()
        var seenScopes: Set<String> = []
        var names: [AuthorizationModel.Endpoints.Kind: UniqueNames] = [:]
        for (name, scheme) in document.components.securitySchemes {
            let subject = "security scheme '\(name.value)'"
            var kind: AuthorizationModel.Endpoints.Kind?
            var urls: [(label: String, url: String)] = []
            let extra = scheme.endpoints
            switch scheme.kind {
            case .oauth2(let flows):
                for flow in flows {
                    for scope in flow.scopes where seenScopes.insert(scope).inserted {
                        model.scopes.append(.init(name: scope, description: flow.scopeDescriptions[scope]))
                    }
                }
                guard let code = flows.first(where: { $0.name == "authorizationCode" }),
                      let authorization = code.authorizationURL, let token = code.tokenURL
                else { break }
                kind = .oauth2
                urls = [("authorizationURL", authorization.value), ("tokenURL", token.value)]
                if let refresh = code.refreshURL { urls.append(("refreshURL", refresh.value)) }
                if let revocation = extra["revocation"] { urls.append(("revocationURL", revocation.value)) }
                reportUnused(extra, allowed: ["revocation"], subject: subject)
            case .http(let httpScheme) where httpScheme.lowercased() == "oauth":
                guard !extra.isEmpty else { break }
                let roles = [("requestTokenURL", "request-token"), ("authorizationURL", "authorization"), ("accessTokenURL", "access-token")]
                guard let found = required(roles, in: extra, scheme: scheme, subject: subject) else { break }
                kind = .oauth1
                urls = found
                reportUnused(extra, allowed: ["request-token", "authorization", "access-token"], subject: subject)
            case .http(let httpScheme) where httpScheme.lowercased() == "bearer":
                guard !extra.isEmpty else { break }
                guard let found = required([("tokenURL", "token"), ("invalidationURL", "invalidation")], in: extra, scheme: scheme, subject: subject) else { break }
                kind = .appOnly
                urls = found
                reportUnused(extra, allowed: ["token", "invalidation"], subject: subject)
            default:
                if let location = scheme.endpointsLocation {
                    diagnostics.warning("'x-endpoints' of \(subject) is ignored: only OAuth 2.0, OAuth 1.0a (http OAuth) and bearer schemes have endpoints", at: location)
                }
            }
            guard let kind else { continue }
            let proposed = scheme.swiftName.map(\.value) ?? NameCasing.lowerCamelIdentifier(name.value)
            let swiftName = names[kind, default: UniqueNames(taken: ["init", "relocated"])].claim(SwiftIdentifiers.sanitized(proposed))
            model.endpoints.append(.init(kind: kind, swiftName: swiftName, scheme: name.value, description: scheme.description, urls: urls))
        }
        let lookups = operations.filter(\.isAuthenticatedUserLookup)
        if let lookup = lookups.first {
            model.authenticatedUserLookup = lookup.id
            for extra in lookups.dropFirst() {
                diagnostics.error("'x-authenticated-user-lookup' marks both '\(lookup.id)' and '\(extra.id)'; only one operation may name the authenticated user", at: extra.location)
            }
            if lookup.method != .get || lookup.parameters.contains(where: \.isRequired) || lookup.body?.isRequired == true {
                diagnostics.error("'x-authenticated-user-lookup' operation '\(lookup.id)' must be a GET without required parameters", at: lookup.location)
                model.authenticatedUserLookup = nil
            }
        }
        return model
    }

    /// The URLs of every role, or `nil` with an error naming the first one missing.
    private mutating func required(
        _ roles: [(label: String, role: String)], in endpoints: [String: Located<String>], scheme: SecurityScheme, subject: String
    ) -> [(label: String, url: String)]? {
        var urls: [(label: String, url: String)] = []
        for (label, role) in roles {
            guard let url = endpoints[role] else {
                diagnostics.error("'x-endpoints' of \(subject) needs '\(role)' too", at: scheme.endpointsLocation ?? scheme.location)
                return nil
            }
            urls.append((label, url.value))
        }
        return urls
    }

    private mutating func reportUnused(_ endpoints: [String: Located<String>], allowed: Set<String>, subject: String) {
        for (role, url) in endpoints.sorted(by: { $0.key < $1.key }) where !allowed.contains(role) {
            diagnostics.error("'x-endpoints' of \(subject) may not name '\(role)'; its roles are \(allowed.sorted().joined(separator: ", "))", at: url.location)
        }
    }
}
