// CPangoCairo: Pango text shaping on Cairo, plus fontconfig for font lookups.
#include <pango/pangocairo.h>
#include <fontconfig/fontconfig.h>

// folio_pango_scale: PANGO_SCALE is a macro Swift cannot import.
static inline int folio_pango_scale(void) { return PANGO_SCALE; }
