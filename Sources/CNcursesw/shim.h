#ifndef NNGUIDE_CNCURSESW_SHIM_H
#define NNGUIDE_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE; without these the wide-character API stays hidden.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>
#endif
