/// Reads the `x-` extensions the generator understands. A malformed
/// extension is an error: it carries data the generated code depends on.
extension DocumentParser {
    mutating func parseOperationExtensions(_ reader: inout MappingReader, subject: String) -> OperationExtensions {
        var extensions = OperationExtensions()
        extensions.swiftName = reader.string("x-swift-name", diagnostics: &diagnostics)
        extensions.replaces = reader.stringList("x-replaces", diagnostics: &diagnostics) ?? []
        extensions.authenticatedUserLookup = reader.bool("x-authenticated-user-lookup", diagnostics: &diagnostics) ?? false
        if let node = reader.take("x-idempotent") {
            if let scalar = node.scalar, scalar.kind == .bool {
                extensions.idempotent = Located(scalar.text.lowercased() == "true", at: node.location)
            } else {
                diagnostics.error("expected a boolean for 'x-idempotent' in \(subject), found \(node.kindDescription)", at: node.location)
            }
        }
        if let node = reader.take("x-rate-limits") {
            extensions.rateLimits = parseLimitList(node, keyword: "x-rate-limits", subject: subject) { parser, entry in
                // Read every key before judging, so one bad value is one diagnostic.
                let scope = parser.limitScope(&entry)
                let requests = parser.positiveInteger(&entry, "requests")
                let window = parser.positiveInteger(&entry, "window")
                let description = entry.text("description", diagnostics: &parser.diagnostics)
                guard let scope, let requests, let window else { return nil }
                return RateLimitExtension(scope: scope, requests: requests, window: window, description: description, location: entry.node.location)
            }
        }
        if let node = reader.take("x-daily-caps") {
            extensions.dailyCaps = parseLimitList(node, keyword: "x-daily-caps", subject: subject) { parser, entry in
                let scope = parser.limitScope(&entry)
                let limit = parser.positiveInteger(&entry, "limit")
                let description = entry.text("description", diagnostics: &parser.diagnostics)
                guard let scope, let limit else { return nil }
                return DailyCapExtension(scope: scope, limit: limit, description: description, location: entry.node.location)
            }
        }
        if let node = reader.take("x-pagination"), node.scalar?.kind == .bool {
            if node.scalar?.text.lowercased() == "false" {
                extensions.paginationDisabled = Located(true, at: node.location)
            } else {
                diagnostics.error("'x-pagination' of \(subject) is a mapping describing the pages, or false to turn inference off; 'true' says nothing", at: node.location)
            }
        } else if let node = reader.take("x-pagination"),
           var entry = MappingReader(node, subject: "'x-pagination' of \(subject)", diagnostics: &diagnostics) {
            let items = entry.requiredString("items", diagnostics: &diagnostics)
            let token = entry.requiredString("token-parameter", diagnostics: &diagnostics)
            let next = entry.requiredString("next-token", diagnostics: &diagnostics)
            let pageSize = entry.string("page-size-parameter", diagnostics: &diagnostics)
            let previous = entry.string("previous-token", diagnostics: &diagnostics)
            let count = entry.string("result-count", diagnostics: &diagnostics)
            entry.reportUnknownKeys(severity: .error, diagnostics: &diagnostics)
            if let items, let token, let next {
                extensions.pagination = PaginationExtension(
                    items: items,
                    tokenParameter: token,
                    pageSizeParameter: pageSize,
                    nextToken: next,
                    previousToken: previous,
                    resultCount: count,
                    location: node.location
                )
            }
        }
        extensions.streaming = parseStreaming(&reader, subject: subject)
        if let node = reader.take("x-pricing") {
            extensions.pricing = parsePricing(node, subject: subject)
        }
        if let node = reader.take("x-availability"),
           var entry = MappingReader(node, subject: "'x-availability' of \(subject)", diagnostics: &diagnostics) {
            let plans = entry.stringList("plans", diagnostics: &diagnostics)
            if plans == nil, entry.keyLocation("plans") == nil {
                diagnostics.error("missing required key 'plans' in \(entry.subject)", at: node.location)
            }
            let since = entry.string("since", diagnostics: &diagnostics)
            let description = entry.requiredString("description", diagnostics: &diagnostics)
            entry.reportUnknownKeys(severity: .error, diagnostics: &diagnostics)
            if let plans, plans.isEmpty {
                diagnostics.error("'plans' in \(entry.subject) must name at least one plan", at: node.location)
            } else if let plans, let description {
                extensions.availability = AvailabilityExtension(plans: plans, since: since, description: description, location: node.location)
            }
        }
        return extensions
    }

    /// `x-twitter-streaming: true` and `x-streaming: {backfill-parameter, event-id, event-type}`.
    private mutating func parseStreaming(_ reader: inout MappingReader, subject: String) -> StreamingExtension? {
        let twitter = reader.bool("x-twitter-streaming", diagnostics: &diagnostics)
        let twitterLocation = reader.keyLocation("x-twitter-streaming")
        guard let node = reader.take("x-streaming") else {
            guard twitter == true, let twitterLocation else { return nil }
            return StreamingExtension(isDeclared: false, location: twitterLocation)
        }
        if node.scalar?.kind == .bool {
            guard node.scalar?.text.lowercased() == "true" else { return nil }
            return StreamingExtension(isDeclared: false, location: node.location)
        }
        guard var entry = MappingReader(node, subject: "'x-streaming' of \(subject)", diagnostics: &diagnostics) else { return nil }
        let backfill = entry.string("backfill-parameter", diagnostics: &diagnostics)
        let eventID = entry.string("event-id", diagnostics: &diagnostics)
        let eventType = entry.string("event-type", diagnostics: &diagnostics)
        let connections = entry.integer("connections", diagnostics: &diagnostics)
        if let connections, connections.value < 1 {
            diagnostics.error("'connections' in \(entry.subject) must be positive, not \(connections.value)", at: connections.location)
        }
        entry.reportUnknownKeys(severity: .error, diagnostics: &diagnostics)
        if twitter == false, let twitterLocation {
            diagnostics.error("\(subject) says 'x-twitter-streaming: false' and has 'x-streaming'", at: twitterLocation)
            return nil
        }
        return StreamingExtension(backfillParameter: backfill, eventID: eventID, eventType: eventType,
                                  connections: connections.flatMap { $0.value > 0 ? $0 : nil }, isDeclared: true, location: node.location)
    }

    /// `x-pricing`: prices are exact decimals, written as a string or a plain number.
    private mutating func parsePricing(_ node: SpecNode, subject: String) -> PricingExtension? {
        guard var entry = MappingReader(node, subject: "'x-pricing' of \(subject)", diagnostics: &diagnostics) else { return nil }
        let category = entry.requiredString("category", diagnostics: &diagnostics)
        let chargedText = entry.requiredString("charged", diagnostics: &diagnostics)
        let resource = entry.string("resource", diagnostics: &diagnostics)
        let resources = entry.string("resources", diagnostics: &diagnostics)
        let resourceID = entry.string("resource-id", diagnostics: &diagnostics)
        var price: Located<String>?
        if let node = entry.require("price", diagnostics: &diagnostics) { price = self.price(node, "'price' in \(entry.subject)") }
        let atMost = entry.string("at-most", diagnostics: &diagnostics)
        let description = entry.text("description", diagnostics: &diagnostics)
        var ownedPrice: Located<String>?
        var ownedParameter: Located<String>?
        var eventPrices: [(type: Located<String>, price: Located<String>)] = []
        let pricesNode = entry.take("prices")
        if let pricesNode {
            if let entries = pricesNode.entries {
                for item in entries {
                    if let value = self.price(item.value, "the price of event '\(item.key)' in \(entry.subject)") {
                        eventPrices.append((Located(item.key, at: item.keyLocation), value))
                    }
                }
            } else {
                diagnostics.error("expected a mapping of event kinds to prices for 'prices' in \(entry.subject), found \(pricesNode.kindDescription)", at: pricesNode.location)
            }
        }
        let owned = entry.take("owned-read")
        if let owned,
           var ownedEntry = MappingReader(owned, subject: "'owned-read' of \(entry.subject)", diagnostics: &diagnostics) {
            if let node = ownedEntry.require("price", diagnostics: &diagnostics) {
                ownedPrice = self.price(node, "'price' in \(ownedEntry.subject)")
            }
            ownedParameter = ownedEntry.requiredString("parameter", diagnostics: &diagnostics)
            ownedEntry.reportUnknownKeys(severity: .error, diagnostics: &diagnostics)
        }
        entry.reportUnknownKeys(severity: .error, diagnostics: &diagnostics)

        var charged: Located<PricingExtension.Charged>?
        if let chargedText {
            if let value = PricingExtension.Charged(rawValue: chargedText.value) {
                charged = Located(value, at: chargedText.location)
            } else {
                diagnostics.error("'charged' in \(entry.subject) must be 'resource', 'request' or 'event', not '\(chargedText.value)'", at: chargedText.location)
            }
        }
        if charged?.value != .event, let pricesNode {
            diagnostics.error("'prices' in \(entry.subject) gives per-event prices, which only 'charged: event' has", at: pricesNode.location)
        }
        if charged?.value == .resource {
            if resource == nil { diagnostics.error("'x-pricing' of \(subject) charges per resource and needs 'resource' (the kind, such as 'user')", at: node.location) }
            if resources == nil { diagnostics.error("'x-pricing' of \(subject) charges per resource and needs 'resources' (the response property holding them, such as 'data')", at: node.location) }
        } else if charged?.value == .event {
            let perResource = [("resource", resource?.location), ("resources", resources?.location), ("resource-id", resourceID?.location),
                               ("at-most", atMost?.location), ("owned-read", owned?.location)]
            for case let (key, location?) in perResource {
                diagnostics.error("'x-pricing' of \(subject) charges per event; '\(key)' belongs to a per-resource price", at: location)
            }
        } else if charged?.value == .request {
            let perResource = [("resource", resource?.location), ("resources", resources?.location), ("resource-id", resourceID?.location),
                               ("at-most", atMost?.location), ("owned-read", owned?.location)]
            for case let (key, location?) in perResource {
                diagnostics.error("'x-pricing' of \(subject) charges per request; '\(key)' belongs to a per-resource price", at: location)
            }
        }
        guard let category, let charged, let price, (ownedPrice == nil) == (ownedParameter == nil) else { return nil }
        guard charged.value != .resource || (resource != nil && resources != nil) else { return nil }
        return PricingExtension(category: category, charged: charged, resource: resource, resources: resources,
                                resourceID: resourceID, price: price, atMost: atMost, ownedReadPrice: ownedPrice,
                                ownedReadParameter: ownedParameter, eventPrices: eventPrices, description: description,
                                location: node.location)
    }

    /// An amount of dollars: digits with an optional fraction, as written (never through a
    /// floating-point number), from a string or a number scalar.
    private mutating func price(_ node: SpecNode, _ what: String) -> Located<String>? {
        guard let scalar = node.scalar, [.string, .integer, .number].contains(scalar.kind) else {
            diagnostics.error("expected an amount of dollars such as \"0.010\" for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        let text = scalar.text
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let valid = (1...2).contains(parts.count) && !parts[0].isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) }
        }
        guard valid, parts.joined().count <= 18 else {
            diagnostics.error("\(what) must be an amount of dollars such as \"0.010\" (digits, a point, digits; at most 18 digits), not '\(text)'", at: node.location)
            return nil
        }
        return Located(text, at: node.location)
    }

    mutating func parseParameterExtensions(_ reader: inout MappingReader, parameter: String) -> ParameterExtensions {
        var extensions = ParameterExtensions()
        extensions.swiftName = reader.string("x-swift-name", diagnostics: &diagnostics)
        extensions.authenticatedUser = reader.bool("x-authenticated-user", diagnostics: &diagnostics) ?? false
        extensions.aliases = reader.stringList("x-aliases", diagnostics: &diagnostics) ?? []
        if let node = reader.take("x-value-aliases") {
            if let entries = node.entries {
                for item in entries {
                    guard let value = MappingReader.string(item.value, "the value 'x-value-aliases' gives '\(item.key)' of parameter '\(parameter)'", diagnostics: &diagnostics) else { continue }
                    extensions.valueAliases.append((Located(item.key, at: item.keyLocation), value))
                }
            } else {
                diagnostics.error("expected a mapping of older values to current ones for 'x-value-aliases' of parameter '\(parameter)', found \(node.kindDescription)", at: node.location)
            }
        }
        if let node = reader.take("x-fields"),
           var entry = MappingReader(node, subject: "'x-fields' of parameter '\(parameter)'", diagnostics: &diagnostics) {
            let schema = entry.requiredString("schema", diagnostics: &diagnostics)
            let defaults = entry.stringList("defaults", diagnostics: &diagnostics) ?? []
            entry.reportUnknownKeys(severity: .error, diagnostics: &diagnostics)
            if let schema {
                extensions.fields = FieldsExtension(schema: schema, defaults: defaults, location: node.location)
            }
        }
        if let node = reader.take("x-expansions") {
            extensions.expansionsLocation = node.location
            if let entries = node.entries {
                for item in entries {
                    let subject = "expansion '\(item.key)' of parameter '\(parameter)'"
                    guard var entry = MappingReader(item.value, subject: subject, diagnostics: &diagnostics) else { continue }
                    let schema = entry.requiredString("schema", diagnostics: &diagnostics)
                    let field = entry.requiredString("field", diagnostics: &diagnostics)
                    let includes = entry.requiredString("includes", diagnostics: &diagnostics)
                    let target = entry.requiredString("target", diagnostics: &diagnostics)
                    let property = entry.string("property", diagnostics: &diagnostics)
                    let targetID = entry.string("target-id", diagnostics: &diagnostics)
                    let fieldsParameter = entry.string("fields-parameter", diagnostics: &diagnostics)
                    entry.reportUnknownKeys(severity: .error, diagnostics: &diagnostics)
                    if let schema, let field, let includes, let target {
                        extensions.expansions.append(ExpansionExtension(
                            name: Located(item.key, at: item.keyLocation),
                            schema: schema,
                            field: field,
                            includes: includes,
                            target: target,
                            targetID: targetID,
                            property: property,
                            fieldsParameter: fieldsParameter,
                            location: item.value.location
                        ))
                    }
                }
            } else {
                diagnostics.error("expected a mapping of expansion names for 'x-expansions' of parameter '\(parameter)', found \(node.kindDescription)", at: node.location)
            }
        }
        return extensions
    }

    private mutating func parseLimitList<Limit>(
        _ node: SpecNode,
        keyword: String,
        subject: String,
        parse: (inout DocumentParser, inout MappingReader) -> Limit?
    ) -> [Limit] {
        guard let elements = node.elements else {
            diagnostics.error("expected a sequence for '\(keyword)' in \(subject), found \(node.kindDescription)", at: node.location)
            return []
        }
        var limits: [Limit] = []
        for (index, element) in elements.enumerated() {
            guard var entry = MappingReader(element, subject: "'\(keyword)'[\(index)] of \(subject)", diagnostics: &diagnostics) else { continue }
            if let limit = parse(&self, &entry) { limits.append(limit) }
            entry.reportUnknownKeys(severity: .error, diagnostics: &diagnostics)
        }
        return limits
    }

    private mutating func limitScope(_ entry: inout MappingReader) -> LimitScope? {
        guard let text = entry.requiredString("scope", diagnostics: &diagnostics) else { return nil }
        guard let scope = LimitScope(rawValue: text.value) else {
            diagnostics.error("'scope' in \(entry.subject) must be 'user' or 'app', not '\(text.value)'", at: text.location)
            return nil
        }
        return scope
    }

    private mutating func positiveInteger(_ entry: inout MappingReader, _ key: String) -> Int? {
        guard let node = entry.require(key, diagnostics: &diagnostics),
              let value = MappingReader.integer(node, "'\(key)' in \(entry.subject)", diagnostics: &diagnostics)
        else { return nil }
        guard value.value > 0 else {
            diagnostics.error("'\(key)' in \(entry.subject) must be positive, not \(value.value)", at: value.location)
            return nil
        }
        return value.value
    }
}
