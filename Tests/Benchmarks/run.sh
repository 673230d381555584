#!/usr/bin/env bash
# `make bench`: everything BENCHMARKS.md reports, measured side by side in one run, ending with issue
# 25's table (each figure against its goal, `less` beside it).
#
# Builds the shipped nnguide (fully static, `make build`) and the dynamic SwiftPM default (it shares
# its build with the harness), the start-up floor (floor.swift: a static Swift program that only
# writes a line), generates content 10x and 100x the size of Content/, then measures time to first
# frame against less (warm with and without the stored home frame, fresh account, with an overlay,
# after an edit with the cache from before it), `nnguide lint`
# (after an edit and cold), key-to-redraw latency and
# peak memory in a pseudo-terminal, loading, search and update+render inside one process, and what
# the executable is made of (built and stripped). Results are printed and written to bench-out/results.md.
#
#   RUNS=21          rounds of first-frame measurements (interleaved; medians reported)
#   SCALES="10 100"  synthetic content sizes (the lint figure needs 100)
#   LINKS=all        also build and time the static-Swift-runtime link mode (a third release build)
#   LESS_FILE=...    the text less opens (default: the guide's source text, ../shared/source/guide.txt)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=$root/bench-out
runs=${RUNS:-21}
scales=${SCALES:-10 100}
links=${LINKS:-}
less_file=${LESS_FILE:-$root/../shared/source/guide.txt}
mkdir -p "$out"
results=$out/results.md
figures=$out/figures.tsv
rm -f "$figures"
started=$(date +%s)

step() { printf '\n== %s (%s s)\n' "$*" "$(( $(date +%s) - started ))" >&2; }

step "building the harness and the nnguide binaries"
swift build -c release --product nnguide-bench
swift build -c release --product nnguide
make build
stdlib=
if [ "$links" = all ]; then
  swift build -c release --product nnguide --static-swift-stdlib --scratch-path .build/static-stdlib
  stdlib=$root/.build/static-stdlib/release/nnguide
fi
# The floor: a static Swift program with Foundation that only clears the screen and writes a line.
swiftc -O -static-executable Tests/Benchmarks/floor.swift -o .build/bench-floor 2>/dev/null
swiftc -O -static-executable -D FULL_FOUNDATION Tests/Benchmarks/floor.swift -o .build/bench-floor-foundation 2>/dev/null
floor=$root/.build/bench-floor
floor_full=$root/.build/bench-floor-foundation
bench() { "$root/.build/release/nnguide-bench" --out "$results" --figures "$figures" "$@"; }
static=$root/.build/static/release/nnguide
dynamic=$root/.build/release/nnguide
built=$(date +%s)

"$static" lint --content "$root/Content" >/dev/null || { echo "Content/ does not lint clean; fix it before benchmarking" >&2; exit 65; }
if [ ! -f "$less_file" ]; then
  less_file=$out/guide.md
  "$static" export --format markdown --content "$root/Content" > "$less_file"
  echo "note: ../shared/source/guide.txt not found; less opens the Markdown export instead" >&2
fi

step "generating synthetic content: ${scales}x"
for s in $scales; do "$root/.build/release/nnguide-bench" gen "$root/Content" "$s" "$out/x$s"; done

{
  echo "# nnguide benchmark run"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "- machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg) at the start of the measurements"
  echo "- less $(less --version | head -1 | awk '{print $2}') opens $(basename "$less_file") ($(wc -c < "$less_file") bytes); nnguide reads Content/ ($(du -sb "$root/Content" | cut -f1) bytes of YAML)"
  for s in $scales; do echo "- x$s: $(du -sb "$out/x$s" | cut -f1) bytes of YAML in $(ls "$out/x$s/pages" | wc -l) page files"; done
  echo "- code layout: $(Tools/link-order.sh check "$static" 2>&1 | tr '\n' ' ')(Tools/link-order.txt, BENCHMARKS.md \"Memory\")"
  echo "- binaries: static $(stat -c %s "$static") bytes${stdlib:+, static-stdlib $(stat -c %s "$stdlib") bytes}, dynamic $(stat -c %s "$dynamic") bytes (+ the Swift runtime's shared libraries)"
} > "$results"
cat "$results"

step "time to first frame (warm start), 1x: with and without the stored home frame, the link modes, against less"
bench frames "1x (Content/)" "$runs" "$root/Content" "$less_file" static="$static" static="$static@noframe" ${stdlib:+static-stdlib="$stdlib"} dynamic="$dynamic" swift-floor="$floor"
step "the start-up floor with all of Foundation linked, as nnguide has it"
bench frames "1x, floors" "$runs" "$root/Content" "$less_file" static="$static" swift-floor="$floor" swift-floor-foundation="$floor_full"
for s in $scales; do
  step "time to first frame, ${s}x"
  bench frames "${s}x" "$runs" "$out/x$s" "$less_file" static="$static"
done

step "first start on a fresh account (empty cache and state folders every round) against warm"
bench frames "1x, fresh account" "$runs" "$root/Content" "$less_file" static="$static" static="$static@fresh"

step "first frame with the example overlay against without (issue 24)"
bench frames "1x, example overlay" "$runs" "$root/Content" "$less_file" static="$static" static="$static@overlay=$root/Content/overlays/example-acme"

step "first start after an edit: one page file edited, the cache from before the edit put back each round"
# A copy of Content/ (so the compiled guide never matches it); @edited edits a page file before every
# round and restores that binary's cache as a start before the edit left it; @nocache reads no cache.
rm -rf "$out/x1-edited"; cp -R "$root/Content" "$out/x1-edited"
bench frames "1x, one page edited" 11 "$out/x1-edited" "$less_file" static="$static@edited" static="$static@nocache"
for s in $scales; do bench frames "${s}x, one page edited" 3 "$out/x$s" "$less_file" static="$static@edited" static="$static@nocache"; done
# The first frame may come from the old cache's outline; the whole edited guide loaded and checked:
bench edited "toc 1x, one page edited" 11 "$out/x1-edited" toc static="$static" static="$static@cold"
for s in $scales; do bench edited "toc ${s}x, one page edited" 3 "$out/x$s" toc static="$static"; done
bench inproc-edited "$out/x1-edited" 11
for s in $scales; do bench inproc-edited "$out/x$s" 3; done

step "nnguide lint: after editing one page (per-file cache), and cold (NNGUIDE_CACHE=off)"
bench edited "lint 1x, one page edited" 11 "$out/x1-edited" lint static="$static"
for s in $scales; do bench edited "lint ${s}x, one page edited" 3 "$out/x$s" lint static="$static"; done
bench lint "lint 1x, no cache" 5 "$static" "$out/x1-edited"
for s in $scales; do bench lint "lint ${s}x, no cache" 3 "$static" "$out/x$s"; done

step "key to finished redraw, and peak memory"
bench keys "static 1x"="$static" "$root/Content"
for s in $scales; do bench keys "static ${s}x"="$static" "$out/x$s"; done

step "in-process: loading, search, update + render"
bench inproc "$root/Content" "$out/cache-inproc" 20
for s in $scales; do bench inproc "$out/x$s" "$out/cache-inproc" 5; done

step "in-process: what would change the pick (flips), per brief"
bench flips "$root/Content" 20

step "the executable: what it is made of"
bench size "$static"

bench summary "$figures"
finished=$(date +%s)
{
  echo
  echo "Building took $(( built - started )) s, measuring $(( finished - built )) s; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
} | tee -a "$results"
step "done: $results"
