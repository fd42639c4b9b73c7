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
        renderSchemaPatterns(into: &writer)
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
            renderValueAliases(qualified: names.qualified(declaration.name), model: enumModel, into: &writer)
            renderSourceFields(qualified: names.qualified(declaration.name), model: enumModel, into: &writer)
        }
    }

    /// `sourceField` of an expansions enum: the field of the data object that holds the
    /// expanded object's ID, as `x-expansions` says.
    private func renderSourceFields(qualified: String, model: StringEnumModel, into writer: inout CodeWriter) {
        guard case .expansions(let sourceFields) = model.role, !sourceFields.isEmpty else { return }
        let caseNames = EnumCaseNames(model)
        writer.block("extension \(qualified)") { writer in
            writer.documentation(DocComment("The field of the data object that holds the expanded object's ID (a dotted path for a nested one), which a server returns with the expansion; `nil` for an expansion the spec does not list."))
            writer.block("public var sourceField: String?") { writer in
                writer.switchBlock("self") { writer in
                    for enumCase in model.cases {
                        let field = sourceFields[enumCase.value].map(SwiftIdentifiers.stringLiteral) ?? "nil"
                        writer.line("case \(caseNames.reference(enumCase.value)): \(field)")
                    }
                    writer.line("case .unknown: nil")
                }
            }
        }
        writer.line()
    }

    /// Deprecated names for the older values of an enum (`x-value-aliases`), so code written
    /// against them still compiles and sends the current value.
    private func renderValueAliases(qualified: String, model: StringEnumModel, into writer: inout CodeWriter) {
        let caseNames = EnumCaseNames(model)
        var taken = Set(model.cases.map { caseNames.reference($0.value) })
        let aliases = model.aliases.sorted { $0.key < $1.key }.filter { alias in
            taken.insert("." + SwiftIdentifiers.afterDot(SwiftIdentifiers.member(alias.key))).inserted
                && model.cases.contains { $0.value == alias.value }
        }
        guard !aliases.isEmpty else { return }
        writer.block("extension \(qualified)") { writer in
            for (index, alias) in aliases.enumerated() {
                if index > 0 { writer.line() }
                let current = caseNames.reference(alias.value)
                writer.documentation(DocComment("`\(alias.key)`, the older name of ``\(current.dropFirst())`` (`\(alias.value)`), which is sent instead."))
                writer.line("@available(*, deprecated, renamed: \(SwiftIdentifiers.stringLiteral(String(current.dropFirst()))))")
                writer.line("public static var \(SwiftIdentifiers.escaped(SwiftIdentifiers.member(alias.key))): Self { \(current) }")
            }
        }
        writer.line()
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
}
