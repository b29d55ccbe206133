// CSourceHighlight: GNU source-highlight driven through its library API. Language definitions are
// parsed once per process and kept; each call runs a fresh highlighter over the text line by line.
#include "folio_highlight.h"

#include <srchilite/formatter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/formatterparams.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/sourcehighlighter.h>

#include <cstring>
#include <exception>
#include <map>
#include <mutex>
#include <string>

namespace {

/// Where the pieces of the current call go.
struct Sink {
    void *context;
    folio_highlight_piece piece;
    size_t offset;
};

/// Reports every piece of one element, in order, advancing the sink's offset.
class ElementFormatter : public srchilite::Formatter {
public:
    ElementFormatter(std::string element, Sink **sink) : element_(std::move(element)), sink_(sink) {}
    void format(const std::string &text, const srchilite::FormatterParams *) override {
        Sink *sink = *sink_;
        if (sink == nullptr || text.empty()) return;
        sink->piece(sink->context, element_.c_str(), sink->offset, text.size());
        sink->offset += text.size();
    }
private:
    std::string element_;
    Sink **sink_;
};

/// Every element name source-highlight's definitions use (its style files list them); others
/// fall to the default formatter, reported as "normal".
const char *const elements[] = {
    "keyword", "type", "usertype", "string", "regexp", "specialchar", "comment", "number", "preproc",
    "symbol", "function", "cbracket", "todo", "code", "predef_var", "predef_func", "classname", "url",
    "date", "time", "file", "ip", "name", "variable", "label", "key", "keyquote", "valquote", "colon",
    "section", "paren", "attribute", "value", "atom", "meta", "path", "error", "warning", "selector",
    "property", "argument", "optionalargument", "math", "bibtex", "oldfile", "newfile", "difflines",
};

std::mutex lock;
Sink *current = nullptr;
srchilite::LangDefManager *definitions = nullptr;
srchilite::FormatterManager *formatters = nullptr;
std::map<std::string, srchilite::HighlightStatePtr> states;

void setUp() {
    if (definitions != nullptr) return;
    definitions = new srchilite::LangDefManager(new srchilite::RegexRuleFactory);
    formatters = new srchilite::FormatterManager(srchilite::FormatterPtr(new ElementFormatter("normal", &current)));
    for (const char *element : elements) {
        formatters->addFormatter(element, srchilite::FormatterPtr(new ElementFormatter(element, &current)));
    }
}

void copyMessage(const std::string &message, char *error, size_t size) {
    if (error == nullptr || size == 0) return;
    size_t count = message.size() < size - 1 ? message.size() : size - 1;
    std::memcpy(error, message.data(), count);
    error[count] = 0;
}

}  // namespace

extern "C" int folio_highlight(const char *lang_path, const char *text, size_t length, void *context,
                               folio_highlight_piece piece, char *error, size_t error_size) {
    std::lock_guard<std::mutex> guard(lock);
    try {
        setUp();
        std::string path(lang_path);
        auto found = states.find(path);
        if (found == states.end()) {
            std::string folder = ".", file = path;
            size_t slash = path.rfind('/');
            if (slash != std::string::npos) {
                folder = path.substr(0, slash);
                file = path.substr(slash + 1);
            }
            found = states.emplace(path, definitions->getHighlightState(folder, file)).first;
        }
        srchilite::SourceHighlighter highlighter(found->second);
        highlighter.setFormatterManager(formatters);
        highlighter.setOptimize(false);
        srchilite::FormatterParams params;
        highlighter.setFormatterParams(&params);
        Sink sink{context, piece, 0};
        current = &sink;
        size_t start = 0;
        while (start <= length) {
            const char *end = static_cast<const char *>(std::memchr(text + start, '\n', length - start));
            size_t stop = end ? static_cast<size_t>(end - text) : length;
            sink.offset = start;
            params.start = 0;
            highlighter.highlightParagraph(std::string(text + start, stop - start));
            if (end == nullptr) break;
            start = stop + 1;
        }
        current = nullptr;
        return 0;
    } catch (const std::exception &exception) {
        current = nullptr;
        copyMessage(exception.what(), error, error_size);
    } catch (...) {
        current = nullptr;
        copyMessage("the language definition cannot be read", error, error_size);
    }
    return -1;
}
