import Testing
@testable import XAPIGenerator

/// One translation rule per test: a small spec in, the exact Swift out.
///
/// The expected text is what good hand-written Swift for the rule looks
/// like; when a rule changes on purpose, update the text here and the
/// golden files (`swift run xapi-gen generate`).
@Suite("Snippets")
struct SnippetTests {
    @Test("Objects become structs: snake_case members in camel case, acronyms capitalized, keywords escaped")
    func object() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          {}
        components:
          schemas:
            Account:
              type: object
              description: An account.
              required: [id, default]
              properties:
                id:
                  type: string
                  description: The account's ID.
                pinned_tweet_id:
                  type: string
                  description: Its pinned Tweet.
                default:
                  type: boolean
                  description: Whether it is the default account.
                self:
                  type: string
                  description: A link to itself.
        """#
        expectSame(body(try generate(spec)[.models]), #"""
        /// An account.
        public struct Account: Codable, Hashable, Sendable {
            /// The account's ID.
            public var id: String
            /// Its pinned Tweet.
            public var pinnedTweetID: String?
            /// Whether it is the default account.
            public var `default`: Bool
            /// A link to itself.
            public var `self`: String?

            /// Creates a value from its members.
            public init(
                id: String,
                pinnedTweetID: String? = nil,
                default: Bool,
                self selfValue: String? = nil
            ) {
                self.id = id
                self.pinnedTweetID = pinnedTweetID
                self.default = `default`
                self.`self` = selfValue
            }

            /// Decodes the members from a JSON object.
            public init(from decoder: any Decoder) throws {
                let members = try decoder.container(keyedBy: JSONMemberKey.self)
                self.id = try members.member("id")
                self.pinnedTweetID = try members.optionalMember("pinned_tweet_id")
                self.default = try members.member("default")
                self.`self` = try members.optionalMember("self")
            }

            /// Encodes the members as a JSON object.
            public func encode(to encoder: any Encoder) throws {
                var members = encoder.container(keyedBy: JSONMemberKey.self)
                try members.encodeMember(self.id, "id")
                try members.encodeMemberIfPresent(self.pinnedTweetID, "pinned_tweet_id")
                try members.encodeMember(self.default, "default")
                try members.encodeMemberIfPresent(self.`self`, "self")
            }
        }

        """#)
    }

    @Test("OpenAPI 3.0 nullable members are optional, and a required one still encodes null")
    func nullable30() throws {
        let spec = #"""
        openapi: 3.0.3
        info:
          title: Snippet
          version: "1.0"
        paths:
          {}
        components:
          schemas:
            Profile:
              type: object
              required: [bio]
              properties:
                bio:
                  type: string
                  nullable: true
                  description: Required, but may be null.
                location:
                  type: string
                  nullable: true
                  description: Optional and nullable.
        """#
        expectSame(body(try generate(spec)[.models]), #"""
        /// The `Profile` schema.
        public struct Profile: Codable, Hashable, Sendable {
            /// Required, but may be null.
            public var bio: String?
            /// Optional and nullable.
            public var location: String?

            /// Creates a value from its members.
            public init(bio: String? = nil, location: String? = nil) {
                self.bio = bio
                self.location = location
            }

            /// Decodes the members from a JSON object.
            public init(from decoder: any Decoder) throws {
                let members = try decoder.container(keyedBy: JSONMemberKey.self)
                self.bio = try members.optionalMember("bio")
                self.location = try members.optionalMember("location")
            }

            /// Encodes the members as a JSON object.
            public func encode(to encoder: any Encoder) throws {
                var members = encoder.container(keyedBy: JSONMemberKey.self)
                try members.encodeMember(self.bio, "bio")
                try members.encodeMemberIfPresent(self.location, "location")
            }
        }

        """#)
    }

    @Test("OpenAPI 3.1 type lists with null are optional, in members and array elements")
    func nullable31() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          {}
        components:
          schemas:
            Profile:
              type: object
              required: [bio]
              properties:
                bio:
                  type: [string, "null"]
                  description: Required, but may be null.
                tags:
                  type: array
                  description: Tags, some unknown.
                  items:
                    type: [string, "null"]
        """#
        expectSame(body(try generate(spec)[.models]), #"""
        /// The `Profile` schema.
        public struct Profile: Codable, Hashable, Sendable {
            /// Required, but may be null.
            public var bio: String?
            /// Tags, some unknown.
            public var tags: [String?]?

            /// Creates a value from its members.
            public init(bio: String? = nil, tags: [String?]? = nil) {
                self.bio = bio
                self.tags = tags
            }

            /// Decodes the members from a JSON object.
            public init(from decoder: any Decoder) throws {
                let members = try decoder.container(keyedBy: JSONMemberKey.self)
                self.bio = try members.optionalMember("bio")
                self.tags = try members.optionalMember("tags")
            }

            /// Encodes the members as a JSON object.
            public func encode(to encoder: any Encoder) throws {
                var members = encoder.container(keyedBy: JSONMemberKey.self)
                try members.encodeMember(self.bio, "bio")
                try members.encodeMemberIfPresent(self.tags, "tags")
            }
        }

        """#)
    }

    @Test("Formats choose the Swift type: int32, int64, float, double, date-time, uri")
    func formats() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          {}
        components:
          schemas:
            Metrics:
              type: object
              required: [count]
              properties:
                count:
                  type: integer
                  format: int32
                  description: A 32-bit count.
                total:
                  type: integer
                  format: int64
                  description: A 64-bit total.
                plain:
                  type: integer
                  description: An integer without a format.
                ratio:
                  type: number
                  format: float
                  description: A float.
                score:
                  type: number
                  description: A double.
                seen_at:
                  type: string
                  format: date-time
                  description: When.
                homepage:
                  type: string
                  format: uri
                  description: Where.
        """#
        expectSame(body(try generate(spec)[.models]), #"""
        /// The `Metrics` schema.
        public struct Metrics: Codable, Hashable, Sendable {
            /// A 32-bit count.
            public var count: Int32
            /// A 64-bit total.
            public var total: Int64?
            /// An integer without a format.
            public var plain: Int?
            /// A float.
            public var ratio: Float?
            /// A double.
            public var score: Double?
            /// When.
            public var seenAt: Date?
            /// Where.
            public var homepage: URL?

            /// Creates a value from its members.
            public init(
                count: Int32,
                total: Int64? = nil,
                plain: Int? = nil,
                ratio: Float? = nil,
                score: Double? = nil,
                seenAt: Date? = nil,
                homepage: URL? = nil
            ) {
                self.count = count
                self.total = total
                self.plain = plain
                self.ratio = ratio
                self.score = score
                self.seenAt = seenAt
                self.homepage = homepage
            }

            /// Decodes the members from a JSON object.
            public init(from decoder: any Decoder) throws {
                let members = try decoder.container(keyedBy: JSONMemberKey.self)
                self.count = try members.member("count")
                self.total = try members.optionalMember("total")
                self.plain = try members.optionalMember("plain")
                self.ratio = try members.optionalMember("ratio")
                self.score = try members.optionalMember("score")
                self.seenAt = try members.optionalMember("seen_at")
                self.homepage = try members.optionalMember("homepage")
            }

            /// Encodes the members as a JSON object.
            public func encode(to encoder: any Encoder) throws {
                var members = encoder.container(keyedBy: JSONMemberKey.self)
                try members.encodeMember(self.count, "count")
                try members.encodeMemberIfPresent(self.total, "total")
                try members.encodeMemberIfPresent(self.plain, "plain")
                try members.encodeMemberIfPresent(self.ratio, "ratio")
                try members.encodeMemberIfPresent(self.score, "score")
                try members.encodeMemberIfPresent(self.seenAt, "seen_at")
                try members.encodeMemberIfPresent(self.homepage, "homepage")
            }
        }

        """#)
    }

    @Test("String enums keep an unknown case so a new value never breaks decoding")
    func stringEnum() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          {}
        components:
          schemas:
            Visibility:
              type: string
              description: Who can see it.
              enum: [public, followers_only, "none"]
        """#
        expectSame(body(try generate(spec)[.models]), #"""
        /// Who can see it.
        public enum Visibility: Hashable, Sendable {
            /// `public`
            case `public`
            /// `followers_only`
            case followersOnly
            /// `none`
            case none
            /// A value this code does not know yet, kept as it was sent so decoding never fails on a new one.
            case unknown(String)
        }

        extension Visibility: OpenStringEnum {
            /// Creates the case for a raw value; an unknown value becomes ``unknown(_:)``.
            public init(rawValue: String) {
                switch rawValue {
                case "public": self = .public
                case "followers_only": self = .followersOnly
                case "none": self = .none
                default: self = .unknown(rawValue)
                }
            }

            /// The value as the API spells it.
            public var rawValue: String {
                switch self {
                case .public: "public"
                case .followersOnly: "followers_only"
                case .none: "none"
                case .unknown(let value): value
                }
            }

            /// Every value the spec lists.
            public static let allCases: [Self] = [.public, .followersOnly, .none]
        }

        """#)
    }

    @Test("A component that only names a type becomes a typealias; a string's pattern becomes a SchemaPattern constant")
    func alias() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          {}
        components:
          schemas:
            UserID:
              type: string
              description: A user's ID.
              pattern: "^[0-9]+$"
            UserIDs:
              type: array
              description: Several IDs.
              items:
                $ref: "#/components/schemas/UserID"
        """#
        expectSame(body(try generate(spec)[.models]), #"""
        /// A user's ID.
        public typealias UserID = String

        /// Several IDs.
        public typealias UserIDs = [UserID]

        /// The `pattern` of each string schema that has one, as the spec writes it: the rule the generated
        /// checks match values against, for code that checks values the same way (`ParameterRules` in
        /// XAPIRuntime).
        public enum SchemaPattern {
            /// ``UserID``: `^[0-9]+$`.
            public static let userID = "^[0-9]+$"
        }

        """#)
    }

    @Test("An inline element type is nested in its owner, named in the singular")
    func inlineElements() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          {}
        components:
          schemas:
            Tweet:
              type: object
              description: A Tweet.
              properties:
                referenced_tweets:
                  type: array
                  description: Tweets it refers to.
                  items:
                    type: object
                    required: [id]
                    properties:
                      id:
                        type: string
                        description: The referenced Tweet's ID.
        """#
        expectSame(body(try generate(spec)[.models]), #"""
        /// A Tweet.
        public struct Tweet: Codable, Hashable, Sendable {
            /// Tweets it refers to.
            public var referencedTweets: [Tweet.ReferencedTweet]?

            /// Creates a value from its members.
            public init(referencedTweets: [Tweet.ReferencedTweet]? = nil) {
                self.referencedTweets = referencedTweets
            }

            /// Decodes the members from a JSON object.
            public init(from decoder: any Decoder) throws {
                let members = try decoder.container(keyedBy: JSONMemberKey.self)
                self.referencedTweets = try members.optionalMember("referenced_tweets")
            }

            /// Encodes the members as a JSON object.
            public func encode(to encoder: any Encoder) throws {
                var members = encoder.container(keyedBy: JSONMemberKey.self)
                try members.encodeMemberIfPresent(self.referencedTweets, "referenced_tweets")
            }
        }

        extension Tweet {
            /// An element of `referenced_tweets`.
            public struct ReferencedTweet: Codable, Hashable, Sendable {
                /// The referenced Tweet's ID.
                public var id: String

                /// Creates a value from its members.
                public init(id: String) {
                    self.id = id
                }

                /// Decodes the members from a JSON object.
                public init(from decoder: any Decoder) throws {
                    let members = try decoder.container(keyedBy: JSONMemberKey.self)
                    self.id = try members.member("id")
                }

                /// Encodes the members as a JSON object.
                public func encode(to encoder: any Encoder) throws {
                    var members = encoder.container(keyedBy: JSONMemberKey.self)
                    try members.encodeMember(self.id, "id")
                }
            }
        }

        """#)
    }

    @Test("A nested type that would shadow a common type gets a Payload suffix")
    func collision() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          {}
        components:
          schemas:
            Link:
              type: object
              description: A link.
              properties:
                url:
                  type: object
                  description: The link's URL parts.
                  properties:
                    host:
                      type: string
                      description: The host.
        """#
        expectSame(body(try generate(spec)[.models]), #"""
        /// A link.
        public struct Link: Codable, Hashable, Sendable {
            /// The link's URL parts.
            public var url: Link.URLPayload?

            /// Creates a value from its members.
            public init(url: Link.URLPayload? = nil) {
                self.url = url
            }

            /// Decodes the members from a JSON object.
            public init(from decoder: any Decoder) throws {
                let members = try decoder.container(keyedBy: JSONMemberKey.self)
                self.url = try members.optionalMember("url")
            }

            /// Encodes the members as a JSON object.
            public func encode(to encoder: any Encoder) throws {
                var members = encoder.container(keyedBy: JSONMemberKey.self)
                try members.encodeMemberIfPresent(self.url, "url")
            }
        }

        extension Link {
            /// The link's URL parts.
            public struct URLPayload: Codable, Hashable, Sendable {
                /// The host.
                public var host: String?

                /// Creates a value from its members.
                public init(host: String? = nil) {
                    self.host = host
                }

                /// Decodes the members from a JSON object.
                public init(from decoder: any Decoder) throws {
                    let members = try decoder.container(keyedBy: JSONMemberKey.self)
                    self.host = try members.optionalMember("host")
                }

                /// Encodes the members as a JSON object.
                public func encode(to encoder: any Encoder) throws {
                    var members = encoder.container(keyedBy: JSONMemberKey.self)
                    try members.encodeMemberIfPresent(self.host, "host")
                }
            }
        }

        """#)
    }

    @Test("additionalProperties: a dictionary alone, or kept beside declared members")
    func additionalProperties() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          {}
        components:
          schemas:
            Labels:
              type: object
              description: Labels by name.
              additionalProperties:
                type: string
            Annotated:
              type: object
              description: A name with whatever else was sent.
              properties:
                name:
                  type: string
                  description: The name.
              additionalProperties: true
        """#
        expectSame(body(try generate(spec)[.models]), #"""
        /// Labels by name.
        public typealias Labels = [String: String]

        /// A name with whatever else was sent.
        public struct Annotated: Codable, Hashable, Sendable {
            /// The name.
            public var name: String?
            /// The members the schema does not declare, kept as they were sent.
            public var additionalProperties: [String: JSONValue]

            /// Creates a value from its members.
            public init(name: String? = nil, additionalProperties: [String: JSONValue] = [:]) {
                self.name = name
                self.additionalProperties = additionalProperties
            }

            /// Decodes the declared members, and keeps every other member in ``additionalProperties``.
            public init(from decoder: any Decoder) throws {
                let members = try decoder.container(keyedBy: JSONMemberKey.self)
                self.name = try members.optionalMember("name")
                var additionalProperties: [String: JSONValue] = [:]
                for key in members.allKeys {
                    switch key.stringValue {
                    case "name": continue
                    default: break
                    }
                    additionalProperties[key.stringValue] = try members.decode(JSONValue.self, forKey: key)
                }
                self.additionalProperties = additionalProperties
            }

            /// Encodes the declared members and ``additionalProperties``.
            public func encode(to encoder: any Encoder) throws {
                var members = encoder.container(keyedBy: JSONMemberKey.self)
                try members.encodeMemberIfPresent(self.name, "name")
                for (name, value) in additionalProperties.sorted(by: { $0.key < $1.key }) {
                    let key = JSONMemberKey(name)
                    switch key.stringValue {
                    case "name": continue
                    default: break
                    }
                    try members.encode(value, forKey: key)
                }
            }
        }

        """#)
    }

    @Test("allOf merges its members into one struct")
    func allOf() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          {}
        components:
          schemas:
            Problem:
              type: object
              description: A problem.
              required: [title]
              properties:
                title:
                  type: string
                  description: What went wrong.
            NotFoundProblem:
              description: A missing resource.
              allOf:
                - $ref: "#/components/schemas/Problem"
                - type: object
                  required: [resource_id]
                  properties:
                    resource_id:
                      type: string
                      description: The missing resource's ID.
        """#
        expectSame(body(try generate(spec)[.models]), #"""
        /// A problem.
        public struct Problem: Codable, Hashable, Sendable {
            /// What went wrong.
            public var title: String

            /// Creates a value from its members.
            public init(title: String) {
                self.title = title
            }

            /// Decodes the members from a JSON object.
            public init(from decoder: any Decoder) throws {
                let members = try decoder.container(keyedBy: JSONMemberKey.self)
                self.title = try members.member("title")
            }

            /// Encodes the members as a JSON object.
            public func encode(to encoder: any Encoder) throws {
                var members = encoder.container(keyedBy: JSONMemberKey.self)
                try members.encodeMember(self.title, "title")
            }
        }

        /// A missing resource.
        public struct NotFoundProblem: Codable, Hashable, Sendable {
            /// What went wrong.
            public var title: String
            /// The missing resource's ID.
            public var resourceID: String

            /// Creates a value from its members.
            public init(title: String, resourceID: String) {
                self.title = title
                self.resourceID = resourceID
            }

            /// Decodes the members from a JSON object.
            public init(from decoder: any Decoder) throws {
                let members = try decoder.container(keyedBy: JSONMemberKey.self)
                self.title = try members.member("title")
                self.resourceID = try members.member("resource_id")
            }

            /// Encodes the members as a JSON object.
            public func encode(to encoder: any Encoder) throws {
                var members = encoder.container(keyedBy: JSONMemberKey.self)
                try members.encodeMember(self.title, "title")
                try members.encodeMember(self.resourceID, "resource_id")
            }
        }

        """#)
    }

    @Test("oneOf with a discriminator decodes the mapped case, several values to one case")
    func discriminator() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          {}
        components:
          schemas:
            Photo:
              type: object
              description: A photo.
              required: [type]
              properties:
                type:
                  type: string
                  description: Always photo.
            Video:
              type: object
              description: A video.
              required: [type]
              properties:
                type:
                  type: string
                  description: Always video.
            Media:
              description: A photo or a video.
              oneOf:
                - $ref: "#/components/schemas/Photo"
                - $ref: "#/components/schemas/Video"
              discriminator:
                propertyName: type
                mapping:
                  photo: "#/components/schemas/Photo"
                  https://api.x.com/2/media/photo: "#/components/schemas/Photo"
                  video: "#/components/schemas/Video"
        """#
        expectSame(body(try generate(spec)[.models]), #"""
        /// A photo.
        public struct Photo: Codable, Hashable, Sendable {
            /// Always photo.
            public var type: String

            /// Creates a value from its members.
            public init(type: String) {
                self.type = type
            }

            /// Decodes the members from a JSON object.
            public init(from decoder: any Decoder) throws {
                let members = try decoder.container(keyedBy: JSONMemberKey.self)
                self.type = try members.member("type")
            }

            /// Encodes the members as a JSON object.
            public func encode(to encoder: any Encoder) throws {
                var members = encoder.container(keyedBy: JSONMemberKey.self)
                try members.encodeMember(self.type, "type")
            }
        }

        /// A video.
        public struct Video: Codable, Hashable, Sendable {
            /// Always video.
            public var type: String

            /// Creates a value from its members.
            public init(type: String) {
                self.type = type
            }

            /// Decodes the members from a JSON object.
            public init(from decoder: any Decoder) throws {
                let members = try decoder.container(keyedBy: JSONMemberKey.self)
                self.type = try members.member("type")
            }

            /// Encodes the members as a JSON object.
            public func encode(to encoder: any Encoder) throws {
                var members = encoder.container(keyedBy: JSONMemberKey.self)
                try members.encodeMember(self.type, "type")
            }
        }

        /// A photo or a video.
        public enum Media: Codable, Hashable, Sendable {
            /// A photo.
            case photo(Photo)
            /// A video.
            case video(Video)
            /// A kind this code does not know yet, kept as the JSON that was sent.
            case unknown(JSONValue)

            /// Decodes the case that `type` names; an unknown name decodes as ``unknown(_:)``.
            public init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: JSONMemberKey.self)
                let kind: String = try container.member("type")
                let value = try decoder.singleValueContainer()
                switch kind {
                case "photo", "https://api.x.com/2/media/photo":
                    self = .photo(try value.decode(Photo.self))
                case "video":
                    self = .video(try value.decode(Video.self))
                default:
                    self = .unknown(try value.decode(JSONValue.self))
                }
            }

            /// Encodes the case's value.
            public func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .photo(let value): try container.encode(value)
                case .video(let value): try container.encode(value)
                case .unknown(let value): try container.encode(value)
                }
            }
        }

        """#)
    }

    @Test("oneOf of constant-only objects becomes an enum without payloads")
    func constants() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          {}
        components:
          schemas:
            Outcome:
              description: Whether the follow took effect.
              oneOf:
                - title: following
                  description: Now following.
                  type: object
                  required: [following, pending_follow]
                  properties:
                    following:
                      const: true
                    pending_follow:
                      const: false
                - title: pending
                  description: Waiting for approval.
                  type: object
                  required: [following, pending_follow]
                  properties:
                    following:
                      const: false
                    pending_follow:
                      const: true
        """#
        expectSame(body(try generate(spec)[.models]), #"""
        /// Whether the follow took effect.
        public enum Outcome: Codable, Hashable, Sendable {
            /// Now following.
            case following
            /// Waiting for approval.
            case pending

            private enum CodingKeys: String, CodingKey {
                case following
                case pendingFollow = "pending_follow"
            }

            /// Decodes the case whose constant members the value has.
            public init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                let following = try container.decodeIfPresent(Bool.self, forKey: .following)
                let pendingFollow = try container.decodeIfPresent(Bool.self, forKey: .pendingFollow)
                switch (following, pendingFollow) {
                case (true, false): self = .following
                case (false, true): self = .pending
                default:
                    throw DecodingError.dataCorrupted(DecodingError.Context(
                        codingPath: decoder.codingPath,
                        debugDescription: "The value matches none of Outcome's cases (following, pending)."
                    ))
                }
            }

            /// Encodes the case's constant members.
            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                switch self {
                case .following:
                    try container.encode(true, forKey: .following)
                    try container.encode(false, forKey: .pendingFollow)
                case .pending:
                    try container.encode(false, forKey: .following)
                    try container.encode(true, forKey: .pendingFollow)
                }
            }
        }

        """#)
    }

    @Test("oneOf without a discriminator decodes the first alternative that matches")
    func firstMatch() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          {}
        components:
          schemas:
            Identifier:
              description: A name or a number.
              oneOf:
                - type: string
                - type: integer
        """#
        expectSame(body(try generate(spec)[.models]), #"""
        /// A name or a number.
        public enum Identifier: Codable, Hashable, Sendable {
            /// A ``String`` value.
            case string(String)
            /// A ``Int`` value.
            case integer(Int)

            /// Decodes the first alternative, in the spec's order, that the value matches.
            public init(from decoder: any Decoder) throws {
                let value = try decoder.singleValueContainer()
                if let match = try? value.decode(String.self) {
                    self = .string(match)
                    return
                }
                if let match = try? value.decode(Int.self) {
                    self = .integer(match)
                    return
                }
                throw DecodingError.dataCorruptedError(in: value, debugDescription: "The value matches none of Identifier's alternatives (string, integer).")
            }

            /// Encodes the case's value.
            public func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .string(let value): try container.encode(value)
                case .integer(let value): try container.encode(value)
                }
            }
        }

        """#)
    }

    @Test("x-swift-type uses an existing type instead of generating one")
    func swiftType() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          {}
        components:
          schemas:
            Problem:
              type: object
              description: Defined by the runtime.
              x-swift-type: Problem
            Page:
              type: object
              description: A page.
              properties:
                errors:
                  type: array
                  description: What went wrong.
                  items:
                    $ref: "#/components/schemas/Problem"
        """#
        expectSame(body(try generate(spec)[.models]), #"""
        /// A page.
        public struct Page: Codable, Hashable, Sendable {
            /// What went wrong.
            public var errors: [Problem]?

            /// Creates a value from its members.
            public init(errors: [Problem]? = nil) {
                self.errors = errors
            }

            /// Decodes the members from a JSON object.
            public init(from decoder: any Decoder) throws {
                let members = try decoder.container(keyedBy: JSONMemberKey.self)
                self.errors = try members.optionalMember("errors")
            }

            /// Encodes the members as a JSON object.
            public func encode(to encoder: any Encoder) throws {
                var members = encoder.container(keyedBy: JSONMemberKey.self)
                try members.encodeMemberIfPresent(self.errors, "errors")
            }
        }

        """#)
    }

    @Test("x-fields and x-expansions: field enums with defaults, and expansions resolved from includes")
    func fields() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          /2/users/{id}/followers:
            get:
              operationId: usersIdFollowers
              summary: Followers by User ID
              x-swift-name: followers(of:)
              x-pagination:
                items: data
                token-parameter: pagination_token
                next-token: meta.next_token
                previous-token: meta.previous_token
              x-rate-limits:
                - scope: app
                  requests: 15
                  window: 900
              security:
                - BearerToken: []
                - UserToken: []
              parameters:
                - name: id
                  in: path
                  required: true
                  description: The user whose followers to list.
                  schema:
                    $ref: "#/components/schemas/UserID"
                  example: "2244994945"
                - name: max_results
                  in: query
                  description: The page size.
                  schema:
                    type: integer
                    minimum: 1
                    maximum: 1000
                    default: 100
                - name: pagination_token
                  in: query
                  description: The page to fetch.
                  schema:
                    type: string
                - name: user.fields
                  in: query
                  description: The user fields to return.
                  schema:
                    type: array
                    uniqueItems: true
                    items:
                      type: string
                      enum: [created_at, id, name, pinned_tweet_id]
                  explode: false
                  x-fields:
                    schema: User
                    defaults: [id, name]
                - name: expansions
                  in: query
                  description: The objects to include.
                  schema:
                    type: array
                    uniqueItems: true
                    items:
                      type: string
                      enum: [pinned_tweet_id]
                  explode: false
                  x-expansions:
                    pinned_tweet_id:
                      schema: User
                      field: pinned_tweet_id
                      includes: tweets
                      target: Tweet
                      property: pinned_tweet
              responses:
                "200":
                  description: A page of users.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/Page"
        components:
          securitySchemes:
            BearerToken:
              type: http
              scheme: bearer
            UserToken:
              type: http
              scheme: OAuth
            OAuth2UserToken:
              type: oauth2
              flows:
                authorizationCode:
                  authorizationUrl: https://x.com/i/oauth2/authorize
                  tokenUrl: https://api.x.com/2/oauth2/token
                  scopes:
                    follows.write: Follow and unfollow.
          schemas:
            UserID:
              type: string
              description: A user's ID.
              pattern: "^[0-9]{1,19}$"
            User:
              type: object
              description: A user.
              required: [id, name]
              properties:
                id:
                  $ref: "#/components/schemas/UserID"
                name:
                  type: string
                  description: The display name.
                created_at:
                  type: string
                  format: date-time
                  description: When the account was created.
                pinned_tweet_id:
                  type: string
                  description: The pinned Tweet's ID.
            Tweet:
              type: object
              description: A Tweet.
              required: [id]
              properties:
                id:
                  type: string
                  description: The Tweet's ID.
            Includes:
              type: object
              description: Expanded objects.
              properties:
                tweets:
                  type: array
                  description: Pinned Tweets.
                  items:
                    $ref: "#/components/schemas/Tweet"
            Meta:
              type: object
              description: Page metadata.
              properties:
                next_token:
                  type: string
                  description: The next page.
                previous_token:
                  type: string
                  description: The previous page.
            Page:
              type: object
              description: A page of users.
              properties:
                data:
                  type: array
                  description: The users.
                  items:
                    $ref: "#/components/schemas/User"
                includes:
                  $ref: "#/components/schemas/Includes"
                meta:
                  $ref: "#/components/schemas/Meta"
        """#
        expectSame(body(try generate(spec)[.fields]), #"""
        extension User {
            /// The fields of ``User`` a request can ask for.
            ///
            /// `id`, `name` always come back (see ``defaults``); the others only when asked for.
            public enum Field: Hashable, Sendable {
                /// When the account was created.
                case createdAt
                /// A user's ID. Always included.
                case id
                /// The display name. Always included.
                case name
                /// The pinned Tweet's ID.
                case pinnedTweetID
                /// A value this code does not know yet, kept as it was sent so decoding never fails on a new one.
                case unknown(String)
            }
        }

        extension User.Field: OpenStringEnum {
            /// Creates the case for a raw value; an unknown value becomes ``unknown(_:)``.
            public init(rawValue: String) {
                switch rawValue {
                case "created_at": self = .createdAt
                case "id": self = .id
                case "name": self = .name
                case "pinned_tweet_id": self = .pinnedTweetID
                default: self = .unknown(rawValue)
                }
            }

            /// The value as the API spells it.
            public var rawValue: String {
                switch self {
                case .createdAt: "created_at"
                case .id: "id"
                case .name: "name"
                case .pinnedTweetID: "pinned_tweet_id"
                case .unknown(let value): value
                }
            }

            /// Every value the spec lists.
            public static let allCases: [Self] = [.createdAt, .id, .name, .pinnedTweetID]

            /// The fields every response includes, whether a request asks for them or not.
            public static let defaults: Set<Self> = [.id, .name]
        }

        extension User {
            /// This value with only the given fields: each optional member whose field is not in `fields`
            /// becomes `nil`, as a server leaves out the fields a request did not select. Members the schema
            /// requires stay.
            ///
            /// ```swift
            /// let answered = full.restricted(to: User.Field.defaults.union(requested))
            /// ```
            public func restricted(to fields: Set<User.Field>) -> User {
                var restricted = self
                if !fields.contains(.createdAt) { restricted.createdAt = nil }
                if !fields.contains(.pinnedTweetID) { restricted.pinnedTweetID = nil }
                return restricted
            }
        }

        extension User {
            /// The related objects a request can ask to include alongside the data.
            public enum Expansion: Hashable, Sendable {
                /// Includes the ``Tweet`` that `pinned_tweet_id` refers to, in `includes.tweets`.
                case pinnedTweetID
                /// A value this code does not know yet, kept as it was sent so decoding never fails on a new one.
                case unknown(String)
            }
        }

        extension User.Expansion: OpenStringEnum {
            /// Creates the case for a raw value; an unknown value becomes ``unknown(_:)``.
            public init(rawValue: String) {
                switch rawValue {
                case "pinned_tweet_id": self = .pinnedTweetID
                default: self = .unknown(rawValue)
                }
            }

            /// The value as the API spells it.
            public var rawValue: String {
                switch self {
                case .pinnedTweetID: "pinned_tweet_id"
                case .unknown(let value): value
                }
            }

            /// Every value the spec lists.
            public static let allCases: [Self] = [.pinnedTweetID]
        }

        extension User.Expansion {
            /// The field of the data object that holds the expanded object's ID (a dotted path for a nested
            /// one), which a server returns with the expansion; `nil` for an expansion the spec does not list.
            public var sourceField: String? {
                switch self {
                case .pinnedTweetID: "pinned_tweet_id"
                case .unknown: nil
                }
            }
        }

        extension Page {
            /// This response with each data object's expanded objects filled in: `pinnedTweet` from
            /// `includes.tweets`.
            ///
            /// The client functions return responses already resolved; call this when you decode a response
            /// yourself.
            public func resolvingExpansions() -> Page {
                var resolved = self
                let tweetsByID = Dictionary((self.includes?.tweets ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                resolved.data = self.data?.map { user in
                    var user = user
                    user.pinnedTweet = user.pinnedTweetID.flatMap { tweetsByID[$0] }
                    return user
                }
                return resolved
            }
        }

        """#)
    }

    @Test("Operations become descriptors and parameter descriptions; x-pagination makes the response a page")
    func operations() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          /2/users/{id}/followers:
            get:
              operationId: usersIdFollowers
              summary: Followers by User ID
              x-swift-name: followers(of:)
              x-pagination:
                items: data
                token-parameter: pagination_token
                next-token: meta.next_token
                previous-token: meta.previous_token
              x-rate-limits:
                - scope: app
                  requests: 15
                  window: 900
              security:
                - BearerToken: []
                - UserToken: []
              parameters:
                - name: id
                  in: path
                  required: true
                  description: The user whose followers to list.
                  schema:
                    $ref: "#/components/schemas/UserID"
                  example: "2244994945"
                - name: max_results
                  in: query
                  description: The page size.
                  schema:
                    type: integer
                    minimum: 1
                    maximum: 1000
                    default: 100
                - name: pagination_token
                  in: query
                  description: The page to fetch.
                  schema:
                    type: string
                - name: user.fields
                  in: query
                  description: The user fields to return.
                  schema:
                    type: array
                    uniqueItems: true
                    items:
                      type: string
                      enum: [created_at, id, name, pinned_tweet_id]
                  explode: false
                  x-fields:
                    schema: User
                    defaults: [id, name]
                - name: expansions
                  in: query
                  description: The objects to include.
                  schema:
                    type: array
                    uniqueItems: true
                    items:
                      type: string
                      enum: [pinned_tweet_id]
                  explode: false
                  x-expansions:
                    pinned_tweet_id:
                      schema: User
                      field: pinned_tweet_id
                      includes: tweets
                      target: Tweet
                      property: pinned_tweet
              responses:
                "200":
                  description: A page of users.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/Page"
        components:
          securitySchemes:
            BearerToken:
              type: http
              scheme: bearer
            UserToken:
              type: http
              scheme: OAuth
            OAuth2UserToken:
              type: oauth2
              flows:
                authorizationCode:
                  authorizationUrl: https://x.com/i/oauth2/authorize
                  tokenUrl: https://api.x.com/2/oauth2/token
                  scopes:
                    follows.write: Follow and unfollow.
          schemas:
            UserID:
              type: string
              description: A user's ID.
              pattern: "^[0-9]{1,19}$"
            User:
              type: object
              description: A user.
              required: [id, name]
              properties:
                id:
                  $ref: "#/components/schemas/UserID"
                name:
                  type: string
                  description: The display name.
                created_at:
                  type: string
                  format: date-time
                  description: When the account was created.
                pinned_tweet_id:
                  type: string
                  description: The pinned Tweet's ID.
            Tweet:
              type: object
              description: A Tweet.
              required: [id]
              properties:
                id:
                  type: string
                  description: The Tweet's ID.
            Includes:
              type: object
              description: Expanded objects.
              properties:
                tweets:
                  type: array
                  description: Pinned Tweets.
                  items:
                    $ref: "#/components/schemas/Tweet"
            Meta:
              type: object
              description: Page metadata.
              properties:
                next_token:
                  type: string
                  description: The next page.
                previous_token:
                  type: string
                  description: The previous page.
            Page:
              type: object
              description: A page of users.
              properties:
                data:
                  type: array
                  description: The users.
                  items:
                    $ref: "#/components/schemas/User"
                includes:
                  $ref: "#/components/schemas/Includes"
                meta:
                  $ref: "#/components/schemas/Meta"
        """#
        expectSame(body(try generate(spec)[.operations]), #"""
        extension OperationDescriptor {
            /// `GET /2/users/{id}/followers`: Followers by User ID.
            ///
            /// - Rate limits: 15 requests per 15 minutes per App.
            public static let usersIdFollowers = OperationDescriptor(
                id: "usersIdFollowers",
                method: .get,
                path: "/2/users/{id}/followers",
                security: [
                    .appOnly,
                    .oauth1UserContext,
                ],
                rateLimits: [RateLimitRule(scope: .app, requests: 15, windowSeconds: 900)],
                dailyCaps: [],
                isIdempotent: true,
                pagination: OperationPagination(tokenParameter: "pagination_token")
            )
        }

        extension OperationParameter {
            /// The parameters of `GET /2/users/{id}/followers` (``OperationDescriptor/usersIdFollowers``), as
            /// the spec names and bounds them.
            public enum UsersIDFollowers {
                /// `id`, in the path: The user whose followers to list.
                public static let id = OperationParameter(
                    name: "id",
                    location: .path,
                    pattern: "^[0-9]{1,19}$"
                )

                /// `max_results`, in the query: The page size.
                public static let maxResults = OperationParameter(
                    name: "max_results",
                    location: .query,
                    minimum: 1,
                    maximum: 1000
                )

                /// `pagination_token`, in the query: The page to fetch.
                public static let paginationToken = OperationParameter(
                    name: "pagination_token",
                    location: .query
                )

                /// `user.fields`, in the query: The user fields to return.
                public static let userFields = OperationParameter(name: "user.fields", location: .query)

                /// `expansions`, in the query: The objects to include.
                public static let expansions = OperationParameter(name: "expansions", location: .query)
            }
        }

        extension OAuth2Scope {
            /// Follow and unfollow.
            ///
            /// - Note: `follows.write`.
            public static let followsWrite = OAuth2Scope(rawValue: "follows.write")

            /// Every scope the spec's OAuth 2.0 security schemes define, in the spec's order.
            public static let all: [OAuth2Scope] = [.followsWrite]
        }

        extension OAuth2Endpoints {
            /// The endpoints of the `OAuth2UserToken` security scheme.
            ///
            /// Point them at another server, such as x-sandbox, keeping their paths:
            ///
            /// ```swift
            /// let local = OAuth2Endpoints.oAuth2UserToken.relocated(to: URL(string: "http://127.0.0.1:8080")!)
            /// ```
            public static let oAuth2UserToken = OAuth2Endpoints(
                authorizationURL: URL(string: "https://x.com/i/oauth2/authorize")!,
                tokenURL: URL(string: "https://api.x.com/2/oauth2/token")!
            )
        }

        extension Page: PaginatedResponse {
            /// The page's `data`; empty when it has none.
            public var items: [User] { self.data ?? [] }

            /// The token of the next page, `meta.next_token`; `nil` on the last page.
            public var nextToken: String? { self.meta?.nextToken }

            /// The token of the previous page, `meta.previous_token`; `nil` on the first page.
            public var previousToken: String? { self.meta?.previousToken }
        }

        """#)
    }

    @Test("A lookup becomes a typed function with validation, and a page sequence")
    func lookupClient() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          /2/users/{id}/followers:
            get:
              operationId: usersIdFollowers
              summary: Followers by User ID
              x-swift-name: followers(of:)
              x-pagination:
                items: data
                token-parameter: pagination_token
                next-token: meta.next_token
                previous-token: meta.previous_token
              x-rate-limits:
                - scope: app
                  requests: 15
                  window: 900
              security:
                - BearerToken: []
                - UserToken: []
              parameters:
                - name: id
                  in: path
                  required: true
                  description: The user whose followers to list.
                  schema:
                    $ref: "#/components/schemas/UserID"
                  example: "2244994945"
                - name: max_results
                  in: query
                  description: The page size.
                  schema:
                    type: integer
                    minimum: 1
                    maximum: 1000
                    default: 100
                - name: pagination_token
                  in: query
                  description: The page to fetch.
                  schema:
                    type: string
                - name: user.fields
                  in: query
                  description: The user fields to return.
                  schema:
                    type: array
                    uniqueItems: true
                    items:
                      type: string
                      enum: [created_at, id, name, pinned_tweet_id]
                  explode: false
                  x-fields:
                    schema: User
                    defaults: [id, name]
                - name: expansions
                  in: query
                  description: The objects to include.
                  schema:
                    type: array
                    uniqueItems: true
                    items:
                      type: string
                      enum: [pinned_tweet_id]
                  explode: false
                  x-expansions:
                    pinned_tweet_id:
                      schema: User
                      field: pinned_tweet_id
                      includes: tweets
                      target: Tweet
                      property: pinned_tweet
              responses:
                "200":
                  description: A page of users.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/Page"
        components:
          securitySchemes:
            BearerToken:
              type: http
              scheme: bearer
            UserToken:
              type: http
              scheme: OAuth
            OAuth2UserToken:
              type: oauth2
              flows:
                authorizationCode:
                  authorizationUrl: https://x.com/i/oauth2/authorize
                  tokenUrl: https://api.x.com/2/oauth2/token
                  scopes:
                    follows.write: Follow and unfollow.
          schemas:
            UserID:
              type: string
              description: A user's ID.
              pattern: "^[0-9]{1,19}$"
            User:
              type: object
              description: A user.
              required: [id, name]
              properties:
                id:
                  $ref: "#/components/schemas/UserID"
                name:
                  type: string
                  description: The display name.
                created_at:
                  type: string
                  format: date-time
                  description: When the account was created.
                pinned_tweet_id:
                  type: string
                  description: The pinned Tweet's ID.
            Tweet:
              type: object
              description: A Tweet.
              required: [id]
              properties:
                id:
                  type: string
                  description: The Tweet's ID.
            Includes:
              type: object
              description: Expanded objects.
              properties:
                tweets:
                  type: array
                  description: Pinned Tweets.
                  items:
                    $ref: "#/components/schemas/Tweet"
            Meta:
              type: object
              description: Page metadata.
              properties:
                next_token:
                  type: string
                  description: The next page.
                previous_token:
                  type: string
                  description: The previous page.
            Page:
              type: object
              description: A page of users.
              properties:
                data:
                  type: array
                  description: The users.
                  items:
                    $ref: "#/components/schemas/User"
                includes:
                  $ref: "#/components/schemas/Includes"
                meta:
                  $ref: "#/components/schemas/Meta"
        """#
        expectSame(body(try generate(spec)[.clients]), #"""
        extension XAPIClient {
            /// Followers by User ID.
            ///
            /// ```swift
            /// let response = try await client.followers(of: "2244994945")
            /// ```
            ///
            /// - Authentication: OAuth 2.0 App-only bearer token; OAuth 1.0a user context.
            /// - Rate limits: 15 requests per 15 minutes per App.
            /// - Parameters:
            ///   - id: The user whose followers to list.
            ///   - maxResults: The page size. (1–1000; default 100.)
            ///   - paginationToken: The page to fetch.
            ///   - userFields: The user fields to return.
            ///   - expansions: The objects to include.
            /// - Returns: The `200` response with ``Page``, its headers and rate-limit status. A page of users.
            /// - Throws: `XAPIError`, before any request when an argument breaks the spec's rules or the
            ///   credentials cannot call this operation, and for a failed request or a response that does not
            ///   decode.
            public func followers(
                of id: UserID,
                maxResults: Int = 100,
                paginationToken: String? = nil,
                userFields: Set<User.Field> = [],
                expansions: Set<User.Expansion> = []
            ) async throws -> APIResponse<Page> {
                let operation = OperationDescriptor.usersIdFollowers
                try ParameterValidation.check(id, pattern: "^[0-9]{1,19}$", parameter: "id", operation: operation.id)
                try ParameterValidation.check(maxResults, minimum: 1, maximum: 1000, parameter: "max_results", operation: operation.id)
                try ParameterValidation.checkEachListed(userFields, parameter: "user.fields", operation: operation.id)
                try ParameterValidation.checkEachListed(expansions, parameter: "expansions", operation: operation.id)
                var request = OperationRequest(operation)
                request.setPathParameter("id", value: id)
                request.appendQueryItem("max_results", parameter: maxResults)
                request.appendQueryItem("pagination_token", parameter: paginationToken)
                request.appendQueryItems("user.fields", userFields, explode: false)
                request.appendQueryItems("expansions", expansions, explode: false)
                return try await send(request, decoding: Page.self).map { $0.resolvingExpansions() }
            }

            /// Every page of ``followers(of:maxResults:paginationToken:userFields:expansions:)``, fetched as
            /// you iterate.
            ///
            /// Each page is requested with the same arguments and the previous page's token; the walk ends on
            /// the last page (or, going backward, the first), and throws instead of looping if the API repeats
            /// a token. Iterate `Pages.items` for the users themselves.
            ///
            /// ```swift
            /// for try await user in client.followersPages(of: "2244994945").items {
            ///     print(user)
            /// }
            /// ```
            ///
            /// - Parameters:
            ///   - id: The user whose followers to list.
            ///   - maxResults: The page size.
            ///   - userFields: The user fields to return.
            ///   - expansions: The objects to include.
            ///   - direction: `.forward` follows `next_token`; `.backward` follows `previous_token`.
            ///   - token: The page to start at; `nil` starts at the first page.
            /// - Returns: An `AsyncSequence` of pages, each an `APIResponse` of ``Page``.
            public func followersPages(
                of id: UserID,
                maxResults: Int = 100,
                userFields: Set<User.Field> = [],
                expansions: Set<User.Expansion> = [],
                direction: PageDirection = .forward,
                startingAt token: String? = nil
            ) -> Pages<Page> {
                Pages(direction: direction, startingAt: token, operation: OperationDescriptor.usersIdFollowers.id) { token in
                    try await self.followers(of: id, maxResults: maxResults, paginationToken: token, userFields: userFields, expansions: expansions)
                }
            }
        }

        """#)
    }

    @Test("Security decides the client: user context only, app-only only; the authenticated user defaults")
    func userAndAppClients() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          /2/users/{id}/following:
            post:
              operationId: usersIdFollow
              summary: Follow User
              x-swift-name: follow(_:)
              x-idempotent: true
              x-daily-caps:
                - scope: user
                  limit: 400
              security:
                - OAuth2UserToken: [follows.write]
              parameters:
                - name: id
                  in: path
                  required: true
                  description: The authenticated user.
                  schema:
                    type: string
                    pattern: "^[0-9]{1,19}$"
                  x-authenticated-user: true
                  x-swift-name: as
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: "#/components/schemas/FollowRequest"
              responses:
                "200":
                  description: Followed.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/FollowResult"
          /2/apps/stats:
            get:
              operationId: appStats
              summary: App statistics
              security:
                - BearerToken: []
              responses:
                "200":
                  description: The statistics.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/FollowResult"
        components:
          securitySchemes:
            BearerToken:
              type: http
              scheme: bearer
            UserToken:
              type: http
              scheme: OAuth
            OAuth2UserToken:
              type: oauth2
              flows:
                authorizationCode:
                  authorizationUrl: https://x.com/i/oauth2/authorize
                  tokenUrl: https://api.x.com/2/oauth2/token
                  scopes:
                    follows.write: Follow and unfollow.
          schemas:
            FollowRequest:
              type: object
              description: Whom to follow.
              required: [target_user_id]
              properties:
                target_user_id:
                  type: string
                  description: The user to follow.
                  pattern: "^[0-9]{1,19}$"
                  example: "2244994945"
            FollowResult:
              type: object
              description: The result.
              properties:
                following:
                  type: boolean
                  description: Whether the user is followed now.
        """#
        expectSame(body(try generate(spec)[.clients]), #"""
        extension XAPIClient where Context == UserContext {
            /// Follow User.
            ///
            /// ```swift
            /// let response = try await client.follow("2244994945")
            /// ```
            ///
            /// - Authentication: OAuth 2.0 user context with scopes `follows.write`.
            /// - Daily caps: 400 per 24 hours per user.
            /// - Note: Repeating the request changes nothing more, so clients may retry it.
            /// - Parameters:
            ///   - targetUserID: The user to follow.
            ///   - id: The authenticated user. `nil` (the default) means the authenticated user; another user's
            ///     ID throws before any request.
            /// - Returns: The `200` response with ``FollowResult``, its headers and rate-limit status.
            ///   Followed.
            /// - Throws: `XAPIError`, before any request when an argument breaks the spec's rules or the
            ///   credentials cannot call this operation, and for a failed request or a response that does not
            ///   decode.
            @discardableResult
            public func follow(
                _ targetUserID: String,
                as id: String? = nil
            ) async throws -> APIResponse<FollowResult> {
                let operation = OperationDescriptor.usersIdFollow
                let id = try authenticatedUserID(id, parameter: "id", operation: operation)
                try ParameterValidation.check(targetUserID, pattern: "^[0-9]{1,19}$", parameter: "target_user_id", operation: operation.id)
                try ParameterValidation.check(id, pattern: "^[0-9]{1,19}$", parameter: "id", operation: operation.id)
                var request = OperationRequest(operation)
                request.setPathParameter("id", value: id)
                request.actingUserID = id
                try request.setJSONBody(FollowRequest(targetUserID: targetUserID))
                return try await send(request, decoding: FollowResult.self)
            }
        }

        extension XAPIClient where Context == AppOnlyContext {
            /// App statistics.
            ///
            /// ```swift
            /// let response = try await client.appStats()
            /// ```
            ///
            /// - Authentication: OAuth 2.0 App-only bearer token.
            /// - Returns: The `200` response with ``FollowResult``, its headers and rate-limit status. The
            ///   statistics.
            /// - Throws: `XAPIError`, before any request when an argument breaks the spec's rules or the
            ///   credentials cannot call this operation, and for a failed request or a response that does not
            ///   decode.
            public func appStats() async throws -> APIResponse<FollowResult> {
                let operation = OperationDescriptor.appStats
                let request = OperationRequest(operation)
                return try await send(request, decoding: FollowResult.self)
            }
        }

        """#)
    }

    @Test("A parameter component's enum becomes a top-level type named after it")
    func parameterEnum() throws {
        let spec = #"""
        openapi: 3.1.0
        info:
          title: Snippet
          version: "1.0"
        paths:
          /2/users/me:
            get:
              operationId: findMyUser
              summary: Me
              parameters:
                - $ref: "#/components/parameters/UserFieldsParameter"
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          id:
                            type: string
        components:
          parameters:
            UserFieldsParameter:
              name: user.fields
              in: query
              description: User fields.
              schema:
                type: array
                uniqueItems: true
                items:
                  type: string
                  enum: [created_at, id]
              explode: false
          schemas:
            {}
        """#
        expectSame(body(try generate(spec)[.operations]), #"""
        extension OperationDescriptor {
            /// `GET /2/users/me`: Me.
            public static let findMyUser = OperationDescriptor(
                id: "findMyUser",
                method: .get,
                path: "/2/users/me",
                security: [],
                rateLimits: [],
                dailyCaps: [],
                isIdempotent: true
            )
        }

        extension OperationParameter {
            /// The parameters of `GET /2/users/me` (``OperationDescriptor/findMyUser``), as the spec names and
            /// bounds them.
            public enum FindMyUser {
                /// `user.fields`, in the query: User fields.
                public static let userFields = OperationParameter(name: "user.fields", location: .query)
            }
        }

        /// A value of the `user.fields` parameter.
        public enum UserField: Hashable, Sendable {
            /// `created_at`
            case createdAt
            /// `id`
            case id
            /// A value this code does not know yet, kept as it was sent so decoding never fails on a new one.
            case unknown(String)
        }

        extension UserField: OpenStringEnum {
            /// Creates the case for a raw value; an unknown value becomes ``unknown(_:)``.
            public init(rawValue: String) {
                switch rawValue {
                case "created_at": self = .createdAt
                case "id": self = .id
                default: self = .unknown(rawValue)
                }
            }

            /// The value as the API spells it.
            public var rawValue: String {
                switch self {
                case .createdAt: "created_at"
                case .id: "id"
                case .unknown(let value): value
                }
            }

            /// Every value the spec lists.
            public static let allCases: [Self] = [.createdAt, .id]
        }

        /// The `200` response body of `findMyUser`.
        public struct FindMyUserResponse: Codable, Hashable, Sendable {
            /// The `id` member.
            public var id: String?

            /// Creates a value from its members.
            public init(id: String? = nil) {
                self.id = id
            }

            /// Decodes the members from a JSON object.
            public init(from decoder: any Decoder) throws {
                let members = try decoder.container(keyedBy: JSONMemberKey.self)
                self.id = try members.optionalMember("id")
            }

            /// Encodes the members as a JSON object.
            public func encode(to encoder: any Encoder) throws {
                var members = encoder.container(keyedBy: JSONMemberKey.self)
                try members.encodeMemberIfPresent(self.id, "id")
            }
        }

        """#)
    }
}
