#include "diplograph/export/trace.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "diplograph/graph/vocabulary.h"
#include "trace_axis.h"
#include "words.h"
#include "writers.h"

namespace diplograph::exporter {
namespace {

using graph::EntityGraph;
using Vertex = EntityGraph::vertex_descriptor;

// The year of an ISO date ("2016-09-19" -> 2016); nullopt if the date does not start with one.
std::optional<int> yearOf(const std::string& date) {
  if (date.size() < 4 || !std::all_of(date.begin(), date.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoi(date.substr(0, 4));
}

std::optional<int> adoptionYear(const graph::Store& store, const std::string& resolution) {
  const auto rows = store.query(graph::vocab::sparqlPrefixes() + "SELECT ?year WHERE { " +
                                graph::toNTriples(graph::Term::iri(resolution)) + " dg:year ?year }")
                        .rows;
  for (const auto& row : rows) {
    if (const auto year = yearOf(row[0].value)) return year;
  }
  return std::nullopt;
}

std::string rankId(const std::optional<int>& year) { return year ? "year_" + std::to_string(*year) : "year_undated"; }

}  // namespace

ResolutionTrace traceResolution(const EntityGraph& all, Vertex resolution, const graph::Store& store) {
  if (all[resolution].type != "Resolution") throw std::logic_error("a trace starts from a resolution");
  ResolutionTrace trace;
  std::map<Vertex, Vertex> copy;
  auto keep = [&](Vertex v) {
    const auto [at, added] = copy.emplace(v, Vertex{});
    if (added) at->second = boost::add_vertex(all[v], trace.graph);
    return at->second;
  };
  trace.resolution = keep(resolution);
  std::vector<Vertex> meetings;
  for (auto [e, end] = boost::in_edges(resolution, all); e != end; ++e) {
    const Vertex m = boost::source(*e, all);
    if (all[*e].relation == "cites" && all[m].type == "Meeting") meetings.push_back(m);
  }
  // Chronological vertex order, so that the DOT text reads like the time axis it draws.
  std::sort(meetings.begin(), meetings.end(), [&](Vertex a, Vertex b) {
    return std::tie(all[a].date, all[a].iri) < std::tie(all[b].date, all[b].iri);
  });
  meetings.erase(std::unique(meetings.begin(), meetings.end()), meetings.end());
  for (const Vertex m : meetings) keep(m);
  for (const Vertex m : meetings) {
    for (auto [e, end] = boost::out_edges(m, all); e != end; ++e) {
      const auto& relation = all[*e].relation;
      if (relation != "cites" && relation != "attendee") continue;
      boost::add_edge(keep(m), keep(boost::target(*e, all)), all[*e], trace.graph);
    }
  }
  trace.adopted = adoptionYear(store, all[resolution].iri);
  return trace;
}

std::vector<YearRank> yearRanks(const ResolutionTrace& trace) {
  std::map<int, std::vector<Vertex>> years;
  std::vector<Vertex> undated;
  for (auto [v, end] = boost::vertices(trace.graph); v != end; ++v) {
    if (*v == trace.resolution) {
      if (trace.adopted) years[*trace.adopted].push_back(*v);
    } else if (trace.graph[*v].type == "Meeting") {
      if (const auto year = yearOf(trace.graph[*v].date)) years[*year].push_back(*v);
      else undated.push_back(*v);
    }
  }
  std::vector<YearRank> ranks;
  for (auto& [year, vertices] : years) ranks.emplace_back(year, std::move(vertices));
  if (!undated.empty()) ranks.emplace_back(std::nullopt, std::move(undated));
  return ranks;
}

DotOptions traceDotOptions(const ResolutionTrace& trace, const std::string& language) {
  DotOptions options;
  options.language = language;
  options.title = traceTitle(trace.graph[trace.resolution].label, language);
  options.highlighted = trace.graph[trace.resolution].iri;
  const auto ranks = yearRanks(trace);
  std::ostringstream axis;
  for (const auto& [year, vertices] : ranks) {
    axis << rankId(year) << " [label=" << quoteDot(year ? std::to_string(*year) : undatedRank(language))
         << ", shape=plaintext, style=\"\", fontsize=16, fontname=\"Helvetica-Bold\"];\n";
  }
  // The axis: years in order, two ranks apart so that states and cited resolutions fit between
  // them; heavy, so that dot keeps it straight.
  for (std::size_t i = 0; i + 1 < ranks.size(); ++i) {
    axis << rankId(ranks[i].first) << " -> " << rankId(ranks[i + 1].first)
         << " [style=dashed, color=\"#999999\", arrowhead=vee, minlen=2, weight=100];\n";
  }
  for (const auto& [year, vertices] : ranks) {
    axis << "{rank=same; " << rankId(year) << ";";
    for (const Vertex v : vertices) axis << " " << v << ";";
    axis << "}\n";
  }
  options.preamble = axis.str();
  return options;
}

}  // namespace diplograph::exporter
