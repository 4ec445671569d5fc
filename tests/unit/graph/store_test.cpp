// The store: transactions, idempotent ingest, replacement and removal of a document's facts.
#include <gtest/gtest.h>
#include <lmdb.h>

#include <algorithm>
#include <filesystem>

#include "diplograph/extract/error.h"
#include "diplograph/graph/lookup.h"
#include "diplograph/graph/mapping.h"
#include "diplograph/graph/store.h"
#include "diplograph/graph/vocabulary.h"
#include "scratch_folder.h"

namespace diplograph::graph {
namespace {

namespace fs = std::filesystem;
using extract::Entity;
using extract::EntityType;
using extract::Extraction;

const std::string kBase = "https://diplograph.org/id/";

// A tiny report: one meeting in New York citing UNSC 822 (1993), attended by Azerbaijan.
Extraction report(const std::string& name, const std::string& sha, bool withMalaysia = false) {
  Extraction x;
  x.text = "La réunion à New York a rappelé la résolution 822 (1993). L'Azerbaïdjan et la Malaisie.";
  x.sentences = {{0, 57}, {58, 88}};
  x.document = {kBase + "document/" + name, name + ".md", "fr", "Rapport", "", sha};
  Entity state{kBase + "state/AZE", EntityType::State, "Azerbaijan", {}, {{61, 72, "Azerbaïdjan"}}};
  state.keys.iso3166 = "AZE";
  Entity resolution{kBase + "resolution/unsc/822-1993", EntityType::Resolution, "UNSC 822 (1993)", {}, {{46, 56, "822 (1993)"}}};
  resolution.keys.issuer = "UNSC";
  resolution.keys.number = "822";
  resolution.keys.year = 1993;
  Entity place{kBase + "place/new-york", EntityType::Place, "New York", {}, {{13, 21, "New York"}}};
  place.keys.name = "New York";
  x.entities = {state, resolution, place};
  if (withMalaysia) {
    Entity mys{kBase + "state/MYS", EntityType::State, "Malaysia", {}, {{79, 87, "Malaisie"}}};
    mys.keys.iso3166 = "MYS";
    x.entities.push_back(mys);
  }
  extract::Meeting meeting;
  meeting.iri = kBase + "meeting/2016-09-19-new-york-contact-group";
  meeting.label = "Contact Group";
  meeting.date = "2016-09-19";
  meeting.place = place.iri;
  meeting.attendees = {state.iri};
  meeting.cites = {resolution.iri};
  x.meetings = {meeting};
  x.relations = {{meeting.iri, "cites", resolution.iri, std::nullopt, {46, 56}},
                 {meeting.iri, "attendee", state.iri, std::nullopt, {61, 72}}};
  return x;
}

// Every store test runs on each persistent kind: lmdb (the default) and hashes.
class StoreTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  StoreOptions options() const { return {path_, GetParam()}; }
  diplograph::test_support::ScratchFolder scratch_{"dg-store"};
  fs::path path_ = scratch_ / "store";
};

TEST_P(StoreTest, MissingStoreReadsAsEmpty) {
  EXPECT_EQ(Store::openForReading(options()).size(), 0u);
}

TEST_P(StoreTest, IngestPersistsAcrossOpens) {
  auto store = Store::openForReading(options());
  store.ingest({report("a", "1")});
  const auto size = store.size();
  EXPECT_GT(size, 20u);
  EXPECT_EQ(Store::openForReading(options()).size(), size);
}

TEST_P(StoreTest, IngestingTheSameDocumentTwiceChangesNothing) {
  auto store = Store::openForReading(options());
  store.ingest({report("a", "1")});
  const auto triples = store.triples();
  const auto again = store.ingest({report("a", "1")});
  EXPECT_EQ(again.documents.at(0).outcome, IngestReport::Entry::Outcome::Unchanged);
  EXPECT_EQ(store.triples(), triples);
}

TEST_P(StoreTest, SharedEntitiesAreOneNode) {
  auto store = Store::openForReading(options());
  store.ingest({report("a", "1"), report("b", "2")});
  const auto result = store.query(vocab::sparqlPrefixes() + "SELECT ?s WHERE { ?s a dg:State }");
  EXPECT_EQ(result.rows.size(), 1u);
}

TEST_P(StoreTest, ChangedDocumentReplacesItsFactsOnly) {
  auto store = Store::openForReading(options());
  store.ingest({report("a", "1", true)});
  const auto withMalaysia = store.size();
  store.ingest({report("a", "2", false)});
  EXPECT_LT(store.size(), withMalaysia);
  const auto mys = store.query(vocab::sparqlPrefixes() + "ASK { ?s dg:iso3166 \"MYS\" }");
  EXPECT_FALSE(mys.boolean);
}

TEST_P(StoreTest, ChangedDocumentKeepsFactsAnotherSupports) {
  auto store = Store::openForReading(options());
  store.ingest({report("a", "1", true), report("b", "2", true)});
  store.ingest({report("a", "3", false)});
  EXPECT_TRUE(store.query(vocab::sparqlPrefixes() + "ASK { ?s dg:iso3166 \"MYS\" }").boolean);
}

TEST_P(StoreTest, DocumentsChangedTogetherLeaveWhatAFreshIngestWould) {
  auto store = Store::openForReading(options());
  store.ingest({report("a", "1", true), report("b", "2", true), report("c", "3")});
  const auto second = store.ingest({report("a", "4", false), report("b", "5", false)});
  EXPECT_EQ(second.documents.at(1).outcome, IngestReport::Entry::Outcome::Replaced);
  diplograph::test_support::ScratchFolder fresh{"dg-store-fresh"};
  auto expected = Store::openForReading({fresh / "store", GetParam()});
  expected.ingest({report("a", "4", false), report("b", "5", false), report("c", "3")});
  EXPECT_EQ(store.triples(), expected.triples());
}

TEST_P(StoreTest, RemovingADocumentKeepsFactsAnotherSupports) {
  auto store = Store::openForReading(options());
  store.ingest({report("a", "1")});
  const auto single = store.triples();
  store.ingest({report("b", "2", true)});
  EXPECT_GT(store.remove("b.md"), 0u);
  EXPECT_EQ(store.triples(), single);
  store.remove(kBase + "document/a");
  EXPECT_EQ(store.size(), 0u);
}

TEST_P(StoreTest, RemovingAnUnknownDocumentIsAnInputError) {
  auto store = Store::openForReading(options());
  EXPECT_THROW(store.remove("nothing.md"), InputError);
}

TEST_P(StoreTest, MalformedSparqlIsAQueryErrorAndChangesNothing) {
  auto store = Store::openForReading(options());
  store.ingest({report("a", "1")});
  const auto size = store.size();
  EXPECT_THROW(store.query("SELECT ?x WHERE { ?x "), QueryError);
  EXPECT_EQ(store.size(), size);
}

TEST_P(StoreTest, EveryCitationHasItsSentence) {
  auto store = Store::openForReading(options());
  store.ingest({report("a", "1")});
  const auto result = store.query(vocab::sparqlPrefixes() +
                                  "SELECT ?text WHERE { ?f rdf:predicate dg:cites ; dg:evidence ?p . "
                                  "?p nif:sentence ?s . ?s nif:anchorOf ?text }");
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0][0].value, "La réunion à New York a rappelé la résolution 822 (1993).");
}

TEST_P(StoreTest, ResolvesWhatAnalystsType) {
  auto store = Store::openForReading(options());
  store.ingest({report("a", "1")});
  const std::string iri = kBase + "resolution/unsc/822-1993";
  for (const char* typed : {"UNSC 822 (1993)", "S/RES/822 (1993)", "822 (1993)", "822"})
    EXPECT_EQ(resolveEntity("resolution", typed, store), std::vector<std::string>{iri}) << typed;
  for (const char* typed : {"AZE", "Azerbaijan", "azerbaidjan"})
    EXPECT_EQ(resolveEntity("state", typed, store), std::vector<std::string>{kBase + "state/AZE"}) << typed;
  EXPECT_TRUE(resolveEntity("resolution", "UNGA 822 (1993)", store).empty());
}

TEST_P(StoreTest, ReadersOpenWhileAnotherStoreWrites) {
  auto writer = Store::openForReading(options());
  writer.ingest({report("a", "1")});
  auto reader = Store::openForReading(options());
  const auto before = reader.triples();
  writer.ingest({report("b", "2", true)});
  EXPECT_EQ(Store::openForReading(options()).size(), writer.size());
  EXPECT_FALSE(before.empty());
}

INSTANTIATE_TEST_SUITE_P(Kinds, StoreTest, ::testing::Values(StoreKind::Lmdb, StoreKind::Hashes),
                         [](const ::testing::TestParamInfo<StoreKind>& info) {
                           return info.param == StoreKind::Lmdb ? "lmdb" : "hashes";
                         });

// A first ingest killed after LMDB made its files but before the first commit.
TEST(StoreKinds, AnLmdbEnvironmentWithoutACommitReadsAsEmpty) {
  diplograph::test_support::ScratchFolder scratch{"dg-uncommitted"};
  MDB_env* env = nullptr;
  ASSERT_EQ(mdb_env_create(&env), MDB_SUCCESS);
  ASSERT_EQ(mdb_env_open(env, scratch.path().c_str(), 0, 0644), MDB_SUCCESS);
  mdb_env_close(env);
  ASSERT_TRUE(fs::exists(scratch / "data.mdb"));
  auto store = Store::openForReading({scratch.path()});
  EXPECT_EQ(store.size(), 0u);
  store.ingest({report("a", "1")});
  EXPECT_GT(Store::openForReading({scratch.path()}).size(), 20u);
}

TEST(StoreKinds, LmdbIsTheDefault) { EXPECT_EQ(StoreOptions{}.kind, StoreKind::Lmdb); }

TEST(StoreKinds, AStoreOfAnotherKindIsAClearError) {
  const diplograph::test_support::ScratchFolder scratch("dg-store-kinds");
  const fs::path& path = scratch.path();
  Store::openForReading({path / "l", StoreKind::Lmdb}).ingest({report("a", "1")});
  Store::openForReading({path / "h", StoreKind::Hashes}).ingest({report("a", "1")});
  EXPECT_TRUE(fs::exists(path / "l" / "data.mdb"));
  EXPECT_FALSE(fs::exists(path / "l" / "current"));  // no generations: one LMDB environment
  EXPECT_THROW(Store::openForReading({path / "l", StoreKind::Hashes}), StoreError);
  EXPECT_THROW(Store::openForReading({path / "h", StoreKind::Lmdb}), StoreError);
  EXPECT_EQ(Store::openForReading({path / "l", StoreKind::Lmdb}).triples(),
            Store::openForReading({path / "h", StoreKind::Hashes}).triples());
}

TEST(StoreKinds, NamesAreParsed) {
  EXPECT_EQ(storeKindFromName("lmdb"), StoreKind::Lmdb);
  EXPECT_EQ(storeKindFromName("hashes"), StoreKind::Hashes);
  EXPECT_THROW(storeKindFromName("bdb"), UsageError);
}

TEST(Serialization, TurtleRoundTripsThroughRaptor) {
  const auto triples = toTriples(report("a", "1"));
  auto parsed = parseRdf(serializeTriples(triples, "turtle"), "turtle");
  std::sort(parsed.begin(), parsed.end());
  EXPECT_EQ(parsed, triples);
}

TEST(Serialization, HostileTextStaysValidNTriples) {
  Triple t{Term::iri("https://x/a b<c>"), Term::iri("https://x/p"), Term::literal("quote \" back \\ nl \n ctl \x01")};
  const auto parsed = parseRdf(toNTriples(t) + "\n", "ntriples");
  ASSERT_EQ(parsed.size(), 1u);
  EXPECT_EQ(parsed[0].object.value, t.object.value);
}

}  // namespace
}  // namespace diplograph::graph
