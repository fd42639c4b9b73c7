extension ModelTranslator {
    // MARK: References

    /// The type a `$ref` names.
    func referencedType(_ reference: Located<String>) -> TypeReference {
        guard let name = ComponentIndex.schemaName(reference.value),
              let schema = components.schemas[name]?.schema
        else {
            return .json
        }
        if let swiftType = schema.swiftType?.value {
            return .external(swiftType)
        }
        return .named(TypeName([.schema(name)]))
    }

    /// Whether a schema (following references) may be null: `nullable: true`
    /// (3.0), `null` among its types or its `enum` (3.1), or a `oneOf`/`anyOf`
    /// of one schema and `{type: "null"}` (3.1).
    func isNullable(_ schema: Schema) -> Bool {
        func allowsNull(_ schema: Schema) -> Bool {
            schema.nullable || (schema.oneOf ?? schema.anyOf ?? []).contains(where: Self.isNullOnly)
        }
        if allowsNull(schema) { return true }
        if schema.reference != nil, let resolved = components.resolve(schema) { return allowsNull(resolved.schema) }
        return false
    }

    /// The one alternative that is not `{type: "null"}` of a `oneOf`/`anyOf`
    /// that only adds null to it, as OpenAPI 3.1 writes a nullable reference.
    static func nonNullAlternative(_ schema: Schema) -> Schema? {
        guard let alternatives = schema.oneOf ?? schema.anyOf, schema.discriminator == nil,
              schema.properties.isEmpty, schema.allOf == nil else { return nil }
        let others = alternatives.filter { !isNullOnly($0) }
        return others.count == 1 && others.count < alternatives.count ? others[0] : nil
    }

    /// `{type: "null"}`: a schema that only allows null.
    static func isNullOnly(_ schema: Schema) -> Bool {
        schema.nullable && schema.types.isEmpty && schema.reference == nil && schema.properties.isEmpty
            && schema.oneOf == nil && schema.anyOf == nil && schema.allOf == nil && schema.enumValues == nil
            && schema.items == nil
    }

    // MARK: Type references

    /// The type of a value described by `schema`; inline types it needs are
    /// declared as `name` and appended to `nested`.
    mutating func typeReference(for schema: Schema, name: TypeName, nested: inout [TypeDeclaration]) -> TypeReference {
        if let reference = schema.reference {
            return referencedType(reference)
        }
        if let nonNull = Self.nonNullAlternative(schema) {
            return typeReference(for: nonNull, name: name, nested: &nested)
        }
        if schema.oneOf != nil || schema.anyOf != nil {
            nested.append(declaration(for: schema, name: name, description: schema.description))
            return .named(name)
        }
        if schema.allOf != nil {
            if let member = nonObjectAllOfMember(schema) {
                return typeReference(for: member, name: name, nested: &nested)
            }
            nested.append(declaration(for: schema, name: name, description: schema.description))
            return .named(name)
        }
        if let values = schema.enumValues, values.contains(where: { if case .string = $0.value { true } else { false } }) {
            nested.append(declaration(for: schema, name: name, description: schema.description))
            return .named(name)
        }
        if schema.types.count > 1 {
            diagnostics.warning("a value of several types (\(schema.types.map(\.rawValue).joined(separator: ", "))) is read as any JSON value", at: schema.typeLocation ?? schema.location)
            return .json
        }
        switch schema.types.first {
        case .string?:
            switch schema.format {
            case "date-time": return .dateTime
            case "uri", "url": return .url
            default: return .string
            }
        case .integer?:
            switch schema.format {
            case "int32": return .integer(.int32)
            case "int64": return .integer(.int64)
            default: return .integer(.standard)
            }
        case .number?:
            return .number(schema.format == "float" ? .float : .double)
        case .boolean?:
            return .boolean
        case .array?:
            guard let items = schema.items else { return .array(.json) }
            let element = typeReference(for: items, name: elementName(name), nested: &nested)
            return .array(isNullable(items) ? .optional(element) : element)
        case .object?, nil:
            if !schema.properties.isEmpty {
                nested.append(declaration(for: schema, name: name, description: schema.description))
                return .named(name)
            }
            if schema.types.isEmpty, let items = schema.items {
                // An array written without `type`.
                return .array(typeReference(for: items, name: elementName(name), nested: &nested))
            }
            switch schema.additionalProperties {
            case .schema(let values)?:
                let value = typeReference(for: values, name: name.appending(.synthesized("Value")), nested: &nested)
                return .dictionary(isNullable(values) ? .optional(value) : value)
            case .allowed(false)? where schema.types == [.object]:
                return .dictionary(.json)
            default:
                return schema.types == [.object] ? .dictionary(.json) : .json
            }
        case .null?:
            return .json
        }
    }

    /// The name for the inline element type of an array named `name`.
    private func elementName(_ name: TypeName) -> TypeName {
        guard case .property(let property)? = name.components.last else {
            return name.appending(.synthesized("Element"))
        }
        return TypeName(name.components.dropLast() + [.element(property)])
    }

    // MARK: Declarations

    /// Declares the type of `schema` under `name`.
    mutating func declaration(for schema: Schema, name: TypeName, description: String?) -> TypeDeclaration {
        var nested: [TypeDeclaration] = []
        let kind: TypeDeclaration.Kind

        if let nonNull = Self.nonNullAlternative(schema) {
            // Null is the uses' business (they are optional); the type is the other alternative's.
            return declaration(for: nonNull, name: name, description: description ?? schema.description)
        }
        if let member = nonObjectAllOfMember(schema) {
            return declaration(for: member, name: name, description: description ?? schema.description)
        }
        if let reference = schema.reference {
            kind = .alias(referencedType(reference))
        } else if let alternatives = schema.oneOf ?? schema.anyOf {
            if schema.oneOf == nil {
                diagnostics.warning("'anyOf' is decoded as the first alternative that matches", at: schema.location)
            }
            kind = .oneOf(oneOfModel(schema, alternatives: alternatives, name: name, nested: &nested))
        } else if let values = schema.enumValues, values.contains(where: { if case .string = $0.value { true } else { false } }) {
            var cases: [StringEnumModel.Case] = []
            for value in values {
                guard case .string(let text) = value.value else {
                    diagnostics.warning("non-string value \(value.value.jsonText) in a string enum is ignored", at: value.location)
                    continue
                }
                if cases.contains(where: { $0.value == text }) {
                    diagnostics.warning("enum value '\(text)' is listed twice", at: value.location)
                    continue
                }
                cases.append(.init(value: text, description: nil))
            }
            kind = .stringEnum(StringEnumModel(cases: cases, role: .plain))
        } else if isObject(schema) {
            kind = .object(objectModel(schema, name: name, nested: &nested))
        } else {
            if schema.enumValues != nil, let location = schema.enumValues?.first?.location {
                diagnostics.warning("an enum of non-string values is read as its plain type; the allowed values are not enforced", at: location)
            }
            kind = .alias(typeReference(for: schema, name: name.appending(.synthesized("Value")), nested: &nested))
        }
        if let discriminator = schema.discriminator, schema.oneOf == nil, schema.anyOf == nil,
           !isInheritanceBase(name, discriminator: discriminator) {
            diagnostics.warning("discriminator on a schema without 'oneOf' is ignored; it decodes as a plain object", at: discriminator.location)
        }
        var pattern: String?
        if case .alias(.string) = kind { pattern = schema.constraints.pattern?.value }
        return TypeDeclaration(
            name: name,
            description: description ?? schema.description,
            deprecated: schema.deprecated,
            kind: kind,
            nested: nested,
            location: schema.location,
            pattern: pattern
        )
    }

    /// Whether a component with a discriminator is the base of the schemas
    /// its mapping names, each an `allOf` that includes it: the inheritance
    /// pattern of OpenAPI 3.0, where the base type decodes the members every
    /// variant shares, which is what its users get.
    private func isInheritanceBase(_ name: TypeName, discriminator: Schema.Discriminator) -> Bool {
        guard name.components.count == 1, case .schema(let base) = name.components[0], !discriminator.mapping.isEmpty else {
            return false
        }
        return discriminator.mapping.allSatisfy { entry in
            let target = ComponentIndex.schemaName(entry.reference.value) ?? entry.reference.value
            guard let schema = components.schemas[target]?.schema else { return false }
            return (schema.allOf ?? []).contains { ComponentIndex.schemaName($0.reference?.value ?? "") == base }
        }
    }

    /// The member an `allOf` stands for when it does not merge objects: its
    /// only member (`allOf: [$ref]`, 3.0's way to annotate a reference), or,
    /// when no member is an object, the first that has a type, with a warning
    /// that the others only constrain it. `nil` when it merges objects.
    mutating func nonObjectAllOfMember(_ schema: Schema) -> Schema? {
        guard let allOf = schema.allOf, !allOf.isEmpty, schema.properties.isEmpty, schema.additionalProperties == nil else {
            return nil
        }
        if allOf.count == 1 { return allOf[0] }
        let resolved = allOf.map { components.resolve($0)?.schema ?? $0 }
        let mergesObjects = resolved.contains {
            !$0.properties.isEmpty || $0.allOf != nil || $0.oneOf != nil || $0.anyOf != nil
                || $0.additionalProperties != nil || $0.types.contains(.object)
        }
        guard !mergesObjects else { return nil }
        let member = allOf.first { $0.reference != nil || !$0.types.isEmpty } ?? allOf[0]
        diagnostics.warning("'allOf' of schemas that are not objects is read as its first typed schema; the others' constraints are not enforced", at: schema.location)
        return member
    }

    /// Whether a schema describes an object with declared members. A bare
    /// `{type: object}` declares none and allows any: it is a dictionary of
    /// JSON values, not an empty struct that would drop every member.
    func isObject(_ schema: Schema) -> Bool {
        !schema.properties.isEmpty || schema.allOf != nil
    }

    /// The members of an object, merging `allOf`.
    private mutating func objectModel(_ schema: Schema, name: TypeName, nested: inout [TypeDeclaration]) -> ObjectModel {
        var properties: [PropertyModel] = []
        var required: Set<String> = []
        var additional: TypeReference?
        var visited: Set<ObjectIdentifier> = []

        func merge(_ schema: Schema, into translator: inout ModelTranslator) {
            guard visited.insert(ObjectIdentifier(schema)).inserted else { return }
            if let reference = schema.reference {
                guard let target = translator.components.resolve(schema)?.schema else { return }
                if let componentName = ComponentIndex.schemaName(reference.value), translator.inProgress.contains(componentName) {
                    translator.diagnostics.error("schema '\(componentName)' includes itself through 'allOf'", at: reference.location)
                    return
                }
                if let componentName = ComponentIndex.schemaName(reference.value) { translator.inProgress.append(componentName) }
                merge(target, into: &translator)
                if ComponentIndex.schemaName(reference.value) != nil { translator.inProgress.removeLast() }
                return
            }
            if schema.oneOf != nil || schema.anyOf != nil {
                translator.diagnostics.warning("'oneOf'/'anyOf' inside 'allOf' is not supported; its members are not part of the merged type", at: schema.location)
            }
            for member in schema.allOf ?? [] { merge(member, into: &translator) }
            required.formUnion(schema.required.map(\.value))
            for property in schema.properties {
                if properties.contains(where: { $0.jsonName == property.name.value }) {
                    continue
                }
                let propertyName = name.appending(.property(property.name.value))
                let type = translator.typeReference(for: property.schema, name: propertyName, nested: &nested)
                properties.append(PropertyModel(
                    jsonName: property.name.value,
                    type: type,
                    isRequired: false,
                    isNullable: translator.isNullable(property.schema),
                    description: property.schema.description ?? translator.components.resolve(property.schema)?.schema.description,
                    deprecated: property.schema.deprecated,
                    example: property.schema.example
                ))
            }
            switch schema.additionalProperties {
            case .schema(let values)?:
                let value = translator.typeReference(for: values, name: name.appending(.synthesized("AdditionalProperty")), nested: &nested)
                additional = translator.isNullable(values) ? .optional(value) : value
            case .allowed(true)?:
                additional = .json
            default:
                break
            }
        }
        merge(schema, into: &self)
        for index in properties.indices where required.contains(properties[index].jsonName) {
            properties[index].isRequired = true
        }
        return ObjectModel(properties: properties, additionalProperties: additional, resolvedExpansions: [])
    }
}
