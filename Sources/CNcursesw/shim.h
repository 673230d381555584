#ifndef NNGUIDE_CNCURSESW_SHIM_H
#define NNGUIDE_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE; without these the wide-character API stays hidden.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Swift cannot import macros with arguments, and Swift 6 rejects C globals such as stdscr,
// stdout and COLORS: these small functions stand in for them.

static inline WINDOW *nng_stdscr(void) { return stdscr; }
static inline int nng_colors(void) { return COLORS; }
static inline int nng_color_pairs(void) { return COLOR_PAIRS; }
static inline int nng_lines(void) { return LINES; }
static inline int nng_cols(void) { return COLS; }
static inline int nng_maxy(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int nng_maxx(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline int nng_curx(WINDOW *w) { return getcurx(w); }

static inline attr_t nng_a_normal(void) { return A_NORMAL; }
static inline attr_t nng_a_bold(void) { return A_BOLD; }
static inline attr_t nng_a_dim(void) { return A_DIM; }
static inline attr_t nng_a_underline(void) { return A_UNDERLINE; }
static inline attr_t nng_a_reverse(void) { return A_REVERSE; }

static inline mmask_t nng_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline mmask_t nng_button1_click_mask(void) { return BUTTON1_CLICKED | BUTTON1_RELEASED; }
static inline mmask_t nng_wheel_up(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t nng_wheel_down(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t nng_wheel_down(void) { return 0; }
#endif

/// newterm on the process's own stdout and stdin; NULL (not exit) when the terminal is unusable.
static inline SCREEN *nng_newterm(const char *term) { return newterm(term, stdout, stdin); }

/// Bracketed paste on (1) or off (0): the terminal then wraps a paste in ESC[200~ ... ESC[201~.
/// Written with write(2), so it is safe in a signal handler and after endwin.
static inline void nng_bracketed_paste(int on) {
    const char *s = on ? "\033[?2004h" : "\033[?2004l";
    ssize_t r = write(STDOUT_FILENO, s, 8);
    (void)r;
}

/// Whether terminfo knows `term`, without printing anything: 1 yes, 0 unknown, -1 no terminfo database.
static inline int nng_terminfo_known(const char *term) {
    int err = 0;
    if (setupterm(term, 1, &err) == OK) { del_curterm(cur_term); return 1; }
    return err == 0 ? 0 : -1;
}

/// Draws wide-character text at (y, x) in one attribute and colour pair.
static inline int nng_put(WINDOW *w, int y, int x, const wchar_t *s, int n, attr_t attrs, short pair) {
    wattr_set(w, attrs, pair, NULL);
    return mvwaddnwstr(w, y, x, s, n);
}

static inline const char *nng_codeset(void) { return nl_langinfo(CODESET); }

/// A file that lives in memory (memfd_create, close-on-exec), or -1 where the system has none: what
/// curses writes during one frame is collected there and sent to the terminal in one write (`OutputBatch`).
static inline int nng_memory_file(void) {
#ifdef SYS_memfd_create
    return (int)syscall(SYS_memfd_create, "nnguide-frame", 1u /* MFD_CLOEXEC */);
#else
    return -1;
#endif
}
#endif
