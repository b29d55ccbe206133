// CPNG: libpng, wrapped in one C function because libpng reports errors by longjmp,
// which Swift cannot catch. Writes 8-bit RGB or RGBA rows, unfiltered, at a chosen zlib level;
// images of 1 MiB or more are deflated in bands on several threads (bands.h).
#include "bands.h"
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>

// folio_png_rows: the IHDR and every row of a Cairo ARGB32 image, on a png_struct whose output and
// error jump the caller has set up. `*row` is the caller's (freed by it, also after a longjmp): one
// converted row, or the banded zlib stream.
static inline int folio_png_rows(png_structp png, png_infop info, png_bytep *row, const unsigned char *data,
                                 int width, int height, int stride, int has_alpha, int level, unsigned pixels_per_metre) {
    png_set_compression_level(png, level);
    // No row filter: pages are mostly flat colour, which deflate packs smaller and faster unfiltered
    // (a text page at 150 dpi: 162 KB in 21 ms, against 200 KB in 25-32 ms with the "up" filter).
    png_set_filter(png, 0, PNG_FILTER_NONE);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, has_alpha ? PNG_COLOR_TYPE_RGBA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    // The resolution (pHYs), so viewers and print paths know the page's real size.
    if (pixels_per_metre > 0) png_set_pHYs(png, info, pixels_per_metre, pixels_per_metre, PNG_RESOLUTION_METER);
    png_write_info(png, info);
    int channels = has_alpha ? 4 : 3;
    int bands = folio_png_band_count((size_t)height * (1 + (size_t)width * (size_t)channels));
    if (bands > 1) return folio_png_write_bands(png, row, data, width, height, stride, has_alpha, level, bands);
    *row = (png_bytep)malloc((size_t)width * (size_t)channels);
    if (!*row) return -1;
    for (int y = 0; y < height; y++) {
        folio_png_convert_row((const uint32_t *)(data + (size_t)y * (size_t)stride), *row, width, has_alpha);
        png_write_row(png, *row);
    }
    png_write_end(png, NULL);
    return 0;
}

// folio_png_write: writes `height` rows of `width` pixels from a Cairo ARGB32 image
// (premultiplied, native-endian 32-bit words, `stride` bytes a row) to `path`, recording
// `pixels_per_metre` as its resolution (0: none).
// Opaque images (has_alpha == 0) are written as RGB. Returns 0 on success, -1 on failure.
static inline int folio_png_write(const char *path, const unsigned char *data, int width, int height, int stride,
                                  int has_alpha, int level, unsigned pixels_per_metre) {
    FILE *file = fopen(path, "wb");
    if (!file) return -1;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    png_bytep rows = NULL;
    png_bytep *volatile row = &rows;   // volatile: read after longjmp
    if (!png || !info) { if (png) png_destroy_write_struct(&png, NULL); fclose(file); return -1; }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(*row);
        fclose(file);
        return -1;
    }
    png_init_io(png, file);
    int status = folio_png_rows(png, info, row, data, width, height, stride, has_alpha, level, pixels_per_metre);
    png_destroy_write_struct(&png, &info);
    free(*row);
    int closed = fclose(file);
    return status == 0 && closed == 0 ? 0 : -1;
}

// A sink for folio_png_write_fn: returns 0 when all `length` bytes were taken, nonzero on failure.
typedef int (*folio_png_sink)(void *closure, const unsigned char *data, size_t length);

typedef struct { folio_png_sink sink; void *closure; } folio_png_target;

static inline void folio_png_write_data(png_structp png, png_bytep data, png_size_t length) {
    folio_png_target *target = (folio_png_target *)png_get_io_ptr(png);
    if (target->sink(target->closure, data, length) != 0) png_error(png, "write failed");
}

static inline void folio_png_flush(png_structp png) { (void)png; }

// Errors end in the caller's setjmp without printing (the sink's own error is reported instead).
static inline void folio_png_quiet_error(png_structp png, png_const_charp message) { (void)message; png_longjmp(png, 1); }
static inline void folio_png_quiet_warning(png_structp png, png_const_charp message) { (void)png; (void)message; }

// folio_png_write_fn: as folio_png_write, the bytes going to `sink` (which may fail: then -1).
static inline int folio_png_write_fn(folio_png_sink sink, void *closure, const unsigned char *data, int width, int height,
                                     int stride, int has_alpha, int level, unsigned pixels_per_metre) {
    folio_png_target target = { sink, closure };
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, folio_png_quiet_error, folio_png_quiet_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    png_bytep rows = NULL;
    png_bytep *volatile row = &rows;   // volatile: read after longjmp
    if (!png || !info) { if (png) png_destroy_write_struct(&png, NULL); return -1; }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(*row);
        return -1;
    }
    png_set_write_fn(png, &target, folio_png_write_data, folio_png_flush);
    int status = folio_png_rows(png, info, row, data, width, height, stride, has_alpha, level, pixels_per_metre);
    png_destroy_write_struct(&png, &info);
    free(*row);
    return status;
}
