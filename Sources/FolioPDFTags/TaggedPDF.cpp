// See FolioPDFTags.h. qpdf's C++ API reads the objects the pass changes (pages, their content and
// links, the catalog) and unparses them; the structure tree is written as PDF text; the file is
// assembled from Cairo's bytes (PDFAssembly), with a deterministic /ID. Page content is rewritten
// here, line by line, and compressed (libdeflate; PageContent).
#include "FolioPDFTags.h"
#include "PDFAssembly.hpp"
#include "PageContent.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

struct Kid {
    enum Kind { element, content, annotation } kind;
    int first;   // element index, or page
    int second;  // mcid, or annotation index
};

struct Element {
    int parent;
    std::string role;
    std::vector<std::pair<std::string, std::string>> texts;
    std::vector<std::pair<std::string, std::pair<std::string, std::string>>> attributes;  // owner -> (key, name)
    std::vector<Kid> kids;
};


}  // namespace

struct folio_pdf_tags {
    std::vector<Element> elements;
    std::vector<int> roots;
    std::map<int, std::string> patterns;
    std::map<std::pair<int, int>, std::string> annotationContents;
    struct LabelRange {
        int page;
        std::string style;
        int first;
    };
    std::vector<LabelRange> pageLabels;
    std::vector<std::pair<std::string, std::string>> info;
    std::string lang;
    std::string xmp;
    std::string icc;
    int iccComponents = 3;
    std::string iccIdentifier;
    bool archival = false;
    bool dropsCairoElements = true;
    bool normalizesFirst = false;
    size_t droppedCairoElements = 0;
    std::string output;
    std::string error;
};

extern "C" {

folio_pdf_tags *folio_pdf_tags_new(void) { return new (std::nothrow) folio_pdf_tags(); }

void folio_pdf_tags_free(folio_pdf_tags *tags) { delete tags; }

int folio_pdf_tags_element(folio_pdf_tags *tags, int parent, const char *role) {
    int index = static_cast<int>(tags->elements.size());
    tags->elements.push_back(Element{parent, role, {}, {}, {}});
    if (parent >= 0 && parent < index) {
        tags->elements[parent].kids.push_back(Kid{Kid::element, index, 0});
    } else {
        tags->elements[index].parent = -1;
        tags->roots.push_back(index);
    }
    return index;
}

void folio_pdf_tags_text(folio_pdf_tags *tags, int element, const char *key, const char *utf8) {
    if (element < 0 || element >= static_cast<int>(tags->elements.size())) return;
    tags->elements[element].texts.emplace_back(key, utf8);
}

void folio_pdf_tags_attribute(folio_pdf_tags *tags, int element, const char *owner, const char *key, const char *name) {
    if (element < 0 || element >= static_cast<int>(tags->elements.size())) return;
    tags->elements[element].attributes.push_back({owner, {key, name}});
}

void folio_pdf_tags_content(folio_pdf_tags *tags, int element, int page, int mcid) {
    if (element < 0 || element >= static_cast<int>(tags->elements.size())) return;
    tags->elements[element].kids.push_back(Kid{Kid::content, page, mcid});
}

void folio_pdf_tags_annotation(folio_pdf_tags *tags, int element, int page, int index, const char *contents) {
    if (element < 0 || element >= static_cast<int>(tags->elements.size())) return;
    tags->elements[element].kids.push_back(Kid{Kid::annotation, page, index});
    tags->annotationContents[{page, index}] = contents;
}

void folio_pdf_tags_page_marks(folio_pdf_tags *tags, int page, const char *pattern) { tags->patterns[page] = pattern; }

void folio_pdf_tags_page_label(folio_pdf_tags *tags, int page, const char *style, int first) {
    tags->pageLabels.push_back({page, style, first});
}

void folio_pdf_tags_language(folio_pdf_tags *tags, const char *lang) { tags->lang = lang; }

void folio_pdf_tags_info(folio_pdf_tags *tags, const char *key, const char *utf8) { tags->info.emplace_back(key, utf8); }

void folio_pdf_tags_metadata(folio_pdf_tags *tags, const char *xmp) { tags->xmp = xmp; }

void folio_pdf_tags_output_intent(folio_pdf_tags *tags, const void *icc, size_t size, int components, const char *identifier) {
    tags->icc.assign(static_cast<const char *>(icc), size);
    tags->iccComponents = components;
    tags->iccIdentifier = identifier;
}

void folio_pdf_tags_archival(folio_pdf_tags *tags, int archival) { tags->archival = archival != 0; }

const void *folio_pdf_tags_output(folio_pdf_tags *tags, size_t *size) {
    *size = tags->output.size();
    return tags->output.data();
}

const char *folio_pdf_tags_error(folio_pdf_tags *tags) { return tags->error.c_str(); }

void folio_pdf_tags_drop_cairo_elements(folio_pdf_tags *tags, int drop) { tags->dropsCairoElements = drop != 0; }

size_t folio_pdf_tags_dropped(folio_pdf_tags *tags) { return tags->droppedCairoElements; }

void folio_pdf_tags_normalize_first(folio_pdf_tags *tags, int normalize) { tags->normalizesFirst = normalize != 0; }

}  // extern "C"

namespace {

using folio::PDFAssembly;
using folio::dictionaryWith;
using folio::PageCompression;
using folio::PageContent;
using folio::cairoContentData;
using folio::deflated;

std::string reference(int number) { return std::to_string(number) + " 0 R"; }

std::string reference(QPDFObjectHandle object) { return object.getObjGen().unparse(' ') + " R"; }

/// A PDF text string (UTF-16 when it needs to be), as qpdf writes it.
std::string textString(std::string const &utf8) { return QPDFObjectHandle::newUnicodeString(utf8).unparse(); }

/// PDF names as qpdf writes them (escaping what needs it), each made once.
class Names {
  public:
    std::string const &operator()(std::string const &value) {
        auto found = texts.find(value);
        if (found != texts.end()) return found->second;
        return texts.emplace(value, QPDFObjectHandle::newName("/" + value).unparse()).first->second;
    }

  private:
    std::map<std::string, std::string> texts;
};

/// Leaves every structure element of Cairo's own tree out, unread, and counts them.
///
/// Folio writes its own tree and Cairo's is never used: reading it cost half the tagging pass
/// (22,800 elements for a 296-page manual). Cairo 1.16 writes each element as `N 0 obj` then
/// `<< /Type /StructElem` on the next line; a match counts only when the cross-reference table puts
/// object N exactly there, so bytes inside a stream never match.
size_t dropCairoElementsUnread(PDFAssembly &file, char const *data, size_t size) {
    static char const marker[] = " 0 obj\n<< /Type /StructElem\n";
    size_t const markerLength = sizeof(marker) - 1;
    size_t dropped = 0;
    char const *end = data + size;
    for (char const *cursor = data; cursor < end;) {
        void const *found = memmem(cursor, static_cast<size_t>(end - cursor), marker, markerLength);
        if (!found) break;
        char const *hit = static_cast<char const *>(found);
        cursor = hit + markerLength;
        char const *start = hit;
        while (start > data && start[-1] >= '0' && start[-1] <= '9' && hit - start < 9) --start;  // ids below 10^9
        if (start == hit || (start > data && start[-1] != '\n' && start[-1] != '\r')) continue;
        int id = std::atoi(std::string(start, hit).c_str());
        if (!file.startsObject(id, static_cast<size_t>(start - data))) continue;
        file.drop(id);
        ++dropped;
    }
    return dropped;
}

/// Leaves out Cairo's elements under `kids`, read through qpdf (MCIDs, marked-content and object
/// references are skipped).
void dropCairoElementsRead(PDFAssembly &file, QPDFObjectHandle kids) {
    std::vector<QPDFObjectHandle> pending{kids};
    while (!pending.empty()) {
        QPDFObjectHandle item = pending.back();
        pending.pop_back();
        if (item.isArray()) {
            for (int index = 0; index < item.getArrayNItems(); ++index) pending.push_back(item.getArrayItem(index));
            continue;
        }
        if (!item.isDictionary() || !item.hasKey("/S")) continue;
        if (item.isIndirect()) {
            if (file.dropped(item.getObjectID())) continue;  // seen already
            file.drop(item.getObjectID());
        }
        pending.push_back(item.getKey("/K"));
    }
}

/// Leaves out a number or name tree of Cairo's (its nodes, and the indirect values in it, which
/// are its elements or arrays of them), read through qpdf without reading the values.
void dropCairoTree(PDFAssembly &file, QPDFObjectHandle node, char const *entries) {
    if (node.isIndirect()) file.drop(node.getObjectID());
    if (!node.isDictionary()) return;
    QPDFObjectHandle items = node.getKey(entries);
    if (items.isIndirect()) file.drop(items.getObjectID());
    if (items.isArray()) {
        for (int index = 1; index < items.getArrayNItems(); index += 2) {
            QPDFObjectHandle value = items.getArrayItem(index);
            if (value.isIndirect()) file.drop(value.getObjectID());
        }
    }
    QPDFObjectHandle kids = node.getKey("/Kids");
    if (kids.isIndirect()) file.drop(kids.getObjectID());
    if (kids.isArray()) {
        for (int index = 0; index < kids.getArrayNItems(); ++index) dropCairoTree(file, kids.getArrayItem(index), entries);
    }
}

/// Leaves Cairo's whole structure tree out of the file: its root, parent tree, ID tree, maps and
/// elements (those not already dropped unread).
void dropCairoStructure(PDFAssembly &file, QPDFObjectHandle catalog, bool readElements) {
    QPDFObjectHandle tree = catalog.getKey("/StructTreeRoot");
    if (!tree.isDictionary()) return;
    if (tree.isIndirect()) file.drop(tree.getObjectID());
    dropCairoTree(file, tree.getKey("/ParentTree"), "/Nums");
    dropCairoTree(file, tree.getKey("/IDTree"), "/Names");
    for (char const *key : {"/RoleMap", "/ClassMap"}) {
        QPDFObjectHandle map = tree.getKey(key);
        if (map.isIndirect()) file.drop(map.getObjectID());
    }
    if (readElements) dropCairoElementsRead(file, tree.getKey("/K"));
}

/// `stream` written anew with `data` (already compressed with /FlateDecode when `flate`), its
/// indirect /Length left out.
void writeStream(PDFAssembly &file, QPDFObjectHandle stream, std::string const &data, bool flate) {
    QPDFObjectHandle dictionary = stream.getDict();
    QPDFObjectHandle length = dictionary.getKey("/Length");
    if (length.isIndirect()) file.drop(length.getObjectID());
    dictionary.removeKey("/Length");
    dictionary.removeKey("/DecodeParms");
    if (flate) dictionary.replaceKey("/Filter", QPDFObjectHandle::newName("/FlateDecode"));
    file.writeStream(stream.getObjectID(), dictionary.unparseResolved(), data);
}

/// Cairo's link annotation `object` (its bytes, `N 0 obj` to `endobj`) as the text of a
/// dictionary without Cairo's /StructParent and with `entries` added, or "" when it is not in the
/// form Cairo 1.16 writes: `<< /Type /Annot`, `/Subtype /Link` and `/StructParent n` on lines of
/// their own, no /Contents or /F, `>>` before `endobj`. Reading the 4,500 links of a 296-page
/// manual through qpdf took 60 ms; this reads only their first lines and their ends.
std::string cairoLink(std::string_view object, std::string const &entries) {
    static std::string_view const opening = "<< /Type /Annot\n   /Subtype /Link\n";
    static std::string_view const parent = "   /StructParent ";
    size_t start = object.find(" 0 obj\n");
    if (start == std::string_view::npos || start > 12) return "";
    std::string_view body = object.substr(start + 7);
    if (body.substr(0, opening.size()) != opening) return "";
    std::string_view rest = body.substr(opening.size());
    if (rest.substr(0, parent.size()) == parent) {
        size_t digits = parent.size();
        while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
        if (digits == parent.size() || digits >= rest.size() || rest[digits] != '\n') return "";
        rest = rest.substr(digits + 1);
    }
    auto trim = [](std::string_view &text) {
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
    };
    trim(rest);
    if (rest.size() < 8 || rest.substr(rest.size() - 6) != "endobj") return "";
    rest.remove_suffix(6);
    trim(rest);
    if (rest.size() < 2 || rest.substr(rest.size() - 2) != ">>") return "";
    rest.remove_suffix(2);
    if (rest.find("\n   /Contents ") != std::string_view::npos || rest.find("\n   /F ") != std::string_view::npos ||
        rest.find("/StructParent") != std::string_view::npos) {
        return "";
    }
    std::string text;
    text.reserve(opening.size() + rest.size() + entries.size() + 4);
    text.append(opening);
    text.append(rest);
    text.append(entries);
    text.append(" >>");
    return text;
}

/// The structure element `element` as PDF text, and what it tells the parent tree.
struct ElementWriter {
    folio_pdf_tags &tags;
    std::vector<QPDFPageObjectHelper> &pages;
    std::vector<int> const &numbers;  // each element's object number
    int treeRoot;
    Names names;
    std::vector<std::vector<int>> byPage;  // page -> element of each MCID (-1: none)
    struct PlacedLink {
        QPDFObjectHandle annotation;  // not read
        int element;
        std::string contents;
    };
    std::vector<PlacedLink> links;

    std::string text(size_t index) {
        Element const &element = tags.elements[index];
        std::string out = "<< /S " + names(element.role) + " /P " + reference(element.parent < 0 ? treeRoot : numbers[element.parent]);
        // Marked content on the element's first page is a bare MCID under its /Pg; elsewhere an MCR.
        int homePage = -1;
        for (Kid const &kid : element.kids) {
            if (kid.kind == Kid::content) {
                homePage = kid.first;
                break;
            }
        }
        if (homePage >= 0 && homePage < static_cast<int>(pages.size())) out += " /Pg " + reference(pages[homePage].getObjectHandle());
        for (auto const &text : element.texts) out += " " + names(text.first) + " " + textString(text.second);
        if (!element.attributes.empty()) out += " /A " + attributes(element);
        out += " /K [";
        for (Kid const &kid : element.kids) {
            out += ' ';
            switch (kid.kind) {
            case Kid::element:
                out += reference(numbers[kid.first]);
                break;
            case Kid::content: {
                if (kid.first < 0 || kid.first >= static_cast<int>(pages.size())) throw std::runtime_error("content on a missing page");
                if (kid.first == homePage) {
                    out += std::to_string(kid.second);
                } else {
                    out += "<< /Type /MCR /Pg " + reference(pages[kid.first].getObjectHandle()) + " /MCID " + std::to_string(kid.second) + " >>";
                }
                auto &slots = byPage[kid.first];
                if (static_cast<int>(slots.size()) <= kid.second) slots.resize(kid.second + 1, -1);
                slots[kid.second] = static_cast<int>(index);
                break;
            }
            case Kid::annotation:
                out += annotation(kid, static_cast<int>(index));
                break;
            }
        }
        out += " ] >>";
        return out;
    }

  private:
    /// The owners' attribute dictionaries (`/O /Table /Scope /Column`), one or an array of them.
    std::string attributes(Element const &element) {
        std::vector<std::string> order;
        std::map<std::string, std::map<std::string, std::string>> owners;
        for (auto const &attribute : element.attributes) {
            if (!owners.count(attribute.first)) order.push_back(attribute.first);
            owners[attribute.first][attribute.second.first] = attribute.second.second;
        }
        std::vector<std::string> dictionaries;
        for (auto const &owner : order) {
            std::string out = "<< /O " + names(owner);
            for (auto const &entry : owners[owner]) out += " " + names(entry.first) + " " + names(entry.second);
            dictionaries.push_back(out + " >>");
        }
        if (dictionaries.size() == 1) return dictionaries[0];
        std::string out = "[";
        for (auto const &dictionary : dictionaries) out += " " + dictionary;
        return out + " ]";
    }

    /// An object reference to the link annotation of `kid`, which gets its /Contents.
    std::string annotation(Kid const &kid, int element) {
        if (kid.first < 0 || kid.first >= static_cast<int>(pages.size())) throw std::runtime_error("link on a missing page");
        QPDFObjectHandle page = pages[kid.first].getObjectHandle();
        QPDFObjectHandle annots = page.getKey("/Annots");
        if (!annots.isArray() || kid.second >= annots.getArrayNItems()) {
            throw std::runtime_error("page " + std::to_string(kid.first + 1) + " has fewer link annotations than links drawn");
        }
        QPDFObjectHandle annotation = annots.getArrayItem(kid.second);
        if (!annotation.isIndirect()) throw std::runtime_error("page " + std::to_string(kid.first + 1) + " has a link annotation written inline");
        links.push_back(PlacedLink{annotation, element, tags.annotationContents[{kid.first, kid.second}]});
        return "<< /Type /OBJR /Pg " + reference(page) + " /Obj " + reference(annotation) + " >>";
    }
};

/// The tagged file assembled from Cairo's `pdf` by `file` (see PDFAssembly).
std::string assemble(folio_pdf_tags &tags, QPDF &pdf, PDFAssembly &file, char const *data, size_t size) {
    tags.droppedCairoElements = tags.dropsCairoElements ? dropCairoElementsUnread(file, data, size) : 0;
    QPDFObjectHandle catalog = pdf.getRoot();
    if (!catalog.isIndirect()) throw std::runtime_error("tagging: the catalog is not an indirect object");
    // Cairo's tree: replaced below, never read (unless its elements were not found unread).
    dropCairoStructure(file, catalog, tags.droppedCairoElements == 0);
    catalog.removeKey("/StructTreeRoot");
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();

    // Marked content: renumbered per page and compressed on two threads where there are two cores,
    // while this one writes the structure tree.
    std::vector<PageContent> contents(pages.size());
    std::vector<QPDFObjectHandle> contentStreams(pages.size());
    for (size_t index = 0; index < pages.size(); ++index) {
        auto found = tags.patterns.find(static_cast<int>(index));
        if (found != tags.patterns.end()) contents[index].pattern = found->second;
        // The page's first content stream takes the new content; any others are left out.
        QPDFObjectHandle streams = pages[index].getObjectHandle().getKey("/Contents");
        if (streams.isArray()) {
            for (int item = 0; item < streams.getArrayNItems(); ++item) {
                QPDFObjectHandle stream = streams.getArrayItem(item);
                if (!contentStreams[index].isInitialized() && stream.isStream() && stream.isIndirect()) {
                    contentStreams[index] = stream;
                } else if (stream.isIndirect()) {
                    file.drop(stream.getObjectID());
                }
            }
            if (streams.isIndirect()) file.drop(streams.getObjectID());
            if (contentStreams[index].isInitialized()) pages[index].getObjectHandle().replaceKey("/Contents", contentStreams[index]);
        } else if (streams.isStream() && streams.isIndirect()) {
            contentStreams[index] = streams;
        }
        if (!contentStreams[index].isInitialized()) throw std::runtime_error("tagging: page " + std::to_string(index + 1) + " has no content stream");
        // Cairo's single unfiltered stream is read where it lies; anything else through qpdf.
        QPDFObjectHandle dictionary = contentStreams[index].getDict();
        QPDFObjectHandle length = dictionary.getKey("/Length");
        if (streams.isStream() && !dictionary.hasKey("/Filter") && length.isInteger()) {
            contents[index].decoded = cairoContentData(file.bytes(streams.getObjectID()), length.getIntValue());
        }
        if (contents[index].decoded.empty()) {
            Pl_Buffer content("page content");
            pages[index].pipeContents(&content);
            contents[index].read = content.getBufferSharedPointer();
            contents[index].decoded = std::string_view(reinterpret_cast<char const *>(contents[index].read->getBuffer()),
                                                       contents[index].read->getSize());
        }
    }
    PageCompression compression(contents);

    // The structure tree, replacing Cairo's.
    int const treeRoot = file.newObject();
    std::vector<int> numbers(tags.elements.size());
    for (int &number : numbers) number = file.newObject();
    ElementWriter elements{tags, pages, numbers, treeRoot, Names(), std::vector<std::vector<int>>(pages.size()), {}};
    for (size_t index = 0; index < tags.elements.size(); ++index) file.write(numbers[index], elements.text(index));

    // Parent tree: page i -> array by MCID (key i); annotation j -> its element (key pages + j).
    std::string nums = "<< /Nums [";
    int key = 0;
    for (size_t index = 0; index < pages.size(); ++index, ++key) {
        QPDFObjectHandle page = pages[index].getObjectHandle();
        page.replaceKey("/StructParents", QPDFObjectHandle::newInteger(key));
        page.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
        std::string slots = "[";
        for (int element : elements.byPage[index]) slots += element < 0 ? " null" : " " + reference(numbers[element]);
        int const array = file.newObject();
        file.write(array, slots + " ]");
        nums += " " + std::to_string(key) + " " + reference(array);
    }
    std::map<int, std::pair<int, std::string const *>> placed;  // annotation -> its parent key, its /Contents
    for (auto const &link : elements.links) {
        nums += " " + std::to_string(key) + " " + reference(numbers[link.element]);
        placed[link.annotation.getObjectID()] = {key, &link.contents};
        ++key;
    }
    int const parentTree = file.newObject();
    file.write(parentTree, nums + " ] >>");
    std::string rootKids = "[";
    for (int index : tags.roots) rootKids += " " + reference(numbers[index]);
    file.write(treeRoot, "<< /Type /StructTreeRoot /K " + rootKids + " ] /ParentTree " + reference(parentTree) +
                             " /ParentTreeNextKey " + std::to_string(key) + " >>");

    // Annotations Folio did not place in the tree lose Cairo's stale parent numbers; for PDF/A, all get flags.
    for (auto &page : pages) {
        file.writeChanged(page.getObjectHandle());
        QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
        if (!annots.isArray()) continue;
        for (int index = 0; index < annots.getArrayNItems(); ++index) {
            QPDFObjectHandle annotation = annots.getArrayItem(index);
            auto found = annotation.isIndirect() ? placed.find(annotation.getObjectID()) : placed.end();
            std::string entries;
            if (found != placed.end()) {
                entries = " /StructParent " + std::to_string(found->second.first) + " /Contents " + textString(*found->second.second);
            }
            // PDF/A: every annotation has flags, with Print set (Cairo writes none).
            if (tags.archival) entries += " /F 4";
            if (annotation.isIndirect()) {
                std::string text = cairoLink(file.bytes(annotation.getObjectID()), entries);
                if (!text.empty()) {
                    file.write(annotation.getObjectID(), std::move(text));
                    continue;
                }
            }
            // Not in the form Cairo 1.16 writes: read and changed through qpdf.
            bool changed = found != placed.end();
            if (changed) {
                annotation.replaceKey("/StructParent", QPDFObjectHandle::newInteger(found->second.first));
                annotation.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(*found->second.second));
            } else if (annotation.hasKey("/StructParent")) {
                annotation.removeKey("/StructParent");
                changed = true;
            }
            if (tags.archival) {
                annotation.replaceKey("/F", QPDFObjectHandle::newInteger(4));
                changed = true;
            }
            if (changed && annotation.isIndirect()) file.writeChanged(annotation);
        }
    }

    // The catalog.
    QPDFObjectHandle markInfo = QPDFObjectHandle::newDictionary();
    markInfo.replaceKey("/Marked", QPDFObjectHandle::newBool(true));
    catalog.replaceKey("/MarkInfo", markInfo);
    QPDFObjectHandle preferences = QPDFObjectHandle::newDictionary();
    preferences.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    catalog.replaceKey("/ViewerPreferences", preferences);
    if (!tags.lang.empty()) catalog.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(tags.lang));
    if (!tags.pageLabels.empty()) {
        QPDFObjectHandle ranges = QPDFObjectHandle::newArray();
        for (auto const &range : tags.pageLabels) {
            QPDFObjectHandle label = QPDFObjectHandle::newDictionary();
            label.replaceKey("/S", QPDFObjectHandle::newName("/" + range.style));
            if (range.first != 1) label.replaceKey("/St", QPDFObjectHandle::newInteger(range.first));
            ranges.appendItem(QPDFObjectHandle::newInteger(range.page));
            ranges.appendItem(label);
        }
        QPDFObjectHandle labels = QPDFObjectHandle::newDictionary();
        labels.replaceKey("/Nums", ranges);
        catalog.replaceKey("/PageLabels", labels);
    }
    std::string catalogExtra = " /StructTreeRoot " + reference(treeRoot);
    if (!tags.xmp.empty()) {
        int const metadata = file.newObject();
        file.writeStream(metadata, "<< /Type /Metadata /Subtype /XML >>", tags.xmp);  // never compressed (PDF/A)
        catalog.removeKey("/Metadata");
        catalogExtra += " /Metadata " + reference(metadata);
    }
    if (!tags.icc.empty()) {
        int const profile = file.newObject();
        file.writeStream(profile, "<< /N " + std::to_string(tags.iccComponents) + " /Filter /FlateDecode >>", deflated(tags.icc.data(), tags.icc.size()));
        catalog.removeKey("/OutputIntents");
        catalogExtra += " /OutputIntents [ << /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier " + textString(tags.iccIdentifier) +
                        " /Info " + textString(tags.iccIdentifier) + " /DestOutputProfile " + reference(profile) + " >> ]";
    }
    file.write(catalog.getObjectID(), dictionaryWith(catalog, catalogExtra));

    // The document information dictionary.
    int info = 0;
    QPDFObjectHandle cairoInfo = pdf.getTrailer().getKey("/Info");
    if (cairoInfo.isIndirect() && cairoInfo.isDictionary()) info = cairoInfo.getObjectID();
    if (!tags.info.empty()) {
        QPDFObjectHandle dictionary = info ? cairoInfo : QPDFObjectHandle::newDictionary();
        for (auto const &entry : tags.info) dictionary.replaceKey("/" + entry.first, QPDFObjectHandle::newUnicodeString(entry.second));
        if (!info) info = file.newObject();
        file.write(info, dictionary.unparseResolved());
    }

    // The page content, once compressed; then whatever Cairo left uncompressed (CAIRO_DEBUG_PDF
    // leaves all its own streams so: Unicode maps, forms, patterns), XMP metadata aside.
    compression.finish();
    for (size_t index = 0; index < pages.size(); ++index) {
        if (!contents[index].error.empty()) throw std::runtime_error(contents[index].error);
        writeStream(file, contentStreams[index], contents[index].compressed, true);
        contents[index].compressed = std::string();
    }
    for (int number : file.keptStreams()) {
        QPDFObjectHandle stream = pdf.getObject(number, 0);
        if (!stream.isStream()) continue;
        QPDFObjectHandle dictionary = stream.getDict();
        if (dictionary.hasKey("/Filter") || dictionary.getKey("/Type").isNameAndEquals("/Metadata")) continue;
        std::shared_ptr<Buffer> raw = stream.getRawStreamData();
        writeStream(file, stream, deflated(reinterpret_cast<char const *>(raw->getBuffer()), raw->getSize()), true);
    }
    return file.finish(catalog.getObjectID(), info);
}

/// Cairo's file rewritten by qpdf with one cross-reference table and no object streams, for a
/// Cairo that writes them (1.17.6 and later): PDFAssembly then reads that.
std::string normalized(QPDF &pdf) {
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setStaticID(true);  // replaced by the assembled file's own
    writer.setDecodeLevel(qpdf_dl_none);
    writer.setCompressStreams(false);
    writer.setObjectStreamMode(qpdf_o_disable);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<char const *>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace

extern "C" int folio_pdf_tags_apply(folio_pdf_tags *tags, const void *data, size_t size) {
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("cairo.pdf", static_cast<const char *>(data), size);
        char const *bytes = static_cast<const char *>(data);
        PDFAssembly file(pdf, bytes, size);
        if (!tags->normalizesFirst && file.accepted()) {
            tags->output = assemble(*tags, pdf, file, bytes, size);
        } else {
            std::string plain = normalized(pdf);
            QPDF rewritten;
            rewritten.setSuppressWarnings(true);
            rewritten.processMemoryFile("cairo-normalized.pdf", plain.data(), plain.size());
            PDFAssembly again(rewritten, plain.data(), plain.size());
            if (!again.accepted()) throw std::runtime_error("tagging: qpdf wrote a file it cannot assemble");
            tags->output = assemble(*tags, rewritten, again, plain.data(), plain.size());
        }
        return 0;
    } catch (std::exception const &error) {
        tags->error = error.what();
        return -1;
    }
}

extern "C" const folio_pdf_tags_table *folio_pdf_tags_functions(void) {
    static const folio_pdf_tags_table table = {
        FOLIO_PDF_TAGS_VERSION,
        folio_pdf_tags_new, folio_pdf_tags_free, folio_pdf_tags_element, folio_pdf_tags_text,
        folio_pdf_tags_attribute, folio_pdf_tags_content, folio_pdf_tags_annotation, folio_pdf_tags_page_marks,
        folio_pdf_tags_page_label, folio_pdf_tags_language, folio_pdf_tags_info, folio_pdf_tags_metadata,
        folio_pdf_tags_output_intent, folio_pdf_tags_archival, folio_pdf_tags_drop_cairo_elements,
        folio_pdf_tags_dropped, folio_pdf_tags_normalize_first, folio_pdf_tags_apply, folio_pdf_tags_output, folio_pdf_tags_error,
    };
    return &table;
}
