"""Obtains, uses, refreshes and revokes tokens with tweepy 4.x (and the requests-oauthlib and
oauthlib under it) against a running x-sandbox, and checks every outcome exactly: the users,
the follow results, the status codes and X's error bodies.

1. OAuth 2.0 Authorization Code with PKCE (tweepy's OAuth2UserHandler, which is
   requests-oauthlib's OAuth2Session), as a public client and as a confidential one (HTTP
   Basic with the client secret): authorization URL, the sandbox's authorize page approved,
   fetch_token, the API with tweepy.Client(bearer_token=…), refresh_token (the rotated-away
   refresh token then fails), revocation (RFC 7009, the request prepared by oauthlib).
2. OAuth 1.0a three-legged (tweepy's OAuth1UserHandler), with a callback URL and with `oob`
   (a PIN): request token, authorize page approved, access token, the API with
   tweepy.Client(consumer_key=…, access_token=…).
3. App-only (tweepy's OAuth2AppHandler): a bearer token from the API key and secret, the API
   with it, invalidation (`POST /oauth2/invalidate_token`, which tweepy does not offer: with
   HTTP Basic as the token request, then signed by requests-oauthlib's OAuth1 as X's page for
   that endpoint shows), and a new token after.

The authorize pages are approved the way a person does it in a browser: open the page, pick
the account, press "Authorize app", and read where the browser is sent (the callback, which
is not followed) or the PIN shown. The expected lists come from `x-sandbox ids`, which reads
the same seeded graph without HTTP; the credentials from `x-sandbox credentials`. Run by
./run, which installs tweepy and starts the sandbox.
"""

import argparse
import json
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import parse_qs, urljoin, urlsplit

import tweepy_sandbox  # noqa: F401  (sends X's URLs to the sandbox; before tweepy sends anything)
import oauthlib.oauth2
import requests
import tweepy
from requests_oauthlib import OAuth1

# The demo users (`x-sandbox credentials`): Alice authorizes the OAuth 2.0 clients, Bob the
# OAuth 1.0a callback flow and Carol the PIN flow; each follows Carol or Bob and unfollows
# again, so every flow starts from the seeded graph.
ALICE, BOB, CAROL = "1354143047324299264", "1397466281205022721", "1425864951039897603"
USERNAMES = {ALICE: "sandbox_alice", BOB: "sandbox_bob", CAROL: "sandbox_carol"}
CALLBACK = "http://127.0.0.1/callback"
SCOPES = ["tweet.read", "users.read", "follows.read", "follows.write", "offline.access"]
# X's endpoints as tweepy spells them (tweepy_sandbox sends them to the sandbox).
OAUTH2_TOKEN = "https://api.twitter.com/2/oauth2/token"
OAUTH2_REVOKE = "https://api.twitter.com/2/oauth2/revoke"
APP_INVALIDATE = "https://api.twitter.com/oauth2/invalidate_token"
# X's answers to a token it does not accept.
API_UNAUTHORIZED = {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}
# (as X answered /2/users/me in xdevplatform/bookmarks-search#10)
APP_ONLY_FORBIDDEN = {
    "title": "Unsupported Authentication", "status": 403,
    "type": "https://api.twitter.com/2/problems/unsupported-authentication",
    "detail": "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  "
              "Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context]."}
INVALID_REFRESH = {"error": "invalid_request", "error_description": "Value passed for the token was invalid."}
INVALID_CODE = {"error": "invalid_request", "error_description": "Value passed for the authorization code was invalid."}
INVALID_OAUTH1_TOKEN = {"errors": [{"code": 89, "message": "Invalid or expired token."}]}
INVALID_VERIFIER = "Error processing your OAuth request: Invalid oauth_verifier parameter"
# How many users each demo user's lists hold in the seeded graph: fewer (an empty `x-sandbox ids`)
# stops the run, so an empty list from tweepy never matches an empty expectation.
MINIMUM = {("followers", ALICE): 17, ("following", ALICE): 27, ("followers", BOB): 16, ("following", BOB): 27,
           ("followers", CAROL): 15, ("following", CAROL): 27}


class Checks:
    """Prints one line per check and counts them."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def equal(self, label, got, expected):
        if got == expected:
            self.passed += 1
            print(f"ok   {label}")
            return True
        self.failed += 1
        print(f"FAIL {label}\n     got      {short(got)}\n     expected {short(expected)}")
        return False

    def true(self, label, condition, detail=""):
        return self.equal(label + (f" ({detail})" if detail and not condition else ""), bool(condition), True)

    def fails(self, label, error):
        self.failed += 1
        print(f"FAIL {label}: {type(error).__name__}: {short(str(error))}")


def short(value, limit=400):
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


class Page(HTMLParser):
    """What a person sees on an authorize page: the form (its action, hidden fields, the
    accounts offered and the buttons) or a PIN."""

    def __init__(self, html):
        super().__init__()
        self.action, self.hidden, self.accounts, self.buttons = None, [], [], []
        self.pin, self._in_pin = None, False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.action = a.get("action")
        elif tag == "input" and a.get("type") == "hidden":
            self.hidden.append((a["name"], a.get("value", "")))
        elif tag == "input" and a.get("type") == "radio" and a.get("name") == "user_id":
            self.accounts.append(a.get("value"))
        elif tag == "button":
            self.buttons.append((a.get("name"), a.get("value")))
        elif tag == "code" and a.get("id") == "oauth_pin":
            self._in_pin = True

    def handle_endtag(self, tag):
        self._in_pin = self._in_pin and tag != "code"

    def handle_data(self, data):
        if self._in_pin:
            self.pin = (self.pin or "") + data


def approve(checks, label, authorization_url, user_id):
    """Opens the authorize page, signs in as `user_id` and presses "Authorize app"; the
    answer (not followed), or None when the page is not the consent form."""
    browser = requests.Session()
    page = browser.get(authorization_url, allow_redirects=False)
    form = Page(page.text)
    if not checks.true(f"{label}: the authorize page offers @{USERNAMES[user_id]} and an Authorize button",
                       page.status_code == 200 and user_id in form.accounts and ("decision", "approve") in form.buttons,
                       f"{page.status_code} {short(page.text, 200)}"):
        return None
    action = urljoin(tweepy_sandbox.to_sandbox(authorization_url), form.action)
    return browser.post(action, data=form.hidden + [("user_id", user_id), ("decision", "approve")],
                        allow_redirects=False)


def ids(response):
    return [user.id for user in response.data or []]


def api_refusal(call):
    """The status and JSON body of a tweepy call that must fail; (None, result) if it did not."""
    try:
        return None, call()
    except tweepy.HTTPException as error:
        return error.response.status_code, error.response.json()


def follow_round_trip(checks, label, client, user_id, target, seeded, user_auth):
    """Follows `target` and unfollows it again, checking the user's following list each time."""
    following = lambda: [str(i) for i in ids(client.get_users_following(user_id, max_results=1000, user_auth=user_auth))]
    checks.equal(f"{label}: get_users_following is the {len(seeded)} users the sandbox holds", following(), seeded)
    done = client.follow_user(target, user_auth=user_auth)
    checks.equal(f"{label}: follow_user @{USERNAMES[target]}", done.data, {"following": True, "pending_follow": False})
    checks.equal(f"{label}: @{USERNAMES[target]} is now first in the following list", following(), [target] + seeded)
    done = client.unfollow_user(target, user_auth=user_auth)
    checks.equal(f"{label}: unfollow_user @{USERNAMES[target]}", done.data, {"following": False})
    checks.equal(f"{label}: the following list is the seeded one again", following(), seeded)


def oauth2_pkce(checks, graph, oauth2_client):
    """OAuth 2.0 Authorization Code with PKCE, as one client, for Alice."""
    client_id, secret = oauth2_client["client_id"], oauth2_client.get("client_secret")
    label = "OAuth 2.0 " + ("confidential" if secret else "public")
    handler = tweepy.OAuth2UserHandler(client_id=client_id, redirect_uri=CALLBACK, scope=SCOPES, client_secret=secret)
    responses = []  # every token response, as received (requests-oauthlib's compliance hooks)
    for hook in ("access_token_response", "refresh_token_response"):
        handler.register_compliance_hook(hook, lambda r: responses.append(r) or r)

    url = handler.get_authorization_url()
    query = parse_qs(urlsplit(url).query)
    checks.equal(f"{label}: authorization URL asks for the scopes with an S256 challenge",
                 (query["scope"][0].split(" "), query["code_challenge_method"], query["client_id"]),
                 (SCOPES, ["S256"], [client_id]))
    answer = approve(checks, label, url, ALICE)
    if answer is None:
        return
    location = answer.headers.get("location", "")
    back = parse_qs(urlsplit(location).query)
    if not checks.true(f"{label}: approving redirects to the callback with the state and a code",
                       answer.status_code == 302 and location.startswith(CALLBACK + "?")
                       and back.get("state") == query["state"] and len(back.get("code", [""])[0]) > 20,
                       f"{answer.status_code} {location}"):
        return

    token = handler.fetch_token(location)
    checks.equal(f"{label}: fetch_token gets a bearer token for 2 hours with the scopes and a refresh token",
                 (responses[-1].status_code, token["token_type"], token["expires_in"], sorted(token["scope"]),
                  "refresh_token" in token),
                 (200, "bearer", 7200, sorted(SCOPES), True))
    api = tweepy.Client(bearer_token=token["access_token"])
    me = api.get_me(user_auth=False)
    checks.equal(f"{label}: get_me is @sandbox_alice", (str(me.data.id), me.data.username), (ALICE, "sandbox_alice"))
    followers = [str(i) for i in ids(api.get_users_followers(ALICE, max_results=1000, user_auth=False))]
    checks.equal(f"{label}: get_users_followers is the {len(graph['followers', ALICE])} users the sandbox holds",
                 followers, graph["followers", ALICE])
    follow_round_trip(checks, label, api, ALICE, CAROL, graph["following", ALICE], user_auth=False)

    # Refresh: a new pair; the old refresh token is dead (rotation).
    public = {} if secret else {"client_id": client_id}
    old = token
    token = handler.refresh_token(OAUTH2_TOKEN, refresh_token=old["refresh_token"], **public)
    checks.equal(f"{label}: refresh_token gets a new access and refresh token for 2 hours",
                 (responses[-1].status_code, token["access_token"] != old["access_token"],
                  token["refresh_token"] != old["refresh_token"], token["expires_in"], sorted(token["scope"])),
                 (200, True, True, 7200, sorted(SCOPES)))
    me = tweepy.Client(bearer_token=token["access_token"]).get_me(user_auth=False)
    checks.equal(f"{label}: the refreshed access token is @sandbox_alice's", str(me.data.id), ALICE)
    try:
        handler.refresh_token(OAUTH2_TOKEN, refresh_token=old["refresh_token"], **public)
        checks.true(f"{label}: the rotated-away refresh token is refused", False, "it was accepted")
    except oauthlib.oauth2.OAuth2Error as error:
        checks.equal(f"{label}: the rotated-away refresh token is refused with X's error",
                     (responses[-1].status_code, responses[-1].json(), error.error),
                     (400, INVALID_REFRESH, "invalid_request"))

    # Revocation (RFC 7009) of both tokens. Revoking one may end the other too (the sandbox
    # ends the whole grant), so each flow revokes a different one first: the public client the
    # access token, the confidential client the refresh token, and each is checked right after.
    revoker = oauthlib.oauth2.WebApplicationClient(client_id)
    for kind in ("refresh_token", "access_token") if secret else ("access_token", "refresh_token"):
        url, headers, body = revoker.prepare_token_revocation_request(
            OAUTH2_REVOKE, token[kind], token_type_hint=kind, **public)
        revoked = handler.post(url, data=body, headers=headers, withhold_token=True)
        checks.equal(f"{label}: revoking the {kind.replace('_', ' ')}", (revoked.status_code, revoked.json()),
                     (200, {"revoked": True}))
        if kind == "access_token":
            status, body = api_refusal(lambda: tweepy.Client(bearer_token=token["access_token"]).get_me(user_auth=False))
            checks.equal(f"{label}: the revoked access token gets X's 401 on the API", (status, body),
                         (401, API_UNAUTHORIZED))
            continue
        try:
            handler.refresh_token(OAUTH2_TOKEN, refresh_token=token["refresh_token"], **public)
            checks.true(f"{label}: the revoked refresh token is refused", False, "it was accepted")
        except oauthlib.oauth2.OAuth2Error:
            checks.equal(f"{label}: the revoked refresh token is refused with X's error",
                         (responses[-1].status_code, responses[-1].json()), (400, INVALID_REFRESH))
    # Last, as the sandbox (RFC 6749, 4.1.2) also revokes what a reused code granted.
    try:
        handler.fetch_token(location)
        checks.true(f"{label}: the authorization code cannot be used twice", False, "it was accepted")
    except oauthlib.oauth2.OAuth2Error:
        checks.equal(f"{label}: the authorization code cannot be used twice (X's error)",
                     (responses[-1].status_code, responses[-1].json()), (400, INVALID_CODE))


def oauth1_three_legged(checks, graph, credentials, callback, user_id, target):
    """OAuth 1.0a three-legged, with a callback URL or `oob` (a PIN), for `user_id`."""
    key, secret = credentials["consumer_key"], credentials["consumer_secret"]
    label = "OAuth 1.0a " + ("PIN" if callback == "oob" else "callback")
    handler = tweepy.OAuth1UserHandler(key, secret, callback=callback)
    url = handler.get_authorization_url()
    parts = urlsplit(url)
    checks.equal(f"{label}: a confirmed request token and the authorize URL",
                 (handler.request_token.get("oauth_callback_confirmed"), parts.netloc + parts.path,
                  parse_qs(parts.query).get("oauth_token")),
                 ("true", "api.twitter.com/oauth/authorize", [handler.request_token.get("oauth_token")]))
    answer = approve(checks, label, url, user_id)
    if answer is None:
        return
    if callback == "oob":
        verifier = Page(answer.text).pin or ""
        if not checks.true(f"{label}: approving shows a 7-digit PIN",
                           answer.status_code == 200 and len(verifier) == 7 and verifier.isdigit(),
                           f"{answer.status_code} {short(answer.text, 200)}"):
            return
        wrong = verifier[:-1] + str((int(verifier[-1]) + 1) % 10)
        try:
            handler.get_access_token(wrong)
            checks.true(f"{label}: a wrong PIN is refused", False, "it was accepted")
        except tweepy.TweepyException as error:
            denied = error.args[0]
            checks.equal(f"{label}: a wrong PIN is refused with X's answer",
                         (getattr(denied, "status_code", None), getattr(getattr(denied, "response", None), "text", None)),
                         (401, INVALID_VERIFIER))
    else:
        location = answer.headers.get("location", "")
        back = parse_qs(urlsplit(location).query)
        if not checks.true(f"{label}: approving redirects to the callback with the request token and a verifier",
                           answer.status_code == 302 and location.startswith(callback + "?")
                           and back.get("oauth_token") == [handler.request_token["oauth_token"]]
                           and "oauth_verifier" in back, f"{answer.status_code} {location}"):
            return
        verifier = back["oauth_verifier"][0]

    access_token, access_secret = handler.get_access_token(verifier)
    checks.true(f"{label}: get_access_token gets @{USERNAMES[user_id]}'s token",
                access_token.startswith(user_id + "-") and len(access_secret) > 20, access_token.split("-")[0])
    try:
        handler.get_access_token(verifier)
        checks.true(f"{label}: the request token cannot be used twice", False, "it was accepted")
    except tweepy.TweepyException as error:
        denied = error.args[0]
        body = getattr(getattr(denied, "response", None), "text", "")
        checks.equal(f"{label}: the request token cannot be used twice (X's 401)",
                     (getattr(denied, "status_code", None), json.loads(body or "null")), (401, INVALID_OAUTH1_TOKEN))

    api = tweepy.Client(consumer_key=key, consumer_secret=secret,
                        access_token=access_token, access_token_secret=access_secret)
    me = api.get_me()
    checks.equal(f"{label}: get_me is @{USERNAMES[user_id]}", (str(me.data.id), me.data.username),
                 (user_id, USERNAMES[user_id]))
    follow_round_trip(checks, label, api, user_id, target, graph["following", user_id], user_auth=True)


def app_only(checks, graph, credentials):
    """An App-only bearer token from the API key and secret, used, invalidated, and renewed."""
    key, secret = credentials["consumer_key"], credentials["consumer_secret"]
    label = "App-only"
    bearer = tweepy.OAuth2AppHandler(key, secret).apply_auth().bearer_token
    checks.equal(f"{label}: OAuth2AppHandler gets the App's bearer token", bearer, credentials["bearer_token"])
    followers = lambda token: [str(i) for i in ids(tweepy.Client(bearer_token=token).get_users_followers(ALICE, max_results=1000))]
    checks.equal(f"{label}: get_users_followers is the {len(graph['followers', ALICE])} users the sandbox holds",
                 followers(bearer), graph["followers", ALICE])
    status, body = api_refusal(lambda: tweepy.Client(bearer_token=bearer).follow_user(CAROL, user_auth=False))
    checks.equal(f"{label}: follow_user is refused: X's 403 on the get_me tweepy asks first", (status, body),
                 (403, APP_ONLY_FORBIDDEN))

    invalidated = requests.post(APP_INVALIDATE, auth=(key, secret), data={"access_token": bearer})
    checks.equal(f"{label}: invalidate_token", (invalidated.status_code, invalidated.json()), (200, {"access_token": bearer}))
    status, body = api_refusal(lambda: followers(bearer))
    checks.equal(f"{label}: the invalidated token gets X's 401 on the API", (status, body), (401, API_UNAUTHORIZED))
    renewed = tweepy.OAuth2AppHandler(key, secret).apply_auth().bearer_token
    checks.true(f"{label}: OAuth2AppHandler then gets a new token", renewed != bearer and renewed.startswith("AAAA"))
    checks.equal(f"{label}: the new token reads the followers", followers(renewed), graph["followers", ALICE])
    # X's page for this endpoint signs it with OAuth 1.0a (the App's keys and its owner's access
    # token) and puts the bearer token in the query: requests-oauthlib signs it here.
    owner = credentials["access_tokens"][0]
    signed = OAuth1(key, secret, owner["access_token"], owner["access_token_secret"])
    invalidated = requests.post(APP_INVALIDATE, params={"access_token": renewed}, auth=signed)
    checks.equal(f"{label}: invalidate_token signed with OAuth 1.0a", (invalidated.status_code, invalidated.json()),
                 (200, {"access_token": renewed}))
    status, body = api_refusal(lambda: followers(renewed))
    checks.equal(f"{label}: that token then gets X's 401 on the API", (status, body), (401, API_UNAUTHORIZED))
    try:
        tweepy.OAuth2AppHandler(key, secret[:-1] + "x")
        checks.true(f"{label}: a wrong API key secret gets no token", False, "it got one")
    except tweepy.TweepyException as error:
        checks.true(f"{label}: a wrong API key secret gets no token", "got None" in str(error), str(error))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--x-sandbox", required=True, help="the x-sandbox binary")
    args = parser.parse_args()

    run = lambda *arguments: subprocess.run([args.x_sandbox, *arguments], check=True, capture_output=True, text=True).stdout
    credentials = json.loads(run("credentials"))
    graph = {(kind, user): run("ids", kind, user).split() for kind in ("followers", "following") for user in (ALICE, BOB, CAROL)}
    short_lists = [f"{kind} of {USERNAMES[user]}: {len(graph[kind, user])}, not at least {minimum}"
                   for (kind, user), minimum in MINIMUM.items() if len(graph[kind, user]) < minimum]
    if short_lists:
        print("FAIL x-sandbox ids: " + "; ".join(short_lists))
        return 1
    checks = Checks()
    flows = [(f"OAuth 2.0 {'confidential' if c.get('client_secret') else 'public'} client",
              lambda c=c: oauth2_pkce(checks, graph, c)) for c in credentials["oauth2_clients"]]
    flows += [("OAuth 1.0a callback", lambda: oauth1_three_legged(checks, graph, credentials, CALLBACK, BOB, CAROL)),
              ("OAuth 1.0a PIN", lambda: oauth1_three_legged(checks, graph, credentials, "oob", CAROL, BOB)),
              ("App-only", lambda: app_only(checks, graph, credentials))]
    for name, flow in flows:
        try:
            flow()
        except Exception as error:  # a client error nobody expected ends the flow, not the run
            checks.fails(f"{name}: stopped", error)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
