extension DocumentParser {
    mutating func parseComponents(_ node: SpecNode) -> Components {
        var components = Components()
        guard var reader = MappingReader(node, subject: "'components'", diagnostics: &diagnostics) else { return components }

        for (name, value) in namedEntries(reader.take("schemas"), section: "schemas") {
            if let schema = parseSchema(value, subject: "schema '\(name.value)'") {
                components.schemas.append((name, schema))
            }
        }
        components.parameters = referenceables(reader.take("parameters"), section: "parameters", kind: "parameter component") { parser, node, subject in
            parser.parseParameter(node, subject: subject)
        }
        components.requestBodies = referenceables(reader.take("requestBodies"), section: "requestBodies", kind: "request body") { parser, node, subject in
            parser.parseRequestBody(node, subject: subject)
        }
        components.responses = referenceables(reader.take("responses"), section: "responses", kind: "response") { parser, node, subject in
            parser.parseResponse(node, subject: subject)
        }
        components.headers = referenceables(reader.take("headers"), section: "headers", kind: "header") { parser, node, subject in
            parser.parseHeader(node, subject: subject)
        }
        for (name, value) in namedEntries(reader.take("securitySchemes"), section: "securitySchemes") {
            if let scheme = parseSecurityScheme(value, name: name.value) {
                components.securitySchemes.append((name, scheme))
            }
        }
        reader.ignore("examples", "links", "callbacks", "pathItems")
        reader.reportUnknownKeys(diagnostics: &diagnostics)
        return components
    }

    /// One components section whose entries are values or references.
    private mutating func referenceables<Value>(
        _ node: SpecNode?,
        section: String,
        kind: String,
        parse: (inout DocumentParser, SpecNode, String) -> Value?
    ) -> [(Located<String>, Referenceable<Value>)] {
        namedEntries(node, section: section).compactMap { name, value in
            let subject = "\(kind) '\(name.value)'"
            return parseReferenceable(value, subject: subject) { parser, node in parse(&parser, node, subject) }
                .map { (name, $0) }
        }
    }

    /// The entries of one components section, with names checked against
    /// OpenAPI's `^[a-zA-Z0-9.\-_]+$`.
    private mutating func namedEntries(_ node: SpecNode?, section: String) -> [(Located<String>, SpecNode)] {
        guard let node else { return [] }
        guard let entries = node.entries else {
            diagnostics.error("expected a mapping for 'components.\(section)', found \(node.kindDescription)", at: node.location)
            return []
        }
        return entries.compactMap { entry in
            if entry.key.hasPrefix("x-") && section != "schemas" { return nil }
            let valid = !entry.key.isEmpty && entry.key.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_"
            }
            if !valid {
                diagnostics.error("component name '\(entry.key)' may only use letters, digits, '.', '-' and '_'", at: entry.keyLocation)
                return nil
            }
            return (Located(entry.key, at: entry.keyLocation), entry.value)
        }
    }

    mutating func parseSecurityScheme(_ node: SpecNode, name: String) -> SecurityScheme? {
        let subject = "security scheme '\(name)'"
        guard var reader = MappingReader(node, subject: subject, diagnostics: &diagnostics) else { return nil }
        guard let type = reader.requiredString("type", diagnostics: &diagnostics) else { return nil }
        let description = reader.text("description", diagnostics: &diagnostics)
        let kind: SecurityScheme.Kind
        switch type.value {
        case "http":
            guard let scheme = reader.requiredString("scheme", diagnostics: &diagnostics) else { return nil }
            reader.ignore("bearerFormat")
            kind = .http(scheme: scheme.value)
        case "oauth2":
            guard let flowsNode = reader.require("flows", diagnostics: &diagnostics),
                  let flowEntries = MappingReader(flowsNode, subject: "'flows' of \(subject)", diagnostics: &diagnostics)
            else { return nil }
            var flows: [SecurityScheme.OAuthFlow] = []
            for flowName in flowEntries.keys where !flowName.hasPrefix("x-") {
                guard ["authorizationCode", "clientCredentials", "implicit", "password"].contains(flowName) else {
                    diagnostics.error("unknown OAuth 2.0 flow '\(flowName)' in \(subject)", at: flowEntries.keyLocation(flowName) ?? flowsNode.location)
                    continue
                }
                guard let flowNode = flowsNode[flowName],
                      var flowReader = MappingReader(flowNode, subject: "flow '\(flowName)' of \(subject)", diagnostics: &diagnostics)
                else { continue }
                var flow = SecurityScheme.OAuthFlow(name: flowName, scopes: [])
                if let scopesNode = flowReader.require("scopes", diagnostics: &diagnostics) {
                    if let entries = scopesNode.entries {
                        flow.scopes = entries.map(\.key)
                        for entry in entries {
                            flow.scopeDescriptions[entry.key] = entry.value.scalar?.text
                        }
                    } else {
                        diagnostics.error("expected a mapping of scope names to descriptions for 'scopes' in flow '\(flowName)' of \(subject), found \(scopesNode.kindDescription)", at: scopesNode.location)
                    }
                }
                flow.authorizationURL = flowReader.string("authorizationUrl", diagnostics: &diagnostics)
                flow.tokenURL = flowReader.string("tokenUrl", diagnostics: &diagnostics)
                flow.refreshURL = flowReader.string("refreshUrl", diagnostics: &diagnostics)
                for url in [flow.authorizationURL, flow.tokenURL, flow.refreshURL].compactMap({ $0 }) {
                    checkAbsoluteURL(url, subject: "flow '\(flowName)' of \(subject)")
                }
                flowReader.reportUnknownKeys(diagnostics: &diagnostics)
                flows.append(flow)
            }
            kind = .oauth2(flows: flows)
        case "apiKey":
            guard let keyName = reader.requiredString("name", diagnostics: &diagnostics),
                  let location = reader.requiredString("in", diagnostics: &diagnostics)
            else { return nil }
            guard ["header", "query", "cookie"].contains(location.value) else {
                diagnostics.error("'in' of \(subject) must be header, query or cookie, not '\(location.value)'", at: location.location)
                return nil
            }
            if location.value == "header", !HTTPToken.isValid(keyName.value) {
                diagnostics.error("'name' of \(subject) is not a header field name (letters, digits and !#$%&'*+-.^_`|~)", at: keyName.location)
                return nil
            }
            kind = .apiKey(name: keyName.value, location: location.value)
        case "openIdConnect":
            reader.ignore("openIdConnectUrl")
            kind = .openIDConnect
        case "mutualTLS":
            kind = .mutualTLS
        default:
            diagnostics.error("unknown security scheme type '\(type.value)' in \(subject)", at: type.location)
            kind = .unknown(type.value)
        }
        let authContext = reader.string("x-auth-context", diagnostics: &diagnostics)
        if let authContext, !["user", "app"].contains(authContext.value) {
            diagnostics.error("'x-auth-context' of \(subject) must be 'user' or 'app', not '\(authContext.value)'", at: authContext.location)
        }
        var scheme = SecurityScheme(name: name, kind: kind, description: description, authContext: authContext, location: node.location)
        scheme.swiftName = reader.string("x-swift-name", diagnostics: &diagnostics)
        if let endpointsNode = reader.take("x-endpoints"),
           var endpoints = MappingReader(endpointsNode, subject: "'x-endpoints' of \(subject)", diagnostics: &diagnostics) {
            scheme.endpointsLocation = endpointsNode.location
            for role in SecurityScheme.endpointRoles {
                guard let url = endpoints.string(role, diagnostics: &diagnostics) else { continue }
                checkAbsoluteURL(url, subject: "'x-endpoints' of \(subject)")
                scheme.endpoints[role] = url
            }
            endpoints.reportUnknownKeys(severity: .error, diagnostics: &diagnostics)
        }
        reader.reportUnknownKeys(diagnostics: &diagnostics)
        return scheme
    }

    /// An error unless `url` is an absolute `http` or `https` URL.
    private mutating func checkAbsoluteURL(_ url: Located<String>, subject: String) {
        let scheme = url.value.prefix { $0 != ":" }.lowercased()
        guard ["http", "https"].contains(scheme), url.value.dropFirst(scheme.count).hasPrefix("://"),
              url.value.count > scheme.count + 3, !url.value.contains(" ")
        else {
            diagnostics.error("'\(url.value)' in \(subject) is not an absolute http or https URL", at: url.location)
            return
        }
    }
}
