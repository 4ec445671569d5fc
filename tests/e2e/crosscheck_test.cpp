// Every canned query answered by a second, independent engine: the graph is exported as
// N-Triples, loaded into Oxigraph (npm, installed by scripts/setup.sh) and each query, with its
// parameters bound by diplograph, must give the same rows there as in librdf/rasqal.
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

TEST(CrossCheck, CannedQueriesGiveTheSameAnswersInOxigraph) {
  if (!fs::exists(fs::path(DIPLOGRAPH_SOURCE_DIR) / "tools/node_modules/oxigraph"))
    GTEST_SKIP() << "oxigraph not installed (scripts/setup.sh)";
  const diplograph::test_support::ScratchFolder scratch("dg-crosscheck");
  const fs::path& dir = scratch.path();
  const std::string store = " --store '" + (dir / "store").string() + "' ";
  ASSERT_EQ(diplograph("ingest" + store + "data/corpus tests/corpus/dev --allow-skipped").status, 0);
  ASSERT_EQ(diplograph("export" + store + "--format nt -o '" + (dir / "graph.nt").string() + "'").status, 0);
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
  for (const auto& [name, params] : cases) {
    const fs::path query = dir / (name + ".rq");
    const auto printed =
        diplograph("query" + store + "--name " + name + " " + params + " --print-sparql -o '" + query.string() + "'");
    ASSERT_EQ(printed.status, 0) << name << ": " << printed.err;
    const auto ours = diplograph("query" + store + "--name " + name + " " + params + " --format json");
    ASSERT_EQ(ours.status, 0) << name << ": " << ours.err;
    const auto theirs = shell("node tests/crosscheck/oxigraph_query.mjs '" + (dir / "graph.nt").string() + "' '" +
                              query.string() + "'");
    ASSERT_EQ(theirs.status, 0) << name << ": " << theirs.err;
    EXPECT_EQ(rows(ours.out), rows(theirs.out)) << name;
    EXPECT_FALSE(rows(ours.out).empty()) << name << " answered nothing on the corpus";
  }
}

}  // namespace
