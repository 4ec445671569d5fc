#pragma once
// JSON-LD 1.1 of a set of triples (https://www.w3.org/TR/json-ld11/), written so that expanding
// it gives back exactly those triples: literals keep their language tag or datatype and lexical
// form, and nothing depends on the context beyond its prefixes.
#include <string>
#include <vector>

#include "diplograph/graph/rdf.h"

namespace diplograph::exporter {

// {"@context": <jsonLdContext()>, "@graph": [one node per subject, sorted by IRI]}.
std::string toJsonLd(std::vector<graph::Triple> triples);

}  // namespace diplograph::exporter
