#include "diplograph/graph/projection.h"

#include <map>
#include <utility>

#include "diplograph/graph/vocabulary.h"

namespace diplograph::graph {
namespace {

using Vertex = EntityGraph::vertex_descriptor;

// Relations drawn, by predicate; a post is drawn as an edge from the person to the body.
const std::pair<const char*, const char*> kRelations[] = {
    {"dg:cites", "cites"},          {"schema:attendee", "attendee"},   {"schema:location", "location"},
    {"schema:superEvent", "sidelines of"}, {"dg:chairedBy", "chair"}, {"dg:adoptedBy", "adopted by"},
};

}  // namespace

EntityGraph projectEntities(const Store& store) {
  EntityGraph graph;
  std::map<std::string, Vertex> vertices;
  const std::string prefixes = vocab::sparqlPrefixes();
  const auto nodes = store.query(prefixes +
                                 "SELECT ?e ?type ?label ?date WHERE { ?e a ?class ; rdfs:label ?label . "
                                 "OPTIONAL { ?e schema:startDate ?date } "
                                 "FILTER(?class = dg:State || ?class = dg:Organization || ?class = dg:Resolution || "
                                 "?class = dg:Person || ?class = dg:Place || ?class = dg:Meeting) "
                                 "BIND(STRAFTER(STR(?class), STR(dg:)) AS ?type) } ORDER BY ?e");
  for (const auto& row : nodes.rows) {
    if (vertices.count(row[0].value)) continue;
    vertices[row[0].value] = boost::add_vertex(EntityNode{row[0].value, row[1].value, row[2].value, row[3].value}, graph);
  }
  auto link = [&](const std::string& from, const std::string& to, const std::string& relation) {
    const auto s = vertices.find(from);
    const auto o = vertices.find(to);
    if (s == vertices.end() || o == vertices.end()) return;
    for (auto [e, end] = boost::out_edges(s->second, graph); e != end; ++e) {
      if (boost::target(*e, graph) == o->second && graph[*e].relation == relation) {
        ++graph[*e].count;
        return;
      }
    }
    boost::add_edge(s->second, o->second, EntityEdge{relation, 1}, graph);
  };
  for (const auto& [predicate, relation] : kRelations) {
    const auto edges = store.query(prefixes + "SELECT ?s ?o WHERE { ?s " + predicate + " ?o }");
    for (const auto& row : edges.rows) link(row[0].value, row[1].value, relation);
  }
  const auto posts = store.query(prefixes +
                                 "SELECT ?p ?post ?body WHERE { ?p org:holds ?x . ?x rdfs:label ?post ; org:postIn ?body }");
  for (const auto& row : posts.rows) link(row[0].value, row[2].value, row[1].value);
  return graph;
}

std::optional<EntityGraph::vertex_descriptor> findVertex(const EntityGraph& graph, const std::string& iri) {
  for (auto [v, end] = boost::vertices(graph); v != end; ++v) {
    if (graph[*v].iri == iri) return *v;
  }
  return std::nullopt;
}

EntityGraph neighbourhood(const EntityGraph& graph, Vertex center, int depth) {
  // Breadth-first over edges in both directions: a state is reached from the meetings it attended.
  std::map<Vertex, int> distance{{center, 0}};
  std::vector<Vertex> queue{center};
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const Vertex v = queue[i];
    if (distance[v] >= depth) continue;
    auto visit = [&](Vertex w) {
      if (distance.emplace(w, distance[v] + 1).second) queue.push_back(w);
    };
    for (auto [e, end] = boost::out_edges(v, graph); e != end; ++e) visit(boost::target(*e, graph));
    for (auto [e, end] = boost::in_edges(v, graph); e != end; ++e) visit(boost::source(*e, graph));
  }
  EntityGraph sub;
  std::map<Vertex, Vertex> copy;
  for (Vertex v : queue) copy[v] = boost::add_vertex(graph[v], sub);
  for (auto [e, end] = boost::edges(graph); e != end; ++e) {
    const auto s = copy.find(boost::source(*e, graph));
    const auto t = copy.find(boost::target(*e, graph));
    if (s != copy.end() && t != copy.end()) boost::add_edge(s->second, t->second, graph[*e], sub);
  }
  return sub;
}

}  // namespace diplograph::graph
