#pragma once
// The entity graph as a Boost.Graph: one vertex per state, organization, resolution, person,
// place or meeting; one edge per relation between them (parallel facts merged, with a count).
// Export draws it; analytics run Boost.Graph algorithms on it.
#include <boost/graph/adjacency_list.hpp>

#include <optional>
#include <string>

#include "diplograph/graph/store.h"

namespace diplograph::graph {

struct EntityNode {
  std::string iri;
  std::string type;   // "State", "Organization", "Resolution", "Person", "Place", "Meeting"
  std::string label;
  std::string date;   // start date of a meeting, or ""
};

struct EntityEdge {
  std::string relation;  // "cites", "attendee", "location", "sidelines of", "chair", "adopted by", or a post
  std::size_t count = 1;
};

using EntityGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, EntityNode, EntityEdge>;

EntityGraph projectEntities(const Store& store);

// The entities within `depth` edges of `center` (either direction), with the edges between them.
EntityGraph neighbourhood(const EntityGraph& graph, EntityGraph::vertex_descriptor center, int depth);

// The vertex whose IRI is `iri`, if any.
std::optional<EntityGraph::vertex_descriptor> findVertex(const EntityGraph& graph, const std::string& iri);

}  // namespace diplograph::graph
