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
