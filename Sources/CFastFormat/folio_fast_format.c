// The printf formats Cairo 1.16 writes a PDF with, formatted exactly as glibc does, faster.
//
// Cairo formats every number of a PDF with snprintf (built with _FORTIFY_SOURCE, so through
// `__snprintf_chk`): "%d" and "%f", "%.18f" then "%.*f" for numbers below 0.1, 750,000 calls for
// a 296-page manual. glibc formats each "%f" with multi-precision arithmetic, 16% of the drawing
// thread. This file defines `__snprintf_chk` in the program: Cairo's calls come here, these four
// formats are written directly, and every other format goes to glibc's `__vsnprintf_chk`.
//
// "%.*f" is exact: the double is m × 2^e with m < 2^53, so m × 10^p (p ≤ 18, below 2^113) shifted
// right by -e with the remainder compared to half gives the correctly rounded value, ties to even,
// which is glibc's rounding in the default rounding mode. CFastFormatTests compare both on millions
// of values.
#define _GNU_SOURCE
#include "folio_fast_format.h"

#include <langinfo.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

// glibc's checked vsnprintf (declared by <stdio.h> only under _FORTIFY_SOURCE).
extern int __vsnprintf_chk(char *buffer, size_t size, int flag, size_t buffer_length, const char *format, va_list arguments);

static const uint64_t powers_of_ten[19] = {
    1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL, 100000000ULL, 1000000000ULL,
    10000000000ULL, 100000000000ULL, 1000000000000ULL, 10000000000000ULL, 100000000000000ULL,
    1000000000000000ULL, 10000000000000000ULL, 100000000000000000ULL, 1000000000000000000ULL,
};

/// Copies `length` bytes of `text` into `buffer` as snprintf would; returns `length`.
static int deliver(char *buffer, size_t size, const char *text, int length) {
    if (size > 0) {
        size_t copied = (size_t)length < size - 1 ? (size_t)length : size - 1;
        memcpy(buffer, text, copied);
        buffer[copied] = 0;
    }
    return length;
}

/// Writes `value` in decimal ending just before `end`; returns where it starts.
static char *decimal(char *end, uint64_t value) {
    do {
        *--end = (char)('0' + value % 10);
        value /= 10;
    } while (value != 0);
    return end;
}

static int decimal_point_is_dot(void) {
    const char *point = nl_langinfo(RADIXCHAR);
    return point != NULL && point[0] == '.' && point[1] == 0;
}

int folio_format_fixed(char *buffer, size_t size, int precision, double value) {
    if (precision < 0 || precision > 18 || !isfinite(value) || fabs(value) >= 1e15 || !decimal_point_is_dot()) return -2;
    int negative = signbit(value) != 0;
    double magnitude = fabs(value);
    unsigned __int128 scaled = 0;
    if (magnitude != 0) {
        int exponent;
        double fraction = frexp(magnitude, &exponent);  // magnitude = fraction × 2^exponent, fraction in [0.5, 1)
        uint64_t mantissa = (uint64_t)ldexp(fraction, 53);  // exact: a double has 53 significant bits
        int shift = 53 - exponent;  // magnitude = mantissa / 2^shift; shift > 0 below 2^53
        unsigned __int128 product = (unsigned __int128)mantissa * powers_of_ten[precision];
        if (shift <= 0) {
            scaled = product << -shift;
        } else if (shift < 128) {
            scaled = product >> shift;
            unsigned __int128 remainder = product - (scaled << shift);
            unsigned __int128 half = (unsigned __int128)1 << (shift - 1);
            if (remainder > half || (remainder == half && (scaled & 1))) scaled += 1;
        }  // else below 2^-15 of the last digit: rounds to 0
    }
    if (scaled >> 64) return -2;
    uint64_t whole = (uint64_t)scaled / powers_of_ten[precision];
    uint64_t part = (uint64_t)scaled % powers_of_ten[precision];
    char text[48];
    char *end = text + sizeof(text);
    char *start = end;
    if (precision > 0) {
        for (int digit = 0; digit < precision; ++digit) {
            *--start = (char)('0' + part % 10);
            part /= 10;
        }
        *--start = '.';
    }
    start = decimal(start, whole);
    if (negative) *--start = '-';
    return deliver(buffer, size, start, (int)(end - start));
}

int folio_format_int(char *buffer, size_t size, int value) {
    char text[16];
    char *end = text + sizeof(text);
    char *start = decimal(end, value < 0 ? (uint64_t)(-(int64_t)value) : (uint64_t)value);
    if (value < 0) *--start = '-';
    return deliver(buffer, size, start, (int)(end - start));
}

static int glibc_format(char *buffer, size_t size, const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int written = vsnprintf(buffer, size, format, arguments);  // glibc's (this file defines only __snprintf_chk)
    va_end(arguments);
    return written;
}

int folio_format_fixed_glibc(char *buffer, size_t size, int precision, double value) {
    return glibc_format(buffer, size, "%.*f", precision, value);
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define FOLIO_KEEPS_GLIBC_FORMAT 1
#endif
#endif

#ifdef FOLIO_KEEPS_GLIBC_FORMAT
int folio_fast_format_installed(void) { return 0; }
#else
int folio_fast_format_installed(void) { return 1; }

/// glibc's checked snprintf, as `_FORTIFY_SOURCE` code calls it: the four formats above here,
/// everything else (and any call whose buffer is smaller than it claims) to glibc.
int __snprintf_chk(char *buffer, size_t size, int flag, size_t buffer_length, const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int written = -2;
    if (size <= buffer_length && format[0] == '%') {
        if (format[1] == 'd' && format[2] == 0) {
            written = folio_format_int(buffer, size, va_arg(arguments, int));
        } else if (format[1] == 'f' && format[2] == 0) {
            written = folio_format_fixed(buffer, size, 6, va_arg(arguments, double));
        } else if (format[1] == '.' && format[2] == '*' && format[3] == 'f' && format[4] == 0) {
            int precision = va_arg(arguments, int);
            written = folio_format_fixed(buffer, size, precision, va_arg(arguments, double));
        } else if (format[1] == '.' && format[2] == '1' && format[3] == '8' && format[4] == 'f' && format[5] == 0) {
            written = folio_format_fixed(buffer, size, 18, va_arg(arguments, double));
        }
    }
    va_end(arguments);
    if (written != -2) return written;
    va_start(arguments, format);
    written = __vsnprintf_chk(buffer, size, flag, buffer_length, format, arguments);
    va_end(arguments);
    return written;
}
#endif
