SHELL := /bin/bash

# Folio: the two commands a fresh machine needs (see README.md).
#   make run   set up, build, and render the sample briefing into Output/
#   make test  set up, build, and run the test suite
.PHONY: run test setup build bench clean

SAMPLE := Assets/briefings/llama-journey.md

setup:
	bash Scripts/setup

build: setup
	swift build -c release --product folio --static-swift-stdlib

run: build
	.build/release/folio render $(SAMPLE) -o Output/llama-journey.pdf
	.build/release/folio render $(SAMPLE) --format png --dpi 110 -o Output/llama-journey-pages
	.build/release/folio render $(SAMPLE) --layout landscape -o Output/llama-journey-landscape.pdf
	.build/release/folio charts $(SAMPLE) --format png --format svg --format pdf -o Output/charts
	.build/release/folio batch reports.yaml
	.build/release/folio batch Assets/reports/reports.yaml

test: setup
	swift build --build-tests
	swift test --skip-build --disable-swift-testing 2>&1 | tee .build/test-output.txt; exit $${PIPESTATUS[0]}

bench: build
	bash Benchmarks/run.sh

clean:
	rm -rf .build Output/*.pdf Output/*.png Output/*/
