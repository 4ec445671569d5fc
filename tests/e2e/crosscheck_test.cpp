// Queries answered by a second, independent engine: the graph is exported as N-Triples, loaded
// into Oxigraph (npm, installed by scripts/setup.sh) and each query, as diplograph prints it
// (parameters bound, prefixes declared), must give the same rows there as in librdf/rasqal:
// every canned query, and the query shapes of tests/crosscheck/shapes/, which rasqal's variable
// scoping (and the project's patch to it) decides.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>

#include "scratch_folder.h"
#include "shell.h"

namespace {

namespace fs = std::filesystem;
using diplograph::e2e::diplograph;
using diplograph::e2e::shell;

// Rows as a multiset of "var=value" strings, independent of row order and number formatting.
std::multiset<std::string> rows(const std::string& resultsJson) {
  const auto json = nlohmann::json::parse(resultsJson);
  std::multiset<std::string> out;
  for (const auto& binding : json["results"]["bindings"]) {
    std::string row;
    for (const auto& [name, term] : binding.items()) {
      std::string value = term["value"];
      const std::string datatype = term.value("datatype", "");
      if (datatype.find("integer") != std::string::npos) value = std::to_string(std::stoll(value));
      row += name + "=" + value + ";";
    }
    out.insert(row);
  }
  return out;
}

// The corpus ingested into a store and exported as N-Triples, for each test.
class CrossCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(fs::path(DIPLOGRAPH_SOURCE_DIR) / "tools/node_modules/oxigraph"))
      GTEST_SKIP() << "oxigraph not installed (scripts/setup.sh)";
    ASSERT_EQ(diplograph("ingest" + store() + "data/corpus tests/corpus/dev --allow-skipped").status, 0);
    ASSERT_EQ(diplograph("export" + store() + "--format nt -o '" + (dir() / "graph.nt").string() + "'").status, 0);
  }
  const fs::path& dir() const { return scratch_.path(); }
  std::string store() const { return " --store '" + (dir() / "store").string() + "' "; }

  // Runs `query` (diplograph's arguments naming the query and its parameters) in both engines
  // and expects the same, non-empty rows.
  void expectSameRowsInOxigraph(const std::string& label, const std::string& query) const {
    const fs::path sparql = dir() / (label + ".rq");
    const auto printed = diplograph("query" + store() + query + " --print-sparql -o '" + sparql.string() + "'");
    ASSERT_EQ(printed.status, 0) << label << ": " << printed.err;
    const auto ours = diplograph("query" + store() + query + " --format json");
    ASSERT_EQ(ours.status, 0) << label << ": " << ours.err;
    const auto theirs = shell("node tests/crosscheck/oxigraph_query.mjs '" + (dir() / "graph.nt").string() + "' '" +
                              sparql.string() + "'");
    ASSERT_EQ(theirs.status, 0) << label << ": " << theirs.err;
    EXPECT_EQ(rows(ours.out), rows(theirs.out)) << label;
    EXPECT_FALSE(rows(ours.out).empty()) << label << " answered nothing on the corpus";
  }

 private:
  const diplograph::test_support::ScratchFolder scratch_{"dg-crosscheck"};
};

TEST_F(CrossCheck, CannedQueriesGiveTheSameAnswersInOxigraph) {
  // Every canned query, with the parameters of its documented example.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"meetings-citing", "--param 'resolution=UNSC 822 (1993)'"},
      {"states-at-meetings-citing", "--param 'resolution=UNSC 822 (1993)'"},
      {"evidence", "--param 'resolution=UNSC 2374 (2017)'"},
      {"fact-evidence", "--param 'from=UNSC 822 (1993)' --param to=UNSC"},
      {"co-cited", "--param 'resolution=UNSC 822 (1993)'"},
      {"state-meetings", "--param state=AZE"},
      {"persons-posts", ""},
      {"sidelines", ""},
      {"citation-counts", ""},
      {"most-cited", ""},
      {"documents-mentioning", "--param entity=Mali"},
      {"entity-counts", ""},
  };
  for (const auto& [name, params] : cases) expectSameRowsInOxigraph(name, "--name " + name + " " + params);
}

TEST_F(CrossCheck, QueryShapesGiveTheSameAnswersInOxigraph) {
  std::set<fs::path> shapes;
  for (const auto& entry : fs::directory_iterator(fs::path(DIPLOGRAPH_SOURCE_DIR) / "tests/crosscheck/shapes"))
    shapes.insert(entry.path());
  ASSERT_FALSE(shapes.empty());
  for (const auto& shape : shapes)
    expectSameRowsInOxigraph(shape.stem().string(), "--file '" + shape.string() + "'");
}

}  // namespace
