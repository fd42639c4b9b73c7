/// Renders type declarations: structs for objects, enums with an unknown
/// case for string enums, enums with payloads for `oneOf`, typealiases.
extension SwiftRenderer {
    /// Models.swift: the component schemas.
    func renderModels(into writer: inout CodeWriter) {
        for declaration in model.types where isComponent(declaration) {
            renderDeclaration(declaration, into: &writer)
            writer.line()
            renderSupplement(declaration, into: &writer)
        }
    }

    /// Models+Nested.swift: the types nested in the component schemas' types.
    func renderNestedModels(into writer: inout CodeWriter) {
        for declaration in model.types where isComponent(declaration) {
            renderNested(of: declaration, into: &writer)
        }
    }

    func isComponent(_ declaration: TypeDeclaration) -> Bool {
        if case .schema = declaration.name.components.first { return true }
        return false
    }

    /// Whether a declaration is a fields or expansions enum, which Fields.swift renders.
    func isSelection(_ declaration: TypeDeclaration) -> Bool {
        if case .stringEnum(let model) = declaration.kind, model.role != .plain { return true }
        return false
    }

    /// A declaration, then its nested types in extensions of it.
    func renderTree(_ declaration: TypeDeclaration, into writer: inout CodeWriter) {
        renderDeclaration(declaration, into: &writer)
        writer.line()
        renderSupplement(declaration, into: &writer)
        renderNested(of: declaration, into: &writer)
    }

    func renderNested(of declaration: TypeDeclaration, into writer: inout CodeWriter) {
        let nested = declaration.nested.filter { !isSelection($0) }
        guard !nested.isEmpty else { return }
        if SwiftNames.isAlias(declaration) {
            // Declared beside the typealias (see `SwiftNames`).
            for child in nested { renderTree(child, into: &writer) }
            return
        }
        for child in nested {
            writer.block("extension \(names.qualified(declaration.name))") { writer in
                renderDeclaration(child, into: &writer)
            }
            writer.line()
            renderSupplement(child, into: &writer)
            renderNested(of: child, into: &writer)
        }
    }

    /// The declaration itself, at the writer's indentation.
    func renderDeclaration(_ declaration: TypeDeclaration, into writer: inout CodeWriter) {
        var doc = DocComment(declaration.description ?? Self.fallbackDescription(declaration.name))
        if declaration.deprecated { doc.callout("- Note: Deprecated.", separated: true) }
        let name = names.simple(declaration.name)
        switch declaration.kind {
        case .object(let object):
            writer.documentation(doc)
            renderStruct(name: name, object: object, into: &writer)
        case .stringEnum(let enumModel):
            writer.documentation(doc)
            renderStringEnum(name: name, model: enumModel, into: &writer)
        case .oneOf(let oneOf):
            writer.documentation(doc)
            renderOneOf(name: name, qualified: names.qualified(declaration.name), model: oneOf, into: &writer)
        case .alias(let target):
            writer.documentation(doc)
            writer.line("public typealias \(name) = \(names.spell(target))")
        }
    }

    /// Documentation for a type the spec does not describe, from where it is.
    static func fallbackDescription(_ name: TypeName) -> String {
        switch name.components.last {
        case .schema(let schema)?: "The `\(schema)` schema."
        case .property(let property)?: "The value of `\(property)`."
        case .element(let property)?: "An element of `\(property)`."
        case .synthesized(let synthesized)?: "The `\(synthesized)` value."
        case nil: ""
        }
    }

    /// What follows a declaration at top level (a string enum's conformances).
    func renderSupplement(_ declaration: TypeDeclaration, into writer: inout CodeWriter) {
        if case .stringEnum(let enumModel) = declaration.kind {
            renderStringEnumConformances(qualified: names.qualified(declaration.name), model: enumModel, into: &writer)
            writer.line()
        }
    }

    // MARK: Structs

    private func renderStruct(name: String, object: ObjectModel, into writer: inout CodeWriter) {
        let propertyNames = propertyNames(object)
        writer.block("public struct \(name): Codable, Hashable, Sendable") { writer in
            for property in object.properties {
                var doc = DocComment(property.description ?? "The `\(property.jsonName)` member.")
                if property.deprecated { doc.callout("- Note: Deprecated.", separated: true) }
                writer.documentation(doc)
                writer.line("public var \(SwiftIdentifiers.escaped(propertyNames[property.jsonName]!)): \(propertyType(property))")
            }
            for expansion in object.resolvedExpansions {
                let source = propertyNames[expansion.sourceField] ?? SwiftIdentifiers.member(expansion.sourceField)
                writer.documentation(DocComment("""
                The ``\(names.qualified(expansion.type))`` that ``\(source)`` refers to, resolved from the \
                response's `includes.\(expansion.collection)` when the request asks for the \
                `\(expansion.expansion)` expansion; `nil` otherwise. It is not part of this object's JSON.
                """))
                writer.line("public var \(SwiftIdentifiers.escaped(propertyNames[expansion.jsonName]!)): \(names.qualified(expansion.type))?")
            }
            if let additional = object.additionalProperties {
                writer.documentation(DocComment("The members the schema does not declare, kept as they were sent."))
                writer.line("public var additionalProperties: [String: \(names.spell(additional))]")
            }
            if !object.properties.isEmpty || object.additionalProperties != nil || !object.resolvedExpansions.isEmpty {
                writer.line()
            }
            renderMemberwiseInit(name: name, object: object, propertyNames: propertyNames, into: &writer)
            writer.line()
            renderCoding(object: object, propertyNames: propertyNames, into: &writer)
        }
    }

    private func renderMemberwiseInit(name: String, object: ObjectModel, propertyNames: [String: String], into writer: inout CodeWriter) {
        var arguments: [String] = []
        var assignments: [String] = []
        // A parameter named `self` would hide `self`; it gets another internal name.
        func argument(_ swiftName: String, _ type: String, defaultValue: String?) {
            let internalName = swiftName == "self" ? "selfValue" : swiftName
            let head = internalName == swiftName ? swiftName : "\(swiftName) \(internalName)"
            arguments.append("\(head): \(type)" + (defaultValue.map { " = \($0)" } ?? ""))
            assignments.append("self.\(SwiftIdentifiers.afterDot(swiftName)) = \(SwiftIdentifiers.escaped(internalName))")
        }
        for property in object.properties {
            argument(propertyNames[property.jsonName]!, propertyType(property), defaultValue: property.isOptional ? "nil" : nil)
        }
        for expansion in object.resolvedExpansions {
            argument(propertyNames[expansion.jsonName]!, names.qualified(expansion.type) + "?", defaultValue: "nil")
        }
        if let additional = object.additionalProperties {
            arguments.append("additionalProperties: [String: \(names.spell(additional))] = [:]")
            assignments.append("self.additionalProperties = additionalProperties")
        }
        writer.documentation(DocComment("Creates a value from its members."))
        if arguments.isEmpty {
            writer.line("public init() {}")
            return
        }
        let oneLine = "public init(\(arguments.joined(separator: ", ")))"
        if arguments.count <= 2, oneLine.count <= 90 {
            writer.block(oneLine) { writer in writer.lines(assignments) }
            return
        }
        writer.line("public init(")
        writer.indented { writer in
            for (index, argument) in arguments.enumerated() {
                writer.line(argument + (index == arguments.count - 1 ? "" : ","))
            }
        }
        writer.block(")") { writer in
            writer.lines(assignments)
        }
    }

    // MARK: String enums

    private func renderStringEnum(name: String, model: StringEnumModel, into writer: inout CodeWriter) {
        let caseNames = EnumCaseNames(model)
        writer.block("public enum \(name): Hashable, Sendable") { writer in
            for enumCase in model.cases {
                writer.documentation(DocComment(enumCase.description ?? "`\(enumCase.value)`"))
                writer.line("case \(caseNames.declaration(enumCase.value))")
            }
            writer.documentation(DocComment("A value this code does not know yet, kept as it was sent so decoding never fails on a new one."))
            writer.line("case unknown(String)")
        }
    }

    func renderStringEnumConformances(qualified: String, model: StringEnumModel, into writer: inout CodeWriter) {
        let caseNames = EnumCaseNames(model)
        // `OpenStringEnum` brings the JSON coding (a string, through
        // `RawRepresentable`) and the URL text; only the table is generated.
        writer.block("extension \(qualified): OpenStringEnum") { writer in
            writer.documentation(DocComment("Creates the case for a raw value; an unknown value becomes ``unknown(_:)``."))
            writer.block("public init(rawValue: String)") { writer in
                writer.switchBlock("rawValue") { writer in
                    for enumCase in model.cases {
                        writer.line("case \(SwiftIdentifiers.stringLiteral(enumCase.value)): self = \(caseNames.reference(enumCase.value))")
                    }
                    writer.line("default: self = .unknown(rawValue)")
                }
            }
            writer.line()
            writer.documentation(DocComment("The value as the API spells it."))
            writer.block("public var rawValue: String") { writer in
                writer.switchBlock("self") { writer in
                    for enumCase in model.cases {
                        writer.line("case \(caseNames.reference(enumCase.value)): \(SwiftIdentifiers.stringLiteral(enumCase.value))")
                    }
                    writer.line("case .unknown(let value): value")
                }
            }
            writer.line()
            writer.documentation(DocComment("Every value the spec lists."))
            let cases = model.cases.map { caseNames.reference($0.value) }
            if cases.joined(separator: ", ").count < 70 {
                writer.line("public static let allCases: [Self] = [\(cases.joined(separator: ", "))]")
            } else {
                writer.line("public static let allCases: [Self] = [")
                writer.indented { writer in
                    for enumCase in cases { writer.line(enumCase + ",") }
                }
                writer.line("]")
            }
            if case .fields(_, let defaults) = model.role, !defaults.isEmpty {
                writer.line()
                writer.documentation(DocComment("The fields every response includes, whether a request asks for them or not."))
                writer.line("public static let defaults: Set<Self> = [\(defaults.map { caseNames.reference($0) }.joined(separator: ", "))]")
            }
        }
    }

    // MARK: oneOf

    private func renderOneOf(name: String, qualified: String, model: OneOfModel, into writer: inout CodeWriter) {
        let caseNames = oneOfCaseNames(model)
        let recursive = model.isIndirect || model.cases.contains { $0.payload.map { references($0, qualified) } ?? false }
        writer.block("public \(recursive ? "indirect " : "")enum \(name): Codable, Hashable, Sendable") { writer in
            for (index, oneOfCase) in model.cases.enumerated() {
                let fallback = oneOfCase.payload.map { "A ``\(names.spell($0))`` value." } ?? "The `\(oneOfCase.name)` case."
                writer.documentation(DocComment(oneOfCase.description ?? fallback))
                if let payload = oneOfCase.payload {
                    writer.line("case \(caseNames[index])(\(names.spell(payload)))")
                } else {
                    writer.line("case \(caseNames[index])")
                }
            }
            if case .discriminator = model.strategy {
                writer.documentation(DocComment("A kind this code does not know yet, kept as the JSON that was sent."))
                writer.line("case unknown(JSONValue)")
            }
            writer.line()
            switch model.strategy {
            case .discriminator(let property, let mapping):
                renderDiscriminatorCoding(name: name, property: property, mapping: mapping, model: model, caseNames: caseNames, into: &writer)
            case .constants:
                renderConstantsCoding(name: name, model: model, caseNames: caseNames, into: &writer)
            case .firstMatch:
                renderFirstMatchCoding(name: name, model: model, caseNames: caseNames, into: &writer)
            }
        }
    }

    private func references(_ type: TypeReference, _ qualified: String) -> Bool {
        names.spell(type) == qualified
    }

    func oneOfCaseNames(_ model: OneOfModel) -> [String] {
        var names = UniqueNames(taken: ["unknown"])
        return model.cases.map { SwiftIdentifiers.escaped(names.claim(SwiftIdentifiers.member($0.name))) }
    }

    private func renderDiscriminatorCoding(name: String, property: String, mapping: [(value: String, caseIndex: Int)], model: OneOfModel, caseNames: [String], into writer: inout CodeWriter) {
        writer.documentation(DocComment("Decodes the case that `\(property)` names; an unknown name decodes as ``unknown(_:)``."))
        writer.block("public init(from decoder: any Decoder) throws") { writer in
            writer.line("let container = try decoder.container(keyedBy: JSONCodingKey.self)")
            writer.line("let kind = try container.decode(String.self, forKey: JSONCodingKey(\(SwiftIdentifiers.stringLiteral(property))))")
            writer.line("let value = try decoder.singleValueContainer()")
            writer.switchBlock("kind") { writer in
                var grouped: [(values: [String], index: Int)] = []
                for entry in mapping {
                    if let position = grouped.firstIndex(where: { $0.index == entry.caseIndex }) {
                        grouped[position].values.append(entry.value)
                    } else {
                        grouped.append(([entry.value], entry.caseIndex))
                    }
                }
                for group in grouped {
                    guard let payload = model.cases[group.index].payload else { continue }
                    writer.line("case \(group.values.map(SwiftIdentifiers.stringLiteral).joined(separator: ", ")):")
                    writer.indented { writer in
                        writer.line("self = .\(caseNames[group.index])(try value.decode(\(names.spell(payload)).self))")
                    }
                }
                writer.line("default:")
                writer.indented { writer in
                    writer.line("self = .unknown(try value.decode(JSONValue.self))")
                }
            }
        }
        writer.line()
        renderPayloadEncoding(model: model, caseNames: caseNames, unknown: true, into: &writer)
    }

    private func renderPayloadEncoding(model: OneOfModel, caseNames: [String], unknown: Bool, into writer: inout CodeWriter) {
        writer.documentation(DocComment("Encodes the case's value."))
        writer.block("public func encode(to encoder: any Encoder) throws") { writer in
            writer.line("var container = encoder.singleValueContainer()")
            writer.switchBlock("self") { writer in
                for (index, oneOfCase) in model.cases.enumerated() where oneOfCase.payload != nil {
                    writer.line("case .\(caseNames[index])(let value): try container.encode(value)")
                }
                if unknown {
                    writer.line("case .unknown(let value): try container.encode(value)")
                }
            }
        }
    }

    private func renderFirstMatchCoding(name: String, model: OneOfModel, caseNames: [String], into writer: inout CodeWriter) {
        writer.documentation(DocComment("Decodes the first alternative, in the spec's order, that the value matches."))
        writer.block("public init(from decoder: any Decoder) throws") { writer in
            writer.line("let value = try decoder.singleValueContainer()")
            for (index, oneOfCase) in model.cases.enumerated() {
                guard let payload = oneOfCase.payload else { continue }
                writer.block("if let match = try? value.decode(\(names.spell(payload)).self)") { writer in
                    writer.line("self = .\(caseNames[index])(match)")
                    writer.line("return")
                }
            }
            let list = model.cases.map(\.name).joined(separator: ", ")
            writer.line("throw DecodingError.dataCorruptedError(in: value, debugDescription: \(SwiftIdentifiers.stringLiteral("The value matches none of \(name)'s alternatives (\(list)).")))")
        }
        writer.line()
        renderPayloadEncoding(model: model, caseNames: caseNames, unknown: false, into: &writer)
    }

    private func renderConstantsCoding(name: String, model: OneOfModel, caseNames: [String], into writer: inout CodeWriter) {
        // Every key any case pins, with the Swift type of its constants.
        var keys: [(jsonName: String, type: String)] = []
        for oneOfCase in model.cases {
            for constant in oneOfCase.constants where !keys.contains(where: { $0.jsonName == constant.jsonName }) {
                let type = model.cases.lazy.compactMap { $0.constants.first { $0.jsonName == constant.jsonName }?.value }
                    .compactMap(Self.constantType).first ?? "Bool"
                keys.append((constant.jsonName, type))
            }
        }
        func key(_ jsonName: String) -> String { SwiftIdentifiers.member(jsonName) }
        writer.block("private enum CodingKeys: String, CodingKey") { writer in
            for (jsonName, _) in keys {
                writer.line(key(jsonName) == jsonName ? "case \(SwiftIdentifiers.escaped(key(jsonName)))" : "case \(SwiftIdentifiers.escaped(key(jsonName))) = \(SwiftIdentifiers.stringLiteral(jsonName))")
            }
        }
        writer.line()
        writer.documentation(DocComment("Decodes the case whose constant members the value has."))
        writer.block("public init(from decoder: any Decoder) throws") { writer in
            writer.line("let container = try decoder.container(keyedBy: CodingKeys.self)")
            for (jsonName, type) in keys {
                writer.line("let \(SwiftIdentifiers.escaped(key(jsonName))) = try container.decodeIfPresent(\(type).self, forKey: .\(key(jsonName)))")
            }
            let subject = keys.count == 1 ? SwiftIdentifiers.escaped(key(keys[0].jsonName)) : "(" + keys.map { SwiftIdentifiers.escaped(key($0.jsonName)) }.joined(separator: ", ") + ")"
            writer.switchBlock(subject) { writer in
                for (index, oneOfCase) in model.cases.enumerated() {
                    let patterns = keys.map { entry in
                        oneOfCase.constants.first { $0.jsonName == entry.jsonName }.map { Self.constantPattern($0.value) } ?? "_"
                    }
                    let pattern = keys.count == 1 ? patterns[0] : "(" + patterns.joined(separator: ", ") + ")"
                    writer.line("case \(pattern): self = .\(caseNames[index])")
                }
                writer.line("default:")
                writer.indented { writer in
                    let list = model.cases.map(\.name).joined(separator: ", ")
                    writer.line("throw DecodingError.dataCorrupted(DecodingError.Context(")
                    writer.indented { writer in
                        writer.line("codingPath: decoder.codingPath,")
                        writer.line("debugDescription: \(SwiftIdentifiers.stringLiteral("The value matches none of \(name)'s cases (\(list))."))")
                    }
                    writer.line("))")
                }
            }
        }
        writer.line()
        writer.documentation(DocComment("Encodes the case's constant members."))
        writer.block("public func encode(to encoder: any Encoder) throws") { writer in
            writer.line("var container = encoder.container(keyedBy: CodingKeys.self)")
            writer.switchBlock("self") { writer in
                for (index, oneOfCase) in model.cases.enumerated() {
                    writer.line("case .\(caseNames[index]):")
                    writer.indented { writer in
                        for constant in oneOfCase.constants {
                            writer.line(Self.constantEncoding(constant.value, key: key(constant.jsonName)))
                        }
                    }
                }
            }
        }
    }

    static func constantType(_ value: JSONLiteral) -> String? {
        switch value {
        case .bool: "Bool"
        case .integer: "Int"
        case .number: "Double"
        case .string: "String"
        case .null, .array, .object: nil
        }
    }

    static func constantPattern(_ value: JSONLiteral) -> String {
        switch value {
        case .null: "nil"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .string(let text): SwiftIdentifiers.stringLiteral(text)
        case .array, .object: "_"
        }
    }

    static func constantEncoding(_ value: JSONLiteral, key: String) -> String {
        switch value {
        case .null: "try container.encodeNil(forKey: .\(key))"
        case .bool(let flag): "try container.encode(\(flag), forKey: .\(key))"
        case .integer(let number): "try container.encode(\(number), forKey: .\(key))"
        case .number(let number): "try container.encode(\(number), forKey: .\(key))"
        case .string(let text): "try container.encode(\(SwiftIdentifiers.stringLiteral(text)), forKey: .\(key))"
        case .array, .object: "break"
        }
    }
}
