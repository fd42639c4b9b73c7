/// Renders `oneOf` and `anyOf` as enums with a payload per alternative, decoded
/// by discriminator, by constant members, or by the first alternative that matches.
extension SwiftRenderer {
    // MARK: oneOf

    func renderOneOf(name: String, qualified: String, model: OneOfModel, into writer: inout CodeWriter) {
        let caseNames = oneOfCaseNames(model)
        let recursive = model.isIndirect || model.cases.contains { $0.payload.map { references($0, qualified) } ?? false }
        var conformances = "Codable, Hashable, Sendable"
        if case .discriminator(_, _, true) = model.strategy { conformances += ", ParentDiscriminated" }
        writer.block("public \(recursive ? "indirect " : "")enum \(name): \(conformances)") { writer in
            for (index, oneOfCase) in model.cases.enumerated() {
                let fallback = oneOfCase.payload.map { "A ``\(names.spell($0))`` value." } ?? "The `\(oneOfCase.name)` case."
                writer.documentation(DocComment(oneOfCase.description ?? fallback))
                if let payload = oneOfCase.payload {
                    writer.line("case \(caseNames[index])(\(names.spell(payload)))")
                } else {
                    writer.line("case \(caseNames[index])")
                }
            }
            if case .discriminator = model.strategy {
                writer.documentation(DocComment("A kind this code does not know yet, kept as the JSON that was sent."))
                writer.line("case unknown(JSONValue)")
            }
            writer.line()
            switch model.strategy {
            case .discriminator(let property, let mapping, let fromParent):
                renderDiscriminatorCoding(name: name, property: property, mapping: mapping, fromParent: fromParent, model: model,
                                          caseNames: caseNames, into: &writer)
            case .constants:
                renderConstantsCoding(name: name, model: model, caseNames: caseNames, into: &writer)
            case .firstMatch:
                renderFirstMatchCoding(name: name, model: model, caseNames: caseNames, into: &writer)
            }
        }
    }

    private func references(_ type: TypeReference, _ qualified: String) -> Bool {
        names.spell(type) == qualified
    }

    func oneOfCaseNames(_ model: OneOfModel) -> [String] {
        var names = UniqueNames(taken: ["unknown"])
        return model.cases.map { SwiftIdentifiers.escaped(names.claim(SwiftIdentifiers.member($0.name))) }
    }

    private func renderDiscriminatorCoding(
        name: String, property: String, mapping: [(value: String, caseIndex: Int)], fromParent: Bool, model: OneOfModel,
        caseNames: [String], into writer: inout CodeWriter
    ) {
        if fromParent {
            writer.documentation(DocComment("Decodes as ``unknown(_:)``: the object that holds the value names its case in its `\(property)`."))
            writer.block("public init(from decoder: any Decoder) throws") { writer in
                writer.line("try self.init(from: decoder, discriminator: nil)")
            }
            writer.line()
            writer.documentation(DocComment("Decodes the case that `kind`, the holding object's `\(property)`, names; an unknown or missing name decodes as ``unknown(_:)``."))
        } else {
            writer.documentation(DocComment("Decodes the case that `\(property)` names; an unknown name decodes as ``unknown(_:)``."))
        }
        writer.block(fromParent ? "public init(from decoder: any Decoder, discriminator kind: String?) throws" : "public init(from decoder: any Decoder) throws") { writer in
            if !fromParent {
                writer.line("let container = try decoder.container(keyedBy: JSONMemberKey.self)")
                writer.line("let kind: String = try container.member(\(SwiftIdentifiers.stringLiteral(property)))")
            }
            writer.line("let value = try decoder.singleValueContainer()")
            writer.switchBlock(fromParent ? "kind ?? \"\"" : "kind") { writer in
                var grouped: [(values: [String], index: Int)] = []
                for entry in mapping {
                    if let position = grouped.firstIndex(where: { $0.index == entry.caseIndex }) {
                        grouped[position].values.append(entry.value)
                    } else {
                        grouped.append(([entry.value], entry.caseIndex))
                    }
                }
                for group in grouped {
                    guard let payload = model.cases[group.index].payload else { continue }
                    writer.line("case \(group.values.map(SwiftIdentifiers.stringLiteral).joined(separator: ", ")):")
                    writer.indented { writer in
                        writer.line("self = .\(caseNames[group.index])(try value.decode(\(names.spell(payload)).self))")
                    }
                }
                writer.line("default:")
                writer.indented { writer in
                    writer.line("self = .unknown(try value.decode(JSONValue.self))")
                }
            }
        }
        writer.line()
        renderPayloadEncoding(model: model, caseNames: caseNames, unknown: true, into: &writer)
    }

    private func renderPayloadEncoding(model: OneOfModel, caseNames: [String], unknown: Bool, into writer: inout CodeWriter) {
        writer.documentation(DocComment("Encodes the case's value."))
        writer.block("public func encode(to encoder: any Encoder) throws") { writer in
            writer.line("var container = encoder.singleValueContainer()")
            writer.switchBlock("self") { writer in
                for (index, oneOfCase) in model.cases.enumerated() where oneOfCase.payload != nil {
                    writer.line("case .\(caseNames[index])(let value): try container.encode(value)")
                }
                if unknown {
                    writer.line("case .unknown(let value): try container.encode(value)")
                }
            }
        }
    }

    private func renderFirstMatchCoding(name: String, model: OneOfModel, caseNames: [String], into writer: inout CodeWriter) {
        writer.documentation(DocComment("Decodes the first alternative, in the spec's order, that the value matches."))
        writer.block("public init(from decoder: any Decoder) throws") { writer in
            writer.line("let value = try decoder.singleValueContainer()")
            for (index, oneOfCase) in model.cases.enumerated() {
                guard let payload = oneOfCase.payload else { continue }
                writer.block("if let match = try? value.decode(\(names.spell(payload)).self)") { writer in
                    writer.line("self = .\(caseNames[index])(match)")
                    writer.line("return")
                }
            }
            let list = model.cases.map(\.name).joined(separator: ", ")
            writer.line("throw DecodingError.dataCorruptedError(in: value, debugDescription: \(SwiftIdentifiers.stringLiteral("The value matches none of \(name)'s alternatives (\(list)).")))")
        }
        writer.line()
        renderPayloadEncoding(model: model, caseNames: caseNames, unknown: false, into: &writer)
    }

    private func renderConstantsCoding(name: String, model: OneOfModel, caseNames: [String], into writer: inout CodeWriter) {
        // Every key any case pins, with the Swift type of its constants.
        var keys: [(jsonName: String, type: String)] = []
        for oneOfCase in model.cases {
            for constant in oneOfCase.constants where !keys.contains(where: { $0.jsonName == constant.jsonName }) {
                let type = model.cases.lazy.compactMap { $0.constants.first { $0.jsonName == constant.jsonName }?.value }
                    .compactMap(Self.constantType).first ?? "Bool"
                keys.append((constant.jsonName, type))
            }
        }
        func key(_ jsonName: String) -> String { SwiftIdentifiers.member(jsonName) }
        writer.block("private enum CodingKeys: String, CodingKey") { writer in
            for (jsonName, _) in keys {
                writer.line(key(jsonName) == jsonName ? "case \(SwiftIdentifiers.escaped(key(jsonName)))" : "case \(SwiftIdentifiers.escaped(key(jsonName))) = \(SwiftIdentifiers.stringLiteral(jsonName))")
            }
        }
        writer.line()
        writer.documentation(DocComment("Decodes the case whose constant members the value has."))
        writer.block("public init(from decoder: any Decoder) throws") { writer in
            writer.line("let container = try decoder.container(keyedBy: CodingKeys.self)")
            for (jsonName, type) in keys {
                writer.line("let \(SwiftIdentifiers.escaped(key(jsonName))) = try container.decodeIfPresent(\(type).self, forKey: .\(key(jsonName)))")
            }
            let subject = keys.count == 1 ? SwiftIdentifiers.escaped(key(keys[0].jsonName)) : "(" + keys.map { SwiftIdentifiers.escaped(key($0.jsonName)) }.joined(separator: ", ") + ")"
            writer.switchBlock(subject) { writer in
                for (index, oneOfCase) in model.cases.enumerated() {
                    let patterns = keys.map { entry in
                        oneOfCase.constants.first { $0.jsonName == entry.jsonName }.map { Self.constantPattern($0.value) } ?? "_"
                    }
                    let pattern = keys.count == 1 ? patterns[0] : "(" + patterns.joined(separator: ", ") + ")"
                    writer.line("case \(pattern): self = .\(caseNames[index])")
                }
                writer.line("default:")
                writer.indented { writer in
                    let list = model.cases.map(\.name).joined(separator: ", ")
                    writer.line("throw DecodingError.dataCorrupted(DecodingError.Context(")
                    writer.indented { writer in
                        writer.line("codingPath: decoder.codingPath,")
                        writer.line("debugDescription: \(SwiftIdentifiers.stringLiteral("The value matches none of \(name)'s cases (\(list))."))")
                    }
                    writer.line("))")
                }
            }
        }
        writer.line()
        writer.documentation(DocComment("Encodes the case's constant members."))
        writer.block("public func encode(to encoder: any Encoder) throws") { writer in
            writer.line("var container = encoder.container(keyedBy: CodingKeys.self)")
            writer.switchBlock("self") { writer in
                for (index, oneOfCase) in model.cases.enumerated() {
                    writer.line("case .\(caseNames[index]):")
                    writer.indented { writer in
                        for constant in oneOfCase.constants {
                            writer.line(Self.constantEncoding(constant.value, key: key(constant.jsonName)))
                        }
                    }
                }
            }
        }
    }

    static func constantType(_ value: JSONLiteral) -> String? {
        switch value {
        case .bool: "Bool"
        case .integer: "Int"
        case .number: "Double"
        case .string: "String"
        case .null, .array, .object: nil
        }
    }

    static func constantPattern(_ value: JSONLiteral) -> String {
        switch value {
        case .null: "nil"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .string(let text): SwiftIdentifiers.stringLiteral(text)
        case .array, .object: "_"
        }
    }

    static func constantEncoding(_ value: JSONLiteral, key: String) -> String {
        switch value {
        case .null: "try container.encodeNil(forKey: .\(key))"
        case .bool(let flag): "try container.encode(\(flag), forKey: .\(key))"
        case .integer(let number): "try container.encode(\(number), forKey: .\(key))"
        case .number(let number): "try container.encode(\(number), forKey: .\(key))"
        case .string(let text): "try container.encode(\(SwiftIdentifiers.stringLiteral(text)), forKey: .\(key))"
        case .array, .object: "break"
        }
    }
}
