// CCairo: Cairo with its PDF, SVG and PNG surfaces, for the FolioCairo backend.
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <stdlib.h>
#include <string.h>

/// Cairo's PDF kept in memory by C alone (CairoMemoryStream owns one): Cairo calls its write
/// function for every few bytes it formats, millions of times for a long document, too often to
/// cross into Swift each time.
typedef struct folio_memory_stream {
    unsigned char *data;
    size_t size;
    size_t capacity;
} folio_memory_stream;

/// A `cairo_write_func_t` appending to the `folio_memory_stream` in `closure`.
static inline cairo_status_t folio_memory_stream_write(void *closure, const unsigned char *data, unsigned int length) {
    folio_memory_stream *stream = (folio_memory_stream *)closure;
    if (length > stream->capacity - stream->size) {
        size_t capacity = stream->capacity ? stream->capacity : (size_t)1 << 20;
        while (length > capacity - stream->size) {
            if (capacity > ((size_t)-1) / 2) return CAIRO_STATUS_NO_MEMORY;
            capacity *= 2;
        }
        unsigned char *grown = (unsigned char *)realloc(stream->data, capacity);
        if (grown == NULL) return CAIRO_STATUS_NO_MEMORY;
        stream->data = grown;
        stream->capacity = capacity;
    }
    memcpy(stream->data + stream->size, data, length);
    stream->size += length;
    return CAIRO_STATUS_SUCCESS;
}
