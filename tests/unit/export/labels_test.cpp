// Labels and picture words in French or English (--lang), on hand-made stores (world.h).
// labels.h and words.h are private headers of dg_export, reached by path: this binary links the
// library, not its src/ include folder.
#include "labels.h"

#include <gtest/gtest.h>

#include "words.h"
#include "diplograph/export/export.h"
#include "diplograph/extract/error.h"
#include "world.h"

namespace diplograph::exporter {
namespace {

using testing::kBase;

std::string labelOf(const graph::EntityGraph& graph, const std::string& iri) { return graph[*graph::findVertex(graph, iri)].label; }

// Djibouti is named only by its long French form; Mali by a heading in capitals and its name.
testing::Report djiboutiAndMali() {
  testing::Report r("djibouti");
  const auto dji = r.state("DJI", "Djibouti", "République de Djibouti");
  const auto mli = r.state("MLI", "Mali", "MALI");
  const auto meeting = r.meeting("2017-09-20-new-york", "Réunion de New York", "2017-09-20");
  r.attendee(meeting, dji);
  r.attendee(meeting, mli);
  return r;
}

TEST(BestSurfaceForm, ShortestNameOfAStateLongestOfAnOrganizationNeverAHeading) {
  EXPECT_EQ(bestSurfaceForm({"République d'Arménie", "Arménie"}, "State"), "Arménie");
  EXPECT_EQ(bestSurfaceForm({"MALI", "Mali"}, "State"), "Mali");
  EXPECT_EQ(bestSurfaceForm({"ÉTATS-UNIS", "États-Unis"}, "State"), "États-Unis");
  EXPECT_EQ(bestSurfaceForm({"OCI", "Organisation de la coopération islamique"}, "Organization"),
            "Organisation de la coopération islamique");
  EXPECT_EQ(bestSurfaceForm({"OCI", "Organisation"}, "Organization"), "Organisation");
  EXPECT_EQ(bestSurfaceForm({"ONU", "OCI"}, "Organization"), "OCI");  // only capitals: still one of them
  EXPECT_EQ(bestSurfaceForm({"Tchad", "Niger"}, "State"), "Niger");    // a tie: code point order
  EXPECT_EQ(bestSurfaceForm({}, "State"), "");
}

TEST(Relabel, FrenchUsesTheReportsFormsEnglishTheCanonicalLabels) {
  const auto store = testing::storeOf(djiboutiAndMali());
  auto view = graph::projectEntities(store);
  relabel(view, store, "fr");
  EXPECT_EQ(labelOf(view, kBase + "state/DJI"), "République de Djibouti");
  EXPECT_EQ(labelOf(view, kBase + "state/MLI"), "MALI");  // its only surface form
  EXPECT_EQ(labelOf(view, kBase + "meeting/2017-09-20-new-york"), "Réunion de New York");
  auto english = graph::projectEntities(store);
  relabel(english, store, "en");
  EXPECT_EQ(labelOf(english, kBase + "state/DJI"), "Djibouti");
}

TEST(Relabel, ResolutionsKeepTheirReference) {
  const auto store = testing::storeOf(testing::sahel());
  auto view = graph::projectEntities(store);
  relabel(view, store, "fr");
  EXPECT_EQ(labelOf(view, kBase + "resolution/unsc/101-2001"), "UNSC 101 (2001)");
  EXPECT_EQ(labelOf(view, kBase + "state/TCD"), "Tchad");
  EXPECT_EQ(labelOf(view, kBase + "state/PER"), "Pérou");
}

TEST(DefaultLanguage, TheReportsLanguageWhenTheViewComesFromOneReport) {
  const auto store = testing::storeOf(testing::sahel());
  EXPECT_EQ(defaultLanguage(store, graph::projectEntities(store)), "fr");
  auto two = graph::Store::openForReading({"", graph::StoreKind::Memory});
  two.ingest({testing::sahel().extraction(), djiboutiAndMali().extraction()});
  const auto all = graph::projectEntities(two);
  EXPECT_EQ(defaultLanguage(two, all), "en");  // Mali is named by both reports
  EXPECT_EQ(defaultLanguage(two, graph::neighbourhood(all, *graph::findVertex(all, kBase + "state/DJI"), 1)), "fr");
}

TEST(Words, FrenchLegendNotesAndRelations) {
  EXPECT_EQ(typeName("State", "fr"), "État");
  EXPECT_EQ(typeName("Meeting", "fr"), "Réunion");
  EXPECT_EQ(typeName("State", "en"), "State");
  EXPECT_EQ(typeName("City", "fr"), "City");  // a --construct view's own class stays as it is
  EXPECT_EQ(relationName("attendee", "fr"), "participant");
  EXPECT_EQ(relationName("Secretary-General", "fr"), "Secretary-General");
  EXPECT_EQ(legendTitle("fr"), "Légende");
  EXPECT_EQ(legendTitle("en"), "Legend");
  EXPECT_EQ(meetingCount(1, "fr"), "1 réunion");
  EXPECT_EQ(meetingCount(3, "en"), "3 meetings");
  EXPECT_EQ(traceTitle("UNSC 822 (1993)", "en"), "Meetings citing UNSC 822 (1993), by year");
  EXPECT_EQ(undatedRank("fr"), "sans date");
  EXPECT_NO_THROW(checkLanguage("fr"));
  EXPECT_THROW(checkLanguage("de"), UsageError);
}

TEST(ExportLanguage, ChosenOrTheReportsForPicturesRefusedForRdf) {
  const auto store = testing::storeOf(testing::sahel());
  ExportOptions options;
  std::string dot = exportGraph(store, options);
  EXPECT_NE(dot.find("label=\"Légende\""), std::string::npos);
  EXPECT_NE(dot.find("label=\"Tchad\""), std::string::npos);
  options.language = "en";
  dot = exportGraph(store, options);
  EXPECT_NE(dot.find("label=\"Legend\""), std::string::npos);
  EXPECT_NE(dot.find("label=\"Chad\""), std::string::npos);
  options.format = ExportFormat::Cytoscape;
  EXPECT_NE(exportGraph(store, options).find("\"label\": \"Chad\""), std::string::npos);
  options.format = ExportFormat::Turtle;
  EXPECT_THROW(exportGraph(store, options), UsageError);
  options.language = "de";
  options.format = ExportFormat::Dot;
  EXPECT_THROW(exportGraph(store, options), UsageError);
}

}  // namespace
}  // namespace diplograph::exporter
