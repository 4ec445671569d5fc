// Every canned query answered by a second, independent engine: the graph is exported as
// N-Triples, loaded into Oxigraph (npm, installed by scripts/setup.sh) and each query, with its
// parameters bound by diplograph, must give the same rows there as in librdf/rasqal.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "scratch_folder.h"

namespace {

namespace fs = std::filesystem;

std::string run(const std::string& command, int* status = nullptr) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) out.append(buffer.data(), n);
  const int code = ::pclose(pipe);
  if (status != nullptr) *status = code;
  return out;
}

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
  const std::string source = DIPLOGRAPH_SOURCE_DIR;
  if (!fs::exists(source + "/tools/node_modules/oxigraph")) GTEST_SKIP() << "oxigraph not installed (scripts/setup.sh)";
  const diplograph::test_support::ScratchFolder scratch("dg-crosscheck");
  const fs::path& dir = scratch.path();
  const std::string dg = "cd '" + source + "' && '" DIPLOGRAPH_BINARY "' ";
  const std::string store = " --store '" + (dir / "store").string() + "' ";
  int status = 0;
  run(dg + "ingest" + store + "data/corpus tests/corpus/dev --allow-skipped >/dev/null", &status);
  ASSERT_EQ(status, 0);
  run(dg + "export" + store + "--format nt -o '" + (dir / "graph.nt").string() + "'", &status);
  ASSERT_EQ(status, 0);
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
    run(dg + "query" + store + "--name " + name + " " + params + " --print-sparql -o '" + query.string() + "'", &status);
    ASSERT_EQ(status, 0) << name;
    const auto ours = run(dg + "query" + store + "--name " + name + " " + params + " --format json", &status);
    ASSERT_EQ(status, 0) << name;
    const auto theirs = run("node '" + source + "/tests/crosscheck/oxigraph_query.mjs' '" + (dir / "graph.nt").string() +
                                "' '" + query.string() + "'",
                            &status);
    ASSERT_EQ(status, 0) << name << ": " << theirs;
    EXPECT_EQ(rows(ours), rows(theirs)) << name;
    EXPECT_FALSE(rows(ours).empty()) << name << " answered nothing on the corpus";
  }
}

}  // namespace
