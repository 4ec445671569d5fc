#include "resolve.h"

#include <vector>

#include "diplograph/extract/error.h"
#include "diplograph/graph/lookup.h"

namespace diplograph::exporter {

std::optional<graph::EntityGraph::vertex_descriptor> findEntity(const graph::EntityGraph& graph,
                                                                const graph::Store& store, const std::string& text) {
  std::vector<std::string> iris;
  // Labels of any type first, then state codes ("AZE"), then resolution references.
  for (const char* kind : {"entity", "state", "resolution"}) {
    try {
      iris = graph::resolveEntity(kind, text, store);
    } catch (const QueryError&) {
      continue;  // not a resolution reference: try the next reading
    }
    if (!iris.empty()) break;
  }
  iris.push_back(text);  // an IRI typed in full
  for (const auto& iri : iris) {
    if (const auto vertex = graph::findVertex(graph, iri)) return vertex;
  }
  return std::nullopt;
}

}  // namespace diplograph::exporter
