#pragma once
// Extraction -> RDF triples, following data/ontology.ttl. Pure function, no store involved.
//
// Shared nodes (states, organizations, resolutions, persons, places, meetings) get their key and
// label triples; everything specific to the document hangs under the document IRI: its NIF
// context, one nif:Phrase per mention (itsrdf:taIdentRef the entity), the nif:Sentence around
// it, and one rdf:Statement per extracted fact (prov:wasDerivedFrom the document, dg:evidence the
// phrase that supports it), so every edge can be traced to its sentence.
#include <vector>

#include "diplograph/extract/extraction.h"
#include "diplograph/graph/rdf.h"

namespace diplograph::graph {

std::vector<Triple> toTriples(const extract::Extraction& extraction);

}  // namespace diplograph::graph
