# presskit — see README.md. `make demo` and `make test` set up a fresh machine themselves.
SHELL := /bin/bash
PREFIX ?= /usr/local
SWIFT ?= swift
BIN := .build/debug/presskit
RELEASE_BIN := .build/release/presskit
# The release build links the Swift runtime statically and, with it, the C++ runtime it needs: loading
# libstdc++.so and binding its symbols was half of a hello world's start-up (2.12 M → 1.06 M instructions).
# The Swift driver's `-lstdc++` finds the archive first in .build/static-libstdc++ (a link to the compiler's
# libstdc++.a, from libstdc++-12-dev); without that archive the link stays dynamic, as before.
LIBSTDCXX_A := $(shell cc -print-file-name=libstdc++.a 2>/dev/null)
STATIC_CXX_DIR := $(CURDIR)/.build/static-libstdc++
RELEASE_BUILD = { [ ! -f "$(LIBSTDCXX_A)" ] || { mkdir -p $(STATIC_CXX_DIR) && ln -sf "$(LIBSTDCXX_A)" $(STATIC_CXX_DIR)/libstdc++.a; }; } && \
  $(SWIFT) build -c release --static-swift-stdlib --disable-local-rpath $(if $(filter /%,$(LIBSTDCXX_A)),-Xlinker -L$(STATIC_CXX_DIR))

# System libraries the build links against.
BUILD_PKGS := pkg-config libxml2-dev libzip-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libuchardet-dev zlib1g-dev
# Independent judges the tests call.
TEST_PKGS := cmark-gfm pandoc zsh fish groff-base epubcheck default-jre-headless libreoffice-writer-nogui poppler-utils unzip libxml2-utils texlive-latex-base texlive-latex-recommended texlive-fonts-recommended lmodern
PY_PKGS := python-docx lxml jsonschema pypandoc-binary rfc3339-validator feedparser pyld extruct

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
	@python3 -c 'import docx, lxml, jsonschema, pypandoc, rfc3339_validator, feedparser, pyld, extruct' 2>/dev/null || python3 -m pip install -q $(PY_PKGS)

build: deps-build
	$(SWIFT) build

release: deps-build
	$(RELEASE_BUILD)

test: deps-test
	$(SWIFT) build
	.build/debug/presskit-example >/dev/null
	$(SWIFT) test --disable-swift-testing

demo: build
	@rm -rf demo-out && mkdir -p demo-out
	@for f in $$(find Samples -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.docx' \) ! -name README.md | sort); do \
	  base=$$(basename "$$f"); \
	  for t in json markdown html text epub docx ninjs jsonld; do \
	    ext=$$t; [ $$t = markdown ] && ext=md; [ $$t = text ] && ext=txt; [ $$t = ninjs ] && ext=ninjs.json; \
	    $(BIN) "$$f" -t $$t -o "demo-out/$${base%.*}.$${f##*.}.$$ext" || echo "FAILED: $$f -> $$t"; \
	  done; \
	done
	@$(BIN) $$(find Samples -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) ! -name README.md | sort) \
	  -t atom -o demo-out/samples.atom -q || echo "FAILED: Samples -> atom"
	@echo "wrote into demo-out/:"; ls -l demo-out

# The binary, the man page (`presskit --generate-manual`, from the same option definitions as --help)
# and bash, zsh and fish completions (format names complete after -f/-t).
MAN_DATE ?= $(shell sed -n 's/^## \[[0-9.]*\] - \([0-9-]*\).*/\1/p' CHANGELOG.md | head -1)
install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/man/man1 $(PREFIX)/share/bash-completion/completions \
	  $(PREFIX)/share/zsh/site-functions $(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(RELEASE_BIN) $(PREFIX)/bin/presskit
	$(RELEASE_BIN) --generate-manual "$(MAN_DATE)" > $(PREFIX)/share/man/man1/presskit.1
	chmod 644 $(PREFIX)/share/man/man1/presskit.1
	$(RELEASE_BIN) --generate-completion-script bash > $(PREFIX)/share/bash-completion/completions/presskit
	$(RELEASE_BIN) --generate-completion-script zsh > $(PREFIX)/share/zsh/site-functions/_presskit
	$(RELEASE_BIN) --generate-completion-script fish > $(PREFIX)/share/fish/vendor_completions.d/presskit.fish
	@echo "installed presskit, its man page and completions under $(PREFIX)"

# The README's pictures (docs/images/), made by presskit and rendered by Chromium and LibreOffice.
.PHONY: pictures
pictures: build deps-test
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)
	@python3 -c 'import matplotlib, PIL' 2>/dev/null || python3 -m pip install -q matplotlib pillow
	bench/pictures.sh

# Library documentation (DocC): docs-out/ holds the static site.
.PHONY: docs
docs: deps-build
	$(SWIFT) package --allow-writing-to-directory docs-out generate-documentation --target PressKit \
	  --disable-indexing --output-path docs-out --warnings-as-errors

formats: build
	$(BIN) formats

clean:
	rm -rf .build demo-out bench-out docs-out

# The DOCX reader against pandoc's own DOCX test files (also part of `make test`): prints the match rate and
# rewrites the per-file table in docs/DOCX-READER.md.
.PHONY: docx-judge
docx-judge: deps-test
	DOCX_JUDGE_REPORT=$(CURDIR)/docs/DOCX-READER.md $(SWIFT) test --disable-swift-testing --filter DOCXPandocJudgeTests

# Zip seeds: the constant DOCX/EPUB parts shipped deflated (Sources/PressKit/Interop/ZipSeeds.swift). Regenerates
# Sources/CZipSeeds/seeds.c from the parts the code makes now (Tests/PressKitTests/ZipSeedsTests.swift), then
# rebuilds and checks it; run it when ZipSeedsTests says the seeds are out of date.
.PHONY: zip-seeds
zip-seeds: deps-build
	$(SWIFT) build --build-tests
	PRESSKIT_WRITE_ZIP_SEEDS=$(CURDIR)/Sources/CZipSeeds/seeds.c \
	  $(SWIFT) test --skip-build --disable-swift-testing --filter 'ZipSeedsTests/testWriteSeeds'
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing --filter ZipSeedsTests

# ---- fuzzing (issue 8): each reader, with every writer behind it, for a bounded time ----
# make fuzz [FUZZ_SECONDS=300] [FUZZ_READERS="html json"] [FUZZ_WRITERS=json,markdown]; logs in .build-fuzz/<reader>.log, crashing
# inputs in .build-fuzz/crashes/ (copy each into Tests/PressKitTests/Fixtures/Regressions/ once fixed).
FUZZ_SECONDS ?= 120
# FUZZ_RUNS=1000000 stops each reader after that many executions (-1: only FUZZ_SECONDS bounds the run);
# FUZZ_MAX_LEN bounds an input's size (smaller inputs run faster: 4096 for Markdown gave ~3x the executions).
FUZZ_RUNS ?= -1
FUZZ_MAX_LEN ?= 16384
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
	    -max_total_time=$(FUZZ_SECONDS) -runs=$(FUZZ_RUNS) -timeout=10 -rss_limit_mb=4096 -max_len=$(FUZZ_MAX_LEN) \
	    -artifact_prefix=.build-fuzz/crashes/$$r- -print_final_stats=1 2>&1 | tee .build-fuzz/$$r.log | \
	    grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|Done|==[0-9]+==ERROR|SUMMARY)' \
	    || { echo "fuzz: $$r failed, see .build-fuzz/$$r.log and .build-fuzz/crashes/"; exit 1; }; \
	done

# The CLI's option parsing (numbers, sizes, shard specs, encodings): generated and mutated argument vectors
# through the real parse, in process (Tests/presskitTests/OptionParsingFuzzTests.swift).
FUZZ_OPTION_RUNS ?= 1000000
.PHONY: fuzz-options markdown-hostile
fuzz-options: deps-build
	PRESSKIT_OPTION_FUZZ_RUNS=$(FUZZ_OPTION_RUNS) $(SWIFT) test --disable-swift-testing --filter OptionParsingFuzzTests

# Hostile Markdown (issue 19): cmark-gfm's quadratic patterns against the release build's time bound.
markdown-hostile: deps-build
	$(RELEASE_BUILD)
	bench/markdown-hostile.sh

# ---- benchmarks (issue 9): presskit against pandoc, trafilatura and the libxml2/zlib floor ----
.PHONY: bench bench-quick bench-deps
bench-deps: deps-build
	@for tool in pandoc cmark-gfm gcc; do command -v $$tool >/dev/null || missing="$$missing $$tool"; done; \
	 dpkg -s zlib1g-dev >/dev/null 2>&1 || missing="$$missing zlib1g-dev"; \
	 [ -z "$$missing" ] || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null)
	@# trafilatura needs lxml_html_clean beside this lxml: check it extracts, not only that pip has it.
	@python3 -c 'import trafilatura, lxml_html_clean, matplotlib' 2>/dev/null || \
	  python3 -m pip install -q trafilatura lxml_html_clean matplotlib
	@python3 -c 'import trafilatura; assert trafilatura.extract("<html><body><article><p>" + "A sentence of text. " * 20 + "</p></article></body></html>")' \
	  || { echo "bench-deps: trafilatura is installed but does not work" >&2; exit 2; }

# make bench [BENCH_PARTS=small,startup,large,batch,markdown,reader]: the full table, bench-out/results.json,
# and the chart docs/images/bench.png drawn from those results.
BENCH_PARTS ?= small,startup,large,batch,markdown,reader
bench: bench-deps
	$(RELEASE_BUILD)
	python3 bench/bench.py --parts $(BENCH_PARTS)
	python3 bench/chart.py bench-out/results.json docs/images/bench.png

bench-quick: bench-deps
	$(RELEASE_BUILD)
	python3 bench/bench.py --quick --parts $(BENCH_PARTS)
	python3 bench/chart.py bench-out/results.json bench-out/bench.png

# ---- batch benchmark (issue 7): a folder of N releases, presskit's batch against a pandoc loop ----
# make bench-batch [BATCH_FORMAT=docx] [BATCH_N=2000]
.PHONY: bench-batch
bench-batch: bench-deps
	$(RELEASE_BUILD)
	PRESSKIT_BIN=$(RELEASE_BIN) bench/batch.sh "$(BATCH_FORMAT)" "$(BATCH_N)"

# ---- HTML reader (issue 4): main-content extraction scored on the development set ----
# EXTRACTION_DIR defaults to ../shared/extraction (the data is not in the repository).
# MODE=library scores the reader's article text in one process; MODE=cli runs `presskit PAGE -t text` per page.
.PHONY: extraction-score
extraction-score: bench-deps
	bench/extraction-score.sh $(EXTRACTION_DIR)

# ---- streams (issue 17): presskit as the extraction stage of Apache Spark (rdd.pipe, one task per WARC file) ----
# make test-spark: installs a Java runtime (Debian) and pyspark (PyPI), runs examples/spark in local[2] mode and
# checks the output equals the single-process run record for record. make bench-streams: bench/streams.py.
SPARK_PY_PKGS := pyspark
.PHONY: test-spark bench-streams
test-spark: deps-build
	@dpkg -s default-jre-headless >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null)
	@python3 -c 'import pyspark' 2>/dev/null || python3 -m pip install -q $(SPARK_PY_PKGS)
	$(RELEASE_BUILD)
	python3 examples/spark/check.py $(RELEASE_BIN)

bench-streams: bench-deps
	@python3 -c 'import fastwarc, warcio, lxml_html_clean' 2>/dev/null || python3 -m pip install -q fastwarc warcio lxml_html_clean
	$(RELEASE_BUILD)
	python3 bench/streams.py --presskit $(RELEASE_BIN)
