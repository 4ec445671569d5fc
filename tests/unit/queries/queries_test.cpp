// Canned-query catalogue, parameter binding and result formats.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "diplograph/extract/error.h"
#include "diplograph/graph/store.h"
#include "diplograph/graph/vocabulary.h"
#include "diplograph/queries/catalog.h"
#include "diplograph/queries/results.h"

namespace diplograph::queries {
namespace {

using graph::QueryResult;
using graph::Term;

QueryResult sample() {
  QueryResult r;
  r.variables = {"name", "place"};
  r.rows = {{Term::literal("Réunion, \"spéciale\"", "fr"), Term::iri("https://diplograph.org/id/place/new-york")},
            {Term::literal("x"), Term{}}};
  return r;
}

TEST(Catalog, EveryCannedQueryHasAQuestionAndAnExample) {
  const auto catalog = loadCatalog(DIPLOGRAPH_SOURCE_DIR "/queries");
  ASSERT_GE(catalog.size(), 9u);
  for (const auto& query : catalog) {
    EXPECT_FALSE(query.question.empty()) << query.name;
    EXPECT_NE(query.example.find(query.name), std::string::npos) << query.name;
    for (const auto& p : query.parameters) EXPECT_NE(query.sparql.find("$" + p.name), std::string::npos) << query.name;
  }
  EXPECT_NO_THROW(findQuery(catalog, "meetings-citing"));
  EXPECT_THROW(findQuery(catalog, "nope"), QueryError);
}

TEST(Catalog, EveryCannedQueryParsesInRasqal) {
  const auto catalog = loadCatalog(DIPLOGRAPH_SOURCE_DIR "/queries");
  auto store = graph::Store::openForReading({"", graph::StoreKind::Memory});
  for (const auto& query : catalog) {
    std::string text = query.sparql;
    for (const auto& p : query.parameters) {
      for (std::size_t at; (at = text.find("$" + p.name)) != std::string::npos;)
        text.replace(at, p.name.size() + 1, "<https://diplograph.org/id/x>");
    }
    EXPECT_NO_THROW(store.query(graph::vocab::sparqlPrefixes() + text)) << query.name;
  }
}

TEST(Catalog, ParametersAreNeverSplicedAsText) {
  CannedQuery q{"q", "?", "", {{"who", "text", ""}}, "SELECT * WHERE { ?s ?p $who }"};
  auto store = graph::Store::openForReading({"", graph::StoreKind::Memory});
  const auto bound = bindParameters(q, {{"who", "x\" } DELETE { ?s ?p ?o } #"}}, store);
  EXPECT_EQ(bound, "SELECT * WHERE { ?s ?p \"x\\\" } DELETE { ?s ?p ?o } #\" }");
  EXPECT_THROW(bindParameters(q, {}, store), QueryError);
  EXPECT_THROW(bindParameters(q, {{"who", "a"}, {"extra", "b"}}, store), QueryError);
}

TEST(Results, CsvQuotesAndTsvWritesTerms) {
  EXPECT_EQ(formatResult(sample(), ResultFormat::Csv),
            "name,place\r\n\"Réunion, \"\"spéciale\"\"\",https://diplograph.org/id/place/new-york\r\nx,\r\n");
  EXPECT_EQ(formatResult(sample(), ResultFormat::Tsv),
            "?name\t?place\n\"Réunion, \\\"spéciale\\\"\"@fr\t<https://diplograph.org/id/place/new-york>\n\"x\"\t\n");
}

TEST(Results, JsonFollowsSparqlResultsFormat) {
  const auto json = nlohmann::json::parse(formatResult(sample(), ResultFormat::Json));
  EXPECT_EQ(json["head"]["vars"], nlohmann::json({"name", "place"}));
  EXPECT_EQ(json["results"]["bindings"][0]["name"]["xml:lang"], "fr");
  EXPECT_EQ(json["results"]["bindings"][0]["place"]["type"], "uri");
  EXPECT_FALSE(json["results"]["bindings"][1].contains("place"));
}

TEST(Results, TableAlignsColumnsByCodePoints) {
  const auto table = formatResult(sample(), ResultFormat::Table);
  EXPECT_NE(table.find("(2 rows)"), std::string::npos);
  EXPECT_NE(table.find("name                "), std::string::npos) << table;
}

TEST(Results, UnknownFormatIsAUsageError) { EXPECT_THROW(resultFormatFromName("yaml"), UsageError); }

}  // namespace
}  // namespace diplograph::queries
