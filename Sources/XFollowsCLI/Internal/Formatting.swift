import Foundation

/// How numbers, durations and times read on a terminal, the same on every machine and locale.
enum Formatting {
    /// `12345` → `12,345`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// `1` → `1 user`, `2` → `2 users`.
    static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count(value)) \(value == 1 ? singular : plural ?? singular + "s")"
    }

    /// A short wait: `250 ms`, `5 s`, `2 min`.
    static func duration(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if seconds == 0 { return "\(attoseconds / 1_000_000_000_000_000) ms" }
        if seconds % 60 == 0, seconds >= 60 { return "\(seconds / 60) min" }
        let tenths = attoseconds / 100_000_000_000_000_000
        return tenths == 0 ? "\(seconds) s" : "\(seconds).\(tenths) s"
    }

    /// A countdown: `0:07`, `4:31`, `1:02:03`.
    static func countdown(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds.rounded(.up)))
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(minutes):\(two(rest))"
    }

    /// A time of day in the local time zone, `14:05:09`, with the date when it is not today.
    static func time(_ date: Date, now: Date = Date(), timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let two = { (value: Int?) in String(format: "%02d", value ?? 0) }
        let clock = "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
        guard !calendar.isDate(date, inSameDayAs: now) else { return clock }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(clock)"
    }

    /// A rate: `9,850 users/s`.
    static func rate(_ perSecond: Double, _ unit: String) -> String {
        "\(count(Int(perSecond.rounded()))) \(unit)/s"
    }
}
