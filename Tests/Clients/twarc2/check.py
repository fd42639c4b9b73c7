"""Runs twarc2 followers and following against a running x-sandbox with app-only and OAuth 1.0a
credentials, and checks that each export holds exactly the users the sandbox holds, in order.

The expected IDs come from `x-sandbox ids`, which reads the same graph without HTTP; the
credentials from `x-sandbox credentials`. Run by ./run, which installs twarc and starts the
sandbox.
"""

import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# A user with a modest follower count (three pages of 1,000), and the best-known account's
# following (one page, every shape of user).
EVERY_FIELD = "1268998433473576961"
X_DEVELOPERS = "2244994945"
CASES = [("followers", EVERY_FIELD), ("following", X_DEVELOPERS)]
# How many users each case holds in the seeded graph: an expectation or an export with fewer is
# refused, so an empty `x-sandbox ids` and an empty export never agree into a pass.
MINIMUM = {("followers", EVERY_FIELD): 2013, ("following", X_DEVELOPERS): 43}
# The demo user whose OAuth 1.0a token twarc2 uses.
ALICE = "1354143047324299264"


def sandbox_output(binary, *arguments):
    return subprocess.run([binary, *arguments], check=True, capture_output=True, text=True).stdout


def credentials_env(credentials, mode):
    """The environment twarc2 reads its credentials from, for one auth mode."""
    if mode == "app-only":
        return {"BEARER_TOKEN": credentials["bearer_token"]}
    token = next(t for t in credentials["access_tokens"] if t["user_id"] == ALICE)
    return {
        "CONSUMER_KEY": credentials["consumer_key"],
        "CONSUMER_SECRET": credentials["consumer_secret"],
        "ACCESS_TOKEN": token["access_token"],
        "ACCESS_TOKEN_SECRET": token["access_token_secret"],
    }


def run_twarc2(args, mode, env, command, user, outfile):
    log = os.path.join(args.work, f"twarc-{mode}-{command}.log")
    auth = ["--user-auth"] if mode == "oauth1" else []
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, os.path.join(HERE, "twarc2_sandbox.py"), "--log", log, *auth, command, user, outfile],
        env=env, capture_output=True, text=True, timeout=600,
    )
    elapsed = time.monotonic() - started
    if done.returncode != 0 or not os.path.exists(outfile):
        print(f"FAIL {mode} twarc2 {command} {user}: exit {done.returncode}")
        print(done.stdout[-2000:], done.stderr[-2000:], sep="\n")
        if os.path.exists(log):
            print("twarc.log:", open(log).read()[-3000:], sep="\n")
        return None, elapsed
    return done, elapsed


def exported_ids(outfile):
    """The user IDs of a twarc2 export (one API response per line), in order, and its errors."""
    ids, errors = [], []
    with open(outfile) as lines:
        for line in lines:
            page = json.loads(line)
            ids += [user["id"] for user in page.get("data", [])]
            errors += page.get("errors", [])
    return ids, errors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--x-sandbox", required=True, help="the x-sandbox binary")
    parser.add_argument("--url", required=True, help="the running sandbox's URL")
    parser.add_argument("--work", required=True, help="a scratch directory")
    args = parser.parse_args()

    credentials = json.loads(sandbox_output(args.x_sandbox, "credentials"))
    base_env = {key: value for key, value in os.environ.items()
                if key not in ("BEARER_TOKEN", "CONSUMER_KEY", "CONSUMER_SECRET", "ACCESS_TOKEN", "ACCESS_TOKEN_SECRET")}
    # No twarc configuration but ours: its config file lives under HOME.
    base_env.update(HOME=args.work, XDG_CONFIG_HOME=os.path.join(args.work, "config"), X_SANDBOX_URL=args.url)

    failures = 0
    for mode in ("app-only", "oauth1"):
        env = dict(base_env, **credentials_env(credentials, mode))
        for command, user in CASES:
            expected = sandbox_output(args.x_sandbox, "ids", command, user).split()
            minimum = MINIMUM[command, user]
            if len(expected) < minimum:
                failures += 1
                print(f"FAIL {mode:8} x-sandbox ids {command} {user}: {len(expected)} users, not at least {minimum}")
                continue
            outfile = os.path.join(args.work, f"{mode}-{command}-{user}.jsonl")
            done, elapsed = run_twarc2(args, mode, env, command, user, outfile)
            if done is None:
                failures += 1
                continue
            got, errors = exported_ids(outfile)
            label = f"{mode:8} twarc2 {command} {user}: {len(got)} users in {elapsed:.1f} s"
            if got == expected and len(got) >= minimum and not errors:
                print(f"ok   {label}")
                continue
            failures += 1
            print(f"FAIL {label}; the sandbox holds {len(expected)}")
            missing = [i for i in expected if i not in set(got)]
            extra = [i for i in got if i not in set(expected)]
            first = next((n for n, (a, b) in enumerate(zip(got, expected)) if a != b), None)
            print(f"     missing {missing[:5]}{'…' if len(missing) > 5 else ''} ({len(missing)}), "
                  f"unexpected {extra[:5]} ({len(extra)}), first difference at {first}, errors {errors[:3]}")
    cases = 2 * len(CASES)
    print(f"{cases - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
