/// The words the seeded graph builds names, bios and Tweets from.
enum ProfileVocabulary {
    static let firstNames = [
        "Ada", "Alan", "Amara", "Andrés", "Aiko", "Bea", "Bruno", "Carmen", "Chidi", "Chloé", "Dara", "Diego",
        "Elena", "Emeka", "Farah", "Felix", "Grace", "Hana", "Hugo", "Ines", "Ivan", "Jonas", "Julia", "Kai",
        "Kenji", "Lara", "Leo", "Lina", "Malik", "Maria", "Mateo", "Mei", "Nadia", "Noah", "Olu", "Priya",
        "Quinn", "Rafael", "Rosa", "Sami", "Sofia", "Tariq", "Uma", "Valeria", "Wei", "Yara", "Yusuf", "Zoe",
    ]

    static let lastNames = [
        "Abe", "Adeyemi", "Alvarez", "Bauer", "Berg", "Chen", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia",
        "Haddad", "Ivanova", "Jensen", "Kaur", "Kim", "Kowalski", "Larsen", "Lopez", "Martin", "Moreau", "Müller",
        "Nakamura", "Novak", "Okafor", "Ortiz", "Park", "Patel", "Rossi", "Santos", "Schmidt", "Silva", "Singh",
        "Tanaka", "Torres", "Umarov", "Varga", "Wagner", "Weber", "Xu", "Yilmaz", "Zhang",
    ]

    static let jobs = [
        "iOS engineer", "backend developer", "data scientist", "product designer", "SRE", "developer advocate",
        "security researcher", "ML engineer", "open source maintainer", "indie hacker", "tech writer",
        "community manager", "founder", "PhD student", "journalist", "photographer",
    ]

    static let companies = ["Acme", "Globex", "Initech", "Umbrella Labs", "Hooli", "Vandelay", "Stark Industries", "Wayne Tech"]

    static let hashtags = [
        "Swift", "iOSDev", "OpenSource", "DataViz", "MachineLearning", "APIs", "DevRel", "Accessibility",
        "Rust", "WebDev", "100DaysOfCode", "Photography", "Climate", "Coffee", "Running", "BuildInPublic",
    ]

    /// Names in other scripts, with combining marks and emoji, each with the Latin handle its
    /// owner would pick (usernames are `[A-Za-z0-9_]`). None is longer than X's 50 characters.
    static let internationalNames: [(name: String, handle: String)] = [
        ("山田 太郎", "yamada_taro"),
        ("佐藤 花子 🌸", "sato_hanako"),
        ("王伟", "wang_wei"),
        ("김민준", "kim_minjun"),
        ("이서연 ✨", "lee_seoyeon"),
        ("Иван Петров", "ivan_petrov"),
        ("Ольга Смирнова", "olga_smirnova"),
        ("محمد أحمد", "mohamed_ahmed"),
        ("فاطمة الزهراء 🌙", "fatima_zahra"),
        ("דוד כהן", "david_cohen"),
        ("प्रिया शर्मा", "priya_sharma"),
        ("Νίκος Παπαδόπουλος", "nikos_papa"),
        ("สมชาย ใจดี", "somchai"),
        ("Nguyễn Văn An", "nguyen_van_an"),
        ("Zoe\u{308} A\u{30A}ngstro\u{308}m", "zoe_angstrom"),  // decomposed: combining marks
        ("Şükrü Öztürk", "sukru_ozturk"),
        ("👩🏽‍💻 Amara Okafor", "amara_okafor"),
        ("Chidi 🇳🇬", "chidi_n"),
        ("Ada 🏳️‍🌈✨", "ada_rainbow"),
        ("👨‍👩‍👧‍👦", "family_emoji"),  // one grapheme of seven scalars
        ("Maximiliana Alexandrovna Konstantinopoulou-Smithes", "max_konst"),  // 50 characters, the limit
    ]

    /// Pieces of the long, many-script descriptions.
    static let longBioPhrases = [
        "東京 → Berlin → São Paulo 🌍",
        "Ich schreibe über APIs, 日本語もOK, и немного по-русски",
        "مرحبا بالجميع 👋",
        "Café ☕️ + código + 音楽 🎧",
        "Ελληνικά · עברית · हिन्दी · ไทย",
    ]

    static let cashtags = ["AAPL", "TSLA", "MSFT", "NVDA", "BTC", "ETH", "AMZN", "GOOG"]

    static let locations = [
        "San Francisco, CA", "New York, NY", "London, England", "Berlin, Germany", "Tokyo, Japan", "Lagos, Nigeria",
        "São Paulo, Brazil", "Paris, France", "Toronto, Ontario", "Bengaluru, India", "Sydney, Australia",
        "Mexico City", "Seoul, South Korea", "Nairobi, Kenya", "Amsterdam, The Netherlands", "Somewhere on the internet",
        "🌍", "Remote",
    ]

    static let domains = ["github.com", "medium.com", "substack.com", "linktr.ee", "dev.to", "example.dev", "youtube.com"]

    static let sources = ["Twitter Web App", "Twitter for iPhone", "Twitter for Android", "TweetDeck", "Buffer"]

    /// Short Tweet openings by language, for pinned Tweets.
    static let tweetTexts: [(lang: String, texts: [String])] = [
        ("en", [
            "Shipped a new release today, thanks to everyone who tested it",
            "Thread: what I learned paging through a million followers",
            "Pinned: the talk I gave about rate limits and why they are your friend",
            "Our API client now handles daily caps before it sends anything",
            "Reminder that idempotent endpoints make retries boring, and boring is good",
        ]),
        ("es", ["Hoy publicamos una nueva versión de la app", "Gracias a todos por venir a la charla de ayer"]),
        ("fr", ["Nouvelle version de notre bibliothèque disponible", "Merci pour tous vos retours sur la démo"]),
        ("de", ["Heute gibt es ein Update für unsere App", "Danke an alle, die beim Meetup waren"]),
        ("pt", ["Hoje lançamos uma nova versão do app", "Obrigado a todos pelo feedback"]),
        ("ja", ["新しいバージョンを公開しました", "昨日の勉強会に来てくれた皆さん、ありがとうございます"]),
    ]

    /// Alt texts of attached pictures.
    static let altTexts = [
        "A terminal showing a paginated list of followers",
        "Screenshot of an API response with rate-limit headers highlighted",
        "Whiteboard sketch of a retry loop with exponential backoff",
        "Conference stage with a slide reading \"Idempotency\"",
        "Cat asleep on a laptop keyboard",
    ]

    /// Titles of long-form articles.
    static let articleTitles = [
        "Paging a million followers without losing one",
        "What rate limits taught me about queues",
        "Daily caps, explained with coffee",
    ]

    /// Sentences that continue a post past 280 characters (a long post, `note_tweet`).
    static let longPostSentences = [
        "The first lesson was that every page must be treated as untrusted input.",
        "The second was that a token is opaque for a reason: do not parse it, store it.",
        "Retries are only safe when the operation is idempotent, and follow is documented as such.",
        "We also learned to read the reset header instead of guessing how long to sleep.",
        "Finally, test against a sandbox first: production has no undo button.",
    ]

    /// Context annotation domains and entities X attaches to Tweets.
    static let annotations: [(domainID: String, domain: String, entityID: String, entity: String)] = [
        ("46", "Business Taxonomy", "1557697333571112960", "Technology Business"),
        ("47", "Brand", "10045225402", "Twitter"),
        ("66", "Interests and Hobbies Category", "847544972781826048", "Technology"),
        ("131", "Unified Twitter Taxonomy", "848920371311001600", "Technology"),
        ("30", "Entities [Entity Service]", "781974596752842752", "Services"),
    ]
}
