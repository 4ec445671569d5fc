#include "diplograph/export/export.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <boost/graph/graphviz.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <sstream>

#include "diplograph/extract/error.h"
#include "diplograph/graph/projection.h"
#include "diplograph/graph/lookup.h"

namespace diplograph::exporter {
namespace {

using graph::EntityGraph;
using Vertex = EntityGraph::vertex_descriptor;

struct Style {
  const char* shape;
  const char* color;
};

// One shape and colour per entity type; the legend shows the same table.
const std::map<std::string, Style> kStyles = {
    {"Meeting", {"box", "#fce5cd"}},   {"State", {"box", "#cfe2f3"}},    {"Organization", {"hexagon", "#d9ead3"}},
    {"Resolution", {"note", "#fff2cc"}}, {"Person", {"ellipse", "#f4cccc"}}, {"Place", {"house", "#ead1dc"}},
};

std::string quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// Long meeting names make unreadable boxes: cut at a word near `limit` code points.
std::string shorten(const std::string& text, std::size_t limit = 48) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (points++ == limit) {
      const auto space = text.rfind(' ', i);
      return text.substr(0, space == std::string::npos || space < i / 2 ? i : space) + "…";
    }
  }
  return text;
}

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

std::string toDot(const EntityGraph& graph, std::size_t leftOut) {
  std::ostringstream out;
  auto vertexWriter = [&](std::ostream& os, Vertex v) {
    const auto& node = graph[v];
    const auto style = kStyles.count(node.type) ? kStyles.at(node.type) : Style{"box", "#eeeeee"};
    std::string label = shorten(node.label);
    if (!node.date.empty()) label += "\n" + node.date;
    os << "[label=" << quote(label) << ", shape=" << style.shape << ", fillcolor=" << quote(style.color)
       << ", tooltip=" << quote(node.iri) << "]";
  };
  auto edgeWriter = [&](std::ostream& os, EntityGraph::edge_descriptor e) {
    const auto& edge = graph[e];
    std::string label = edge.relation;
    if (edge.count > 1) label += " ×" + std::to_string(edge.count);
    os << "[label=" << quote(label) << (edge.count > 1 ? ", penwidth=2" : "") << "]";
  };
  auto graphWriter = [&](std::ostream& os) {
    os << "graph [rankdir=LR, fontname=\"Helvetica\", fontsize=10, overlap=false];\n"
       << "node [style=\"filled,rounded\", fontname=\"Helvetica\", fontsize=10];\n"
       << "edge [fontname=\"Helvetica\", fontsize=8, color=\"#666666\"];\n"
       << "subgraph cluster_legend {\nlabel=\"Legend\";\nfontsize=10;\n";
    for (const auto& [type, style] : kStyles)
      os << "legend_" << type << " [label=" << quote(type) << ", shape=" << style.shape
         << ", fillcolor=" << quote(style.color) << "];\n";
    os << "}\n";
    if (leftOut > 0)
      os << "left_out [shape=plaintext, style=\"\", label="
         << quote(std::to_string(leftOut) + " less-connected entities left out; use --focus to see them") << "];\n";
  };
  boost::write_graphviz(out, graph, vertexWriter, edgeWriter, graphWriter);
  return out.str();
}

// Renders DOT with Graphviz's own library (the `dot` layout engine).
std::string render(const std::string& dot, const char* format) {
  std::unique_ptr<GVC_t, int (*)(GVC_t*)> context(gvContext(), gvFreeContext);
  if (!context) throw StoreError("cannot start Graphviz");
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> picture(agmemread(dot.c_str()), agclose);
  if (!picture) throw StoreError("Graphviz cannot read the DOT it was given");
  if (gvLayout(context.get(), picture.get(), "dot") != 0) throw StoreError("Graphviz layout failed");
  char* data = nullptr;
  unsigned int length = 0;
  const int status = gvRenderData(context.get(), picture.get(), format, &data, &length);
  std::string out = status == 0 && data != nullptr ? std::string(data, length) : std::string();
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(context.get(), picture.get());
  if (status != 0) throw StoreError(std::string("Graphviz cannot render ") + format);
  return out;
}

EntityGraph view(const graph::Store& store, const ExportOptions& options) {
  EntityGraph all = graph::projectEntities(store);
  if (!options.focus) return all;
  std::vector<std::string> iris;
  for (const char* kind : {"entity", "resolution"}) {
    try {
      iris = graph::resolveEntity(kind, *options.focus, store);
    } catch (const QueryError&) {
      continue;  // not a resolution reference: try the next reading
    }
    if (!iris.empty()) break;
  }
  if (iris.empty()) iris.push_back(*options.focus);  // an IRI typed in full
  const auto center = graph::findVertex(all, iris.front());
  if (!center) throw QueryError("nothing in the graph matches --focus '" + *options.focus + "'");
  return graph::neighbourhood(all, *center, options.depth);
}

}  // namespace

ExportFormat exportFormatFromName(const std::string& name) {
  static const std::map<std::string, ExportFormat> kNames = {
      {"dot", ExportFormat::Dot},       {"svg", ExportFormat::Svg},     {"png", ExportFormat::Png},
      {"pdf", ExportFormat::Pdf},       {"ttl", ExportFormat::Turtle},  {"turtle", ExportFormat::Turtle},
      {"nt", ExportFormat::NTriples},   {"ntriples", ExportFormat::NTriples}, {"rdfxml", ExportFormat::RdfXml}};
  const auto found = kNames.find(name);
  if (found == kNames.end())
    throw UsageError("unknown export format '" + name + "' (expected dot, svg, png, pdf, ttl, nt or rdfxml)");
  return found->second;
}

std::string exportGraph(const graph::Store& store, const ExportOptions& options) {
  switch (options.format) {
    case ExportFormat::Turtle: return store.serialize("turtle");
    case ExportFormat::NTriples: return store.serialize("ntriples");
    case ExportFormat::RdfXml: return store.serialize("rdfxml");
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
