import Foundation

/// A successful token endpoint answer (RFC 6749, 5.1), as X sends it:
/// `{"token_type":"bearer","expires_in":7200,"access_token":"…","scope":"tweet.read users.read","refresh_token":"…"}`.
struct TokenEndpointResponse: Decodable, Sendable {
    var tokenType: String
    var accessToken: String
    var expiresIn: Double?
    var scope: String?
    var refreshToken: String?

    enum CodingKeys: String, CodingKey {
        case tokenType = "token_type"
        case accessToken = "access_token"
        case expiresIn = "expires_in"
        case scope
        case refreshToken = "refresh_token"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tokenType = try container.decode(String.self, forKey: .tokenType)
        accessToken = try container.decode(String.self, forKey: .accessToken)
        if let number = try? container.decodeIfPresent(Double.self, forKey: .expiresIn) {
            expiresIn = number
        } else if let text = try container.decodeIfPresent(String.self, forKey: .expiresIn) {
            expiresIn = Double(text)
        } else {
            expiresIn = nil
        }
        scope = try container.decodeIfPresent(String.self, forKey: .scope)
        refreshToken = try container.decodeIfPresent(String.self, forKey: .refreshToken)
    }

    /// The token, with its expiry made absolute once, here, from the moment the answer
    /// arrived (to the whole second before, so it stores and reads back exactly). `requested` are the scopes to assume when the answer names none (RFC 6749,
    /// 5.1: then they are the ones asked for); `previous` carries the user ID and the refresh
    /// token over when a refresh answer does not rotate it.
    func token(receivedAt date: Date, requested: Set<OAuth2Scope>?, previous: OAuth2UserToken?) -> OAuth2UserToken {
        OAuth2UserToken(
            accessToken: accessToken,
            userID: previous?.accessTokenUserID,
            scopes: scope.map(OAuth2Scope.parse) ?? requested,
            refreshToken: refreshToken ?? previous?.refreshToken,
            expiresAt: expiresIn.map { Date(timeIntervalSince1970: (date.timeIntervalSince1970 + $0).rounded(.down)) }
        )
    }
}
