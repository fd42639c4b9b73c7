"""tweepy, unchanged, with its requests sent to x-sandbox instead of X.

    import tweepy_sandbox  # before tweepy sends anything; X_SANDBOX_URL names the sandbox
    import tweepy

tweepy 4.x builds every URL from the constants https://api.twitter.com (the API, the OAuth 1.0a
and App-only token endpoints, and the OAuth 2.0 token endpoint) and https://twitter.com (the
OAuth 2.0 authorization page, which only a browser opens), and sends them with `requests`,
through requests-oauthlib's OAuth1Session and OAuth2Session. This wraps
`requests.Session.request` so that those URLs go to the sandbox, and nothing else: tweepy's
handlers, requests-oauthlib's and oauthlib's PKCE, signatures, token parsing and errors are
their own. The URL is rewritten after requests-oauthlib's checks (which see X's https URLs) and
before requests prepares the request, so an OAuth 1.0a signature covers the URL actually
requested, which is what the sandbox verifies (as X does). A request to any other host is
refused, so nothing leaves the machine.
"""

import os

import requests

X_ORIGINS = ("https://api.twitter.com", "https://twitter.com")
SANDBOX = os.environ["X_SANDBOX_URL"].rstrip("/")


def to_sandbox(url):
    """`url` on the sandbox when it is one of X's; unchanged otherwise."""
    for origin in X_ORIGINS:
        if url == origin or url.startswith(origin + "/") or url.startswith(origin + "?"):
            return SANDBOX + url[len(origin):]
    return url


_send = requests.Session.request


def _to_sandbox(self, method, url, *args, **kwargs):
    url = to_sandbox(url) if isinstance(url, str) else url
    if not (isinstance(url, str) and url.startswith(SANDBOX + "/")):
        raise RuntimeError(f"tweepy asked for {url!r}, which is not X: refused, nothing leaves the machine")
    return _send(self, method, url, *args, **kwargs)


requests.Session.request = _to_sandbox
