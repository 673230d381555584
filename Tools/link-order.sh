#!/usr/bin/env bash
# The link order of the shipped executable (issue 15: peak memory). The kernel maps the 64 KiB around
# every page fault in the executable, so each function a session calls brings its neighbours; the
# functions real sessions run are put first and together (lld's --symbol-ordering-file) so that few
# 64 KiB windows hold them all. This script regenerates Tools/link-order.txt from a profile.
#
#   Tools/link-order.sh profile BINARY BENCH   run the sessions under callgrind, write Tools/link-order.txt
#   Tools/link-order.sh check BINARY           the link followed the file: its functions lead .text, in order
#
# `make link-order` runs `profile` on the release build (BENCHMARKS.md, "Memory"). The sessions: the four
# of `nnguide-bench keys` (start and home, search, glossary filter, paging, scrolling) and a tmux session
# through contents, a page, find, the glossary, compare, Decide (a tree to its pick, the brief form, the
# map) and help. A function used by more sessions comes earlier, so what every start runs is densest.
set -euo pipefail
cd "$(dirname "$0")/.."
ORDER=Tools/link-order.txt

# The function symbols a callgrind output names (every one ran: fn= had cost, cfn= was called).
functions() { sed -n -E 's/^c?fn=\([0-9]+\) (.*)$/\1/p' "$1" | sed -E "s/'[0-9]+$//" | sort -u; }

profile() {
  local bin=$1 bench=$2
  command -v valgrind >/dev/null || { echo "link-order: valgrind is needed to profile" >&2; exit 1; }
  local out; out=$(mktemp -d /tmp/nnguide-link-order.XXXXXX)
  # valgrind 3.19 cannot read the DWARF 5 the toolchain writes, so a copy without debug information
  # (symbols kept) is profiled, with its own compiled guide beside it (the guide is keyed to the
  # executable that wrote it), so the start takes the shipped path.
  local exe=$out/nnguide
  strip --strip-debug -o "$exe" "$bin"
  "$exe" compile-guide --content Content --output "$out/guide.compiled" >/dev/null
  local wrap=$out/nnguide-callgrind
  cat > "$wrap" <<WRAP
#!/bin/sh
exec valgrind --tool=callgrind -q --demangle=no --dump-instr=no \
  --callgrind-out-file=$out/cg.%p "$exe" "\$@"
WRAP
  chmod +x "$wrap"
  echo "link-order: the key sessions under callgrind (a few minutes)"
  "$bench" keys profile="$wrap" Content > "$out/keys.md" || true
  echo "link-order: the other screens under callgrind, in tmux"
  local home; home=$(mktemp -d)
  local s=link-order-$$
  tmux -f /dev/null new-session -d -s "$s" -x 80 -y 24 \
    "env HOME=$home XDG_STATE_HOME=$home/state XDG_CACHE_HOME=$home/cache NNGUIDE_CONTENT=$PWD/Content $wrap"
  keys() { for k in "$@"; do tmux send-keys -t "$s" "$k"; sleep 1.5; done; }
  sleep 20
  keys t Enter Space Space ] / t r a n s Enter n Escape Tab Enter BSpace \
       i e m b e Down Enter Escape \
       c j x j x Enter Escape \
       d 1 1 1 Enter y M Escape BSpace BSpace BSpace d 3 Escape d \
       '?' Escape H q
  sleep 10
  tmux kill-session -t "$s" 2>/dev/null || true
  rm -rf "$home"
  local n; n=$(ls "$out"/cg.* 2>/dev/null | wc -l)
  [ "$n" -ge 4 ] || { echo "link-order: only $n profiles in $out" >&2; exit 1; }
  # Each function once, the ones more sessions ran first (then by name, so a profile of the same
  # sessions gives the same file); lld moves the section that holds each.
  for f in "$out"/cg.*; do functions "$f"; done | sort | uniq -c | sort -k1,1nr -k2 \
    | awk '{ print $2 }' > "$ORDER.new"
  mv "$ORDER.new" "$ORDER"
  echo "link-order: $(wc -l < "$ORDER") functions from $n profiles written to $ORDER"
  rm -rf "$out"
}

# The link used the file: walking the listed functions in the binary by address, each comes after
# the one before it in the file (lld places the sections holding them first, in the file's order).
# A section holding several listed functions (a C object's .text, a Swift object's shared code) is
# placed by the first of them and breaks the walk for the others; in an unordered link about half the
# steps go back, in an ordered one about one in nine. Fails when more than a quarter do, or none are
# in the binary.
check() {
  local bin=$1
  [ -s "$ORDER" ] || { echo "link-order: no $ORDER" >&2; exit 1; }
  nm -n --defined-only "$bin" | awk -v order="$ORDER" '
    BEGIN { while ((getline l < order) > 0) rank[l] = ++n }
    $2 ~ /^[tTwW]$/ && ($3 in rank) { seen++; r = rank[$3]; if (r < last) back++; last = r }
    END {
      if (seen == 0) { print "link-order: none of the " n " listed functions is in the binary"; exit 1 }
      printf "link-order: %d of %d listed functions in the binary, %d steps back\n", seen, n, back
      if (back > seen / 4) { print "link-order: the link did not follow " order; exit 1 }
    }'
}

case "${1:-}" in
  profile) [ $# -eq 3 ] || { echo "usage: $0 profile BINARY BENCH" >&2; exit 64; }; profile "$2" "$3" ;;
  check)   [ $# -eq 2 ] || { echo "usage: $0 check BINARY" >&2; exit 64; }; check "$2" ;;
  *) echo "usage: $0 profile BINARY BENCH | check BINARY" >&2; exit 64 ;;
esac
