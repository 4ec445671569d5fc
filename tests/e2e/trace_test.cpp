// End-to-end: the views `export` draws beyond the whole graph, on the sample corpus: the trace
// of a resolution on a time axis (--focus), a view chosen by SPARQL (--construct) and labels in
// French or English (--lang). Graphviz's `dot` draws every DOT file without a warning and rapper
// counts the triples of a --construct export.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "suite_store.h"

namespace {

namespace fs = std::filesystem;
using diplograph::e2e::diplograph;
using diplograph::e2e::shell;

std::size_t count(const std::string& text, const std::string& pattern) {
  const std::regex re(pattern);
  return static_cast<std::size_t>(std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

class TraceTest : public diplograph::e2e::SuiteWithStore {
 protected:
  static void SetUpTestSuite() {
    ingest("dg-trace", "data/corpus");
    // The meetings of the corpus and the resolutions they cite: six citations by two meetings.
    file("cites.rq", "# Which meeting cites which resolution\n"
                     "CONSTRUCT { ?m dg:cites ?r } WHERE { ?m a dg:Meeting ; dg:cites ?r }\n");
    file("select.rq", "SELECT ?m WHERE { ?m a dg:Meeting }\n");
  }
  static std::string path(const std::string& name) { return diplograph::e2e::quoted(dir() / name); }

  // Runs `export ARGS` into a file of the temporary folder and returns the file's text.
  static std::string exported(const std::string& name, const std::string& args) {
    const auto run = diplograph("export " + store() + " " + args + " -o " + path(name));
    EXPECT_EQ(run.status, 0) << args << ": " << run.err;
    std::ifstream in(dir() / name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  // Exports DOT with ARGS and checks that `dot` draws it without a word on stderr.
  static std::string drawn(const std::string& name, const std::string& args) {
    const std::string dot = exported(name, "--format dot " + args);
    const auto run = shell("dot -Tsvg " + path(name) + " -o /dev/null");
    EXPECT_EQ(run.status, 0) << args << ": " << run.err;
    EXPECT_EQ(run.err, "") << args << ": dot printed warnings";
    return dot;
  }

};

TEST_F(TraceTest, TraceOfUnsc822ShowsThe2016NewYorkMeetingAndItsAttendees) {
  const std::string dot = drawn("trace-822.dot", "--focus 'UNSC 822 (1993)'");
  // The meeting, alone on the 2016 rank, after the resolution on the 1993 rank.
  std::smatch meeting;
  ASSERT_TRUE(std::regex_search(dot, meeting, std::regex(R"(\n(\d+)\[label="[^"]*New York, 2016-09-19")"))) << dot;
  EXPECT_NE(dot.find("{rank=same; year_2016; " + meeting[1].str() + ";}"), std::string::npos) << dot;
  EXPECT_NE(dot.find("year_1993 -> year_2016"), std::string::npos) << dot;
  // Its eight attendee states, named as the French report names them, and the three other
  // resolutions it cited.
  for (const char* code : {"AZE", "DJI", "GMB", "MAR", "MYS", "PAK", "SAU", "TUR"})
    EXPECT_NE(dot.find("tooltip=\"https://diplograph.org/id/state/" + std::string(code) + "\""), std::string::npos) << code;
  EXPECT_NE(dot.find("label=\"Azerbaïdjan\""), std::string::npos) << dot;
  EXPECT_EQ(count(dot, "\n" + meeting[1].str() + R"(->\d+ \[label="participant"\])"), 8u) << dot;
  EXPECT_EQ(count(dot, "\n" + meeting[1].str() + R"(->\d+ \[label="cite"\])"), 4u) << dot;
  for (const char* other : {"UNSC 853 (1993)", "UNSC 874 (1993)", "UNSC 884 (1993)"})
    EXPECT_NE(dot.find(other), std::string::npos) << other;
  EXPECT_NE(dot.find("Réunions citant UNSC 822 (1993), par année"), std::string::npos) << dot;
  // The Mali meeting cites other resolutions, not this one.
  EXPECT_EQ(dot.find("MALI"), std::string::npos) << dot;
}

TEST_F(TraceTest, TraceInEnglishAndAsPictures) {
  const std::string dot = drawn("trace-822-en.dot", "--focus 'S/RES/822 (1993)' --lang en");
  EXPECT_NE(dot.find("Meetings citing UNSC 822 (1993), by year"), std::string::npos) << dot;
  EXPECT_NE(dot.find("label=\"Azerbaijan\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("label=\"attendee\""), std::string::npos) << dot;
  EXPECT_EQ(exported("trace-822.png", "--format png --focus 'UNSC 822 (1993)'").substr(0, 4), "\x89PNG");
  EXPECT_NE(exported("trace-822.svg", "--format svg --focus 'UNSC 822 (1993)'").find("par année"), std::string::npos);
}

TEST_F(TraceTest, DepthGivesTheNeighbourhoodOfAResolutionInstead) {
  const std::string dot = drawn("neighbourhood-822.dot", "--focus 'UNSC 822 (1993)' --depth 1");
  EXPECT_EQ(dot.find("rank=same"), std::string::npos) << dot;
  EXPECT_NE(dot.find("New York, 2016-09-19"), std::string::npos) << dot;
  EXPECT_NE(dot.find("Security Council"), std::string::npos) << "the organization that adopted it";
}

TEST_F(TraceTest, ConstructExportsTheTriplesTheQueryReturns) {
  for (const auto& [format, parser] : {std::pair{"nt", "ntriples"}, {"ttl", "turtle"}, {"rdfxml", "rdfxml"}}) {
    const std::string file = std::string("cites.") + format;
    exported(file, std::string("--format ") + format + " --construct " + path("cites.rq"));
    const auto run = shell(std::string("rapper -c -i ") + parser + " " + path(file));
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_NE(run.err.find("returned 6 triples"), std::string::npos) << format << ": " << run.err;
  }
  const std::string nt = exported("cites.nt", "--format nt --construct " + path("cites.rq"));
  EXPECT_NE(nt.find("<https://diplograph.org/id/meeting/2016-09-19-new-york-contact-group-1> "
                    "<https://diplograph.org/ns#cites> <https://diplograph.org/id/resolution/unsc/822-1993> .\n"),
            std::string::npos)
      << nt;
}

TEST_F(TraceTest, ConstructDrawsTheEntitiesOfTheQuery) {
  const std::string dot = drawn("cites.dot", "--construct " + path("cites.rq"));
  EXPECT_EQ(count(dot, R"(\n\d+\[label=)"), 8u) << dot;  // two meetings, six resolutions
  EXPECT_EQ(count(dot, R"(\n\d+->\d+ \[label="cites"\])"), 6u) << dot;
  EXPECT_EQ(dot.find("Azerbaijan"), std::string::npos) << "no state in this view";
  const auto cytoscape = nlohmann::json::parse(exported("cites.json", "--format cytoscape --construct " + path("cites.rq")));
  EXPECT_EQ(cytoscape["elements"]["nodes"].size(), 8u);
  EXPECT_EQ(cytoscape["elements"]["edges"][0]["data"]["predicate"], "https://diplograph.org/ns#cites");
}

TEST_F(TraceTest, LangFrWritesTheLegendAndLabelsInFrench) {
  // The whole corpus comes from two reports: English by default, French on demand.
  EXPECT_NE(drawn("all.dot", "").find("label=\"Legend\""), std::string::npos);
  const std::string dot = drawn("all-fr.dot", "--lang fr");
  for (const char* word : {"label=\"Légende\"", "label=\"Réunion\"", "label=\"État\"", "label=\"Résolution\"",
                           "label=\"participant\"", "label=\"Azerbaïdjan\""})
    EXPECT_NE(dot.find(word), std::string::npos) << word;
  EXPECT_EQ(dot.find("label=\"Legend\""), std::string::npos);
}

TEST_F(TraceTest, BadExportsGiveOneLine) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"--format dot --lang de", "unknown --lang 'de' (expected fr or en)"},
      {"--format ttl --lang fr", "--lang applies to pictures"},
      {"--format dot --construct /nonexistent/view.rq", "/nonexistent/view.rq: cannot read query file"},
      {"--format dot --construct {dir}", "a folder, not a query file"},
      {"--format nt --construct {dir}/select.rq", "--construct needs a CONSTRUCT query, not SELECT"},
      {"--format dot --focus Atlantis", "nothing in the graph matches --focus 'Atlantis'"},
      {"--format dot --focus Mali --construct {dir}/cites.rq", "either --focus or --construct"},
      {"--format dot --max-nodes 0", "--max-nodes must be 1 or more"},
  };
  for (auto [args, expected] : cases) {
    for (std::size_t at; (at = args.find("{dir}")) != std::string::npos;) args.replace(at, 5, dir().string());
    const auto run = diplograph("export " + store() + " " + args);
    EXPECT_NE(run.status, 0) << args;
    EXPECT_EQ(run.out, "") << args;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << args << ": " << run.err;
    EXPECT_NE(run.err.find(expected), std::string::npos) << args << ": " << run.err;
  }
}

}  // namespace
