// The least any statically linked Swift program with Foundation pays to put a screen up: `make bench`
// times it in the same pseudo-terminal as nnguide and less, so BENCHMARKS.md can say how much of
// nnguide's first frame is the language's start-up and how much is nnguide's own work.
import Foundation

_ = FileManager.default.currentDirectoryPath   // use Foundation, as any real program does
#if FULL_FOUNDATION
// Built with -D FULL_FOUNDATION, the program links all of Foundation with ICU, as nnguide must (Yams
// needs NSRegularExpression): the same start-up, a binary three times larger.
if CommandLine.arguments.count > 99 { print(DateFormatter().string(from: Date()), try! NSRegularExpression(pattern: "a")) }
#endif
var raw = termios()
tcgetattr(0, &raw)
let saved = raw
cfmakeraw(&raw)
tcsetattr(0, TCSANOW, &raw)
let screen = "\u{1b}[?1049h\u{1b}[H\u{1b}[2JContents\r\n"
_ = screen.withCString { write(1, $0, strlen($0)) }
var c: UInt8 = 0
while read(0, &c, 1) == 1, c != UInt8(ascii: "q") {}
var restore = saved
tcsetattr(0, TCSANOW, &restore)
_ = "\u{1b}[?1049l".withCString { write(1, $0, strlen($0)) }
