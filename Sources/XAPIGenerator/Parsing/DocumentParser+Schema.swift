extension DocumentParser {
    /// Keywords that are valid JSON Schema but that the generator cannot
    /// express; each is a warning where it is written.
    static let unsupportedSchemaKeywords: Set<String> = [
        "not", "patternProperties", "prefixItems", "if", "then", "else", "dependentSchemas",
        "dependentRequired", "unevaluatedProperties", "unevaluatedItems", "contains", "minContains",
        "maxContains", "propertyNames", "$dynamicRef", "$dynamicAnchor", "$defs", "definitions",
    ]

    /// Keywords that only annotate, and are read without effect.
    static let annotationKeywords: Set<String> = [
        "example", "examples", "externalDocs", "xml", "$schema", "$id", "$comment", "$anchor",
        "contentMediaType", "contentEncoding", "minProperties", "maxProperties", "multipleOf",
    ]

    mutating func parseSchema(_ node: SpecNode, subject: String) -> Schema? {
        // `true`/`false` are valid 3.1 schemas; `{}` is any value.
        if let scalar = node.scalar, scalar.kind == .bool {
            return Schema(location: node.location)
        }
        guard var reader = MappingReader(node, subject: subject, diagnostics: &diagnostics) else { return nil }

        var reference: Located<String>?
        if let node = reader.take("$ref") {
            reference = MappingReader.string(node, "'$ref' in \(subject)", diagnostics: &diagnostics)
        }

        var types: [Schema.JSONType] = []
        var nullable = false
        var typeLocation: SourceLocation?
        if let typeNode = reader.take("type") {
            typeLocation = typeNode.location
            let names: [Located<String>]
            if typeNode.elements != nil {
                names = MappingReader.stringList(typeNode, "'type' in \(subject)", diagnostics: &diagnostics) ?? []
                if version == .v3_0 {
                    diagnostics.warning("a list of types is OpenAPI 3.1; in 3.0 write one type and 'nullable: true'", at: typeNode.location)
                }
            } else if let name = MappingReader.string(typeNode, "'type' in \(subject)", diagnostics: &diagnostics) {
                names = [name]
            } else {
                names = []
            }
            for name in names {
                guard let type = Schema.JSONType(rawValue: name.value) else {
                    diagnostics.error("unknown type '\(name.value)' in \(subject); expected one of \(Schema.JSONType.allCases.map(\.rawValue).joined(separator: ", "))", at: name.location)
                    continue
                }
                if type == .null { nullable = true } else if !types.contains(type) { types.append(type) }
            }
        }
        if let flag = reader.bool("nullable", diagnostics: &diagnostics) {
            if version == .v3_1, let location = reader.keyLocation("nullable") {
                diagnostics.warning("'nullable' is OpenAPI 3.0; in 3.1 add \"null\" to 'type'", at: location)
            }
            nullable = nullable || flag
        }

        let format = reader.string("format", diagnostics: &diagnostics)?.value
        let title = reader.text("title", diagnostics: &diagnostics)
        let description = reader.text("description", diagnostics: &diagnostics)
        let deprecated = reader.bool("deprecated", diagnostics: &diagnostics) ?? false
        let readOnly = reader.bool("readOnly", diagnostics: &diagnostics) ?? false
        let writeOnly = reader.bool("writeOnly", diagnostics: &diagnostics) ?? false

        var enumValues: [Located<JSONLiteral>]?
        if let node = reader.take("enum") {
            if let elements = node.elements {
                if elements.isEmpty {
                    diagnostics.error("'enum' in \(subject) must list at least one value", at: node.location)
                }
                enumValues = elements.map { Located(MappingReader.literal($0), at: $0.location) }
                if enumValues?.contains(where: { $0.value == .null }) == true { nullable = true }
                enumValues?.removeAll { $0.value == .null }
            } else {
                diagnostics.error("expected a sequence for 'enum' in \(subject), found \(node.kindDescription)", at: node.location)
            }
        }
        let constValue = reader.take("const").map { Located(MappingReader.literal($0), at: $0.location) }
        let defaultValue = reader.take("default").map { Located(MappingReader.literal($0), at: $0.location) }
        let example = reader.take("example").map(MappingReader.literal)

        var properties: [Schema.Property] = []
        if let node = reader.take("properties") {
            if let entries = node.entries {
                for entry in entries {
                    if let schema = parseSchema(entry.value, subject: "property '\(entry.key)' of \(subject)") {
                        properties.append(.init(name: Located(entry.key, at: entry.keyLocation), schema: schema))
                    }
                }
            } else {
                diagnostics.error("expected a mapping for 'properties' in \(subject), found \(node.kindDescription)", at: node.location)
            }
        }
        let required = reader.stringList("required", diagnostics: &diagnostics) ?? []

        var items: Schema?
        if let node = reader.take("items") {
            if node.elements != nil {
                diagnostics.warning("tuple 'items' (a list of schemas) is not supported; the array's elements are read as any JSON value", at: node.location)
                items = Schema(location: node.location)
            } else {
                items = parseSchema(node, subject: "the items of \(subject)")
            }
        }

        var additionalProperties: Schema.AdditionalProperties?
        if let node = reader.take("additionalProperties") {
            if let scalar = node.scalar, scalar.kind == .bool {
                additionalProperties = .allowed(scalar.text.lowercased() == "true")
            } else if let schema = parseSchema(node, subject: "the additional properties of \(subject)") {
                additionalProperties = .schema(schema)
            }
        }

        let allOf = parseSchemaList(reader.take("allOf"), keyword: "allOf", subject: subject)
        let oneOf = parseSchemaList(reader.take("oneOf"), keyword: "oneOf", subject: subject)
        let anyOf = parseSchemaList(reader.take("anyOf"), keyword: "anyOf", subject: subject)

        var discriminator: Schema.Discriminator?
        if let node = reader.take("discriminator"), var discriminatorReader = MappingReader(node, subject: "the discriminator of \(subject)", diagnostics: &diagnostics) {
            let propertyName = discriminatorReader.requiredString("propertyName", diagnostics: &diagnostics)
            var mapping: [(value: Located<String>, reference: Located<String>)] = []
            if let mappingNode = discriminatorReader.take("mapping") {
                if let entries = mappingNode.entries {
                    for entry in entries {
                        if let target = MappingReader.string(entry.value, "the mapping of '\(entry.key)'", diagnostics: &diagnostics) {
                            mapping.append((Located(entry.key, at: entry.keyLocation), target))
                        }
                    }
                } else {
                    diagnostics.error("expected a mapping for 'mapping' in the discriminator of \(subject), found \(mappingNode.kindDescription)", at: mappingNode.location)
                }
            }
            discriminatorReader.reportUnknownKeys(diagnostics: &diagnostics)
            if let propertyName {
                discriminator = .init(propertyName: propertyName, mapping: mapping, location: node.location)
            }
        }

        var constraints = Schema.Constraints()
        constraints.pattern = reader.string("pattern", diagnostics: &diagnostics)
        constraints.minLength = reader.integer("minLength", diagnostics: &diagnostics)?.value
        constraints.maxLength = reader.integer("maxLength", diagnostics: &diagnostics)?.value
        constraints.minimum = reader.number("minimum", diagnostics: &diagnostics)
        constraints.maximum = reader.number("maximum", diagnostics: &diagnostics)
        constraints.minItems = reader.integer("minItems", diagnostics: &diagnostics)?.value
        constraints.maxItems = reader.integer("maxItems", diagnostics: &diagnostics)?.value
        constraints.uniqueItems = reader.bool("uniqueItems", diagnostics: &diagnostics) ?? false
        for (keyword, isMinimum) in [("exclusiveMinimum", true), ("exclusiveMaximum", false)] {
            guard let node = reader.take(keyword), let scalar = node.scalar else { continue }
            switch scalar.kind {
            case .bool:
                // 3.0: a flag on minimum/maximum.
                guard scalar.text.lowercased() == "true" else { break }
                if isMinimum {
                    constraints.exclusiveMinimum = constraints.minimum
                    constraints.minimum = nil
                } else {
                    constraints.exclusiveMaximum = constraints.maximum
                    constraints.maximum = nil
                }
            case .integer, .number:
                if isMinimum { constraints.exclusiveMinimum = Double(scalar.text) } else { constraints.exclusiveMaximum = Double(scalar.text) }
            default:
                diagnostics.error("expected a number or a boolean for '\(keyword)' in \(subject), found \(node.kindDescription)", at: node.location)
            }
        }

        let swiftType = reader.string("x-swift-type", diagnostics: &diagnostics)

        for keyword in reader.keys where Self.unsupportedSchemaKeywords.contains(keyword) {
            if let location = reader.keyLocation(keyword) {
                diagnostics.warning("'\(keyword)' is not supported and is ignored in \(subject)", at: location)
            }
            reader.ignore(keyword)
        }
        for keyword in reader.keys where Self.annotationKeywords.contains(keyword) {
            reader.ignore(keyword)
        }
        reader.reportUnknownKeys(diagnostics: &diagnostics)

        return Schema(
            location: node.location,
            reference: reference,
            types: types,
            typeLocation: typeLocation,
            nullable: nullable,
            format: format,
            title: title,
            description: description,
            deprecated: deprecated,
            enumValues: enumValues,
            constValue: constValue,
            defaultValue: defaultValue,
            example: example,
            properties: properties,
            required: required,
            items: items,
            additionalProperties: additionalProperties,
            allOf: allOf,
            oneOf: oneOf,
            anyOf: anyOf,
            discriminator: discriminator,
            constraints: constraints,
            readOnly: readOnly,
            writeOnly: writeOnly,
            swiftType: swiftType
        )
    }

    private mutating func parseSchemaList(_ node: SpecNode?, keyword: String, subject: String) -> [Schema]? {
        guard let node else { return nil }
        guard let elements = node.elements else {
            diagnostics.error("expected a sequence for '\(keyword)' in \(subject), found \(node.kindDescription)", at: node.location)
            return nil
        }
        if elements.isEmpty {
            diagnostics.error("'\(keyword)' in \(subject) must list at least one schema", at: node.location)
            return nil
        }
        return elements.enumerated().compactMap { index, element in
            parseSchema(element, subject: "\(keyword)[\(index)] of \(subject)")
        }
    }
}
