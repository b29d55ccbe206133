# Folio for `folio serve` and the batch recipes of docs/batch.md (the image registry.example.com/folio:latest there).
# Build: docker build -t folio .    Run: docker run -p 8080:8080 folio serve --host 0.0.0.0
# Tests/FolioLiveTests/DockerfileTests.swift checks these package lists against Scripts/setup.

# Build stage: Scripts/setup installs the same packages as on a development machine.
ARG SWIFT_IMAGE=swift:6.3-bookworm
FROM ${SWIFT_IMAGE} AS build
WORKDIR /src
COPY . .
RUN bash Scripts/setup && swift build -c release --product folio --static-swift-stdlib \
 && swift build -c release --product folio-serve --static-swift-stdlib \
 && swift build -c release --product FolioHighlight --static-swift-stdlib \
 && swift build -c release --product FolioPDFTags --static-swift-stdlib \
 && install -D .build/release/folio /out/folio \
 && install -D .build/release/folio-serve /out/lib/folio-serve \
 && install -D .build/release/libFolioHighlight.so /out/lib/libFolioHighlight.so \
 && install -D .build/release/libFolioPDFTags.so /out/lib/libFolioPDFTags.so \
 && install -D "$(dirname "$(readlink -f "$(command -v swift)")")/../lib/swift/linux/libswiftCore.so" /out/lib/libswiftCore.so

# Runtime stage: the shared libraries behind Scripts/setup's -dev packages, and its fonts.
FROM debian:bookworm-slim
# runtime libraries: libcairo2-dev libpango1.0-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libhyphen-dev libpng-dev libyaml-dev
# fonts: as Scripts/setup
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libcairo2 libpango-1.0-0 libpangocairo-1.0-0 libpangoft2-1.0-0 \
      libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 libhyphen0 libpng16-16 libyaml-0-2 \
      libqpdf29 libdeflate0 libsource-highlight4v5 libsource-highlight-common libboost-regex1.74.0 \
      librsvg2-2 libgdk-pixbuf-2.0-0 webp-pixbuf-loader icc-profiles-free \
      fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji fonts-droid-fallback fonts-dejavu-core hyphen-en-us \
      ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home folio
COPY --from=build /out/folio /usr/local/bin/folio
# folio-serve (which runs `folio serve`), highlighting and tagging, from ../lib/folio beside the binary; the two libraries
# name libswiftCore.so (SwiftPM links it into every shared library) and find it beside them.
COPY --from=build /out/lib/ /usr/local/lib/folio/
USER folio
WORKDIR /work
EXPOSE 8080
ENTRYPOINT ["folio"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
