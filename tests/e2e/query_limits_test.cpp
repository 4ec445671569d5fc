// End-to-end: `query --timeout SECONDS --limit ROWS`. A query that runs out of time stops with one
// line on stderr, exit code 4 and nothing on stdout, whether the time runs out between rows (a
// long stream of rows) or inside one step rasqal cannot interrupt (an aggregate over a large
// join); a row limit keeps the first ROWS rows and says on stderr that the rest was cut.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <string>

#include "suite_store.h"

namespace {

namespace fs = std::filesystem;
using diplograph::e2e::diplograph;
using Json = nlohmann::json;

class QueryLimitsTest : public diplograph::e2e::SuiteWithStore {
 protected:
  static void SetUpTestSuite() { ingest("dg-limits", "data/corpus tests/corpus/dev"); }
};

// Every pair of triples: about 4e8 rows over this store, streamed one by one.
const char* const kCrossJoin = "'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }'";

TEST_F(QueryLimitsTest, TimeoutBetweenRowsStopsCleanly) {
  const auto start = std::chrono::steady_clock::now();
  const auto run = diplograph("query " + store() + " " + kCrossJoin + " --timeout 1 --format csv");
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(run.status, 4) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_NE(run.err.find("diplograph: the query ran past its time limit of 1 s"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("nothing was printed"), std::string::npos) << run.err;
  EXPECT_LT(took, std::chrono::seconds(20));
}

TEST_F(QueryLimitsTest, TimeoutInsideOneStepStopsCleanly) {
  // COUNT over the cross join yields its one row only after every pair: no row to check between.
  const auto start = std::chrono::steady_clock::now();
  const auto run = diplograph("query " + store() + " 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }' --timeout 0.5");
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(run.status, 4) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_NE(run.err.find("the query ran past its time limit of 0.5 s"), std::string::npos) << run.err;
  EXPECT_LT(took, std::chrono::seconds(20));
}

TEST_F(QueryLimitsTest, QueryWithinItsTimeAnswersInFull) {
  const auto plain = diplograph("query " + store() + " --name entity-counts --format json");
  const auto timed = diplograph("query " + store() + " --name entity-counts --format json --timeout 60");
  ASSERT_EQ(timed.status, 0) << timed.err;
  EXPECT_EQ(timed.out, plain.out);
  EXPECT_EQ(timed.err, "");
}

TEST_F(QueryLimitsTest, LimitTruncatesAndSaysSo) {
  const auto run = diplograph("query " + store() + " " + kCrossJoin + " --limit 5 --format json");
  ASSERT_EQ(run.status, 0) << run.err;
  const Json json = Json::parse(run.out);
  EXPECT_EQ(json["results"]["bindings"].size(), 5u);
  EXPECT_EQ(run.err, "diplograph: results truncated to the first 5 row(s) (--limit)\n");
  // A limit the results fit in cuts nothing and says nothing.
  const auto all = diplograph("query " + store() + " 'SELECT ?m WHERE { ?m a dg:Meeting }' --format json");
  const auto count = Json::parse(all.out)["results"]["bindings"].size();
  const auto fits = diplograph("query " + store() + " 'SELECT ?m WHERE { ?m a dg:Meeting }' --format json --limit " +
                               std::to_string(count));
  EXPECT_EQ(fits.status, 0);
  EXPECT_EQ(fits.out, all.out);
  EXPECT_EQ(fits.err, "");
  // Graph results are cut by triples.
  const auto graph = diplograph("query " + store() + " 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }' --format nt --limit 3");
  EXPECT_EQ(graph.status, 0) << graph.err;
  EXPECT_EQ(std::count(graph.out.begin(), graph.out.end(), '\n'), 3) << graph.out;
  EXPECT_EQ(graph.err, "diplograph: results truncated to the first 3 triple(s) (--limit)\n");
}

TEST_F(QueryLimitsTest, BadLimitsAreUsageErrors) {
  for (const char* flags : {"--timeout 0", "--timeout -1", "--timeout soon", "--limit -3", "--limit many"}) {
    const auto run = diplograph("query " + store() + " 'SELECT * WHERE { ?s ?p ?o }' " + flags);
    EXPECT_EQ(run.status, 2) << flags << ": " << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  }
}

}  // namespace
