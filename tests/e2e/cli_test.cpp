// End-to-end: the diplograph binary on the sample corpus, and every bad input a user can give.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "suite_store.h"

namespace {

namespace fs = std::filesystem;

using diplograph::e2e::diplograph;
using diplograph::e2e::Run;
using diplograph::e2e::quoted;

class CliTest : public diplograph::e2e::SuiteWithStore {
 protected:
  static void SetUpTestSuite() { ingest("dg-cli", "data/corpus"); }
  static std::string snapshot() { return diplograph("export " + store() + " --format nt").out; }
};

TEST_F(CliTest, MeetingsCitingUnsc822IsTheNewYorkMeetingOf2016) {
  const auto run = diplograph("query " + store() + " --name meetings-citing --param 'resolution=UNSC 822 (1993)' --format csv");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 2) << run.out;
  EXPECT_NE(run.out.find("2016-09-19"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("New York"), std::string::npos) << run.out;
}

TEST_F(CliTest, EightStatesAttendedTheMeetingsCitingUnsc822) {
  const auto run = diplograph("query " + store() + " --name states-at-meetings-citing --param 'resolution=S/RES/822 (1993)' --format tsv");
  ASSERT_EQ(run.status, 0) << run.err;
  std::vector<std::string> codes;
  std::regex code("\"([A-Z]{3})\"");
  for (std::sregex_iterator it(run.out.begin(), run.out.end(), code), end; it != end; ++it) codes.push_back((*it)[1]);
  std::sort(codes.begin(), codes.end());
  EXPECT_EQ(codes, (std::vector<std::string>{"AZE", "DJI", "GMB", "MAR", "MYS", "PAK", "SAU", "TUR"}));
}

TEST_F(CliTest, EvidenceShowsTheSentenceBehindACitation) {
  const auto run = diplograph("query " + store() + " --name evidence --param 'resolution=2374 (2017)' --format json");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("régime de sanctions"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("oic_mali_contact_group_2017_fr.md"), std::string::npos);
}

TEST_F(CliTest, AQueryDeclaringAUsualPrefixKeepsItsOwnIri) {
  // Without a declaration of its own, dg: is diplograph's vocabulary; with one, it is the query's.
  const std::string where = " 'ASK { ?d dg:reportsOn ?m }'";
  const auto usual = diplograph("query " + store() + where);
  const auto own = diplograph("query " + store() + " 'PREFIX dg: <http://example.org/other#>" + where.substr(2));
  ASSERT_EQ(usual.status, 0) << usual.err;
  ASSERT_EQ(own.status, 0) << own.err;
  EXPECT_NE(usual.out.find("true"), std::string::npos) << usual.out;
  EXPECT_NE(own.out.find("false"), std::string::npos) << own.out;
}

TEST_F(CliTest, IngestingTwiceChangesNothing) {
  const auto before = snapshot();
  const auto run = diplograph("ingest " + store() + " data/corpus");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("2 unchanged"), std::string::npos) << run.out;
  EXPECT_EQ(snapshot(), before);
}

TEST_F(CliTest, ListsCannedQueriesWithParameters) {
  const auto run = diplograph("query --list");
  ASSERT_EQ(run.status, 0) << run.err;
  for (const char* name : {"meetings-citing", "states-at-meetings-citing", "evidence", "--param resolution=<resolution>"})
    EXPECT_NE(run.out.find(name), std::string::npos) << name;
}

TEST_F(CliTest, StatsCountsEntitiesAndCitations) {
  const auto run = diplograph("stats " + store());
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("State"), std::string::npos);
  EXPECT_NE(run.out.find("UNSC 822 (1993)"), std::string::npos) << run.out;
}

TEST_F(CliTest, TurtleExportParsesWithRapper) {
  const fs::path ttl = dir() / "graph.ttl";
  ASSERT_EQ(diplograph("export " + store() + " --format ttl -o '" + ttl.string() + "'").status, 0);
  const auto count = diplograph("stats " + store()).out;
  FILE* rapper = ::popen(("rapper -q -i turtle -c '" + ttl.string() + "' 2>&1").c_str(), "r");
  std::array<char, 512> line{};
  std::string out;
  while (std::fgets(line.data(), line.size(), rapper)) out += line.data();
  EXPECT_EQ(::pclose(rapper), 0) << out;
}

TEST_F(CliTest, DotExportRendersWithDot) {
  const fs::path dot = dir() / "graph.dot";
  ASSERT_EQ(diplograph("export " + store() + " --format dot -o '" + dot.string() + "'").status, 0);
  EXPECT_EQ(std::system(("dot -Tsvg '" + dot.string() + "' -o /dev/null 2>'" + (dir() / "dot.err").string() + "'").c_str()), 0);
  EXPECT_EQ(fs::file_size(dir() / "dot.err"), 0u) << "dot printed warnings";
}

TEST_F(CliTest, SvgExportIsAnSvgPicture) {
  const auto run = diplograph("export " + store() + " --format svg");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("<svg"), std::string::npos);
  EXPECT_NE(run.out.find("Azerbaijan"), std::string::npos);
}

// Every bad input: one line on stderr, a non-zero exit, and the store exactly as it was.
struct BadCase {
  const char* name;
  std::string args;  // "{file}" is replaced by the fixture's path, "{store}" by the store flag
  std::string fixture;
  const char* expected;  // a part of the one-line message
};

TEST_F(CliTest, BadInputGivesOneLineAndLeavesTheStoreAsItWas) {
  const std::vector<BadCase> cases = {
      {"missing-path", "ingest {store} /nonexistent/report.md", "", "no such file"},
      {"empty-file", "ingest {store} {file}", "", "empty"},
      {"whitespace-file", "ingest {store} {file}", "  \n\n ", "empty"},
      {"binary-file", "ingest {store} {file}", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16), "binary"},
      {"invalid-utf8", "ingest {store} {file}", "R\xc3\xa9union du Groupe \xff\xfe de contact", "UTF-8"},
      {"truncated-pdf", "ingest {store} {file}", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "PDF"},
      {"unknown-flag", "ingest {store} --frobnicate data/corpus", "", "unknown flag --frobnicate"},
      {"unknown-command", "frobnicate", "", "unknown command"},
      {"malformed-sparql", "query {store} 'SELECT ?x WHERE { ?x'", "", "SPARQL"},
      {"unknown-canned-query", "query {store} --name no-such-query", "", "no canned query"},
      {"missing-parameter", "query {store} --name meetings-citing", "", "needs --param resolution"},
      {"unknown-resolution", "query {store} --name meetings-citing --param 'resolution=UNSC 9999 (2099)'", "", "no resolution"},
      {"bad-export-format", "export {store} --format gif", "", "unknown export format"},
      {"remove-unknown", "remove {store} nothing.md", "", "not in the store"},
  };
  const auto before = snapshot();
  for (const auto& c : cases) {
    std::string args = c.args;
    const std::string ext = std::string(c.name) == "truncated-pdf" ? ".pdf" : ".txt";
    if (auto at = args.find("{file}"); at != std::string::npos)
      args.replace(at, 6, "'" + file(std::string(c.name) + ext, c.fixture).string() + "'");
    if (auto at = args.find("{store}"); at != std::string::npos) args.replace(at, 7, store());
    const auto run = diplograph(args);
    EXPECT_NE(run.status, 0) << c.name;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << c.name << ": " << run.err;
    EXPECT_NE(run.err.find(c.expected), std::string::npos) << c.name << ": " << run.err;
    EXPECT_EQ(run.err.find("internal error"), std::string::npos) << c.name << ": " << run.err;
  }
  EXPECT_EQ(snapshot(), before);
}

TEST_F(CliTest, FolderIngestSkipsBadFilesListsThemAndFailsUnlessAllowed) {
  const fs::path folder = dir() / "mixed";
  fs::create_directories(folder);
  fs::copy_file(DIPLOGRAPH_SOURCE_DIR "/data/corpus/oic_mali_contact_group_2017_fr.md", folder / "mali.md");
  std::ofstream(folder / "empty.txt") << "";
  const std::string other = "--store " + quoted(dir() / "other-store") + " ";
  auto run = diplograph("ingest " + other + "'" + folder.string() + "'");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("skipped"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("1 added"), std::string::npos) << run.out;
  run = diplograph("ingest " + other + "--allow-skipped '" + folder.string() + "'");
  EXPECT_EQ(run.status, 0) << run.err;
}

}  // namespace

namespace {

// On a terminal, a folder ingest draws a progress bar on stderr; in a pipe it stays quiet.
TEST(Progress, DrawnOnATerminalOnly) {
  const diplograph::test_support::ScratchFolder scratch("dg-progress");
  const std::string ingest = "'" DIPLOGRAPH_BINARY "' ingest --jobs 2 --store '" + scratch.path().string();
  const auto piped = diplograph::e2e::shell(ingest + "/a' tests/corpus/dev");
  ASSERT_EQ(piped.status, 0) << piped.err;
  EXPECT_EQ(piped.err.find("documents"), std::string::npos) << piped.err;
  if (diplograph::e2e::shell("command -v script").status != 0) GTEST_SKIP() << "util-linux script not installed";
  const auto terminal = diplograph::e2e::shell("script -qec \"" + ingest + "/b' tests/corpus/dev\" /dev/null");
  ASSERT_EQ(terminal.status, 0) << terminal.out;
  EXPECT_NE(terminal.out.find("12/12 documents"), std::string::npos) << terminal.out;
  EXPECT_NE(terminal.out.find("MB/s"), std::string::npos);
}

}  // namespace
