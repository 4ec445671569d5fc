#include "diplograph/export/analytics.h"

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "diplograph/extract/error.h"
#include "diplograph/graph/vocabulary.h"
#include "relations.h"
#include "resolve.h"
#include "writers.h"

namespace diplograph::exporter {
namespace {

using graph::EntityGraph;
using Vertex = EntityGraph::vertex_descriptor;

// The projection read as a simple undirected graph: same vertices (same indices), one edge per
// linked pair. Centrality and paths ask "how are these connected", not "which way the fact points",
// and a pair linked by two facts is no closer than a pair linked by one.
EntityNetwork undirected(const EntityGraph& graph) {
  EntityNetwork links;
  for (auto [v, end] = boost::vertices(graph); v != end; ++v) boost::add_vertex(graph[*v], links);
  for (auto [e, end] = boost::edges(graph); e != end; ++e) {
    const auto s = boost::source(*e, graph);
    const auto t = boost::target(*e, graph);
    if (s != t && !boost::edge(s, t, links).second) boost::add_edge(s, t, graph[*e], links);
  }
  return links;
}

// The `top` entries with a score above zero, best first, ties by label.
std::vector<RankedEntity> best(std::vector<RankedEntity> ranked, std::size_t top) {
  std::erase_if(ranked, [](const RankedEntity& r) { return r.score <= 0; });
  std::sort(ranked.begin(), ranked.end(), [](const RankedEntity& a, const RankedEntity& b) {
    return a.score != b.score ? a.score > b.score : a.label < b.label;
  });
  if (ranked.size() > top) ranked.resize(top);
  return ranked;
}

std::vector<Component> components(const EntityNetwork& links) {
  std::vector<std::size_t> piece(boost::num_vertices(links));
  const std::size_t count = boost::connected_components(
      links, boost::make_iterator_property_map(piece.begin(), boost::get(boost::vertex_index, links)));
  std::vector<Component> out(count);
  std::vector<std::size_t> hubDegree(count, 0);
  for (auto [v, end] = boost::vertices(links); v != end; ++v) {
    Component& c = out[piece[*v]];
    ++c.size;
    ++c.types[links[*v].type];
    const std::size_t degree = boost::degree(*v, links);
    if (c.hubIri.empty() || degree > hubDegree[piece[*v]]) {
      c.hubIri = links[*v].iri;
      c.hubLabel = links[*v].label;
      hubDegree[piece[*v]] = degree;
    }
  }
  std::sort(out.begin(), out.end(), [](const Component& a, const Component& b) {
    return a.size != b.size ? a.size > b.size : a.hubLabel < b.hubLabel;
  });
  return out;
}

Vertex locate(const EntityGraph& graph, const graph::Store& store, const std::string& text) {
  const auto vertex = findEntity(graph, store, text);
  if (!vertex) throw QueryError("nothing in the graph matches '" + text + "'");
  return *vertex;
}

// The sentence and document behind the fact of a step: its rdf:Statement's dg:evidence phrase,
// and that phrase's enclosing nif:Sentence when it has one.
void addEvidence(const graph::Store& store, PathStep& step) {
  namespace vocab = graph::vocab;
  const auto term = [](const std::string& iri) { return graph::toNTriples(graph::Term::iri(iri)); };
  // A post is held through an org:Post node that lives in the body: the fact is org:holds it.
  const bool post = step.predicate == vocab::kOrg + "holds";
  const std::string object = post ? "?post" : term(step.to.iri);
  std::string sparql = vocab::sparqlPrefixes() + "SELECT ?anchor ?sentence ?source WHERE { ?fact rdf:subject " +
                       term(step.from.iri) + " ; rdf:predicate " + term(step.predicate) + " ; rdf:object " + object +
                       " ; dg:evidence ?phrase ; prov:wasDerivedFrom ?document . ?phrase nif:anchorOf ?anchor . ";
  if (post) sparql += "?post org:postIn " + term(step.to.iri) + " . ";
  sparql += "OPTIONAL { ?phrase nif:sentence ?s . ?s nif:anchorOf ?sentence } "
            "OPTIONAL { ?document dct:source ?source } } ORDER BY ?source ?anchor";
  const auto result = store.query(sparql);
  if (result.rows.empty()) return;
  const auto& row = result.rows.front();
  step.sentence = row[1].kind == graph::Term::Kind::Literal ? row[1].value : row[0].value;
  if (row[2].kind == graph::Term::Kind::Literal) step.document = row[2].value;
}

}  // namespace

GraphSummary summarize(const graph::Store& store, std::size_t top) {
  const EntityGraph graph = graph::projectEntities(store);
  const EntityNetwork links = undirected(graph);
  std::vector<double> betweenness(boost::num_vertices(links), 0.0);
  // Boost halves the figures of an undirected graph, so each pair of entities counts once.
  boost::brandes_betweenness_centrality(
      links, boost::centrality_map(
                 boost::make_iterator_property_map(betweenness.begin(), boost::get(boost::vertex_index, links))));
  GraphSummary summary;
  summary.entities = boost::num_vertices(graph);
  summary.relations = boost::num_edges(graph);
  std::vector<RankedEntity> cited, degree, between;
  for (auto [v, end] = boost::vertices(graph); v != end; ++v) {
    const auto& node = graph[*v];
    if (node.type == "Resolution") {
      double citations = 0;
      for (auto [e, last] = boost::in_edges(*v, graph); e != last; ++e) {
        if (graph[*e].relation == "cites") citations += static_cast<double>(graph[*e].count);
      }
      cited.push_back({node.iri, node.label, citations});
    } else if (node.type == "State") {
      degree.push_back({node.iri, node.label, static_cast<double>(boost::degree(*v, links))});
      between.push_back({node.iri, node.label, betweenness[*v]});
    }
  }
  summary.mostCited = best(std::move(cited), top);
  summary.statesByDegree = best(std::move(degree), top);
  summary.statesByBetweenness = best(std::move(between), top);
  auto pieces = components(links);
  summary.components = pieces.size();
  if (pieces.size() > top) pieces.resize(top);
  summary.largestComponents = std::move(pieces);
  return summary;
}

std::vector<PathStep> explainPath(const graph::Store& store, const std::string& from, const std::string& to) {
  const EntityGraph graph = graph::projectEntities(store);
  const Vertex start = locate(graph, store, from);
  const Vertex goal = locate(graph, store, to);
  if (start == goal) throw QueryError("'" + from + "' and '" + to + "' are the same entity");
  const EntityNetwork links = undirected(graph);
  // Breadth-first search finds a path with the fewest links; each vertex remembers where it was
  // reached from.
  std::vector<Vertex> parent(boost::num_vertices(links));
  for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  boost::breadth_first_search(
      links, start,
      boost::visitor(boost::make_bfs_visitor(boost::record_predecessors(
          boost::make_iterator_property_map(parent.begin(), boost::get(boost::vertex_index, links)),
          boost::on_tree_edge()))));
  if (parent[goal] == goal)
    throw QueryError("no path links '" + from + "' and '" + to + "': they are in different components");
  std::vector<Vertex> walk{goal};
  while (walk.back() != start) walk.push_back(parent[walk.back()]);
  std::reverse(walk.begin(), walk.end());
  std::vector<PathStep> path;
  for (std::size_t i = 0; i + 1 < walk.size(); ++i) {
    // The stored fact may point either way; prefer the direction the path walks.
    PathStep step;
    for (const bool backwards : {false, true}) {
      const Vertex s = backwards ? walk[i + 1] : walk[i];
      const Vertex t = backwards ? walk[i] : walk[i + 1];
      const auto [edge, found] = boost::edge(s, t, graph);
      if (!found) continue;
      step = {graph[s], graph[t], graph[edge].relation, predicateOf(graph[edge].relation), backwards, {}, {}};
      break;
    }
    if (step.relation.empty()) throw std::logic_error("a link of the undirected view has no edge in the projection");
    addEvidence(store, step);
    path.push_back(std::move(step));
  }
  return path;
}

Network networkFromName(const std::string& name) {
  if (name == "co-citation") return Network::CoCitation;
  if (name == "co-attendance") return Network::CoAttendance;
  throw UsageError("unknown network '" + name + "' (expected co-citation or co-attendance)");
}

EntityNetwork buildNetwork(const graph::Store& store, Network kind) {
  const EntityGraph graph = graph::projectEntities(store);
  const std::string relation = kind == Network::CoCitation ? "cites" : "attendee";
  std::set<Vertex> members;
  std::map<std::pair<Vertex, Vertex>, std::size_t> weights;
  for (auto [m, end] = boost::vertices(graph); m != end; ++m) {
    if (graph[*m].type != "Meeting") continue;
    std::set<Vertex> linked;
    for (auto [e, last] = boost::out_edges(*m, graph); e != last; ++e) {
      if (graph[*e].relation == relation) linked.insert(boost::target(*e, graph));
    }
    members.insert(linked.begin(), linked.end());
    for (auto a = linked.begin(); a != linked.end(); ++a) {
      for (auto b = std::next(a); b != linked.end(); ++b) ++weights[{*a, *b}];
    }
  }
  EntityNetwork network;
  std::map<Vertex, EntityNetwork::vertex_descriptor> copy;
  for (const Vertex v : members) copy[v] = boost::add_vertex(graph[v], network);
  const std::string& name = kind == Network::CoCitation ? kCoCited : kCoAttended;
  for (const auto& [pair, weight] : weights)
    boost::add_edge(copy[pair.first], copy[pair.second], graph::EntityEdge{name, weight}, network);
  return network;
}

std::string writeNetwork(const EntityNetwork& network, ExportFormat format) {
  switch (format) {
    case ExportFormat::Dot: return toDot(network, 0);
    case ExportFormat::Svg: return render(toDot(network, 0), "svg");
    case ExportFormat::GraphMl: return toGraphMl(network);
    case ExportFormat::Cytoscape: return toCytoscape(network);
    default: throw UsageError("a network is written as dot, svg, graphml or cytoscape");
  }
}

}  // namespace diplograph::exporter
