# Shared by the real-client scripts (Tests/Clients/*/run): the x-sandbox binary, a scratch
# directory removed on exit, a venv with one pinned PyPI package, and a sandbox on a free port.
#
#   source "$(dirname "$0")/../lib.sh" "$@"    # sets here, root, sandbox, work
#   client_venv 'twarc==2.14.*' twarc          # $work/venv; prints what it installed
#   start_sandbox [ARGUMENTS...]               # sets url; stopped on exit
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)

# newer_source BINARY: the first file x-sandbox is built from (its targets' sources, the spec
# and the generator that turns it into code, Package.swift) that changed after BINARY was
# written; nothing when there is none.
newer_source() {
    local inputs=("$root/spec" "$root/Plugins" "$root/Package.swift") target
    for target in x-sandbox XSandbox XFollows XFollowsServer XAPIRuntime XAPIGenerator xapi-gen; do
        inputs+=("$root/Sources/$target")
    done
    find "${inputs[@]}" -type f -newer "$1" -print -quit
}

# The binary: the one given, which must be newer than every source, so a stale build is never
# what the clients test; without one (as .ci/run calls the scripts), the debug build, brought up
# to date by `swift build` (quick when it is). SwiftPM, not file times, is then the judge: an
# edit of Package.swift that leaves x-sandbox as it was does not relink it, and is no reason
# to refuse it.
if [[ $# -ge 1 ]]; then
    sandbox=$1
    if [[ ! -x $sandbox ]]; then
        echo "x-sandbox: $sandbox is not an executable; build it (swift build --product x-sandbox) or give no argument"
        exit 1
    fi
    stale=$(newer_source "$sandbox")
    if [[ -n $stale ]]; then
        echo "x-sandbox: $sandbox is older than ${stale#"$root/"}: build it again (swift build --product x-sandbox)," \
            "or give no argument to have it built"
        exit 1
    fi
else
    (cd "$root" && swift build --product x-sandbox)
    sandbox="$(cd "$root" && swift build --show-bin-path)/x-sandbox"
fi

work=$(mktemp -d)
pid=""
cleanup() {
    if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
started=$SECONDS

# client_venv REQUIREMENT PACKAGE...: a venv in $work/venv with REQUIREMENT installed; prints
# the installed versions of the PACKAGEs.
client_venv() {
    local requirement=$1
    shift
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install --quiet --disable-pip-version-check "$requirement"
    echo "$("$work/venv/bin/python" -c 'import importlib.metadata as m, sys; print(", ".join(p + " " + m.version(p) for p in sys.argv[1:]))' "$@") installed in $(( SECONDS - started )) s"
}

# start_sandbox [ARGUMENTS...]: starts x-sandbox on a free port with the arguments and sets
# url once it listens.
start_sandbox() {
    "$sandbox" --port 0 "$@" > "$work/sandbox.out" 2>&1 &
    pid=$!
    url=""
    for _ in $(seq 1 600); do
        url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/sandbox.out")
        [[ -n $url ]] && break
        if ! kill -0 "$pid" 2>/dev/null; then cat "$work/sandbox.out"; echo "x-sandbox did not start"; exit 1; fi
        sleep 0.1
    done
    [[ -n $url ]] || { echo "x-sandbox did not print its URL"; exit 1; }
}
