extension ModelTranslator {
    mutating func translate(_ operation: Operation, in item: PathItem) -> OperationModel? {
        let id = operation.operationID?.value ?? Self.derivedOperationID(operation.method, item.path.value)
        let subject = "operation '\(id)'"

        // Parameters: the operation's, then the path item's it does not override.
        var resolved: [Parameter] = []
        var seen: Set<String> = []
        for reference in operation.parameters + item.parameters {
            guard let parameter = components.resolve(reference) else { continue }
            let key = "\(parameter.location.value.rawValue):\(parameter.name.value)"
            guard seen.insert(key).inserted else { continue }
            resolved.append((parameter))
        }
        let componentNames = parameterComponentNames(operation.parameters + item.parameters)

        var parameters: [ParameterModel] = []
        let templateOrder = DocumentChecker.templateParameters(item.path.value)
        for parameter in resolved {
            guard let model = parameterModel(parameter, operationID: id, componentName: componentNames[parameter.name.value]) else { continue }
            parameters.append(model)
        }
        // Path parameters lead, in template order; the rest keep spec order.
        parameters.sort { lhs, rhs in
            let lhsIndex = lhs.location == .path ? templateOrder.firstIndex(of: lhs.name) ?? 0 : Int.max
            let rhsIndex = rhs.location == .path ? templateOrder.firstIndex(of: rhs.name) ?? 0 : Int.max
            return lhsIndex < rhsIndex
        }

        let body = operation.requestBody.flatMap { bodyModel($0, operationID: id) }
        let response = responseModel(operation, operationID: id)
        let (security, contexts, supported) = securityModel(operation, subject: subject)
        guard supported else { return nil }

        // Leading arguments: required path parameters that are not the
        // authenticated user, then required flattened body members.
        var functionName = NameCasing.lowerCamelIdentifier(id)
        var leadingLabels: [String]?
        let leadingCount = parameters.filter { $0.location == .path && !$0.isAuthenticatedUser }.count
            + (body?.flattened?.filter(\.isRequired).count ?? 0)
        if let swiftName = operation.extensions.swiftName {
            if let (base, labels) = Self.parseFunctionName(swiftName.value) {
                functionName = base
                leadingLabels = labels
                if labels.count != leadingCount {
                    diagnostics.error("'x-swift-name' \(swiftName.value) has \(labels.count) argument label(s) but \(subject) has \(leadingCount) leading argument(s) (its required path parameters and body members)", at: swiftName.location)
                    leadingLabels = nil
                }
            } else {
                diagnostics.error("'x-swift-name' must look like 'name' or 'name(label:_:)', not '\(swiftName.value)'", at: swiftName.location)
            }
        }
        if leadingLabels != nil {
            for index in parameters.indices where parameters[index].location == .path && !parameters[index].isAuthenticatedUser {
                parameters[index].isLeading = true
            }
        }

        let pagination = operation.extensions.pagination.flatMap {
            paginationModel($0, parameters: parameters, response: response, subject: subject)
        }
        let resolvesExpansions = registerExpansions(resolved, response: response, operation: operation, subject: subject)

        let idempotent = operation.extensions.idempotent?.value
            ?? [.get, .head, .put, .delete, .options, .trace].contains(operation.method)

        return OperationModel(
            id: id,
            method: operation.method,
            path: item.path.value,
            summary: operation.summary,
            description: operation.description,
            externalDocsURL: operation.externalDocsURL,
            deprecated: operation.deprecated,
            functionName: functionName,
            leadingLabels: leadingLabels,
            parameters: parameters,
            body: body,
            response: response,
            security: security,
            contexts: contexts,
            rateLimits: operation.extensions.rateLimits,
            dailyCaps: operation.extensions.dailyCaps,
            replaces: operation.extensions.replaces.map(\.value),
            isIdempotent: idempotent,
            pagination: pagination,
            resolvesExpansions: resolvesExpansions,
            location: operation.location
        )
    }

    // MARK: Parameters

    /// Component names of parameters given by reference, by parameter name.
    func parameterComponentNames(_ references: [Referenceable<Parameter>]) -> [String: String] {
        var names: [String: String] = [:]
        for reference in references {
            guard case .reference(let target) = reference,
                  let name = ComponentIndex.split(target.value)?.name,
                  let parameter = components.resolve(reference)
            else { continue }
            names[parameter.name.value] = name
        }
        return names
    }

    private mutating func parameterModel(_ parameter: Parameter, operationID: String, componentName: String?) -> ParameterModel? {
        let location: ParameterModel.Location
        switch parameter.location.value {
        case .path: location = .path
        case .query: location = .query
        case .header, .cookie:
            diagnostics.warning("\(parameter.location.value.rawValue) parameter '\(parameter.name.value)' is not supported and is left out of the generated function", at: parameter.name.location)
            return nil
        }
        let schema = parameter.schema ?? Schema(location: parameter.declaration, types: [.string])
        let resolved = components.resolve(schema)?.schema ?? schema
        let element = resolved.items.flatMap { components.resolve($0)?.schema }

        var type: TypeReference
        var allowedValues: [String]?
        if let fields = parameter.extensions.fields, let element {
            let enumName = sharedEnumName(for: fields.schema.value, suffix: "Field")
            declareSharedEnum(enumName, owner: fields.schema.value, values: Self.stringValues(element), role: .fields(of: fields.schema.value, defaults: fields.defaults.map(\.value)))
            type = resolved.constraints.uniqueItems ? .set(.named(enumName)) : .array(.named(enumName))
        } else if let first = parameter.extensions.expansions.first, let element {
            let enumName = sharedEnumName(for: first.schema.value, suffix: "Expansion")
            declareSharedEnum(enumName, owner: first.schema.value, values: Self.stringValues(element), role: .expansions)
            type = resolved.constraints.uniqueItems ? .set(.named(enumName)) : .array(.named(enumName))
        } else {
            // Inline types of a parameter are top-level, named after the
            // parameter component (`UserFieldsParameter` → `UserField`) or the
            // operation and parameter; an array names its element.
            var base = componentName ?? "\(operationID)_\(parameter.name.value)"
            if componentName != nil, base.hasSuffix("Parameter"), base.count > "Parameter".count {
                base = String(base.dropLast("Parameter".count))
            }
            var nested: [TypeDeclaration] = []
            if resolved.reference == nil, resolved.types == [.array], let items = resolved.items {
                let elementName = TypeName([.synthesized(NameCasing.singular(Self.upperCamel(base)))])
                let element = typeReference(for: items, name: elementName, nested: &nested)
                type = .array(isNullable(items) ? .optional(element) : element)
            } else {
                type = typeReference(for: schema, name: TypeName([.synthesized(Self.upperCamel(base))]), nested: &nested)
            }
            for var declaration in nested where !extraTopLevel.contains(where: { $0.name == declaration.name }) {
                declaration.description = declaration.description ?? "A value of the `\(parameter.name.value)` parameter."
                extraTopLevel.append(declaration)
            }
            if case .array(let element) = type, resolved.constraints.uniqueItems, case .named = element {
                type = .set(element)
            }
            if case .string = type, let values = resolved.enumValues {
                allowedValues = values.compactMap { if case .string(let text) = $0.value { text } else { nil } }
            }
        }
        switch type {
        case .string, .integer, .number, .boolean, .dateTime, .url, .named, .external:
            break
        case .array(let element), .set(let element):
            switch element {
            case .string, .integer, .number, .boolean, .named, .external: break
            default:
                diagnostics.warning("parameter '\(parameter.name.value)' is an array of a type that cannot be serialized into a query; it is sent as text", at: parameter.name.location)
                type = .string
            }
        default:
            diagnostics.warning("parameter '\(parameter.name.value)' has a type that cannot be serialized into a URL; it is sent as text", at: parameter.name.location)
            type = .string
        }

        let constraints = resolved.constraints
        if parameter.extensions.authenticatedUser, parameter.location.value != .path {
            diagnostics.warning("'x-authenticated-user' on a \(parameter.location.value.rawValue) parameter is applied to its value as sent", at: parameter.name.location)
        }
        return ParameterModel(
            name: parameter.name.value,
            location: location,
            type: type,
            isRequired: parameter.required,
            description: parameter.description ?? resolved.description,
            deprecated: parameter.deprecated,
            defaultValue: resolved.defaultValue?.value,
            example: parameter.example.map(MappingReader.literal) ?? resolved.example,
            constraints: constraints,
            elementConstraints: element?.constraints,
            allowedValues: allowedValues,
            explode: parameter.explode ?? ((parameter.style ?? (location == .query ? "form" : "simple")) == "form"),
            isAuthenticatedUser: parameter.extensions.authenticatedUser,
            label: parameter.extensions.swiftName?.value,
            isLeading: false
        )
    }

    static func stringValues(_ schema: Schema) -> [String] {
        (schema.enumValues ?? []).compactMap { if case .string(let text) = $0.value { text } else { nil } }
    }

    /// `User.Field` when `User` is a generated type, `UserField` otherwise.
    private func sharedEnumName(for owner: String, suffix: String) -> TypeName {
        declaredComponents.contains(owner)
            ? TypeName([.schema(owner), .synthesized(suffix)])
            : TypeName([.synthesized(Self.upperCamel(owner) + suffix)])
    }

    /// Declares a fields or expansions enum once, merging values when several parameters share it.
    private mutating func declareSharedEnum(_ name: TypeName, owner: String, values: [String], role: StringEnumModel.Role) {
        if let existing = sharedEnums[name] {
            let merged = existing + values.filter { !existing.contains($0) }
            guard merged != existing else { return }
            sharedEnums[name] = merged
            func update(_ declarations: inout [TypeDeclaration]) {
                for index in declarations.indices where declarations[index].name == name {
                    declarations[index].kind = .stringEnum(StringEnumModel(cases: merged.map { .init(value: $0, description: nil) }, role: role))
                }
            }
            update(&extraTopLevel)
            if var nested = extraNested[owner] {
                update(&nested)
                extraNested[owner] = nested
            }
            return
        }
        sharedEnums[name] = values
        let description: String = switch role {
        case .fields(let schema, _): "The fields of ``\(schema)`` a request can ask for."
        case .expansions: "The related objects a request can ask to include."
        case .plain: ""
        }
        let declaration = TypeDeclaration(
            name: name,
            description: description,
            deprecated: false,
            kind: .stringEnum(StringEnumModel(cases: values.map { .init(value: $0, description: nil) }, role: role)),
            nested: [],
            location: document.location
        )
        if name.components.count == 2 {
            extraNested[owner, default: []].append(declaration)
        } else {
            extraTopLevel.append(declaration)
        }
    }

    // MARK: Bodies and responses

    private mutating func bodyModel(_ reference: Referenceable<RequestBody>, operationID: String) -> BodyModel? {
        guard let body = components.resolve(reference) else { return nil }
        guard let media = body.content.first(where: { Self.isJSON($0.contentType.value) }) else {
            if let first = body.content.first {
                diagnostics.warning("request body content '\(first.contentType.value)' is not supported; only JSON bodies are generated", at: first.contentType.location)
            }
            return nil
        }
        let schema = media.schema ?? Schema(location: body.location)
        var nested: [TypeDeclaration] = []
        let type = typeReference(for: schema, name: TypeName([.synthesized(Self.upperCamel(operationID) + "Request")]), nested: &nested)
        extraTopLevel.append(contentsOf: nested.map { declaration in
            var declaration = declaration
            declaration.description = declaration.description ?? body.description ?? "The request body of `\(operationID)`."
            return declaration
        })

        // Flatten a small object of plain members into arguments.
        var flattened: [PropertyModel]?
        var constraints: [String: Schema.Constraints] = [:]
        if case .named = type, let object = components.resolve(schema)?.schema, isObject(object),
           object.allOf == nil, object.additionalProperties == nil, (1...4).contains(object.properties.count) {
            let required = Set(object.required.map(\.value))
            var members: [PropertyModel] = []
            for property in object.properties {
                guard let resolved = components.resolve(property.schema)?.schema, isPlainScalar(resolved) else { break }
                var unused: [TypeDeclaration] = []
                members.append(PropertyModel(
                    jsonName: property.name.value,
                    type: typeReference(for: property.schema, name: TypeName([.synthesized("Unused")]), nested: &unused),
                    isRequired: required.contains(property.name.value),
                    isNullable: isNullable(property.schema),
                    description: property.schema.description ?? resolved.description,
                    deprecated: property.schema.deprecated,
                    example: property.schema.example ?? resolved.example
                ))
                constraints[property.name.value] = resolved.constraints
            }
            if members.count == object.properties.count {
                flattened = members
            }
        }
        return BodyModel(
            type: type,
            isRequired: body.required,
            description: body.description,
            contentType: media.contentType.value,
            flattened: flattened,
            constraints: flattened == nil ? [:] : constraints
        )
    }

    /// A string, number or boolean without an enum: what fits an argument as is.
    func isPlainScalar(_ schema: Schema) -> Bool {
        schema.reference == nil && schema.enumValues == nil && schema.types.count == 1
            && [.string, .integer, .number, .boolean].contains(schema.types[0])
    }

    static func isJSON(_ contentType: String) -> Bool {
        let base = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return base == "application/json" || base.hasSuffix("+json")
    }

    private mutating func responseModel(_ operation: Operation, operationID: String) -> ResponseModel {
        let candidates = operation.responses.filter { $0.status.value.hasPrefix("2") }
            .sorted { $0.status.value < $1.status.value }
        guard let entry = candidates.first, let response = components.resolve(entry.response) else {
            return ResponseModel(status: "200", description: nil, type: nil)
        }
        guard let media = response.content.first(where: { Self.isJSON($0.contentType.value) }) else {
            if let first = response.content.first {
                diagnostics.warning("response content '\(first.contentType.value)' is not supported; the function returns no body", at: first.contentType.location)
            }
            return ResponseModel(status: entry.status.value, description: response.description, type: nil)
        }
        var nested: [TypeDeclaration] = []
        let schema = media.schema ?? Schema(location: response.location)
        let type = typeReference(for: schema, name: TypeName([.synthesized(Self.upperCamel(operationID) + "Response")]), nested: &nested)
        extraTopLevel.append(contentsOf: nested.map { declaration in
            var declaration = declaration
            declaration.description = declaration.description ?? "The `\(entry.status.value)` response body of `\(operationID)`."
            return declaration
        })
        return ResponseModel(status: entry.status.value, description: response.description, type: type)
    }
}
