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
        let alternatives = operation.requestBody.map { alternativeBodies($0, chosen: body, operationID: id) } ?? []
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
            alternativeBodies: alternatives,
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
}
