/// Ties `x-pricing` and `x-availability` to the operation they describe: the parameters that
/// bound a request's resources or make it an Owned Read, and the response property holding the
/// charged resources, whose type gains a `BillableResponse` conformance.
extension ModelTranslator {
    mutating func pricingModel(
        _ pricing: PricingExtension, parameters: [ParameterModel], response: ResponseModel, subject: String
    ) -> PricingModel? {
        var ownedRead: PricingModel.OwnedRead?
        if let price = pricing.ownedReadPrice, let parameter = pricing.ownedReadParameter {
            guard parameters.contains(where: { $0.name == parameter.value && $0.location == .path }) else {
                diagnostics.error("'x-pricing' gives the Owned Read price for parameter '\(parameter.value)', which is not a path parameter of \(subject)", at: parameter.location)
                return nil
            }
            ownedRead = PricingModel.OwnedRead(price: price.value, parameter: parameter.value)
        }
        switch pricing.charged.value {
        case .event:
            return PricingModel(category: pricing.category.value, unit: .resource(kind: "event"), price: pricing.price.value,
                                ownedRead: nil, bound: .one, description: pricing.description,
                                eventPrices: pricing.eventPrices.map { ($0.type.value, $0.price.value) })
        case .request:
            return PricingModel(category: pricing.category.value, unit: .request, price: pricing.price.value,
                                ownedRead: ownedRead, bound: .one, description: pricing.description)
        case .resource:
            guard let kind = pricing.resource, let resources = pricing.resources else { return nil }
            guard let bound = pricingBound(pricing.atMost, parameters: parameters, subject: subject),
                  let billable = billableConformance(resources, idMember: pricing.resourceID, response: response, subject: subject)
            else { return nil }
            // Without a bound a list would reserve the price of one resource for a whole page.
            if billable.isList, pricing.atMost == nil {
                diagnostics.error("'x-pricing' of \(subject) charges each resource in the list '\(resources.value)' and needs 'at-most' (the query parameter that bounds how many one request returns, such as 'max_results' or 'ids') for a request's worst case", at: resources.location)
                return nil
            }
            return PricingModel(category: pricing.category.value, unit: .resource(kind: kind.value), price: pricing.price.value,
                                ownedRead: ownedRead, bound: bound, description: pricing.description, billable: billable)
        }
    }

    func availabilityModel(_ availability: AvailabilityExtension) -> AvailabilityModel {
        AvailabilityModel(plans: availability.plans.map(\.value), since: availability.since?.value,
                          description: availability.description.value)
    }

    /// What bounds the resources of one request: an integer query parameter (its value, or its
    /// default), a list query parameter (its items), or nothing (one resource).
    private mutating func pricingBound(_ atMost: Located<String>?, parameters: [ParameterModel], subject: String) -> PricingModel.Bound? {
        guard let atMost else { return .one }
        guard let parameter = parameters.first(where: { $0.name == atMost.value && $0.location == .query }) else {
            diagnostics.error("'x-pricing' bounds resources by '\(atMost.value)', which is not a query parameter of \(subject)", at: atMost.location)
            return nil
        }
        switch resolvingAliasType(parameter.type) {
        case .integer:
            let fallback: Int?
            if case .integer(let value)? = parameter.defaultValue {
                fallback = value
            } else {
                fallback = parameter.constraints.maximum.map { Int($0) }
            }
            guard let fallback else {
                diagnostics.error("'x-pricing' bounds resources by '\(atMost.value)', which has neither a default nor a maximum to bound a request that leaves it out", at: atMost.location)
                return nil
            }
            return .pageSize(parameter: parameter.name, defaultValue: fallback)
        case .array, .set:
            return .itemCount(parameter: parameter.name)
        default:
            diagnostics.error("'x-pricing' bounds resources by '\(atMost.value)', which is neither an integer nor a list", at: atMost.location)
            return nil
        }
    }

    /// The response property holding the charged resources, each with a string ID member.
    private mutating func billableConformance(
        _ resources: Located<String>, idMember: Located<String>?, response: ResponseModel, subject: String
    ) -> BillableConformance? {
        guard case .named(let responseType)? = response.type, let page = objectSchema(named: responseType) else {
            diagnostics.error("'x-pricing' charges per resource and needs \(subject) to answer with an object schema from 'components.schemas'", at: resources.location)
            return nil
        }
        guard let property = propertyModel(resources.value, in: page.schema, owner: responseType) else {
            diagnostics.error("'x-pricing' names resources property '\(resources.value)', which schema '\(page.name)' does not have", at: resources.location)
            return nil
        }
        var isList = false
        var itemType = property.type
        if case .optional(let wrapped) = itemType { itemType = wrapped }
        switch itemType {
        case .array(let element), .set(let element):
            isList = true
            itemType = element
        default:
            break
        }
        let idName = idMember?.value ?? "id"
        guard case .named(let itemName) = itemType, let item = objectSchema(named: itemName),
              let id = item.schema.properties.first(where: { $0.name.value == idName }),
              components.resolve(id.schema)?.schema.types == [.string],
              item.schema.required.contains(where: { $0.value == idName })
        else {
            diagnostics.error("'x-pricing' needs each resource in '\(resources.value)' of schema '\(page.name)' to be an object schema with a required string member '\(idName)'", at: (idMember ?? resources).location)
            return nil
        }
        let conformance = BillableConformance(responseType: responseType, property: property, isList: isList, idMember: idName)
        if let existing = billables[responseType] {
            if existing.property.jsonName != conformance.property.jsonName || existing.idMember != conformance.idMember {
                diagnostics.error("'x-pricing' of \(subject) charges the resources of schema '\(page.name)' differently from another operation", at: resources.location)
                return nil
            }
        } else {
            billables[responseType] = conformance
            billableOrder.append(responseType)
        }
        return conformance
    }

    /// A type reference with named aliases followed to their target.
    private func resolvingAliasType(_ type: TypeReference) -> TypeReference {
        guard case .named(let name) = type, name.components.count == 1, case .schema(let component) = name.components[0],
              let schema = components.schemas[component]?.schema, let resolved = components.resolve(schema)?.schema
        else { return type }
        if resolved.types == [.integer] { return .integer(.standard) }
        if resolved.types == [.array] { return .array(.string) }
        return type
    }
}
