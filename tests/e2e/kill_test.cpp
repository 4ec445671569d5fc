// End-to-end crash safety: `diplograph ingest` killed with SIGKILL at random moments (a fixed
// seed) leaves a store that opens and holds every document fully or not at all; and a second
// writer on a locked store is refused with a clear message while readers go on reading.
//
// 200 small documents (the corpus reports under new names, each with a line of its own) in twenty
// folders of 10 are ingested one folder per run into one store; runs are killed at a random
// moment within nine tenths of the length of an uninterrupted run, so most die mid-way (while
// reading, extracting or writing) and some finish. After every run: `stats` works, the documents
// in the store are exactly the folders whose run committed (an ingest is one transaction), and
// each document's own triples (subject the document or one of its `#char=`/`#fact-` nodes) are
// exactly those a clean ingest of all 200 gives.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include "suite_store.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using diplograph::e2e::diplograph;
using Clock = std::chrono::steady_clock;

constexpr int kFolders = 20;
constexpr int kPerFolder = 10;

// Triples grouped by the document that owns them; shared entity triples are under "".
using Triples = std::map<std::string, std::set<std::string>>;

std::string owner(const std::string& line) {
  if (line.empty() || line[0] != '<') return "";
  const auto end = line.find_first_of(">#");
  const auto document = line.find("/document/");
  return end != std::string::npos && document < end ? line.substr(1, end - 1) : "";
}

Triples byDocument(const std::string& store) {
  const auto run = diplograph("query --store '" + store + "' 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }' --format nt");
  EXPECT_EQ(run.status, 0) << run.err;
  Triples out;
  std::istringstream in(run.out);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out[owner(line)].insert(line);
  }
  return out;
}

std::set<std::string> documents(const Triples& triples) {
  std::set<std::string> out;
  for (const auto& [document, lines] : triples) {
    if (!document.empty()) out.insert(document);
  }
  return out;
}

// Each document's number of facts (rdf:Statement nodes derived from it).
std::map<std::string, std::size_t> factsByDocument(const std::string& store) {
  const auto run = diplograph("query --store '" + store +
                              "' 'SELECT ?d (COUNT(?f) AS ?n) WHERE { ?f prov:wasDerivedFrom ?d } GROUP BY ?d' --format tsv");
  EXPECT_EQ(run.status, 0) << run.err;
  std::map<std::string, std::size_t> out;
  std::istringstream in(run.out);
  std::string line;
  std::getline(in, line);  // the header
  // Rows read <iri>\t"12"^^<...#integer>.
  static const std::regex kRow(R"re(^<([^>]*)>\t"?([0-9]+))re");
  for (std::smatch m; std::getline(in, line);) {
    if (std::regex_search(line, m, kRow)) out[m[1]] = std::stoul(m[2]);
  }
  return out;
}

// The folder a document came from: its IRI ends in copy-N-..., and folder = N / kPerFolder.
int folderOf(const std::string& document) {
  const auto at = document.find("/document/copy-");
  if (at == std::string::npos) return -1;
  return std::stoi(document.substr(at + 15)) / kPerFolder;
}

// Starts diplograph with `args`, output discarded; returns its pid.
pid_t spawn(const std::vector<std::string>& args) {
  std::vector<std::string> words = {DIPLOGRAPH_BINARY};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return error == 0 ? pid : -1;
}

class KillTest : public diplograph::e2e::SuiteWithStore {
 protected:
  static void SetUpTestSuite() {
    makeFolder("dg-kill");
    std::vector<fs::path> reports;
    for (const char* folder : {"data/corpus", "tests/corpus/dev", "tests/corpus/unseen"}) {
      for (const auto& entry : fs::directory_iterator(fs::path(DIPLOGRAPH_SOURCE_DIR) / folder)) {
        const auto ext = entry.path().extension();
        if ((ext == ".md" || ext == ".txt") && entry.path().filename() != "README.md") reports.push_back(entry.path());
      }
    }
    std::sort(reports.begin(), reports.end());
    ASSERT_GE(reports.size(), 20u);
    for (int n = 0; n < kFolders * kPerFolder; ++n) {
      const fs::path& report = reports[static_cast<std::size_t>(n) % reports.size()];
      const fs::path folder = dir() / ("folder-" + std::to_string(n / kPerFolder));
      fs::create_directories(folder);
      std::ifstream in(report, std::ios::binary);
      std::ofstream out(folder / ("copy-" + std::to_string(n) + "-" + report.filename().string()), std::ios::binary);
      out << in.rdbuf() << "\n\nArchive copy " << n << ".\n";
    }
  }
  static std::string folder(int n) { return (dir() / ("folder-" + std::to_string(n))).string(); }
};

TEST_F(KillTest, KilledIngestsLeaveEveryDocumentFullyInOrFullyOut) {
  // The reference: all 200 documents, ingested cleanly folder by folder in the order the killed
  // runs use, with the store's size after each folder.
  const std::string reference = (dir() / "reference").string();
  std::vector<std::size_t> sizeAfter = {0};  // triples once folders 0 .. k-1 are in
  const auto start = Clock::now();
  for (int f = 0; f < kFolders; ++f) {
    const auto run = diplograph("ingest --store '" + reference + "' '" + folder(f) + "'");
    ASSERT_EQ(run.status, 0) << run.err;
    std::smatch size;
    ASSERT_TRUE(std::regex_search(run.out, size, std::regex(R"(store has (\d+) triples)"))) << run.out;
    sizeAfter.push_back(std::stoul(size[1]));
  }
  const auto runLength = (Clock::now() - start) / kFolders;
  const auto expectedFacts = factsByDocument(reference);
  ASSERT_EQ(expectedFacts.size(), static_cast<std::size_t>(kFolders * kPerFolder));

  const std::string store = (dir() / "killed").string();
  std::mt19937 random(20240607);
  // Most runs die before they finish; the moment falls anywhere in reading, extracting, writing.
  // Bounded by a number of runs, not by the clock, so a slow build (sanitizers) kills as often.
  const auto longest = std::chrono::duration_cast<std::chrono::microseconds>(runLength).count() * 9 / 10;
  std::uniform_int_distribution<long> delay(0, longest);
  int committed = 0;  // folders 0 .. committed-1 are in the store
  int kills = 0;
  int finished = 0;
  for (int runs = 0; runs < 60 && kills < 20 && committed < kFolders; ++runs) {
    const pid_t pid = spawn({"ingest", "--quiet", "--store", store, folder(committed)});
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
      ++kills;
    } else {
      ++finished;
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "an uninterrupted ingest failed";
    }

    // The store opens; its documents are exactly the committed folders, or those and the folder
    // this run was writing if the kill came after its commit; each document has all its facts;
    // and the store's size is the reference's for that many folders (no stray or missing triple).
    const auto stats = diplograph("stats --store '" + store + "'");
    ASSERT_EQ(stats.status, 0) << "after kill " << kills << ": " << stats.err;
    std::smatch size;
    ASSERT_TRUE(std::regex_search(stats.out, size, std::regex(R"(: (\d+) triples)"))) << stats.out;
    const auto facts = factsByDocument(store);
    std::set<int> folders;
    for (const auto& [document, count] : facts) {
      ASSERT_TRUE(expectedFacts.count(document)) << document;
      EXPECT_EQ(count, expectedFacts.at(document)) << "document " << document << " is partly in the store";
      folders.insert(folderOf(document));
    }
    std::set<int> before;
    for (int f = 0; f < committed; ++f) before.insert(f);
    std::set<int> after = before;
    after.insert(committed);
    ASSERT_TRUE(folders == before || folders == after)
        << "after kill " << kills << " the store holds part of an ingest (" << facts.size() << " documents)";
    if (folders == after) ++committed;
    EXPECT_EQ(facts.size(), static_cast<std::size_t>(committed * kPerFolder));
    EXPECT_EQ(std::stoul(size[1]), sizeAfter[static_cast<std::size_t>(committed)]) << "after kill " << kills;
  }
  std::cout << "[ kill test ] " << kills << " runs killed, " << finished << " finished, " << committed << "/" << kFolders
            << " folders committed; an uninterrupted run takes "
            << std::chrono::duration_cast<std::chrono::milliseconds>(runLength).count() << " ms\n";
  EXPECT_GE(kills, 20);
  // Whatever is missing goes in now; the store then equals the reference triple for triple.
  for (int f = committed; f < kFolders; ++f) {
    const auto run = diplograph("ingest --quiet --store '" + store + "' '" + folder(f) + "'");
    ASSERT_EQ(run.status, 0) << run.err;
  }
  const auto got = byDocument(store);
  const auto expected = byDocument(reference);
  EXPECT_EQ(documents(got).size(), static_cast<std::size_t>(kFolders * kPerFolder));
  EXPECT_TRUE(got == expected) << "the store differs from a clean ingest";
}

TEST_F(KillTest, SecondWriterIsRefusedWhileReadersGoOn) {
  const std::string store = (dir() / "locked").string();
  const auto first = diplograph("ingest --quiet --store '" + store + "' '" + folder(0) + "'");
  ASSERT_EQ(first.status, 0) << first.err;
  const auto before = diplograph("query --store '" + store + "' 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }' --format nt");
  // Another writer holds the store's lock (flock on LOCK, as a running ingest or remove does).
  const int fd = ::open((fs::path(store) / "LOCK").c_str(), O_RDWR | O_CREAT, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
  for (const std::string& command : {"ingest --store '" + store + "' '" + folder(1) + "'",
                                     "remove --store '" + store + "' " + fs::directory_iterator(folder(0))->path().filename().string()}) {
    const auto run = diplograph(command);
    EXPECT_EQ(run.status, 5) << command << ": " << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_NE(run.err.find("is being written by another diplograph process"), std::string::npos) << run.err;
  }
  // Readers do not wait for the writer.
  const auto stats = diplograph("stats --store '" + store + "'");
  EXPECT_EQ(stats.status, 0) << stats.err;
  ::flock(fd, LOCK_UN);
  ::close(fd);
  const auto after = diplograph("query --store '" + store + "' 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }' --format nt");
  EXPECT_EQ(after.out, before.out);
  const auto next = diplograph("ingest --quiet --store '" + store + "' '" + folder(1) + "'");
  EXPECT_EQ(next.status, 0) << next.err;
}

}  // namespace
