// readDocument: what it accepts, and one clear InputError line for what it refuses.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "diplograph/extract/error.h"
#include "diplograph/extract/extractor.h"

namespace diplograph::extract {
namespace {

namespace fs = std::filesystem;

class ReaderTest : public ::testing::Test {
 protected:
  fs::path dir_ = fs::temp_directory_path() / ("dg_reader_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  void SetUp() override { fs::create_directories(dir_); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& bytes) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  static std::string errorOf(const fs::path& path) {
    try {
      readDocument(path);
    } catch (const InputError& error) {
      return error.what();
    }
    return "";
  }
};

TEST_F(ReaderTest, ReadsUtf8TextAndSkipsByteOrderMark) {
  const auto document = readDocument(write("a.txt", "\xEF\xBB\xBFR\xC3\xA9union"));
  EXPECT_EQ(document.text, "R\xC3\xA9union");
  EXPECT_EQ(document.sha256.size(), 64u);
}

TEST_F(ReaderTest, HtmlGivesVisibleTextWithEntitiesDecoded) {
  const auto document = readDocument(write("a.html", "<html><body><p>C&ocirc;te d&#39;Ivoire</p><script>x()</script></body></html>"));
  EXPECT_NE(document.text.find("C\xC3\xB4te d'Ivoire"), std::string::npos);
  EXPECT_EQ(document.text.find("x()"), std::string::npos);
}

TEST_F(ReaderTest, RefusesMissingPath) { EXPECT_NE(errorOf(dir_ / "nope.txt").find("no such file"), std::string::npos); }

TEST_F(ReaderTest, RefusesFolder) { EXPECT_NE(errorOf(dir_).find("folder"), std::string::npos); }

TEST_F(ReaderTest, RefusesEmptyAndBlankFiles) {
  EXPECT_NE(errorOf(write("e.txt", "")).find("empty"), std::string::npos);
  EXPECT_NE(errorOf(write("b.txt", " \n\t\n")).find("empty"), std::string::npos);
}

TEST_F(ReaderTest, RefusesBinary) {
  EXPECT_NE(errorOf(write("bin.txt", std::string("ab\0cd", 5))).find("binary"), std::string::npos);
}

TEST_F(ReaderTest, InvalidUtf8GivesByteOffset) {
  EXPECT_NE(errorOf(write("l1.txt", "caf\xE9 noir")).find("byte 3"), std::string::npos);
}

TEST_F(ReaderTest, RefusesTruncatedPdf) {
  EXPECT_FALSE(errorOf(write("t.pdf", "%PDF-1.4\n1 0 obj\n<<")).empty());
}

}  // namespace
}  // namespace diplograph::extract
