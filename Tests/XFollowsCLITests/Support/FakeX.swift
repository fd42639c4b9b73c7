import Foundation
import HTTPTypes
import OpenAPIRuntime
import XFollows

/// A small in-memory X for unit tests of the CLI's logic: users, followers, follows, user
/// lookups and `/2/users/me`, over the generated client's real requests (a `ClientTransport`).
/// It pages with opaque tokens, answers unknown users with X's not-found errors, makes a
/// protected target pending, and can fail a chosen request to act as a crash.
final class FakeX: ClientTransport, @unchecked Sendable {
    struct Account {
        var id: String
        var username: String
        var protected = false
    }

    private let lock = NSLock()
    private(set) var accounts: [Account]
    private var followers: [String: [String]] = [:]
    private(set) var follows: [(source: String, target: String)] = []
    private var requestLog: [String] = []
    /// The authenticated user (`/2/users/me`).
    let me: String
    /// A request index (counting from 0) that fails with a transport error.
    var failAt: Int?

    init(accounts: [Account], me: String) {
        self.accounts = accounts
        self.me = me
    }

    /// `count` ordinary accounts following `target`, ids from 1_000_000.
    static func withFollowers(_ count: Int, of target: Account, me: Account) -> FakeX {
        let people = (0..<count).map { Account(id: String(1_000_000 + $0), username: "person_\($0)") }
        let fake = FakeX(accounts: [target, me] + people, me: me.id)
        fake.followers[target.id] = people.map(\.id)
        return fake
    }

    var requests: [String] { lock.withLock { requestLog } }
    func setFailAt(_ index: Int?) { lock.withLock { failAt = index } }
    func protect(_ id: String) { lock.withLock { if let i = accounts.firstIndex(where: { $0.id == id }) { accounts[i].protected = true } } }
    var followCount: Int { lock.withLock { follows.count } }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        let data: Data? = if let body { try await Data(collecting: body, upTo: 1 << 20) } else { nil }
        let path = request.path ?? "/"
        let (status, json): (Int, String) = try lock.withLock {
            let index = requestLog.count
            requestLog.append("\(request.method.rawValue) \(path)")
            if index == failAt { throw URLError(.networkConnectionLost) }
            return answer(method: request.method, path: path, body: data)
        }
        var fields = HTTPFields()
        fields[.contentType] = status < 300 ? "application/json" : "application/problem+json"
        return (HTTPResponse(status: .init(code: status), headerFields: fields), HTTPBody(json))
    }

    private func answer(method: HTTPRequest.Method, path: String, body: Data?) -> (Int, String) {
        let components = URLComponents(string: "http://x" + path)!
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let parts = components.path.split(separator: "/").map(String.init)
        func user(_ account: Account) -> String {
            "{\"id\":\"\(account.id)\",\"name\":\"Name \(account.username)\",\"username\":\"\(account.username)\",\"protected\":\(account.protected),"
                + "\"public_metrics\":{\"followers_count\":\(followers[account.id]?.count ?? 0),\"following_count\":0,\"tweet_count\":1}}"
        }
        func notFound(_ value: String, _ parameter: String) -> String {
            "{\"value\":\"\(value)\",\"detail\":\"Could not find user with \(parameter): [\(value)].\",\"title\":\"Not Found Error\","
                + "\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}"
        }
        let route = parts.joined(separator: "/")
        let count = parts.count
        if method == .get, route == "2/users/me" {
            return (200, "{\"data\":\(user(accounts.first { $0.id == me }!))}")
        }
        if method == .get, count == 5, route.hasPrefix("2/users/by/username/") {
            let name = parts[4]
            guard let found = accounts.first(where: { $0.username.lowercased() == name.lowercased() }) else {
                return (200, "{\"errors\":[\(notFound(name, "username"))]}")
            }
            return (200, "{\"data\":\(user(found))}")
        }
        if method == .get, count == 3, parts[0...1] == ["2", "users"], parts[2].allSatisfy(\.isNumber) {
            guard let found = accounts.first(where: { $0.id == parts[2] }) else { return (200, "{\"errors\":[\(notFound(parts[2], "id"))]}") }
            return (200, "{\"data\":\(user(found))}")
        }
        if method == .get, route == "2/users" || route == "2/users/by" {
            let byName = count == 3
            let values = (query[byName ? "usernames" : "ids"] ?? "").split(separator: ",").map(String.init)
            var found: [String] = []
            var errors: [String] = []
            for value in values {
                if let account = accounts.first(where: { byName ? $0.username.lowercased() == value.lowercased() : $0.id == value }) {
                    found.append(user(account))
                } else {
                    errors.append(notFound(value, byName ? "username" : "id"))
                }
            }
            return (200, "{\"data\":[\(found.joined(separator: ","))]" + (errors.isEmpty ? "" : ",\"errors\":[\(errors.joined(separator: ","))]") + "}")
        }
        if method == .get, count == 4, parts[3] == "followers" {
            let all = followers[parts[2]] ?? []
            let size = Int(query["max_results"] ?? "100") ?? 100
            let offset = Int(query["pagination_token"].map { String($0.dropFirst(4)) } ?? "0") ?? 0
            let page = all[min(offset, all.count)..<min(offset + size, all.count)]
            let users = page.map { id in user(accounts.first { $0.id == id }!) }
            let next = offset + size < all.count ? ",\"next_token\":\"\(Self.token(offset + size))\"" : ""
            return (200, "{\"data\":[\(users.joined(separator: ","))],\"meta\":{\"result_count\":\(page.count)\(next)}}")
        }
        if method == .post, count == 4, parts[3] == "following" {
            let target = (try? JSONDecoder().decode([String: String].self, from: body ?? Data()))?["target_user_id"] ?? ""
            guard let account = accounts.first(where: { $0.id == target }) else {
                return (400, "{\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\","
                    + "\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}")
            }
            follows.append((parts[2], target))
            return (200, "{\"data\":{\"following\":\(!account.protected),\"pending_follow\":\(account.protected)}}")
        }
        if method == .delete, count == 5, parts[3] == "following" {
            follows.removeAll { $0.source == parts[2] && $0.target == parts[4] }
            return (200, "{\"data\":{\"following\":false}}")
        }
        return (404, "{\"title\":\"Not Found\",\"type\":\"about:blank\"}")
    }

    /// The token of the page starting at `offset`: 16 characters, X's shortest (document 2.167).
    static func token(_ offset: Int) -> String {
        "page" + String(repeating: "0", count: max(0, 12 - String(offset).count)) + String(offset)
    }
}
