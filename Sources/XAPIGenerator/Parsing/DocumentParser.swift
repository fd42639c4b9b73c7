/// Stage 2: turns the node tree into an ``OpenAPIDocument``.
///
/// Structural problems (a missing required key, a value of the wrong type,
/// an unknown key, a malformed extension) are collected as diagnostics and
/// parsing goes on, so one run reports them all. `$ref`s are kept as written;
/// the checker resolves them.
struct DocumentParser {
    var diagnostics: DiagnosticCollector
    var version: OpenAPIDocument.Version = .v3_1

    init(diagnostics: DiagnosticCollector) {
        self.diagnostics = diagnostics
    }

    /// Parses a whole document. Returns `nil` only when the root is unusable.
    mutating func parse(_ root: SpecNode) -> OpenAPIDocument? {
        guard var reader = MappingReader(root, subject: "the document", diagnostics: &diagnostics) else { return nil }

        var versionLocation = root.location
        if let openapi = reader.require("openapi", diagnostics: &diagnostics) {
            versionLocation = openapi.location
            if let text = openapi.scalar?.text, openapi.scalar?.kind != .null {
                if text.hasPrefix("3.0.") || text == "3.0" {
                    version = .v3_0
                } else if text.hasPrefix("3.1.") || text == "3.1" {
                    version = .v3_1
                } else {
                    diagnostics.error("unsupported OpenAPI version '\(text)'; xapi-gen reads 3.0.x and 3.1.x", at: openapi.location)
                }
            } else {
                diagnostics.error("expected a version string for 'openapi', found \(openapi.kindDescription)", at: openapi.location)
            }
        }

        var info = Info(title: "", version: "")
        if let node = reader.require("info", diagnostics: &diagnostics) {
            info = parseInfo(node)
        }

        var servers: [Server] = []
        if let node = reader.take("servers") {
            servers = parseServers(node)
        }

        var components = Components()
        if let node = reader.take("components") {
            components = parseComponents(node)
        }

        var paths: [PathItem] = []
        if let node = version == .v3_0 ? reader.require("paths", diagnostics: &diagnostics) : reader.take("paths") {
            paths = parsePaths(node)
        }

        var security: [SecurityRequirement]?
        if let node = reader.take("security") {
            security = parseSecurity(node, subject: "the document")
        }

        if let webhooks = reader.take("webhooks") {
            diagnostics.warning("webhooks are not supported and are ignored", at: webhooks.location)
        }
        reader.ignore("tags", "externalDocs", "jsonSchemaDialect")
        reader.reportUnknownKeys(diagnostics: &diagnostics)

        return OpenAPIDocument(
            version: version,
            versionLocation: versionLocation,
            info: info,
            servers: servers,
            paths: paths,
            components: components,
            security: security,
            location: root.location
        )
    }

    // MARK: Info and servers

    mutating func parseInfo(_ node: SpecNode) -> Info {
        guard var reader = MappingReader(node, subject: "'info'", diagnostics: &diagnostics) else {
            return Info(title: "", version: "")
        }
        let title = reader.require("title", diagnostics: &diagnostics).flatMap {
            MappingReader.string($0, "'title' in 'info'", diagnostics: &diagnostics)?.value
        }
        let version = reader.require("version", diagnostics: &diagnostics).flatMap {
            MappingReader.string($0, "'version' in 'info'", diagnostics: &diagnostics)?.value
        }
        let summary = reader.text("summary", diagnostics: &diagnostics)
        let description = reader.text("description", diagnostics: &diagnostics)
        reader.ignore("termsOfService", "contact", "license")
        reader.reportUnknownKeys(diagnostics: &diagnostics)
        return Info(title: title ?? "", version: version ?? "", summary: summary, description: description)
    }

    mutating func parseServers(_ node: SpecNode) -> [Server] {
        guard let elements = node.elements else {
            diagnostics.error("expected a sequence for 'servers', found \(node.kindDescription)", at: node.location)
            return []
        }
        return elements.compactMap { element in
            guard var reader = MappingReader(element, subject: "a server", diagnostics: &diagnostics) else { return nil }
            let url = reader.requiredString("url", diagnostics: &diagnostics)
            let description = reader.text("description", diagnostics: &diagnostics)
            reader.ignore("variables")
            reader.reportUnknownKeys(diagnostics: &diagnostics)
            return url.map { Server(url: $0.value, description: description) }
        }
    }

    // MARK: Paths and operations

    mutating func parsePaths(_ node: SpecNode) -> [PathItem] {
        guard let entries = node.entries else {
            diagnostics.error("expected a mapping for 'paths', found \(node.kindDescription)", at: node.location)
            return []
        }
        var items: [PathItem] = []
        for entry in entries where !entry.key.hasPrefix("x-") {
            let path = Located(entry.key, at: entry.keyLocation)
            guard entry.key.hasPrefix("/") else {
                diagnostics.error("path '\(entry.key)' must start with '/'", at: entry.keyLocation)
                continue
            }
            if let item = parsePathItem(entry.value, path: path) {
                items.append(item)
            }
        }
        return items
    }

    mutating func parsePathItem(_ node: SpecNode, path: Located<String>) -> PathItem? {
        guard var reader = MappingReader(node, subject: "path '\(path.value)'", diagnostics: &diagnostics) else { return nil }
        if let reference = reader.take("$ref") {
            diagnostics.warning("path item references are not supported; '\(path.value)' is skipped", at: reference.location)
            return nil
        }
        var parameters: [Referenceable<Parameter>] = []
        if let node = reader.take("parameters") {
            parameters = parseParameterList(node, subject: "path '\(path.value)'")
        }
        var operations: [Operation] = []
        for method in HTTPMethod.allCases {
            guard let operationNode = reader.take(method.rawValue) else { continue }
            if let operation = parseOperation(operationNode, method: method, path: path) {
                operations.append(operation)
            }
        }
        reader.ignore("summary", "description", "servers")
        reader.reportUnknownKeys(diagnostics: &diagnostics)
        return PathItem(path: path, parameters: parameters, operations: operations)
    }

    mutating func parseOperation(_ node: SpecNode, method: HTTPMethod, path: Located<String>) -> Operation? {
        let name = "\(method.rawValue.uppercased()) \(path.value)"
        guard var reader = MappingReader(node, subject: "operation '\(name)'", diagnostics: &diagnostics) else { return nil }
        let operationID = reader.string("operationId", diagnostics: &diagnostics)
        let subject = operationID.map { "operation '\($0.value)'" } ?? "operation '\(name)'"
        reader = reader.renamed(subject)

        let summary = reader.text("summary", diagnostics: &diagnostics)
        let description = reader.text("description", diagnostics: &diagnostics)
        let tags = reader.stringList("tags", diagnostics: &diagnostics)?.map(\.value) ?? []
        var externalDocsURL: String?
        if let docs = reader.take("externalDocs"), var docsReader = MappingReader(docs, subject: "'externalDocs' in \(subject)", diagnostics: &diagnostics) {
            externalDocsURL = docsReader.requiredString("url", diagnostics: &diagnostics)?.value
            docsReader.ignore("description")
            docsReader.reportUnknownKeys(diagnostics: &diagnostics)
        }
        let deprecated = reader.bool("deprecated", diagnostics: &diagnostics) ?? false
        var parameters: [Referenceable<Parameter>] = []
        if let node = reader.take("parameters") {
            parameters = parseParameterList(node, subject: subject)
        }
        var requestBody: Referenceable<RequestBody>?
        if let node = reader.take("requestBody") {
            requestBody = parseReferenceable(node, subject: "the request body of \(subject)") { parser, node in
                parser.parseRequestBody(node, subject: "the request body of \(subject)")
            }
        }
        var responses: [ResponseEntry] = []
        if let node = reader.require("responses", diagnostics: &diagnostics) {
            responses = parseResponses(node, subject: subject)
        }
        var security: [SecurityRequirement]?
        if let node = reader.take("security") {
            security = parseSecurity(node, subject: subject)
        }
        if let callbacks = reader.take("callbacks") {
            diagnostics.warning("callbacks are not supported and are ignored", at: callbacks.location)
        }
        reader.ignore("servers")
        let extensions = parseOperationExtensions(&reader, subject: subject)
        reader.reportUnknownKeys(diagnostics: &diagnostics)

        return Operation(
            method: method,
            path: path,
            operationID: operationID,
            summary: summary,
            description: description,
            tags: tags,
            externalDocsURL: externalDocsURL,
            deprecated: deprecated,
            parameters: parameters,
            requestBody: requestBody,
            responses: responses,
            security: security,
            extensions: extensions,
            location: node.location
        )
    }

    mutating func parseResponses(_ node: SpecNode, subject: String) -> [ResponseEntry] {
        guard let entries = node.entries else {
            diagnostics.error("expected a mapping for 'responses' in \(subject), found \(node.kindDescription)", at: node.location)
            return []
        }
        var responses: [ResponseEntry] = []
        for entry in entries where !entry.key.hasPrefix("x-") {
            let status = Located(entry.key, at: entry.keyLocation)
            guard Self.isStatus(entry.key) else {
                diagnostics.error("'\(entry.key)' is not a response status (use a code such as 200, a range such as 2XX, or default)", at: entry.keyLocation)
                continue
            }
            let what = "response '\(entry.key)' of \(subject)"
            if let response = parseReferenceable(entry.value, subject: what, parse: { parser, node in parser.parseResponse(node, subject: what) }) {
                responses.append(ResponseEntry(status: status, response: response))
            }
        }
        return responses
    }

    static func isStatus(_ key: String) -> Bool {
        if key == "default" { return true }
        let characters = Array(key)
        guard characters.count == 3, let first = characters.first, ("1"..."5").contains(first) else { return false }
        let rest = characters.dropFirst()
        return rest.allSatisfy(\.isNumber) || rest.allSatisfy { $0 == "X" || $0 == "x" }
    }

    mutating func parseResponse(_ node: SpecNode, subject: String) -> Response? {
        guard var reader = MappingReader(node, subject: subject, diagnostics: &diagnostics) else { return nil }
        let description = reader.require("description", diagnostics: &diagnostics).flatMap { $0.scalar?.text }
        var headers: [HeaderEntry] = []
        if let node = reader.take("headers") {
            if let entries = node.entries {
                for entry in entries {
                    let what = "header '\(entry.key)' of \(subject)"
                    if let header = parseReferenceable(entry.value, subject: what, parse: { parser, node in parser.parseHeader(node, subject: what) }) {
                        headers.append(HeaderEntry(name: Located(entry.key, at: entry.keyLocation), header: header))
                    }
                }
            } else {
                diagnostics.error("expected a mapping for 'headers' in \(subject), found \(node.kindDescription)", at: node.location)
            }
        }
        var content: [MediaType] = []
        if let node = reader.take("content") {
            content = parseContent(node, subject: subject)
        }
        reader.ignore("links")
        reader.reportUnknownKeys(diagnostics: &diagnostics)
        return Response(description: description, headers: headers, content: content, location: node.location)
    }

    mutating func parseHeader(_ node: SpecNode, subject: String) -> Header? {
        guard var reader = MappingReader(node, subject: subject, diagnostics: &diagnostics) else { return nil }
        let description = reader.text("description", diagnostics: &diagnostics)
        let schema = reader.take("schema").flatMap { parseSchema($0, subject: "the schema of \(subject)") }
        reader.ignore("required", "deprecated", "example", "examples", "style", "explode", "allowEmptyValue", "content")
        reader.reportUnknownKeys(diagnostics: &diagnostics)
        return Header(description: description, schema: schema, location: node.location)
    }

    mutating func parseRequestBody(_ node: SpecNode, subject: String) -> RequestBody? {
        guard var reader = MappingReader(node, subject: subject, diagnostics: &diagnostics) else { return nil }
        let description = reader.text("description", diagnostics: &diagnostics)
        let required = reader.bool("required", diagnostics: &diagnostics) ?? false
        var content: [MediaType] = []
        if let node = reader.require("content", diagnostics: &diagnostics) {
            content = parseContent(node, subject: subject)
        }
        reader.reportUnknownKeys(diagnostics: &diagnostics)
        return RequestBody(description: description, required: required, content: content, location: node.location)
    }

    mutating func parseContent(_ node: SpecNode, subject: String) -> [MediaType] {
        guard let entries = node.entries else {
            diagnostics.error("expected a mapping for 'content' in \(subject), found \(node.kindDescription)", at: node.location)
            return []
        }
        return entries.compactMap { entry in
            let what = "'\(entry.key)' content of \(subject)"
            guard var reader = MappingReader(entry.value, subject: what, diagnostics: &diagnostics) else { return nil }
            let schema = reader.take("schema").flatMap { parseSchema($0, subject: "the schema of \(what)") }
            reader.ignore("example", "examples", "encoding")
            reader.reportUnknownKeys(diagnostics: &diagnostics)
            return MediaType(contentType: Located(entry.key, at: entry.keyLocation), schema: schema)
        }
    }

    // MARK: Parameters

    mutating func parseParameterList(_ node: SpecNode, subject: String) -> [Referenceable<Parameter>] {
        guard let elements = node.elements else {
            diagnostics.error("expected a sequence for 'parameters' in \(subject), found \(node.kindDescription)", at: node.location)
            return []
        }
        return elements.compactMap { element in
            parseReferenceable(element, subject: "a parameter of \(subject)") { parser, node in
                parser.parseParameter(node, subject: "a parameter of \(subject)")
            }
        }
    }

    mutating func parseParameter(_ node: SpecNode, subject: String) -> Parameter? {
        guard var reader = MappingReader(node, subject: subject, diagnostics: &diagnostics) else { return nil }
        guard let name = reader.requiredString("name", diagnostics: &diagnostics) else {
            reader.reportUnknownKeys(diagnostics: &diagnostics)
            return nil
        }
        reader = reader.renamed("parameter '\(name.value)'")
        guard let locationText = reader.requiredString("in", diagnostics: &diagnostics) else { return nil }
        guard let location = ParameterLocation(rawValue: locationText.value) else {
            diagnostics.error("'in' of parameter '\(name.value)' must be path, query, header or cookie, not '\(locationText.value)'", at: locationText.location)
            return nil
        }
        // A malformed `required` on a path parameter is reported once, not again as "must be required".
        // A malformed `required` on a path parameter is reported once, not again as "must be required".
        let required = reader.bool("required", diagnostics: &diagnostics) ?? (location == .path && node["required"] != nil)
        let deprecated = reader.bool("deprecated", diagnostics: &diagnostics) ?? false
        let description = reader.text("description", diagnostics: &diagnostics)
        let style = reader.string("style", diagnostics: &diagnostics)?.value
        let explode = reader.bool("explode", diagnostics: &diagnostics)
        let schema = reader.take("schema").flatMap { parseSchema($0, subject: "the schema of parameter '\(name.value)'") }
        let example = reader.take("example")
        if let content = reader.take("content") {
            diagnostics.warning("parameter '\(name.value)' uses 'content', which is not supported; it is read as a string", at: content.location)
        }
        reader.ignore("allowEmptyValue", "allowReserved", "examples")
        let extensions = parseParameterExtensions(&reader, parameter: name.value)
        reader.reportUnknownKeys(diagnostics: &diagnostics)
        return Parameter(
            name: name,
            location: Located(location, at: locationText.location),
            required: required,
            deprecated: deprecated,
            description: description,
            schema: schema,
            style: style,
            explode: explode,
            example: example,
            extensions: extensions,
            declaration: node.location
        )
    }

    // MARK: Security

    mutating func parseSecurity(_ node: SpecNode, subject: String) -> [SecurityRequirement] {
        guard let elements = node.elements else {
            diagnostics.error("expected a sequence for 'security' in \(subject), found \(node.kindDescription)", at: node.location)
            return []
        }
        return elements.compactMap { element in
            guard let entries = element.entries else {
                diagnostics.error("expected a mapping of scheme names to scopes in 'security' of \(subject), found \(element.kindDescription)", at: element.location)
                return nil
            }
            var schemes: [(name: Located<String>, scopes: [Located<String>])] = []
            for entry in entries {
                let scopes = MappingReader.stringList(entry.value, "the scopes of '\(entry.key)' in \(subject)", diagnostics: &diagnostics) ?? []
                schemes.append((Located(entry.key, at: entry.keyLocation), scopes))
            }
            return SecurityRequirement(schemes: schemes, location: element.location)
        }
    }

    // MARK: References

    /// Reads `{$ref: ...}` or parses the value inline.
    mutating func parseReferenceable<Value>(
        _ node: SpecNode,
        subject: String,
        parse: (inout DocumentParser, SpecNode) -> Value?
    ) -> Referenceable<Value>? {
        if let reference = node["$ref"] {
            guard let target = MappingReader.string(reference, "'$ref' in \(subject)", diagnostics: &diagnostics) else { return nil }
            if let entries = node.entries {
                for entry in entries where !["$ref", "summary", "description"].contains(entry.key) && !entry.key.hasPrefix("x-") {
                    diagnostics.warning("'\(entry.key)' next to '$ref' is ignored", at: entry.keyLocation)
                }
            }
            return .reference(target)
        }
        return parse(&self, node).map(Referenceable.value)
    }
}

extension MappingReader {
    /// The same reader, naming its mapping differently in messages.
    func renamed(_ subject: String) -> MappingReader {
        var copy = self
        copy.rename(subject)
        return copy
    }
}
