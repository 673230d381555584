# Tidies the man page swift-argument-parser's generate-manual writes from the binary (`make install`):
#  - leaves out subcommands hidden from help (-v hidden="bench other"): generate-manual lists them;
#  - a blank line inside a description becomes .Pp (groff -ww warns "Empty input line");
#  - indented example lines become a literal display (.Bd -literal), so groff neither refills them
#    nor reads their quotes and words as mdoc arguments.
# Run: awk -v hidden="bench" -f Tools/tidy-manual.awk nnguide.1 > out.1
BEGIN {
    n = split(hidden, names, " ")
    for (i = 1; i <= n; i++) skip[names[i]] = 1
    dropping = 0; depth = 0; literal = 0
}
function endLiteral() { if (literal) { print ".Ed"; literal = 0; last = ".Ed" } }
{
    if (dropping) {
        if ($1 == ".Bl") { depth++; next }
        if ($1 == ".El") { if (depth > 0) { depth--; next } dropping = 0 }
        else if ($1 == ".It" && $2 == "Em" && depth == 0) dropping = 0
        else next
    }
    if ($1 == ".It" && $2 == "Em" && ($3 in skip)) { endLiteral(); dropping = 1; depth = 0; next }
    if ($0 ~ /^  +[^ ]/) {
        if (!literal) { print ".Bd -literal -offset indent"; literal = 1 }
        sub(/^ +/, ""); gsub(/\\/, "\\e")
        if ($0 ~ /^[.']/) $0 = "\\&" $0
        print; next
    }
    endLiteral()
    if ($0 == "") { if (last != ".Pp" && last != ".Ed") print ".Pp"; last = ".Pp"; next }
    print; last = $1
}
END { endLiteral() }
