/// The spec's rules as values, for code beside the generated clients and
/// servers that must keep the same rules (a sandbox checking its data, a tool
/// sizing its requests): the `pattern` of each string schema (Models.swift) and
/// each operation's parameters with their names and bounds (Operations.swift).
/// The generated checks keep writing the rules inline; these are the same
/// rules, from the same place in the spec.
extension SwiftRenderer {
    /// The namespace of the string schemas' patterns.
    static let schemaPatternNamespace = "SchemaPattern"

    /// Members of `OperationParameter` an operation's namespace must not take.
    private static let reservedParameterNamespaces: Set<String> = ["Location", "Type", "Self", "Protocol"]

    /// Models.swift, last: `SchemaPattern.userID`, the `pattern` of each component schema that
    /// names a plain string.
    func renderSchemaPatterns(into writer: inout CodeWriter) {
        let patterned = model.types.compactMap { declaration -> (name: String, pattern: String)? in
            guard isComponent(declaration), let pattern = declaration.pattern else { return nil }
            return (names.simple(declaration.name), pattern)
        }
        guard !patterned.isEmpty else { return }
        writer.documentation(DocComment("""
        The `pattern` of each string schema that has one, as the spec writes it: the rule the \
        generated checks match values against, for code that checks values the same way \
        (`ParameterRules` in XAPIRuntime).
        """))
        writer.block("public enum \(Self.schemaPatternNamespace)") { writer in
            var unique = UniqueNames()
            for (index, entry) in patterned.enumerated() {
                if index > 0 { writer.line() }
                writer.documentation(DocComment("``\(entry.name)``: `\(entry.pattern)`."))
                let member = SwiftIdentifiers.escaped(unique.claim(SwiftIdentifiers.member(entry.name)))
                writer.line("public static let \(member) = \(SwiftIdentifiers.stringLiteral(entry.pattern))")
            }
        }
        writer.line()
    }

    /// The namespace of each operation's inputs and parameters: the operationId in
    /// UpperCamelCase (`UsersIDFollowers`), unique, by operationId. The server side's inputs
    /// (`ServerOperations.UsersIDFollowers`) and the parameters
    /// (`OperationParameter.UsersIDFollowers`) share it.
    var operationTypeNames: [String: String] {
        var unique = UniqueNames(taken: Self.reservedParameterNamespaces.union(["router"]))
        var names: [String: String] = [:]
        for operation in model.operations {
            names[operation.id] = unique.claim(SwiftIdentifiers.type(NameCasing.upperCamel(operation.id)))
        }
        return names
    }

    /// Operations.swift: `OperationParameter.UsersIDFollowers.maxResults`, each operation's
    /// parameters (and the members of a body whose members are arguments) with their rules.
    func renderParameterDescriptions(into writer: inout CodeWriter) {
        let typeNames = operationTypeNames
        let described = model.operations.map { ($0, parameterDescriptions($0)) }.filter { !$0.1.isEmpty }
        guard !described.isEmpty else { return }
        writer.block("extension OperationParameter") { writer in
            for (index, (operation, parameters)) in described.enumerated() {
                if index > 0 { writer.line() }
                let summary = "`\(operation.method.rawValue.uppercased()) \(operation.path)` (``OperationDescriptor/\(descriptorName(operation))``)"
                writer.documentation(DocComment("The parameters of \(summary), as the spec names and bounds them."))
                writer.block("public enum \(typeNames[operation.id]!)") { writer in
                    var unique = UniqueNames()
                    for (index, parameter) in parameters.enumerated() {
                        if index > 0 { writer.line() }
                        var doc = "`\(parameter.name)`, \(parameter.location == "body" ? "in the JSON body" : "in the \(parameter.location)")"
                        doc += parameter.description.map { ": \($0)" } ?? "."
                        writer.documentation(DocComment(doc))
                        let member = SwiftIdentifiers.escaped(unique.claim(SwiftIdentifiers.member(parameter.name)))
                        let arguments = ["name: \(SwiftIdentifiers.stringLiteral(parameter.name))", "location: .\(parameter.location)"] + parameter.rules
                        writer.call("public static let \(member) = OperationParameter", arguments: arguments)
                    }
                }
            }
        }
        writer.line()
    }

    /// One parameter's description: its name, location, documentation and rule arguments.
    private struct ParameterDescription {
        var name: String
        var location: String
        var description: String?
        var rules: [String]
    }

    private func parameterDescriptions(_ operation: OperationModel) -> [ParameterDescription] {
        var result = operation.parameters.map { parameter in
            ParameterDescription(
                name: parameter.name,
                location: parameter.location.rawValue,
                description: DocComment.firstSentence(parameter.description),
                rules: ruleArguments(parameter.type, constraints: parameter.constraints, elements: parameter.elementConstraints)
            )
        }
        if let body = operation.body {
            for property in body.flattened ?? [] {
                result.append(ParameterDescription(
                    name: property.jsonName,
                    location: "body",
                    description: DocComment.firstSentence(property.description),
                    rules: ruleArguments(property.type, constraints: body.constraints[property.jsonName] ?? Schema.Constraints(), elements: nil)
                ))
            }
        }
        return result
    }

    /// The `OperationParameter` arguments of a value's rules: a string's pattern and lengths,
    /// an integer's inclusive bounds, a list's item counts and its items' pattern and lengths.
    private func ruleArguments(_ type: TypeReference, constraints: Schema.Constraints, elements: Schema.Constraints?) -> [String] {
        switch resolvingAlias(type) {
        case .string:
            return stringRuleArguments(constraints)
        case .integer:
            return integerRuleArguments(constraints)
        case .array(let element), .set(let element):
            let items = resolvingAlias(element) == .string ? stringRuleArguments(elements ?? Schema.Constraints()) : []
            return items + [constraints.minItems.map { "minItems: \($0)" }, constraints.maxItems.map { "maxItems: \($0)" }].compactMap { $0 }
        default:
            return []
        }
    }

    /// `pattern: "^[0-9]{1,19}$", minLength: 16`: a string's rules as the labelled arguments the
    /// runtime's `ParameterFormat.string` and `OperationParameter` both take.
    func stringRuleArguments(_ constraints: Schema.Constraints) -> [String] {
        [
            constraints.pattern.map { "pattern: \(SwiftIdentifiers.stringLiteral($0.value))" },
            constraints.minLength.map { "minLength: \($0)" },
            constraints.maxLength.map { "maxLength: \($0)" },
        ].compactMap { $0 }
    }

    /// `minimum: 1, maximum: 1000`: an integer's bounds, exclusive ones made inclusive, as the
    /// labelled arguments the runtime's `ParameterFormat.integer` and `OperationParameter` take.
    func integerRuleArguments(_ constraints: Schema.Constraints) -> [String] {
        var minimum = constraints.minimum.map { Int($0) }
        var maximum = constraints.maximum.map { Int($0) }
        if let exclusive = constraints.exclusiveMinimum { minimum = Int((exclusive + 1).rounded(.down)) }
        if let exclusive = constraints.exclusiveMaximum { maximum = Int((exclusive - 1).rounded(.up)) }
        return [minimum.map { "minimum: \($0)" }, maximum.map { "maximum: \($0)" }].compactMap { $0 }
    }
}
