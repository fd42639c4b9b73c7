/// The Swift spelling of every type in a model, chosen once so that every
/// file agrees, and so no nested type shadows another type the generated
/// code refers to.
struct SwiftNames {
    private var spelled: [TypeName: [String]] = [:]

    init(model: APIModel) {
        var topLevel: Set<String> = []
        func claimTopLevel(_ proposal: String) -> String {
            let name = UniqueNames.free(proposal, infix: "Payload") {
                topLevel.contains($0) || SwiftIdentifiers.reservedTypeNames.contains($0)
            }
            topLevel.insert(name)
            return name
        }
        for declaration in model.types {
            spelled[declaration.name] = [claimTopLevel(Self.proposed(declaration.name.components.last!))]
        }
        // A typealias cannot hold nested types (an extension of
        // `typealias PollOptions = [PollOptions.Element]` would refer to
        // itself), so the types an alias needs are its top-level siblings,
        // named after it: `PollOptions` → `PollOptionsElement`.
        for declaration in model.types where Self.isAlias(declaration) {
            for child in declaration.nested {
                spelled[child.name] = [claimTopLevel(spelled[declaration.name]![0] + Self.proposed(child.name.components.last!))]
            }
        }
        for declaration in model.types {
            if Self.isAlias(declaration) {
                for child in declaration.nested { assignNested(child, topLevel: topLevel) }
            } else {
                assignNested(declaration, topLevel: topLevel)
            }
        }
    }

    /// Whether a declaration becomes a typealias, whose nested types are declared beside it.
    static func isAlias(_ declaration: TypeDeclaration) -> Bool {
        if case .alias = declaration.kind { return true }
        return false
    }

    private mutating func assignNested(_ declaration: TypeDeclaration, topLevel: Set<String>) {
        guard let parent = spelled[declaration.name] else { return }
        var siblings: Set<String> = [parent.last!]
        for child in declaration.nested {
            let name = UniqueNames.free(Self.proposed(child.name.components.last!), infix: "Payload") {
                siblings.contains($0) || topLevel.contains($0) || SwiftIdentifiers.reservedTypeNames.contains($0) || parent.contains($0)
            }
            siblings.insert(name)
            spelled[child.name] = parent + [name]
            assignNested(child, topLevel: topLevel)
        }
    }

    private static func proposed(_ component: TypeName.Component) -> String {
        switch component {
        case .schema(let name): SwiftIdentifiers.type(name)
        case .property(let name): SwiftIdentifiers.type(name)
        case .element(let name): NameCasing.singular(SwiftIdentifiers.type(name))
        case .synthesized(let name): SwiftIdentifiers.type(name)
        }
    }

    /// `User.VerifiedType`.
    func qualified(_ name: TypeName) -> String {
        (spelled[name] ?? name.components.map(Self.proposed)).joined(separator: ".")
    }

    /// `VerifiedType`.
    func simple(_ name: TypeName) -> String {
        spelled[name]?.last ?? Self.proposed(name.components.last!)
    }

    /// The Swift spelling of a type reference.
    func spell(_ type: TypeReference) -> String {
        switch type {
        case .string: "String"
        case .integer(.standard): "Int"
        case .integer(.int32): "Int32"
        case .integer(.int64): "Int64"
        case .number(.double): "Double"
        case .number(.float): "Float"
        case .boolean: "Bool"
        case .dateTime: "Date"
        case .url: "URL"
        case .json: "JSONValue"
        case .named(let name): qualified(name)
        case .external(let name): name
        case .array(let element): "[\(spell(element))]"
        case .set(let element): "Set<\(spell(element))>"
        case .dictionary(let value): "[String: \(spell(value))]"
        case .optional(let wrapped): "\(spell(wrapped))?"
        }
    }
}
