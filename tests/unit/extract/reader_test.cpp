// readDocument: what it accepts, and one clear InputError line for what it refuses.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>

#include "diplograph/extract/error.h"
#include "diplograph/extract/extractor.h"
#include "scratch_folder.h"

namespace diplograph::extract {
namespace {

namespace fs = std::filesystem;

class ReaderTest : public ::testing::Test {
 protected:
  diplograph::test_support::ScratchFolder scratch_{"dg-reader"};
  fs::path write(const std::string& name, const std::string& bytes) { return scratch_.write(name, bytes); }
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

TEST_F(ReaderTest, RefusesMissingPath) { EXPECT_NE(errorOf(scratch_ / "nope.txt").find("no such file"), std::string::npos); }

TEST_F(ReaderTest, RefusesFolder) { EXPECT_NE(errorOf(scratch_.path()).find("folder"), std::string::npos); }

TEST_F(ReaderTest, RefusesEmptyAndBlankFiles) {
  EXPECT_NE(errorOf(write("e.txt", "")).find("empty"), std::string::npos);
  EXPECT_NE(errorOf(write("b.txt", " \n\t\n")).find("empty"), std::string::npos);
}

TEST_F(ReaderTest, RefusesBinary) {
  EXPECT_NE(errorOf(write("bin.txt", std::string("ab\0cd", 5))).find("binary"), std::string::npos);
}

TEST_F(ReaderTest, InvalidUtf8GivesByteOffset) {
  // UTF-8 (the é of "Réunion") with a byte no encoding of the file explains: refused at that byte.
  EXPECT_NE(errorOf(write("mixed.txt", "R\xC3\xA9union caf\xE9 noir")).find("invalid UTF-8 at byte 12 (0xe9)"),
            std::string::npos);
  // A lone lead byte at the very end.
  EXPECT_NE(errorOf(write("cut.txt", "R\xC3\xA9union \xC3")).find("byte 9"), std::string::npos);
}

TEST_F(ReaderTest, Latin1IsReadAsWindows1252) {
  const auto document = readDocument(write("l1.txt", "caf\xE9 noir \x93" "cit\xE9\x94"));
  EXPECT_EQ(document.text, "caf\xC3\xA9 noir \xE2\x80\x9C" "cit\xC3\xA9\xE2\x80\x9D");
  EXPECT_EQ(document.encoding, "windows-1252");
  // 0x81 is no Windows-1252 character: not Latin-1 text after all.
  EXPECT_NE(errorOf(write("l2.txt", "caf\xE9 \x81")).find("invalid UTF-8 at byte 3"), std::string::npos);
}

TEST_F(ReaderTest, Utf16And32WithByteOrderMarkAreDecoded) {
  const std::string le("\xFF\xFER\0\xE9\0u\0n\0i\0o\0n\0", 16);
  const std::string be("\xFE\xFF\0R\0\xE9\0u\0n\0i\0o\0n", 16);
  const std::string le32("\xFF\xFE\0\0R\0\0\0\xE9\0\0\0", 12);
  for (const auto& [name, bytes, encoding] :
       {std::tuple{"le.txt", le, "UTF-16LE"}, {"be.txt", be, "UTF-16BE"}, {"le32.txt", le32, "UTF-32LE"}}) {
    const auto document = readDocument(write(name, bytes));
    EXPECT_EQ(document.encoding, encoding);
    EXPECT_EQ(document.text.substr(0, 3), "R\xC3\xA9") << name;
  }
  // An unpaired surrogate is reported, not replaced.
  EXPECT_NE(errorOf(write("bad16.txt", std::string("\xFF\xFE" "a\0\x00\xD8" "b\0", 8))).find("invalid UTF-16LE at byte"),
            std::string::npos);
  EXPECT_NE(errorOf(write("nobom.txt", std::string("R\0e\0u\0n\0i\0o\0n\0", 14))).find("iconv -f UTF-16LE -t UTF-8"),
            std::string::npos);
}

TEST_F(ReaderTest, ControlCharactersBecomeSpaces) {
  // A few stray control characters (under 5%, else the file counts as binary).
  const std::string prose(200, 'x');
  const auto document = readDocument(write("c.txt", prose + "a\x01" "b\tc\x1B[0m\fd\x7F"));
  EXPECT_EQ(document.text, prose + "a b\tc [0m\fd ");
}

TEST_F(ReaderTest, SizeLimitIsCheckedBeforeReading) {
  const fs::path path = write("big.txt", "");
  fs::resize_file(path, std::uintmax_t{3} << 20);
  try {
    readDocument(path, ReadOptions{std::uintmax_t{2} << 20});
    ADD_FAILURE() << "a 3 MiB file passed a 2 MiB limit";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("3 MiB is over the limit of 2 MiB per document"), std::string::npos)
        << error.what();
  }
}

TEST_F(ReaderTest, RefusesTruncatedPdf) {
  EXPECT_NE(errorOf(write("t.pdf", "%PDF-1.4\n1 0 obj\n<<")).find("truncated"), std::string::npos);
}

}  // namespace
}  // namespace diplograph::extract
