// CPangoCairo: Pango text shaping on Cairo (and HarfBuzz, which Pango shapes with), plus fontconfig (and Pango's fontconfig font map) for font selection.
#include <pango/pangocairo.h>
#include <harfbuzz/hb.h>
#include <pango/pangofc-fontmap.h>
#include <fontconfig/fontconfig.h>
#include <fontconfig/fcfreetype.h>
#include <ft2build.h>
#include FT_FREETYPE_H

// folio_pango_scale: PANGO_SCALE is a macro Swift cannot import.
static inline int folio_pango_scale(void) { return PANGO_SCALE; }
