/// The App's consumer secret, held so that nothing prints it: its description, debug
/// description and mirror are `<redacted>`, so neither string interpolation, `dump(_:)` nor
/// a debugger's summary shows the value. Only ``value`` reads it, to compute an HMAC.
struct ConsumerSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    static let placeholder = "<redacted>"

    /// The secret itself; read only to sign.
    let value: String

    init(_ value: String) {
        self.value = value
    }

    var description: String { Self.placeholder }
    var debugDescription: String { Self.placeholder }
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
