// End-to-end: every kind of bad input an analyst's download folder holds, one case each. A case
// checks the one line on stderr, the exit code, and that the store holds exactly the triples it
// held before (count and content); a case that decodes its input (UTF-16, Latin-1, broken HTML)
// checks that the store gained exactly that document, and lost it again on `remove`.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "suite_store.h"

namespace {

namespace fs = std::filesystem;
using diplograph::e2e::diplograph;
using diplograph::e2e::quoted;
using diplograph::e2e::shell;
using Json = nlohmann::json;

const char* const kMali = DIPLOGRAPH_SOURCE_DIR "/data/corpus/oic_mali_contact_group_2017_fr.md";
const char* const kAbidjan = DIPLOGRAPH_SOURCE_DIR "/tests/corpus/dev/oic_cfm44_abidjan_resolutions_2017_fr.txt";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::set<std::string> lines(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.insert(line);
  }
  return out;
}

// A one-page PDF whose text layer holds `lines`, written by hand (the cross-reference table
// gives each object's byte offset), so the tests need no PDF writer.
std::string pdfWithText(const std::vector<std::string>& text) {
  std::string operations = "BT /F1 12 Tf 72 720 Td 14 TL";
  for (const auto& line : text) operations += " (" + line + ") '";
  operations += " ET";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Length " + std::to_string(operations.size()) + " >>\nstream\n" + operations + "\nendstream"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const auto offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

const std::vector<std::string> kPdfText = {"Contact Group on Mali",
                                           "The OIC Contact Group on Mali met in New York on 20 September 2017.",
                                           "Djibouti, Senegal and Turkey attended the meeting."};

class HostileInputTest : public diplograph::e2e::SuiteWithStore {
 protected:
  static void SetUpTestSuite() {
    ingest("dg-hostile", "data/corpus");
    before_ = content();
    ASSERT_GT(before_.size(), 1000u);
  }
  // The store's triples, one canonical N-Triples line each; the count `stats` reports must agree.
  static std::set<std::string> content(const std::string& storeFlag = store()) {
    const auto run = diplograph("query " + storeFlag + " 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }' --format nt");
    EXPECT_EQ(run.status, 0) << run.err;
    auto triples = lines(run.out);
    const auto stats = diplograph("stats " + storeFlag);
    std::smatch size;
    EXPECT_TRUE(std::regex_search(stats.out, size, std::regex(R"(: (\d+) triples)"))) << stats.out << stats.err;
    if (!size.empty()) {
      EXPECT_EQ(std::stoul(size[1]), triples.size());
    }
    return triples;
  }

  // Ingesting `path` fails with exit code 3 and one line naming the file and holding `expected`;
  // the store is exactly as it was.
  static void refused(const fs::path& path, const std::string& expected, const std::string& flags = "") {
    const auto run = diplograph("ingest " + store() + " " + flags + " " + quoted(path));
    EXPECT_EQ(run.status, 3) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_EQ(run.err.rfind("diplograph: " + path.string() + ": ", 0), 0u) << run.err;
    EXPECT_NE(run.err.find(expected), std::string::npos) << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(content(), before_);
  }

  // Ingesting `path` succeeds and adds exactly the triples `extract --format nt` gives for it;
  // removing it again gives back the store as it was. Returns the extraction as JSON.
  static Json accepted(const fs::path& path) {
    const auto extracted = diplograph("extract --format nt " + quoted(path));
    EXPECT_EQ(extracted.status, 0) << extracted.err;
    const auto run = diplograph("ingest --quiet " + store() + " " + quoted(path));
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(run.err, "");
    auto expected = before_;
    for (const auto& line : lines(extracted.out)) expected.insert(line);
    EXPECT_EQ(content(), expected);
    const auto removed = diplograph("remove " + store() + " " + quoted(path));
    EXPECT_EQ(removed.status, 0) << removed.err;
    EXPECT_EQ(content(), before_);
    const auto json = diplograph("extract --format json " + quoted(path));
    return Json::parse(json.out, nullptr, false);
  }

  static inline std::set<std::string> before_;
};

TEST_F(HostileInputTest, EmptyFile) {
  refused(file("empty.txt", ""), "the file is empty (0 bytes)");
  refused(file("blank.md", " \n\t\n  \n"), "the file is empty (only blank space)");
}

TEST_F(HostileInputTest, BinaryFile) {
  std::string elf("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16);
  for (int i = 0; i < 4096; ++i) elf += static_cast<char>((i * 7919) & 0xFF);
  refused(file("program.txt", elf), "looks like a binary file, not a text document");
}

TEST_F(HostileInputTest, InvalidUtf8ReportsTheByteOffset) {
  // Valid UTF-8 ("é" as C3 A9) then two bytes no encoding of this file explains, at offset 19.
  refused(file("broken.txt", "R\xc3\xa9union du Groupe \xff\xfe de contact sur le Mali"),
          "invalid UTF-8 at byte 19 (0xff)");
}

TEST_F(HostileInputTest, Utf16WithByteOrderMarkIsDecoded) {
  const fs::path utf16 = dir() / "mali_utf16.md";
  ASSERT_EQ(shell("{ printf '\\377\\376'; iconv -f UTF-8 -t UTF-16LE " + quoted(kMali) + "; } > " + quoted(utf16)).status, 0);
  const Json json = accepted(utf16);
  const Json original = Json::parse(diplograph("extract --format json " + quoted(kMali)).out);
  EXPECT_EQ(json["entities"], original["entities"]);
  EXPECT_EQ(json["document"]["title"], original["document"]["title"]);
  // Big-endian with its mark reads the same.
  const fs::path utf16be = dir() / "mali_utf16be.md";
  ASSERT_EQ(shell("{ printf '\\376\\377'; iconv -f UTF-8 -t UTF-16BE " + quoted(kMali) + "; } > " + quoted(utf16be)).status, 0);
  EXPECT_EQ(Json::parse(diplograph("extract --format json " + quoted(utf16be)).out)["entities"], original["entities"]);
}

TEST_F(HostileInputTest, Utf16WithoutByteOrderMarkIsRefusedWithTheConversion) {
  const fs::path utf16 = dir() / "mali_nobom.md";
  ASSERT_EQ(shell("iconv -f UTF-8 -t UTF-16LE " + quoted(kMali) + " > " + quoted(utf16)).status, 0);
  refused(utf16, "looks like UTF-16LE text without a byte-order mark; convert it with: iconv -f UTF-16LE -t UTF-8");
}

TEST_F(HostileInputTest, Latin1IsDecoded) {
  const fs::path latin1 = dir() / "abidjan_latin1.txt";
  ASSERT_EQ(shell("iconv -f UTF-8 -t LATIN1//TRANSLIT " + quoted(kAbidjan) + " > " + quoted(latin1)).status, 0);
  const std::string bytes = slurp(latin1);
  ASSERT_NE(bytes.find('\xe9'), std::string::npos) << "the fixture should hold é as one Latin-1 byte";
  const Json json = accepted(latin1);
  const Json original = Json::parse(diplograph("extract --format json " + quoted(kAbidjan)).out);
  EXPECT_EQ(json["document"]["title"], original["document"]["title"]);
  EXPECT_EQ(json["meetings"], original["meetings"]);
}

TEST_F(HostileInputTest, TruncatedPdf) {
  const std::string pdf = pdfWithText(kPdfText);
  ASSERT_EQ(diplograph("extract --format json " + quoted(file("whole.pdf", pdf))).status, 0) << "the fixture must be a good PDF";
  refused(file("cut.pdf", pdf.substr(0, pdf.size() * 6 / 10)), "the PDF is truncated (it does not end with %%EOF)");
  refused(file("header-only.pdf", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), "the PDF is truncated");
  refused(file("fake.pdf", "Not a PDF at all, only text with a .pdf name.\n"), "not a PDF file (no %PDF header)");
}

TEST_F(HostileInputTest, EncryptedPdf) {
  if (shell("command -v qpdf").status != 0) GTEST_SKIP() << "qpdf (Debian package qpdf) is not installed";
  const fs::path plain = file("plain.pdf", pdfWithText(kPdfText));
  const fs::path locked = dir() / "locked.pdf";
  ASSERT_EQ(shell("qpdf --encrypt secret owner 256 -- " + quoted(plain) + " " + quoted(locked)).status, 0);
  refused(locked, "the PDF is encrypted with a password; decrypt it first, e.g. qpdf --decrypt");
  // Encrypted with an owner password only (printing or copying restricted): anyone may read it.
  const fs::path restricted = dir() / "restricted.pdf";
  ASSERT_EQ(shell("qpdf --encrypt '' owner 256 -- " + quoted(plain) + " " + quoted(restricted)).status, 0);
  const Json json = accepted(restricted);
  ASSERT_TRUE(json.is_object());
  EXPECT_NE(json.dump().find("/state/DJI"), std::string::npos);
}

TEST_F(HostileInputTest, HtmlWithBrokenMarkupStillExtracts) {
  const fs::path html = file("broken.html",
                             "<html><head><title>Contact Group on Mali</title><body>\n"
                             "<h1>Meeting of the OIC Contact Group on Mali<h1>\n"
                             "<p>The OIC Contact Group on Mali met in New York on 20 September 2017.\n"
                             "<p>Attending: <b>Djibouti, <i>Senegal</b></i> and Turkey & friends < 3\n"
                             "<div><table><tr><td>unclosed <a href=\"x\">link <script>var x = '</p>';\n");
  const Json json = accepted(html);
  ASSERT_TRUE(json.is_object());
  std::set<std::string> states;
  for (const auto& entity : json["entities"]) {
    if (entity["type"] == "State") states.insert(entity["keys"]["iso3166"].get<std::string>());
  }
  EXPECT_TRUE(states.count("DJI") && states.count("SEN") && states.count("TUR")) << json["entities"].dump();
  ASSERT_FALSE(json["meetings"].empty());
  EXPECT_EQ(json["meetings"][0]["date"], "2017-09-20");
}

TEST_F(HostileInputTest, HugeFileIsRefusedBeforeItIsRead) {
  // A sparse 1 GiB file: refused from its size alone, so quickly and without the memory.
  const fs::path huge = dir() / "dump.txt";
  ASSERT_EQ(::truncate(file("dump.txt", "").c_str(), off_t{1} << 30), 0);
  const auto start = std::chrono::steady_clock::now();
  refused(huge, "1024 MiB is over the limit of 16 MiB per document (--max-document-mb raises it)");
  const auto run = diplograph("extract " + quoted(huge));
  EXPECT_EQ(run.status, 3);
  EXPECT_NE(run.err.find("over the limit of 16 MiB"), std::string::npos) << run.err;
  // Reading 1 GiB and extracting it would take minutes; two refusals and the checks take seconds.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
  // The limit is a flag, checked like any other.
  const auto usage = diplograph("ingest " + store() + " --max-document-mb lots " + quoted(huge));
  EXPECT_EQ(usage.status, 2);
  EXPECT_NE(usage.err.find("--max-document-mb takes a size in MiB"), std::string::npos) << usage.err;
  // Up to the extractor's own limit: it counts a document's characters in 32 bits.
  const auto beyond = diplograph("ingest " + store() + " --max-document-mb 4096 " + quoted(huge));
  EXPECT_EQ(beyond.status, 2);
  EXPECT_NE(beyond.err.find("from 1 to 4095"), std::string::npos) << beyond.err;
}

TEST_F(HostileInputTest, OneFiftyMegabyteLine) {
  // One line of 50 MiB: over the default limit, refused before reading.
  std::string line;
  const std::string sentence = "The OIC Contact Group on Mali met in New York on 20 September 2017 with Djibouti attending. ";
  line.reserve(50u << 20);
  while (line.size() + sentence.size() <= (50u << 20)) line += sentence;
  line.resize(50u << 20, ' ');
  const fs::path path = file("one-line.txt", line);
  refused(path, "50 MiB is over the limit of 16 MiB per document");
  // Under the limit, a long line is read and extracted in time proportional to its length (a
  // 1 MiB line once took five minutes): 2 MiB of a real report on one line.
  std::string report = slurp(kMali);
  std::replace(report.begin(), report.end(), '\n', ' ');
  std::string twoMiB;
  while (twoMiB.size() < (2u << 20)) twoMiB += report + ' ';
  const fs::path longLine = file("long-line.md", twoMiB);
  const auto start = std::chrono::steady_clock::now();
  const auto run = diplograph("extract --format json " + quoted(longLine));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(120));
  EXPECT_NE(run.out.find("/state/MLI"), std::string::npos);
}

TEST_F(HostileInputTest, FolderWithUnreadableFilesAndSymlinkLoops) {
  // Root reads a chmod 000 file anyway: as root the ingest runs as `nobody` (setpriv), else the
  // permission half of the case is skipped.
  std::string as;
  if (::geteuid() == 0) {
    if (shell("command -v setpriv").status != 0) GTEST_SKIP() << "running as root without setpriv: root reads chmod 000 files";
    as = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  }
  const fs::path folder = dir() / "downloads";
  fs::create_directories(folder / "sub");
  fs::create_directories(folder / "locked");
  fs::copy_file(kMali, folder / "good.md");
  fs::copy_file(kMali, folder / "secret.md");
  fs::copy_file(kMali, folder / "locked" / "hidden.md");
  fs::create_symlink("loop.md", folder / "loop.md");            // a file link to itself
  fs::create_symlink("ping.txt", folder / "sub" / "pong.txt");  // two links pointing at each other
  fs::create_symlink("pong.txt", folder / "sub" / "ping.txt");
  fs::create_directory_symlink("..", folder / "sub" / "up");     // a folder loop: never followed
  fs::permissions(folder / "secret.md", fs::perms::none);
  fs::permissions(folder / "locked", fs::perms::none);
  const fs::path store = dir() / "shared";  // a store `nobody` may write
  fs::create_directories(store);
  fs::permissions(store, fs::perms::all);
  const std::string storeFlag = "--store " + quoted(store / "store");

  const auto run = shell(as + "'" DIPLOGRAPH_BINARY "' ingest --quiet " + storeFlag + " " + quoted(folder));
  EXPECT_EQ(run.status, 1) << run.err;
  const std::vector<std::string> expected = {
      "skipped " + (folder / "locked").string() + ": cannot list this folder (Permission denied)",
      "skipped " + (folder / "loop.md").string() + ": a loop of symbolic links",
      "skipped " + (folder / "secret.md").string() + ": permission denied",
      "skipped " + (folder / "sub" / "ping.txt").string() + ": a loop of symbolic links",
      "skipped " + (folder / "sub" / "pong.txt").string() + ": a loop of symbolic links"};
  std::vector<std::string> got;
  std::istringstream err(run.err);
  for (std::string line; std::getline(err, line);) got.push_back(line);
  EXPECT_EQ(got, expected) << run.err;
  // The good file is in, alone: exactly its extraction.
  const auto extracted = diplograph("extract --format nt " + quoted(folder / "good.md"));
  EXPECT_EQ(content(storeFlag), lines(extracted.out));
  // --allow-skipped: the same list, exit 0, nothing changes.
  const auto again = shell(as + "'" DIPLOGRAPH_BINARY "' ingest --quiet --allow-skipped " + storeFlag + " " + quoted(folder));
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(again.err, run.err);
  EXPECT_EQ(content(storeFlag), lines(extracted.out));
  // Named on the command line, a symbolic link loop stops the ingest with nothing written.
  refused(folder / "loop.md", "a loop of symbolic links");
}

TEST_F(HostileInputTest, NonexistentPath) {
  refused(dir() / "no-such-report.md", "no such file or directory");
  const auto extract = diplograph("extract " + quoted(dir() / "no-such-report.md"));
  EXPECT_EQ(extract.status, 3);
  EXPECT_NE(extract.err.find("no such file or directory"), std::string::npos);
}

TEST_F(HostileInputTest, PipesAndFoldersAreNotDocuments) {
  const fs::path fifo = dir() / "pipe.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  refused(fifo, "not a regular file (a device, pipe or socket)");  // without waiting for a writer
  const auto run = diplograph("extract " + quoted(dir()));
  EXPECT_EQ(run.status, 3);
  EXPECT_NE(run.err.find("is a folder, not a document"), std::string::npos) << run.err;
}

TEST_F(HostileInputTest, ControlCharactersAreReadAsSpaces) {
  // A text with a few stray control characters is a document, not binary; they reach no output.
  const fs::path path = file("controls.txt",
                             "The OIC Contact Group on Mali met in New York\x01 on 20 September 2017.\x1b[31m\n"
                             "Djibouti\x07 attended.\x7f\n");
  const Json json = accepted(path);
  ASSERT_TRUE(json.is_object());
  const auto nt = diplograph("extract --format nt " + quoted(path)).out;
  for (const char* control : {"\\u0001", "\\u001B", "\\u0007", "\\u007F"}) EXPECT_EQ(nt.find(control), std::string::npos) << control;
}


TEST_F(HostileInputTest, FullDiskFailsClearlyAndKeepsTheStoreReadable) {
  // A file size limit (RLIMIT_FSIZE, with SIGXFSZ ignored so writes fail with EFBIG as on a full
  // disk) lets the store hold what it has but not grow: the ingest fails at commit with one line,
  // and the store answers exactly as before. Needs no root, unlike a small tmpfs.
  const fs::path copy = dir() / "full-store";
  fs::copy(dir() / "store", copy, fs::copy_options::recursive);
  std::uintmax_t bytes = 0;
  for (const auto& entry : fs::directory_iterator(copy)) bytes = std::max(bytes, entry.file_size());
  const std::string limit = std::to_string(bytes / 1024 + 1);  // bash counts ulimit -f in KiB
  const auto run = shell("bash -c \"ulimit -f " + limit + "; trap '' XFSZ; exec '" DIPLOGRAPH_BINARY "' ingest --store '" +
                         copy.string() + "' tests/corpus/unseen\"");
  EXPECT_EQ(run.status, 5) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_NE(run.err.find("is the disk full?"), std::string::npos) << run.err;
  EXPECT_EQ(content("--store " + quoted(copy)), before_);
  // Once there is room again, the same ingest goes through.
  const auto retry = diplograph("ingest --quiet --store " + quoted(copy) + " tests/corpus/unseen");
  EXPECT_EQ(retry.status, 0) << retry.err;
  EXPECT_GT(content("--store " + quoted(copy)).size(), before_.size());
}

}  // namespace
