#pragma once
// How a resolution trace (trace.h) is drawn: its title, the resolution in bold, and the time
// axis as DOT statements — a node per year, chained in order, and a `rank=same` group holding
// each year's node with the meetings of that year.
#include <string>

#include "diplograph/export/trace.h"
#include "writers.h"

namespace diplograph::exporter {

DotOptions traceDotOptions(const ResolutionTrace& trace, const std::string& language);

}  // namespace diplograph::exporter
