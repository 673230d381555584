#!/usr/bin/env bash
# `make bench`: everything BENCHMARKS.md reports, measured side by side in one run.
#
# Builds nnguide three ways (fully static: what `make build` ships; static Swift runtime; the dynamic
# SwiftPM default) and the start-up floor (floor.swift: a static Swift program that only writes a
# line), generates content 10x and 100x the size of Content/, then measures time to first frame
# against less, key-to-redraw latency and peak memory in a pseudo-terminal, and loading, search
# and update+render inside one process. Results are printed and written to bench-out/results.md.
#
#   RUNS=21       rounds of first-frame measurements (interleaved; medians reported)
#   SCALES="10 100"  synthetic content sizes
#   LESS_FILE=... the text less opens (default: the guide's source text, ../shared/source/guide.txt)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=$root/bench-out
runs=${RUNS:-21}
scales=${SCALES:-10 100}
less_file=${LESS_FILE:-$root/../shared/source/guide.txt}
mkdir -p "$out"
results=$out/results.md

step() { printf '\n== %s\n' "$*" >&2; }

step "building the harness and three nnguide binaries"
swift build -c release --product nnguide-bench
swift build -c release --product nnguide
swift build -c release --product nnguide --static-swift-stdlib --scratch-path .build/static-stdlib
make build
# The floor: a static Swift program with Foundation that only clears the screen and writes a line.
swiftc -O -static-executable Tests/Benchmarks/floor.swift -o .build/bench-floor 2>/dev/null
swiftc -O -static-executable -D FULL_FOUNDATION Tests/Benchmarks/floor.swift -o .build/bench-floor-foundation 2>/dev/null
floor=$root/.build/bench-floor
floor_full=$root/.build/bench-floor-foundation
bench=$root/.build/release/nnguide-bench
static=$root/.build/static/release/nnguide
stdlib=$root/.build/static-stdlib/release/nnguide
dynamic=$root/.build/release/nnguide

"$static" lint --content "$root/Content" >/dev/null || { echo "Content/ does not lint clean; fix it before benchmarking" >&2; exit 65; }
if [ ! -f "$less_file" ]; then
  less_file=$out/guide.md
  "$static" export --format markdown --content "$root/Content" > "$less_file"
  echo "note: ../shared/source/guide.txt not found; less opens the Markdown export instead" >&2
fi

step "generating synthetic content: ${scales}x"
for s in $scales; do "$bench" gen "$root/Content" "$s" "$out/x$s"; done

{
  echo "# nnguide benchmark run"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
  echo "- less $(less --version | head -1 | awk '{print $2}') opens $(basename "$less_file") ($(wc -c < "$less_file") bytes); nnguide reads Content/ ($(du -sb "$root/Content" | cut -f1) bytes of YAML)"
  for s in $scales; do echo "- x$s: $(du -sb "$out/x$s" | cut -f1) bytes of YAML in $(ls "$out/x$s/pages" | wc -l) page files"; done
  echo "- binaries: static $(stat -c %s "$static") bytes, static-stdlib $(stat -c %s "$stdlib") bytes, dynamic $(stat -c %s "$dynamic") bytes (+ the Swift runtime's shared libraries)"
} > "$results"
cat "$results"

step "time to first frame (warm content cache), 1x: the three link modes against less"
"$bench" --out "$results" frames "1x (Content/)" "$runs" "$root/Content" "$less_file" static="$static" static-stdlib="$stdlib" dynamic="$dynamic" swift-floor="$floor"
step "the start-up floor with all of Foundation linked, as nnguide has it"
"$bench" --out "$results" frames "1x, floors" "$runs" "$root/Content" "$less_file" static="$static" swift-floor="$floor" swift-floor-foundation="$floor_full"
for s in $scales; do
  step "time to first frame, ${s}x"
  "$bench" --out "$results" frames "${s}x" "$runs" "$out/x$s" "$less_file" static="$static"
done

step "first start on a fresh account: no user cache, the guide compiled by make build"
"$bench" --out "$results" frames "1x, fresh account" "$runs" "$root/Content" "$less_file" static="$static" static="$static@fresh"

step "first start after an edit (no content cache: YAML parsed and checked)"
# A copy of Content/ with one file edited, so neither the cache nor the compiled guide matches it.
rm -rf "$out/x1-edited"; cp -R "$root/Content" "$out/x1-edited"; echo "# edited" >> "$out/x1-edited/glossary.yaml"
"$bench" --out "$results" frames "1x edited, no cache" 5 "$out/x1-edited" "$less_file" static="$static@nocache"
for s in $scales; do "$bench" --out "$results" frames "${s}x, no cache" 3 "$out/x$s" "$less_file" static="$static@nocache"; done

step "key to finished redraw, and peak memory"
"$bench" --out "$results" keys "static 1x"="$static" "$root/Content"
for s in $scales; do "$bench" --out "$results" keys "static ${s}x"="$static" "$out/x$s"; done

step "in-process: loading, search, update + render"
"$bench" --out "$results" inproc "$root/Content" "$out/cache-inproc" 20
for s in $scales; do "$bench" --out "$results" inproc "$out/x$s" "$out/cache-inproc" 5; done

step "the executable: size by section"
{
  echo
  echo "### the shipped executable ($(stat -c %s "$static") bytes)"
  echo
  echo '```'
  size -A "$static" | awk 'NR>2 && $2>100000 {printf "%-22s %8.1f MiB\n", $1, $2/1048576}'
  echo '```'
} | tee -a "$results"

step "done: $results"
