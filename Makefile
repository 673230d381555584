# nnguide: the two commands that matter are `make run` and `make test`.
PREFIX ?= /usr/local
SWIFT  ?= swift

# The shipped binary is linked fully statically (Swift runtime, Foundation, ncursesw, C library):
# it starts several times faster than the dynamically linked default and runs where no Swift
# toolchain is installed (BENCHMARKS.md has the measurements). LINK=dynamic builds the default.
LINK ?= static

# The code a session runs is linked together (issue 15, BENCHMARKS.md "Memory"): the kernel maps the
# 64 KiB around every page fault in the executable, so scattered functions bring their neighbours in.
# Our modules and the packages put every function in its own section (the toolchain's static libraries
# already do, and a C library object is one function or a few), and lld, the toolchain's linker, puts
# the sections of the functions listed in Tools/link-order.txt first, in that order (`make link-order`
# regenerates the list from a profile of real sessions). gold, swiftc's default, cannot move a C
# object's .text by a symbol in it, so it saved 2 MiB less. Without lld or without the list the link
# is the same but unordered; names the list has that no longer exist are skipped, so a stale list
# costs memory, never the build.
LINK_ORDER   := Tools/link-order.txt
LLD          := $(wildcard $(dir $(shell command -v swiftc 2>/dev/null))ld.lld)
LAYOUT_FLAGS := -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections
ifneq ($(LLD),)
LAYOUT_FLAGS += -Xswiftc -use-ld=lld
ifneq ($(wildcard $(LINK_ORDER)),)
LAYOUT_FLAGS += -Xlinker --symbol-ordering-file=$(CURDIR)/$(LINK_ORDER) -Xlinker --no-warn-symbol-ordering
endif
endif
# Optimised for size (issue 25, BENCHMARKS.md "The binary"): our own code and the packages' are the
# part of the binary the build controls; the toolchain's libraries come already compiled.
SIZE_FLAGS := -Xswiftc -Osize
ifeq ($(LINK),static)
BUILD_FLAGS := --scratch-path .build/static -Xswiftc -static-executable $(LAYOUT_FLAGS) $(SIZE_FLAGS)
BIN         := .build/static/release/nnguide
else
BUILD_FLAGS :=
BIN         := .build/release/nnguide
endif

BINDIR  = $(DESTDIR)$(PREFIX)/bin
DATADIR = $(DESTDIR)$(PREFIX)/share/nnguide
MANDIR  = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR  = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: all build run test lint install uninstall bench clean link-order check-link-order

all: build

# The shipped content is validated and compiled once here (CompiledGuide), beside the binary, so
# that no first start has to parse the YAML; `make install` compiles the installed copy the same way.
build:
ifeq ($(LINK),static)
	@# SwiftPM does not read the order file, so an order newer than the binary has it linked again.
	@if [ -f $(LINK_ORDER) ] && [ -f $(BIN) ] && [ $(LINK_ORDER) -nt $(BIN) ]; then rm -f $(BIN); fi
endif
	$(SWIFT) build -c release --product nnguide $(BUILD_FLAGS)
	$(BIN) compile-guide --content Content --output $(dir $(BIN))guide.compiled

# Regenerates Tools/link-order.txt: the static build's sessions run under callgrind (valgrind), driven by
# nnguide-bench's pseudo-terminal (the four key sessions) and tmux (contents, find, glossary, compare,
# Decide, help); then `make build` again links with it. The harness is built dynamically: statically
# linked, glibc's pseudo-terminal calls are missing.
link-order: build
	$(SWIFT) build --product nnguide-bench
	Tools/link-order.sh profile $(BIN) .build/debug/nnguide-bench

# Fails when the shipped binary was not linked in Tools/link-order.txt's order (or not with lld).
check-link-order: build
	Tools/link-order.sh check $(BIN)

run: build
	$(BIN)

# The end-to-end tests drive the debug binary, so build it before the suite runs.
test:
	$(SWIFT) build --product nnguide
	$(SWIFT) test

lint: build
	$(BIN) lint

# The man page and the completions are generated from the command definitions, so they list
# exactly the commands and options the binary has. generate-manual is swift-argument-parser's tool;
# Tools/tidy-manual.awk leaves out the commands hidden from help (HIDDEN) and makes the page clean
# for groff. Tests/Release/check-install.sh checks both.
HIDDEN = bench compile-guide

# The installed copy is stripped of symbols and debug information (99 MB to 65 MB): nothing reads them
# at run time (the Swift runtime finds types through its own metadata sections, not the symbol table).

install: build
	$(SWIFT) build -c release --product generate-manual
	install -d $(BINDIR) $(DATADIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(BIN) $(BINDIR)/nnguide
	strip $(BINDIR)/nnguide 2>/dev/null || true
	rm -rf $(DATADIR)/Content
	cp -R Content $(DATADIR)/Content
	$(BINDIR)/nnguide compile-guide --content $(DATADIR)/Content --output $(DATADIR)/guide.compiled >/dev/null
	rm -rf .build/man && mkdir -p .build/man
	.build/release/generate-manual $(BIN) --date "$$(git log -1 --format=%cs 2>/dev/null || date +%F)" -o .build/man
	awk -v hidden="$(HIDDEN)" -f Tools/tidy-manual.awk .build/man/nnguide.1 > $(MANDIR)/nnguide.1
	chmod 644 $(MANDIR)/nnguide.1
	$(BIN) completions bash > $(BASHDIR)/nnguide
	$(BIN) completions zsh > $(ZSHDIR)/_nnguide
	$(BIN) completions fish > $(FISHDIR)/nnguide.fish
	@echo "installed $(BINDIR)/nnguide (content in $(DATADIR)/Content, man page, bash/zsh/fish completions)"

uninstall:
	rm -f $(BINDIR)/nnguide $(MANDIR)/nnguide.1 $(BASHDIR)/nnguide $(ZSHDIR)/_nnguide $(FISHDIR)/nnguide.fish
	rm -rf $(DATADIR)

# Benchmarks against less; results in bench-out/results.md (BENCHMARKS.md explains them). It builds
# the harness and two release binaries first (LINKS=all: three), then measures for about ten minutes.
bench:
	Tests/Benchmarks/run.sh

clean:
	rm -rf .build
