extension Problem {
    /// The parameters an `invalid-request` problem names: X lists each broken rule in
    /// `errors`, with the parameter and the value sent (`{"parameters": {"pagination_token":
    /// ["…"]}, "message": "…"}`).
    ///
    /// ```swift
    /// if error.problem?.invalidParameters.contains("pagination_token") == true {
    ///     // the server refused the page token: start the walk again
    /// }
    /// ```
    public var invalidParameters: Set<String> {
        guard case .array(let errors)? = additionalProperties["errors"] else { return [] }
        var names: Set<String> = []
        for case .object(let entry) in errors {
            if case .object(let parameters)? = entry["parameters"] { names.formUnion(parameters.keys) }
            if case .string(let parameter)? = entry["parameter"] { names.insert(parameter) }
        }
        return names
    }
}
