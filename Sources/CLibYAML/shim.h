// CLibYAML: libyaml's event parser, for the checks Folio makes before Yams composes a tree
// (alias expansion, duplicate keys, nesting), each at the event's exact position.
#include <yaml.h>
