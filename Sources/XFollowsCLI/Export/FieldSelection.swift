import XFollows

/// The user fields an export asks for (`--fields`), and the order they are written in.
///
/// `id`, `name` and `username` always come back (X's defaults); `--fields` adds to them:
/// a comma-separated list of X's field names, `all` for every field, or `default` for
/// ``standard``.
///
/// ```swift
/// let selection = try FieldSelection(parsing: "created_at,public_metrics")
/// selection.requested    // [.createdAt, .publicMetrics]  (sent as user.fields)
/// selection.columns      // [.id, .username, .name, .createdAt, .publicMetrics]
/// ```
public struct FieldSelection: Sendable, Hashable {
    /// The fields asked for beyond X's defaults.
    public let requested: Set<User.Field>

    /// A selection of `fields` (X's defaults are added in any case).
    public init(_ fields: Set<User.Field>) {
        requested = fields.subtracting(User.Field.defaults)
    }

    /// What an export asks for unless told otherwise: the profile facts people sort and filter
    /// by.
    public static let standard = FieldSelection([
        .createdAt, .description, .location, .protected, .publicMetrics, .url, .verified, .verifiedType,
    ])

    /// Every field X knows.
    public static let all = FieldSelection(Set(User.Field.allCases))

    /// Parses `--fields`.
    ///
    /// - Throws: ``CLIFailure`` (usage) naming an unknown field and listing the known ones.
    public init(parsing text: String) throws {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var fields: Set<User.Field> = []
        for name in names {
            switch name {
            case "all": fields.formUnion(User.Field.allCases)
            case "default": fields.formUnion(FieldSelection.standard.requested)
            default:
                let field = User.Field(rawValue: name)
                guard User.Field.allCases.contains(field) else {
                    throw CLIFailure.usage("--fields: \"\(name)\" is not a user field; use all, default, or some of "
                        + User.Field.allCases.map(\.rawValue).sorted().joined(separator: ", ") + ".")
                }
                fields.insert(field)
            }
        }
        self.init(fields)
    }

    /// Every field returned: `id`, `username`, `name`, then the requested ones by name.
    public var columns: [User.Field] {
        [.id, .username, .name] + requested.sorted { $0.rawValue < $1.rawValue }
    }

    /// The field names, in column order (stored in checkpoints).
    public var names: [String] { columns.map(\.rawValue) }
}
