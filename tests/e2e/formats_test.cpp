// End-to-end: the RDF, GraphML, Cytoscape and JSON-LD exports and the analyze command on the
// sample corpus, each checked by a real client: rapper reads the Turtle, N-Triples and RDF/XML,
// networkx the GraphML, the reference JSON-LD processor (npm `jsonld`) expands the JSON-LD,
// Graphviz's `dot` draws the co-citation network.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "suite_store.h"

namespace {

namespace fs = std::filesystem;
using diplograph::e2e::diplograph;
using diplograph::e2e::shell;
using Json = nlohmann::json;

bool networkxInstalled() { return shell("python3 -c 'import networkx'").status == 0; }
bool jsonldInstalled() { return fs::exists(DIPLOGRAPH_SOURCE_DIR "/tools/node_modules/jsonld"); }

class FormatsTest : public diplograph::e2e::SuiteWithStore {
 protected:
  static void SetUpTestSuite() { ingest("dg-formats", "data/corpus"); }
  // Runs `export`/`analyze` with ARGS into a file of the temporary folder; returns its path.
  static std::string written(const std::string& name, const std::string& args) {
    const std::string path = (dir() / name).string();
    const auto run = diplograph(args + " " + store() + " -o '" + path + "'");
    EXPECT_EQ(run.status, 0) << args << ": " << run.err;
    return path;
  }
};

TEST_F(FormatsTest, RapperReadsEveryRdfExportWithTheStoresTripleCount) {
  const auto stats = diplograph("stats " + store());
  std::smatch size;
  ASSERT_TRUE(std::regex_search(stats.out, size, std::regex(R"(: (\d+) triples)"))) << stats.out;
  EXPECT_GT(std::stoi(size[1]), 1000);
  for (const auto& [format, parser] : {std::pair{"ttl", "turtle"}, {"nt", "ntriples"}, {"rdfxml", "rdfxml"}}) {
    const auto file = written(std::string("graph.") + format, std::string("export --format ") + format);
    const auto run = shell(std::string("rapper -c -i ") + parser + " '" + file + "'");
    ASSERT_EQ(run.status, 0) << format << ": " << run.err;
    EXPECT_NE(run.err.find("returned " + size[1].str() + " triples"), std::string::npos) << format << ": " << run.err;
  }
}

TEST_F(FormatsTest, NetworkxReadsTheGraphMlWithTypesAndLabels) {
  if (!networkxInstalled()) GTEST_SKIP() << "python3-networkx not installed (scripts/setup.sh)";
  const auto graphml = written("graph.graphml", "export --format graphml");
  const auto run = shell("python3 tests/crosscheck/networkx_graphml.py '" + graphml + "'");
  ASSERT_EQ(run.status, 0) << run.err;
  const auto found = Json::parse(run.out);
  const auto cytoscape = Json::parse(diplograph("export --format cytoscape " + store()).out);
  EXPECT_TRUE(found["directed"].get<bool>());
  EXPECT_EQ(found["nodes"], cytoscape["elements"]["nodes"].size());
  EXPECT_EQ(found["edges"], cytoscape["elements"]["edges"].size());
  EXPECT_GT(found["nodes"].get<int>(), 20);
  EXPECT_EQ(found["without_type"], 0);
  EXPECT_EQ(found["without_label"], 0);
  EXPECT_EQ(found["types"], Json::parse(R"(["Meeting", "Organization", "Person", "Place", "Resolution", "State"])"));
  EXPECT_EQ(found["edge_counts"], Json::parse(R"(["int"])")) << "count must read back as a number";
  const auto labels = found["labels"].get<std::vector<std::string>>();
  EXPECT_NE(std::find(labels.begin(), labels.end(), "UNSC 2374 (2017)"), labels.end());
  EXPECT_NE(std::find(labels.begin(), labels.end(), "Azerbaijan"), labels.end());
}

TEST_F(FormatsTest, BetweennessAgreesWithNetworkx) {
  if (!networkxInstalled()) GTEST_SKIP() << "python3-networkx not installed (scripts/setup.sh)";
  const auto graphml = written("all.graphml", "export --format graphml");
  const auto theirs = Json::parse(shell("python3 tests/crosscheck/networkx_graphml.py '" + graphml + "'").out);
  const auto ours = Json::parse(diplograph("analyze --format json --top 1000 " + store()).out);
  ASSERT_FALSE(ours["states_by_betweenness"].empty());
  for (const auto& state : ours["states_by_betweenness"])
    EXPECT_NEAR(state["betweenness"].get<double>(), theirs["betweenness"][state["iri"].get<std::string>()].get<double>(), 1e-6)
        << state["label"];
}

TEST_F(FormatsTest, JsonLdExpandsToTheSameTriplesAsNTriples) {
  if (!jsonldInstalled()) GTEST_SKIP() << "npm jsonld not installed in tools/ (scripts/setup.sh)";
  const auto jsonld = written("graph.jsonld", "export --format jsonld");
  const auto nt = written("graph.nt", "export --format nt");
  std::ifstream in(nt);
  const long lines = std::count(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>(), '\n');
  const auto run = shell("node tests/crosscheck/jsonld_to_rdf.mjs '" + jsonld + "' '" + nt + "'");
  ASSERT_EQ(run.status, 0) << run.out << run.err;
  const auto report = Json::parse(run.out);
  EXPECT_EQ(report["jsonld"], lines);
  EXPECT_EQ(report["ntriples"], lines);
  EXPECT_GT(lines, 1000);
}

TEST_F(FormatsTest, CytoscapeFocusKeepsTheNeighbourhood) {
  const auto run = diplograph("export --format cytoscape --focus 'UNSC 2374 (2017)' --depth 1 " + store());
  ASSERT_EQ(run.status, 0) << run.err;
  const auto json = Json::parse(run.out);
  // The resolution, the Mali meeting that cites it and the Security Council that adopted it.
  std::vector<std::string> types;
  for (const auto& node : json["elements"]["nodes"]) types.push_back(node["data"]["type"]);
  std::sort(types.begin(), types.end());
  EXPECT_EQ(types, (std::vector<std::string>{"Meeting", "Organization", "Resolution"}));
}

TEST_F(FormatsTest, DotDrawsTheCoCitationNetworkWithoutWarnings) {
  const auto dot = written("co-citation.dot", "analyze --network co-citation --format dot");
  const auto run = shell("dot -Tsvg '" + dot + "' -o /dev/null");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err, "") << "dot printed warnings";
  std::ifstream in(dot);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The 2016 New York meeting cites 822, 853, 874 and 884 together (six pairs), the 2017 Mali
  // meeting 2359 and 2374 (one pair).
  const std::regex edge(R"(\n\d+--\d+ )");
  EXPECT_EQ(std::distance(std::sregex_iterator(text.begin(), text.end(), edge), std::sregex_iterator()), 7) << text;
  EXPECT_NE(text.find("UNSC 853 (1993)"), std::string::npos);
}

TEST_F(FormatsTest, CoAttendanceNetworkAsGraphMlIsUndirectedAndWeighted) {
  if (!networkxInstalled()) GTEST_SKIP() << "python3-networkx not installed (scripts/setup.sh)";
  const auto graphml = written("co-attendance.graphml", "analyze --network co-attendance --format graphml");
  const auto found = Json::parse(shell("python3 tests/crosscheck/networkx_graphml.py '" + graphml + "'").out);
  EXPECT_FALSE(found["directed"].get<bool>());
  EXPECT_EQ(found["types"], Json::parse(R"(["State"])"));
  // Eight states attended the 2016 New York meeting together (28 pairs); Mali met alone.
  EXPECT_EQ(found["nodes"], 9);
  EXPECT_EQ(found["edges"], 28);
}

TEST_F(FormatsTest, PathFromMaliToUnsc2374GivesEachLinkWithItsSentence) {
  const auto run = diplograph("analyze --path Mali 'UNSC 2374 (2017)' " + store());
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 2) << run.out;
  EXPECT_NE(run.out.find("Mali <-[attendee]- "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("-[cites]-> UNSC 2374 (2017)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("régime de sanctions"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("oic_mali_contact_group_2017_fr.md"), std::string::npos) << run.out;
}

TEST_F(FormatsTest, AnalyzeRanksResolutionsAndStates) {
  const auto run = diplograph("analyze --format json " + store());
  ASSERT_EQ(run.status, 0) << run.err;
  const auto json = Json::parse(run.out);
  EXPECT_EQ(json["most_cited"].size(), 6u);  // six resolutions, each cited by one meeting
  EXPECT_EQ(json["states_by_degree"][0]["label"], "Azerbaijan");
  EXPECT_GE(json["components"].get<int>(), 1);
  const auto table = diplograph("analyze --top 3 " + store());
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_NE(table.out.find("most cited resolutions"), std::string::npos);
  EXPECT_NE(table.out.find("UNSC 2359 (2017)"), std::string::npos) << table.out;
}

TEST_F(FormatsTest, BadAnalyzeInvocationsGiveOneLine) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"analyze {store} --network citations", "unknown network"},
      {"analyze {store} --network co-citation --format jsonld", "a network is written as"},
      {"analyze {store} --path Mali", "two entities after --path"},
      {"analyze {store} --path Mali Atlantis", "nothing in the graph matches 'Atlantis'"},
      {"analyze {store} --path Mali Armenia", "no path links"},
      {"analyze {store} --format csv", "unknown analyze format"},
      {"analyze {store} --top many", "--top takes a number"},
      {"export {store} --format graphml --focus Atlantis", "nothing in the graph matches"},
  };
  for (auto [args, expected] : cases) {
    args.replace(args.find("{store}"), 7, store());
    const auto run = diplograph(args);
    EXPECT_NE(run.status, 0) << args;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << args << ": " << run.err;
    EXPECT_NE(run.err.find(expected), std::string::npos) << args << ": " << run.err;
  }
}

}  // namespace
