/// Checks a finished model for what only the whole model shows: a struct
/// that contains itself by value (directly or through other structs) has no
/// finite size, so it is an error rather than code that cannot compile.
enum ModelValidator {
    static func validate(_ model: APIModel, diagnostics: inout DiagnosticCollector) {
        validateRecursion(model, diagnostics: &diagnostics)
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

    private static func validateRecursion(_ model: APIModel, diagnostics: inout DiagnosticCollector) {
        var edges: [TypeName: [TypeName]] = [:]
        var locations: [TypeName: SourceLocation] = [:]
        func collect(_ declaration: TypeDeclaration) {
            locations[declaration.name] = declaration.location
            if case .object(let object) = declaration.kind {
                var targets: [TypeName] = []
                for property in object.properties {
                    if case .named(let name) = property.type { targets.append(name) }
                }
                for expansion in object.resolvedExpansions { targets.append(expansion.type) }
                edges[declaration.name] = targets
            }
            if case .alias(.named(let name)) = declaration.kind {
                edges[declaration.name] = [name]
            }
            declaration.nested.forEach(collect)
        }
        model.types.forEach(collect)

        var state: [TypeName: Int] = [:]  // 1 = on the path, 2 = done
        var path: [TypeName] = []
        func visit(_ name: TypeName) {
            if state[name] == 2 { return }
            if state[name] == 1 {
                let cycle = path.drop { $0 != name } + [name]
                let spelled = cycle.map { $0.components.map(Self.describe).joined(separator: ".") }.joined(separator: " -> ")
                diagnostics.error("'\(spelled)' contains itself by value; recursive object types are not supported (make the recursion go through an array)", at: locations[name] ?? SourceLocation(file: "", line: 1, column: 1))
                return
            }
            state[name] = 1
            path.append(name)
            for next in edges[name] ?? [] { visit(next) }
            path.removeLast()
            state[name] = 2
        }
        let unknown = SourceLocation(file: "", line: 1, column: 1)
        for name in edges.keys.sorted(by: { locations[$0] ?? unknown < locations[$1] ?? unknown }) {
            visit(name)
        }
    }

    private static func describe(_ component: TypeName.Component) -> String {
        switch component {
        case .schema(let name), .property(let name), .element(let name), .synthesized(let name): name
        }
    }
}
