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
