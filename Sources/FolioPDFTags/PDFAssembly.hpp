// The finished PDF assembled from the file Cairo wrote: objects left alone are copied byte for byte,
// changed ones are written anew (qpdf unparses them), new ones are appended, then one
// cross-reference table and a trailer with a deterministic /ID.
//
// qpdf's own writer cannot do this: QPDFWriter parses, renumbers and writes every object of the
// file, which was most of the tagging pass (a 296-page manual: 29,000 objects, 0.35 s of 0.5 s).
// Here qpdf reads only the objects the pass changes, and unparses each of them.
#pragma once

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace folio {

class PDFAssembly {
  public:
    /// Cairo's file `data`, read into `pdf` (its cross-reference table is all this reads).
    PDFAssembly(QPDF &pdf, char const *data, size_t size);

    /// Whether the file can be assembled: one classic cross-reference table whose objects are all
    /// of generation 0 and stored at offsets (Cairo 1.16's files). Files with object streams or
    /// cross-reference streams are rewritten by qpdf first.
    bool accepted() const { return accepts; }

    /// A number for a new object: one of a dropped object first (the table stays as long as Cairo's),
    /// then one past Cairo's.
    int newObject();
    /// Object `number` of Cairo's file is left out of the finished one (a free entry, unless a new
    /// object takes its number: a number dropped after new ones were handed out stays free).
    void drop(int number);
    /// Whether Cairo's object `number` is left out (its number may be a new object's).
    bool dropped(int number) const;
    /// Object `number` (Cairo's or new) is written as `value` (the text between `obj` and `endobj`).
    void write(int number, std::string value);
    /// Object `number` is written as a stream: its dictionary (without /Length, which is added) and its data.
    void writeStream(int number, std::string const &dictionary, std::string const &data);
    /// Object `number` of Cairo's file is written as `object` is now (qpdf unparses it).
    void writeChanged(QPDFObjectHandle object);

    /// Each object of Cairo's file whose bytes end in `endstream` and that is neither dropped nor
    /// written anew: its number.
    std::vector<int> keptStreams() const;

    /// Cairo's bytes for its object `number` (`N 0 obj` to the next object), empty when there is none.
    std::string_view bytes(int number) const;

    /// Whether Cairo's cross-reference table puts object `number` at `offset`.
    bool startsObject(int number, size_t offset) const;

    /// The whole file: `%PDF-1.7`, the objects, the table, a trailer naming `root` and `info` (0: none).
    std::string finish(int root, int info);

  private:
    struct Span {
        size_t start;
        size_t end;
        int number;
    };
    char const *data;
    bool accepts = true;
    std::vector<Span> spans;  // Cairo's objects in file order
    std::vector<int> spanOf;  // object number -> its index in `spans` (-1: none)
    std::vector<char> droppedNumbers;
    std::map<int, std::string> values;  // objects written anew
    int cairoCount;
    int nextNumber;
    int reused = 0;  // dropped numbers below this one are new objects
};

/// A dictionary's text as qpdf unparses it, with `extra` (already PDF text) appended before `>>`.
std::string dictionaryWith(QPDFObjectHandle dictionary, std::string const &extra);

}  // namespace folio
