#pragma once
// DOT, GraphML and Cytoscape.js writers for any Boost graph whose bundles are graph::EntityNode
// and graph::EntityEdge: the directed entity projection and the undirected co-networks alike.
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <nlohmann/json.hpp>

#include <set>
#include <sstream>
#include <string>

#include "diplograph/graph/projection.h"
#include "relations.h"
#include "words.h"

namespace diplograph::exporter {

struct Style {
  const char* shape;
  const char* color;
};

// One shape and colour per entity type; the legend shows the same table.
Style styleOf(const std::string& type);
std::string quoteDot(const std::string& text);
// Long meeting names make unreadable boxes: cut at a word near `limit` code points.
std::string shorten(const std::string& text, std::size_t limit = 48);
// Renders DOT with Graphviz's own library (the `dot` layout engine) as "svg", "png" or "pdf".
std::string render(const std::string& dot, const char* format);

// What a picture adds to the drawing of its graph.
struct DotOptions {
  std::string language = "en";  // of the legend, the notes and the relation names (words.h)
  std::string title;            // drawn above the picture; none if empty
  std::string highlighted;      // IRI of the entity drawn bold (a trace's resolution)
  // More DOT statements, written after the graph's attributes: a trace's time axis. They name
  // vertices by their index, as write_graphviz does.
  std::string preamble;
};

// `leftOut` entities were dropped to keep the picture readable; a note says so.
template <class Graph>
std::string toDot(const Graph& graph, std::size_t leftOut, const DotOptions& options = {}) {
  using Vertex = typename Graph::vertex_descriptor;
  using Edge = typename Graph::edge_descriptor;
  const std::string& language = options.language;
  std::set<std::string> types;
  for (auto [v, end] = boost::vertices(graph); v != end; ++v) types.insert(graph[*v].type);
  auto vertexWriter = [&](std::ostream& os, Vertex v) {
    const auto& node = graph[v];
    const Style style = styleOf(node.type);
    std::string label = shorten(node.label);
    if (!node.date.empty() && label.find(node.date) == std::string::npos) label += "\n" + node.date;
    os << "[label=" << quoteDot(label) << ", shape=" << style.shape << ", fillcolor=" << quoteDot(style.color)
       << ", tooltip=" << quoteDot(node.iri);
    if (!options.highlighted.empty() && node.iri == options.highlighted)
      os << ", penwidth=3, color=\"#b45f06\", fontsize=14, fontname=\"Helvetica-Bold\"";
    os << "]";
  };
  auto edgeWriter = [&](std::ostream& os, Edge e) {
    const auto& edge = graph[e];
    // A network's edges all share one relation: their weight is what tells them apart.
    const bool weighted = edge.relation == kCoCited || edge.relation == kCoAttended;
    std::string label = weighted ? meetingCount(edge.count, language) : relationName(edge.relation, language);
    if (!weighted && edge.count > 1) label += " ×" + std::to_string(edge.count);
    os << "[label=" << quoteDot(label);
    // Heavier links draw thicker, up to a width that still reads as a line.
    if (edge.count > 1) os << ", penwidth=" << std::min<std::size_t>(edge.count, 5);
    os << "]";
  };
  auto graphWriter = [&](std::ostream& os) {
    os << "graph [rankdir=LR, fontname=\"Helvetica\", overlap=false";
    if (options.title.empty()) os << ", fontsize=10";
    else os << ", fontsize=14, labelloc=t, label=" << quoteDot(options.title);
    os << "];\n"
       << "node [style=\"filled,rounded\", fontname=\"Helvetica\", fontsize=10];\n"
       << "edge [fontname=\"Helvetica\", fontsize=8, color=\"#666666\"];\n"
       << "subgraph cluster_legend {\nlabel=" << quoteDot(legendTitle(language)) << ";\nfontsize=10;\n";
    for (const auto& type : types) {
      const Style style = styleOf(type);
      // Quoted: a --construct view's types are local names of any vocabulary.
      os << quoteDot("legend_" + type) << " [label=" << quoteDot(typeName(type, language)) << ", shape=" << style.shape
         << ", fillcolor=" << quoteDot(style.color) << "];\n";
    }
    os << "}\n";
    if (leftOut > 0)
      os << "left_out [shape=plaintext, style=\"\", label=" << quoteDot(leftOutNote(leftOut, language)) << "];\n";
    os << options.preamble;
  };
  std::ostringstream out;
  boost::write_graphviz(out, graph, vertexWriter, edgeWriter, graphWriter);
  return out.str();
}

// Typed GraphML keys: node label/type/iri/date (string); edge label/predicate (string), count (long).
// The maps are read-only views (function property maps): writing never needs to put a value.
template <class Graph>
std::string toGraphMl(const Graph& graph) {
  using Vertex = typename Graph::vertex_descriptor;
  using Edge = typename Graph::edge_descriptor;
  auto node = [&graph](std::string graph::EntityNode::*field) {
    return boost::make_function_property_map<Vertex, std::string>([&graph, field](Vertex v) { return graph[v].*field; });
  };
  boost::dynamic_properties properties;
  properties.property("label", node(&graph::EntityNode::label));
  properties.property("type", node(&graph::EntityNode::type));
  properties.property("iri", node(&graph::EntityNode::iri));
  properties.property("date", node(&graph::EntityNode::date));
  properties.property("label", boost::make_function_property_map<Edge, std::string>(
                                   [&graph](Edge e) { return graph[e].relation; }));
  properties.property("predicate", boost::make_function_property_map<Edge, std::string>(
                                       [&graph](Edge e) { return predicateOf(graph[e].relation); }));
  properties.property("count", boost::make_function_property_map<Edge, std::size_t>(
                                   [&graph](Edge e) { return graph[e].count; }));
  std::ostringstream out;
  boost::write_graphml(out, graph, properties, true);
  return out.str();
}

// Cytoscape.js elements; node ids are IRIs, so an edge names its ends the way RDF does.
template <class Graph>
std::string toCytoscape(const Graph& graph) {
  nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
  nlohmann::ordered_json edges = nlohmann::ordered_json::array();
  for (auto [v, end] = boost::vertices(graph); v != end; ++v) {
    const auto& node = graph[*v];
    nlohmann::ordered_json data = {{"id", node.iri}, {"label", node.label}, {"type", node.type}};
    if (!node.date.empty()) data["date"] = node.date;
    nodes.push_back({{"data", data}});
  }
  std::size_t number = 0;
  for (auto [e, end] = boost::edges(graph); e != end; ++e) {
    const auto& edge = graph[*e];
    nlohmann::ordered_json data = {{"id", "e" + std::to_string(number++)},
                                   {"source", graph[boost::source(*e, graph)].iri},
                                   {"target", graph[boost::target(*e, graph)].iri},
                                   {"label", edge.relation}};
    if (const auto predicate = predicateOf(edge.relation); !predicate.empty()) data["predicate"] = predicate;
    data["count"] = edge.count;
    edges.push_back({{"data", data}});
  }
  const nlohmann::ordered_json document = {{"elements", {{"nodes", nodes}, {"edges", edges}}}};
  return document.dump(2) + "\n";
}

}  // namespace diplograph::exporter
