// See PageContent.hpp.
#include "PageContent.hpp"

#include <libdeflate.h>

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

}  // namespace folio
