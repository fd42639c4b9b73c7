"""twarc2, unchanged, with its requests sent to x-sandbox instead of api.twitter.com.

    X_SANDBOX_URL=http://127.0.0.1:8080 python twarc2_sandbox.py --bearer-token ... followers 2244994945 out.jsonl

twarc (2.14) builds every URL from the constant https://api.twitter.com and sends it with
`requests`. This wraps `requests.Session.request` so that those URLs go to the sandbox, and
nothing else: twarc's commands, parameters, fields, pagination, retries and rate-limit handling
are its own. The URL is rewritten before requests prepares the request, so an OAuth 1.0a
signature covers the URL actually requested, which is what the sandbox verifies (as X does).
A request to any other host is refused, so nothing leaves the machine.
"""

import os
import sys

import requests

X_API = "https://api.twitter.com"
SANDBOX = os.environ["X_SANDBOX_URL"].rstrip("/")

_send = requests.Session.request


def _to_sandbox(self, method, url, *args, **kwargs):
    if isinstance(url, str) and (url == X_API or url.startswith(X_API + "/")):
        url = SANDBOX + url[len(X_API):]
    if not (isinstance(url, str) and url.startswith(SANDBOX + "/")):
        raise RuntimeError(f"twarc2 asked for {url!r}, which is not the X API: refused, nothing leaves the machine")
    return _send(self, method, url, *args, **kwargs)


requests.Session.request = _to_sandbox

from twarc.command2 import twarc2  # noqa: E402  (after the patch, which twarc's import does not need)

if __name__ == "__main__":
    sys.exit(twarc2(prog_name="twarc2"))
