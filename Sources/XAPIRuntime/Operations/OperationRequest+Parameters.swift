/// Typed parameters, for generated endpoint functions: one generic call per parameter,
/// whatever its type (see ``ParameterValue``).
///
/// ```swift
/// var request = OperationRequest(.usersIdFollowers)
/// request.setPathParameter("id", value: "2244994945")
/// request.appendQueryItem("max_results", parameter: 100)
/// request.appendQueryItems("user.fields", [User.Field.createdAt, .id], explode: false)
/// // /2/users/2244994945/followers?max_results=100&user.fields=created_at%2Cid
/// ```
extension OperationRequest {
    /// Sets a path parameter to the value's text.
    public mutating func setPathParameter<Value: ParameterValue>(_ name: String, value: Value) {
        setPathParameter(name, to: value.parameterText)
    }

    /// Sets a path parameter to a list in OpenAPI's `simple` style: the values joined by
    /// commas (a `Set` sorted).
    public mutating func setPathParameter<Values: Sequence>(_ name: String, values: Values)
    where Values.Element: ParameterValue {
        setPathParameter(name, to: Self.texts(values).joined(separator: ","))
    }

    /// Appends a query item with the value's text; `nil` omits it.
    public mutating func appendQueryItem<Value: ParameterValue>(_ name: String, parameter value: Value?) {
        appendQueryItem(name, value: value?.parameterText)
    }

    /// Appends a list in OpenAPI's `form` style: with `explode`, one item per value
    /// (`ids=1&ids=2`); without, one item of the values joined by commas (`ids=1,2`). A `Set`
    /// is sent sorted, so the same set always makes the same URL. An empty list omits it.
    public mutating func appendQueryItems<Values: Sequence>(_ name: String, _ values: Values, explode: Bool)
    where Values.Element: ParameterValue {
        let texts = Self.texts(values)
        if explode {
            for text in texts { appendQueryItem(name, value: text) }
        } else {
            appendQueryItem(name, commaSeparated: texts)
        }
    }
}

extension OperationRequest {
    /// The values' texts, in order, or sorted for a `Set`.
    fileprivate static func texts<Values: Sequence>(_ values: Values) -> [String] where Values.Element: ParameterValue {
        let texts = values.map(\.parameterText)
        return values is any SetMarker ? texts.sorted() : texts
    }
}

/// Marks `Set`, whose order carries no meaning.
private protocol SetMarker {}
extension Set: SetMarker {}

/// Header and cookie parameters: a value's text, or a list in OpenAPI's `simple` style (the
/// values joined by commas; a `Set` sorted).
///
/// ```swift
/// try request.setHeaderParameter("Api-Username", value: "system")
/// try request.setCookieParameter("session", value: token)
/// ```
extension OperationRequest {
    /// Sets a header parameter; `nil` omits it.
    ///
    /// - Throws: ``XAPIError`` (``XAPIError/Code/invalidArgument``) when the value holds a
    ///   line break or another control character, which a header field cannot carry.
    public mutating func setHeaderParameter<Value: ParameterValue>(_ name: String, value: Value?) throws {
        guard let value else { return }
        try appendHeader(name, value.parameterText)
    }

    /// Sets a list header parameter, comma-separated; an empty list omits it.
    ///
    /// - Throws: ``XAPIError`` (``XAPIError/Code/invalidArgument``) for a control character.
    public mutating func setHeaderParameter<Values: Sequence>(_ name: String, values: Values) throws
    where Values.Element: ParameterValue {
        let texts = Self.texts(values)
        guard !texts.isEmpty else { return }
        try appendHeader(name, texts.joined(separator: ","))
    }

    /// Sets a cookie parameter (`name=value` in the `Cookie` field); `nil` omits it.
    ///
    /// - Throws: ``XAPIError`` (``XAPIError/Code/invalidArgument``) when the value holds a
    ///   character a cookie cannot carry (a control character, a space, `"`, `,`, `;` or `\`).
    public mutating func setCookieParameter<Value: ParameterValue>(_ name: String, value: Value?) throws {
        guard let value else { return }
        try appendCookie(name, [value.parameterText])
    }

    /// Sets a list cookie parameter, comma-separated (OpenAPI's `form` style); an empty list
    /// omits it.
    ///
    /// - Throws: ``XAPIError`` (``XAPIError/Code/invalidArgument``) when a value holds a
    ///   character a cookie cannot carry, as for one value.
    public mutating func setCookieParameter<Values: Sequence>(_ name: String, values: Values) throws
    where Values.Element: ParameterValue {
        let texts = Self.texts(values)
        guard !texts.isEmpty else { return }
        try appendCookie(name, texts)
    }

    private mutating func appendHeader(_ name: String, _ text: String) throws {
        if text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) {
            throw XAPIError(code: .invalidArgument, operationID: operation.id,
                            message: "The header parameter \"\(name)\" holds a line break or control character, which a header field cannot carry.",
                            parameter: name)
        }
        headerItems.removeAll { $0.name.lowercased() == name.lowercased() }
        headerItems.append(QueryItem(name: name, value: text))
    }

    /// Appends a cookie of one value or a list (OpenAPI's `form` style: joined by commas).
    private mutating func appendCookie(_ name: String, _ texts: [String]) throws {
        if texts.joined().unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value >= 0x7F || "\",;\\".unicodeScalars.contains($0) }) {
            throw XAPIError(code: .invalidArgument, operationID: operation.id,
                            message: "The cookie parameter \"\(name)\" holds a character a cookie cannot carry (a space, a control character, a quote, a comma, a semicolon, a backslash or a character beyond ASCII).",
                            parameter: name)
        }
        cookieItems.removeAll { $0.name == name }
        cookieItems.append(QueryItem(name: name, value: texts.joined(separator: ",")))
    }
}
