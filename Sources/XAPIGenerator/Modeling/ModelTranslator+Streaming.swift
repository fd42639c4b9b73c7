/// Streaming operations (`x-twitter-streaming`, `x-streaming`) and pagination inferred from X's
/// conventions for operations that do not declare `x-pagination`.
extension ModelTranslator {
    // MARK: Streaming

    /// X's conventions for a stream's event ID, kind and backfill parameter, tried in order.
    static let conventionalEventIDs = ["data.event_uuid", "data.id"]
    static let conventionalEventType = "data.event_type"
    static let conventionalBackfillParameter = "backfill_minutes"

    /// How a streaming operation delivers: its backfill parameter and the paths of each
    /// event's ID and kind. Declared paths (`x-streaming`) must exist; X's conventions are used
    /// where they fit.
    mutating func streamingModel(
        _ streaming: StreamingExtension, parameters: [ParameterModel], response: ResponseModel, subject: String
    ) -> StreamingModel? {
        guard response.type != nil else {
            diagnostics.error("streaming \(subject) needs a JSON success response: its schema is the type of each line", at: streaming.location)
            return nil
        }
        var backfillName = streaming.backfillParameter
        if backfillName == nil, parameters.contains(where: { $0.name == Self.conventionalBackfillParameter && $0.location == .query }) {
            backfillName = Located(Self.conventionalBackfillParameter, at: streaming.location)
        }
        var model = StreamingModel(maximumConnections: streaming.connections?.value)
        if let backfillName {
            guard let parameter = parameters.first(where: { $0.name == backfillName.value && $0.location == .query }),
                  case .integer = resolvedScalar(parameter.type)
            else {
                diagnostics.error("'x-streaming' names backfill parameter '\(backfillName.value)', which is not an integer query parameter of \(subject)", at: backfillName.location)
                return nil
            }
            model.backfillParameter = parameter.name
            model.maximumBackfillMinutes = parameter.constraints.maximum.map { Int($0) }
        }

        guard case .named(let eventType)? = response.type, let event = objectSchema(named: eventType) else {
            if streaming.eventID != nil || streaming.eventType != nil {
                diagnostics.error("'x-streaming' names event paths, but \(subject) does not answer with an object schema from 'components.schemas'", at: streaming.location)
                return nil
            }
            return model
        }
        let keyword = "'x-streaming'"
        var id: [PageConformance.PathStep]?
        if let declared = streaming.eventID {
            guard let path = tokenPath(declared, in: event.schema, pageName: event.name, keyword: keyword) else { return nil }
            id = path
        } else {
            id = Self.conventionalEventIDs.compactMap { conventionalPath($0, in: event.schema) }.first
        }
        var kind: [PageConformance.PathStep]?
        if let declared = streaming.eventType {
            guard let path = tokenPath(declared, in: event.schema, pageName: event.name, keyword: keyword) else { return nil }
            kind = path
        } else {
            kind = conventionalPath(Self.conventionalEventType, in: event.schema)
        }
        if id != nil || kind != nil {
            let conformance = StreamEventConformance(eventType: eventType, id: id, kind: kind)
            if let existing = streamEvents[eventType] {
                if existing.id != conformance.id || existing.kind != conformance.kind {
                    diagnostics.error("\(subject) identifies the events of schema '\(event.name)' differently from another streaming operation", at: streaming.location)
                    return nil
                }
            } else {
                streamEvents[eventType] = conformance
                streamEventOrder.append(eventType)
            }
        }
        return model
    }

    /// A conventional dotted path, when every step exists and it ends at a string.
    private func conventionalPath(_ path: String, in schema: Schema) -> [PageConformance.PathStep]? {
        var steps: [PageConformance.PathStep] = []
        var current: Schema? = schema
        let names = path.split(separator: ".").map(String.init)
        for (index, name) in names.enumerated() {
            guard let object = current.flatMap({ components.resolve($0)?.schema }),
                  let property = object.properties.first(where: { $0.name.value == name })
            else { return nil }
            steps.append(.init(jsonName: name, isOptional: !object.required.contains { $0.value == name } || isNullable(property.schema)))
            current = property.schema
            if index == names.count - 1, components.resolve(property.schema)?.schema.types != [.string] { return nil }
        }
        return steps.isEmpty ? nil : steps
    }

    /// An integer or other scalar type behind aliases.
    private func resolvedScalar(_ type: TypeReference) -> TypeReference {
        guard case .named(let name) = type, name.components.count == 1, case .schema(let component) = name.components[0],
              let schema = components.schemas[component]?.schema, let resolved = components.resolve(schema)?.schema
        else { return type }
        if resolved.types == [.integer] { return .integer(.standard) }
        return type
    }

    // MARK: Pagination by X's conventions

    /// The query parameters X names a page token with; X's pagination page uses
    /// `pagination_token`, its search endpoints also take `next_token`.
    static let conventionalTokenParameters = ["pagination_token", "next_token"]

    /// `x-pagination` as X's conventions would write it, for an operation that declares none:
    /// a `pagination_token` (or `next_token`) query parameter, and a response object whose
    /// `data` is a list and whose `meta.next_token` is a string. When the parameter is there
    /// but the response does not fit, a warning says why no page sequence is generated.
    mutating func inferredPagination(
        _ operation: Operation, parameters: [ParameterModel], response: ResponseModel, subject: String
    ) -> PaginationExtension? {
        let tokens = Self.conventionalTokenParameters.filter { name in
            parameters.contains { $0.name == name && $0.location == .query }
        }
        guard let token = tokens.first else { return nil }
        let location = operation.location
        if tokens.count > 1 {
            diagnostics.warning("\(subject) takes both 'pagination_token' and 'next_token'; its page sequence sends 'pagination_token', as X's pagination page does (declare 'x-pagination' to choose)", at: location)
        }
        guard case .named(let pageType)? = response.type, let page = objectSchema(named: pageType) else {
            diagnostics.warning("\(subject) takes '\(token)' but does not answer with an object schema from 'components.schemas'; it gets no page sequence (declare 'x-pagination')", at: location)
            return nil
        }
        guard let data = page.schema.properties.first(where: { $0.name.value == "data" }),
              components.resolve(data.schema)?.schema.types == [.array]
        else {
            diagnostics.warning("\(subject) takes '\(token)' but the 'data' of schema '\(page.name)' is not a list; it gets no page sequence (declare 'x-pagination')", at: location)
            return nil
        }
        guard conventionalPath("meta.next_token", in: page.schema) != nil else {
            diagnostics.warning("\(subject) takes '\(token)' but schema '\(page.name)' has no string 'meta.next_token'; it gets no page sequence (declare 'x-pagination')", at: location)
            return nil
        }
        func located(_ text: String) -> Located<String> { Located(text, at: location) }
        let pageSize = parameters.first { $0.name == "max_results" && $0.location == .query }
        return PaginationExtension(
            items: located("data"),
            tokenParameter: located(token),
            pageSizeParameter: pageSize.map { located($0.name) },
            nextToken: located("meta.next_token"),
            previousToken: conventionalPath("meta.previous_token", in: page.schema) != nil ? located("meta.previous_token") : nil,
            resultCount: nil,
            location: location
        )
    }
}
