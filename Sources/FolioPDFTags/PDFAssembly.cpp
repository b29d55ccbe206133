// See PDFAssembly.hpp.
#include "PDFAssembly.hpp"

#include <qpdf/QPDFCryptoProvider.hh>
#include <qpdf/QPDFXRefEntry.hh>

#include <libdeflate.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace folio {

namespace {

/// The offset after `startxref` at the end of the file, or 0 when there is none.
size_t startXRef(char const *data, size_t size) {
    static char const keyword[] = "startxref";
    size_t const tail = std::min<size_t>(size, 1024);
    char const *from = data + size - tail;
    char const *found = nullptr;
    for (char const *cursor = from; cursor + sizeof(keyword) - 1 <= data + size; ++cursor) {
        cursor = static_cast<char const *>(memmem(cursor, static_cast<size_t>(data + size - cursor), keyword, sizeof(keyword) - 1));
        if (!cursor) break;
        found = cursor;
    }
    if (!found) return 0;
    return static_cast<size_t>(std::strtoull(found + sizeof(keyword) - 1, nullptr, 10));
}

/// Whether `[begin, end)` ends, white space aside, with `word`.
bool endsWith(char const *begin, char const *&end, char const *word) {
    while (end > begin && (end[-1] == ' ' || end[-1] == '\n' || end[-1] == '\r' || end[-1] == '\t')) --end;
    size_t const length = strlen(word);
    if (static_cast<size_t>(end - begin) < length || memcmp(end - length, word, length) != 0) return false;
    end -= length;
    return true;
}

std::string header(int number) { return std::to_string(number) + " 0 obj\n"; }

/// One 20-byte cross-reference entry: `nnnnnnnnnn ggggg n\r\n` (offsets below 10^10).
void tableEntry(char *entry, size_t offset, unsigned generation, char kind) {
    for (int digit = 9; digit >= 0; --digit, offset /= 10) entry[digit] = static_cast<char>('0' + offset % 10);
    entry[10] = ' ';
    for (int digit = 15; digit >= 11; --digit, generation /= 10) entry[digit] = static_cast<char>('0' + generation % 10);
    entry[16] = ' ';
    entry[17] = kind;
    entry[18] = '\r';
    entry[19] = '\n';
}

}  // namespace

PDFAssembly::PDFAssembly(QPDF &pdf, char const *data, size_t size) : data(data) {
    QPDFObjectHandle trailer = pdf.getTrailer();
    size_t const table = startXRef(data, size);
    accepts = !trailer.hasKey("/Prev") && !trailer.hasKey("/XRefStm") && !trailer.hasKey("/Encrypt") && table > 0 && table + 4 <= size &&
              memcmp(data + table, "xref", 4) == 0;
    int highest = 0;
    for (auto const &entry : pdf.getXRefTable()) {
        if (entry.first.getGen() != 0 || entry.second.getType() != 1 || entry.second.getOffset() <= 0 ||
            static_cast<size_t>(entry.second.getOffset()) >= table) {
            accepts = false;
            continue;
        }
        int const number = entry.first.getObj();
        spans.push_back(Span{static_cast<size_t>(entry.second.getOffset()), table, number});
        highest = std::max(highest, number);
    }
    std::sort(spans.begin(), spans.end(), [](Span const &a, Span const &b) { return a.start < b.start; });
    for (size_t index = 0; index + 1 < spans.size(); ++index) spans[index].end = spans[index + 1].start;
    cairoCount = highest + 1;
    spanOf.assign(static_cast<size_t>(cairoCount), -1);
    for (size_t index = 0; index < spans.size(); ++index) spanOf[static_cast<size_t>(spans[index].number)] = static_cast<int>(index);
    nextNumber = cairoCount;
    droppedNumbers.assign(static_cast<size_t>(cairoCount), 0);
}

int PDFAssembly::newObject() {
    while (++reused < cairoCount) {
        if (droppedNumbers[static_cast<size_t>(reused)]) return reused;
    }
    return nextNumber++;
}

void PDFAssembly::drop(int number) {
    if (number > 0 && number < cairoCount) droppedNumbers[static_cast<size_t>(number)] = 1;
}

std::string_view PDFAssembly::bytes(int number) const {
    if (number <= 0 || number >= cairoCount || spanOf[static_cast<size_t>(number)] < 0) return {};
    Span const &span = spans[static_cast<size_t>(spanOf[static_cast<size_t>(number)])];
    return std::string_view(data + span.start, span.end - span.start);
}

bool PDFAssembly::startsObject(int number, size_t offset) const {
    auto found = std::lower_bound(spans.begin(), spans.end(), offset, [](Span const &span, size_t value) { return span.start < value; });
    return found != spans.end() && found->start == offset && found->number == number;
}

bool PDFAssembly::dropped(int number) const {
    return number > 0 && number < cairoCount && droppedNumbers[static_cast<size_t>(number)];
}

void PDFAssembly::write(int number, std::string value) { values[number] = std::move(value); }

void PDFAssembly::writeStream(int number, std::string const &dictionary, std::string const &data) {
    if (dictionary.size() < 4 || dictionary.compare(dictionary.size() - 2, 2, ">>") != 0) {
        throw std::runtime_error("tagging: a stream dictionary that is not one");
    }
    std::string value;
    value.reserve(dictionary.size() + data.size() + 48);
    value.append(dictionary, 0, dictionary.size() - 2);
    value += " /Length " + std::to_string(data.size()) + " >>\nstream\n";
    value += data;
    value += "\nendstream";
    values[number] = std::move(value);
}

void PDFAssembly::writeChanged(QPDFObjectHandle object) {
    if (object.isStream()) throw std::runtime_error("tagging: a changed stream written as an object");
    write(object.getObjectID(), object.unparseResolved());
}

std::vector<int> PDFAssembly::keptStreams() const {
    std::vector<int> numbers;
    for (Span const &span : spans) {
        if (dropped(span.number) || values.count(span.number)) continue;
        char const *end = data + span.end;
        if (endsWith(data + span.start, end, "endobj") && endsWith(data + span.start, end, "endstream")) numbers.push_back(span.number);
    }
    return numbers;
}

std::string PDFAssembly::finish(int root, int info) {
    size_t total = 64;
    for (Span const &span : spans) total += span.end - span.start;
    for (auto const &value : values) total += value.second.size() + 32;
    std::string out;
    out.reserve(total + static_cast<size_t>(nextNumber) * 20 + 256);
    out += "%PDF-1.7\n%\xbf\xf7\xa2\xfe\n";
    std::vector<size_t> offsets(static_cast<size_t>(nextNumber), 0);
    auto writeValue = [&](int number, std::string const &value) {
        offsets[static_cast<size_t>(number)] = out.size();
        out += header(number);
        out += value;
        out += "\nendobj\n";
    };
    for (Span const &span : spans) {
        if (dropped(span.number)) continue;
        auto found = values.find(span.number);
        if (found != values.end()) {
            writeValue(span.number, found->second);
        } else {
            offsets[static_cast<size_t>(span.number)] = out.size();
            out.append(data + span.start, span.end - span.start);
        }
    }
    for (auto const &value : values) {
        if (value.first >= cairoCount || dropped(value.first)) writeValue(value.first, value.second);
    }
    // (Every stream, Cairo's and those written here, has an end of line before `endstream`, as PDF/A asks.)

    // The /ID: an MD5 digest of the file's size, CRC-32 and Adler-32 and its first and last 64 KB
    // (the same bytes give the same file). The PDF reference suggests a digest of the time, size
    // and information entries; MD5 over all of it was 8 ms of a 5 MB file, the checksums under 1.
    std::shared_ptr<QPDFCryptoImpl> md5 = QPDFCryptoProvider::getImpl();
    md5->MD5_init();
    unsigned char const *bytes = reinterpret_cast<unsigned char const *>(out.data());
    uint64_t const summary[3] = {out.size(), libdeflate_crc32(0, bytes, out.size()), libdeflate_adler32(1, bytes, out.size())};
    md5->MD5_update(reinterpret_cast<unsigned char const *>(summary), sizeof(summary));
    size_t const sample = std::min<size_t>(out.size(), 64 << 10);
    md5->MD5_update(bytes, sample);
    md5->MD5_update(bytes + out.size() - sample, sample);
    md5->MD5_finalize();
    QPDFCryptoImpl::MD5_Digest digest;
    md5->MD5_digest(digest);
    static char const hexDigits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned char byte : digest) {
        hex += hexDigits[byte >> 4];
        hex += hexDigits[byte & 15];
    }

    // One table; free entries chained in increasing order from object 0, as the format asks.
    size_t const table = out.size();
    out += "xref\n0 " + std::to_string(nextNumber) + "\n";
    std::vector<int> free;
    for (int number = 1; number < nextNumber; ++number) {
        if (offsets[static_cast<size_t>(number)] == 0) free.push_back(number);
    }
    size_t nextFree = 0;
    size_t const start = out.size();
    out.resize(start + static_cast<size_t>(nextNumber) * 20);
    char *entry = &out[start];
    for (int number = 0; number < nextNumber; ++number, entry += 20) {
        size_t const offset = offsets[static_cast<size_t>(number)];
        if (number == 0 || offset == 0) {
            if (number != 0) ++nextFree;  // free[nextFree - 1] is this one
            size_t const following = nextFree < free.size() ? static_cast<size_t>(free[nextFree]) : 0;
            tableEntry(entry, following, number == 0 ? 65535 : 1, 'f');
        } else {
            tableEntry(entry, offset, 0, 'n');
        }
    }
    out += "trailer\n<< /Size " + std::to_string(nextNumber) + " /Root " + std::to_string(root) + " 0 R";
    if (info > 0) out += " /Info " + std::to_string(info) + " 0 R";
    out += " /ID [<" + std::string(hex) + "><" + std::string(hex) + ">] >>\nstartxref\n" + std::to_string(table) + "\n%%EOF\n";
    return out;
}

std::string dictionaryWith(QPDFObjectHandle dictionary, std::string const &extra) {
    std::string text = dictionary.unparseResolved();
    if (text.size() < 4 || text.compare(text.size() - 2, 2, ">>") != 0) throw std::runtime_error("tagging: a dictionary that is not one");
    if (extra.empty()) return text;
    text.resize(text.size() - 2);
    text += extra;
    text += " >>";
    return text;
}

}  // namespace folio
