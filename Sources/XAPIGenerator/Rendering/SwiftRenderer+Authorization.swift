/// Operations.swift, continued: what the security schemes say about
/// obtaining tokens — the OAuth 2.0 scopes as static members of the
/// runtime's `OAuth2Scope`, and each scheme's endpoints as a static value of
/// `OAuth2Endpoints`, `OAuth1Endpoints` or `AppOnlyEndpoints`.
extension SwiftRenderer {
    /// Members of `OAuth2Scope` a scope's name must not take.
    private static let reservedScopeNames: Set<String> = [
        "rawValue", "description", "parse", "parameter", "hashValue", "init", "self", "Type", "all",
    ]

    /// The Swift names of the spec's scopes, by scope name: unique, worked out once.
    var scopeNames: [String: String] {
        var unique = UniqueNames(taken: Self.reservedScopeNames)
        var names: [String: String] = [:]
        for scope in model.authorization.scopes {
            names[scope.name] = unique.claim(SwiftIdentifiers.member(scope.name))
        }
        return names
    }

    /// A required scope in a descriptor: its static member, or a literal when the spec does
    /// not declare it.
    func scopeReference(_ scope: String, names: [String: String]) -> String {
        names[scope].map { "." + SwiftIdentifiers.afterDot($0) } ?? SwiftIdentifiers.stringLiteral(scope)
    }

    func renderAuthorization(into writer: inout CodeWriter) {
        let authorization = model.authorization
        if !authorization.scopes.isEmpty {
            let names = scopeNames
            writer.block("extension OAuth2Scope") { writer in
                for (index, scope) in authorization.scopes.enumerated() {
                    if index > 0 { writer.line() }
                    var doc = DocComment(scope.description.map { $0.hasSuffix(".") ? $0 : $0 + "." } ?? "The `\(scope.name)` scope.")
                    doc.callout("- Note: `\(scope.name)`.", separated: true)
                    writer.documentation(doc)
                    writer.line("public static let \(SwiftIdentifiers.escaped(names[scope.name]!)) = OAuth2Scope(rawValue: \(SwiftIdentifiers.stringLiteral(scope.name)))")
                }
                writer.line()
                writer.documentation(DocComment("Every scope the spec's OAuth 2.0 security schemes define, in the spec's order."))
                let all = authorization.scopes.map { "." + SwiftIdentifiers.afterDot(names[$0.name]!) }
                let oneLine = "public static let all: [OAuth2Scope] = [\(all.joined(separator: ", "))]"
                if oneLine.count + 4 <= 100 {
                    writer.line(oneLine)
                } else {
                    writer.line("public static let all: [OAuth2Scope] = [")
                    writer.indented { writer in
                        for scope in all { writer.line(scope + ",") }
                    }
                    writer.line("]")
                }
            }
            writer.line()
        }
        for endpoints in authorization.endpoints {
            writer.block("extension \(endpoints.kind.rawValue)") { writer in
                var doc = DocComment("The endpoints of the `\(endpoints.scheme)` security scheme" + (endpoints.description.map { ": \(Self.flatten($0))" } ?? "."))
                doc.paragraph("Point them at another server, such as x-sandbox, keeping their paths:")
                doc.verbatim([
                    "```swift",
                    "let local = \(endpoints.kind.rawValue).\(endpoints.swiftName).relocated(to: URL(string: \"http://127.0.0.1:8080\")!)",
                    "```",
                ])
                writer.documentation(doc)
                writer.line("public static let \(SwiftIdentifiers.escaped(endpoints.swiftName)) = \(endpoints.kind.rawValue)(")
                writer.indented { writer in
                    for (index, entry) in endpoints.urls.enumerated() {
                        let separator = index == endpoints.urls.count - 1 ? "" : ","
                        writer.line("\(entry.label): URL(string: \(SwiftIdentifiers.stringLiteral(entry.url)))!\(separator)")
                    }
                }
                writer.line(")")
            }
            writer.line()
        }
    }
}
