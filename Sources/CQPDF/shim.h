// qpdf (Debian libqpdf-dev): the PDF library that writes what Cairo 1.16 cannot (structure tree
// attributes, artifacts, XMP, output intents). FolioPDFTags uses its C++ API; this module links it.
#include <qpdf/qpdf-c.h>
