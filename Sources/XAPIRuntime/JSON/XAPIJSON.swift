import Foundation

/// The JSON coders for X payloads.
///
/// Dates are X timestamps such as `2013-12-14T04:35:55.000Z`: decoding accepts them with or
/// without fractional seconds (and with a numeric offset instead of `Z`); encoding always
/// writes UTC with exactly three fractional digits. The encoder sorts keys.
///
/// ```swift
/// let user = try XAPIJSON.makeDecoder().decode(User.self, from: data)
/// let body = try XAPIJSON.makeEncoder().encode(FollowRequest(targetUserID: "2244994945"))
/// XAPIJSON.string(from: Date(timeIntervalSince1970: 1_386_995_755))  // "2013-12-14T04:35:55.000Z"
/// ```
public enum XAPIJSON {
    /// A decoder for X payloads (X timestamps as dates).
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "Expected a timestamp such as 2013-12-14T04:35:55.000Z, found \"\(text.prefix(40))\"."
                )
            }
            return date
        }
        return decoder
    }

    /// An encoder for X payloads: sorted keys, X timestamps with milliseconds.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(string(from: date))
        }
        return encoder
    }

    /// Parses an X timestamp (`YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`), or `nil`.
    public static func date(from text: String) -> Date? {
        Timestamp.parse(text)
    }

    /// Formats a date as X does: UTC, three fractional digits, `Z`.
    public static func string(from date: Date) -> String {
        Timestamp.format(date)
    }
}
