// The "lmdb" librdf storage module (graph/src/lmdb/), driven through librdf exactly as the store
// and rasqal drive it, and checked against librdf's own in-memory storage on the same triples.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "diplograph/extract/error.h"
#include "librdf/world.h"
#include "lmdb/storage.h"
#include "scratch_folder.h"

namespace diplograph::graph {
namespace {

namespace fs = std::filesystem;
using librdf::bytes;

const std::string kX = "https://example.org/";
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

class LmdbStorageTest : public ::testing::Test {
 protected:

  librdf_world* world() const { return session_.world(); }

  // A new storage on path_ ("write='yes'" or "write='no'").
  librdf::Storage lmdb(const std::string& options = "write='yes'") const {
    return librdf::Storage(librdf_new_storage(world(), "lmdb", path_.c_str(), options.c_str()));
  }
  librdf::Storage memory() const {
    return librdf::Storage(librdf_new_storage(world(), "memory", nullptr, nullptr));
  }
  librdf::Model model(librdf_storage* storage) const {
    return librdf::Model(librdf_new_model(world(), storage, nullptr));
  }

  // Adds triples in one transaction (unless one is open already, or the storage has none), or
  // with `autocommit` one commit per triple.
  void add(librdf_model* model, const std::vector<Triple>& triples, bool autocommit = false) const {
    const bool transaction = !autocommit && librdf_model_transaction_start(model) == 0;
    for (const auto& triple : triples) {
      auto statement = session_.statement(triple);
      ASSERT_EQ(librdf_model_add_statement(model, statement.get()), 0) << toNTriples(triple);
    }
    if (transaction) {
      ASSERT_EQ(librdf_model_transaction_commit(model), 0);
    }
  }

  // The statements matching a pattern, as sorted N-Triples lines (duplicates kept).
  std::vector<std::string> find(librdf_model* model, const Triple& pattern) const {
    librdf::Statement statement(librdf_new_statement(world()));
    if (pattern.subject.kind != Term::Kind::Unbound)
      librdf_statement_set_subject(statement.get(), session_.node(pattern.subject).release());  // takes the node
    if (pattern.predicate.kind != Term::Kind::Unbound)
      librdf_statement_set_predicate(statement.get(), session_.node(pattern.predicate).release());
    if (pattern.object.kind != Term::Kind::Unbound)
      librdf_statement_set_object(statement.get(), session_.node(pattern.object).release());
    librdf::Stream stream(librdf_model_find_statements(model, statement.get()));
    std::vector<std::string> lines;
    for (const auto& triple : session_.drain(stream.get())) lines.push_back(toNTriples(triple));
    std::sort(lines.begin(), lines.end());
    return lines;
  }

  std::vector<std::string> all(librdf_model* model) const { return find(model, {}); }

  bool contains(librdf_model* model, const Triple& triple) const {
    auto statement = session_.statement(triple);
    return librdf_model_contains_statement(model, statement.get()) != 0;
  }

  // SELECT rows as sorted strings "a|b|c" (unbound values are empty).
  std::vector<std::string> select(librdf_model* model, const std::string& sparql) const {
    librdf::Query query(librdf_new_query(world(), "sparql", nullptr, bytes(sparql), nullptr));
    EXPECT_TRUE(query) << sparql;
    if (!query) return {};
    librdf::QueryResults results(librdf_query_execute(query.get(), model));
    EXPECT_TRUE(results) << sparql;
    if (!results) return {};
    std::vector<std::string> rows;
    const int count = librdf_query_results_get_bindings_count(results.get());
    for (; !librdf_query_results_finished(results.get()); librdf_query_results_next(results.get())) {
      std::string row;
      for (int i = 0; i < count; ++i) {
        librdf::Node value(librdf_query_results_get_binding_value(results.get(), i));  // a new node: ours
        if (i > 0) row += "|";
        if (value) row += toNTriples(librdf::Session::term(value.get()));
      }
      rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
  }

  bool ask(librdf_model* model, const std::string& sparql) const {
    librdf::Query query(librdf_new_query(world(), "sparql", nullptr, bytes(sparql), nullptr));
    librdf::QueryResults results(query ? librdf_query_execute(query.get(), model) : nullptr);
    EXPECT_TRUE(results && librdf_query_results_is_boolean(results.get())) << sparql;
    return results && librdf_query_results_get_boolean(results.get()) > 0;
  }

  librdf::Session session_;
  diplograph::test_support::ScratchFolder scratch_{"dg-lmdb"};
  fs::path path_ = scratch_ / "store";  // not there until a storage creates it
};

Term iri(const std::string& local) { return Term::iri(kX + local); }
Term blank(const std::string& id) { return {Term::Kind::Blank, id, "", ""}; }

// Triples over a small vocabulary, so that patterns share terms: IRIs, blank nodes, plain,
// language-tagged and typed literals.
std::vector<Triple> randomTriples(std::size_t count, unsigned seed) {
  std::mt19937 rng(seed);
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  auto subject = [&] { return pick(5) == 0 ? blank("b" + std::to_string(pick(4))) : iri("s" + std::to_string(pick(25))); };
  auto object = [&]() -> Term {
    switch (pick(6)) {
      case 0: return blank("b" + std::to_string(pick(4)));
      case 1: return Term::literal("label " + std::to_string(pick(10)));
      case 2: return Term::literal("étiquette " + std::to_string(pick(5)), pick(2) ? "fr" : "en");
      case 3: return Term::typed(std::to_string(1990 + pick(10)), kXsd + "integer");
      default: return iri("s" + std::to_string(pick(25)));
    }
  };
  std::vector<Triple> triples;
  for (std::size_t i = 0; i < count; ++i) triples.push_back({subject(), iri("p" + std::to_string(pick(6))), object()});
  return triples;
}

TEST_F(LmdbStorageTest, EveryFindPatternMatchesTheMemoryStorage) {
  auto ours = lmdb();
  ASSERT_TRUE(ours);
  auto theirs = memory();
  auto a = model(ours.get());
  auto b = model(theirs.get());
  const auto triples = randomTriples(400, 7);
  add(a.get(), triples);
  add(b.get(), triples);
  ASSERT_EQ(librdf_model_size(a.get()), librdf_model_size(b.get()));
  ASSERT_EQ(all(a.get()), all(b.get()));
  std::mt19937 rng(11);
  for (int mask = 0; mask < 8; ++mask) {  // bit 2: subject bound, bit 1: predicate, bit 0: object
    std::size_t matched = 0;
    for (int sample = 0; sample < 30; ++sample) {
      const Triple& t = triples[std::uniform_int_distribution<std::size_t>(0, triples.size() - 1)(rng)];
      Triple pattern{(mask & 4) ? t.subject : Term{}, (mask & 2) ? t.predicate : Term{}, (mask & 1) ? t.object : Term{}};
      const auto expected = find(b.get(), pattern);
      EXPECT_EQ(find(a.get(), pattern), expected) << "pattern mask " << mask << ": " << toNTriples(t);
      matched += expected.size();
    }
    EXPECT_GT(matched, 0u) << mask;
  }
  // A term the store has never seen matches nothing, in every position.
  EXPECT_TRUE(find(a.get(), {iri("nowhere"), Term{}, Term{}}).empty());
  EXPECT_TRUE(find(a.get(), {Term{}, iri("nowhere"), Term{}}).empty());
  EXPECT_TRUE(find(a.get(), {Term{}, Term{}, Term::literal("nowhere")}).empty());
  // Combinations of bound terms that exist but never together.
  EXPECT_EQ(find(a.get(), {iri("s1"), iri("p1"), Term::literal("label 1", "de")}), std::vector<std::string>{});
}

TEST_F(LmdbStorageTest, ContainsRemoveAndSize) {
  auto storage = lmdb();
  auto m = model(storage.get());
  const Triple t1{iri("s1"), iri("p1"), Term::literal("one", "en")};
  const Triple t2{iri("s1"), iri("p1"), Term::literal("one", "fr")};
  const Triple t3{blank("x"), iri("p2"), iri("s1")};
  add(m.get(), {t1, t2, t3}, true);
  EXPECT_EQ(librdf_model_size(m.get()), 3);
  add(m.get(), {t1}, true);  // adding again changes nothing
  EXPECT_EQ(librdf_model_size(m.get()), 3);
  EXPECT_TRUE(contains(m.get(), t1));
  EXPECT_TRUE(contains(m.get(), t3));
  EXPECT_FALSE(contains(m.get(), {iri("s1"), iri("p1"), Term::literal("one")}));
  EXPECT_FALSE(contains(m.get(), {iri("s1"), iri("p2"), Term::literal("one", "en")}));

  auto statement = session_.statement(t1);
  EXPECT_EQ(librdf_model_remove_statement(m.get(), statement.get()), 0);
  EXPECT_EQ(librdf_model_size(m.get()), 2);
  EXPECT_FALSE(contains(m.get(), t1));
  EXPECT_TRUE(contains(m.get(), t2));
  EXPECT_EQ(find(m.get(), {Term{}, Term{}, Term::literal("one", "en")}), std::vector<std::string>{});
  EXPECT_EQ(find(m.get(), {iri("s1"), Term{}, Term{}}).size(), 1u);
  EXPECT_EQ(find(m.get(), {Term{}, iri("p1"), Term{}}).size(), 1u);
  // Removing what is not there is not an error.
  EXPECT_EQ(librdf_model_remove_statement(m.get(), statement.get()), 0);
  auto unknown = session_.statement({iri("never"), iri("p1"), iri("s1")});
  EXPECT_EQ(librdf_model_remove_statement(m.get(), unknown.get()), 0);
  EXPECT_EQ(librdf_model_size(m.get()), 2);
}

TEST_F(LmdbStorageTest, TermsRoundTripThroughReopening) {
  const std::string longText(5000, 'x');  // longer than an LMDB key
  const std::vector<Triple> triples = {
      {iri("s"), iri("label"), Term::literal("Azerbaïdjan", "fr")},
      {iri("s"), iri("label"), Term::literal("Azerbaijan", "en")},
      {iri("s"), iri("label"), Term::literal("Azerbaijan")},
      {iri("s"), iri("date"), Term::typed("2016-09-19", kXsd + "date")},
      {iri("s"), iri("count"), Term::typed("7", kXsd + "integer")},
      {iri("s"), iri("empty"), Term::literal("")},
      {iri("s"), iri("text"), Term::literal("line\nbreak \"quoted\" \\ tab\t" + longText)},
      {iri("s"), iri("nul"), Term::literal(std::string("a\0b", 3))},
      {blank("n1"), iri("knows"), blank("n2")},
      {iri("état/é"), iri("p"), Term::iri(kX + "x?y=1#z")},
  };
  std::vector<std::string> expected;
  for (const auto& t : triples) expected.push_back(toNTriples(t));
  std::sort(expected.begin(), expected.end());
  {
    auto storage = lmdb();
    auto m = model(storage.get());
    add(m.get(), triples);
    EXPECT_EQ(all(m.get()), expected);
  }
  auto storage = lmdb();
  auto m = model(storage.get());
  EXPECT_EQ(all(m.get()), expected);
  for (const auto& t : triples) EXPECT_TRUE(contains(m.get(), t)) << toNTriples(t);
  EXPECT_EQ(find(m.get(), {Term{}, Term{}, Term::typed("2016-09-19", kXsd + "date")}).size(), 1u);
  EXPECT_TRUE(find(m.get(), {Term{}, Term{}, Term::literal("2016-09-19")}).empty());
}

TEST_F(LmdbStorageTest, RollbackLeavesNothing) {
  auto storage = lmdb();
  auto m = model(storage.get());
  add(m.get(), {{iri("kept"), iri("p"), iri("o")}});
  ASSERT_EQ(librdf_model_transaction_start(m.get()), 0);
  add(m.get(), randomTriples(200, 3));
  // Reads through the storage see the open transaction...
  EXPECT_GT(librdf_model_size(m.get()), 100);
  EXPECT_FALSE(find(m.get(), {Term{}, iri("p1"), Term{}}).empty());
  {
    // ...other storages on the same store do not.
    auto reader = lmdb("write='no'");
    ASSERT_TRUE(reader);
    auto r = model(reader.get());
    EXPECT_EQ(librdf_model_size(r.get()), 1);
  }
  ASSERT_EQ(librdf_model_transaction_rollback(m.get()), 0);
  EXPECT_EQ(librdf_model_size(m.get()), 1);
  EXPECT_TRUE(find(m.get(), {Term{}, iri("p1"), Term{}}).empty());
  // The ids the rolled-back transaction handed out are free again: new terms get them.
  add(m.get(), {{iri("after"), iri("p9"), Term::literal("fresh", "en")}}, true);
  EXPECT_EQ(find(m.get(), {iri("after"), Term{}, Term{}}),
            std::vector<std::string>{toNTriples(Triple{iri("after"), iri("p9"), Term::literal("fresh", "en")})});
  EXPECT_TRUE(find(m.get(), {iri("s1"), Term{}, Term{}}).empty());
  m.reset();
  storage.reset();
  auto again = lmdb("write='no'");
  auto r = model(again.get());
  EXPECT_EQ(librdf_model_size(r.get()), 2);
}

TEST_F(LmdbStorageTest, CommittedTransactionPersists) {
  const auto triples = randomTriples(300, 5);
  std::vector<std::string> expected;
  {
    auto storage = lmdb();
    auto m = model(storage.get());
    ASSERT_EQ(librdf_model_transaction_start(m.get()), 0);
    EXPECT_NE(librdf_model_transaction_start(m.get()), 0);  // one at a time
    add(m.get(), triples);
    expected = all(m.get());
    ASSERT_EQ(librdf_model_transaction_commit(m.get()), 0);
    EXPECT_NE(librdf_model_transaction_commit(m.get()), 0);  // nothing left to commit
  }
  auto storage = lmdb();
  auto m = model(storage.get());
  EXPECT_EQ(all(m.get()), expected);
}

TEST_F(LmdbStorageTest, UncommittedTransactionIsDroppedWhenTheStorageIsFreed) {
  {
    auto storage = lmdb();
    auto m = model(storage.get());
    ASSERT_EQ(librdf_model_transaction_start(m.get()), 0);
    add(m.get(), randomTriples(50, 1));
  }
  auto storage = lmdb("write='no'");
  auto m = model(storage.get());
  EXPECT_EQ(librdf_model_size(m.get()), 0);
}

TEST_F(LmdbStorageTest, ReadOnlyOpen) {
  EXPECT_FALSE(lmdb("write='no'"));  // nothing there yet: no store is created
  EXPECT_FALSE(fs::exists(path_ / "data.mdb"));
  const auto triples = randomTriples(100, 9);
  std::vector<std::string> expected;
  {
    auto storage = lmdb();
    auto m = model(storage.get());
    add(m.get(), triples);
    expected = all(m.get());
  }
  auto storage = lmdb("write='no'");
  ASSERT_TRUE(storage);
  auto m = model(storage.get());
  EXPECT_EQ(all(m.get()), expected);
  EXPECT_TRUE(contains(m.get(), triples[0]));
  auto statement = session_.statement({iri("new"), iri("p"), iri("o")});
  EXPECT_NE(librdf_model_add_statement(m.get(), statement.get()), 0);
  EXPECT_NE(librdf_model_transaction_start(m.get()), 0);
  EXPECT_EQ(all(m.get()), expected);
}

TEST_F(LmdbStorageTest, NewEmptiesAnExistingStore) {
  {
    auto storage = lmdb();
    auto m = model(storage.get());
    add(m.get(), randomTriples(20, 2));
  }
  auto storage = lmdb("new='yes'");
  auto m = model(storage.get());
  EXPECT_EQ(librdf_model_size(m.get()), 0);
}

TEST_F(LmdbStorageTest, StreamsGiveBackTheirReadTransactions) {
  auto storage = lmdb();
  auto m = model(storage.get());
  add(m.get(), randomTriples(100, 4));
  // Far more streams than LMDB has reader slots, one after another and some at once.
  for (int i = 0; i < 2000; ++i) EXPECT_FALSE(find(m.get(), {Term{}, iri("p" + std::to_string(i % 6)), Term{}}).empty());
  std::vector<librdf::Stream> open;
  for (int i = 0; i < 100; ++i) {
    librdf::Statement pattern(librdf_new_statement(world()));
    open.emplace_back(librdf_model_find_statements(m.get(), pattern.get()));
    ASSERT_TRUE(open.back());
  }
  open.clear();
  // A stream left half-read is fine too.
  librdf::Statement pattern(librdf_new_statement(world()));
  librdf::Stream half(librdf_model_find_statements(m.get(), pattern.get()));
  ASSERT_FALSE(librdf_stream_end(half.get()));
  librdf_stream_next(half.get());
}

TEST_F(LmdbStorageTest, StreamsInsideATransactionEndWithIt) {
  auto storage = lmdb();
  auto m = model(storage.get());
  add(m.get(), randomTriples(50, 8));
  ASSERT_EQ(librdf_model_transaction_start(m.get()), 0);
  librdf::Statement pattern(librdf_new_statement(world()));
  librdf::Stream stream(librdf_model_find_statements(m.get(), pattern.get()));
  ASSERT_TRUE(stream);
  ASSERT_FALSE(librdf_stream_end(stream.get()));
  // Writing while the stream is open is safe: it seeks again from where it was.
  add(m.get(), {{iri("zzz"), iri("p0"), iri("o")}});
  std::size_t seen = 0;
  for (; !librdf_stream_end(stream.get()) && seen < 10; librdf_stream_next(stream.get())) ++seen;
  EXPECT_EQ(seen, 10u);
  ASSERT_EQ(librdf_model_transaction_commit(m.get()), 0);
  // librdf keeps the current statement (still ours, still valid); the next one is the end.
  EXPECT_NE(librdf_stream_next(stream.get()), 0);
  EXPECT_TRUE(librdf_stream_end(stream.get()));
}

TEST_F(LmdbStorageTest, SparqlAnswersMatchTheMemoryStorage) {
  const std::string dg = kX;
  std::vector<Triple> triples;
  auto meeting = [&](int n, int year, std::vector<int> cites, std::vector<std::string> states) {
    const Term m = iri("meeting/" + std::to_string(n));
    triples.push_back({m, Term::iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), iri("Meeting")});
    triples.push_back({m, iri("date"), Term::typed(std::to_string(year) + "-01-01", kXsd + "date")});
    triples.push_back({m, iri("label"), Term::literal("Meeting " + std::to_string(n), "en")});
    for (int c : cites) triples.push_back({m, iri("cites"), iri("resolution/" + std::to_string(c))});
    for (const auto& s : states) triples.push_back({m, iri("attendee"), iri("state/" + s)});
  };
  meeting(1, 2016, {822, 853}, {"AZE", "TUR", "PAK"});
  meeting(2, 2017, {822}, {"AZE", "MLI"});
  meeting(3, 2018, {853, 874}, {"TUR"});
  meeting(4, 2019, {2374}, {"MLI", "NER"});
  meeting(5, 2019, {822, 2374}, {});
  triples.push_back({iri("resolution/822"), iri("label"), Term::literal("UNSC 822 (1993)")});
  triples.push_back({blank("note"), iri("about"), iri("meeting/1")});

  auto storage = lmdb();
  auto mem = memory();
  auto a = model(storage.get());
  auto b = model(mem.get());
  add(a.get(), triples);
  add(b.get(), triples);
  const std::string prefix = "PREFIX : <" + dg + "> PREFIX xsd: <" + kXsd + "> ";
  const std::string r822 = "<" + dg + "resolution/822>", r2374 = "<" + dg + "resolution/2374>";
  const std::string m1 = "<" + dg + "meeting/1>", m3 = "<" + dg + "meeting/3>", mli = "<" + dg + "state/MLI>";
  const std::vector<std::string> queries = {
      "SELECT ?m ?s WHERE { ?m :cites " + r822 + " . ?m :attendee ?s }",
      "SELECT ?s WHERE { ?m :cites " + r822 + " ; :attendee ?s }",  // (DISTINCT leaks in rasqal 0.9.33)
      "SELECT ?other (COUNT(?m) AS ?n) WHERE { ?m :cites " + r822 + " , ?other . FILTER(?other != " + r822 +
          ") } GROUP BY ?other",
      "SELECT ?m ?d ?s WHERE { ?m a :Meeting ; :date ?d OPTIONAL { ?m :attendee ?s } }",
      "SELECT ?m WHERE { ?m :attendee " + mli + " ; :cites " + r2374 + " }",
      "SELECT ?m ?l WHERE { ?m :label ?l FILTER(lang(?l) = 'en') }",
      "SELECT ?x ?p WHERE { ?x ?p " + m1 + " }",
      "SELECT ?p ?o WHERE { " + m3 + " ?p ?o }",
      "SELECT ?m WHERE { ?m :date \"2019-01-01\"^^xsd:date }",
      "SELECT ?m WHERE { " + m1 + " :cites ?r . ?m :cites ?r . FILTER(?m != " + m1 + ") }",
      "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
      "SELECT ?m WHERE { ?m :cites <" + dg + "resolution/9999> }",
  };
  for (const auto& q : queries) {
    const auto expected = select(b.get(), prefix + q);
    EXPECT_EQ(select(a.get(), prefix + q), expected) << q;
  }
  EXPECT_EQ(select(a.get(), prefix + queries[0]).size(), 5u);
  EXPECT_TRUE(ask(a.get(), prefix + "ASK { " + m1 + " :cites " + r822 + " }"));
  EXPECT_FALSE(ask(a.get(), prefix + "ASK { " + m3 + " :cites " + r822 + " }"));
  EXPECT_EQ(select(a.get(), prefix + queries[4]), std::vector<std::string>{"<" + dg + "meeting/4>"});
}

TEST_F(LmdbStorageTest, DocumentsLiveInTheSameTransaction) {
  auto storage = lmdb();
  auto m = model(storage.get());
  const std::string a = kX + "document/a";
  const std::string longIri = kX + "document/" + std::string(600, 'l');
  EXPECT_THROW(lmdb::putDocument(storage.get(), a, "x\n"), StoreError);  // outside a transaction
  ASSERT_EQ(librdf_model_transaction_start(m.get()), 0);
  lmdb::putDocument(storage.get(), a, "<a> <b> <c> .\n");
  lmdb::putDocument(storage.get(), longIri, "<l> <m> <n> .\n");
  EXPECT_EQ(lmdb::documentLines(storage.get(), a), "<a> <b> <c> .\n");
  ASSERT_EQ(librdf_model_transaction_rollback(m.get()), 0);
  EXPECT_EQ(lmdb::documentLines(storage.get(), a), std::nullopt);

  ASSERT_EQ(librdf_model_transaction_start(m.get()), 0);
  lmdb::putDocument(storage.get(), a, "<a> <b> <c> .\n");
  lmdb::putDocument(storage.get(), longIri, "<l> <m> <n> .\n");
  lmdb::putDocument(storage.get(), kX + "document/b", "");
  ASSERT_EQ(librdf_model_transaction_commit(m.get()), 0);
  EXPECT_EQ(lmdb::documentLines(storage.get(), longIri), "<l> <m> <n> .\n");
  EXPECT_EQ(lmdb::documentLines(storage.get(), longIri + "x"), std::nullopt);
  std::set<std::string> iris;
  lmdb::forEachDocument(storage.get(), [&](std::string_view iri, std::string_view) { iris.emplace(iri); });
  EXPECT_EQ(iris, (std::set<std::string>{a, longIri, kX + "document/b"}));

  ASSERT_EQ(librdf_model_transaction_start(m.get()), 0);
  lmdb::eraseDocument(storage.get(), a);
  ASSERT_EQ(librdf_model_transaction_commit(m.get()), 0);
  EXPECT_EQ(lmdb::documentLines(storage.get(), a), std::nullopt);

  auto other = memory();
  EXPECT_THROW(lmdb::documentLines(other.get(), a), StoreError);  // not an lmdb storage
}

TEST_F(LmdbStorageTest, DocumentLinesRoundTrip) {
  auto storage = lmdb();
  auto m = model(storage.get());
  std::string sorted;
  for (int i = 0; i < 300; ++i) {
    sorted += "<" + kX + "document/a#char=" + std::to_string(i) + "," + std::to_string(i + 7) + "> <" + kX +
              "p> \"é " + std::string(static_cast<std::size_t>(i % 200), 'x') + "\" .\n";
  }
  const std::string unsorted = "zeta\nalpha\nalphabet\n\nal\nzeta\n";
  ASSERT_EQ(librdf_model_transaction_start(m.get()), 0);
  lmdb::putDocument(storage.get(), "s", sorted);
  lmdb::putDocument(storage.get(), "u", unsorted);
  lmdb::putDocument(storage.get(), "n", "no newline at the end");
  ASSERT_EQ(librdf_model_transaction_commit(m.get()), 0);
  EXPECT_EQ(lmdb::documentLines(storage.get(), "s"), sorted);
  EXPECT_EQ(lmdb::documentLines(storage.get(), "u"), "zeta\nalpha\nalphabet\nal\nzeta\n");  // empty lines dropped
  EXPECT_EQ(lmdb::documentLines(storage.get(), "n"), "no newline at the end\n");
}

}  // namespace
}  // namespace diplograph::graph
