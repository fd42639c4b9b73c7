import XFollows

/// The query of a follows lookup, validated as X validates it: known parameters only, each at
/// most once, `max_results` in 1...1000, fields and expansions from the spec's lists. Every
/// problem found is reported, not just the first.
struct LookupQuery: Sendable {
    static let parameterNames = ["expansions", "id", "max_results", "pagination_token", "tweet.fields", "user.fields"]
    static let defaultMaxResults = 100
    static let maxResultsRange = 1...1000

    var maxResults = defaultMaxResults
    var paginationToken: String?
    var selection = FieldSelection()

    /// The query, and every problem found in it (none when it is valid).
    static func parse(_ items: [OperationRequest.QueryItem]) -> (query: LookupQuery, errors: [SandboxProblems.InvalidParameter]) {
        var query = LookupQuery()
        var errors: [SandboxProblems.InvalidParameter] = []
        var seen: Set<String> = []
        for item in items {
            guard parameterNames.contains(item.name), item.name != "id" else {
                errors.append(.init(parameter: item.name, value: item.value,
                                    message: "The query parameter [\(item.name)] is not one of [\(parameterNames.joined(separator: ","))]"))
                continue
            }
            guard seen.insert(item.name).inserted else {
                errors.append(.init(parameter: item.name, value: item.value,
                                    message: "Duplicate parameters are not allowed: the `\(item.name)` query parameter"))
                continue
            }
            switch item.name {
            case "max_results":
                if let value = Int(item.value) {
                    if maxResultsRange.contains(value) {
                        query.maxResults = value
                    } else {
                        errors.append(.init(parameter: item.name, value: item.value,
                                            message: "The `max_results` query parameter value [\(item.value)] is not between "
                                                + "\(maxResultsRange.lowerBound) and \(maxResultsRange.upperBound)"))
                    }
                } else {
                    errors.append(.init(parameter: item.name, value: item.value,
                                        message: "The `max_results` query parameter value [\(item.value)] is not a valid integer"))
                }
            case "pagination_token":
                query.paginationToken = item.value
            case "user.fields":
                switch values(item, allowed: User.Field.allCases.map(\.rawValue)) {
                case .success(let values): query.selection.userFields = Set(values.map(User.Field.init(rawValue:)))
                case .failure(let error): errors.append(error)
                }
            case "tweet.fields":
                switch values(item, allowed: Tweet.Field.allCases.map(\.rawValue)) {
                case .success(let values): query.selection.tweetFields = Set(values.map(Tweet.Field.init(rawValue:)))
                case .failure(let error): errors.append(error)
                }
            default:
                switch values(item, allowed: User.Expansion.allCases.map(\.rawValue)) {
                case .success(let values): query.selection.expansions = Set(values.map(User.Expansion.init(rawValue:)))
                case .failure(let error): errors.append(error)
                }
            }
        }
        return (query, errors)
    }

    /// The comma-separated values of a field or expansion parameter, or the error naming the
    /// first unknown one and the allowed values.
    private static func values(
        _ item: OperationRequest.QueryItem, allowed: [String]
    ) -> Result<[String], SandboxProblems.InvalidParameter> {
        let values = item.value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if let unknown = values.first(where: { !allowed.contains($0) }) {
            return .failure(.init(parameter: item.name, value: unknown,
                                  message: "The `\(item.name)` query parameter value [\(unknown)] is not one of "
                                      + "[\(allowed.sorted().joined(separator: ","))]"))
        }
        return .success(values)
    }
}
