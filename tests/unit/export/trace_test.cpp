// The resolution trace: which meetings cited a resolution, on a time axis, with their attendees
// and the other resolutions they cited; on hand-made graphs and stores, counted by hand.
#include "diplograph/export/trace.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "diplograph/export/export.h"
#include "world.h"

namespace diplograph::exporter {
namespace {

using graph::EntityGraph;
using graph::EntityNode;
using testing::kBase;
using Vertex = EntityGraph::vertex_descriptor;

// UNSC 822 (1993) cited in 2016 and twice in 2017, plus a 2018 meeting that cites only 853:
//   2016-09-19  New York   cites 822 853   attended by Azerbaijan, Turkey
//   2017-03-01  Baku       cites 822       attended by Azerbaijan
//   2017-11-20  Istanbul   cites 822 874   attended by Turkey, Pakistan
//   2018-05-05  Geneva     cites 853       attended by Armenia
testing::Report caucasus() {
  testing::Report r("caucasus");
  const auto aze = r.state("AZE", "Azerbaijan", "Azerbaïdjan");
  const auto tur = r.state("TUR", "Turkey", "Turquie");
  const auto pak = r.state("PAK", "Pakistan", "Pakistan");
  const auto arm = r.state("ARM", "Armenia", "Arménie");
  const auto r822 = r.resolution("822", 1993);
  const auto r853 = r.resolution("853", 1993);
  const auto r874 = r.resolution("874", 1993);
  const auto newYork = r.meeting("2016-09-19-new-york", "New York meeting", "2016-09-19");
  const auto baku = r.meeting("2017-03-01-baku", "Baku meeting", "2017-03-01");
  const auto istanbul = r.meeting("2017-11-20-istanbul", "Istanbul meeting", "2017-11-20");
  const auto geneva = r.meeting("2018-05-05-geneva", "Geneva meeting", "2018-05-05");
  r.cites(newYork, r822);
  r.cites(newYork, r853);
  r.attendee(newYork, aze);
  r.attendee(newYork, tur);
  r.cites(baku, r822);
  r.attendee(baku, aze);
  r.cites(istanbul, r822);
  r.cites(istanbul, r874);
  r.attendee(istanbul, tur);
  r.attendee(istanbul, pak);
  r.cites(geneva, r853);
  r.attendee(geneva, arm);
  return r;
}

std::set<std::string> labels(const EntityGraph& graph) {
  std::set<std::string> out;
  for (auto [v, end] = boost::vertices(graph); v != end; ++v) out.insert(graph[*v].label);
  return out;
}

ResolutionTrace traceOf(const graph::Store& store, const std::string& resolution) {
  const EntityGraph all = graph::projectEntities(store);
  return traceResolution(all, *graph::findVertex(all, kBase + "resolution/unsc/" + resolution), store);
}

TEST(Trace, HoldsTheCitingMeetingsTheirAttendeesAndWhatElseTheyCited) {
  const auto store = testing::storeOf(caucasus());
  const auto trace = traceOf(store, "822-1993");
  // Geneva cites 853 but not 822: neither it nor Armenia, who attended only it, is in the trace.
  EXPECT_EQ(labels(trace.graph),
            (std::set<std::string>{"UNSC 822 (1993)", "UNSC 853 (1993)", "UNSC 874 (1993)", "New York meeting",
                                   "Baku meeting", "Istanbul meeting", "Azerbaijan", "Turkey", "Pakistan"}));
  // 5 cites + 5 attendee edges of the three meetings.
  EXPECT_EQ(boost::num_edges(trace.graph), 10u);
  EXPECT_EQ(trace.graph[trace.resolution].label, "UNSC 822 (1993)");
  EXPECT_EQ(boost::in_degree(trace.resolution, trace.graph), 3u);
  EXPECT_EQ(trace.adopted, 1993);
}

TEST(Trace, StartsOnlyFromAResolution) {
  const auto store = testing::storeOf(caucasus());
  const EntityGraph all = graph::projectEntities(store);
  EXPECT_THROW(traceResolution(all, *graph::findVertex(all, kBase + "state/AZE"), store), std::logic_error);
}

TEST(YearRanks, OneRankPerYearOnTheTraceOfAStore) {
  const auto store = testing::storeOf(caucasus());
  const auto trace = traceOf(store, "822-1993");
  const auto ranks = yearRanks(trace);
  ASSERT_EQ(ranks.size(), 3u);
  EXPECT_EQ(ranks[0].first, 1993);
  ASSERT_EQ(ranks[0].second.size(), 1u);
  EXPECT_EQ(ranks[0].second[0], trace.resolution);
  EXPECT_EQ(ranks[1].first, 2016);
  EXPECT_EQ(ranks[2].first, 2017);
  std::set<std::string> in2017;
  for (const Vertex v : ranks[2].second) in2017.insert(trace.graph[v].label);
  EXPECT_EQ(in2017, (std::set<std::string>{"Baku meeting", "Istanbul meeting"}));
}

// A hand-built trace: a resolution of unknown year, meetings in 2001, 1999 and without a date.
TEST(YearRanks, EarliestFirstUndatedLastResolutionOnlyWhenItsYearIsKnown) {
  ResolutionTrace trace;
  auto& g = trace.graph;
  trace.resolution = boost::add_vertex(EntityNode{"r", "Resolution", "R", ""}, g);
  const Vertex late = boost::add_vertex(EntityNode{"m1", "Meeting", "Late", "2001-06-30"}, g);
  const Vertex early = boost::add_vertex(EntityNode{"m2", "Meeting", "Early", "1999-01-01"}, g);
  const Vertex undated = boost::add_vertex(EntityNode{"m3", "Meeting", "Undated", ""}, g);
  const Vertex state = boost::add_vertex(EntityNode{"s", "State", "S", ""}, g);
  boost::add_edge(late, state, graph::EntityEdge{"attendee", 1}, g);
  auto ranks = yearRanks(trace);
  ASSERT_EQ(ranks.size(), 3u);
  EXPECT_EQ(ranks[0], (YearRank{1999, {early}}));
  EXPECT_EQ(ranks[1], (YearRank{2001, {late}}));
  EXPECT_EQ(ranks[2], (YearRank{std::nullopt, {undated}}));
  // Once its year is known, the resolution stands on a rank of its own or shares its year's.
  trace.adopted = 1999;
  ranks = yearRanks(trace);
  ASSERT_EQ(ranks.size(), 3u);
  EXPECT_EQ(ranks[0], (YearRank{1999, {trace.resolution, early}}));
}

TEST(TraceDot, PutsEachYearsMeetingsOnTheRankOfThatYear) {
  const auto store = testing::storeOf(caucasus());
  ExportOptions options;
  options.focus = "UNSC 822 (1993)";
  const std::string dot = exportGraph(store, options);
  // The store holds one French report: title and legend are in French.
  EXPECT_NE(dot.find("label=\"Réunions citant UNSC 822 (1993), par année\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("year_1993 -> year_2016"), std::string::npos) << dot;
  EXPECT_NE(dot.find("year_2016 -> year_2017"), std::string::npos) << dot;
  EXPECT_NE(dot.find("{rank=same; year_2017; 2; 3;}"), std::string::npos) << dot;
  EXPECT_EQ(dot.find("Geneva"), std::string::npos) << dot;
  EXPECT_NE(dot.find("penwidth=3"), std::string::npos) << "the resolution is drawn bold";
  // With --depth, a resolution is drawn as its plain neighbourhood: at depth 1, the meetings only.
  options.depth = 1;
  const std::string neighbourhood = exportGraph(store, options);
  EXPECT_EQ(neighbourhood.find("rank=same"), std::string::npos);
  EXPECT_NE(neighbourhood.find("Baku meeting"), std::string::npos);
  EXPECT_EQ(neighbourhood.find("Azerbaïdjan"), std::string::npos);
}

TEST(TraceDot, KeepsTheResolutionWhenCapped) {
  const auto store = testing::storeOf(caucasus());
  ExportOptions options;
  options.focus = "UNSC 822 (1993)";
  options.maxNodes = 2;
  const std::string dot = exportGraph(store, options);
  EXPECT_NE(dot.find("UNSC 822 (1993)\", shape=note"), std::string::npos) << dot;
  EXPECT_NE(dot.find("7 entités moins reliées non dessinées"), std::string::npos) << dot;
  const std::regex vertex("\n\\d+\\[label=");
  EXPECT_EQ(std::distance(std::sregex_iterator(dot.begin(), dot.end(), vertex), std::sregex_iterator()), 2);
}

}  // namespace
}  // namespace diplograph::exporter
