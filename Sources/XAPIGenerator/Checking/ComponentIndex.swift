/// Looks up `#/components/...` references.
///
/// Only local references into `components` are supported: the generator
/// reads one self-contained file, so `other.yaml#/...` is an error.
struct ComponentIndex: Sendable {
    /// The components section a reference points into.
    enum Section: String, Sendable, CaseIterable {
        case schemas, parameters, requestBodies, responses, headers, securitySchemes
    }

    private(set) var schemas: [String: (name: Located<String>, schema: Schema)] = [:]
    private(set) var parameters: [String: (name: Located<String>, parameter: Referenceable<Parameter>)] = [:]
    private(set) var requestBodies: [String: (name: Located<String>, body: Referenceable<RequestBody>)] = [:]
    private(set) var responses: [String: (name: Located<String>, response: Referenceable<Response>)] = [:]
    private(set) var headers: [String: (name: Located<String>, header: Referenceable<Header>)] = [:]
    private(set) var securitySchemes: [String: SecurityScheme] = [:]

    init(_ components: Components) {
        for entry in components.schemas { schemas[entry.name.value] = entry }
        for entry in components.parameters { parameters[entry.name.value] = entry }
        for entry in components.requestBodies { requestBodies[entry.name.value] = entry }
        for entry in components.responses { responses[entry.name.value] = entry }
        for entry in components.headers { headers[entry.name.value] = entry }
        for entry in components.securitySchemes { securitySchemes[entry.name.value] = entry.scheme }
    }

    /// Splits `#/components/<section>/<name>`, decoding JSON Pointer escapes.
    static func split(_ reference: String) -> (section: Section, name: String)? {
        // On UTF-8 bytes: every reference is split, many times over.
        let prefix = "#/components/".utf8
        let utf8 = reference.utf8
        guard utf8.starts(with: prefix) else { return nil }
        let rest = utf8.dropFirst(prefix.count)
        guard let slash = rest.firstIndex(of: UInt8(ascii: "/")),
              !rest[rest.index(after: slash)...].contains(UInt8(ascii: "/")),
              let section = Section(rawValue: String(Substring(rest[..<slash])))
        else { return nil }
        let name = String(Substring(rest[rest.index(after: slash)...]))
        guard !name.isEmpty else { return nil }
        // Most names need no decoding; Foundation's string methods are slow on Linux.
        guard name.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "%") }) else {
            return (section, name)
        }
        let unescaped = name.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        return (section, unescaped.removingPercentEncoding ?? unescaped)
    }

    /// The name of the component schema `reference` points at, if it is one.
    static func schemaName(_ reference: String) -> String? {
        guard let (section, name) = split(reference), section == .schemas else { return nil }
        return name
    }

    /// Why a reference cannot resolve into `section`, or `nil` when it does.
    func problem(with reference: String, expecting section: Section) -> String? {
        if !reference.hasPrefix("#") {
            return "external reference '\(reference)' is not supported; keep the spec in one file"
        }
        guard let (actual, name) = Self.split(reference) else {
            return "reference '\(reference)' must have the form '#/components/\(section.rawValue)/Name'"
        }
        guard actual == section else {
            return "reference '\(reference)' points into '\(actual.rawValue)' where a '\(section.rawValue)' entry is expected"
        }
        let exists: Bool = switch section {
        case .schemas: schemas[name] != nil
        case .parameters: parameters[name] != nil
        case .requestBodies: requestBodies[name] != nil
        case .responses: responses[name] != nil
        case .headers: headers[name] != nil
        case .securitySchemes: securitySchemes[name] != nil
        }
        return exists ? nil : "unresolved reference '\(reference)'"
    }

    func schema(_ reference: String) -> Schema? {
        Self.schemaName(reference).flatMap { schemas[$0]?.schema }
    }

    // MARK: Following references to a value

    /// Follows parameter references to the parameter; `nil` on a dangling or cyclic chain.
    func resolve(_ parameter: Referenceable<Parameter>) -> Parameter? {
        follow(parameter) { name in parameters[name]?.parameter }
    }

    func resolve(_ body: Referenceable<RequestBody>) -> RequestBody? {
        follow(body) { name in requestBodies[name]?.body }
    }

    func resolve(_ response: Referenceable<Response>) -> Response? {
        follow(response) { name in responses[name]?.response }
    }

    func resolve(_ header: Referenceable<Header>) -> Header? {
        follow(header) { name in headers[name]?.header }
    }

    /// Follows `$ref`-only schemas to the schema that says something, with the
    /// name of the last component passed through.
    func resolve(_ schema: Schema) -> (schema: Schema, componentName: String?)? {
        var current = schema
        var name: String?
        var seen: Set<String> = []
        while let reference = current.reference?.value {
            guard let target = Self.schemaName(reference), seen.insert(target).inserted,
                  let next = schemas[target]?.schema
            else { return nil }
            name = target
            current = next
        }
        return (current, name)
    }

    private func follow<Value>(_ start: Referenceable<Value>, lookup: (String) -> Referenceable<Value>?) -> Value? {
        var current = start
        var seen: Set<String> = []
        while true {
            switch current {
            case .value(let value):
                return value
            case .reference(let reference):
                guard let name = Self.split(reference.value)?.name, seen.insert(name).inserted,
                      let next = lookup(name)
                else { return nil }
                current = next
            }
        }
    }
}
