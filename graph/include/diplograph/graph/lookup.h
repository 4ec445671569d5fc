#pragma once
// Finds entities in the store from what an analyst types, leniently (case, accents, hyphens):
// "UNSC 822 (1993)", "S/RES/822 (1993)", "822 (1993)" for resolutions; "AZE", "Azerbaijan",
// "Azerbaïdjan" for states; a full name or a surname for persons; any label or IRI for entities.
#include <string>
#include <vector>

#include "diplograph/graph/store.h"

namespace diplograph::graph {

// `kind` is resolution, state, person, organization, meeting or entity (any of them).
// Returns the matching IRIs, sorted; throws QueryError for a kind it does not know or a value
// that cannot be read as a `kind`.
std::vector<std::string> resolveEntity(const std::string& kind, const std::string& value, const Store& store);

}  // namespace diplograph::graph
