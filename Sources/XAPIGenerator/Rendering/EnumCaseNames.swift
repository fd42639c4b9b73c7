/// The Swift names of a string enum's cases, by raw value: unique, never
/// `unknown` (that case keeps values the spec does not list), worked out once
/// per enum, since an enum's cases are spelled several times over (the
/// declaration, `init(rawValue:)`, `rawValue`, `allCases`, defaults).
struct EnumCaseNames {
    private let names: [String: String]

    init(_ model: StringEnumModel) {
        var unique = UniqueNames(taken: ["unknown"])
        var names: [String: String] = [:]
        for enumCase in model.cases {
            let name = SwiftIdentifiers.member(enumCase.value)
            names[enumCase.value] = unique.claim(name == "unknown" ? "unknownValue" : name)
        }
        self.names = names
    }

    /// A case as declared: `` case `public` ``.
    func declaration(_ value: String) -> String {
        SwiftIdentifiers.escaped(name(value))
    }

    /// A case as referenced after a dot: `.public`.
    func reference(_ value: String) -> String {
        "." + SwiftIdentifiers.afterDot(name(value))
    }

    private func name(_ value: String) -> String {
        names[value] ?? SwiftIdentifiers.member(value)
    }
}
