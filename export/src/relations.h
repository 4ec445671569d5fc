#pragma once
// The RDF property behind each relation of the entity projection. graph/src/projection.cpp names
// the relations it draws; this list follows it, so keep the two in step.
#include <string>

namespace diplograph::exporter {

// Relations of the co-citation and co-attendance networks, which no single fact states.
inline const std::string kCoCited = "co-cited";
inline const std::string kCoAttended = "co-attended";

// The predicate IRI of a relation the projection draws; "" for the network relations above.
// Any other relation is the label of a post, which a person holds through org:holds.
std::string predicateOf(const std::string& relation);

}  // namespace diplograph::exporter
