import Foundation

/// Journal lines: each ``SandboxStateEvent`` as one line of JSON. Reading names the line at
/// fault and what is wrong with it; a last line cut short (a write interrupted by a crash of
/// the machine, whose request was never answered) is an error too, with the way to drop it.
enum SandboxStateCodec {
    static func encode(_ events: [SandboxStateEvent]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for event in events {
            // A value of this enum always encodes (strings, numbers, dates).
            guard let line = try? encoder.encode(event) else { continue }
            data.append(line)
            data.append(UInt8(ascii: "\n"))
        }
        return data
    }

    static func decode(lines data: Data, file: String) throws(SandboxStateError) -> [SandboxStateEvent] {
        let decoder = JSONDecoder()
        var events: [SandboxStateEvent] = []
        var start = data.startIndex
        var line = 0
        while start < data.endIndex {
            line += 1
            guard let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw SandboxStateError(file: file, line: line, problem: "the last line is cut short (\(data.endIndex - start) bytes "
                    + "with no newline): a write was interrupted and its request never answered. To keep the rest, "
                    + "drop it: truncate -s \(start - data.startIndex) \(file)")
            }
            let bytes = data[start..<end]
            start = end + 1
            if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { continue }
            do {
                events.append(try decoder.decode(SandboxStateEvent.self, from: bytes))
            } catch {
                throw SandboxStateError(file: file, line: line, problem: "not a state record: \(reason(error))")
            }
        }
        return events
    }

    /// A decoding error in a sentence.
    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return "invalid JSON (\(context.debugDescription))"
        case DecodingError.keyNotFound(let key, let context):
            return "\"\(key.stringValue)\" is missing\(path(context))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.debugDescription)\(path(context))"
        default:
            return String(describing: error)
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.isEmpty ? "" : " at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
    }
}
