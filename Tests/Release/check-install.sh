#!/usr/bin/env bash
# Installs into a temporary PREFIX, then checks from an unrelated directory, with the checkout out of
# reach, that the installed nnguide finds its own content, that the man page and the completions are
# there and match the binary's commands, and that `make uninstall` removes every file it installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix=$(mktemp -d /tmp/nnguide-prefix.XXXXXX)
trap 'rm -rf "$prefix"' EXIT
make install PREFIX="$prefix" >/dev/null
fail() { echo "check-install: $*" >&2; exit 1; }

cd /tmp
export PATH="$prefix/bin:/usr/bin:/bin" HOME="$prefix/home" XDG_CACHE_HOME="$prefix/cache"
unset NNGUIDE_CONTENT
mkdir -p "$HOME"
[ "$(command -v nnguide)" = "$prefix/bin/nnguide" ] || fail "nnguide is not the installed one"
nnguide --version | grep -q . || fail "--version printed nothing"
nnguide lint | grep -qx "$prefix/share/nnguide/Content: clean" || fail "lint did not use the installed content: $(nnguide lint 2>&1 | tail -1)"
nnguide show part-5 >/dev/null || fail "show part-5 failed"
# A new account starts from the guide compiled at install time: no YAML parsed, no cache written.
NNGUIDE_TRACE_LOAD=1 nnguide toc 2>&1 >/dev/null | grep -q "guide from compiled guide $prefix/share/nnguide/guide.compiled" \
  || fail "the installed guide was not read compiled: $(NNGUIDE_TRACE_LOAD=1 nnguide toc 2>&1 >/dev/null)"
nnguide glossary 'inductive bias' >/dev/null || fail "glossary lookup failed"
# Only the C library, if anything, may be shared: the Swift runtime must not be needed.
if ldd "$prefix/bin/nnguide" 2>/dev/null | grep -q libswift; then fail "the installed binary needs the Swift runtime"; fi

page="$prefix/share/man/man1/nnguide.1"
man -l "$page" 2>/dev/null | grep -q "nnguide" || fail "man page does not render"
# groff reads the installed page without one warning (-ww turns every warning on).
warnings=$(groff -man -ww -z "$page" 2>&1) || fail "groff failed on the man page: $warnings"
[ -z "$warnings" ] || fail "groff warns about the man page: $warnings"
subs=$(nnguide --help | awk '/^SUBCOMMANDS:/{f=1;next} f&&/^  [a-z]/{name=$1; sub(/,$/, "", name); print name}')
# The page documents exactly the subcommands help lists: nothing hidden (bench), nothing missing.
# (A command with aliases is one entry, `.It Em "toc, contents, list"`: its first name counts.)
for documented in $(awk '$1==".It" && $2=="Em" {name=$3; gsub(/^"|,$/, "", name); print name}' "$page"); do
  [ "$documented" = help ] && continue   # `nnguide help <subcommand>`, the parser's own
  echo "$subs" | grep -qx "$documented" || fail "man page documents '$documented', which help does not list"
done
for sub in $subs; do
  grep -Eq "^\.It Em \"?$sub(\$|,)" "$page" || fail "man page lacks $sub"
  grep -q "$sub" "$prefix/share/bash-completion/completions/nnguide" || fail "bash completion lacks $sub"
  grep -q "$sub" "$prefix/share/zsh/site-functions/_nnguide" || fail "zsh completion lacks $sub"
  grep -q "$sub" "$prefix/share/fish/vendor_completions.d/nnguide.fish" || fail "fish completion lacks $sub"
done
bash -c "source '$prefix/share/bash-completion/completions/nnguide' && complete -p nnguide" >/dev/null || fail "bash completion does not load"
# The installed completion calls the installed nnguide back for the guide's ids, as bash-completion would.
offered=$(bash -c "source '$prefix/share/bash-completion/completions/nnguide'
  COMP_WORDS=(nnguide show part-); COMP_CWORD=2; COMP_LINE='nnguide show part-'; COMP_POINT=\${#COMP_LINE}
  _nnguide nnguide part- show; printf '%s\n' \"\${COMPREPLY[@]}\"")
echo "$offered" | grep -qx part-5 || fail "bash does not complete page ids after show: $offered"

cd "$OLDPWD"
make uninstall PREFIX="$prefix" >/dev/null
left=$(find "$prefix" -type f -not -path "$prefix/home/*" -not -path "$prefix/cache/*")
[ -z "$left" ] || fail "uninstall left: $left"
echo "check-install: ok (installed, used from /tmp, uninstalled)"
