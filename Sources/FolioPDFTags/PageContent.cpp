// See PageContent.hpp.
#include "PageContent.hpp"

#include <libdeflate.h>

#include <exception>
#include <system_error>

namespace folio {

std::string deflated(char const *text, size_t size) {
    using Compressor = std::unique_ptr<libdeflate_compressor, void (*)(libdeflate_compressor *)>;
    thread_local Compressor compressor(libdeflate_alloc_compressor(6), libdeflate_free_compressor);
    if (!compressor) throw std::runtime_error("cannot compress a stream (out of memory)");
    std::string out(libdeflate_zlib_compress_bound(compressor.get(), size), '\0');
    size_t const length = libdeflate_zlib_compress(compressor.get(), text, size, &out[0], out.size());
    if (length == 0) throw std::runtime_error("cannot compress a stream");
    out.resize(length);
    return out;
}

std::string rewrittenPage(std::string const &pattern, int page, std::string_view data) {
    MarkRewriter rewriter(pattern, page);
    std::string text = rewriter.rewrite(reinterpret_cast<unsigned char const *>(data.data()), data.size());
    return deflated(text.data(), text.size());
}

std::string_view cairoContentData(std::string_view object, long long length) {
    size_t header = object.find(" 0 obj\n<< /Length ");
    if (header == std::string_view::npos || header > 12 || length < 0) return {};
    static std::string_view const opening = " 0 R\n>>\nstream\n";
    size_t start = object.find(opening, header);
    if (start == std::string_view::npos || start > header + 40) return {};
    start += opening.size();
    size_t const size = static_cast<size_t>(length);
    if (start + size + 10 > object.size() || object.substr(start + size, 10) != "\nendstream") return {};
    return object.substr(start, size);
}

PageCompression::PageCompression(std::vector<PageContent> &contents) : contents(contents) {
    if (contents.size() < 8 || std::thread::hardware_concurrency() < 2) return;
    try {
        helper = std::thread([this] { work(); });
    } catch (std::system_error const &) {
        // No second thread: `finish` does every page.
    }
}

void PageCompression::finish() {
    work();
    if (helper.joinable()) helper.join();
}

void PageCompression::work() {
    for (size_t index = next++; index < contents.size(); index = next++) {
        PageContent &page = contents[index];
        try {
            page.compressed = rewrittenPage(page.pattern, static_cast<int>(index), page.decoded);
        } catch (std::exception const &error) {
            page.error = error.what();
        }
        page.read.reset();
    }
}

}  // namespace folio
