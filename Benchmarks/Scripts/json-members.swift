// Compiled with Sources/XFollowsCLI/Internal/JSONMembers.swift by Benchmarks/Scripts/json-members.
import Foundation

let user = #"{"created_at":"2020-06-05T17:42:13.000Z","description":"Every field, for testing the follows endpoints with a long description at the limit 🧪 #tests @XDevelopers https://t.co/abc","entities":{"description":{"hashtags":[{"start":70,"end":76,"tag":"tests"}],"mentions":[{"start":77,"end":89,"username":"XDevelopers"}]},"url":{"urls":[{"start":0,"end":23,"url":"https://t.co/xyz","expanded_url":"https://example.com","display_url":"example.com"}]}},"id":"1268998433473576961","location":"Everywhere","name":"Every Field 🧪","pinned_tweet_id":"1849102233445566778","profile_image_url":"https://pbs.twimg.com/profile_images/1/x_normal.jpg","protected":false,"public_metrics":{"followers_count":2013,"following_count":7,"tweet_count":1337,"listed_count":42,"like_count":4242},"url":"https://t.co/xyz","username":"every_field","verified":true,"verified_type":"blue","withheld":{"country_codes":["DE","FR"],"scope":"user"}}"#
let bytes = Array(user.utf8)
let data = Data(user.utf8)
let n = 100_000
var checksum = 0
var start = Date()
for _ in 0..<n {
    let members = try JSONMembers.parse(bytes)
    checksum &+= members.members.count
    if let metrics = members["public_metrics"] { checksum &+= try JSONMembers.parse(metrics.raw).members.count }
}
let scan = Date().timeIntervalSince(start)
start = Date()
for _ in 0..<n {
    let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    checksum &+= object.count
    if let metrics = object["public_metrics"] as? [String: Any] { checksum &+= metrics.count }
}
let serialization = Date().timeIntervalSince(start)
enum Any2: Decodable { case value; init(from decoder: any Decoder) throws { self = .value } }
struct Loose: Decodable {
    var values: [String: JSONValueLite]
    init(from decoder: any Decoder) throws { values = try decoder.singleValueContainer().decode([String: JSONValueLite].self) }
}
indirect enum JSONValueLite: Decodable {
    case string(String), number(Double), bool(Bool), null, array([JSONValueLite]), object([String: JSONValueLite])
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null } else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) } else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValueLite].self) { self = .array(a) } else { self = .object(try c.decode([String: JSONValueLite].self)) }
    }
}
start = Date()
let decoder = JSONDecoder()
for _ in 0..<n {
    let loose = try decoder.decode(Loose.self, from: data)
    checksum &+= loose.values.count
}
let decodable = Date().timeIntervalSince(start)
print(String(format: "JSONMembers %.0f users/s; JSONSerialization %.0f users/s (%.1fx slower); JSONDecoder into a JSON value %.0f users/s (%.1fx slower); %d", Double(n)/scan, Double(n)/serialization, serialization/scan, Double(n)/decodable, decodable/scan, checksum))
