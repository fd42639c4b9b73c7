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
            var schemes: [(name: Located<String>, scopes: [Located<String>], scheme: SecurityScheme)] = []
            for (name, scopes) in requirement.schemes {
                // An undefined scheme is the checker's error already.
                guard let scheme = components.securitySchemes[name.value] else { continue }
                schemes.append((name, scopes, scheme))
            }
            guard schemes.count == requirement.schemes.count, !schemes.isEmpty else { continue }
            if let (option, context) = xOption(schemes.map { ($0.name.value, $0.scopes.map(\.value), $0.scheme) }) {
                contexts.insert(context)
                options.append(option)
                continue
            }
            // The spec's own schemes, alone or together: the runtime's SchemeCredentials.
            for (name, _, scheme) in schemes {
                noteScheme(name, scheme: scheme, subject: subject)
            }
            contexts.insert(.scheme)
            options.append(.schemes(schemes.map { SchemeUse(scheme: $0.name.value, scopes: $0.scopes.map(\.value)) }))
        }
        if options.isEmpty {
            diagnostics.warning("\(subject) accepts no authentication the runtime implements and is not generated", at: operation.location)
            return ([], [], false)
        }
        return (options, contexts, true)
    }

    /// One of X's methods when a requirement is one: a single http `bearer` (App-only unless
    /// `x-auth-context` says otherwise), http `OAuth` (OAuth 1.0a) or `oauth2` scheme, or
    /// OAuth 2.0 schemes of one context together (one token holds the scopes of both, as
    /// Google's `Oauth2` and `Oauth2c`). `nil` for anything else.
    private func xOption(_ schemes: [(name: String, scopes: [String], scheme: SecurityScheme)]) -> (SecurityOption, AuthContext)? {
        func override(_ scheme: SecurityScheme) -> AuthContext? { scheme.authContext.flatMap { AuthContext(rawValue: $0.value) } }
        if schemes.count == 1, let (name, scopes, scheme) = schemes.first {
            switch scheme.kind {
            case .http(let httpScheme) where httpScheme.lowercased() == "bearer":
                let context = override(scheme) ?? .app
                return (context == .app
                    ? .appOnly(scheme: name, description: scheme.description)
                    : .oauth2UserContext(scheme: name, scopes: scopes, description: scheme.description), context)
            case .http(let httpScheme) where httpScheme.lowercased() == "oauth":
                return (.oauth1UserContext(scheme: name, description: scheme.description), override(scheme) ?? .user)
            default:
                break
            }
        }
        var context: AuthContext?
        var scopes: [String] = []
        for (_, schemeScopes, scheme) in schemes {
            guard case .oauth2(let flows) = scheme.kind else { return nil }
            let userFlows = flows.filter { $0.name != "clientCredentials" }
            let this = override(scheme) ?? (userFlows.isEmpty ? .app : .user)
            guard context == nil || context == this else { return nil }
            context = this
            for scope in schemeScopes where !scopes.contains(scope) { scopes.append(scope) }
        }
        guard let context, let first = schemes.first else { return nil }
        return (context == .app
            ? .appOnly(scheme: first.name, description: first.scheme.description)
            : .oauth2UserContext(scheme: first.name, scopes: scopes, description: first.scheme.description), context)
    }

    /// Records a scheme a `.schemes` option uses, warning once where the runtime sends less
    /// than the scheme asks.
    private mutating func noteScheme(_ name: Located<String>, scheme: SecurityScheme, subject: String) {
        guard !usedSchemes.contains(name.value) else { return }
        usedSchemes.append(name.value)
        switch scheme.kind {
        case .mutualTLS:
            diagnostics.warning("security scheme '\(name.value)' is mutual TLS: the transport must present the client certificate; generated requests carry nothing for it", at: scheme.location)
        case .http(let httpScheme) where !["basic", "bearer"].contains(httpScheme.lowercased()):
            diagnostics.warning("security scheme '\(name.value)' uses HTTP '\(httpScheme)', which the runtime does not compute: the token given is sent as 'Authorization: \(httpScheme) <token>'", at: scheme.location)
        default:
            break
        }
    }

    /// The schemes `.schemes` options use, as the runtime describes them, named uniquely.
    func securitySchemeModels() -> [SecuritySchemeModel] {
        var names = UniqueNames(taken: ["name", "kind", "description", "init", "self", "Type"])
        var models: [SecuritySchemeModel] = []
        for (name, scheme) in document.components.securitySchemes where usedSchemes.contains(name.value) {
            let kind: SecuritySchemeModel.Kind
            switch scheme.kind {
            case .apiKey(let keyName, let location): kind = .apiKey(name: keyName, location: location)
            case .http(let httpScheme): kind = .http(scheme: httpScheme)
            case .oauth2: kind = .oauth2
            case .openIDConnect: kind = .openIDConnect
            case .mutualTLS: kind = .mutualTLS
            case .unknown: continue
            }
            let proposal = scheme.swiftName?.value ?? NameCasing.lowerCamelIdentifier(name.value)
            models.append(SecuritySchemeModel(name: name.value, swiftName: names.claim(proposal, infix: "Scheme"), kind: kind, description: scheme.description))
        }
        return models
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
