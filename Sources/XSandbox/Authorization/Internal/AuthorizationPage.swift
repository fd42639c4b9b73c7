import Foundation

/// The HTML of the sandbox's authorization pages: plain forms a person can use in a browser
/// and a test can read (every field carries a stable `name`, the PIN an `id`).
enum AuthorizationPage {
    /// A user the page offers to sign in as.
    struct Account: Sendable {
        var id: String
        var username: String
    }

    /// The consent form: the App's request, a choice of user, and Authorize / Cancel buttons
    /// posting `decision=approve|deny` with `hidden` fields back to `action`.
    static func consent(
        title: String, appName: String, permissions: [String], accounts: [Account],
        action: String, hidden: [(name: String, value: String)]
    ) -> String {
        var html = head(title)
        html += "<h1>\(escape(appName)) wants to access your X account</h1>\n"
        if !permissions.isEmpty {
            html += "<p>It will be able to:</p>\n<ul>\n"
            for permission in permissions { html += "<li>\(escape(permission))</li>\n" }
            html += "</ul>\n"
        }
        html += "<form method=\"post\" action=\"\(escape(action))\">\n"
        for field in hidden {
            html += "<input type=\"hidden\" name=\"\(escape(field.name))\" value=\"\(escape(field.value))\">\n"
        }
        html += "<fieldset><legend>Sign in as</legend>\n"
        for (index, account) in accounts.enumerated() {
            html += "<label><input type=\"radio\" name=\"user_id\" value=\"\(escape(account.id))\"\(index == 0 ? " checked" : "")> "
                + "@\(escape(account.username))</label><br>\n"
        }
        html += "</fieldset>\n"
        html += "<button type=\"submit\" name=\"decision\" value=\"approve\">Authorize app</button>\n"
        html += "<button type=\"submit\" name=\"decision\" value=\"deny\">Cancel</button>\n"
        html += "</form>\n"
        return html + tail
    }

    /// The page showing an out-of-band PIN, in `<code id="oauth_pin">`.
    static func pin(_ pin: String, appName: String) -> String {
        head("Authorized") + "<p>You authorized \(escape(appName)). Enter this PIN to complete the authorization:</p>\n"
            + "<p><code id=\"oauth_pin\">\(escape(pin))</code></p>\n" + tail
    }

    /// A page with one message, for refusals that cannot go back to the App.
    static func message(_ title: String, _ text: String) -> String {
        head(title) + "<h1>\(escape(title))</h1>\n<p>\(escape(text))</p>\n" + tail
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    private static func head(_ title: String) -> String {
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(escape(title)) · x-sandbox</title><link rel=\"icon\" href=\"data:,\"></head>\n<body>\n"
    }

    private static let tail = "</body></html>\n"
}

extension SandboxHTTPResponse {
    /// An HTML page.
    static func html(_ html: String, status: Int = 200) -> SandboxHTTPResponse {
        SandboxHTTPResponse(status: status, headers: [("content-type", "text/html; charset=utf-8"), ("cache-control", "no-store")],
                            body: Data(html.utf8))
    }

    /// `302 Found` to `location`.
    static func redirect(to location: String) -> SandboxHTTPResponse {
        SandboxHTTPResponse(status: 302, headers: [("location", location), ("cache-control", "no-store")], body: Data())
    }

    /// Plain text with a content type, as X's OAuth 1.0a endpoints answer.
    static func text(_ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8") -> SandboxHTTPResponse {
        SandboxHTTPResponse(status: status, headers: [("content-type", contentType), ("cache-control", "no-store")],
                            body: Data(text.utf8))
    }

    /// A JSON object (keys sorted), as the token endpoints answer.
    static func jsonObject(_ object: [String: Any], status: Int = 200) -> SandboxHTTPResponse {
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return SandboxHTTPResponse(status: status, headers: [("content-type", "application/json; charset=utf-8"),
                                                             ("cache-control", "no-store"), ("pragma", "no-cache")],
                                   body: body)
    }
}
