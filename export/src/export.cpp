#include "diplograph/export/export.h"

#include <algorithm>
#include <map>

#include "diplograph/extract/error.h"
#include "diplograph/graph/projection.h"
#include "jsonld.h"
#include "resolve.h"
#include "writers.h"

namespace diplograph::exporter {
namespace {

using graph::EntityGraph;
using Vertex = EntityGraph::vertex_descriptor;

// Keeps the `limit` best-connected entities when a graph is too large to read.
EntityGraph capped(const EntityGraph& graph, std::size_t limit, std::size_t& leftOut) {
  leftOut = 0;
  if (boost::num_vertices(graph) <= limit) return graph;
  std::vector<Vertex> order;
  for (auto [v, end] = boost::vertices(graph); v != end; ++v) order.push_back(*v);
  auto degree = [&](Vertex v) { return boost::out_degree(v, graph) + boost::in_degree(v, graph); };
  std::stable_sort(order.begin(), order.end(), [&](Vertex a, Vertex b) { return degree(a) > degree(b); });
  order.resize(limit);
  leftOut = boost::num_vertices(graph) - limit;
  EntityGraph kept;
  std::map<Vertex, Vertex> copy;
  for (Vertex v : order) copy[v] = boost::add_vertex(graph[v], kept);
  for (auto [e, end] = boost::edges(graph); e != end; ++e) {
    const auto s = copy.find(boost::source(*e, graph));
    const auto t = copy.find(boost::target(*e, graph));
    if (s != copy.end() && t != copy.end()) boost::add_edge(s->second, t->second, graph[*e], kept);
  }
  return kept;
}

EntityGraph view(const graph::Store& store, const ExportOptions& options) {
  EntityGraph all = graph::projectEntities(store);
  if (!options.focus) return all;
  const auto center = findEntity(all, store, *options.focus);
  if (!center) throw QueryError("nothing in the graph matches --focus '" + *options.focus + "'");
  return graph::neighbourhood(all, *center, options.depth);
}

}  // namespace

ExportFormat exportFormatFromName(const std::string& name) {
  static const std::map<std::string, ExportFormat> kNames = {
      {"dot", ExportFormat::Dot},         {"svg", ExportFormat::Svg},
      {"png", ExportFormat::Png},         {"pdf", ExportFormat::Pdf},
      {"graphml", ExportFormat::GraphMl}, {"cytoscape", ExportFormat::Cytoscape},
      {"jsonld", ExportFormat::JsonLd},   {"json-ld", ExportFormat::JsonLd},
      {"ttl", ExportFormat::Turtle},      {"turtle", ExportFormat::Turtle},
      {"nt", ExportFormat::NTriples},     {"ntriples", ExportFormat::NTriples},
      {"rdfxml", ExportFormat::RdfXml}};
  const auto found = kNames.find(name);
  if (found == kNames.end())
    throw UsageError("unknown export format '" + name +
                     "' (expected dot, svg, png, pdf, graphml, cytoscape, jsonld, ttl, nt or rdfxml)");
  return found->second;
}

std::string exportGraph(const graph::Store& store, const ExportOptions& options) {
  switch (options.format) {
    case ExportFormat::Turtle: return store.serialize("turtle");
    case ExportFormat::NTriples: return store.serialize("ntriples");
    case ExportFormat::RdfXml: return store.serialize("rdfxml");
    case ExportFormat::JsonLd: return toJsonLd(store.triples());
    case ExportFormat::GraphMl: return toGraphMl(view(store, options));
    case ExportFormat::Cytoscape: return toCytoscape(view(store, options));
    default: break;
  }
  std::size_t leftOut = 0;
  const std::string dot = toDot(capped(view(store, options), options.maxNodes, leftOut), leftOut);
  switch (options.format) {
    case ExportFormat::Svg: return render(dot, "svg");
    case ExportFormat::Png: return render(dot, "png");
    case ExportFormat::Pdf: return render(dot, "pdf");
    default: return dot;
  }
}

}  // namespace diplograph::exporter
