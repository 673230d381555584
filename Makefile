# nnguide: the two commands that matter are `make run` and `make test`.
PREFIX ?= /usr/local
SWIFT  ?= swift
BIN    := .build/release/nnguide

.PHONY: all build run test lint install uninstall bench clean

all: build

build:
	$(SWIFT) build -c release --product nnguide

run: build
	$(BIN)

# The end-to-end tests drive the debug binary, so build it before the suite runs.
test:
	$(SWIFT) build --product nnguide
	$(SWIFT) test

lint: build
	$(BIN) lint

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/nnguide
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/nnguide
	rm -rf $(DESTDIR)$(PREFIX)/share/nnguide/Content
	cp -R Content $(DESTDIR)$(PREFIX)/share/nnguide/Content

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/nnguide
	rm -rf $(DESTDIR)$(PREFIX)/share/nnguide

clean:
	rm -rf .build
