/// Operations.swift: each operation's descriptor, the types only an
/// operation uses, and the page conformances of paginated responses.
extension SwiftRenderer {
    func renderOperations(into writer: inout CodeWriter) {
        if !model.operations.isEmpty {
            let scopes = scopeNames
            writer.block("extension OperationDescriptor") { writer in
                for (index, operation) in model.operations.enumerated() {
                    if index > 0 { writer.line() }
                    renderDescriptor(operation, scopes: scopes, into: &writer)
                }
            }
            writer.line()
        }
        renderParameterDescriptions(into: &writer)
        renderAuthorization(into: &writer)
        renderSecuritySchemes(into: &writer)
        for declaration in model.types where !isComponent(declaration) && !isSelection(declaration) {
            renderTree(declaration, into: &writer)
        }
        for page in model.paginations {
            renderPageConformance(page, into: &writer)
            writer.line()
        }
        for billable in model.billables {
            renderBillableConformance(billable, into: &writer)
            writer.line()
        }
        for event in model.streamEvents {
            renderStreamEventConformance(event, into: &writer)
            writer.line()
        }
    }

    /// `OperationDescriptor.usersIdFollowers`.
    func descriptorName(_ operation: OperationModel) -> String {
        SwiftIdentifiers.escaped(SwiftIdentifiers.sanitized(NameCasing.lowerCamelIdentifier(operation.id)))
    }

    private func renderDescriptor(_ operation: OperationModel, scopes scopeNames: [String: String], into writer: inout CodeWriter) {
        var doc = DocComment("`\(operation.method.rawValue.uppercased()) \(operation.path)`" + (operation.summary.map { ": \($0)." } ?? "."))
        let callouts = limitLines(operation) + costLines(operation)
        for line in callouts { doc.callout(line, separated: line == callouts.first) }
        writer.documentation(doc)
        writer.line("public static let \(descriptorName(operation)) = OperationDescriptor(")
        writer.indented { writer in
            writer.line("id: \(SwiftIdentifiers.stringLiteral(operation.id)),")
            writer.line("method: .\(operation.method.rawValue),")
            writer.line("path: \(SwiftIdentifiers.stringLiteral(operation.path)),")
            let security = operation.security.compactMap { option -> String? in
                switch option {
                case .appOnly: ".appOnly"
                case .oauth1UserContext: ".oauth1UserContext"
                case .oauth2UserContext(_, let scopes, _):
                    ".oauth2UserContext(scopes: [\(scopes.map { scopeReference($0, names: scopeNames) }.joined(separator: ", "))])"
                case .schemes: nil
                }
            }
            list("security", security, into: &writer)
            let schemeSecurity = operation.security.compactMap { option -> String? in
                guard case .schemes(let uses) = option else { return nil }
                let items = uses.map { use -> String in
                    let scheme = ".\(schemeSwiftName(use.scheme))"
                    let scopes = use.scopes.isEmpty ? "" : ", scopes: [\(use.scopes.map(SwiftIdentifiers.stringLiteral).joined(separator: ", "))]"
                    return ".init(\(scheme)\(scopes))"
                }
                return "SchemeRequirement([\(items.joined(separator: ", "))])"
            }
            if !schemeSecurity.isEmpty { list("schemeSecurity", schemeSecurity, into: &writer) }
            list("rateLimits", operation.rateLimits.map {
                "RateLimitRule(scope: .\($0.scope.rawValue), requests: \($0.requests), windowSeconds: \($0.window))"
            }, into: &writer)
            list("dailyCaps", operation.dailyCaps.map {
                "DailyCapRule(scope: .\($0.scope.rawValue), limit: \($0.limit))"
            }, into: &writer)
            let extras = operation.pricing != nil || operation.availability != nil || operation.pagination != nil || operation.streaming != nil
            writer.line("isIdempotent: \(operation.isIdempotent)\(extras ? "," : "")")
            if let pricing = operation.pricing {
                renderPricingArgument(pricing, into: &writer)
            }
            if let availability = operation.availability {
                renderAvailabilityArgument(availability, into: &writer)
            }
            if let pagination = operation.pagination {
                let size = pagination.pageSizeParameter.map { ", pageSizeParameter: \(SwiftIdentifiers.stringLiteral($0))" } ?? ""
                writer.line("pagination: OperationPagination(tokenParameter: \(SwiftIdentifiers.stringLiteral(pagination.tokenParameter))\(size)),")
            }
            if let streaming = operation.streaming {
                var arguments: [String] = []
                if let backfill = streaming.backfillParameter { arguments.append("backfillParameter: \(SwiftIdentifiers.stringLiteral(backfill))") }
                if let maximum = streaming.maximumBackfillMinutes { arguments.append("maximumBackfillMinutes: \(maximum)") }
                if let connections = streaming.maximumConnections { arguments.append("maximumConnections: \(connections)") }
                writer.line("streaming: OperationStreaming(\(arguments.joined(separator: ", "))),")
            }
            if extras { writer.trimTrailingComma() }
        }
        writer.line(")")
    }

    /// The static `SecuritySchemeDescriptor` of a scheme `.schemes` options name.
    func schemeSwiftName(_ scheme: String) -> String {
        SwiftIdentifiers.escaped(model.securitySchemes.first { $0.name == scheme }?.swiftName ?? NameCasing.lowerCamelIdentifier(scheme))
    }

    /// `extension SecuritySchemeDescriptor { public static let apiKey = … }`: the schemes that
    /// `SchemeCredentials` are given for.
    private func renderSecuritySchemes(into writer: inout CodeWriter) {
        guard !model.securitySchemes.isEmpty else { return }
        writer.block("extension SecuritySchemeDescriptor") { writer in
            for (index, scheme) in model.securitySchemes.enumerated() {
                if index > 0 { writer.line() }
                let kind: String
                switch scheme.kind {
                case .apiKey(let name, let location): kind = ".apiKey(name: \(SwiftIdentifiers.stringLiteral(name)), in: .\(location))"
                case .http(let httpScheme): kind = ".http(scheme: \(SwiftIdentifiers.stringLiteral(httpScheme)))"
                case .oauth2: kind = ".oauth2"
                case .openIDConnect: kind = ".openIDConnect"
                case .mutualTLS: kind = ".mutualTLS"
                }
                let credential: String = switch scheme.kind {
                case .apiKey: "`.apiKey(key)`"
                case .http(let httpScheme) where httpScheme.lowercased() == "basic": "`.basic(username:password:)`"
                case .mutualTLS: "nothing: the transport presents the client certificate"
                default: "`.token(token)`"
                }
                var doc = DocComment("The `\(scheme.name)` security scheme; its credential is \(credential).")
                if let description = scheme.description { doc.paragraph(description) }
                writer.documentation(doc)
                writer.line("public static let \(SwiftIdentifiers.escaped(scheme.swiftName)) = SecuritySchemeDescriptor(name: \(SwiftIdentifiers.stringLiteral(scheme.name)), kind: \(kind))")
            }
        }
        writer.line()
    }

    private func list(_ label: String, _ items: [String], into writer: inout CodeWriter) {
        if items.isEmpty {
            writer.line("\(label): [],")
        } else if items.count == 1 {
            writer.line("\(label): [\(items[0])],")
        } else {
            writer.line("\(label): [")
            writer.indented { writer in
                for item in items { writer.line(item + ",") }
            }
            writer.line("],")
        }
    }

    /// Rate limit and daily cap callouts shared by descriptors and functions.
    func limitLines(_ operation: OperationModel) -> [String] {
        var lines: [String] = []
        if !operation.rateLimits.isEmpty {
            let limits = operation.rateLimits.map { limit in
                "\(limit.requests) requests per \(Self.window(limit.window)) per \(limit.scope == .user ? "user" : "App")"
            }
            lines.append("- Rate limits: " + limits.joined(separator: "; ") + ".")
        }
        if !operation.dailyCaps.isEmpty {
            let caps = operation.dailyCaps.map { cap in
                "\(Self.grouped(cap.limit)) per 24 hours per \(cap.scope == .user ? "user" : "App")"
            }
            lines.append("- Daily caps: " + caps.joined(separator: "; ") + ".")
        }
        return lines
    }

    static func window(_ seconds: Int) -> String {
        switch seconds {
        case 86_400: "24 hours"
        case let value where value % 3600 == 0: value == 3600 ? "hour" : "\(value / 3600) hours"
        case let value where value % 60 == 0: value == 60 ? "minute" : "\(value / 60) minutes"
        default: seconds == 1 ? "second" : "\(seconds) seconds"
        }
    }

    /// `1000` → `1,000`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return String(result.reversed())
    }

    private func renderPageConformance(_ page: PageConformance, into writer: inout CodeWriter) {
        let pageType = names.qualified(page.pageType)
        let pageNames = propertyNamesOf(page.pageType)
        writer.block("extension \(pageType): PaginatedResponse") { writer in
            let items = "self." + SwiftIdentifiers.afterDot(pageNames[page.itemsProperty.jsonName] ?? SwiftIdentifiers.member(page.itemsProperty.jsonName))
            writer.documentation(DocComment("The page's `\(page.itemsProperty.jsonName)`; empty when it has none."))
            writer.line("public var items: [\(names.spell(page.itemType))] { \(items)\(page.itemsProperty.isOptional ? " ?? []" : "") }")
            writer.line()
            writer.documentation(DocComment("The token of the next page, `\(page.nextToken.map(\.jsonName).joined(separator: "."))`; `nil` on the last page."))
            writer.line("public var nextToken: String? { \(access(page.nextToken, from: page.pageType)) }")
            writer.line()
            if let previous = page.previousToken {
                writer.documentation(DocComment("The token of the previous page, `\(previous.map(\.jsonName).joined(separator: "."))`; `nil` on the first page."))
                writer.line("public var previousToken: String? { \(access(previous, from: page.pageType)) }")
            } else {
                writer.documentation(DocComment("This API pages forward only."))
                writer.line("public var previousToken: String? { nil }")
            }
        }
    }

    /// `extension ActivityStreamResponse: StreamEvent`: each event's ID and kind.
    private func renderStreamEventConformance(_ event: StreamEventConformance, into writer: inout CodeWriter) {
        let type = names.qualified(event.eventType)
        writer.block("extension \(type): StreamEvent") { writer in
            if let id = event.id {
                writer.documentation(DocComment("The event's unique ID, `\(id.map(\.jsonName).joined(separator: "."))`: a stream delivers each once."))
                writer.line("public var streamEventID: String? { \(textAccess(id, from: event.eventType)) }")
            } else {
                writer.documentation(DocComment("These events carry no ID."))
                writer.line("public var streamEventID: String? { nil }")
            }
            if let kind = event.kind {
                writer.line()
                writer.documentation(DocComment("The event's kind, `\(kind.map(\.jsonName).joined(separator: "."))`, which prices it."))
                writer.line("public var streamEventType: String? { \(textAccess(kind, from: event.eventType)) }")
            }
        }
    }

    /// An access path that ends in text: a string enum at the end is read as its raw value.
    private func textAccess(_ path: [PageConformance.PathStep], from root: TypeName) -> String {
        var owner: TypeName? = root
        var leaf: TypeReference?
        for step in path {
            guard case .object(let object)? = owner.flatMap(declaration)?.kind,
                  let property = object.properties.first(where: { $0.jsonName == step.jsonName })
            else { owner = nil; leaf = nil; break }
            leaf = property.type
            if case .named(let next) = property.type { owner = next } else { owner = nil }
        }
        guard case .named(let name)? = leaf, stringEnum(name) != nil else { return access(path, from: root) }
        return access(path, from: root) + (path.last?.isOptional == true ? "?" : "") + ".rawValue"
    }

    /// `meta?.nextToken`: a Swift access path for a JSON property path.
    private func access(_ path: [PageConformance.PathStep], from root: TypeName) -> String {
        var owner: TypeName? = root
        var parts: [String] = []
        for (index, step) in path.enumerated() {
            let names = owner.map(propertyNamesOf) ?? [:]
            let name = SwiftIdentifiers.afterDot(names[step.jsonName] ?? SwiftIdentifiers.member(step.jsonName))
            let optionalChain = step.isOptional && index < path.count - 1 ? "?" : ""
            parts.append(name + optionalChain)
            if case .object(let object)? = owner.flatMap(declaration)?.kind,
               let property = object.properties.first(where: { $0.jsonName == step.jsonName }),
               case .named(let next) = property.type {
                owner = next
            } else {
                owner = nil
            }
        }
        return "self." + parts.joined(separator: ".")
    }
}
