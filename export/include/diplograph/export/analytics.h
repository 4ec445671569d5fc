#pragma once
// Questions about the shape of the graph, answered with Boost.Graph on the entity projection
// (graph/projection.h): which resolutions are cited most, which states sit at the centre, how
// the graph falls apart into connected pieces, how two entities are linked (with the sentence
// behind each link), and the weighted co-citation and co-attendance networks.
//
// Centrality, components and paths read the projection as undirected: a state is linked to the
// meeting it attended whichever way the fact points, and parallel facts count as one link.
#include <boost/graph/adjacency_list.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diplograph/export/export.h"
#include "diplograph/graph/projection.h"
#include "diplograph/graph/store.h"

namespace diplograph::exporter {

// An entity with its score in one ranking.
struct RankedEntity {
  std::string iri;
  std::string label;
  double score = 0;
};

// A connected piece of the graph, named after its best-connected entity.
struct Component {
  std::size_t size = 0;
  std::map<std::string, std::size_t> types;  // entities per type ("State" -> 3)
  std::string hubIri;
  std::string hubLabel;
};

struct GraphSummary {
  std::size_t entities = 0;
  std::size_t relations = 0;   // edges of the projection (parallel facts merged)
  std::size_t components = 0;  // all of them; `largestComponents` keeps the first `top`
  // Resolutions by the number of meetings citing them (in-degree over dg:cites).
  std::vector<RankedEntity> mostCited;
  // States by the number of entities they are linked to (degree, undirected).
  std::vector<RankedEntity> statesByDegree;
  // States by betweenness centrality (Brandes; undirected, not normalised: the number of
  // shortest paths between other pairs of entities that pass through the state, split evenly
  // when several paths are shortest). The same figure as networkx's normalized=False.
  std::vector<RankedEntity> statesByBetweenness;
  std::vector<Component> largestComponents;  // largest first
};

// Each ranking keeps its `top` best entities with a score above zero; ties go by label.
GraphSummary summarize(const graph::Store& store, std::size_t top);

// One link of an explanation path, as the fact is stored: `from` -relation-> `to`.
struct PathStep {
  graph::EntityNode from;
  graph::EntityNode to;
  std::string relation;   // "cites", "attendee", ... as drawn
  std::string predicate;  // the RDF property IRI of the fact
  bool backwards = false; // the path walks this link from `to` to `from`
  // The sentence the fact was extracted from and that document's source path, when the store
  // records evidence for it (dg:evidence of the fact's rdf:Statement).
  std::optional<std::string> sentence;
  std::optional<std::string> document;
};

// The shortest chain of links between two entities named as an analyst types them ("Mali",
// "UNSC 2374 (2017)", an IRI). Throws QueryError when a name matches nothing or no path exists.
std::vector<PathStep> explainPath(const graph::Store& store, const std::string& from, const std::string& to);

// Weighted, undirected networks of one kind of entity. An edge's relation names the network,
// its count is the weight.
//  - CoCitation: resolutions, linked when one meeting cites both; weight = such meetings.
//  - CoAttendance: states, linked when both attend one meeting; weight = such meetings.
// Every resolution cited (state attending) at least once is a node, linked or not.
enum class Network { CoCitation, CoAttendance };
Network networkFromName(const std::string& name);  // "co-citation" | "co-attendance"; throws UsageError

using EntityNetwork =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, graph::EntityNode, graph::EntityEdge>;

EntityNetwork buildNetwork(const graph::Store& store, Network kind);

// A network as DOT, SVG, GraphML or Cytoscape JSON (same attributes as exportGraph); throws
// UsageError for other formats.
std::string writeNetwork(const EntityNetwork& network, ExportFormat format);

enum class ReportFormat { Table, Json };
ReportFormat reportFormatFromName(const std::string& name);  // "table" | "json"; throws UsageError

// Text for people (aligned columns) or JSON for scripts (snake_case keys).
std::string formatSummary(const GraphSummary& summary, ReportFormat format);
// Table: one link per line, "A <-[attendee]- B | "sentence" (document)".
std::string formatPath(const std::vector<PathStep>& path, ReportFormat format);

}  // namespace diplograph::exporter
