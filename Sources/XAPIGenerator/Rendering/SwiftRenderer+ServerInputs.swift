/// Server.swift, continued: one input struct per operation, decoded from a
/// request by the runtime's `ServerInputDecoder` with each parameter's
/// `ParameterFormat` (the spec's rules, the client's checks, X's words).
extension SwiftRenderer {
    func renderInput(_ operation: ServerOperation, into writer: inout CodeWriter) {
        let model = operation.model
        var doc = DocComment("The input of `\(model.method.rawValue.uppercased()) \(model.path)` (`OperationDescriptor.\(descriptorName(model))`)" + (model.summary.map { ": \($0)." } ?? "."))
        if operation.members.isEmpty {
            doc.paragraph("The operation takes no parameters; decoding only refuses a query it does not expect.")
        }
        writer.documentation(doc)
        writer.block("public struct \(operation.input): Sendable, Hashable") { writer in
            for member in operation.members {
                writer.documentation(DocComment(memberDocumentation(member)))
                writer.line("public var \(SwiftIdentifiers.escaped(member.name)): \(member.type)")
            }
            if !operation.members.isEmpty { writer.line() }
            renderMemberwiseInit(operation, into: &writer)
            writer.line()
            renderDecodingInit(operation, into: &writer)
        }
    }

    private func memberDocumentation(_ member: InputMember) -> String {
        switch member.source {
        case .parameter(let parameter):
            let text = DocComment.firstSentence(parameter.description) ?? "The `\(parameter.name)` \(parameter.location.rawValue) parameter."
            return member.fallback.map { text + " `\($0)` when the request leaves it out." } ?? text
        case .body(let body):
            return DocComment.firstSentence(body.description) ?? "The request body."
        }
    }

    private func renderMemberwiseInit(_ operation: ServerOperation, into writer: inout CodeWriter) {
        writer.documentation(DocComment("Creates an input from its values."))
        let arguments = operation.members.map { member in
            "\(member.name): \(member.type)" + (member.fallback.map { " = \($0)" } ?? "")
        }
        if operation.members.isEmpty {
            writer.line("public init() {}")
            return
        }
        let oneLine = "public init(\(arguments.joined(separator: ", "))) {"
        if oneLine.count <= 100 {
            writer.line(oneLine)
        } else {
            writer.line("public init(")
            writer.indented { writer in
                for (index, argument) in arguments.enumerated() {
                    writer.line(argument + (index == arguments.count - 1 ? "" : ","))
                }
            }
            writer.line(") {")
        }
        writer.indented { writer in
            for member in operation.members {
                writer.line("self.\(SwiftIdentifiers.afterDot(member.name)) = \(SwiftIdentifiers.escaped(member.name))")
            }
        }
        writer.line("}")
    }

    private func renderDecodingInit(_ operation: ServerOperation, into writer: inout CodeWriter) {
        var doc = DocComment("Decodes and checks a request routed to this operation.")
        doc.verbatim(["- Throws: `InvalidRequestError` with every rule the request breaks, in X's words."])
        writer.documentation(doc)
        writer.block("public init(_ request: ServerRequest, route: ServerRoute) throws(InvalidRequestError)") { writer in
            let parameters = operation.model.parameters
            // The names a query may use (a header or cookie parameter is not one).
            let names = parameters.filter { $0.location == .path || $0.location == .query }.map { SwiftIdentifiers.stringLiteral($0.name) }
            let repeatable = parameters.filter { parameter in
                guard parameter.location == .query, parameter.explode else { return false }
                switch resolvingAlias(parameter.type) {
                case .array, .set: return true
                default: return false
                }
            }.map { SwiftIdentifiers.stringLiteral($0.name) }
            var arguments = ["request", "route: route", "parameters: [\(names.joined(separator: ", "))]"]
            if !repeatable.isEmpty { arguments.append("repeatable: [\(repeatable.joined(separator: ", "))]") }
            let aliases = parameters.flatMap { parameter in parameter.aliases.map { ($0, parameter.name) } }.sorted { $0.0 < $1.0 }
            if !aliases.isEmpty {
                let entries = aliases.map { "\(SwiftIdentifiers.stringLiteral($0.0)): \(SwiftIdentifiers.stringLiteral($0.1))" }
                arguments.append("aliases: [\(entries.joined(separator: ", "))]")
            }
            let valueAliases = parameters.filter { !$0.valueAliases.isEmpty }.map { parameter in
                let entries = parameter.valueAliases.sorted { $0.key < $1.key }
                    .map { "\(SwiftIdentifiers.stringLiteral($0.key)): \(SwiftIdentifiers.stringLiteral($0.value))" }
                return "\(SwiftIdentifiers.stringLiteral(parameter.name)): [\(entries.joined(separator: ", "))]"
            }
            if !valueAliases.isEmpty { arguments.append("valueAliases: [\(valueAliases.joined(separator: ", "))]") }
            // Reading a member mutates the decoder; with none, it only checks the query.
            writer.call("\(operation.members.isEmpty ? "let" : "var") decoder = ServerInputDecoder", arguments: arguments)
            for member in operation.members {
                renderDecoding(member, into: &writer)
            }
            writer.line("try decoder.finish()")
            let required = operation.members.filter { $0.fallback == nil }.map { SwiftIdentifiers.escaped($0.name) }
            if !required.isEmpty {
                // Unreachable: finish() has thrown for each of these that is missing.
                writer.line("guard \(required.map { "let \($0)" }.joined(separator: ", ")) else { throw InvalidRequestError(errors: decoder.errors) }")
            }
            let values = operation.members.map { member -> String in
                "\(member.name): \(memberValue(member))"
            }
            writer.call("self.init", arguments: values)
        }
    }

    /// The decoded value of a member, completed with its fallback.
    private func memberValue(_ member: InputMember) -> String {
        let local = SwiftIdentifiers.escaped(member.name)
        guard case .parameter(let parameter) = member.source else { return local }
        var value = local
        if case .set = resolvingAlias(parameter.type) {
            value = "\(local).map(Set.init)"
        }
        if let fallback = member.fallback, fallback != "nil" {
            value += " ?? \(fallback)"
        }
        return value
    }

    private func renderDecoding(_ member: InputMember, into writer: inout CodeWriter) {
        let local = SwiftIdentifiers.escaped(member.name)
        switch member.source {
        case .parameter(let parameter):
            let name = SwiftIdentifiers.stringLiteral(parameter.name)
            switch resolvingAlias(parameter.type) {
            case .array(let element), .set(let element):
                let format = parameterFormat(element, constraints: parameter.elementConstraints ?? Schema.Constraints(), allowed: nil)
                var arguments = [name, format]
                if parameter.explode { arguments.append("explode: true") }
                if parameter.isRequired { arguments.append("required: true") }
                if let minItems = parameter.constraints.minItems { arguments.append("minItems: \(minItems)") }
                if let maxItems = parameter.constraints.maxItems { arguments.append("maxItems: \(maxItems)") }
                if parameter.constraints.uniqueItems { arguments.append("uniqueItems: true") }
                let method = switch parameter.location {
                case .header: "headerList"
                case .cookie: "cookieList"
                case .path, .query: "queryList"
                }
                writer.line("let \(local) = decoder.\(method)(\(arguments.joined(separator: ", ")))")
            default:
                let format = parameterFormat(parameter.type, constraints: parameter.constraints, allowed: parameter.allowedValues)
                switch parameter.location {
                case .path:
                    writer.line("let \(local) = decoder.path(\(name), \(format))")
                case .query, .header, .cookie:
                    writer.line("let \(local) = decoder.\(parameter.location.rawValue)(\(name), \(format)\(parameter.isRequired ? ", required: true" : ""))")
                }
            }
        case .body(let body) where body.encoding != .json:
            writer.line("let \(local) = decoder.rawBody(\(body.isRequired ? "" : "required: false"))")
        case .body(let body):
            let type = names.spell(body.type)
            writer.line("let \(local) = decoder.jsonBody(\(type).self\(body.isRequired ? "" : ", required: false"))")
            for property in body.flattened ?? [] {
                guard let constraints = body.constraints[property.jsonName] else { continue }
                let format = parameterFormat(property.type, constraints: constraints, allowed: nil)
                guard format != ".string()" else { continue }
                let swiftName = SwiftIdentifiers.afterDot(SwiftIdentifiers.member(property.jsonName))
                // The checks read Int and Double, whatever width the member has.
                let conversion = switch resolvingAlias(property.type) {
                case .integer(.int32), .integer(.int64): ".map { Int($0) }"
                case .number(.float): ".map { Double($0) }"
                default: ""
                }
                let value = conversion.isEmpty ? "\(local)?.\(swiftName)" : "(\(local)?.\(swiftName))\(conversion)"
                writer.line("decoder.bodyMember(\(SwiftIdentifiers.stringLiteral(property.jsonName)), \(value), \(format))")
            }
        }
    }

    /// The runtime `ParameterFormat` that reads and checks one value of a type.
    private func parameterFormat(_ type: TypeReference, constraints: Schema.Constraints, allowed: [String]?) -> String {
        switch resolvingAlias(type) {
        case .string:
            if let allowed {
                return ".string(allowed: [\(allowed.map(SwiftIdentifiers.stringLiteral).joined(separator: ", "))])"
            }
            return ".string(\(stringRuleArguments(constraints).joined(separator: ", ")))"
        case .integer:
            return ".integer(\(integerRuleArguments(constraints).joined(separator: ", ")))"
        case .number:
            let minimum = constraints.minimum ?? constraints.exclusiveMinimum
            let maximum = constraints.maximum ?? constraints.exclusiveMaximum
            let arguments = [minimum.map { "minimum: \($0)" }, maximum.map { "maximum: \($0)" }].compactMap { $0 }
            return ".number(\(arguments.joined(separator: ", ")))"
        case .boolean:
            return ".boolean"
        case .dateTime:
            return ".dateTime"
        case .url:
            return ".url"
        case .external:
            return ".rawValue(\(names.spell(type)).self)"
        case .named(let name) where stringEnum(name) != nil:
            return ".value(\(names.spell(type)).self)"
        default:
            return ".string()"
        }
    }
}
