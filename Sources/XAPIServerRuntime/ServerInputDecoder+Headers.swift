import HTTPTypes
import XAPIRuntime

/// Header and cookie parameters, read as the client sends them: a value's text, or a list in
/// OpenAPI's `simple` style (comma-separated).
///
/// ```swift
/// let apiKey = decoder.header("Api-Key", .string(), required: true)
/// let session = decoder.cookie("session", .string())
/// ```
extension ServerInputDecoder {
    /// A header parameter; `nil` when it is absent (an error too when `required`) or breaks the
    /// format's rules. Repeated fields are read as one, joined by commas (RFC 9110).
    public mutating func header<Value>(_ name: String, _ format: ParameterFormat<Value>, required: Bool = false) -> Value? {
        guard let text = headerText(name) else {
            if required { missing(name, place: "header") }
            return nil
        }
        return read(text, name: name, format, place: "header")
    }

    /// A list header parameter (comma-separated); `nil` when absent (an error too when
    /// `required`) or when a value or the number of values breaks the rules.
    public mutating func headerList<Value>(
        _ name: String, _ format: ParameterFormat<Value>, explode: Bool = false, required: Bool = false,
        minItems: Int? = nil, maxItems: Int? = nil, uniqueItems: Bool = false
    ) -> [Value]? {
        guard let text = headerText(name) else {
            if required { missing(name, place: "header") }
            return nil
        }
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { trimmed($0) }
        return list(name, items: items, format, explode: true, place: "header",
                    minItems: minItems, maxItems: maxItems, uniqueItems: uniqueItems)
    }

    /// A cookie parameter from the `Cookie` field; `nil` when absent (an error too when
    /// `required`) or when it breaks the format's rules.
    public mutating func cookie<Value>(_ name: String, _ format: ParameterFormat<Value>, required: Bool = false) -> Value? {
        guard let text = cookies[name] else {
            if required { missing(name, place: "cookie") }
            return nil
        }
        return read(text, name: name, format, place: "cookie")
    }

    /// A list cookie parameter (comma-separated).
    public mutating func cookieList<Value>(
        _ name: String, _ format: ParameterFormat<Value>, explode: Bool = false, required: Bool = false,
        minItems: Int? = nil, maxItems: Int? = nil, uniqueItems: Bool = false
    ) -> [Value]? {
        guard let text = cookies[name] else {
            if required { missing(name, place: "cookie") }
            return nil
        }
        return list(name, items: [text], format, explode: false, place: "cookie",
                    minItems: minItems, maxItems: maxItems, uniqueItems: uniqueItems)
    }

    /// The field's value, repeated fields joined by `, `; `nil` when absent or not a field name.
    private func headerText(_ name: String) -> String? {
        guard let field = HTTPField.Name(name) else { return nil }
        let values = request.headerFields[values: field]
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// The cookies of every `Cookie` field, by name (the first of a name wins).
    private var cookies: [String: String] {
        var cookies: [String: String] = [:]
        for field in request.headerFields[values: .cookie] {
            for pair in field.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2 else { continue }
                let name = trimmed(parts[0])
                if cookies[name] == nil { cookies[name] = trimmed(parts[1]) }
            }
        }
        return cookies
    }

    private func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
