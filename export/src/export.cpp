#include "diplograph/export/export.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "construct.h"
#include "diplograph/export/trace.h"
#include "diplograph/extract/error.h"
#include "diplograph/graph/projection.h"
#include "jsonld.h"
#include "labels.h"
#include "resolve.h"
#include "trace_axis.h"
#include "writers.h"

namespace diplograph::exporter {
namespace {

using graph::EntityGraph;
using Vertex = EntityGraph::vertex_descriptor;

// Keeps the `limit` best-connected entities when a graph is too large to read; `pinned` (a
// trace's resolution) stays whatever its degree.
EntityGraph capped(const EntityGraph& graph, std::size_t limit, std::size_t& leftOut,
                   std::optional<Vertex> pinned = std::nullopt) {
  leftOut = 0;
  if (boost::num_vertices(graph) <= limit) return graph;
  std::vector<Vertex> order;
  for (auto [v, end] = boost::vertices(graph); v != end; ++v) order.push_back(*v);
  auto degree = [&](Vertex v) { return boost::out_degree(v, graph) + boost::in_degree(v, graph); };
  std::stable_sort(order.begin(), order.end(), [&](Vertex a, Vertex b) {
    return std::pair(a == pinned, degree(a)) > std::pair(b == pinned, degree(b));
  });
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

// The graph a view starts from: the entity projection of the store, or of the --construct
// triples; and the vertex --focus names in it.
struct Scope {
  EntityGraph graph;
  std::optional<Vertex> focus;
};

Scope scope(const graph::Store& store, const ExportOptions& options) {
  if (options.construct) return {projectTriples(constructTriples(store, *options.construct), store), std::nullopt};
  Scope all{graph::projectEntities(store), std::nullopt};
  if (options.focus) {
    all.focus = findEntity(all.graph, store, *options.focus);
    if (!all.focus) throw QueryError("nothing in the graph matches --focus '" + *options.focus + "'");
  }
  return all;
}

EntityGraph view(const Scope& scope, const ExportOptions& options) {
  return scope.focus ? graph::neighbourhood(scope.graph, *scope.focus, options.depth.value_or(1)) : scope.graph;
}

// Relabels `view` in the chosen language, or the default one; returns that language.
std::string translate(EntityGraph& view, const graph::Store& store, const ExportOptions& options) {
  const std::string language = options.language ? *options.language : defaultLanguage(store, view);
  relabel(view, store, language);
  return language;
}

std::string picture(const graph::Store& store, const ExportOptions& options) {
  const Scope start = scope(store, options);
  std::size_t leftOut = 0;
  // A resolution in focus is drawn as its trace, unless a --depth asks for its neighbourhood.
  if (start.focus && !options.depth && start.graph[*start.focus].type == "Resolution") {
    ResolutionTrace trace = traceResolution(start.graph, *start.focus, store);
    trace.graph = capped(trace.graph, options.maxNodes, leftOut, trace.resolution);
    trace.resolution = *graph::findVertex(trace.graph, start.graph[*start.focus].iri);
    const std::string language = translate(trace.graph, store, options);
    return toDot(trace.graph, leftOut, traceDotOptions(trace, language));
  }
  EntityGraph drawn = capped(view(start, options), options.maxNodes, leftOut);
  DotOptions dot;
  dot.language = translate(drawn, store, options);
  return toDot(drawn, leftOut, dot);
}

// Turtle, N-Triples or RDF/XML of the store, or of the --construct triples.
std::string rdfText(const graph::Store& store, const ExportOptions& options, const std::string& syntax) {
  return options.construct ? graph::serializeTriples(constructTriples(store, *options.construct), syntax)
                           : store.serialize(syntax);
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
  if (options.construct && options.focus) throw UsageError("give either --focus or --construct, not both");
  if (options.language) checkLanguage(*options.language);
  if (options.maxNodes == 0) throw UsageError("--max-nodes must be 1 or more");
  const bool rdf = options.format == ExportFormat::Turtle || options.format == ExportFormat::NTriples ||
                   options.format == ExportFormat::RdfXml || options.format == ExportFormat::JsonLd;
  // RDF formats hold every label with its language tag: there is nothing for --lang to choose.
  if (rdf && options.language) throw UsageError("--lang applies to pictures, GraphML and Cytoscape, not RDF formats");
  switch (options.format) {
    case ExportFormat::Turtle: return rdfText(store, options, "turtle");
    case ExportFormat::NTriples: return rdfText(store, options, "ntriples");
    case ExportFormat::RdfXml: return rdfText(store, options, "rdfxml");
    case ExportFormat::JsonLd:
      return toJsonLd(options.construct ? constructTriples(store, *options.construct) : store.triples());
    case ExportFormat::GraphMl:
    case ExportFormat::Cytoscape: {
      EntityGraph file = view(scope(store, options), options);
      translate(file, store, options);
      return options.format == ExportFormat::GraphMl ? toGraphMl(file) : toCytoscape(file);
    }
    case ExportFormat::Dot: return picture(store, options);
    case ExportFormat::Svg: return render(picture(store, options), "svg");
    case ExportFormat::Png: return render(picture(store, options), "png");
    case ExportFormat::Pdf: return render(picture(store, options), "pdf");
  }
  throw std::logic_error("unknown export format");
}

}  // namespace diplograph::exporter
