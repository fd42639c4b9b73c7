/// Clients.swift, continued: the documentation of each endpoint function,
/// with an example call and its parameters, limits and authentication.
extension SwiftRenderer {
    // MARK: Documentation

    func functionDocumentation(_ operation: OperationModel, arguments: [Argument]) -> DocComment {
        var doc = DocComment((operation.summary.map { $0.hasSuffix(".") ? $0 : $0 + "." }) ?? "`\(operation.method.rawValue.uppercased()) \(operation.path)`.")
        if let description = operation.description { doc.paragraph(description) }
        if operation.streaming != nil {
            let call = exampleCall(name: operation.functionName, arguments: arguments)
            doc.verbatim(["```swift", "for try await event in try \(streamIsAsync(operation) ? "await " : "")\(call) {", "    print(event)", "}", "```"])
        } else {
            doc.verbatim(["```swift", "let response = try await \(exampleCall(name: operation.functionName, arguments: arguments))", "```"])
        }

        var callouts: [String] = []
        if !operation.security.isEmpty {
            let methods = operation.security.map { option -> String in
                switch option {
                case .appOnly: "OAuth 2.0 App-only bearer token"
                case .oauth1UserContext: "OAuth 1.0a user context"
                case .oauth2UserContext(_, let scopes, _):
                    scopes.isEmpty
                        ? "OAuth 2.0 user context"
                        : "OAuth 2.0 user context with scopes " + scopes.map { "`\($0)`" }.joined(separator: ", ")
                case .schemes(let uses):
                    uses.map { use in
                        "`\(use.scheme)`" + (use.scopes.isEmpty ? "" : " with scopes " + use.scopes.map { "`\($0)`" }.joined(separator: ", "))
                    }.joined(separator: " and ") + " (`SchemeCredentials`)"
                }
            }
            callouts.append("- Authentication: " + methods.joined(separator: "; ") + ".")
        }
        callouts.append(contentsOf: limitLines(operation) + costLines(operation))
        if !operation.replaces.isEmpty {
            callouts.append("- Replaces: " + operation.replaces.map { "`\($0)`" }.joined(separator: ", ") + ".")
        }
        if operation.isIdempotent && operation.method != .get {
            callouts.append("- Note: Repeating the request changes nothing more, so clients may retry it.")
        }
        if let docs = operation.externalDocsURL {
            callouts.append("- SeeAlso: <\(docs)>")
        }
        if !arguments.isEmpty {
            callouts.append("- Parameters:")
            for argument in arguments {
                var text = Self.flatten(argument.documentation ?? "")
                if case .parameter(let parameter) = argument.source {
                    text += Self.constraintSummary(parameter)
                }
                callouts.append("  - \(argument.name): " + (text.isEmpty ? "See the spec." : text))
            }
        }
        let returned = operation.response.type.map { "``\(names.spell($0))``" } ?? "no body"
        if operation.streaming != nil {
            if arguments.isEmpty { callouts.append("- Parameters:") }
            callouts.append("  - options: How the stream reconnects, what counts as a dead connection, what to do with a line that is not an event, and a hook for each notice.")
            callouts.append("- Returns: The stream of events, each a \(returned), for as long as you iterate: it connects on the first `next()`, reconnects as X's handling-disconnections page asks, and closes the connection when the task is cancelled or the loop ends.")
            callouts.append("- Throws: `XAPIError`, before any request when an argument breaks the spec's rules, the credentials cannot call this operation or the transport cannot stream. Iterating throws for refusals waiting cannot fix\(operation.pricing == nil ? "" : " and when the budget has no room for another event").")
        } else {
            let status = operation.response.description.flatMap(DocComment.firstSentence).map { " \($0)" } ?? ""
            callouts.append("- Returns: The `\(operation.response.status)` response with \(returned), its headers and rate-limit status.\(status)")
            let budget = operation.pricing == nil ? "" : ", or its worst-case cost would pass the configured budget"
            callouts.append("- Throws: `XAPIError`, before any request when an argument breaks the spec's rules or the credentials cannot call this operation\(budget), and for a failed request or a response that does not decode.")
        }
        var wrapped: [String] = []
        for callout in callouts {
            let indent = String(callout.prefix { $0 == " " })
            wrapped.append(contentsOf: DocComment.wrap(DocComment.trimmingSpaces(callout), indent: indent, hang: indent + "  "))
        }
        doc.verbatim(wrapped)
        return doc
    }

    static func flatten(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { DocComment.trimmingSpaces($0) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func constraintSummary(_ parameter: ParameterModel) -> String {
        var parts: [String] = []
        if let minimum = parameter.constraints.minimum, let maximum = parameter.constraints.maximum {
            parts.append("\(JSONLiteral.number(minimum).jsonText)–\(JSONLiteral.number(maximum).jsonText)")
        }
        if let value = parameter.defaultValue {
            parts.append("default \(value.jsonText)")
        }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ".)"
    }

    /// `client.followers(of: "2244994945")`: a call with the leading arguments' examples.
    func exampleCall(name: String, arguments: [Argument]) -> String {
        let values = arguments.filter { $0.defaultValue == nil }.map { argument -> String in
            let example: String
            switch argument.source {
            case .parameter(let parameter):
                example = parameter.example.flatMap { literal($0, as: parameter.type) } ?? placeholder(parameter.type)
            case .bodyMember(let member, _):
                example = member.example.flatMap { literal($0, as: member.type) } ?? placeholder(member.type)
            case .body:
                example = "body"
            case .part(let part):
                example = SwiftIdentifiers.member(part.property.jsonName)
            }
            return argument.label == "_" ? example : "\(argument.label): \(example)"
        }
        return "client.\(SwiftIdentifiers.escaped(name))(\(values.joined(separator: ", ")))"
    }

    func placeholder(_ type: TypeReference) -> String {
        switch type {
        case .string: "\"…\""
        case .integer, .number: "1"
        case .boolean: "true"
        case .array, .set: "[]"
        case .named(let name):
            if case .alias(let target)? = declaration(name)?.kind { placeholder(target) } else { "…" }
        default: "…"
        }
    }
}
