// CCmark: Debian's cmark-gfm with the GFM core extensions (tables, strikethrough, autolink).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
