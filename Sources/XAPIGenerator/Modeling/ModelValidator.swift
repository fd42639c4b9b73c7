/// Checks a finished model for what only the whole model shows, and fixes
/// what Swift cannot express before it reaches the renderer.
///
/// A type that contains itself by value (directly or through other types)
/// has no finite size in Swift. Valid OpenAPI allows it (`Tweet.quoted` is a
/// `Tweet`), so each such cycle is broken where the model allows, with a
/// warning: through a `oneOf` enum, the enum becomes `indirect` (nothing is
/// lost); otherwise the property that closes the cycle is read as any JSON
/// value. Only a cycle with neither (through resolved expansions alone) is an
/// error.
enum ModelValidator {
    static func validate(_ model: inout APIModel, diagnostics: inout DiagnosticCollector) {
        breakRecursion(&model, diagnostics: &diagnostics)
        validateFunctionNames(model, diagnostics: &diagnostics)
    }

    /// Two operations must not become functions with the same name and
    /// argument labels: the generated code would not compile.
    private static func validateFunctionNames(_ model: APIModel, diagnostics: inout DiagnosticCollector) {
        var seen: [String: OperationModel] = [:]
        for operation in model.operations {
            var labels = operation.leadingLabels.map { ArraySlice($0) } ?? []
            let arguments = operation.parameters.map { parameter -> String in
                if parameter.isLeading, let label = labels.popFirst() { return label }
                return parameter.label ?? NameCasing.lowerCamel(parameter.name)
            }
            let signature = "\(operation.functionName)(\(arguments.map { "\($0):" }.joined()))"
            if let first = seen[signature] {
                diagnostics.error(
                    "operations '\(first.id)' and '\(operation.id)' both become \(signature); give one an 'x-swift-name'",
                    at: operation.location
                )
            } else {
                seen[signature] = operation
            }
        }
    }

    // MARK: Recursion

    /// How one type holds another by value.
    private enum Edge: Hashable {
        case property(String)
        case alias
        case oneOfCase
        case expansion(String)
    }

    private struct Graph {
        var edges: [TypeName: [(target: TypeName, edge: Edge)]] = [:]
        var locations: [TypeName: SourceLocation] = [:]
        var oneOfs: Set<TypeName> = []
    }

    private static func breakRecursion(_ model: inout APIModel, diagnostics: inout DiagnosticCollector) {
        var graph = Graph()
        func collect(_ declaration: TypeDeclaration) {
            graph.locations[declaration.name] = declaration.location
            var targets: [(TypeName, Edge)] = []
            switch declaration.kind {
            case .object(let object):
                for property in object.properties {
                    if case .named(let name) = property.type { targets.append((name, .property(property.jsonName))) }
                }
                for expansion in object.resolvedExpansions { targets.append((expansion.type, .expansion(expansion.jsonName))) }
            case .alias(.named(let name)):
                targets.append((name, .alias))
            case .oneOf(let oneOf):
                graph.oneOfs.insert(declaration.name)
                for oneOfCase in oneOf.cases {
                    if case .named(let name)? = oneOfCase.payload { targets.append((name, .oneOfCase)) }
                }
            default:
                break
            }
            graph.edges[declaration.name] = targets
            declaration.nested.forEach(collect)
        }
        model.types.forEach(collect)

        var jsonProperties: Set<PropertyKey> = []
        var indirectOneOfs: Set<TypeName> = []
        let unknown = SourceLocation(file: "", line: 1, column: 1)
        let order = graph.edges.keys.sorted { graph.locations[$0] ?? unknown < graph.locations[$1] ?? unknown }
        // Find a cycle, break it, look again: each break removes an edge, so this ends.
        while let cycle = firstCycle(graph, order: order) {
            let spelled = (cycle.map(\.from) + [cycle[0].from]).map(describe).joined(separator: " -> ")
            if let oneOf = cycle.first(where: { graph.oneOfs.contains($0.from) })?.from {
                indirectOneOfs.insert(oneOf)
                graph.edges[oneOf] = []
                continue
            }
            guard let step = cycle.last(where: { if case .property = $0.edge { true } else { false } }),
                  case .property(let jsonName) = step.edge
            else {
                let location = graph.locations[cycle[0].from] ?? unknown
                diagnostics.error("'\(spelled)' contains itself by value through resolved expansions; recursive types are not supported", at: location)
                return
            }
            diagnostics.warning(
                "'\(spelled)' contains itself by value, which a Swift struct cannot; '\(jsonName)' of '\(describe(step.from))' is read as any JSON value (JSONValue)",
                at: graph.locations[step.from] ?? unknown
            )
            jsonProperties.insert(PropertyKey(owner: step.from, jsonName: jsonName))
            graph.edges[step.from]?.removeAll { $0.edge == step.edge }
        }
        guard !jsonProperties.isEmpty || !indirectOneOfs.isEmpty else { return }
        func apply(_ declaration: inout TypeDeclaration) {
            switch declaration.kind {
            case .object(var object):
                for index in object.properties.indices
                where jsonProperties.contains(PropertyKey(owner: declaration.name, jsonName: object.properties[index].jsonName)) {
                    object.properties[index].type = .json
                }
                declaration.kind = .object(object)
            case .oneOf(var oneOf) where indirectOneOfs.contains(declaration.name):
                oneOf.isIndirect = true
                declaration.kind = .oneOf(oneOf)
            default:
                break
            }
            for index in declaration.nested.indices { apply(&declaration.nested[index]) }
        }
        for index in model.types.indices { apply(&model.types[index]) }
    }

    private struct PropertyKey: Hashable {
        var owner: TypeName
        var jsonName: String
    }

    /// The first cycle a depth-first walk meets, as its steps, or `nil`.
    private static func firstCycle(_ graph: Graph, order: [TypeName]) -> [(from: TypeName, edge: Edge)]? {
        var state: [TypeName: Int] = [:]  // 1 = on the path, 2 = done
        var path: [(from: TypeName, edge: Edge)] = []
        func visit(_ name: TypeName) -> [(from: TypeName, edge: Edge)]? {
            state[name] = 1
            for (target, edge) in graph.edges[name] ?? [] {
                path.append((name, edge))
                if state[target] == 1 {
                    return Array(path.drop { $0.from != target })
                }
                if state[target] == nil, let cycle = visit(target) { return cycle }
                path.removeLast()
            }
            state[name] = 2
            return nil
        }
        for name in order where state[name] == nil {
            if let cycle = visit(name) { return cycle }
        }
        return nil
    }

    private static func describe(_ name: TypeName) -> String {
        name.components.map { component in
            switch component {
            case .schema(let name), .property(let name), .element(let name), .synthesized(let name): name
            }
        }.joined(separator: ".")
    }
}
