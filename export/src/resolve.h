#pragma once
// Finds the entity an analyst names (--focus, --path) among the vertices of the projection.
#include <optional>
#include <string>

#include "diplograph/graph/projection.h"
#include "diplograph/graph/store.h"

namespace diplograph::exporter {

// The vertex for a label, state code, resolution reference or full IRI; nullopt if none matches.
std::optional<graph::EntityGraph::vertex_descriptor> findEntity(const graph::EntityGraph& graph,
                                                                const graph::Store& store, const std::string& text);

}  // namespace diplograph::exporter
