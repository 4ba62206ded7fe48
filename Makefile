# NeuralBook: two commands for a newcomer.
#   make book   installs what is missing, builds the tool, builds the book
#   make test   installs what is missing, runs the test suite (on the build `make book` made)
#   make pdf    installs what is missing (Chromium, poppler-utils), prints the whole book to book.pdf
# Plain Swift, once the system packages are there: `swift run book build`, `swift test`.
#
# Both share one debug build (.build/debug): the tool and swift-syntax compile unoptimised, a
# third of a release build's CPU time, while what chapter programs link (the engine, Plotting,
# BookWire, BookRuntime) is optimised whole-module in debug too (Package.swift), so chapters run as
# fast as from a release build. `bench` alone is a release build: a small one (engine, ArgumentParser).

SYSTEM_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libjs-katex fonts-katex dataset-fashion-mnist
# fonts-noto-cjk: the Chinese edition's screenshots show Chinese characters, not boxes.
BROWSER_PACKAGES := chromium poppler-utils fonts-noto-cjk
SWIFT ?= swift

.PHONY: book test check bench deps browser-deps browser-check pdf serve-check clean

book: deps
	$(SWIFT) build --product book
	$(SWIFT) run --skip-build book build

# The suite is XCTest; Swift Testing is switched off so its empty "0 tests" summary does not
# follow XCTest's real one.
test: deps
	$(SWIFT) test --disable-swift-testing

check: deps
	$(SWIFT) build --product book
	$(SWIFT) run --skip-build book check

bench:
	$(SWIFT) run -c release bench

# Installs the Debian packages the build needs when they are missing: with apt-get as root,
# otherwise prints the exact command and stops.
deps:
	@./.ci/install-packages $(SYSTEM_PACKAGES)

browser-deps:
	@./.ci/install-packages $(BROWSER_PACKAGES)

# The pages at 1280 and 390 px and in print, and `book pdf` (its PDF is written to a scratch folder).
browser-check: deps browser-deps
	$(SWIFT) build --product book
	python3 Tests/Browser/check_pages.py output screenshots --book .build/debug/book --chapters chapters

# The whole book as one PDF (not committed: see .gitignore). `book pdf --expand-code` unfolds folded code.
pdf: deps browser-deps
	$(SWIFT) build --product book
	$(SWIFT) run --skip-build book pdf --output book.pdf

# `book serve`'s page script in headless Chromium: running banner and failure overlay.
serve-check: deps browser-deps
	$(SWIFT) build --product book
	python3 Tests/Browser/check_serve.py .build/debug/book screenshots

clean:
	$(SWIFT) run book clean
