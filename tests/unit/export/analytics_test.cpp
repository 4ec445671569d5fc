// Analytics on hand-made stores (world.h), every figure counted by hand.
#include "diplograph/export/analytics.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "diplograph/extract/error.h"
#include "diplograph/graph/vocabulary.h"
#include "world.h"

namespace diplograph::exporter {
namespace {

using testing::kBase;
using testing::storeOf;

std::vector<std::pair<std::string, double>> scores(const std::vector<RankedEntity>& ranked) {
  std::vector<std::pair<std::string, double>> out;
  for (const auto& r : ranked) out.emplace_back(r.label, r.score);
  return out;
}

using Scores = std::vector<std::pair<std::string, double>>;

TEST(Summary, CountsCitationsDegreesAndComponents) {
  const auto summary = summarize(storeOf(testing::sahel()), 10);
  EXPECT_EQ(summary.entities, 10u);
  EXPECT_EQ(summary.relations, 11u);
  // 101 is cited by all three meetings, 102 by First and Second, 103 by Second.
  EXPECT_EQ(scores(summary.mostCited), (Scores{{"UNSC 101 (2001)", 3}, {"UNSC 102 (2001)", 2}, {"UNSC 103 (2001)", 1}}));
  // Niger and Chad attend two meetings each, Mali one; Peru none, so it is not ranked.
  EXPECT_EQ(scores(summary.statesByDegree), (Scores{{"Chad", 2}, {"Niger", 2}, {"Mali", 1}}));
  ASSERT_EQ(summary.components, 2u);
  ASSERT_EQ(summary.largestComponents.size(), 2u);
  const auto& main = summary.largestComponents[0];
  EXPECT_EQ(main.size, 9u);
  EXPECT_EQ(main.types, (std::map<std::string, std::size_t>{{"Meeting", 3}, {"Resolution", 3}, {"State", 3}}));
  EXPECT_EQ(main.hubLabel, "Second meeting");  // five links: 101, 102, 103, Niger, Chad
  EXPECT_EQ(summary.largestComponents[1].size, 1u);
  EXPECT_EQ(summary.largestComponents[1].hubLabel, "Peru");
}

TEST(Summary, TopKeepsTheBestOfEachRanking) {
  const auto summary = summarize(storeOf(testing::sahel()), 1);
  EXPECT_EQ(scores(summary.mostCited), (Scores{{"UNSC 101 (2001)", 3}}));
  EXPECT_EQ(summary.largestComponents.size(), 1u);
  EXPECT_EQ(summary.components, 2u);
}

TEST(Summary, BetweennessCountsShortestPathsThroughAState) {
  const auto summary = summarize(storeOf(testing::chain()), 10);
  // Mali - First - Niger - Second - Chad: Niger lies on the paths Mali-Second, Mali-Chad,
  // First-Second and First-Chad; Mali and Chad are ends and score 0 (so are not ranked).
  EXPECT_EQ(scores(summary.statesByBetweenness), (Scores{{"Niger", 4}}));
}

TEST(Summary, JsonNamesEachScore) {
  const auto json = nlohmann::json::parse(formatSummary(summarize(storeOf(testing::sahel()), 10), ReportFormat::Json));
  EXPECT_EQ(json["most_cited"][0]["citations"], 3);
  EXPECT_EQ(json["most_cited"][0]["iri"], kBase + "resolution/unsc/101-2001");
  EXPECT_EQ(json["states_by_degree"][0]["degree"], 2);
  EXPECT_EQ(json["largest_components"][0]["size"], 9);
}

TEST(Path, WalksFromAStateToAResolutionWithTheEvidenceOfEachLink) {
  const auto world = testing::sahel();
  const auto store = storeOf(world);
  // Mali attends only First; 103 is cited only by Second. First and Second share 101, 102 and
  // Niger, so the shortest path has four links.
  const auto path = explainPath(store, "Mali", "UNSC 103 (2001)");
  ASSERT_EQ(path.size(), 4u);
  EXPECT_EQ(path[0].from.label, "First meeting");
  EXPECT_EQ(path[0].to.label, "Mali");
  EXPECT_EQ(path[0].relation, "attendee");
  EXPECT_EQ(path[0].predicate, graph::vocab::kSchema + "attendee");
  EXPECT_TRUE(path[0].backwards);
  EXPECT_EQ(path[0].sentence, world.sentence(0));
  EXPECT_EQ(path[0].document, "sahel.md");
  EXPECT_EQ(path[3].from.label, "Second meeting");
  EXPECT_EQ(path[3].to.label, "UNSC 103 (2001)");
  EXPECT_FALSE(path[3].backwards);
  EXPECT_EQ(path[3].sentence, world.sentence(9));
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    const auto& end = path[i].backwards ? path[i].from : path[i].to;
    const auto& next = path[i + 1].backwards ? path[i + 1].to : path[i + 1].from;
    EXPECT_EQ(end.iri, next.iri) << "link " << i << " does not continue the path";
  }
  const auto table = formatPath(path, ReportFormat::Table);
  EXPECT_EQ(std::count(table.begin(), table.end(), '\n'), 4);
  EXPECT_EQ(table.substr(0, table.find('\n')),
            "Mali <-[attendee]- First meeting  | \"" + world.sentence(0) + "\" (sahel.md)");
}

// The QueryError message of explainPath(from, to), or "" if it finds a path.
std::string pathError(const graph::Store& store, const std::string& from, const std::string& to) {
  try {
    explainPath(store, from, to);
  } catch (const QueryError& error) {
    return error.what();
  }
  return "";
}

TEST(Path, UnknownOrUnconnectedEntitiesAreQueryErrors) {
  const auto store = storeOf(testing::sahel());
  EXPECT_EQ(pathError(store, "Mali", "Peru"), "no path links 'Mali' and 'Peru': they are in different components");
  EXPECT_EQ(pathError(store, "Mali", "Atlantis"), "nothing in the graph matches 'Atlantis'");
  EXPECT_EQ(pathError(store, "Mali", "MLI"), "'Mali' and 'MLI' are the same entity");  // a state code
}

TEST(Path, AcceptsCodesAndIris) {
  const auto store = storeOf(testing::sahel());
  EXPECT_EQ(explainPath(store, "NER", kBase + "state/TCD").size(), 2u);  // Niger - Second - Chad
}

// Edges of a network as "a|b weight", a and b in label order.
std::set<std::string> weights(const EntityNetwork& network) {
  std::set<std::string> out;
  for (auto [e, end] = boost::edges(network); e != end; ++e) {
    auto a = network[boost::source(*e, network)].label;
    auto b = network[boost::target(*e, network)].label;
    if (b < a) std::swap(a, b);
    out.insert(a + "|" + b + " " + std::to_string(network[*e].count));
  }
  return out;
}

TEST(Networks, CoCitationWeighsPairsByMeetingsCitingBoth) {
  const auto network = buildNetwork(storeOf(testing::sahel()), Network::CoCitation);
  EXPECT_EQ(boost::num_vertices(network), 3u);
  // First: 101-102. Second: 101-102, 101-103, 102-103. Third cites one resolution only.
  EXPECT_EQ(weights(network), (std::set<std::string>{"UNSC 101 (2001)|UNSC 102 (2001) 2", "UNSC 101 (2001)|UNSC 103 (2001) 1",
                                                     "UNSC 102 (2001)|UNSC 103 (2001) 1"}));
}

TEST(Networks, CoAttendanceLinksStatesAtTheSameMeeting) {
  const auto network = buildNetwork(storeOf(testing::sahel()), Network::CoAttendance);
  EXPECT_EQ(boost::num_vertices(network), 3u);  // Peru attends nothing
  EXPECT_EQ(weights(network), (std::set<std::string>{"Mali|Niger 1", "Chad|Niger 1"}));
}

TEST(Networks, WrittenAsUndirectedGraphMlCytoscapeOrDot) {
  const auto network = buildNetwork(storeOf(testing::sahel()), Network::CoCitation);
  const auto graphml = writeNetwork(network, ExportFormat::GraphMl);
  EXPECT_NE(graphml.find("edgedefault=\"undirected\""), std::string::npos);
  EXPECT_NE(graphml.find(R"(attr.name="count" attr.type="long")"), std::string::npos);
  const auto cytoscape = nlohmann::json::parse(writeNetwork(network, ExportFormat::Cytoscape));
  EXPECT_EQ(cytoscape["elements"]["edges"].size(), 3u);
  EXPECT_EQ(cytoscape["elements"]["edges"][0]["data"]["label"], "co-cited");
  const auto dot = writeNetwork(network, ExportFormat::Dot);
  EXPECT_EQ(dot.rfind("graph G {", 0), 0u);
  EXPECT_NE(dot.find("label=\"2 meetings\""), std::string::npos);
  EXPECT_THROW(writeNetwork(network, ExportFormat::JsonLd), UsageError);
}

TEST(Networks, NamesAreTheOnesTheCommandTakes) {
  EXPECT_EQ(networkFromName("co-citation"), Network::CoCitation);
  EXPECT_EQ(networkFromName("co-attendance"), Network::CoAttendance);
  EXPECT_THROW(networkFromName("citation"), UsageError);
}

}  // namespace
}  // namespace diplograph::exporter
