/// Types only requests carry: a server decoding one refuses `null` for a member the schema
/// does not let be null (an optional member may be left out, not sent as `null`). Types that
/// responses also carry stay lenient, so a client reading what a server sends is not broken
/// by a `null` it could have left out.
extension ModelTranslator {
    /// Marks the objects reachable from request bodies and from no response.
    static func markingRequestOnlyObjects(_ types: [TypeDeclaration], operations: [OperationModel]) -> [TypeDeclaration] {
        var index: [TypeName: TypeDeclaration] = [:]
        func register(_ declaration: TypeDeclaration) {
            index[declaration.name] = declaration
            declaration.nested.forEach(register)
        }
        types.forEach(register)

        func reachable(from roots: [TypeReference]) -> Set<TypeName> {
            var seen: Set<TypeName> = []
            var pending = roots
            while let reference = pending.popLast() {
                switch reference {
                case .array(let element), .set(let element), .dictionary(let element), .optional(let element):
                    pending.append(element)
                case .named(let name):
                    guard seen.insert(name).inserted, let declaration = index[name] else { continue }
                    switch declaration.kind {
                    case .object(let object):
                        pending.append(contentsOf: object.properties.map(\.type))
                        if let additional = object.additionalProperties { pending.append(additional) }
                    case .oneOf(let oneOf):
                        pending.append(contentsOf: oneOf.cases.compactMap(\.payload))
                    case .alias(let target):
                        pending.append(target)
                    case .stringEnum:
                        break
                    }
                default:
                    continue
                }
            }
            return seen
        }
        let requests = reachable(from: operations.compactMap { $0.body?.type })
        let responses = reachable(from: operations.compactMap(\.response.type))
        let requestOnly = requests.subtracting(responses)
        guard !requestOnly.isEmpty else { return types }

        func mark(_ declaration: TypeDeclaration) -> TypeDeclaration {
            var declaration = declaration
            if requestOnly.contains(declaration.name), case .object(var object) = declaration.kind {
                object.refusesNullForOptionalMembers = true
                declaration.kind = .object(object)
            }
            declaration.nested = declaration.nested.map(mark)
            return declaration
        }
        return types.map(mark)
    }
}
