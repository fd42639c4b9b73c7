/// What an operation costs and which plans include it (`x-pricing`, `x-availability`): the
/// descriptor's `pricing:` and `availability:` arguments, the documentation callouts, and the
/// `BillableResponse` conformances of charged response types.
extension SwiftRenderer {
    /// The descriptor's `pricing:` argument, written over several lines.
    func renderPricingArgument(_ pricing: PricingModel, into writer: inout CodeWriter) {
        writer.line("pricing: OperationPricing(")
        writer.indented { writer in
            writer.line("category: \(SwiftIdentifiers.stringLiteral(pricing.category)),")
            switch pricing.unit {
            case .resource(let kind): writer.line("unit: .resource(kind: \(SwiftIdentifiers.stringLiteral(kind))),")
            case .request: writer.line("unit: .request,")
            }
            var price = "price: \(Self.usd(pricing.price))"
            if let owned = pricing.ownedRead {
                price += ","
                writer.line(price)
                price = "ownedRead: OperationPricing.OwnedRead(price: \(Self.usd(owned.price)), parameter: \(SwiftIdentifiers.stringLiteral(owned.parameter)))"
            }
            switch pricing.bound {
            case .one where !pricing.eventPrices.isEmpty:
                writer.line(price + ",")
                writer.line("eventPrices: [")
                writer.indented { writer in
                    for (type, value) in pricing.eventPrices {
                        writer.line("\(SwiftIdentifiers.stringLiteral(type)): \(Self.usd(value)),")
                    }
                }
                writer.line("]")
            case .one:
                writer.line(price)
            case .pageSize(let parameter, let defaultValue):
                writer.line(price + ",")
                writer.line("bound: .pageSize(parameter: \(SwiftIdentifiers.stringLiteral(parameter)), defaultValue: \(defaultValue))")
            case .itemCount(let parameter):
                writer.line(price + ",")
                writer.line("bound: .itemCount(parameter: \(SwiftIdentifiers.stringLiteral(parameter)))")
            }
        }
        writer.line("),")
    }

    /// The descriptor's `availability:` argument.
    func renderAvailabilityArgument(_ availability: AvailabilityModel, into writer: inout CodeWriter) {
        writer.line("availability: OperationAvailability(")
        writer.indented { writer in
            writer.line("plans: [\(availability.plans.map(SwiftIdentifiers.stringLiteral).joined(separator: ", "))],")
            if let since = availability.since { writer.line("since: \(SwiftIdentifiers.stringLiteral(since)),") }
            writer.line("note: \(SwiftIdentifiers.stringLiteral(Self.flatten(availability.description)))")
        }
        writer.line("),")
    }

    /// `USD(significand: 10, scale: 3)` for `0.010`: exact, and never failing.
    static func usd(_ text: String) -> String {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = String(parts[0]) + fraction
        while digits.count > 1, digits.first == "0" { digits.removeFirst() }
        return "USD(significand: \(digits), scale: \(fraction.count))"
    }

    /// `$0.010`, as the spec writes it.
    static func dollars(_ text: String) -> String { "$" + text }

    /// The cost and plan callouts of an operation's documentation.
    func costLines(_ operation: OperationModel) -> [String] {
        var lines: [String] = []
        if let pricing = operation.pricing {
            var line: String
            switch pricing.unit {
            case .resource where !pricing.eventPrices.isEmpty:
                let prices = pricing.eventPrices.map { "\(Self.dollars($0.price)) per `\($0.type)`" }.joined(separator: ", ")
                line = "- Cost: each event delivered: \(prices); \(Self.dollars(pricing.price)) for any other kind. X charges each event once per UTC day."
            case .resource(let kind):
                line = "- Cost: \(Self.dollars(pricing.price)) per \(kind) returned"
                if let owned = pricing.ownedRead {
                    line += "; \(Self.dollars(owned.price)) as an Owned Read: with user context, when `\(owned.parameter)` is the authenticated user and that user owns the App"
                }
                line += ". X charges each \(kind) once per UTC day; reading it again the same day is free."
            case .request:
                line = "- Cost: \(Self.dollars(pricing.price)) per request."
            }
            if let description = pricing.description { line += " " + Self.flatten(description) }
            lines.append(line)
        }
        if let availability = operation.availability {
            let plans = availability.plans.map { "`\($0)`" }.joined(separator: ", ")
            lines.append("- Plans: \(plans) only. \(Self.flatten(availability.description))")
        }
        return lines
    }

    /// `extension FollowsLookupResponse: BillableResponse`: the IDs of the charged resources.
    func renderBillableConformance(_ billable: BillableConformance, into writer: inout CodeWriter) {
        let type = names.qualified(billable.responseType)
        let property = "self." + SwiftIdentifiers.afterDot(
            propertyNamesOf(billable.responseType)[billable.property.jsonName] ?? SwiftIdentifiers.member(billable.property.jsonName))
        let id = SwiftIdentifiers.afterDot(SwiftIdentifiers.member(billable.idMember))
        let optional = billable.property.isOptional
        let expression: String
        switch (billable.isList, optional) {
        case (true, true): expression = "(\(property) ?? []).map(\\.\(id))"
        case (true, false): expression = "\(property).map(\\.\(id))"
        case (false, true): expression = "\(property).map { [$0.\(id)] } ?? []"
        case (false, false): expression = "[\(property).\(id)]"
        }
        writer.block("extension \(type): BillableResponse") { writer in
            writer.documentation(DocComment("The `\(billable.idMember)` of each resource in `\(billable.property.jsonName)`, as X charges them."))
            writer.line("public var billableResourceIDs: [String] { \(expression) }")
        }
    }
}
