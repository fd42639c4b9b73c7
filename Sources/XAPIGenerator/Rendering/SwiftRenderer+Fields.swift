/// Fields.swift: the field and expansion names requests select, and the
/// resolution of expanded objects from a response's `includes`.
extension SwiftRenderer {
    func renderFields(into writer: inout CodeWriter) {
        // Fields and expansions enums nested in their schema's type.
        for declaration in model.types {
            for child in declaration.nested where isSelection(child) {
                writer.block("extension \(names.qualified(declaration.name))") { writer in
                    renderDeclaration(documented(child), into: &writer)
                }
                writer.line()
                renderSupplement(child, into: &writer)
                renderRestriction(of: declaration, fields: child, into: &writer)
            }
            // Those of schemas this spec does not generate are top-level.
            if isSelection(declaration) {
                renderDeclaration(documented(declaration), into: &writer)
                writer.line()
                renderSupplement(declaration, into: &writer)
            }
        }
        for resolution in model.expansionResolutions {
            renderResolution(resolution, into: &writer)
            writer.line()
        }
    }

    /// A fields or expansions enum with its cases documented from the schema.
    private func documented(_ declaration: TypeDeclaration) -> TypeDeclaration {
        guard case .stringEnum(var enumModel) = declaration.kind else { return declaration }
        var declaration = declaration
        switch enumModel.role {
        case .fields(let schema, let defaults):
            let owner = self.declaration(TypeName([.schema(schema)]))
            var properties: [String: PropertyModel] = [:]
            if case .object(let object)? = owner?.kind {
                for property in object.properties { properties[property.jsonName] = property }
            }
            for index in enumModel.cases.indices {
                let value = enumModel.cases[index].value
                var text = DocComment.firstSentence(properties[value]?.description) ?? "The `\(value)` field."
                if defaults.contains(value) { text += " Always included." }
                enumModel.cases[index].description = text
            }
            let typeName = names.qualified(TypeName([.schema(schema)]))
            var doc = "The fields of ``\(typeName)`` a request can ask for."
            if !defaults.isEmpty {
                doc += "\n\n" + defaults.map { "`\($0)`" }.joined(separator: ", ") + " always come back (see ``defaults``); the others only when asked for."
            }
            declaration.description = doc
        case .expansions:
            let entries = model.expansionResolutions.flatMap(\.entries).map(\.expansion)
            for index in enumModel.cases.indices {
                let value = enumModel.cases[index].value
                if let entry = entries.first(where: { $0.expansion == value }) {
                    enumModel.cases[index].description = "Includes the ``\(names.qualified(entry.type))`` that `\(entry.sourceField)` refers to, in `includes.\(entry.collection)`."
                }
            }
            declaration.description = "The related objects a request can ask to include alongside the data."
        case .plain:
            break
        }
        declaration.kind = .stringEnum(enumModel)
        return declaration
    }

    /// `restricted(to:)` on the schema a fields enum names: the object with
    /// only the chosen fields, as a server answers a request that selects them.
    private func renderRestriction(of owner: TypeDeclaration, fields: TypeDeclaration, into writer: inout CodeWriter) {
        guard case .stringEnum(let enumModel) = fields.kind, case .fields = enumModel.role,
              case .object(let object) = owner.kind
        else { return }
        let caseNames = EnumCaseNames(enumModel)
        let propertyNames = propertyNames(object)
        let removable = enumModel.cases.compactMap { enumCase -> (field: String, property: String)? in
            guard let property = object.properties.first(where: { $0.jsonName == enumCase.value }), property.isOptional,
                  let name = propertyNames[property.jsonName]
            else { return nil }
            return (caseNames.reference(enumCase.value), SwiftIdentifiers.afterDot(name))
        }
        guard !removable.isEmpty else { return }
        let ownerName = names.qualified(owner.name)
        let fieldType = names.qualified(fields.name)
        writer.block("extension \(ownerName)") { writer in
            writer.documentation(DocComment("""
            This value with only the given fields: each optional member whose field is not in \
            `fields` becomes `nil`, as a server leaves out the fields a request did not select. \
            Members the schema requires stay.

            ```swift
            let answered = full.restricted(to: \(fieldType).defaults.union(requested))
            ```
            """))
            writer.block("public func restricted(to fields: Set<\(fieldType)>) -> \(ownerName)") { writer in
                writer.line("var restricted = self")
                for entry in removable {
                    writer.line("if !fields.contains(\(entry.field)) { restricted.\(entry.property) = nil }")
                }
                writer.line("return restricted")
            }
        }
        writer.line()
    }

    private func renderResolution(_ resolution: ExpansionResolution, into writer: inout CodeWriter) {
        let responseType = names.qualified(resolution.responseType)
        let responseNames = propertyNamesOf(resolution.responseType)
        let sourceNames = propertyNamesOf(sourceTypeName(resolution))
        let data = SwiftIdentifiers.afterDot(responseNames[resolution.data.jsonName] ?? SwiftIdentifiers.member(resolution.data.jsonName))
        let includes = SwiftIdentifiers.afterDot(responseNames[resolution.includes.jsonName] ?? SwiftIdentifiers.member(resolution.includes.jsonName))
        let includesNames: [String: String] = {
            if case .named(let name) = resolution.includes.type { return propertyNamesOf(name) }
            return [:]
        }()
        let summary = resolution.entries.map { entry in
            let property = sourceNames[entry.expansion.jsonName] ?? SwiftIdentifiers.member(entry.expansion.jsonName)
            return "`\(property)` from `\(resolution.includes.jsonName).\(entry.expansion.collection)`"
        }.joined(separator: ", ")
        writer.block("extension \(responseType)") { writer in
            writer.documentation(DocComment("""
            This response with each data object's expanded objects filled in: \(summary).

            The client functions return responses already resolved; call this when you decode a \
            response yourself.
            """))
            writer.block("public func resolvingExpansions() -> \(responseType)") { writer in
                writer.line("var resolved = self")
                // One lookup table per includes collection.
                var tables: [String: String] = [:]
                for entry in resolution.entries where tables[entry.expansion.collection] == nil {
                    let collection = SwiftIdentifiers.afterDot(includesNames[entry.expansion.collection] ?? SwiftIdentifiers.member(entry.expansion.collection))
                    let table = SwiftIdentifiers.member(entry.expansion.collection + "_by_" + entry.targetID)
                    tables[entry.expansion.collection] = table
                    let targetID = SwiftIdentifiers.afterDot(propertyNamesOf(entry.expansion.type)[entry.targetID] ?? SwiftIdentifiers.member(entry.targetID))
                    let access = "self." + (resolution.includes.isOptional ? "\(includes)?" : includes) + "." + collection
                    let objects = resolution.includes.isOptional || entry.collectionIsOptional ? "(\(access) ?? [])" : access
                    writer.line("let \(table) = Dictionary(\(objects).map { ($0.\(targetID), $0) }, uniquingKeysWith: { first, _ in first })")
                }
                let element = NameCasing.lowerCamel(names.simple(sourceTypeName(resolution)))
                let resolve: (inout CodeWriter) -> Void = { writer in
                    for entry in resolution.entries {
                        let property = SwiftIdentifiers.afterDot(sourceNames[entry.expansion.jsonName] ?? SwiftIdentifiers.member(entry.expansion.jsonName))
                        let field = SwiftIdentifiers.afterDot(sourceNames[entry.expansion.sourceField] ?? SwiftIdentifiers.member(entry.expansion.sourceField))
                        let table = tables[entry.expansion.collection]!
                        writer.line(entry.sourceFieldIsOptional
                            ? "\(element).\(property) = \(element).\(field).flatMap { \(table)[$0] }"
                            : "\(element).\(property) = \(table)[\(element).\(field)]")
                    }
                }
                if resolution.dataIsArray || resolution.data.isOptional {
                    let chain = resolution.dataIsArray && resolution.data.isOptional ? "?" : ""
                    writer.line("resolved.\(data) = self.\(data)\(chain).map { \(element) in")
                    writer.indented { writer in
                        writer.line("var \(element) = \(element)")
                        resolve(&writer)
                        writer.line("return \(element)")
                    }
                    writer.line("}")
                } else {
                    writer.line("var \(element) = self.\(data)")
                    resolve(&writer)
                    writer.line("resolved.\(data) = \(element)")
                }
                writer.line("return resolved")
            }
        }
    }

    /// The schema whose objects the response's data holds.
    private func sourceTypeName(_ resolution: ExpansionResolution) -> TypeName {
        switch resolution.data.type {
        case .array(.named(let name)), .named(let name): name
        default: resolution.responseType
        }
    }

    /// The Swift property names of the object a type name declares.
    func propertyNamesOf(_ name: TypeName) -> [String: String] {
        if case .object(let object)? = declaration(name)?.kind {
            return propertyNames(object)
        }
        return [:]
    }
}
