# Shared by the benchmark scripts: paths, release builds, tools, medians.
# Each script measures one figure of RESULTS.md and prints it as Markdown;
# the same text is kept in Benchmarks/.build/results/<figure>.md.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
BIN="$BENCH/.build/release"
WORK="$BENCH/.build/bench-work"
RESULTS="$BENCH/.build/results"
SPEC="$ROOT/spec/follows.yaml"
OPENAPI_CONFIG="$BENCH/Sources/OpenAPIFollows/openapi-generator-config.yaml"
mkdir -p "$WORK" "$RESULTS"

note() { printf '==> %s\n' "$*" >&2; }

# need COMMAND DEBIAN-PACKAGE: installs the package when the command is missing.
need() {
    command -v "$1" >/dev/null 2>&1 && return
    note "installing $2"
    apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null
}

# release PRODUCT...: builds products of the benchmark package (or of its
# dependencies) in release mode, one at a time.
release() {
    local product
    for product in "$@"; do
        note "swift build -c release --product $product"
        swift build -c release --package-path "$BENCH" --product "$product" >&2
    done
}

# hyperfine_medians JSON: "name<TAB>median seconds" for each command measured.
hyperfine_medians() {
    python3 -c '
import json, sys
for result in json.load(open(sys.argv[1]))["results"]:
    print(result["command"] + "\t" + format(result["median"], ".6f"))
' "$1"
}

# peak_rss_kib RUNS COMMAND...: the median of RUNS maximum resident set sizes, in KiB.
peak_rss_kib() {
    local runs="$1"
    shift
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%M" -o "$WORK/time.out" "$@" >/dev/null 2>&1
        tail -n 1 "$WORK/time.out"
    done | sort -n | awk '{ values[NR] = $1 } END { print values[int((NR + 1) / 2)] }'
}

# instructions PROGRAM ARGUMENTS...: instructions the program executes, all
# threads, counted by callgrind. valgrind 3.19 cannot read the DWARF 5 that
# swiftc writes, so it runs a copy without debug information.
instructions() {
    local program="$1"
    shift
    cp "$program" "$WORK/$(basename "$program").stripped"
    strip --strip-debug "$WORK/$(basename "$program").stripped"
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$WORK/$(basename "$program").stripped" "$@" 2>&1 >/dev/null |
        awk '/Collected :/ { print $NF }'
}

# record FIGURE: copies standard input to the figure's results file and to standard output.
record() {
    tee "$RESULTS/$1.md"
}

machine() {
    printf '%s, %s cores, %s GiB, %s\n' \
        "$(uname -m)" "$(nproc)" "$(awk '/MemTotal/ { printf "%d", $2 / 1048576 }' /proc/meminfo)" \
        "$(swift --version 2>/dev/null | head -n 1)"
}

# readme_plugin_package DIRECTORY: writes the plugin user package exactly as
# the article "Generating code for your own spec" (Sources/XFollows/XFollows.docc/
# GeneratingCodeForYourOwnSpec.md) shows it (its Package.swift,
# MyXClient.swift and xapi-gen.json blocks), with the package URL pointed at
# this checkout and spec/follows.yaml as its spec/my-api.yaml.
readme_plugin_package() {
    python3 - "$ROOT/Sources/XFollows/XFollows.docc/GeneratingCodeForYourOwnSpec.md" "$1" "$ROOT" <<'PY'
import pathlib, re, sys
readme, directory, root = pathlib.Path(sys.argv[1]).read_text(), pathlib.Path(sys.argv[2]), sys.argv[3]
# The article's opening part, before its subsections (the server side has a json block too).
section = readme.split("## Overview", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
blocks = re.findall(r"```(\w*)\n(.*?)```", section, re.S)
def block(language, marker):
    found = [text for lang, text in blocks if lang == language and marker in text]
    if len(found) != 1:
        sys.exit(f"{sys.argv[1]}: expected one {language} block with {marker!r} before its subsections")
    return found[0]
manifest = block("swift", "XAPIGeneratorPlugin")
url = '.package(url: "https://github.com/OWNER/xapi-follows", branch: "main")'
if url not in manifest:
    sys.exit(f"{sys.argv[1]}: the package manifest no longer depends on " + url)
manifest = manifest.replace(url, f'.package(name: "xapi-follows", path: "{root}")')
target = directory / "Sources/MyXClient"
target.mkdir(parents=True, exist_ok=True)
(directory / "spec").mkdir(exist_ok=True)
(directory / "Package.swift").write_text(manifest)
(target / "MyXClient.swift").write_text(block("swift", "// Sources/MyXClient/MyXClient.swift"))
(target / "xapi-gen.json").write_text(block("json", '"spec"'))
(directory / "spec/my-api.yaml").write_text(pathlib.Path(root, "spec/follows.yaml").read_text())
PY
}
