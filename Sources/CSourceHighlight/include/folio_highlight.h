// CSourceHighlight: a C interface to GNU source-highlight (Debian libsource-highlight-dev), so
// Swift can highlight code without C++ interop. One call per code block; thread-safe.
#ifndef FOLIO_HIGHLIGHT_H
#define FOLIO_HIGHLIGHT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Called once per highlighted piece, in order; the pieces cover the text (newlines excepted).
/// `element` is source-highlight's element name ("keyword", "string", "comment", "normal", ...);
/// `start` and `length` are UTF-8 byte offsets into the text.
typedef void (*folio_highlight_piece)(void *context, const char *element, size_t start, size_t length);

/// Highlights `text` (`length` bytes) with the language definition file `lang_path`; its
/// includes are resolved in the definition's folder. Returns 0, or -1 when the definition
/// cannot be read (a message is written into `error`, at most `error_size` bytes).
int folio_highlight(const char *lang_path, const char *text, size_t length, void *context,
                    folio_highlight_piece piece, char *error, size_t error_size);

#ifdef __cplusplus
}
#endif

#endif
