/// A struct's `Codable` implementation, written out rather than synthesized.
///
/// Synthesized `Codable` needs a `CodingKeys` enum per struct, and the
/// compiler gives each one a dozen functions (raw values, string and integer
/// keys, `Hashable`, descriptions): on X's whole document they were 38% of
/// the functions compiled. Written out, a struct's coding names its members
/// with the runtime's one `JSONMemberKey` type, through generic helpers with
/// one overload each (`member`, `optionalMember`, `encodeMember`,
/// `encodeMemberIfPresent`), which the type checker resolves at once.
extension SwiftRenderer {
    func renderCoding(object: ObjectModel, propertyNames: [String: String], into writer: inout CodeWriter) {
        let additional = object.additionalProperties.map { names.spell($0) }
        writer.documentation(DocComment(additional == nil
            ? "Decodes the members from a JSON object."
            : "Decodes the declared members, and keeps every other member in ``additionalProperties``."))
        writer.block("public init(from decoder: any Decoder) throws") { writer in
            let container = object.properties.isEmpty && additional == nil ? "_" : "let members"
            writer.line("\(container) = try decoder.container(keyedBy: JSONMemberKey.self)")
            for property in object.properties {
                let swiftName = SwiftIdentifiers.afterDot(propertyNames[property.jsonName]!)
                if let sibling = parentDiscriminator(of: property.type), object.properties.contains(where: { $0.jsonName == sibling }) {
                    // The value's case is named by a member of this object (X's `../event_type`).
                    let method = property.isOptional ? "optionalMember" : "member"
                    writer.line("self.\(swiftName) = try members.\(method)(\(SwiftIdentifiers.stringLiteral(property.jsonName)), "
                        + "discriminator: try members.optionalMember(\(SwiftIdentifiers.stringLiteral(sibling))) as String?)")
                    continue
                }
                let method = !property.isOptional ? "member"
                    : object.refusesNullForOptionalMembers && !property.isNullable ? "absentOrMember" : "optionalMember"
                writer.line("self.\(swiftName) = try members.\(method)(\(SwiftIdentifiers.stringLiteral(property.jsonName)))")
            }
            for expansion in object.resolvedExpansions {
                writer.line("self.\(SwiftIdentifiers.afterDot(propertyNames[expansion.jsonName]!)) = nil")
            }
            if let additional {
                writer.line("var additionalProperties: [String: \(additional)] = [:]")
                writer.block("for key in members.allKeys") { writer in
                    renderSkippingDeclared(object, into: &writer)
                    writer.line("additionalProperties[key.stringValue] = try members.decode(\(additional).self, forKey: key)")
                }
                writer.line("self.additionalProperties = additionalProperties")
            }
        }
        writer.line()
        // A required member that may be null is written as `null` when it has no
        // value; an optional member without a value is left out.
        writer.documentation(DocComment(additional == nil
            ? "Encodes the members as a JSON object."
            : "Encodes the declared members and ``additionalProperties``."))
        writer.block("public func encode(to encoder: any Encoder) throws") { writer in
            let container = object.properties.isEmpty && additional == nil ? "_" : "var members"
            writer.line("\(container) = encoder.container(keyedBy: JSONMemberKey.self)")
            for property in object.properties {
                let swiftName = SwiftIdentifiers.afterDot(propertyNames[property.jsonName]!)
                let method = property.isRequired ? "encodeMember" : "encodeMemberIfPresent"
                writer.line("try members.\(method)(self.\(swiftName), \(SwiftIdentifiers.stringLiteral(property.jsonName)))")
            }
            if additional != nil {
                writer.block("for (name, value) in additionalProperties.sorted(by: { $0.key < $1.key })") { writer in
                    writer.line("let key = JSONMemberKey(name)")
                    renderSkippingDeclared(object, into: &writer)
                    writer.line("try members.encode(value, forKey: key)")
                }
            }
        }
    }

    /// The member of the holding object that names the case of a value of `type`, when `type`
    /// is a `oneOf` whose discriminator points to its parent (`../event_type`).
    func parentDiscriminator(of type: TypeReference) -> String? {
        var type = type
        if case .optional(let wrapped) = type { type = wrapped }
        guard case .named(let name) = type, case .oneOf(let oneOf)? = declaration(name)?.kind,
              case .discriminator(let property, _, true) = oneOf.strategy
        else { return nil }
        return property
    }

    /// `continue` for a declared member's `key`, in a loop over undeclared ones.
    private func renderSkippingDeclared(_ object: ObjectModel, into writer: inout CodeWriter) {
        guard !object.properties.isEmpty else { return }
        let declared = object.properties.map { SwiftIdentifiers.stringLiteral($0.jsonName) }.joined(separator: ", ")
        writer.switchBlock("key.stringValue") { writer in
            writer.line("case \(declared): continue")
            writer.line("default: break")
        }
    }
}
