import XFollows

/// Builds a text and the entities X would parse out of it, with exact start/end positions
/// (Unicode code points, `start` inclusive and `end` exclusive, as X counts them).
struct EntityTextBuilder {
    private(set) var text = ""
    private var position = 0
    private(set) var urls: [URLEntity] = []
    private(set) var hashtags: [HashtagEntity] = []
    private(set) var mentions: [MentionEntity] = []
    private(set) var cashtags: [CashtagEntity] = []
    private(set) var annotations: [TextAnnotation] = []

    mutating func append(_ plain: String) {
        text += plain
        position += plain.unicodeScalars.count
    }

    mutating func hashtag(_ tag: String) {
        let start = position
        append("#\(tag)")
        hashtags.append(HashtagEntity(start: start, end: position, hashtag: tag))
    }

    mutating func mention(_ username: String) {
        let start = position
        append("@\(username)")
        mentions.append(MentionEntity(start: start, end: position, username: username))
    }

    mutating func cashtag(_ symbol: String) {
        let start = position
        append("$\(symbol)")
        cashtags.append(CashtagEntity(start: start, end: position, cashtag: symbol))
    }

    mutating func url(short: String, expanded: String, display: String) {
        let start = position
        append(short)
        urls.append(URLEntity(start: start, end: position, url: short, expandedURL: expanded, displayURL: display))
    }

    /// Appends plain text that X's annotator recognizes as a named entity.
    mutating func annotated(_ plain: String, type: String, probability: Double) {
        let start = position
        append(plain)
        annotations.append(TextAnnotation(
            start: start, end: position, probability: probability, type: type, normalizedText: plain))
    }

    var isEmpty: Bool { text.isEmpty }

    /// The entities of a profile description; `nil` when there are none.
    var descriptionEntities: DescriptionEntities? {
        guard !(urls.isEmpty && hashtags.isEmpty && mentions.isEmpty && cashtags.isEmpty) else { return nil }
        return DescriptionEntities(
            urls: urls.isEmpty ? nil : urls,
            hashtags: hashtags.isEmpty ? nil : hashtags,
            mentions: mentions.isEmpty ? nil : mentions,
            cashtags: cashtags.isEmpty ? nil : cashtags
        )
    }

    /// The entities of a Tweet's text; `nil` when there are none.
    var tweetEntities: TweetEntities? {
        guard !(urls.isEmpty && hashtags.isEmpty && mentions.isEmpty && cashtags.isEmpty && annotations.isEmpty) else {
            return nil
        }
        return TweetEntities(
            annotations: annotations.isEmpty ? nil : annotations,
            cashtags: cashtags.isEmpty ? nil : cashtags,
            hashtags: hashtags.isEmpty ? nil : hashtags,
            mentions: mentions.isEmpty ? nil : mentions,
            urls: urls.isEmpty ? nil : urls
        )
    }
}
