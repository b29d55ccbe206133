// CFastFormat: the few printf formats Cairo writes a PDF with, formatted without glibc's general
// printf machinery (linked into the folio programs only; see folio_fast_format.c).
#ifndef FOLIO_FAST_FORMAT_H
#define FOLIO_FAST_FORMAT_H
#include <stddef.h>

// `value` formatted as "%.*f" with `precision` (0 to 18) into `buffer` (snprintf's contract: at
// most `size` bytes with the terminating NUL; returns the length the whole text needs), or -2
// when it cannot be done exactly here (NaN, infinities, |value| of 10^15 or more or of 2^64
// units of the last digit, a locale whose decimal point is not '.'): glibc's printf must do it.
int folio_format_fixed(char *buffer, size_t size, int precision, double value);

// `value` formatted as "%d".
int folio_format_int(char *buffer, size_t size, int value);

// What glibc's own vsnprintf writes for "%.*f" (for tests: the reference the fast path must match).
int folio_format_fixed_glibc(char *buffer, size_t size, int precision, double value);

// Whether this program's `__snprintf_chk` is the one above (0 in sanitizer builds, which keep glibc's).
int folio_fast_format_installed(void);

#endif
