/// Request bodies and success responses of every content type: JSON decoded into the
/// spec's types; forms from an object; multipart parts as arguments of their own, files
/// streamed; text as `String`; anything else streamed as `HTTPBody`.
extension ModelTranslator {
    /// How a media type is carried.
    enum MediaKind: Equatable {
        case json, form, multipart, text, binary
    }

    /// `application/json` and `+json` are JSON; `text/*`, XML, YAML, CSV and calendars are
    /// text; forms and multipart forms are themselves; the rest (`application/octet-stream`,
    /// `image/png`, `*/*`, …) is binary.
    static func mediaKind(_ contentType: String) -> MediaKind {
        let base = contentType.split(separator: ";").first.map { DocComment.trimmingSpaces($0).lowercased() } ?? ""
        if base == "application/json" || base.hasSuffix("+json") { return .json }
        if base == "application/x-www-form-urlencoded" { return .form }
        if base.hasPrefix("multipart/") { return .multipart }
        if base.hasPrefix("text/") || base == "application/xml" || base.hasSuffix("+xml")
            || base == "application/yaml" || base == "application/x-yaml" || base == "application/javascript" {
            return .text
        }
        return .binary
    }

    static func isJSON(_ contentType: String) -> Bool { mediaKind(contentType) == .json }

    /// The media type sent for a body: the spec's, or `application/octet-stream` for a range
    /// (`image/*`, `*/*`).
    private static func sentMediaType(_ contentType: String) -> String {
        contentType.contains("*") ? "application/octet-stream" : contentType
    }

    // MARK: Request bodies

    /// The request body: JSON when the operation takes it, otherwise its first content type.
    /// A small object of plain members is flattened into arguments unless a member's name
    /// would clash with a parameter's (`argumentNames`) or another member's.
    mutating func bodyModel(_ reference: Referenceable<RequestBody>, operationID: String, argumentNames: Set<String>) -> BodyModel? {
        guard let body = components.resolve(reference) else { return nil }
        guard let media = body.content.first(where: { Self.isJSON($0.contentType.value) }) ?? body.content.first else { return nil }
        let kind = Self.mediaKind(media.contentType.value)
        let mediaType = Self.sentMediaType(media.contentType.value)
        switch kind {
        case .binary:
            return BodyModel(encoding: .binary, mediaType: mediaType, type: .external("HTTPBody"), isRequired: body.required,
                             description: body.description, contentType: media.contentType.value, flattened: nil, constraints: [:])
        case .text:
            return BodyModel(encoding: .text, mediaType: mediaType, type: .string, isRequired: body.required,
                             description: body.description, contentType: media.contentType.value, flattened: nil, constraints: [:])
        case .multipart:
            return multipartBody(body, media: media, operationID: operationID)
        case .json, .form:
            var model = structuredBody(body, media: media, operationID: operationID, argumentNames: argumentNames)
            model.encoding = kind == .form ? .form : .json
            model.mediaType = kind == .form ? "application/x-www-form-urlencoded" : mediaType
            return model
        }
    }

    /// A JSON or form body: the schema's type, flattened into arguments when small and plain.
    private mutating func structuredBody(_ body: RequestBody, media: MediaType, operationID: String, argumentNames: Set<String>) -> BodyModel {
        let schema = media.schema ?? Schema(location: body.location)
        var nested: [TypeDeclaration] = []
        var type = typeReference(for: schema, name: TypeName([.synthesized(Self.upperCamel(operationID) + "Request")]), nested: &nested)
        if isNullable(schema) { type = .optional(type) }
        extraTopLevel.append(contentsOf: nested.map { declaration in
            var declaration = declaration
            declaration.description = declaration.description ?? body.description ?? "The request body of `\(operationID)`."
            return declaration
        })

        // Flatten a small object of plain members into arguments.
        var flattened: [PropertyModel]?
        var constraints: [String: Schema.Constraints] = [:]
        if case .named = type, let object = components.resolve(schema)?.schema, isObject(object),
           object.allOf == nil, object.additionalProperties == nil, (1...4).contains(object.properties.count),
           Set(object.properties.map { NameCasing.lowerCamel($0.name.value) }).count == object.properties.count,
           !object.properties.contains(where: { argumentNames.contains(NameCasing.lowerCamel($0.name.value)) }) {
            let required = Set(object.required.map(\.value))
            var members: [PropertyModel] = []
            for property in object.properties {
                guard let resolved = components.resolve(property.schema)?.schema, isPlainScalar(resolved) else { break }
                var unused: [TypeDeclaration] = []
                members.append(PropertyModel(
                    jsonName: property.name.value,
                    type: typeReference(for: property.schema, name: TypeName([.synthesized("Unused")]), nested: &unused),
                    isRequired: required.contains(property.name.value),
                    isNullable: isNullable(property.schema),
                    description: property.schema.description ?? resolved.description,
                    deprecated: property.schema.deprecated,
                    example: property.schema.example ?? resolved.example
                ))
                constraints[property.name.value] = resolved.constraints
            }
            if members.count == object.properties.count {
                flattened = members
            }
        }
        return BodyModel(
            type: type,
            isRequired: body.required,
            description: body.description,
            contentType: media.contentType.value,
            flattened: flattened,
            constraints: flattened == nil ? [:] : constraints
        )
    }

    /// A multipart body: each property of an object schema a part, and an argument of its own
    /// (a file streamed, a value as text, anything else as JSON); any other schema a
    /// `MultipartForm` the caller builds, with a warning.
    private mutating func multipartBody(_ body: RequestBody, media: MediaType, operationID: String) -> BodyModel {
        var model = BodyModel(encoding: .multipart, mediaType: "multipart/form-data", parts: nil, type: .external("MultipartForm"),
                              isRequired: body.required, description: body.description, contentType: media.contentType.value,
                              flattened: nil, constraints: [:])
        // An object's properties are the parts; of alternatives (X's `anyOf` of a binary and a
        // base64 form), the first object with a file part, or the first object.
        func partsObject(_ schema: Schema?) -> Schema? {
            guard let schema = schema.flatMap({ components.resolve($0)?.schema }) else { return nil }
            if isObject(schema), schema.allOf == nil, !schema.properties.isEmpty { return schema }
            let members = (schema.anyOf ?? schema.oneOf ?? []).compactMap { partsObject($0) }
            return members.first { $0.properties.contains { isFile(components.resolve($0.schema)?.schema ?? $0.schema) } } ?? members.first
        }
        guard let schema = partsObject(media.schema) else {
            diagnostics.warning("the multipart body of operation '\(operationID)' lists no parts (an object's properties); its function takes a MultipartForm the caller fills", at: media.contentType.location)
            return model
        }
        let required = Set(schema.required.map(\.value))
        var parts: [BodyModel.Part] = []
        for property in schema.properties {
            let resolved = components.resolve(property.schema)?.schema ?? property.schema
            let item = resolved.items.flatMap { components.resolve($0)?.schema }
            let partKind: BodyModel.Part.Kind
            var type: TypeReference
            if isFile(resolved) {
                partKind = .file
                type = .external("MultipartFile")
            } else if resolved.types == [.array], let item, isFile(item) {
                partKind = .files
                type = .array(.external("MultipartFile"))
            } else {
                var nested: [TypeDeclaration] = []
                let name = TypeName([.synthesized(Self.upperCamel(operationID) + Self.upperCamel(property.name.value))])
                type = typeReference(for: property.schema, name: name, nested: &nested)
                switch urlForm(of: type, declaring: nested) {
                case .value: partKind = .value
                case .list: partKind = .values
                case nil: partKind = .json
                }
                for var declaration in nested where !extraTopLevel.contains(where: { $0.name == declaration.name }) {
                    declaration.description = declaration.description ?? "The `\(property.name.value)` part of the request body of `\(operationID)`."
                    extraTopLevel.append(declaration)
                }
            }
            parts.append(BodyModel.Part(
                property: PropertyModel(
                    jsonName: property.name.value,
                    type: type,
                    isRequired: required.contains(property.name.value),
                    isNullable: false,
                    description: property.schema.description ?? resolved.description,
                    deprecated: property.schema.deprecated,
                    example: nil
                ),
                kind: partKind
            ))
        }
        model.parts = parts
        return model
    }

    /// A string of bytes (`format: binary`), or a choice of which one is (X's `media`:
    /// `anyOf: [{format: binary}, {format: byte}]`): a file part.
    private func isFile(_ schema: Schema) -> Bool {
        if schema.types.contains(.string) && schema.format == "binary" { return true }
        return (schema.anyOf ?? schema.oneOf ?? []).contains { member in
            let resolved = components.resolve(member)?.schema ?? member
            return resolved.types.contains(.string) && resolved.format == "binary"
        }
    }

    /// The request body's other content types, each a function of its own for the caller to
    /// choose (`appendMediaUpload` sends JSON, `appendMediaUploadMultipart` a multipart form):
    /// one per kind other than the chosen body's, named by the kind.
    mutating func alternativeBodies(_ reference: Referenceable<RequestBody>, chosen: BodyModel?, operationID: String) -> [(suffix: String, body: BodyModel)] {
        guard let chosen, let body = components.resolve(reference) else { return [] }
        var seen: Set<String> = [Self.kindName(Self.mediaKind(chosen.contentType))]
        var alternatives: [(suffix: String, body: BodyModel)] = []
        for media in body.content {
            let kind = Self.mediaKind(media.contentType.value)
            let suffix = Self.kindName(kind)
            guard seen.insert(suffix).inserted else { continue }
            var single = body
            single.content = [media]
            guard var model = bodyModel(.value(single), operationID: operationID + suffix, argumentNames: []) else { continue }
            model.flattened = nil
            model.constraints = [:]
            alternatives.append((suffix, model))
        }
        return alternatives
    }

    private static func kindName(_ kind: MediaKind) -> String {
        switch kind {
        case .json: "JSON"
        case .form: "Form"
        case .multipart: "Multipart"
        case .text: "Text"
        case .binary: "Binary"
        }
    }

    /// A string, number or boolean without an enum: what fits an argument as is.
    func isPlainScalar(_ schema: Schema) -> Bool {
        schema.reference == nil && schema.enumValues == nil && schema.types.count == 1
            && [.string, .integer, .number, .boolean].contains(schema.types[0])
    }

    // MARK: Responses

    mutating func responseModel(_ operation: Operation, operationID: String) -> ResponseModel {
        let candidates = operation.responses.filter { $0.status.value.hasPrefix("2") }
            .sorted { $0.status.value < $1.status.value }
        guard let entry = candidates.first, let response = components.resolve(entry.response) else {
            return ResponseModel(status: "200", description: nil, type: nil)
        }
        guard let media = response.content.first(where: { Self.isJSON($0.contentType.value) }) else {
            guard !response.content.isEmpty else {
                return ResponseModel(status: entry.status.value, description: response.description, type: nil)
            }
            // Text when every type is text; otherwise the bytes, streamed.
            let allText = response.content.allSatisfy { Self.mediaKind($0.contentType.value) == .text }
            return ResponseModel(
                status: entry.status.value,
                description: response.description,
                encoding: allText ? .text : .binary,
                accept: response.content.map(\.contentType.value).joined(separator: ", "),
                type: allText ? .string : .external("HTTPBody")
            )
        }
        var nested: [TypeDeclaration] = []
        let schema = media.schema ?? Schema(location: response.location)
        var type = typeReference(for: schema, name: TypeName([.synthesized(Self.upperCamel(operationID) + "Response")]), nested: &nested)
        if isNullable(schema) { type = .optional(type) }
        extraTopLevel.append(contentsOf: nested.map { declaration in
            var declaration = declaration
            declaration.description = declaration.description ?? "The `\(entry.status.value)` response body of `\(operationID)`."
            return declaration
        })
        return ResponseModel(status: entry.status.value, description: response.description, type: type)
    }
}
