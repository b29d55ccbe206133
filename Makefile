SHELL := /bin/bash

# Folio: the two commands a fresh machine needs (see README.md).
#   make run   set up, build, and render the sample briefing into Output/
#   make test  set up, build, and run the test suite
#   make fuzz-smoke  build the fuzzers (Fuzz/) and run each for 20 s (docs/fuzzing.md)
.PHONY: run test setup build bench clean fuzz-build fuzz-smoke

SAMPLE := Assets/briefings/llama-journey.md

setup:
	bash Scripts/setup

build: setup
	swift build -c release --product folio --static-swift-stdlib
	# folio serve and folio preview: folio hands them to this program, found beside it (ServerProgram).
	swift build -c release --product folio-serve --static-swift-stdlib
	# Syntax highlighting, loaded by folio from beside it when a code block asks (SyntaxHighlighterLibrary).
	swift build -c release --product FolioHighlight --static-swift-stdlib
	# Tagging (qpdf), loaded by folio from beside it when it writes a PDF (PDFTagsLibrary).
	swift build -c release --product FolioPDFTags --static-swift-stdlib

run: build
	.build/release/folio render $(SAMPLE) -o Output/llama-journey.pdf
	.build/release/folio render $(SAMPLE) --format png --dpi 110 -o Output/llama-journey-pages
	.build/release/folio render $(SAMPLE) --layout landscape -o Output/llama-journey-landscape.pdf
	.build/release/folio charts $(SAMPLE) --format png --format svg --format pdf -o Output/charts
	.build/release/folio batch reports.yaml
	.build/release/folio batch Assets/reports/reports.yaml

test: setup
	swift build --build-tests
	# The example client of the library (docs/library.md): a package that depends on Folio by path.
	swift build --package-path Examples/LibraryClient
	Examples/LibraryClient/.build/debug/folio-memory-example .build/library-example.pdf APAC
	swift test --skip-build --disable-swift-testing 2>&1 | tee .build/test-output.txt; exit $${PIPESTATUS[0]}

fuzz-build:
	bash Scripts/fuzz build

fuzz-smoke:
	bash Scripts/fuzz smoke $(FUZZ_SECONDS)

bench: build
	bash Benchmarks/run.sh

clean:
	rm -rf .build .build-fuzz Output/*.pdf Output/*.png Output/*/
