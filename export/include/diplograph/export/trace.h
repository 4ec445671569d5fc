#pragma once
// The trace of a resolution, the picture of the question diplograph is built for: which meetings
// cited resolution X, when, who attended, and what else did they cite. The meetings stand on a
// time axis, one rank per year; each is linked to the states that attended it and to the other
// resolutions it cited; the resolution itself stands in the year it was adopted.
// `diplograph export --format dot|svg|png|pdf --focus RESOLUTION` draws it.
#include <optional>
#include <utility>
#include <vector>

#include "diplograph/graph/projection.h"
#include "diplograph/graph/store.h"

namespace diplograph::exporter {

struct ResolutionTrace {
  // The resolution, the meetings citing it, their attendees and the other resolutions they
  // cited, with the `cites` and `attendee` edges of those meetings (parallel facts merged).
  graph::EntityGraph graph;
  graph::EntityGraph::vertex_descriptor resolution = 0;
  std::optional<int> adopted;  // the year the resolution was adopted (dg:year), if known
};

// The trace of the resolution at `resolution` in the whole projection `all`; the adoption year
// comes from the store. Throws std::logic_error if that vertex is not a resolution.
ResolutionTrace traceResolution(const graph::EntityGraph& all, graph::EntityGraph::vertex_descriptor resolution,
                                const graph::Store& store);

// One rank per year, earliest first, with the vertices standing on it: the meetings that began
// that year (EntityNode::date) and the resolution in its adoption year. Meetings without a date
// share a last rank whose year is nullopt. States and other resolutions are on no rank: the
// layout places them beside the meetings they are linked to.
using YearRank = std::pair<std::optional<int>, std::vector<graph::EntityGraph::vertex_descriptor>>;
std::vector<YearRank> yearRanks(const ResolutionTrace& trace);

}  // namespace diplograph::exporter
