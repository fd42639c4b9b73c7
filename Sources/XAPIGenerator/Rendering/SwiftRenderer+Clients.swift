/// Clients.swift: one typed function per operation on `XAPIClient`,
/// constrained by the authentication contexts the spec allows, plus a page
/// sequence for each paginated operation.
extension SwiftRenderer {
    /// One argument of a generated function.
    struct Argument {
        enum Source {
            case parameter(ParameterModel)
            case bodyMember(PropertyModel, Schema.Constraints?)
            case body(BodyModel)
            case part(BodyModel.Part)
        }

        var label: String
        var name: String
        var type: String
        var defaultValue: String?
        var documentation: String?
        var source: Source

        var declaration: String {
            let head = label == name ? SwiftIdentifiers.escaped(name) : "\(label) \(SwiftIdentifiers.escaped(name))"
            return "\(head): \(type)" + (defaultValue.map { " = \($0)" } ?? "")
        }

        /// The value as Swift code (the escaped internal name).
        var value: String { SwiftIdentifiers.escaped(name) }
    }

    func renderClients(into writer: inout CodeWriter) {
        // An operation that any of X's clients may call (none needed, or user and App alike) is
        // unconstrained; otherwise it is declared for each context it accepts, so a client
        // holding an API key calls what an API key may call and nothing else.
        let groups: [(constraint: String, context: AuthContext?)] = [
            ("extension XAPIClient", nil),
            ("extension XAPIClient where Context == UserContext", .user),
            ("extension XAPIClient where Context == AppOnlyContext", .app),
            ("extension XAPIClient where Context == SchemeContext", .scheme),
        ]
        for group in groups {
            let operations = model.operations.filter { operation in
                let unconstrained = operation.contexts.isEmpty || operation.contexts.isSuperset(of: [.user, .app])
                guard let context = group.context else { return unconstrained }
                if unconstrained { return false }
                // User or App with schemes of the spec's own: both X contexts come first.
                return operation.contexts.contains(context)
            }
            guard !operations.isEmpty else { continue }
            writer.block(group.constraint) { writer in
                for (index, operation) in operations.enumerated() {
                    if index > 0 { writer.line() }
                    renderFunction(operation, into: &writer)
                    // The body's other content types, for the caller to choose.
                    for (suffix, body) in operation.alternativeBodies {
                        var variant = operation
                        variant.body = body
                        variant.functionName += suffix
                        variant.leadingLabels = operation.leadingLabels.map { Array($0.prefix(variant.parameters.filter(\.isLeading).count)) }
                        writer.line()
                        renderFunction(variant, into: &writer)
                    }
                    if operation.pagination != nil {
                        writer.line()
                        renderPagesFunction(operation, into: &writer)
                    }
                }
            }
            writer.line()
        }
    }

    /// Whether a stream's function must be `async`: it looks up the authenticated user first.
    func streamIsAsync(_ operation: OperationModel) -> Bool {
        authenticatedUserLookup != nil && operation.parameters.contains(where: \.isAuthenticatedUser)
    }

    /// The descriptor of the `x-authenticated-user-lookup` operation, when the spec has one.
    var authenticatedUserLookup: String? {
        model.authorization.authenticatedUserLookup.flatMap { id in
            model.operations.first { $0.id == id }.map(descriptorName)
        }
    }

    // MARK: Arguments

    func arguments(_ operation: OperationModel) -> [Argument] {
        var leading: [Argument] = []
        var required: [Argument] = []
        var optional: [Argument] = []
        var authenticatedUser: [Argument] = []
        var labels = operation.leadingLabels.map { ArraySlice($0) }

        for parameter in operation.parameters {
            var argument = parameterArgument(parameter)
            if parameter.isAuthenticatedUser {
                authenticatedUser.append(argument)
            } else if parameter.isLeading, let label = labels?.popFirst() {
                argument.label = label
                leading.append(argument)
            } else if argument.defaultValue == nil {
                required.append(argument)
            } else {
                optional.append(argument)
            }
        }
        if let body = operation.body, let parts = body.parts {
            for part in parts {
                let swiftName = SwiftIdentifiers.member(part.property.jsonName)
                var type = names.spell(part.property.type)
                var defaultValue: String?
                if !part.property.isRequired {
                    if case .array = part.property.type {
                        defaultValue = "[]"
                    } else {
                        type = self.optional(type)
                        defaultValue = "nil"
                    }
                }
                let argument = Argument(label: swiftName, name: swiftName, type: type, defaultValue: defaultValue,
                                        documentation: part.property.description, source: .part(part))
                if defaultValue == nil { required.append(argument) } else { optional.append(argument) }
            }
        } else if let body = operation.body {
            if let members = body.flattened {
                for member in members {
                    let swiftName = SwiftIdentifiers.member(member.jsonName)
                    let type = propertyType(member)
                    var argument = Argument(
                        label: swiftName,
                        name: swiftName,
                        type: type,
                        defaultValue: member.isOptional ? "nil" : nil,
                        documentation: member.description,
                        source: .bodyMember(member, body.constraints[member.jsonName])
                    )
                    if member.isRequired, let label = labels?.popFirst() {
                        argument.label = label
                        leading.append(argument)
                    } else if member.isOptional {
                        optional.append(argument)
                    } else {
                        required.append(argument)
                    }
                }
            } else {
                let type = names.spell(body.type)
                let argument = Argument(
                    label: "body",
                    name: "body",
                    type: body.isRequired ? type : self.optional(type),
                    defaultValue: body.isRequired ? nil : "nil",
                    documentation: body.description ?? "The request body.",
                    source: .body(body)
                )
                if body.isRequired { required.append(argument) } else { optional.append(argument) }
            }
        }
        // Parameters in different places may share a name (`id` in the path and an `ID` header).
        var unique = UniqueNames()
        return (leading + required + optional + authenticatedUser).map { argument in
            var argument = argument
            let name = unique.claim(argument.name)
            if name != argument.name {
                if argument.label == argument.name { argument.label = name }
                argument.name = name
            }
            return argument
        }
    }

    private func parameterArgument(_ parameter: ParameterModel) -> Argument {
        let swiftName = SwiftIdentifiers.member(parameter.name)
        var type = argumentType(parameter.type)
        var defaultValue: String?
        var documentation = parameter.description ?? ""
        if parameter.isAuthenticatedUser {
            type = optional(type)
            defaultValue = "nil"
            documentation += (documentation.isEmpty ? "" : " ") + "`nil` (the default) means the authenticated user; another user's ID throws before any request."
        } else if !parameter.isRequired {
            switch parameter.type {
            case .array, .set:
                defaultValue = "[]"
            default:
                if let value = parameter.defaultValue, let literal = literal(value, as: parameter.type) {
                    defaultValue = literal
                } else {
                    type = optional(type)
                    defaultValue = "nil"
                }
            }
        }
        return Argument(
            label: parameter.label ?? swiftName,
            name: swiftName,
            type: type,
            defaultValue: defaultValue,
            documentation: documentation.isEmpty ? nil : documentation,
            source: .parameter(parameter)
        )
    }

    /// Integers are `Int` and numbers `Double` as arguments whatever their
    /// wire format (also through a typealias); the spec's bounds are checked
    /// before sending.
    private func argumentType(_ type: TypeReference) -> String {
        switch type {
        case .array(let element): return "[\(argumentType(element))]"
        case .set(let element): return "Set<\(argumentType(element))>"
        default: break
        }
        switch resolvingAlias(type) {
        case .integer: return "Int"
        case .number: return "Double"
        default: return names.spell(type)
        }
    }

    // MARK: Functions

    private func signature(
        _ operation: OperationModel, name: String, arguments: [Argument], trailing: [String] = [], returns: String, async: Bool,
        throwing: Bool? = nil
    ) -> [String] {
        let all = arguments.map(\.declaration) + trailing
        let effects = async ? " async throws" : (throwing ?? false) ? " throws" : ""
        let oneLine = "public func \(name)(\(all.joined(separator: ", ")))\(effects) -> \(returns) {"
        if all.count <= 1 || (all.count <= 3 && oneLine.count <= 96) {
            return [oneLine]
        }
        return ["public func \(name)("] + all.enumerated().map { index, argument in
            "    " + argument + (index == all.count - 1 ? "" : ",")
        } + [")\(effects) -> \(returns) {"]
    }

    private func returnType(_ operation: OperationModel) -> String {
        operation.response.type.map(names.spell) ?? "NoContent"
    }

    private func renderFunction(_ operation: OperationModel, into writer: inout CodeWriter) {
        let arguments = arguments(operation)
        writer.documentation(functionDocumentation(operation, arguments: arguments))
        if operation.deprecated {
            writer.line("@available(*, deprecated, message: \(SwiftIdentifiers.stringLiteral("\(operation.id) is deprecated in the spec.")))")
        }
        if ![.get, .head, .options].contains(operation.method), operation.streaming == nil {
            // A call made for its effect (follow, unfollow) may ignore the response.
            writer.line("@discardableResult")
        }
        let isStream = operation.streaming != nil
        let lines = isStream
            ? signature(operation, name: SwiftIdentifiers.escaped(operation.functionName), arguments: arguments,
                        trailing: ["options: StreamOptions = StreamOptions()"], returns: "EventStream<\(returnType(operation))>",
                        async: streamIsAsync(operation), throwing: true)
            : signature(operation, name: SwiftIdentifiers.escaped(operation.functionName), arguments: arguments,
                        returns: "APIResponse<\(returnType(operation))>", async: true)
        for (index, line) in lines.enumerated() where index < lines.count - 1 { writer.line(line) }
        writer.block(String(lines.last!.dropLast(2))) { writer in
            writer.line("let operation = OperationDescriptor.\(descriptorName(operation))")
            for argument in arguments {
                if case .parameter(let parameter) = argument.source, parameter.isAuthenticatedUser {
                    let name = SwiftIdentifiers.stringLiteral(parameter.name)
                    if let lookup = authenticatedUserLookup {
                        // Credentials that do not name their user (OAuth 2.0) ask the lookup operation once.
                        writer.line("let \(argument.value) = try await authenticatedUserID(\(argument.value), parameter: \(name), operation: operation, lookup: .\(lookup))")
                    } else {
                        writer.line("let \(argument.value) = try authenticatedUserID(\(argument.value), parameter: \(name), operation: operation)")
                    }
                }
            }
            for argument in arguments {
                renderValidation(argument, into: &writer)
            }
            // What fills the request; `let` when nothing does, so an operation
            // without parameters or body compiles without a warning.
            var assignments = CodeWriter()
            for argument in arguments {
                renderRequestAssignment(argument, into: &assignments)
            }
            if let actingUser = arguments.first(where: {
                if case .parameter(let parameter) = $0.source { return parameter.isAuthenticatedUser }
                return false
            }) {
                assignments.line("request.actingUserID = \(actingUser.value)")
            }
            if let body = operation.body {
                renderBodyAssignment(body, arguments: arguments, into: &assignments)
            }
            if let accept = operation.response.accept {
                assignments.line("request.accept = \(SwiftIdentifiers.stringLiteral(accept))")
            }
            writer.line("\(assignments.text.isEmpty ? "let" : "var") request = OperationRequest(operation)")
            for line in assignments.text.split(separator: "\n") { writer.line(String(line)) }
            if isStream {
                writer.line("return try stream(request, decoding: \(returnType(operation)).self, options: options)")
                return
            }
            let send = switch operation.response.encoding {
            case .json: "try await send(request, decoding: \(returnType(operation)).self)"
            case .text: "try await sendReceivingText(request)"
            case .binary: "try await sendReceivingBody(request)"
            }
            writer.line("return \(send)" + (operation.resolvesExpansions ? ".map { $0.resolvingExpansions() }" : ""))
        }
    }

    /// Encodes the request body: the flattened members as the body type, or
    /// the `body` argument as given (nothing when an optional body is `nil`).
    private func renderBodyAssignment(_ body: BodyModel, arguments: [Argument], into writer: inout CodeWriter) {
        if let parts = body.parts {
            writer.line("var form = MultipartForm()")
            // In the spec's order, which servers may rely on (Box reads `attributes` before `file`).
            for part in parts {
                guard let argument = arguments.first(where: {
                    if case .part(let candidate) = $0.source { return candidate.property.jsonName == part.property.jsonName }
                    return false
                }) else { continue }
                let name = SwiftIdentifiers.stringLiteral(part.property.jsonName)
                switch part.kind {
                case .file: writer.line("form.append(\(name), file: \(argument.value))")
                case .files: writer.line("form.append(\(name), files: \(argument.value))")
                case .value: writer.line("form.append(\(name), value: \(argument.value))")
                case .values: writer.line("form.append(\(name), values: \(argument.value))")
                case .json: writer.line("try form.append(\(name), json: \(argument.value))")
                }
            }
            writer.line("try request.setMultipartBody(form)")
            return
        }
        let set: (String) -> String = { value in
            switch body.encoding {
            case .json: "try request.setJSONBody(\(value))"
            case .form: "try request.setFormBody(\(value))"
            case .multipart: "try request.setMultipartBody(\(value))"
            case .text: "request.setTextBody(\(value), contentType: \(SwiftIdentifiers.stringLiteral(body.mediaType)))"
            case .binary: "request.setBinaryBody(\(value), contentType: \(SwiftIdentifiers.stringLiteral(body.mediaType)))"
            }
        }
        if let members = body.flattened {
            let values = members.map { member -> String in
                let name = SwiftIdentifiers.member(member.jsonName)
                return "\(name): \(SwiftIdentifiers.escaped(name))"
            }
            writer.line(set("\(names.spell(body.type))(\(values.joined(separator: ", ")))"))
            return
        }
        guard let argument = arguments.first(where: { if case .body = $0.source { true } else { false } }) else { return }
        if body.isRequired {
            writer.line(set(argument.value))
        } else {
            writer.block("if let \(argument.value)") { writer in
                writer.line(set(argument.value))
            }
        }
    }

    private func renderValidation(_ argument: Argument, into writer: inout CodeWriter) {
        let name: String
        let constraints: Schema.Constraints
        var allowed: [String]?
        var type: TypeReference
        var isOptional: Bool
        switch argument.source {
        case .parameter(let parameter):
            name = parameter.name
            constraints = parameter.constraints
            allowed = parameter.allowedValues
            type = parameter.type
            isOptional = argument.type.hasSuffix("?") && !parameter.isAuthenticatedUser
        case .bodyMember(let member, let memberConstraints):
            guard let memberConstraints else { return }
            name = member.jsonName
            constraints = memberConstraints
            type = member.type
            isOptional = member.isOptional
        case .body, .part:
            return
        }
        type = resolvingAlias(type)
        var checks: [String] = []
        let parameter = SwiftIdentifiers.stringLiteral(name)
        let value = isOptional ? "value" : argument.value
        func bound(_ number: Double?) -> String {
            guard let number else { return "nil" }
            if case .integer = type { return String(Int(number)) }
            return String(number)
        }
        switch type {
        case .string:
            if let pattern = constraints.pattern {
                checks.append("try ParameterValidation.check(\(value), pattern: \(SwiftIdentifiers.stringLiteral(pattern.value)), parameter: \(parameter), operation: operation.id)")
            }
            if constraints.minLength != nil || constraints.maxLength != nil {
                checks.append("try ParameterValidation.check(\(value), minLength: \(constraints.minLength.map(String.init) ?? "nil"), maxLength: \(constraints.maxLength.map(String.init) ?? "nil"), parameter: \(parameter), operation: operation.id)")
            }
            if let allowed {
                checks.append("try ParameterValidation.check(\(value), allowed: [\(allowed.map(SwiftIdentifiers.stringLiteral).joined(separator: ", "))], parameter: \(parameter), operation: operation.id)")
            }
        case .integer, .number:
            var minimum = constraints.minimum
            var maximum = constraints.maximum
            if case .integer = type {
                if let exclusive = constraints.exclusiveMinimum { minimum = (exclusive + 1).rounded(.down) }
                if let exclusive = constraints.exclusiveMaximum { maximum = (exclusive - 1).rounded(.up) }
            } else {
                minimum = minimum ?? constraints.exclusiveMinimum
                maximum = maximum ?? constraints.exclusiveMaximum
            }
            if minimum != nil || maximum != nil {
                checks.append("try ParameterValidation.check(\(value), minimum: \(bound(minimum)), maximum: \(bound(maximum)), parameter: \(parameter), operation: operation.id)")
            }
        case .named(let name) where stringEnum(name) != nil:
            // An `unknown` value decodes from a server, but the spec does not allow sending it.
            checks.append("try ParameterValidation.checkListed(\(value), parameter: \(parameter), operation: operation.id)")
        case .array(let element), .set(let element):
            let minItems = (constraints.minItems ?? 0) > 1 ? constraints.minItems : nil
            if minItems != nil || constraints.maxItems != nil {
                let check = "try ParameterValidation.check(count: \(argument.value).count, minItems: \(minItems.map(String.init) ?? "nil"), maxItems: \(constraints.maxItems.map(String.init) ?? "nil"), parameter: \(parameter), operation: operation.id)"
                writer.block("if !\(argument.value).isEmpty") { writer in writer.line(check) }
            }
            if case .named(let name) = element, stringEnum(name) != nil {
                writer.line("try ParameterValidation.checkEachListed(\(argument.value), parameter: \(parameter), operation: operation.id)")
            }
            return
        default:
            return
        }
        guard !checks.isEmpty else { return }
        if isOptional {
            writer.block("if let value = \(argument.value)") { writer in writer.lines(checks) }
        } else {
            writer.lines(checks)
        }
    }

    /// Puts a parameter into the request: every type a URL can carry is a
    /// ``ParameterValue`` of the runtime, so one generic call per parameter.
    private func renderRequestAssignment(_ argument: Argument, into writer: inout CodeWriter) {
        guard case .parameter(let parameter) = argument.source else { return }
        let name = SwiftIdentifiers.stringLiteral(parameter.name)
        let value = argument.value
        switch (parameter.location, resolvingAlias(parameter.type)) {
        case (.path, .array), (.path, .set):
            writer.line("request.setPathParameter(\(name), values: \(value))")
        case (.path, _):
            writer.line("request.setPathParameter(\(name), value: \(value))")
        case (.query, .array), (.query, .set):
            writer.line("request.appendQueryItems(\(name), \(value), explode: \(parameter.explode))")
        case (.query, _):
            writer.line("request.appendQueryItem(\(name), parameter: \(value))")
        case (.header, .array), (.header, .set):
            writer.line("try request.setHeaderParameter(\(name), values: \(value))")
        case (.header, _):
            writer.line("try request.setHeaderParameter(\(name), value: \(value))")
        case (.cookie, .array), (.cookie, .set):
            writer.line("try request.setCookieParameter(\(name), values: \(value))")
        case (.cookie, _):
            writer.line("try request.setCookieParameter(\(name), value: \(value))")
        }
    }

    /// The type an alias names, or the type itself.
    func resolvingAlias(_ type: TypeReference) -> TypeReference {
        if case .named(let name) = type, case .alias(let target)? = declaration(name)?.kind {
            return resolvingAlias(target)
        }
        return type
    }

    private func renderPagesFunction(_ operation: OperationModel, into writer: inout CodeWriter) {
        guard let pagination = operation.pagination else { return }
        let all = arguments(operation)
        let isToken: (Argument) -> Bool = { argument in
            if case .parameter(let parameter) = argument.source { return parameter.name == pagination.tokenParameter }
            return false
        }
        let arguments = all.filter { !isToken($0) }
        let pageType = names.qualified(pagination.pageType)
        let itemType = pageItems[pagination.pageType].map { names.spell($0) } ?? "Item"
        let functionName = operation.functionName + "Pages"
        let item = NameCasing.lowerCamel(itemType.split(separator: ".").last.map(String.init) ?? "item")

        var doc = DocComment("Every page of ``\(operation.functionName)(\(all.map { "\($0.label):" }.joined()))``, fetched as you iterate.")
        doc.paragraph("""
        Each page is requested with the same arguments and the previous page's token; the walk ends \
        on the last page (or, going backward, the first), and throws instead of looping if the API \
        repeats a token. Iterate `Pages.items` for the \(item)s themselves.
        """)
        let call = exampleCall(name: functionName, arguments: arguments)
        doc.verbatim([
            "```swift",
            "for try await \(item) in \(call).items {",
            "    print(\(item))",
            "}",
            "```",
        ])
        var parameters = ["- Parameters:"]
        for argument in arguments {
            parameters.append(contentsOf: DocComment.wrap("- \(argument.name): \(Self.flatten(argument.documentation ?? "See the operation."))", indent: "  ", hang: "    "))
        }
        parameters.append("  - direction: `.forward` follows `next_token`; `.backward` follows `previous_token`.")
        parameters.append("  - token: The page to start at; `nil` starts at the first page.")
        parameters.append("- Returns: An `AsyncSequence` of pages, each an `APIResponse` of ``\(pageType)``.")
        doc.verbatim(parameters)
        writer.documentation(doc)
        let lines = signature(
            operation,
            name: SwiftIdentifiers.escaped(functionName),
            arguments: arguments,
            trailing: ["direction: PageDirection = .forward", "startingAt token: String? = nil"],
            returns: "Pages<\(pageType)>",
            async: false
        )
        for (index, line) in lines.enumerated() where index < lines.count - 1 { writer.line(line) }
        writer.block(String(lines.last!.dropLast(2))) { writer in
            writer.line("Pages(direction: direction, startingAt: token, operation: OperationDescriptor.\(descriptorName(operation)).id) { token in")
            writer.indented { writer in
                let values = all.map { argument -> String in
                    let value = isToken(argument) ? "token" : argument.value
                    return argument.label == "_" ? value : "\(argument.label): \(value)"
                }
                writer.line("try await self.\(SwiftIdentifiers.escaped(operation.functionName))(\(values.joined(separator: ", ")))")
            }
            writer.line("}")
        }
    }
}
