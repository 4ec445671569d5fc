// Every canned question over the sample corpus and the shared development corpus, checked
// against answers written by hand from the documents (and their gold annotations), not from
// diplograph's own output. Parameters are given in the forms analysts type.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "suite_store.h"

namespace {

namespace fs = std::filesystem;
using diplograph::e2e::diplograph;
using Rows = std::vector<std::vector<std::string>>;

class CannedQueries : public diplograph::e2e::SuiteWithStore {
 protected:
  static void SetUpTestSuite() { ingest("dg-canned", "data/corpus tests/corpus/dev"); }

  // The rows of a canned query as strings, columns by name, from its SPARQL JSON results.
  static Rows ask(const std::string& name, const std::string& parameter, const std::vector<std::string>& columns) {
    const auto run = diplograph("query " + store() + " --name " + name +
                                (parameter.empty() ? "" : " --param '" + parameter + "'") + " --format json");
    EXPECT_EQ(run.status, 0) << name << ": " << run.err;
    Rows rows;
    const auto results = nlohmann::json::parse(run.out, nullptr, false);
    if (results.is_discarded()) return rows;
    for (const auto& binding : results["results"]["bindings"]) {
      std::vector<std::string> row;
      for (const auto& column : columns) row.push_back(binding.contains(column) ? binding[column]["value"].get<std::string>() : "");
      rows.push_back(row);
    }
    return rows;
  }

  static std::set<std::string> column(const Rows& rows, std::size_t index) {
    std::set<std::string> out;
    for (const auto& row : rows) out.insert(row[index]);
    return out;
  }

};

// The report of the first meeting of the contact group on Armenia's aggression against
// Azerbaijan (New York, 19 September 2016) is the only one that cites UNSC 822 (1993).
TEST_F(CannedQueries, MeetingsCitingUnsc822) {
  const auto rows = ask("meetings-citing", "resolution=S/RES/822 (1993)", {"date", "place", "document"});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "2016-09-19");
  EXPECT_EQ(rows[0][1], "New York");
  EXPECT_TRUE(rows[0][2].ends_with("oic_armenia_azerbaijan_contact_group_2016_fr.md"));
}

// Its participants, as listed in the report.
TEST_F(CannedQueries, StatesAtMeetingsCitingUnsc822) {
  const auto rows = ask("states-at-meetings-citing", "resolution=822 (1993)", {"code", "meetings"});
  EXPECT_EQ(column(rows, 0), (std::set<std::string>{"AZE", "DJI", "GMB", "MAR", "MYS", "PAK", "SAU", "TUR"}));
  EXPECT_EQ(column(rows, 1), std::set<std::string>{"1"});
}

// The minister recalled 822, 853, 874 and 884 (1993) together.
TEST_F(CannedQueries, ResolutionsCoCitedWithUnsc822) {
  const auto rows = ask("co-cited", "resolution=UNSC 822", {"label", "meetings"});
  EXPECT_EQ(rows, (Rows{{"UNSC 853 (1993)", "1"}, {"UNSC 874 (1993)", "1"}, {"UNSC 884 (1993)", "1"}}));
}

// The Mali contact group welcomed resolution 2374 (2017): the sentence says so.
TEST_F(CannedQueries, EvidenceForUnsc2374) {
  const auto rows = ask("evidence", "resolution=UNSC 2374 (2017)", {"document", "text", "sentence"});
  ASSERT_FALSE(rows.empty());
  for (const auto& row : rows) {
    EXPECT_TRUE(row[0].ends_with("oic_mali_contact_group_2017_fr.md"));
    EXPECT_NE(row[1].find("2374"), std::string::npos);
    EXPECT_NE(row[2].find("2374 (2017)"), std::string::npos) << row[2];
  }
}

// The sentence behind an edge: the Security Council adopted 822 (1993), as the report says.
TEST_F(CannedQueries, EvidenceBehindAnEdge) {
  const auto run = diplograph("query " + store() +
                              " --name fact-evidence --param 'from=UNSC 822 (1993)' --param to=UNSC --format csv");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("https://diplograph.org/ns#adoptedBy,data/corpus/oic_armenia_azerbaijan_contact_group_2016_fr.md"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("Conseil de sécurité"), std::string::npos);
}

// Azerbaijan took part in the 13th Islamic Summit, its own contact group in 2016 and the Jammu and
// Kashmir contact group in 2017 and 2021 (gold annotations of seeds and dev).
TEST_F(CannedQueries, AzerbaijansMeetings) {
  const auto rows = ask("state-meetings", "state=Azerbaïdjan", {"date", "meeting", "cited"});
  EXPECT_EQ(column(rows, 0), (std::set<std::string>{"2016-04-14", "2016-09-19", "2017-09-20", "2021-09-23"}));
  std::set<std::string> cited2016;
  for (const auto& row : rows) {
    if (row[0] == "2016-09-19") cited2016.insert(row[2]);
  }
  EXPECT_EQ(cited2016, (std::set<std::string>{"UNSC 822 (1993)", "UNSC 853 (1993)", "UNSC 874 (1993)", "UNSC 884 (1993)"}));
}

// Mammadyarov was Azerbaijan's foreign minister in both reports that name him.
TEST_F(CannedQueries, PersonsAndTheirPosts) {
  const auto rows = ask("persons-posts", "", {"person", "post", "in", "date"});
  const std::set<Rows::value_type> all(rows.begin(), rows.end());
  EXPECT_TRUE(all.count({"Elmar Mammadyarov", "Minister of Foreign Affairs", "Azerbaijan", "2016-09-19"}));
  EXPECT_TRUE(all.count({"Elmar Mammadyarov", "Minister of Foreign Affairs", "Azerbaijan", "2017-09-20"}));
}

// Five contact groups met on the margins of an Annual Coordination Meeting (gold sidelines_of).
TEST_F(CannedQueries, MeetingsOnTheSidelinesOfTheAnnualCoordinationMeeting) {
  const auto rows = ask("sidelines", "", {"date", "meeting", "of"});
  std::set<std::string> onAcm;
  for (const auto& row : rows) {
    if (row[2].starts_with("Annual Coordination Meeting")) onAcm.insert(row[0] + " " + row[1].substr(row[1].rfind('/') + 1));
  }
  EXPECT_EQ(onAcm, (std::set<std::string>{"2000-09-15 2000-09-15-new-york-contact-group-sle-1",
                                          "2016-09-19 2016-09-19-new-york-contact-group-1",
                                          "2017-09-19 2017-09-19-new-york-contact-group-mmr",
                                          "2017-09-20 2017-09-20-new-york-contact-group-jammu-and-kashmir",
                                          "2017-09-20 2017-09-20-new-york-contact-group-mli"}));
}

TEST_F(CannedQueries, CitationCountsPerYear) {
  const auto rows = ask("citation-counts", "", {"resolution", "year", "meetings"});
  const std::set<Rows::value_type> all(rows.begin(), rows.end());
  EXPECT_TRUE(all.count({"UNSC 822 (1993)", "2016", "1"}));
  EXPECT_TRUE(all.count({"UNSC 2374 (2017)", "2017", "1"}));
  EXPECT_TRUE(all.count({"UNGA 194", "2019", "1"}));  // recalled by the Makkah summit, no year given
}

// UNSC 2359 (2017) is the only resolution cited by two meetings (gold cites of seeds and dev).
TEST_F(CannedQueries, MostCited) {
  const auto rows = ask("most-cited", "", {"resolution", "meetings"});
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0], (std::vector<std::string>{"UNSC 2359 (2017)", "2"}));
  EXPECT_EQ(rows.size(), 10u);  // the top ten
}

// Mali is named in five documents (gold State lists).
TEST_F(CannedQueries, DocumentsMentioningMali) {
  std::set<std::string> names;
  for (const auto& document : column(ask("documents-mentioning", "entity=MLI", {"document"}), 0))
    names.insert(fs::path(document).filename().string());
  EXPECT_EQ(names, (std::set<std::string>{"oic_14th_islamic_summit_makkah_2019_fr.txt",
                                          "oic_annual_coordination_meeting_2018_en.txt",
                                          "oic_cfm44_abidjan_resolutions_2017_fr.txt", "oic_cfm46_abu_dhabi_2019_en.txt",
                                          "oic_mali_contact_group_2017_fr.md"}));
}

// The union of the gold annotations: 44 states, 31 organizations, 33 resolutions, 14 documents.
TEST_F(CannedQueries, EntityCounts) {
  const auto rows = ask("entity-counts", "", {"type", "count"});
  const std::set<Rows::value_type> all(rows.begin(), rows.end());
  for (const Rows::value_type& expected : Rows{{"State", "44"}, {"Organization", "31"}, {"Resolution", "33"}, {"Document", "14"}})
    EXPECT_TRUE(all.count(expected)) << expected[0];
}

}  // namespace
