/// Server.swift: what a server needs per operation — a protocol with one
/// function each, a typed input decoded and validated from a request with the
/// rules the client keeps, and the dispatch that encodes each answer.
///
/// The file is transport-neutral: it speaks the runtime's `ServerRequest`
/// and `EncodedResponse`, so any HTTP library can carry it.
extension SwiftRenderer {
    /// The protocol a server implements.
    static let handlerProtocol = "APIHandler"
    /// The namespace of the inputs and the router.
    static let serverNamespace = "ServerOperations"

    func renderServer(into writer: inout CodeWriter) {
        let operations = serverOperations()
        renderHandlerProtocol(operations, into: &writer)
        writer.line()
        renderDispatch(operations, into: &writer)
        writer.line()
        writer.documentation(DocComment("""
        The operations of \(model.title) as a server receives them: the router, and one input per \
        operation, decoded from a request and checked against the spec's rules.
        """))
        writer.block("public enum \(Self.serverNamespace)") { writer in
            writer.documentation(DocComment("""
            Matches a request's method and path to an operation; `HEAD` matches the `GET` of a path, \
            and literal segments beat parameters.
            """))
            if operations.isEmpty {
                writer.line("public static let router = OperationRouter([])")
            } else {
                writer.line("public static let router = OperationRouter([")
                writer.indented { writer in
                    for operation in operations {
                        writer.line(".\(descriptorName(operation.model)),")
                    }
                }
                writer.line("])")
            }
            for operation in operations {
                writer.line()
                renderInput(operation, into: &writer)
            }
        }
    }

    // MARK: Names

    /// One operation as the server side spells it.
    struct ServerOperation {
        var model: OperationModel
        /// The handler function: the operationId in lowerCamelCase.
        var function: String
        /// The input type, nested in the namespace: the operationId in UpperCamelCase.
        var input: String
        var members: [InputMember]
    }

    /// One member of an operation's input.
    struct InputMember {
        enum Source {
            case parameter(ParameterModel)
            case body(BodyModel)
        }

        var name: String
        var type: String
        var source: Source
        /// The value when the request leaves it out (`[]`, a default, `nil`).
        var fallback: String?
    }

    private func serverOperations() -> [ServerOperation] {
        var functions = UniqueNames(taken: ["handle"])
        let inputs = operationTypeNames
        return model.operations.map { operation in
            let base = SwiftIdentifiers.sanitized(NameCasing.lowerCamelIdentifier(operation.id))
            return ServerOperation(
                model: operation,
                function: functions.claim(base),
                input: inputs[operation.id]!,
                members: inputMembers(operation)
            )
        }
    }

    private func inputMembers(_ operation: OperationModel) -> [InputMember] {
        var unique = UniqueNames()
        var members: [InputMember] = []
        for parameter in operation.parameters {
            let (type, fallback) = serverType(parameter)
            members.append(InputMember(
                name: unique.claim(SwiftIdentifiers.member(parameter.name)),
                type: type,
                source: .parameter(parameter),
                fallback: fallback
            ))
        }
        if let body = operation.body {
            // A body that is not JSON is the bytes as received (`RawBody`).
            let type = body.encoding == .json ? names.spell(body.type) : "RawBody"
            members.append(InputMember(
                name: unique.claim("body"),
                type: body.isRequired ? type : optional(type),
                source: .body(body),
                fallback: body.isRequired ? nil : "nil"
            ))
        }
        return members
    }

    /// A parameter's Swift type in an input, and its value when the request leaves it out.
    private func serverType(_ parameter: ParameterModel) -> (type: String, fallback: String?) {
        let type: String
        switch resolvingAlias(parameter.type) {
        case .array(let element): type = "[\(serverElementType(element, declared: parameter.type))]"
        case .set(let element): type = "Set<\(serverElementType(element, declared: parameter.type))>"
        default: type = serverElementType(parameter.type, declared: parameter.type)
        }
        if parameter.location == .path { return (type, nil) }
        switch resolvingAlias(parameter.type) {
        case .array, .set:
            return (type, "[]")
        default:
            if let value = parameter.defaultValue, let literal = literal(value, as: parameter.type) {
                return (type, literal)
            }
            return parameter.isRequired ? (type, nil) : (optional(type), "nil")
        }
    }

    /// Integers are `Int` and numbers `Double`, as in the client's arguments; a type that cannot be read from text
    /// is kept as the text sent.
    private func serverElementType(_ element: TypeReference, declared: TypeReference) -> String {
        switch resolvingAlias(element) {
        case .integer: "Int"
        case .number: "Double"
        case .string, .boolean, .dateTime, .url, .external: names.spell(element)
        case .named(let name) where stringEnum(name) != nil: names.spell(element)
        default: "String"
        }
    }

    // MARK: Protocol and dispatch

    private func renderHandlerProtocol(_ operations: [ServerOperation], into writer: inout CodeWriter) {
        var doc = DocComment("""
        The operations of \(model.title), one function each, for a server to implement.
        """)
        doc.paragraph("""
        A server matches a request with ``\(Self.serverNamespace)/router``, does what comes before any \
        operation (authentication, limits), then calls ``handle(_:request:context:)``, which decodes \
        and checks the operation's input, calls its function and encodes the answer. A function \
        throws `ProblemResponse` to refuse with a problem document.
        """)
        writer.documentation(doc)
        writer.block("public protocol \(Self.handlerProtocol): Sendable") { writer in
            writer.documentation(DocComment("What the server hands each call besides its input: the authenticated caller, the time, …"))
            writer.line("associatedtype Context: Sendable")
            for operation in operations {
                writer.line()
                let model = operation.model
                let summary = model.summary.map { ": \($0)." } ?? "."
                writer.documentation(DocComment("`\(model.method.rawValue.uppercased()) \(model.path)`\(summary)"))
                let answer = model.streaming == nil ? "ServerResponse" : "ServerEventStream"
                writer.line("func \(operation.function)(_ input: \(Self.serverNamespace).\(operation.input), context: Context) async throws -> \(answer)<\(responseType(model))>")
            }
        }
    }

    private func renderDispatch(_ operations: [ServerOperation], into writer: inout CodeWriter) {
        writer.block("extension \(Self.handlerProtocol)") { writer in
            var doc = DocComment("Decodes the input of the operation a request was routed to, calls its function and encodes the answer.")
            doc.verbatim([
                "```swift",
                "switch \(Self.serverNamespace).router.match(request.method, path: request.path) {",
                "case .success(let route):",
                "    let response = try await handlers.handle(route, request: request, context: context)",
                "case .failure(let mismatch):",
                "    …",
                "}",
                "```",
                "",
                "- Throws: `InvalidRequestError` when the request breaks the spec's rules (answer 400 with",
                "  its `problem`); whatever the operation's function throws, such as `ProblemResponse`;",
                "  `RouteMismatch.unknownPath` for a route of another spec; `EncodingError` when the answer",
                "  cannot be encoded.",
            ])
            writer.documentation(doc)
            writer.block("public func handle(_ route: ServerRoute, request: ServerRequest, context: Context) async throws -> EncodedResponse") { writer in
                guard !operations.isEmpty else {
                    writer.line("throw RouteMismatch.unknownPath")
                    return
                }
                writer.switchBlock("route.operation.id") { writer in
                    for operation in operations {
                        writer.line("case \(SwiftIdentifiers.stringLiteral(operation.model.id)):")
                        writer.indented { writer in
                            writer.line("let input = try \(Self.serverNamespace).\(operation.input)(request, route: route)")
                            if operation.model.streaming == nil {
                                writer.line("return try EncodedResponse(encoding: await \(operation.function)(input, context: context))")
                            } else {
                                writer.line("return EncodedResponse(streaming: try await \(operation.function)(input, context: context))")
                            }
                        }
                    }
                    writer.line("default:")
                    writer.indented { writer in writer.line("throw RouteMismatch.unknownPath") }
                }
            }
        }
    }

    /// The body type a handler answers: the response's type for JSON, `RawBody` otherwise.
    private func responseType(_ operation: OperationModel) -> String {
        guard operation.response.encoding == .json else { return "RawBody" }
        return operation.response.type.map(names.spell) ?? "NoContent"
    }
}
