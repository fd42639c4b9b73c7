/// Stage 4: translates a checked document into an ``APIModel``.
///
/// Constructs the model cannot express faithfully are warnings at their
/// location, with a documented fallback (usually "any JSON value"), never a
/// crash or silently wrong code. Problems with the generator's own
/// extensions that only show once references are followed (a pagination
/// token path that leads nowhere, say) are errors here.
struct ModelTranslator {
    var diagnostics: DiagnosticCollector
    let document: OpenAPIDocument
    let components: ComponentIndex

    /// Component schemas that turn into a declaration, by name.
    var declaredComponents: Set<String> = []
    /// Declarations to add inside a component's type, by component name.
    var extraNested: [String: [TypeDeclaration]] = [:]
    /// Extra nested declarations that have no component to live in.
    var extraTopLevel: [TypeDeclaration] = []
    /// Fields and expansions enums already declared, by type name.
    var sharedEnums: [TypeName: [String]] = [:]
    /// Their older values (`x-value-aliases`), each mapped to the value it stands for.
    var sharedEnumAliases: [TypeName: [String: String]] = [:]
    /// Expansion properties to add to component objects, by component name.
    var resolvedExpansions: [String: [ResolvedExpansionProperty]] = [:]
    var paginations: [TypeName: PageConformance] = [:]
    var paginationOrder: [TypeName] = []
    var billables: [TypeName: BillableConformance] = [:]
    var billableOrder: [TypeName] = []
    var streamEvents: [TypeName: StreamEventConformance] = [:]
    var streamEventOrder: [TypeName] = []
    var resolutions: [TypeName: ExpansionResolution] = [:]
    var resolutionOrder: [TypeName] = []
    /// Component schemas being translated, to stop on structural recursion.
    var inProgress: [String] = []
    /// Security schemes that `.schemes` options name, in the order first used.
    var usedSchemes: [String] = []

    init(checked: CheckedDocument, diagnostics: DiagnosticCollector) {
        self.document = checked.document
        self.components = checked.components
        self.diagnostics = diagnostics
        for (name, schema) in checked.document.components.schemas where schema.swiftType == nil {
            declaredComponents.insert(name.value)
        }
    }

    mutating func translate() -> APIModel {
        var types: [TypeDeclaration] = []
        for (name, schema) in document.components.schemas where schema.swiftType == nil {
            inProgress = [name.value]
            types.append(declaration(for: schema, name: TypeName([.schema(name.value)]), description: schema.description))
        }
        inProgress = []
        var operations: [OperationModel] = []
        for item in document.paths {
            for operation in item.operations {
                if let model = translate(operation, in: item) {
                    operations.append(model)
                }
            }
        }
        // Attach what operations contributed to component types.
        types = types.map { declaration in
            guard case .schema(let name) = declaration.name.components.first, declaration.name.components.count == 1 else {
                return declaration
            }
            var declaration = declaration
            declaration.nested.append(contentsOf: extraNested[name] ?? [])
            if case .object(var object) = declaration.kind, let expansions = resolvedExpansions[name] {
                object.resolvedExpansions = expansions
                declaration.kind = .object(object)
            }
            return declaration
        }
        types.append(contentsOf: extraTopLevel)
        types = Self.markingRequestOnlyObjects(types, operations: operations)
        let authorization = authorizationModel(operations: operations)
        return APIModel(
            title: document.info.title,
            summary: document.info.summary,
            description: document.info.description,
            version: document.info.version,
            serverURL: document.servers.first?.url,
            types: types,
            operations: operations,
            paginations: paginationOrder.compactMap { paginations[$0] },
            expansionResolutions: resolutionOrder.compactMap { resolutions[$0] },
            billables: billableOrder.compactMap { billables[$0] },
            streamEvents: streamEventOrder.compactMap { streamEvents[$0] },
            authorization: authorization,
            securitySchemes: securitySchemeModels()
        )
    }
}

// MARK: Names

extension ModelTranslator {
    static func lowerCamel(_ name: String) -> String { NameCasing.lowerCamel(name) }
    static func upperCamel(_ name: String) -> String { NameCasing.upperCamel(name) }

    /// `get /2/users/{id}/followers` → `getUsersIdFollowers`, for operations without an operationId.
    static func derivedOperationID(_ method: HTTPMethod, _ path: String) -> String {
        lowerCamel(([method.rawValue] + path.split(separator: "/").map(String.init)).joined(separator: "_"))
    }

    /// Splits `followers(of:)` into `followers` and `["of"]`; `nil` when malformed.
    static func parseFunctionName(_ text: String) -> (base: String, labels: [String])? {
        func isIdentifier(_ text: Substring) -> Bool {
            guard let first = text.first, first.isLetter || first == "_" else { return false }
            return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        }
        guard let open = text.firstIndex(of: "(") else {
            return isIdentifier(text[...]) ? (text, []) : nil
        }
        let base = text[..<open]
        guard isIdentifier(base), text.hasSuffix(")") else { return nil }
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard inner.isEmpty || inner.hasSuffix(":") else { return nil }
        let labels = inner.split(separator: ":", omittingEmptySubsequences: false).dropLast()
        guard labels.allSatisfy({ $0 == "_" || isIdentifier($0) }) else { return nil }
        return (String(base), labels.map(String.init))
    }
}
