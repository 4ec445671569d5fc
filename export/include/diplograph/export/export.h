#pragma once
// Pictures and files of the graph: Graphviz views built through Boost.Graph (DOT, rendered to
// SVG/PNG/PDF by Graphviz's library), the entity graph for network tools (GraphML through
// Boost.Graph, Cytoscape.js JSON), and the whole store as RDF (Turtle, N-Triples, RDF/XML by
// raptor; JSON-LD with the project's @context). A view can be narrowed to an entity's
// neighbourhood or a resolution's trace (trace.h), or chosen by a SPARQL CONSTRUCT query.
#include <optional>
#include <string>

#include "diplograph/graph/store.h"

namespace diplograph::exporter {

enum class ExportFormat { Dot, Svg, Png, Pdf, GraphMl, Cytoscape, JsonLd, Turtle, NTriples, RdfXml };

ExportFormat exportFormatFromName(const std::string& name);  // throws UsageError

struct ExportOptions {
  ExportFormat format = ExportFormat::Dot;
  // Show only the neighbourhood of this entity (IRI, label, code or resolution reference);
  // pictures, GraphML and Cytoscape. A picture of a resolution without `depth` is its trace
  // (trace.h). RDF formats always hold the whole store.
  std::optional<std::string> focus;
  std::optional<int> depth;  // of the neighbourhood; 1 if not given
  // A SPARQL CONSTRUCT query (the project prefixes declared): every format shows the graph it
  // returns instead of the store, RDF formats as its triples, the others as its entity graph.
  // Excludes `focus`. Throws QueryError for a query of another form.
  std::optional<std::string> construct;
  // "fr" or "en" (else UsageError): the language of entity labels, legend and notes in
  // pictures, GraphML and Cytoscape. By default the language of the report the view comes
  // from, if it comes from one report, else "en".
  std::optional<std::string> language;
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
