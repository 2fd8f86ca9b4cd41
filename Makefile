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
PY_PKGS := python-docx lxml jsonschema

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
	@python3 -c 'import docx, lxml, jsonschema' 2>/dev/null || python3 -m pip install -q $(PY_PKGS)

build: deps-build
	$(SWIFT) build

release: deps-build
	$(SWIFT) build -c release --static-swift-stdlib

test: deps-test
	$(SWIFT) build
	$(SWIFT) test --disable-swift-testing

demo: build
	@rm -rf demo-out && mkdir -p demo-out
	@for f in $$(find Samples -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.docx' \) ! -name README.md | sort); do \
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

# The DOCX reader against pandoc's own DOCX test files (also part of `make test`): prints the match rate and
# rewrites the per-file table in docs/DOCX-READER.md.
.PHONY: docx-judge
docx-judge: deps-test
	DOCX_JUDGE_REPORT=$(CURDIR)/docs/DOCX-READER.md $(SWIFT) test --disable-swift-testing --filter DOCXPandocJudgeTests

# ---- fuzzing (issue 8): each reader, with every writer behind it, for a bounded time ----
# make fuzz [FUZZ_SECONDS=300] [FUZZ_READERS="html json"] [FUZZ_WRITERS=json,markdown]; logs in .build-fuzz/<reader>.log, crashing
# inputs in .build-fuzz/crashes/ (copy each into Tests/PressKitTests/Fixtures/Regressions/ once fixed).
FUZZ_SECONDS ?= 120
FUZZ_READERS ?= text markdown html json
# Empty: every writer behind each reader. A shorter list (e.g. json) runs the readers many times faster.
FUZZ_WRITERS ?=
.PHONY: fuzz fuzz-build
fuzz-build: deps-build
	$(SWIFT) build --product presskit-fuzz -c release --scratch-path .build-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING

fuzz: fuzz-build
	@mkdir -p .build-fuzz/crashes
	@set -o pipefail; for r in $(FUZZ_READERS); do \
	  case $$r in text) ext=txt;; markdown) ext=md;; html) ext=html;; json) ext=json;; \
	    docx) ext=docx; mkdir -p .build-fuzz/corpus/docx; cp Tests/Judges/docx-reader/pandoc/*.docx .build-fuzz/corpus/docx/;; \
	    docx-xml) ext=docx-xml; mkdir -p .build-fuzz/corpus/docx-xml; for d in Tests/Judges/docx-reader/pandoc/*.docx; do \
	      unzip -p $$d word/document.xml | head -c 16384 > .build-fuzz/corpus/docx-xml/$$(basename $$d .docx).xml; done;; \
	    *) echo "fuzz: no reader named $$r"; exit 2;; esac; \
	  mkdir -p .build-fuzz/corpus/$$r; \
	  find Samples Tests/PressKitTests/Fixtures -name "*.$$ext" -size -64k -exec cp {} .build-fuzz/corpus/$$r/ \; ; \
	  echo "fuzzing $$r for $(FUZZ_SECONDS) s"; \
	  PRESSKIT_FUZZ_FORMAT=$$r PRESSKIT_FUZZ_WRITERS=$(FUZZ_WRITERS) .build-fuzz/release/presskit-fuzz .build-fuzz/corpus/$$r \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=16384 \
	    -artifact_prefix=.build-fuzz/crashes/$$r- -print_final_stats=1 2>&1 | tee .build-fuzz/$$r.log | \
	    grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|Done|==[0-9]+==ERROR|SUMMARY)' \
	    || { echo "fuzz: $$r failed, see .build-fuzz/$$r.log and .build-fuzz/crashes/"; exit 1; }; \
	done

# ---- benchmarks (issue 9): presskit against pandoc, trafilatura and the libxml2/zlib floor ----
.PHONY: bench bench-quick bench-deps
bench-deps: deps-build
	@command -v pandoc >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pandoc >/dev/null)
	@dpkg -s zlib1g-dev >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zlib1g-dev >/dev/null)
	@python3 -c 'import trafilatura' 2>/dev/null || python3 -m pip install -q trafilatura

bench: bench-deps
	$(SWIFT) build -c release --static-swift-stdlib
	python3 bench/bench.py

bench-quick: bench-deps
	$(SWIFT) build -c release --static-swift-stdlib
	python3 bench/bench.py --quick

# ---- batch benchmark (issue 7): a folder of N releases, presskit's batch against a pandoc loop ----
# make bench-batch [BATCH_FORMAT=docx] [BATCH_N=2000]
.PHONY: bench-batch
bench-batch: bench-deps
	$(SWIFT) build -c release --static-swift-stdlib
	PRESSKIT_BIN=$(RELEASE_BIN) bench/batch.sh "$(BATCH_FORMAT)" "$(BATCH_N)"

# ---- HTML reader (issue 4): main-content extraction scored on the development set ----
# EXTRACTION_DIR defaults to ../shared/extraction (the data is not in the repository).
# MODE=library scores the reader's article text in one process; MODE=cli runs `presskit PAGE -t text` per page.
.PHONY: extraction-score
extraction-score: deps-build
	bench/extraction-score.sh $(EXTRACTION_DIR)
