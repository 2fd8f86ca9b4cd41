# presskit — see README.md. `make demo` and `make test` set up a fresh machine themselves.
SHELL := /bin/bash
PREFIX ?= /usr/local
SWIFT ?= swift
BIN := .build/debug/presskit
RELEASE_BIN := .build/release/presskit

# System libraries the build links against.
BUILD_PKGS := pkg-config libxml2-dev libzip-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libuchardet-dev
# Independent judges the tests call.
TEST_PKGS := cmark-gfm pandoc epubcheck default-jre-headless libreoffice-writer-nogui poppler-utils unzip
PY_PKGS := python-docx lxml

.PHONY: all deps deps-build deps-test build release test demo install clean formats

all: build

deps: deps-build deps-test

deps-build:
	@missing=""; for p in $(BUILD_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing) >/dev/null; fi

deps-test: deps-build
	@missing=""; for p in $(TEST_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing) >/dev/null; fi
	@python3 -c 'import docx, lxml' 2>/dev/null || python3 -m pip install -q $(PY_PKGS)

build: deps-build
	$(SWIFT) build

release: deps-build
	$(SWIFT) build -c release --static-swift-stdlib

test: deps-test
	$(SWIFT) build
	$(SWIFT) test --disable-swift-testing

demo: build
	@rm -rf demo-out && mkdir -p demo-out
	@for f in $$(find Samples -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | sort); do \
	  base=$$(basename "$$f"); \
	  for t in json markdown html text epub docx; do \
	    if $(BIN) formats 2>/dev/null | awk '$$3=="yes"{print $$1}' | grep -qx "$$t"; then \
	      ext=$$t; [ $$t = markdown ] && ext=md; [ $$t = text ] && ext=txt; \
	      $(BIN) "$$f" -t $$t -o "demo-out/$${base%.*}.$${f##*.}.$$ext" || echo "FAILED: $$f -> $$t"; \
	    fi; \
	  done; \
	done
	@echo "wrote into demo-out/:"; ls -l demo-out

install: release
	install -d $(PREFIX)/bin
	install -m 755 $(RELEASE_BIN) $(PREFIX)/bin/presskit

formats: build
	$(BIN) formats

clean:
	rm -rf .build demo-out bench-out
