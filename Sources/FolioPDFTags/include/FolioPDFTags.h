// Completes a PDF written by Cairo into a tagged (accessible, archival) PDF with qpdf.
//
// Cairo 1.16 marks content (`/Role <</MCID n>> BDC … EMC`) where Folio asks it to, but its own
// structure tree loses content and cannot carry attributes (/Alt, /Scope, /Lang), artifacts, XMP
// metadata or output intents. Folio records the structure while drawing and hands it here: this
// replaces Cairo's tree with that one, renumbers every marked-content sequence in page order (the lines Cairo writes for them)
// (artifacts become `/Artifact BMC`), and adds what the catalog needs. Plain C, for Swift.
#ifndef FOLIO_PDF_TAGS_H
#define FOLIO_PDF_TAGS_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct folio_pdf_tags folio_pdf_tags;

folio_pdf_tags *folio_pdf_tags_new(void);
void folio_pdf_tags_free(folio_pdf_tags *tags);

/// A new structure element under `parent` (-1: the tree root), appended to its kids; returns its index.
int folio_pdf_tags_element(folio_pdf_tags *tags, int parent, const char *role);
/// A text entry of an element (`Alt`, `Lang`, `ActualText`, `T`, `E`), UTF-8.
void folio_pdf_tags_text(folio_pdf_tags *tags, int element, const char *key, const char *utf8);
/// An attribute with a name value (owner `Table`, key `Scope`, value `Column`).
void folio_pdf_tags_attribute(folio_pdf_tags *tags, int element, const char *owner, const char *key, const char *name);
/// Marked content `mcid` of page `page` (0-based) appended to the element's kids.
void folio_pdf_tags_content(folio_pdf_tags *tags, int element, int page, int mcid);
/// The `index`-th annotation of page `page` appended to the element's kids, with its `/Contents`.
void folio_pdf_tags_annotation(folio_pdf_tags *tags, int element, int page, int index, const char *contents);
/// The marked-content sequences of a page in drawing order: `R` real content (numbered 0, 1, … in
/// order), `A` an artifact. The page must have exactly this many.
void folio_pdf_tags_page_marks(folio_pdf_tags *tags, int page, const char *pattern);
/// A page label range (`/PageLabels`): from page `page` (0-based) on, numbers in `style` (`D`, `r`
/// or `R`) starting at `first`.
void folio_pdf_tags_page_label(folio_pdf_tags *tags, int page, const char *style, int first);
/// The catalog's `/Lang`.
void folio_pdf_tags_language(folio_pdf_tags *tags, const char *lang);
/// A document information entry (`Producer`, `CreationDate`, …), replacing Cairo's.
void folio_pdf_tags_info(folio_pdf_tags *tags, const char *key, const char *utf8);
/// An XMP packet as the catalog's `/Metadata` (uncompressed).
void folio_pdf_tags_metadata(folio_pdf_tags *tags, const char *xmp);
/// An ICC profile as the PDF/A output intent (`/GTS_PDFA1`).
void folio_pdf_tags_output_intent(folio_pdf_tags *tags, const void *icc, size_t size, int components, const char *identifier);
/// Writes the result for PDF/A (a newline before each endstream).
void folio_pdf_tags_archival(folio_pdf_tags *tags, int archival);

/// Whether Cairo's own structure elements are dropped unread (1, the default) or left for qpdf to
/// read (0, only to compare: the written file is the same), and how many the last apply dropped.
void folio_pdf_tags_drop_cairo_elements(folio_pdf_tags *tags, int drop);
size_t folio_pdf_tags_dropped(folio_pdf_tags *tags);
/// Whether Cairo's file is first rewritten by qpdf into one cross-reference table without object
/// streams (1), as is done anyway when Cairo writes either (1.17.6 and later), or read as it is (0,
/// the default, and what Cairo 1.16 allows).
void folio_pdf_tags_normalize_first(folio_pdf_tags *tags, int normalize);

/// Reads the PDF in `data`, applies everything above and writes the result (deterministic /ID).
/// Returns 0, or -1 with a message in `folio_pdf_tags_error`.
int folio_pdf_tags_apply(folio_pdf_tags *tags, const void *data, size_t size);
/// The written PDF after a successful apply (owned by `tags`).
const void *folio_pdf_tags_output(folio_pdf_tags *tags, size_t *size);
const char *folio_pdf_tags_error(folio_pdf_tags *tags);

/// Every function above in one table: folio opens this library with dlopen when it first writes a
/// PDF and looks up only `folio_pdf_tags_functions` (linked, qpdf and the libraries behind it, gnutls
/// among them, cost every run about 7 ms at start, PDF or not). `version` is
/// FOLIO_PDF_TAGS_VERSION of the build that made the library; a caller refuses any other.
#define FOLIO_PDF_TAGS_VERSION 2
typedef struct folio_pdf_tags_table {
    int version;
    folio_pdf_tags *_Nullable (*_Nonnull create)(void);
    void (*_Nonnull free)(folio_pdf_tags *_Nullable tags);
    int (*_Nonnull element)(folio_pdf_tags *_Nullable tags, int parent, const char *_Nullable role);
    void (*_Nonnull text)(folio_pdf_tags *_Nullable tags, int element, const char *_Nullable key, const char *_Nullable utf8);
    void (*_Nonnull attribute)(folio_pdf_tags *_Nullable tags, int element, const char *_Nullable owner, const char *_Nullable key,
                               const char *_Nullable name);
    void (*_Nonnull content)(folio_pdf_tags *_Nullable tags, int element, int page, int mcid);
    void (*_Nonnull annotation)(folio_pdf_tags *_Nullable tags, int element, int page, int index, const char *_Nullable contents);
    void (*_Nonnull page_marks)(folio_pdf_tags *_Nullable tags, int page, const char *_Nullable pattern);
    void (*_Nonnull page_label)(folio_pdf_tags *_Nullable tags, int page, const char *_Nullable style, int first);
    void (*_Nonnull language)(folio_pdf_tags *_Nullable tags, const char *_Nullable lang);
    void (*_Nonnull info)(folio_pdf_tags *_Nullable tags, const char *_Nullable key, const char *_Nullable utf8);
    void (*_Nonnull metadata)(folio_pdf_tags *_Nullable tags, const char *_Nullable xmp);
    void (*_Nonnull output_intent)(folio_pdf_tags *_Nullable tags, const void *_Nullable icc, size_t size, int components,
                                   const char *_Nullable identifier);
    void (*_Nonnull archival)(folio_pdf_tags *_Nullable tags, int archival);
    void (*_Nonnull drop_cairo_elements)(folio_pdf_tags *_Nullable tags, int drop);
    size_t (*_Nonnull dropped)(folio_pdf_tags *_Nullable tags);
    void (*_Nonnull normalize_first)(folio_pdf_tags *_Nullable tags, int normalize);
    int (*_Nonnull apply)(folio_pdf_tags *_Nullable tags, const void *_Nullable data, size_t size);
    const void *_Nullable (*_Nonnull output)(folio_pdf_tags *_Nullable tags, size_t *_Nullable size);
    const char *_Nullable (*_Nonnull error)(folio_pdf_tags *_Nullable tags);
} folio_pdf_tags_table;

const folio_pdf_tags_table *folio_pdf_tags_functions(void);

#ifdef __cplusplus
}
#endif
#endif
