#pragma once
// Pictures and files of the graph: Graphviz views built through Boost.Graph (DOT, rendered to
// SVG/PNG/PDF by Graphviz's library) and RDF files written by raptor.
#include <optional>
#include <string>

#include "diplograph/graph/store.h"

namespace diplograph::exporter {

enum class ExportFormat { Dot, Svg, Png, Pdf, Turtle, NTriples, RdfXml };

ExportFormat exportFormatFromName(const std::string& name);  // throws UsageError

struct ExportOptions {
  ExportFormat format = ExportFormat::Dot;
  // Draw only the neighbourhood of this entity (IRI, label, code or resolution reference).
  std::optional<std::string> focus;
  int depth = 1;
  // Largest number of entities drawn; the picture says how many were left out.
  std::size_t maxNodes = 400;
};

// The file's bytes (text for DOT and RDF, binary for PNG/PDF).
std::string exportGraph(const graph::Store& store, const ExportOptions& options);

}  // namespace diplograph::exporter
