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

        let argumentNames = Set(parameters.flatMap { [NameCasing.lowerCamel($0.name), $0.label].compactMap { $0 } })
        let body = operation.requestBody.flatMap { bodyModel($0, operationID: id, argumentNames: argumentNames) }
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

        let streaming = operation.extensions.streaming.flatMap {
            streamingModel($0, parameters: parameters, response: response, subject: subject)
        }
        var pagination: PaginationModel?
        if let declared = operation.extensions.pagination {
            pagination = paginationModel(declared, parameters: parameters, response: response, subject: subject)
        } else if operation.extensions.paginationDisabled == nil, operation.extensions.streaming == nil,
                  let inferred = inferredPagination(operation, parameters: parameters, response: response, subject: subject) {
            pagination = paginationModel(inferred, parameters: parameters, response: response, subject: subject, inferred: true)
        }
        let resolvesExpansions = registerExpansions(resolved, response: response, operation: operation, subject: subject)
        let pricing = operation.extensions.pricing.flatMap {
            pricingModel($0, parameters: parameters, response: response, subject: subject)
        }
        checkAliases(parameters, resolved: resolved, subject: subject)

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
            isAuthenticatedUserLookup: operation.extensions.authenticatedUserLookup,
            pricing: pricing,
            availability: operation.extensions.availability.map(availabilityModel),
            streaming: streaming,
            location: operation.location
        )
    }

    // MARK: Bodies and responses

    /// The request body; a small object of plain members is flattened into
    /// arguments unless a member's name would clash with a parameter's
    /// (`argumentNames`) or another member's.
    private mutating func bodyModel(_ reference: Referenceable<RequestBody>, operationID: String, argumentNames: Set<String>) -> BodyModel? {
        guard let body = components.resolve(reference) else { return nil }
        guard let media = body.content.first(where: { Self.isJSON($0.contentType.value) }) else {
            if let first = body.content.first {
                diagnostics.warning("request body content '\(first.contentType.value)' is not supported; only JSON bodies are generated", at: first.contentType.location)
            }
            return nil
        }
        let schema = media.schema ?? Schema(location: body.location)
        var nested: [TypeDeclaration] = []
        var type = typeReference(for: schema, name: TypeName([.synthesized(Self.upperCamel(operationID) + "Request")]), nested: &nested)
        if isNullable(schema) { type = .optional(type) }
        extraTopLevel.append(contentsOf: nested.map { declaration in
            var declaration = declaration
            declaration.description = declaration.description ?? body.description ?? "The request body of `\(operationID)`."
            return declaration
        })

        // Flatten a small object of plain members into arguments.
        var flattened: [PropertyModel]?
        var constraints: [String: Schema.Constraints] = [:]
        if case .named = type, let object = components.resolve(schema)?.schema, isObject(object),
           object.allOf == nil, object.additionalProperties == nil, (1...4).contains(object.properties.count),
           Set(object.properties.map { NameCasing.lowerCamel($0.name.value) }).count == object.properties.count,
           !object.properties.contains(where: { argumentNames.contains(NameCasing.lowerCamel($0.name.value)) }) {
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
        let base = contentType.split(separator: ";").first.map { DocComment.trimmingSpaces($0).lowercased() } ?? ""
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
        var type = typeReference(for: schema, name: TypeName([.synthesized(Self.upperCamel(operationID) + "Response")]), nested: &nested)
        if isNullable(schema) { type = .optional(type) }
        extraTopLevel.append(contentsOf: nested.map { declaration in
            var declaration = declaration
            declaration.description = declaration.description ?? "The `\(entry.status.value)` response body of `\(operationID)`."
            return declaration
        })
        return ResponseModel(status: entry.status.value, description: response.description, type: type)
    }
}
