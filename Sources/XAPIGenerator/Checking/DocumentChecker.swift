import Foundation

/// Stage 3: checks what the structure alone cannot show — that references
/// resolve without cycles, operation IDs are unique, path templates and path
/// parameters agree, security requirements name known schemes and scopes,
/// literals fit their schemas, and the `x-fields` / `x-expansions`
/// extensions name real schemas and properties.
struct DocumentChecker {
    var diagnostics: DiagnosticCollector
    let document: OpenAPIDocument
    let components: ComponentIndex

    init(document: OpenAPIDocument, diagnostics: DiagnosticCollector) {
        self.document = document
        self.components = ComponentIndex(document.components)
        self.diagnostics = diagnostics
    }

    /// Runs every check; the result is usable by later stages only when no
    /// error was collected.
    mutating func check() -> CheckedDocument {
        checkComponentReferenceCycles()
        for (name, schema) in document.components.schemas {
            checkSchema(schema, subject: "schema '\(name.value)'")
        }
        for entry in document.components.parameters {
            checkParameterReference(entry.parameter)
        }
        for entry in document.components.requestBodies {
            checkBody(entry.body)
        }
        for entry in document.components.responses {
            checkResponse(entry.response)
        }
        for entry in document.components.headers {
            checkHeader(entry.header)
        }
        if let security = document.security {
            checkSecurity(security)
        }
        checkOperations()
        return CheckedDocument(document: document, components: components)
    }

    // MARK: References

    private mutating func reference(_ reference: Located<String>, into section: ComponentIndex.Section) -> Bool {
        if let problem = components.problem(with: reference.value, expecting: section) {
            diagnostics.error(problem, at: reference.location)
            return false
        }
        return true
    }

    /// `A: {$ref: B}`, `B: {$ref: A}` never bottoms out: report each cycle once.
    private mutating func checkComponentReferenceCycles() {
        func targetName(_ reference: Located<String>?) -> String? {
            reference.flatMap { ComponentIndex.split($0.value)?.name }
        }
        func report<Value>(_ entries: [(name: Located<String>, value: Referenceable<Value>)], section: String) {
            var next: [String: (String, SourceLocation)] = [:]
            for entry in entries {
                if case .reference(let reference) = entry.value, let target = targetName(reference) {
                    next[entry.name.value] = (target, reference.location)
                }
            }
            reportCycles(next, kind: section)
        }
        var schemaNext: [String: (String, SourceLocation)] = [:]
        for (name, schema) in document.components.schemas {
            if let reference = schema.reference, let target = targetName(reference) {
                schemaNext[name.value] = (target, reference.location)
            } else if let allOf = schema.allOf {
                // allOf merges its members into one type, so a member that leads back is a cycle too.
                for member in allOf {
                    if let reference = member.reference, let target = targetName(reference) {
                        if target == name.value {
                            diagnostics.error("schema '\(name.value)' includes itself through 'allOf'", at: reference.location)
                        }
                    }
                }
            }
        }
        reportCycles(schemaNext, kind: "schema")
        report(document.components.parameters.map { ($0.name, $0.parameter) }, section: "parameter")
        report(document.components.requestBodies.map { ($0.name, $0.body) }, section: "request body")
        report(document.components.responses.map { ($0.name, $0.response) }, section: "response")
        report(document.components.headers.map { ($0.name, $0.header) }, section: "header")
    }

    private mutating func reportCycles(_ next: [String: (String, SourceLocation)], kind: String) {
        var reported: Set<String> = []
        for start in next.keys.sorted() where !reported.contains(start) {
            var path: [String] = [start]
            var current = start
            while let (target, _) = next[current] {
                if let index = path.firstIndex(of: target) {
                    let cycle = Array(path[index...])
                    if !cycle.contains(where: reported.contains), let first = cycle.min(), let location = next[first]?.1 {
                        let description = (cycle.drop { $0 != first } + cycle.prefix { $0 != first } + [first]).joined(separator: " -> ")
                        diagnostics.error("\(kind) reference cycle: \(description)", at: location)
                    }
                    reported.formUnion(cycle)
                    break
                }
                path.append(target)
                current = target
            }
            reported.formUnion(path)
        }
    }

    // MARK: Schemas

    private mutating func checkSchema(_ schema: Schema, subject: String) {
        if let reference = schema.reference {
            _ = self.reference(reference, into: .schemas)
        }
        for property in schema.properties {
            checkSchema(property.schema, subject: "property '\(property.name.value)' of \(subject)")
        }
        if let items = schema.items {
            checkSchema(items, subject: "the items of \(subject)")
        }
        if case .schema(let additional) = schema.additionalProperties {
            checkSchema(additional, subject: "the additional properties of \(subject)")
        }
        for (keyword, members) in [("allOf", schema.allOf), ("oneOf", schema.oneOf), ("anyOf", schema.anyOf)] {
            for (index, member) in (members ?? []).enumerated() {
                checkSchema(member, subject: "\(keyword)[\(index)] of \(subject)")
            }
        }
        if let discriminator = schema.discriminator {
            for entry in discriminator.mapping {
                // Mapping values are references or bare schema names.
                let target = entry.reference.value.hasPrefix("#") || entry.reference.value.contains("/")
                    ? entry.reference
                    : Located("#/components/schemas/\(entry.reference.value)", at: entry.reference.location)
                _ = reference(target, into: .schemas)
            }
        }
        let declared = Set(schema.properties.map(\.name.value))
        if !declared.isEmpty || schema.types == [.object] {
            for name in schema.required where !declared.contains(name.value) && schema.allOf == nil && schema.additionalProperties == nil {
                diagnostics.warning("'\(name.value)' is required but \(subject) does not declare it", at: name.location)
            }
        }
        if let pattern = schema.constraints.pattern {
            // Swift's Regex is what generated code checks values with (NSRegularExpression
            // also leaks on this error path in swift-corelibs-foundation).
            do {
                _ = try Regex(pattern.value)
            } catch {
                diagnostics.error("'pattern' of \(subject) is not a valid regular expression: \(pattern.value)", at: pattern.location)
            }
        }
        checkLiterals(of: schema, subject: subject)
    }

    /// `enum`, `const` and `default` values must have the schema's type, and a
    /// default must meet the schema's bounds and enum.
    private mutating func checkLiterals(of schema: Schema, subject: String) {
        let types = resolvedTypes(of: schema)
        guard !types.isEmpty else { return }
        func fits(_ literal: JSONLiteral) -> Bool {
            if literal == .null { return schema.nullable }
            let type = literal.jsonType
            return types.contains(type) || (type == .integer && types.contains(.number))
        }
        let typeNames = types.map(\.rawValue).joined(separator: " or ")
        for value in schema.enumValues ?? [] where !fits(value.value) {
            diagnostics.error("enum value \(value.value.jsonText) of \(subject) is not of type \(typeNames)", at: value.location)
        }
        if let value = schema.constValue, !fits(value.value) {
            diagnostics.error("'const' value \(value.value.jsonText) of \(subject) is not of type \(typeNames)", at: value.location)
        }
        if let value = schema.defaultValue {
            if !fits(value.value) {
                diagnostics.error("default value \(value.value.jsonText) of \(subject) is not of type \(typeNames)", at: value.location)
            } else if let number = value.value.numericValue {
                let constraints = schema.constraints
                if let minimum = constraints.minimum, number < minimum {
                    diagnostics.error("default value \(value.value.jsonText) of \(subject) is below its minimum \(JSONLiteral.number(minimum).jsonText)", at: value.location)
                }
                if let maximum = constraints.maximum, number > maximum {
                    diagnostics.error("default value \(value.value.jsonText) of \(subject) is above its maximum \(JSONLiteral.number(maximum).jsonText)", at: value.location)
                }
            }
            if let allowed = schema.enumValues, !allowed.contains(where: { $0.value == value.value }) {
                diagnostics.error("default value \(value.value.jsonText) of \(subject) is not one of its enum values", at: value.location)
            }
        }
    }

    private func resolvedTypes(of schema: Schema) -> [Schema.JSONType] {
        if !schema.types.isEmpty { return schema.types }
        if schema.reference != nil, let resolved = components.resolve(schema) { return resolved.schema.types }
        return []
    }

    // MARK: Parameters, bodies, responses

    private mutating func checkParameterReference(_ parameter: Referenceable<Parameter>) {
        switch parameter {
        case .reference(let reference):
            _ = self.reference(reference, into: .parameters)
        case .value(let parameter):
            checkParameter(parameter)
        }
    }

    private mutating func checkParameter(_ parameter: Parameter) {
        let subject = "parameter '\(parameter.name.value)'"
        if let schema = parameter.schema {
            checkSchema(schema, subject: "the schema of \(subject)")
        }
        if parameter.location.value == .path && !parameter.required {
            diagnostics.error("path \(subject) must be marked 'required: true'", at: parameter.declaration)
        }
        if let fields = parameter.extensions.fields {
            checkFields(fields, of: parameter)
        }
        if !parameter.extensions.expansions.isEmpty {
            checkExpansions(parameter.extensions.expansions, of: parameter)
        }
    }

    /// The string values an array-of-enum (or enum) parameter accepts.
    private func enumValues(of parameter: Parameter) -> [Located<String>]? {
        guard let schema = parameter.schema, let resolved = components.resolve(schema)?.schema else { return nil }
        let element = resolved.items.flatMap { components.resolve($0)?.schema } ?? resolved
        return element.enumValues?.compactMap { value in
            if case .string(let text) = value.value { return Located(text, at: value.location) }
            return nil
        }
    }

    /// `x-fields` must name a component object schema, and each value of the
    /// parameter, and each default, must be one of its properties.
    private mutating func checkFields(_ fields: FieldsExtension, of parameter: Parameter) {
        guard let entry = components.schemas[fields.schema.value] else {
            diagnostics.error("'x-fields' of parameter '\(parameter.name.value)' names schema '\(fields.schema.value)', which does not exist", at: fields.schema.location)
            return
        }
        let properties = Set(objectProperties(of: entry.schema))
        guard let values = enumValues(of: parameter) else {
            diagnostics.error("parameter '\(parameter.name.value)' has 'x-fields' but its schema lists no field names (an array of string enum)", at: fields.location)
            return
        }
        for value in values where !properties.contains(value.value) {
            diagnostics.error("field '\(value.value)' of parameter '\(parameter.name.value)' is not a property of schema '\(fields.schema.value)'", at: value.location)
        }
        let valueNames = Set(values.map(\.value))
        for value in fields.defaults {
            if !properties.contains(value.value) {
                diagnostics.error("default field '\(value.value)' of parameter '\(parameter.name.value)' is not a property of schema '\(fields.schema.value)'", at: value.location)
            } else if !valueNames.contains(value.value) {
                diagnostics.error("default field '\(value.value)' is not one of the values of parameter '\(parameter.name.value)'", at: value.location)
            }
        }
    }

    private mutating func checkExpansions(_ expansions: [ExpansionExtension], of parameter: Parameter) {
        let values = Set((enumValues(of: parameter) ?? []).map(\.value))
        for expansion in expansions {
            if !values.contains(expansion.name.value) {
                diagnostics.error("expansion '\(expansion.name.value)' is not one of the values of parameter '\(parameter.name.value)'", at: expansion.name.location)
            }
            if let source = components.schemas[expansion.schema.value] {
                if !hasPropertyPath(expansion.field.value, in: source.schema) {
                    diagnostics.error("expansion '\(expansion.name.value)' reads field '\(expansion.field.value)', which schema '\(expansion.schema.value)' does not have", at: expansion.field.location)
                }
                if let property = expansion.property {
                    if objectProperties(of: source.schema).contains(property.value) {
                        diagnostics.error("expansion '\(expansion.name.value)' resolves into property '\(property.value)', which schema '\(expansion.schema.value)' already has", at: property.location)
                    }
                    if expansion.field.value.contains(".") {
                        diagnostics.error("expansion '\(expansion.name.value)' resolves into property '\(property.value)', which needs a top-level field, not the path '\(expansion.field.value)'; leave 'property' out to only fill 'includes'", at: property.location)
                    }
                }
            } else {
                diagnostics.error("expansion '\(expansion.name.value)' names schema '\(expansion.schema.value)', which does not exist", at: expansion.schema.location)
            }
            if let target = components.schemas[expansion.target.value] {
                let idName = expansion.targetID?.value ?? "id"
                if !objectProperties(of: target.schema).contains(idName) {
                    diagnostics.error("expansion '\(expansion.name.value)' matches included objects by '\(idName)', which schema '\(expansion.target.value)' does not have", at: expansion.targetID?.location ?? expansion.target.location)
                }
            } else {
                diagnostics.error("expansion '\(expansion.name.value)' points at schema '\(expansion.target.value)', which does not exist", at: expansion.target.location)
            }
        }
    }

    /// Whether a dotted path (`affiliation.user_id`) leads from an object
    /// schema through object properties to a property.
    func hasPropertyPath(_ path: String, in schema: Schema) -> Bool {
        var current = schema
        for name in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            guard let next = objectProperty(name, of: current) else { return false }
            current = next
        }
        return true
    }

    /// The schema of one property of an object schema, including those merged by `allOf`.
    func objectProperty(_ name: String, of schema: Schema) -> Schema? {
        var seen: Set<ObjectIdentifier> = []
        func find(_ schema: Schema) -> Schema? {
            guard let resolved = components.resolve(schema)?.schema, seen.insert(ObjectIdentifier(resolved)).inserted else { return nil }
            if let property = resolved.properties.first(where: { $0.name.value == name }) { return property.schema }
            for member in resolved.allOf ?? [] {
                if let found = find(member) { return found }
            }
            return nil
        }
        return find(schema)
    }

    /// Property names of an object schema, including those merged by `allOf`.
    func objectProperties(of schema: Schema) -> [String] {
        var names: [String] = []
        var seen: Set<ObjectIdentifier> = []
        func collect(_ schema: Schema) {
            guard let resolved = components.resolve(schema)?.schema, seen.insert(ObjectIdentifier(resolved)).inserted else { return }
            names.append(contentsOf: resolved.properties.map(\.name.value))
            for member in resolved.allOf ?? [] { collect(member) }
        }
        collect(schema)
        return names
    }

    private mutating func checkBody(_ body: Referenceable<RequestBody>) {
        switch body {
        case .reference(let reference):
            _ = self.reference(reference, into: .requestBodies)
        case .value(let body):
            for media in body.content {
                if let schema = media.schema { checkSchema(schema, subject: "the request body schema") }
            }
        }
    }

    private mutating func checkResponse(_ response: Referenceable<Response>) {
        switch response {
        case .reference(let reference):
            _ = self.reference(reference, into: .responses)
        case .value(let response):
            for header in response.headers { checkHeader(header.header) }
            for media in response.content {
                if let schema = media.schema { checkSchema(schema, subject: "the '\(media.contentType.value)' response schema") }
            }
        }
    }

    private mutating func checkHeader(_ header: Referenceable<Header>) {
        switch header {
        case .reference(let reference):
            _ = self.reference(reference, into: .headers)
        case .value(let header):
            if let schema = header.schema { checkSchema(schema, subject: "a header schema") }
        }
    }

    // MARK: Security

    private mutating func checkSecurity(_ requirements: [SecurityRequirement]) {
        for requirement in requirements {
            for (name, scopes) in requirement.schemes {
                guard let scheme = components.securitySchemes[name.value] else {
                    diagnostics.error("security scheme '\(name.value)' is not defined in 'components.securitySchemes'", at: name.location)
                    continue
                }
                if case .oauth2(let flows) = scheme.kind {
                    let known = Set(flows.flatMap(\.scopes))
                    for scope in scopes where !known.contains(scope.value) {
                        diagnostics.error("scope '\(scope.value)' is not defined by security scheme '\(name.value)'", at: scope.location)
                    }
                }
            }
        }
    }

    // MARK: Operations

    private mutating func checkOperations() {
        var operationIDs: [String: SourceLocation] = [:]
        for item in document.paths {
            let templateNames = Self.templateParameters(item.path.value)
            if templateNames.contains("") {
                diagnostics.error("path '\(item.path.value)' has an empty or unbalanced '{}' template", at: item.path.location)
            }
            for parameter in item.parameters { checkParameterReference(parameter) }
            for operation in item.operations {
                let subject = operation.operationID.map { "operation '\($0.value)'" } ?? "operation '\(operation.method.rawValue.uppercased()) \(item.path.value)'"
                if let id = operation.operationID {
                    if let first = operationIDs[id.value] {
                        diagnostics.error("duplicate operationId '\(id.value)' (first used at \(first.line):\(first.column))", at: id.location)
                    } else {
                        operationIDs[id.value] = id.location
                    }
                }
                for parameter in operation.parameters { checkParameterReference(parameter) }
                if let body = operation.requestBody { checkBody(body) }
                for entry in operation.responses { checkResponse(entry.response) }
                if let security = operation.security { checkSecurity(security) }

                // Merge path-level and operation-level parameters, the latter winning.
                var seen: [String: SourceLocation] = [:]
                var pathParameters: [String: SourceLocation] = [:]
                var merged: [Parameter] = []
                for reference in operation.parameters {
                    guard let parameter = components.resolve(reference) else { continue }
                    let key = "\(parameter.location.value.rawValue):\(parameter.name.value)"
                    if let first = seen[key] {
                        diagnostics.error("\(subject) declares \(parameter.location.value.rawValue) parameter '\(parameter.name.value)' twice (first at \(first.line):\(first.column))", at: parameter.name.location)
                        continue
                    }
                    seen[key] = parameter.name.location
                    merged.append(parameter)
                }
                for reference in item.parameters {
                    guard let parameter = components.resolve(reference) else { continue }
                    let key = "\(parameter.location.value.rawValue):\(parameter.name.value)"
                    if seen[key] == nil {
                        seen[key] = parameter.name.location
                        merged.append(parameter)
                    }
                }
                for parameter in merged where parameter.location.value == .path {
                    pathParameters[parameter.name.value] = parameter.name.location
                    if !templateNames.contains(parameter.name.value) {
                        diagnostics.error("path parameter '\(parameter.name.value)' of \(subject) does not appear in path '\(item.path.value)'", at: parameter.name.location)
                    }
                }
                for name in templateNames where !name.isEmpty && pathParameters[name] == nil {
                    diagnostics.error("path '\(item.path.value)' has '{\(name)}' but \(subject) declares no path parameter '\(name)'", at: operation.location)
                }
                let hasSuccess = operation.responses.contains { $0.status.value.hasPrefix("2") }
                if !hasSuccess && !operation.responses.isEmpty {
                    diagnostics.warning("\(subject) declares no 2xx response; its function returns the raw status only", at: operation.location)
                }
            }
        }
    }

    /// The `{names}` in a path template; an empty string marks a malformed template.
    static func templateParameters(_ path: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in path {
            switch character {
            case "{":
                if current != nil { return names + [""] }
                current = ""
            case "}":
                guard let name = current else { return names + [""] }
                names.append(name)
                current = nil
            default:
                current?.append(character)
            }
        }
        return current == nil ? names : names + [""]
    }
}
