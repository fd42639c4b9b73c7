extension ModelTranslator {
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

    mutating func parameterModel(_ parameter: Parameter, operationID: String, componentName: String?) -> ParameterModel? {
        let location: ParameterModel.Location
        switch parameter.location.value {
        case .path: location = .path
        case .query: location = .query
        case .header:
            // OpenAPI: these three are described elsewhere (the content, the security schemes)
            // and a header parameter of that name is ignored.
            if ["accept", "content-type", "authorization"].contains(parameter.name.value.lowercased()) {
                diagnostics.warning("header parameter '\(parameter.name.value)' is ignored, as OpenAPI says: the content types and security schemes set it", at: parameter.name.location)
                return nil
            }
            guard HTTPToken.isValid(parameter.name.value) else {
                diagnostics.warning("header parameter '\(parameter.name.value)' is not a header field name (letters, digits and !#$%&'*+-.^_`|~) and is left out of the generated function", at: parameter.name.location)
                return nil
            }
            location = .header
        case .cookie:
            guard HTTPToken.isValid(parameter.name.value) else {
                diagnostics.warning("cookie parameter '\(parameter.name.value)' is not a cookie name (letters, digits and !#$%&'*+-.^_`|~) and is left out of the generated function", at: parameter.name.location)
                return nil
            }
            location = .cookie
        }
        let schema = parameter.schema ?? Schema(location: parameter.declaration, types: [.string])
        let resolved = components.resolve(schema)?.schema ?? schema
        let element = resolved.items.flatMap { components.resolve($0)?.schema }

        var type: TypeReference
        var allowedValues: [String]?
        var nested: [TypeDeclaration] = []
        if let fields = parameter.extensions.fields, let element {
            let enumName = sharedEnumName(for: fields.schema.value, suffix: "Field")
            declareSharedEnum(enumName, owner: fields.schema.value, values: Self.stringValues(element), role: .fields(of: fields.schema.value, defaults: fields.defaults.map(\.value)), aliases: valueAliases(parameter))
            type = resolved.constraints.uniqueItems ? .set(.named(enumName)) : .array(.named(enumName))
        } else if let first = parameter.extensions.expansions.first, let element {
            let enumName = sharedEnumName(for: first.schema.value, suffix: "Expansion")
            declareSharedEnum(enumName, owner: first.schema.value, values: Self.stringValues(element), role: .expansions(sourceFields: Dictionary(parameter.extensions.expansions.map { ($0.name.value, $0.field.value) }, uniquingKeysWith: { first, _ in first })), aliases: valueAliases(parameter))
            type = resolved.constraints.uniqueItems ? .set(.named(enumName)) : .array(.named(enumName))
        } else {
            // Inline types of a parameter are top-level, named after the
            // parameter component (`UserFieldsParameter` → `UserField`) or the
            // operation and parameter; an array names its element.
            var base = componentName ?? "\(operationID)_\(parameter.name.value)"
            if componentName != nil, base.hasSuffix("Parameter"), base.count > "Parameter".count {
                base = String(base.dropLast("Parameter".count))
            }
            if resolved.reference == nil, resolved.types == [.array], let items = resolved.items {
                let elementName = TypeName([.synthesized(NameCasing.singular(Self.upperCamel(base)))])
                let element = typeReference(for: items, name: elementName, nested: &nested)
                type = .array(isNullable(items) ? .optional(element) : element)
            } else {
                type = typeReference(for: schema, name: TypeName([.synthesized(Self.upperCamel(base))]), nested: &nested)
            }
            if case .array(let element) = type, resolved.constraints.uniqueItems, case .named = element {
                type = .set(element)
            }
            if case .string = type, let values = resolved.enumValues {
                allowedValues = values.compactMap { if case .string(let text) = $0.value { text } else { nil } }
            }
        }
        if urlForm(of: type, declaring: nested) == nil {
            let place = location == .header ? "a header field" : location == .cookie ? "a cookie" : "a URL"
            diagnostics.warning("parameter '\(parameter.name.value)' has a type that cannot be written into \(place) (only strings, numbers, Booleans, dates, URLs, string enums and lists of them can); it is sent as text, given as a String", at: parameter.name.location)
            type = .string
            allowedValues = nil
            nested = []
        }
        for var declaration in nested where !extraTopLevel.contains(where: { $0.name == declaration.name }) {
            declaration.description = declaration.description ?? "A value of the `\(parameter.name.value)` parameter."
            extraTopLevel.append(declaration)
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
            explode: parameter.explode ?? ((parameter.style ?? (location == .query || location == .cookie ? "form" : "simple")) == "form"),
            isAuthenticatedUser: parameter.extensions.authenticatedUser,
            label: parameter.extensions.swiftName?.value,
            isLeading: false,
            aliases: parameter.extensions.aliases.map(\.value),
            valueAliases: valueAliases(parameter)
        )
    }

    /// Checks `x-aliases` and `x-value-aliases`: an alias names no other parameter (or
    /// alias) of the operation and is not a path parameter's; a value alias stands for one of
    /// the parameter's values and is not one itself.
    mutating func checkAliases(_ models: [ParameterModel], resolved: [Parameter], subject: String) {
        var taken = Set(models.map(\.name))
        for parameter in resolved {
            for alias in parameter.extensions.aliases {
                if parameter.location.value != .query {
                    diagnostics.error("'x-aliases' of \(parameter.location.value.rawValue) parameter '\(parameter.name.value)' cannot be honoured: only query parameters have aliases", at: alias.location)
                } else if !taken.insert(alias.value).inserted {
                    diagnostics.error("'x-aliases' of parameter '\(parameter.name.value)' gives '\(alias.value)', which already names a parameter or alias of \(subject)", at: alias.location)
                }
            }
            guard !parameter.extensions.valueAliases.isEmpty else { continue }
            let schema = parameter.schema.flatMap { components.resolve($0)?.schema }
            let element = schema?.items.flatMap { components.resolve($0)?.schema } ?? schema
            let values = Set(element.map(Self.stringValues) ?? [])
            for (alias, value) in parameter.extensions.valueAliases {
                if !values.contains(value.value) {
                    diagnostics.error("'x-value-aliases' of parameter '\(parameter.name.value)' maps '\(alias.value)' to '\(value.value)', which is not one of its values", at: value.location)
                } else if values.contains(alias.value) {
                    diagnostics.error("'x-value-aliases' of parameter '\(parameter.name.value)' gives '\(alias.value)', which is one of its values already", at: alias.location)
                }
            }
        }
    }

    /// A parameter's `x-value-aliases` as older value → current value.
    private func valueAliases(_ parameter: Parameter) -> [String: String] {
        Dictionary(parameter.extensions.valueAliases.map { ($0.alias.value, $0.value.value) }, uniquingKeysWith: { first, _ in first })
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
    /// `aliases` maps older values (`x-value-aliases`) to the values they stand for.
    private mutating func declareSharedEnum(
        _ name: TypeName, owner: String, values: [String], role: StringEnumModel.Role, aliases: [String: String] = [:]
    ) {
        if let existing = sharedEnums[name] {
            let merged = existing + values.filter { !existing.contains($0) }
            let mergedAliases = sharedEnumAliases[name, default: [:]].merging(aliases) { first, _ in first }
            guard merged != existing || mergedAliases != sharedEnumAliases[name, default: [:]] else { return }
            sharedEnums[name] = merged
            sharedEnumAliases[name] = mergedAliases
            func update(_ declarations: inout [TypeDeclaration]) {
                for index in declarations.indices where declarations[index].name == name {
                    declarations[index].kind = .stringEnum(StringEnumModel(
                        cases: merged.map { .init(value: $0, description: nil) }, role: role, aliases: mergedAliases))
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
        sharedEnumAliases[name] = aliases
        let description: String = switch role {
        case .fields(let schema, _): "The fields of ``\(schema)`` a request can ask for."
        case .expansions: "The related objects a request can ask to include."
        case .plain: ""
        }
        let declaration = TypeDeclaration(
            name: name,
            description: description,
            deprecated: false,
            kind: .stringEnum(StringEnumModel(cases: values.map { .init(value: $0, description: nil) }, role: role, aliases: aliases)),
            nested: [],
            location: document.location
        )
        if name.components.count == 2 {
            extraNested[owner, default: []].append(declaration)
        } else {
            extraTopLevel.append(declaration)
        }
    }

    /// How a URL carries a parameter's value.
    enum URLForm { case value, list }

    /// Whether a parameter of `type` can be written into a URL: a single
    /// value (a scalar, a string enum, or an alias of one) or a list of them;
    /// `nil` for anything else (objects, `oneOf`, any JSON). `declared` holds
    /// the inline types the parameter's schema declared.
    func urlForm(of type: TypeReference, declaring declared: [TypeDeclaration]) -> URLForm? {
        var seen: Set<String> = []
        func form(_ type: TypeReference) -> URLForm? {
            switch type {
            case .string, .integer, .number, .boolean, .dateTime, .url, .external:
                return .value
            case .array(let element), .set(let element):
                return form(element) == .value ? .list : nil
            case .named(let name):
                if sharedEnums[name] != nil { return .value }
                if let declaration = declared.first(where: { $0.name == name }) {
                    if case .stringEnum = declaration.kind { return .value }
                    return nil
                }
                guard name.components.count == 1, case .schema(let component) = name.components[0],
                      seen.insert(component).inserted, let schema = components.schemas[component]?.schema
                else { return nil }
                return schemaForm(schema)
            case .json, .dictionary, .optional:
                return nil
            }
        }
        func schemaForm(_ schema: Schema) -> URLForm? {
            if let reference = schema.reference { return form(referencedType(reference)) }
            if schema.oneOf != nil || schema.anyOf != nil || schema.allOf != nil || !schema.properties.isEmpty { return nil }
            if Self.stringValues(schema).isEmpty == false { return .value }
            guard schema.types.count == 1 else { return nil }
            switch schema.types[0] {
            case .string, .integer, .number, .boolean: return .value
            case .array:
                guard let items = schema.items, schemaForm(items) == .value else { return nil }
                return .list
            case .object, .null: return nil
            }
        }
        return form(type)
    }
}
