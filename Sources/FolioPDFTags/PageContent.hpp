// A page's content as the tagging pass writes it: read where Cairo wrote it, its marked-content
// lines renumbered, then compressed, pages shared between two threads.
#pragma once

#include <qpdf/Buffer.hh>

#include <atomic>
#include <cstddef>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace folio {

/// Renumbers the marked content of one page's content (decoded), line by line.
///
/// Cairo writes each marked-content operator on a line of its own, `/Tag << /MCID n >> BDC`, and
/// shows text as hex strings, so a line in that exact form is always such an operator. Real
/// sequences get MCIDs 0, 1, … in order; artifacts become `/Artifact BMC` (their `EMC` stays).
/// Every other line, Cairo's `/ActualText` spans included, is copied as it is. Only these lines are
/// looked at: tokenising whole pages with qpdf cost more than the rest of the pass together
/// (15 ms of the sample's 29 ms, 6 s of a 637-page code block).
class MarkRewriter {
  public:
    MarkRewriter(std::string const &pattern, int page) : pattern(pattern), page(page) {}

    /// The rewritten content, or an exception naming the page when the sequences differ from the recorded ones.
    std::string rewrite(unsigned char const *data, size_t size) {
        std::string out;
        out.reserve(size + 16);
        char const *cursor = reinterpret_cast<char const *>(data);
        char const *end = cursor + size;
        while (cursor < end) {
            char const *newline = static_cast<char const *>(memchr(cursor, '\n', static_cast<size_t>(end - cursor)));
            char const *lineEnd = newline ? newline : end;
            std::string tag;
            if (isMark(cursor, lineEnd, tag)) {
                if (next >= pattern.size()) throw mismatch(next + 1);
                if (pattern[next++] == 'A') {
                    out += "/Artifact BMC";
                } else {
                    out += tag;
                    out += " << /MCID ";
                    out += std::to_string(mcid++);
                    out += " >> BDC";
                }
            } else {
                out.append(cursor, static_cast<size_t>(lineEnd - cursor));
            }
            if (newline) out += '\n';
            cursor = newline ? newline + 1 : end;
        }
        if (next != pattern.size()) throw mismatch(next);
        return out;
    }

  private:
    std::string const &pattern;
    int page;
    size_t next = 0;
    int mcid = 0;

    std::runtime_error mismatch(size_t found) const {
        return std::runtime_error("tagging: page " + std::to_string(page + 1) + " has " + std::to_string(found) +
                                  (found > pattern.size() ? "+" : "") + " marked-content sequences where " +
                                  std::to_string(pattern.size()) + " were recorded");
    }

    /// Whether `[begin, end)` is `/Tag << /MCID n >> BDC` (the form Cairo writes), and its tag.
    static bool isMark(char const *begin, char const *end, std::string &tag) {
        static char const suffix[] = " >> BDC";
        static char const middle[] = " << /MCID ";
        size_t const length = static_cast<size_t>(end - begin);
        if (length < 1 + sizeof(middle) - 1 + 1 + sizeof(suffix) - 1 || begin[0] != '/') return false;
        if (memcmp(end - (sizeof(suffix) - 1), suffix, sizeof(suffix) - 1) != 0) return false;
        char const *name = begin + 1;
        while (name < end && isNameCharacter(*name)) ++name;
        if (name == begin + 1 || static_cast<size_t>(end - name) < sizeof(middle) - 1) return false;
        if (memcmp(name, middle, sizeof(middle) - 1) != 0) return false;
        char const *digit = name + sizeof(middle) - 1;
        char const *digitsEnd = end - (sizeof(suffix) - 1);
        if (digit >= digitsEnd) return false;
        for (char const *c = digit; c < digitsEnd; ++c) {
            if (*c < '0' || *c > '9') return false;
        }
        tag.assign(begin, static_cast<size_t>(name - begin));
        return true;
    }

    /// A regular character of a PDF name (not white space or a delimiter).
    static bool isNameCharacter(char c) {
        return c > ' ' && c < 127 && !strchr("/()<>[]{}%", c);
    }
};

/// `size` bytes of `text` compressed as a /FlateDecode stream (a zlib stream): by libdeflate at
/// level 6, which made the 296-page manual's 5 MB of page content 2 % smaller than zlib's default
/// level in two thirds of the time (32 ms against 48). One compressor per thread.
std::string deflated(char const *text, size_t size);

/// Page `page`'s content `data` renumbered by `pattern` and compressed (MarkRewriter's errors thrown).
std::string rewrittenPage(std::string const &pattern, int page, std::string_view data);

/// One page's content: as Cairo wrote it (in Cairo's file, or read out by qpdf), then renumbered
/// and compressed (or why it could not be).
struct PageContent {
    std::string pattern;
    std::string_view decoded;
    std::shared_ptr<Buffer> read;  // what qpdf read, when `decoded` is not in Cairo's file
    std::string compressed;
    std::string error;
};

/// The data of Cairo's unfiltered content stream `object` (its bytes, `N 0 obj` on), `length`
/// bytes long, or an empty view when it is not in the form Cairo 1.16 writes:
/// `N 0 obj\n<< /Length M 0 R\n>>\nstream\n`, the data, `\nendstream`.
std::string_view cairoContentData(std::string_view object, long long length);

/// Every page's content renumbered and compressed, pages taken in turn by a helper thread from the
/// start and by the owner from `finish` on (each page's bytes alone, no qpdf object touched): the
/// owner builds the structure tree meanwhile. A page that fails keeps its error.
class PageCompression {
  public:
    explicit PageCompression(std::vector<PageContent> &contents);
    ~PageCompression() { finish(); }
    void finish();

  private:
    std::vector<PageContent> &contents;
    std::atomic<size_t> next{0};
    std::thread helper;

    void work();
};

}  // namespace folio
