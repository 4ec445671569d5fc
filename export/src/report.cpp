// Text and JSON renderings of the analytics (analytics.h).
#include <nlohmann/json.hpp>

#include <cmath>
#include <iomanip>
#include <sstream>

#include "diplograph/export/analytics.h"
#include "diplograph/extract/error.h"

namespace diplograph::exporter {
namespace {

using Json = nlohmann::ordered_json;

// Counts print as integers, betweenness with at most two decimals.
std::string number(double value) {
  if (value == std::floor(value)) return std::to_string(static_cast<long long>(value));
  std::ostringstream out;
  out << std::fixed << std::setprecision(2) << value;
  std::string text = out.str();
  while (text.back() == '0') text.pop_back();
  return text;
}

// Sentences span lines in the source text; a table row stays on one line.
std::string oneLine(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void ranking(std::ostringstream& out, const std::string& title, const std::vector<RankedEntity>& ranked) {
  out << "\n" << title << "\n";
  if (ranked.empty()) out << "  (none)\n";
  std::size_t width = 0;
  for (const auto& r : ranked) width = std::max(width, number(r.score).size());
  for (const auto& r : ranked) out << "  " << std::setw(static_cast<int>(width)) << number(r.score) << "  " << r.label << "\n";
}

Json ranking(const std::vector<RankedEntity>& ranked, const char* scoreName) {
  Json out = Json::array();
  for (const auto& r : ranked) {
    Json score = r.score == std::floor(r.score) ? Json(static_cast<long long>(r.score)) : Json(r.score);
    out.push_back({{"iri", r.iri}, {"label", r.label}, {scoreName, score}});
  }
  return out;
}

Json entity(const graph::EntityNode& node) { return {{"iri", node.iri}, {"label", node.label}, {"type", node.type}}; }

}  // namespace

ReportFormat reportFormatFromName(const std::string& name) {
  if (name == "table") return ReportFormat::Table;
  if (name == "json") return ReportFormat::Json;
  throw UsageError("unknown analyze format '" + name + "' (expected table or json)");
}

std::string formatSummary(const GraphSummary& summary, ReportFormat format) {
  if (format == ReportFormat::Json) {
    Json pieces = Json::array();
    for (const auto& c : summary.largestComponents) {
      pieces.push_back({{"size", c.size}, {"types", c.types}, {"hub", {{"iri", c.hubIri}, {"label", c.hubLabel}}}});
    }
    const Json out = {{"entities", summary.entities},
                      {"relations", summary.relations},
                      {"components", summary.components},
                      {"most_cited", ranking(summary.mostCited, "citations")},
                      {"states_by_degree", ranking(summary.statesByDegree, "degree")},
                      {"states_by_betweenness", ranking(summary.statesByBetweenness, "betweenness")},
                      {"largest_components", pieces}};
    return out.dump(2) + "\n";
  }
  std::ostringstream out;
  out << summary.entities << " entities, " << summary.relations << " relations, " << summary.components
      << " connected components\n";
  ranking(out, "most cited resolutions (meetings citing them)", summary.mostCited);
  ranking(out, "most central states by degree (entities linked to them)", summary.statesByDegree);
  ranking(out, "most central states by betweenness (shortest paths through them)", summary.statesByBetweenness);
  out << "\nlargest connected components\n";
  for (const auto& c : summary.largestComponents) {
    out << "  " << std::setw(5) << c.size << (c.size == 1 ? " entity" : " entities") << " around " << c.hubLabel << " (";
    bool first = true;
    for (const auto& [type, count] : c.types) {
      out << (first ? "" : ", ") << count << " " << type;
      first = false;
    }
    out << ")\n";
  }
  return out.str();
}

std::string formatPath(const std::vector<PathStep>& path, ReportFormat format) {
  if (format == ReportFormat::Json) {
    Json steps = Json::array();
    for (const auto& step : path) {
      Json evidence = nullptr;
      if (step.sentence) evidence = {{"sentence", *step.sentence}, {"document", step.document.value_or("")}};
      steps.push_back({{"from", entity(step.from)},
                       {"relation", step.relation},
                       {"predicate", step.predicate},
                       {"to", entity(step.to)},
                       {"walked", step.backwards ? "backwards" : "forwards"},
                       {"evidence", evidence}});
    }
    return Json{{"length", path.size()}, {"steps", steps}}.dump(2) + "\n";
  }
  std::ostringstream out;
  for (const auto& step : path) {
    // Written in the order the path walks, the arrow pointing the way the fact is stated.
    if (step.backwards) {
      out << step.to.label << " <-[" << step.relation << "]- " << step.from.label;
    } else {
      out << step.from.label << " -[" << step.relation << "]-> " << step.to.label;
    }
    if (step.sentence) {
      out << "  | \"" << oneLine(*step.sentence) << "\"";
      if (step.document) out << " (" << *step.document << ")";
    }
    out << "\n";
  }
  return out.str();
}

}  // namespace diplograph::exporter
