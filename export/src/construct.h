#pragma once
// Views chosen by SPARQL (`export --construct F.rq`): the graph a CONSTRUCT query returns, as
// triples for the RDF formats and as an entity graph for pictures, GraphML and Cytoscape.
#include <string>
#include <vector>

#include "diplograph/graph/projection.h"
#include "diplograph/graph/rdf.h"
#include "diplograph/graph/store.h"

namespace diplograph::exporter {

// Runs a CONSTRUCT query, the project prefixes declared; each triple once, sorted.
// Throws QueryError, before running it, if the query is of another form, and if it is malformed.
std::vector<graph::Triple> constructTriples(const graph::Store& store, const std::string& sparql);

// A vertex per IRI or blank node the triples link (a blank node's IRI is "_:label"), an edge
// per triple between two of them (named by relationOf its predicate). rdf:type triples give types,
// rdfs:label and schema:startDate literals give labels and dates; what the triples leave out
// comes from the store. A type is the local name of the node's diplograph class, else of any
// class, else "Resource"; a label is the rdfs:label, else the IRI's last segment.
graph::EntityGraph projectTriples(const std::vector<graph::Triple>& triples, const graph::Store& store);

}  // namespace diplograph::exporter
