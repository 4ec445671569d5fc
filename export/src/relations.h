#pragma once
// The RDF property behind each relation of the entity projection, and back; compact IRIs under
// the project prefixes. graph/src/projection.cpp names the relations it draws; this list follows
// it, so keep the two in step.
#include <string>
#include <utility>
#include <vector>

#include "diplograph/graph/rdf.h"

namespace diplograph::exporter {

// Relations of the co-citation and co-attendance networks, which no single fact states.
inline const std::string kCoCited = "co-cited";
inline const std::string kCoAttended = "co-attended";

// The predicate IRI of a relation: the projection's names ("cites", "attendee", ...), a compact
// IRI of a --construct view ("skos:related") or a full IRI; "" for the network relations above.
// Any other relation is the label of a post, which a person holds through org:holds.
std::string predicateOf(const std::string& relation);

// The inverse: the projection's name for its predicates, a compact IRI for the rest.
std::string relationOf(const std::string& predicate);

// The project prefixes (graph/vocabulary.h), in the order it lists them.
const std::vector<std::pair<std::string, std::string>>& vocabularyPrefixes();

// How the files we write name an RDF node: its full IRI (@id values are not expanded against
// prefixes by every JSON-LD reader), or "_:label" for a blank node.
std::string nodeId(const graph::Term& term);

// "dg:cites" for an IRI in a project namespace; the IRI whole otherwise, or when its local part
// starts with "//" (which would read back as an absolute IRI).
std::string compactIri(const std::string& iri);

}  // namespace diplograph::exporter
