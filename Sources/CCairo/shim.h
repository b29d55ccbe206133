// CCairo: Cairo with its PDF, SVG and PNG surfaces, for the FolioCairo backend.
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
