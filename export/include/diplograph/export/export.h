#pragma once
// Pictures and files of the graph: Graphviz views built through Boost.Graph (DOT, rendered to
// SVG/PNG/PDF by Graphviz's library), the entity graph for network tools (GraphML through
// Boost.Graph, Cytoscape.js JSON), and the whole store as RDF (Turtle, N-Triples, RDF/XML by
// raptor; JSON-LD with the project's @context).
#include <optional>
#include <string>

#include "diplograph/graph/store.h"

namespace diplograph::exporter {

enum class ExportFormat { Dot, Svg, Png, Pdf, GraphMl, Cytoscape, JsonLd, Turtle, NTriples, RdfXml };

ExportFormat exportFormatFromName(const std::string& name);  // throws UsageError

struct ExportOptions {
  ExportFormat format = ExportFormat::Dot;
  // Show only the neighbourhood of this entity (IRI, label, code or resolution reference);
  // pictures, GraphML and Cytoscape. RDF formats always hold the whole store.
  std::optional<std::string> focus;
  int depth = 1;
  // Largest number of entities drawn in a picture; the picture says how many were left out.
  // GraphML and Cytoscape are read by tools, not eyes, and always hold every entity in view.
  std::size_t maxNodes = 400;
};

// The file's bytes (text for DOT, GraphML, JSON and RDF; binary for PNG/PDF).
//  - GraphML: nodes carry label, type, iri, date; edges label (the relation), predicate (its
//    RDF property IRI) and count (facts merged into the edge), each a typed <key>.
//  - Cytoscape.js: {"elements": {"nodes": [{"data": {id, label, type, date}}],
//    "edges": [{"data": {id, source, target, label, predicate, count}}]}}, id = the IRI.
//  - JSON-LD: every triple of the store, in an "@graph" of nodes under jsonLdContext().
std::string exportGraph(const graph::Store& store, const ExportOptions& options);

// The JSON-LD @context of every JSON-LD export: the project prefixes (dg:, schema:, skos: ...;
// graph/vocabulary.h). Published as data/context.jsonld, byte for byte this text.
std::string jsonLdContext();

}  // namespace diplograph::exporter
