/// Ties `x-pagination` and `x-expansions` to the types they describe, now
/// that references can be followed.
extension ModelTranslator {
    // MARK: Pagination

    mutating func paginationModel(
        _ pagination: PaginationExtension,
        parameters: [ParameterModel],
        response: ResponseModel,
        subject: String,
        inferred: Bool = false
    ) -> PaginationModel? {
        guard parameters.contains(where: { $0.name == pagination.tokenParameter.value && $0.location == .query }) else {
            diagnostics.error("'x-pagination' names token parameter '\(pagination.tokenParameter.value)', which is not a query parameter of \(subject)", at: pagination.tokenParameter.location)
            return nil
        }
        if let size = pagination.pageSizeParameter, !parameters.contains(where: { $0.name == size.value && $0.location == .query }) {
            diagnostics.error("'x-pagination' names page size parameter '\(size.value)', which is not a query parameter of \(subject)", at: size.location)
            return nil
        }
        guard case .named(let pageType)? = response.type, let page = objectSchema(named: pageType) else {
            diagnostics.error("'x-pagination' needs \(subject) to answer with an object schema from 'components.schemas'", at: pagination.location)
            return nil
        }
        guard let itemsProperty = propertyModel(pagination.items.value, in: page.schema, owner: pageType) else {
            diagnostics.error("'x-pagination' names items property '\(pagination.items.value)', which schema '\(page.name)' does not have", at: pagination.items.location)
            return nil
        }
        let itemType: TypeReference
        switch itemsProperty.type {
        case .array(let element), .set(let element): itemType = element
        default:
            diagnostics.error("'x-pagination' items property '\(pagination.items.value)' of schema '\(page.name)' is not an array", at: pagination.items.location)
            return nil
        }
        guard let next = tokenPath(pagination.nextToken, in: page.schema, pageName: page.name) else { return nil }
        var previous: [PageConformance.PathStep]?
        if let previousToken = pagination.previousToken {
            guard let path = tokenPath(previousToken, in: page.schema, pageName: page.name) else { return nil }
            previous = path
        }
        if let count = pagination.resultCount, tokenPath(count, in: page.schema, pageName: page.name, expectString: false) == nil {
            return nil
        }
        let conformance = PageConformance(pageType: pageType, itemsProperty: itemsProperty, itemType: itemType, nextToken: next, previousToken: previous)
        if let existing = paginations[pageType] {
            if existing.nextToken != conformance.nextToken || existing.previousToken != conformance.previousToken || existing.itemsProperty.jsonName != conformance.itemsProperty.jsonName {
                if inferred {
                    diagnostics.warning("\(subject) would page schema '\(page.name)' differently from another operation; it gets no page sequence (declare 'x-pagination' to choose)", at: pagination.location)
                    return nil
                }
                diagnostics.error("'x-pagination' of \(subject) pages schema '\(page.name)' differently from another operation", at: pagination.location)
            }
        } else {
            paginations[pageType] = conformance
            paginationOrder.append(pageType)
        }
        return PaginationModel(tokenParameter: pagination.tokenParameter.value, pageSizeParameter: pagination.pageSizeParameter?.value, pageType: pageType)
    }

    /// Follows a dotted property path (`meta.next_token`) through object schemas.
    mutating func tokenPath(
        _ path: Located<String>, in schema: Schema, pageName: String, expectString: Bool = true, keyword: String = "'x-pagination'"
    ) -> [PageConformance.PathStep]? {
        var steps: [PageConformance.PathStep] = []
        var current: Schema? = schema
        let names = path.value.split(separator: ".").map(String.init)
        for (index, name) in names.enumerated() {
            guard let object = current.flatMap({ components.resolve($0)?.schema }),
                  let property = object.properties.first(where: { $0.name.value == name })
            else {
                diagnostics.error("\(keyword) path '\(path.value)' does not lead to a property of schema '\(pageName)'", at: path.location)
                return nil
            }
            let required = object.required.contains { $0.value == name }
            steps.append(.init(jsonName: name, isOptional: !required || isNullable(property.schema)))
            current = property.schema
            if index == names.count - 1, expectString {
                let leaf = components.resolve(property.schema)?.schema
                guard leaf?.types == [.string] else {
                    diagnostics.error("\(keyword) path '\(path.value)' must lead to a string property", at: path.location)
                    return nil
                }
            }
        }
        return steps.isEmpty ? nil : steps
    }

    /// The component object schema a type name denotes.
    func objectSchema(named name: TypeName) -> (name: String, schema: Schema)? {
        guard name.components.count == 1, case .schema(let component) = name.components[0],
              let schema = components.schemas[component]?.schema,
              let resolved = components.resolve(schema)?.schema, isObject(resolved)
        else { return nil }
        return (component, resolved)
    }

    /// The model of one property of an object schema, as its declaration has it.
    mutating func propertyModel(_ jsonName: String, in schema: Schema, owner: TypeName) -> PropertyModel? {
        guard let property = schema.properties.first(where: { $0.name.value == jsonName }) else { return nil }
        var unused: [TypeDeclaration] = []
        let type = typeReference(for: property.schema, name: owner.appending(.property(jsonName)), nested: &unused)
        return PropertyModel(
            jsonName: jsonName,
            type: type,
            isRequired: schema.required.contains { $0.value == jsonName },
            isNullable: isNullable(property.schema),
            description: property.schema.description,
            deprecated: property.schema.deprecated,
            example: nil
        )
    }

    // MARK: Expansions

    /// Registers the expansions an operation's parameters declare: the source
    /// schema gains a resolved property, and the response type a method that
    /// fills it from `includes`. Returns whether the response resolves any.
    mutating func registerExpansions(_ parameters: [Parameter], response: ResponseModel, operation: Operation, subject: String) -> Bool {
        let expansions = parameters.flatMap(\.extensions.expansions)
        guard !expansions.isEmpty else { return false }
        guard case .named(let responseType)? = response.type, let page = objectSchema(named: responseType) else {
            diagnostics.error("'x-expansions' needs \(subject) to answer with an object schema from 'components.schemas'", at: expansions[0].location)
            return false
        }
        guard let data = propertyModel("data", in: page.schema, owner: responseType),
              let includes = propertyModel("includes", in: page.schema, owner: responseType),
              case .named(let includesType) = includes.type,
              let includesSchema = objectSchema(named: includesType)
        else {
            diagnostics.error("'x-expansions' needs the response schema '\(page.name)' to have 'data' and an 'includes' object", at: expansions[0].location)
            return false
        }
        var entries: [ExpansionResolution.Entry] = []
        for expansion in expansions {
            // Without a property the expansion only fills `includes`.
            guard let propertyName = expansion.property else { continue }
            let dataType: TypeReference
            switch data.type {
            case .array(let element): dataType = element
            default: dataType = data.type
            }
            guard case .named(let dataName) = dataType, dataName == TypeName([.schema(expansion.schema.value)]) else {
                diagnostics.error("expansion '\(expansion.name.value)' applies to schema '\(expansion.schema.value)', but the data of '\(page.name)' is not of it", at: expansion.schema.location)
                continue
            }
            guard let collection = includesSchema.schema.properties.first(where: { $0.name.value == expansion.includes.value }),
                  let collectionSchema = components.resolve(collection.schema)?.schema,
                  collectionSchema.types == [.array],
                  let element = collectionSchema.items?.reference,
                  ComponentIndex.schemaName(element.value) == expansion.target.value
            else {
                diagnostics.error("expansion '\(expansion.name.value)' fills 'includes.\(expansion.includes.value)', which is not an array of '\(expansion.target.value)' in schema '\(includesSchema.name)'", at: expansion.includes.location)
                continue
            }
            let source = components.schemas[expansion.schema.value]?.schema
            let sourceRequired = source?.required.contains { $0.value == expansion.field.value } ?? false
            let property = ResolvedExpansionProperty(
                expansion: expansion.name.value,
                jsonName: propertyName.value,
                sourceField: expansion.field.value,
                type: TypeName([.schema(expansion.target.value)]),
                collection: expansion.includes.value
            )
            if !(resolvedExpansions[expansion.schema.value] ?? []).contains(where: { $0.jsonName == property.jsonName }) {
                resolvedExpansions[expansion.schema.value, default: []].append(property)
            }
            let collectionRequired = includesSchema.schema.required.contains { $0.value == expansion.includes.value }
            entries.append(.init(
                expansion: property,
                targetID: expansion.targetID?.value ?? "id",
                collectionIsOptional: !collectionRequired,
                sourceFieldIsOptional: !sourceRequired
            ))
        }
        guard !entries.isEmpty else { return false }
        if var existing = resolutions[responseType] {
            for entry in entries where !existing.entries.contains(where: { $0.expansion.jsonName == entry.expansion.jsonName }) {
                existing.entries.append(entry)
            }
            resolutions[responseType] = existing
        } else {
            let isArray: Bool = if case .array = data.type { true } else { false }
            resolutions[responseType] = ExpansionResolution(responseType: responseType, data: data, dataIsArray: isArray, includes: includes, entries: entries)
            resolutionOrder.append(responseType)
        }
        return true
    }
}
