/// `oneOf` and `anyOf`: one case per alternative, with how a value picks its case.
extension ModelTranslator {
    // MARK: oneOf

    mutating func oneOfModel(_ schema: Schema, alternatives: [Schema], name: TypeName, nested: inout [TypeDeclaration]) -> OneOfModel {
        // `{type: "null"}` makes the uses optional (see `isNullable`); it is no case.
        let alternatives = alternatives.filter { !Self.isNullOnly($0) }
        var cases: [OneOfModel.Case] = []
        var usedNames = UniqueNames()
        func caseName(_ proposed: String, index: Int) -> String {
            usedNames.claim(proposed.isEmpty ? "case\(index + 1)" : proposed)
        }

        if let discriminator = schema.discriminator {
            // One case per distinct target schema; several values may map to it.
            var mapping: [(value: String, caseIndex: Int)] = []
            var caseIndexBySchema: [String: Int] = [:]
            func addCase(schemaName: String, location: SourceLocation, translator: inout ModelTranslator) -> Int? {
                if let index = caseIndexBySchema[schemaName] { return index }
                guard translator.components.schemas[schemaName] != nil else { return nil }
                let reference = Located("#/components/schemas/\(schemaName)", at: location)
                let target = translator.components.schemas[schemaName]?.schema
                cases.append(.init(
                    name: caseName(schemaName, index: cases.count),
                    description: target?.description,
                    payload: translator.referencedType(reference),
                    constants: []
                ))
                caseIndexBySchema[schemaName] = cases.count - 1
                return cases.count - 1
            }
            for entry in discriminator.mapping {
                let target = ComponentIndex.schemaName(entry.reference.value) ?? entry.reference.value
                if let index = addCase(schemaName: target, location: entry.reference.location, translator: &self) {
                    mapping.append((entry.value.value, index))
                }
            }
            for alternative in alternatives {
                guard let reference = alternative.reference, let target = ComponentIndex.schemaName(reference.value) else {
                    diagnostics.warning("an inline alternative cannot be selected by the discriminator and is ignored", at: alternative.location)
                    continue
                }
                let known = caseIndexBySchema[target] != nil
                if let index = addCase(schemaName: target, location: reference.location, translator: &self), !known {
                    // Without an explicit mapping, the value is the schema's name.
                    if !mapping.contains(where: { $0.value == target }) { mapping.append((target, index)) }
                }
            }
            var property = discriminator.propertyName.value
            let fromParent = property.hasPrefix("../")
            if fromParent {
                property.removeFirst(3)
                diagnostics.warning("discriminator '\(discriminator.propertyName.value)' names a member of the object that holds the value, which OpenAPI does not allow; that object picks the case from its own '\(property)', and a value held anywhere else decodes as unknown JSON", at: discriminator.propertyName.location)
            }
            return OneOfModel(cases: cases, strategy: .discriminator(property: property, mapping: mapping, fromParent: fromParent))
        }

        // Alternatives made only of constant members decode by matching them.
        let constantSets: [[(jsonName: String, value: JSONLiteral)]?] = alternatives.map { alternative in
            guard alternative.reference == nil, !alternative.properties.isEmpty else { return nil }
            let required = Set(alternative.required.map(\.value))
            var constants: [(jsonName: String, value: JSONLiteral)] = []
            for property in alternative.properties {
                let value = property.schema.constValue?.value
                    ?? (property.schema.enumValues?.count == 1 ? property.schema.enumValues?.first?.value : nil)
                guard let value, required.contains(property.name.value) else { return nil }
                switch value {
                case .array, .object: return nil
                default: constants.append((property.name.value, value))
                }
            }
            return constants
        }
        // A key must hold constants of one JSON type across the cases to be matched.
        var keyTypes: [String: Schema.JSONType] = [:]
        let consistent = constantSets.compactMap { $0 }.joined().allSatisfy { constant in
            guard constant.value != .null else { return true }
            let type = constant.value.jsonType
            if let existing = keyTypes[constant.jsonName] { return existing == type }
            keyTypes[constant.jsonName] = type
            return true
        }
        if consistent, constantSets.allSatisfy({ $0 != nil }) {
            for (index, alternative) in alternatives.enumerated() {
                cases.append(.init(
                    name: caseName(alternative.title ?? "", index: index),
                    description: alternative.description,
                    payload: nil,
                    constants: constantSets[index] ?? []
                ))
            }
            return OneOfModel(cases: cases, strategy: .constants)
        }

        for (index, alternative) in alternatives.enumerated() {
            let proposed = alternative.title
                ?? alternative.reference.flatMap { ComponentIndex.schemaName($0.value) }
                ?? alternative.types.first.map(\.rawValue)
                ?? ""
            let label = caseName(proposed, index: index)
            let payloadName = name.appending(.synthesized(label.prefix(1).uppercased() + label.dropFirst()))
            let payload = typeReference(for: alternative, name: payloadName, nested: &nested)
            cases.append(.init(name: label, description: alternative.description, payload: payload, constants: []))
        }
        return OneOfModel(cases: cases, strategy: .firstMatch)
    }
}
