// CRsvg: librsvg (SVG drawn as vectors through Cairo) and gdk-pixbuf (JPEG, GIF, WebP and other rasters decoded).
#include <librsvg/rsvg.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
