// CPNG bands: a large image's pixel data deflated in horizontal bands on several threads, joined
// into the one zlib stream PNG's IDAT holds (as pigz does). Each band is a raw deflate stream primed
// with the 32 KiB of rows before it and ended on a byte boundary (Z_SYNC_FLUSH; the last band
// Z_FINISH), so the bands' bytes simply follow each other; their Adler-32 sums are combined.
// libpng still writes the signature, IHDR, pHYs and the chunks' lengths and CRCs.
#include <png.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

// Defined in Sources/CThreads (folio_threads.h; linked through FolioBundle): pthread_create on
// another core than the caller's.
int folio_thread_start(pthread_t *thread, int detached, size_t stack_size, void *(*body)(void *), void *context);

// One row of a Cairo ARGB32 image (premultiplied, native-endian words) as 8-bit RGB or
// un-premultiplied RGBA.
static inline void folio_png_convert_row(const uint32_t *pixels, unsigned char *out, int width, int has_alpha) {
    if (!has_alpha) {
        for (int x = 0; x < width; x++, out += 3) {
            uint32_t p = pixels[x];
            out[0] = (unsigned char)(p >> 16); out[1] = (unsigned char)(p >> 8); out[2] = (unsigned char)p;
        }
    } else {
        for (int x = 0; x < width; x++, out += 4) {
            uint32_t p = pixels[x];
            unsigned a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
            if (a != 0 && a != 255) { r = r * 255 / a; g = g * 255 / a; b = b * 255 / a; }
            out[0] = (unsigned char)r; out[1] = (unsigned char)g; out[2] = (unsigned char)b; out[3] = (unsigned char)a;
        }
    }
}

// Rows [first, first + count) as PNG scanlines (filter byte 0, then the pixels) into `out`.
static inline void folio_png_scanlines(const unsigned char *data, int width, int stride, int has_alpha,
                                       int first, int count, unsigned char *out) {
    size_t row_bytes = 1 + (size_t)width * (has_alpha ? 4 : 3);
    for (int y = 0; y < count; y++) {
        unsigned char *line = out + (size_t)y * row_bytes;
        line[0] = 0;
        folio_png_convert_row((const uint32_t *)(data + (size_t)(first + y) * (size_t)stride), line + 1, width, has_alpha);
    }
}

typedef struct {
    // In: the image and this band's rows.
    const unsigned char *data;
    int width, stride, has_alpha, level, first_row, rows, last;
    // Out: the deflated bytes (malloc'd), the Adler-32 of the band's scanlines and their length.
    unsigned char *out;
    size_t out_length, raw_length;
    uLong adler;
    int status;   // 0: done; -1: failed
} folio_png_band;

static inline void *folio_png_band_run(void *argument) {
    folio_png_band *band = (folio_png_band *)argument;
    band->status = -1;
    size_t row_bytes = 1 + (size_t)band->width * (band->has_alpha ? 4 : 3);
    // The dictionary rows (up to 32 KiB before the band) and the band's own rows, in one buffer.
    int before = 0;
    if (band->first_row > 0) {
        before = (int)((32768 + row_bytes - 1) / row_bytes);
        if (before > band->first_row) before = band->first_row;
    }
    size_t primed = (size_t)before * row_bytes;
    band->raw_length = (size_t)band->rows * row_bytes;
    unsigned char *raw = (unsigned char *)malloc(primed + band->raw_length);
    if (!raw) return NULL;
    folio_png_scanlines(band->data, band->width, band->stride, band->has_alpha, band->first_row - before,
                        before + band->rows, raw);
    band->adler = adler32(adler32(0L, Z_NULL, 0), raw + primed, (uInt)band->raw_length);

    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (deflateInit2(&stream, band->level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) { free(raw); return NULL; }
    if (primed > 0) {
        size_t length = primed < 32768 ? primed : 32768;
        if (deflateSetDictionary(&stream, raw + primed - length, (uInt)length) != Z_OK) { deflateEnd(&stream); free(raw); return NULL; }
    }
    // deflateBound covers a Z_FINISH; a sync flush's empty stored block needs a few bytes more.
    size_t capacity = deflateBound(&stream, (uLong)band->raw_length) + 64;
    band->out = (unsigned char *)malloc(capacity);
    if (!band->out) { deflateEnd(&stream); free(raw); return NULL; }
    stream.next_in = raw + primed;
    stream.avail_in = (uInt)band->raw_length;
    stream.next_out = band->out;
    stream.avail_out = (uInt)capacity;
    int result = deflate(&stream, band->last ? Z_FINISH : Z_SYNC_FLUSH);
    int done = band->last ? result == Z_STREAM_END : (result == Z_OK && stream.avail_in == 0 && stream.avail_out > 0);
    band->out_length = capacity - stream.avail_out;
    deflateEnd(&stream);
    free(raw);
    if (done) band->status = 0;
    return NULL;
}

// The number of bands for an image of `raw_bytes` scanline bytes: one per 512 KiB, at most 4 (a
// choice of the size alone, so the same image always gives the same file). The bands' threads
// start on the idle core (folio_thread_start): left to the scheduler, they often waited for the
// busy one, and a chart at twice its size (1.5 MB of scanlines) deflated in 3.7 ms in two bands
// against 3.2 ms whole; placed, in 2.3 ms (medians of 21 on a 2-core VM).
static inline int folio_png_band_count(size_t raw_bytes) {
    size_t count = raw_bytes / (512 * 1024);
    return count < 2 ? 1 : count > 4 ? 4 : (int)count;
}

// Writes the IDAT chunk(s) of the image in `bands` bands (2 to 4) and IEND, after png_write_info.
// The joined stream goes into `*joined`, which the caller frees (also after a libpng longjmp).
// Returns 0, or -1 when a band failed (nothing written then).
static inline int folio_png_write_bands(png_structp png, unsigned char **joined, const unsigned char *data, int width,
                                        int height, int stride, int has_alpha, int level, int bands) {
    folio_png_band band[4];
    pthread_t thread[4];
    int started[4] = {0, 0, 0, 0};
    for (int i = 0; i < bands; i++) {
        int first = (int)((long long)height * i / bands), next = (int)((long long)height * (i + 1) / bands);
        band[i] = (folio_png_band){ data, width, stride, has_alpha, level, first, next - first, i == bands - 1,
                                    NULL, 0, 0, 0, -1 };
    }
    for (int i = 1; i < bands; i++) started[i] = folio_thread_start(&thread[i], 0, 0, folio_png_band_run, &band[i]) == 0;
    folio_png_band_run(&band[0]);
    for (int i = 1; i < bands; i++) {
        if (started[i]) pthread_join(thread[i], NULL);
        else folio_png_band_run(&band[i]);   // no thread to be had: this one
    }
    // The zlib stream: its header (deflate, 32 KiB window, zlib's level hint, a multiple of 31), the
    // bands, and the combined Adler-32.
    size_t total = 2 + 4;
    int status = 0;
    for (int i = 0; i < bands; i++) {
        if (band[i].status != 0) status = -1;
        total += band[i].out_length;
    }
    *joined = status == 0 ? (unsigned char *)malloc(total) : NULL;
    if (*joined) {
        unsigned char *at = *joined;
        *at++ = 0x78;
        *at++ = level <= 1 ? 0x01 : level <= 5 ? 0x5e : level == 6 ? 0x9c : 0xda;
        uLong adler = band[0].adler;
        for (int i = 0; i < bands; i++) {
            memcpy(at, band[i].out, band[i].out_length);
            at += band[i].out_length;
            if (i > 0) adler = adler32_combine(adler, band[i].adler, (z_off_t)band[i].raw_length);
        }
        *at++ = (unsigned char)(adler >> 24); *at++ = (unsigned char)(adler >> 16);
        *at++ = (unsigned char)(adler >> 8); *at++ = (unsigned char)adler;
    } else {
        status = -1;
    }
    for (int i = 0; i < bands; i++) free(band[i].out);
    if (status != 0) return -1;
    // IDAT chunks of at most 1 GiB each (a chunk's length must stay under 2³¹).
    for (size_t offset = 0; offset < total;) {
        size_t length = total - offset < ((size_t)1 << 30) ? total - offset : ((size_t)1 << 30);
        png_write_chunk(png, (png_const_bytep)"IDAT", *joined + offset, length);
        offset += length;
    }
    png_write_chunk(png, (png_const_bytep)"IEND", NULL, 0);
    return 0;
}
