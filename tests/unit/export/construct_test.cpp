// Views chosen by SPARQL (--construct) on the hand-made sahel store (world.h), counted by hand.
// construct.h is a private header of dg_export, reached by path: this binary links the library,
// not its src/ include folder.
#include "construct.h"

#include <gtest/gtest.h>

#include <set>

#include "diplograph/export/export.h"
#include "diplograph/extract/error.h"
#include "diplograph/graph/vocabulary.h"
#include "world.h"

namespace diplograph::exporter {
namespace {

using graph::Term;
using testing::kBase;
namespace vocab = graph::vocab;

const std::string kCites = "CONSTRUCT { ?m dg:cites ?r } WHERE { ?m dg:cites ?r }";

TEST(ConstructTriples, GivesEachTripleOnceSorted) {
  const auto store = testing::storeOf(testing::sahel());
  const auto cites = constructTriples(store, kCites);
  EXPECT_EQ(cites.size(), 6u);
  EXPECT_TRUE(std::is_sorted(cites.begin(), cites.end()));
  // One solution per citation, but three meetings: the template's triple comes out once each.
  const auto meetings = constructTriples(store, "# meetings\nPREFIX ex: <http://example.org/#>\n"
                                                "construct { ?m a ex:Citing } WHERE { ?m dg:cites ?r }");
  EXPECT_EQ(meetings.size(), 3u);
}

TEST(ConstructTriples, RefusesOtherFormsAndMalformedQueries) {
  const auto store = testing::storeOf(testing::sahel());
  EXPECT_THROW(constructTriples(store, "SELECT * WHERE { ?s ?p ?o }"), QueryError);
  EXPECT_THROW(constructTriples(store, "PREFIX a: <http://a.org/#CONSTRUCT>\nASK { ?s ?p ?o }"), QueryError);
  EXPECT_THROW(constructTriples(store, "DESCRIBE <http://a.org/>"), QueryError);
  EXPECT_THROW(constructTriples(store, ""), QueryError);
  EXPECT_THROW(constructTriples(store, "CONSTRUCT { ?s ?p } WHERE { ?s ?p ?o }"), QueryError);
}

TEST(ProjectTriples, TakesTypesLabelsAndDatesFromTheStoreWhenTheTriplesLackThem) {
  const auto store = testing::storeOf(testing::sahel());
  const auto graph = projectTriples(constructTriples(store, kCites), store);
  ASSERT_EQ(boost::num_vertices(graph), 6u);
  EXPECT_EQ(boost::num_edges(graph), 6u);
  const auto first = *graph::findVertex(graph, kBase + "meeting/2001-01-10-first");
  EXPECT_EQ(graph[first].type, "Meeting");
  EXPECT_EQ(graph[first].label, "First meeting");
  EXPECT_EQ(graph[first].date, "2001-01-10");
  EXPECT_EQ(boost::out_degree(first, graph), 2u);
  for (auto [e, end] = boost::edges(graph); e != end; ++e) EXPECT_EQ(graph[*e].relation, "cites");
  EXPECT_EQ(graph[*graph::findVertex(graph, kBase + "resolution/unsc/103-2001")].type, "Resolution");
}

TEST(ProjectTriples, OwnClassesLabelsAndBlankNodesOfAnyVocabulary) {
  const auto store = testing::storeOf(testing::sahel());
  const std::string ex = "http://example.org/#";
  const Term mali = Term::iri(kBase + "state/MLI");
  const Term note = Term{Term::Kind::Blank, "n1", "", ""};
  const std::vector<graph::Triple> triples = {
      {mali, Term::iri(vocab::kRdf + "type"), Term::iri(ex + "Country")},
      {mali, Term::iri(vocab::kRdfs + "label"), Term::literal("Le Mali", "fr")},
      {mali, Term::iri(vocab::kSkos + "related"), Term::iri(kBase + "state/NER")},
      {note, Term::iri(ex + "about"), mali},
      {note, Term::iri(ex + "text"), Term::literal("a note")},  // a literal: no vertex, no edge
  };
  const auto graph = projectTriples(triples, store);
  ASSERT_EQ(boost::num_vertices(graph), 3u);
  ASSERT_EQ(boost::num_edges(graph), 2u);
  const auto& m = graph[*graph::findVertex(graph, mali.value)];
  EXPECT_EQ(m.type, "Country");   // its own class, though the store knows it as a dg:State
  EXPECT_EQ(m.label, "Le Mali");  // its own label
  const auto& niger = graph[*graph::findVertex(graph, kBase + "state/NER")];
  EXPECT_EQ(niger.type, "State");
  EXPECT_EQ(niger.label, "Niger");
  const auto blank = *graph::findVertex(graph, "_:n1");
  EXPECT_EQ(graph[blank].type, "Resource");
  std::set<std::string> relations;
  for (auto [e, end] = boost::edges(graph); e != end; ++e) relations.insert(graph[*e].relation);
  EXPECT_EQ(relations, (std::set<std::string>{"skos:related", ex + "about"}));
}

TEST(ExportConstruct, RdfFormatsHoldTheTriplesPicturesTheirEntities) {
  const auto store = testing::storeOf(testing::sahel());
  ExportOptions options;
  options.construct = kCites;
  options.format = ExportFormat::NTriples;
  const std::string nt = exportGraph(store, options);
  EXPECT_EQ(std::count(nt.begin(), nt.end(), '\n'), 6);
  EXPECT_EQ(graph::parseRdf(nt, "ntriples").size(), 6u);
  options.format = ExportFormat::Dot;
  const std::string dot = exportGraph(store, options);
  EXPECT_NE(dot.find("label=\"cite\""), std::string::npos) << dot;  // one French report: French words
  EXPECT_EQ(dot.find("Mali"), std::string::npos) << "states are not in this view";
  options.focus = "Mali";
  EXPECT_THROW(exportGraph(store, options), UsageError);
}

}  // namespace
}  // namespace diplograph::exporter
