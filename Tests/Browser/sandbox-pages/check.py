"""x-sandbox's dashboard and OAuth 2.0 authorize page in headless Chromium (Selenium).

Every check raises on failure; the script exits non-zero with what was expected and what the
page showed.
"""
import argparse
import base64
import hashlib
import http.server
import json
import secrets
import subprocess
import threading
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ALICE = "1354143047324299264"
QUINN = "1598765432109876543"
WAIT = 60  # seconds; generous, as the machine may be busy


def fail(message):
    raise SystemExit(f"FAILED: {message}")


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def api(url, method, path, token, body=None, form=None, headers=None):
    data = None
    request_headers = {"Authorization": token} if token else {}
    if body is not None:
        data = json.dumps(body).encode()
        request_headers["Content-Type"] = "application/json"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        request_headers["Content-Type"] = "application/x-www-form-urlencoded"
    request_headers.update(headers or {})
    request = urllib.request.Request(url + path, data=data, method=method, headers=request_headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, json.loads(response.read() or b"{}")


def check_dashboard(driver, url, credentials):
    driver.get(url + "/_sandbox/dashboard")
    wait = WebDriverWait(driver, WAIT)
    notice = driver.find_element(By.ID, "notice").text
    if "not an X API endpoint" not in notice or "x-sandbox" not in driver.title:
        fail(f"the dashboard does not say it is the sandbox's own page: {driver.title!r} {notice!r}")
    wait.until(lambda d: d.find_element(By.ID, "status").text.startswith("Updated"))

    token = next(t for t in credentials["oauth2_tokens"]
                 if t["user_id"] == ALICE and "follows.write" in t["scopes"])["access_token"]
    status, answer = api(url, "POST", f"/2/users/{ALICE}/following", "Bearer " + token,
                         body={"target_user_id": QUINN})
    if status != 200 or answer["data"]["following"] is not True:
        fail(f"the follow answered {status} {answer}")

    path = f"/2/users/{ALICE}/following"
    try:
        wait.until(lambda d: path in d.find_element(By.ID, "journal").text
                   and "usersIdFollow" in d.find_element(By.ID, "caps").text)
    except Exception:
        fail("the follow did not appear on the dashboard: " + driver.find_element(By.TAG_NAME, "body").text[:3000])
    caps = driver.find_element(By.ID, "caps").text
    if ALICE not in caps:
        fail(f"the daily cap of the follow is not Alice's: {caps}")
    page = driver.page_source
    for secret in (token, credentials["bearer_token"], credentials["consumer_secret"]):
        if secret in page:
            fail("the dashboard shows a secret")
    errors = console_errors(driver)
    if errors:
        fail(f"the dashboard logged console errors: {errors}")
    print("dashboard: loaded, showed the follow (journal and daily cap), no secret, no console error")


class Callback(http.server.BaseHTTPRequestHandler):
    """The App's redirect URI: answers 200 so the browser lands on it."""

    def do_GET(self):
        body = b"<!doctype html><title>callback</title><link rel=icon href='data:,'><p>Back in the app.</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *arguments):
        pass


def check_authorize_page(driver, url, credentials):
    receiver = http.server.HTTPServer(("127.0.0.1", 0), Callback)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    callback_path = urllib.parse.urlparse(credentials["callback_urls"][0]).path or "/callback"
    redirect_uri = f"http://127.0.0.1:{receiver.server_port}{callback_path}"
    client_id = next(c for c in credentials["oauth2_clients"] if not c.get("client_secret"))["client_id"]
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    state = secrets.token_urlsafe(16)
    query = urllib.parse.urlencode({
        "response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri,
        "scope": "tweet.read users.read follows.read follows.write offline.access", "state": state,
        "code_challenge": challenge, "code_challenge_method": "S256",
    })
    driver.get(f"{url}/i/oauth2/authorize?{query}")
    driver.find_element(By.CSS_SELECTOR, f"input[name=user_id][value='{ALICE}']").click()
    driver.find_element(By.CSS_SELECTOR, "button[name=decision][value=approve]").click()
    WebDriverWait(driver, WAIT).until(lambda d: d.current_url.startswith(redirect_uri))
    landed = urllib.parse.urlparse(driver.current_url)
    parameters = dict(urllib.parse.parse_qsl(landed.query))
    if parameters.get("state") != state or not parameters.get("code"):
        fail(f"the redirect carries no code for our state: {driver.current_url.split('?')[0]} {sorted(parameters)}")
    status, tokens = api(url, "POST", "/2/oauth2/token", None, form={
        "grant_type": "authorization_code", "code": parameters["code"], "redirect_uri": redirect_uri,
        "client_id": client_id, "code_verifier": verifier,
    })
    if status != 200 or not tokens.get("access_token") or not tokens.get("refresh_token"):
        fail(f"the code exchange answered {status} with {sorted(tokens)}")
    status, me = api(url, "GET", "/2/users/me", "Bearer " + tokens["access_token"])
    if status != 200 or me["data"]["id"] != ALICE:
        fail(f"the token obtained in the browser is not Alice's: {status} {me}")
    errors = console_errors(driver)
    if errors:
        fail(f"the authorize page logged console errors: {errors}")
    receiver.shutdown()
    print("authorize page: logged in as @sandbox_alice in the browser, code exchanged with PKCE, token works")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--x-sandbox", required=True)
    arguments = parser.parse_args()
    credentials = json.loads(subprocess.run([arguments.x_sandbox, "credentials"], check=True,
                                            capture_output=True, text=True).stdout)
    driver = browser()
    try:
        check_dashboard(driver, arguments.url, credentials)
        check_authorize_page(driver, arguments.url, credentials)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
