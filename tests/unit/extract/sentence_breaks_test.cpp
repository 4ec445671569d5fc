// sentenceBoundaries hands ICU only the stretches around what can end a sentence: it must find
// exactly the boundaries ICU finds when it reads the whole text.
#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "sentence_breaks.h"

namespace diplograph::extract {
namespace {

// ICU over the whole text, as the extractor asked it before it learned to skip.
std::vector<std::size_t> wholeTextBoundaries(const std::u16string& text, const std::string& language) {
  static std::map<std::string, std::unique_ptr<icu::BreakIterator>> byLanguage;
  auto& breaks = byLanguage[language];
  if (!breaks) {
    UErrorCode status = U_ZERO_ERROR;
    breaks.reset(icu::BreakIterator::createSentenceInstance(icu::Locale((language + "@ss=standard").c_str()), status));
    EXPECT_TRUE(U_SUCCESS(status));
  }
  const icu::UnicodeString alias(false, text.data(), static_cast<int32_t>(text.size()));
  breaks->setText(alias);
  std::vector<std::size_t> out;
  for (int32_t b = breaks->next(); b != icu::BreakIterator::DONE; b = breaks->next()) out.push_back(static_cast<std::size_t>(b));
  return out;
}

std::u16string utf16(const std::string& utf8) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  return {u.getBuffer(), static_cast<std::size_t>(u.length())};
}

void expectSameAsWholeText(const std::u16string& text, const std::string& what) {
  for (const std::string language : {"en", "fr"}) {
    ASSERT_EQ(sentenceBoundaries(text, language), wholeTextBoundaries(text, language)) << what << " (" << language << ")";
  }
}

TEST(SentenceBoundaries, SameAsIcuOverEveryCorpusDocument) {
  std::size_t documents = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(DIPLOGRAPH_CORPUS)) {
    const auto extension = entry.path().extension();
    if (!entry.is_regular_file() || (extension != ".txt" && extension != ".md")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    expectSameAsWholeText(utf16(text), entry.path().string());
    ++documents;
  }
  EXPECT_GT(documents, 10u);
}

TEST(SentenceBoundaries, EmptyAndTinyTexts) {
  EXPECT_TRUE(sentenceBoundaries(u"", "en").empty());
  EXPECT_EQ(sentenceBoundaries(u".", "en"), std::vector<std::size_t>{1});
  EXPECT_EQ(sentenceBoundaries(u"It ended. Then", "en"), (std::vector<std::size_t>{10, 14}));
}

// Marks (Extend, Format) count as the character they follow (rule SB5), so what a full stop
// follows is read through any run of them: a long stretch is cut only before a character of
// its own, never inside a run of marks, or the marks would be read as following the stretch's
// first letter.
TEST(SentenceBoundaries, LongRunsOfMarksBeforeAFullStop) {
  for (const std::string mark : {"\u0301", "\u00ad", "\u200d"}) {
    for (const std::string before : {"2", ")", "a", " "}) {
      std::string run;
      for (int k = 0; k < 40; ++k) run += mark;
      for (const std::string after : {".Bye now. Fine", ". bye", "!Bye", "\nBye", ""}) {
        const std::string text = "Hello world again " + before + run + after;
        expectSameAsWholeText(utf16(text), text);
      }
    }
  }
}

// A paragraph without a full stop, '!' or '?' is not handed to ICU: its boundaries are put in
// directly, first, last or between others, after any kind of paragraph separator.
TEST(SentenceBoundaries, ParagraphsWithoutSentenceEnds) {
  for (const std::string separator : {"\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029", "\n\n", "\r\n\r\n"}) {
    for (const std::string& text : {"Title" + separator + "It ended. Then" + separator,
                                   "It ended. Then" + separator + "Title" + separator + "Subtitle" + separator + "Mr. Brown left.",
                                   "It ended" + separator + separator + "Title" + separator,
                                   "Title" + separator + "Subtitle", separator + separator + "Title",
                                   "Title" + separator + "Subtitle" + separator, "e.g." + separator + "Title" + separator + "i.e. so"}) {
      expectSameAsWholeText(utf16(text), text);
    }
  }
}

// Random texts made of what decides a sentence boundary: every abbreviation ICU suppresses in
// English and French, initials, closing brackets and quotes, digits after a full stop, lower-case
// continuations, line and paragraph separators, combining marks and format characters,
// characters beyond U+FFFF, other scripts' full stops, and long stretches without any of them,
// which are what gets skipped.
TEST(SentenceBoundaries, SameAsIcuOnRandomTextsDenseInSentenceEnds) {
  const std::vector<std::string> pieces = {
      "the", "The", "Council", "of", "Ministers", "adopted", "resolution", "a", "I", "A", "U", "S", "é", "École", "ümit",
      "Mr.", "Mrs.", "Dr.", "Prof.", "No.", "U.S.", "U.S.A.", "e.g.", "i.e.", "etc.", "Ph.D.", "Hon.B.A.", "p.", "art.",
      "M.", "Mme.", "av. J.-C.", "trav. publ.", "P.-D. G.", "St.", "vol.", "Jan.", ".", ". ", "! ", "? ", "?!", "...", "…",
      " ", " ", " ", "  ", "\t", "\u00a0", ", ", "; ", ": ", " - ", "(", ")", "[", "]", "\"", "'", "«", "»", "“", "”", "’",
      "12", "3.5", "1993", "(1993)", "822", "70/233", "\n", "\n\n", "\r\n", "\r", "\f", "\u2029", "\u0085", "\u2028",
      "\u0301", "\u00ad", "\u200d", "\U0001F600", "\U0001D400", "\u3002", "\u061f", "\u0964", "Бишкек", "القاهرة",
      "Organisation of Islamic Cooperation and the Secretary-General of the United Nations said that",
      "conformément à la résolution adoptée par le Conseil des ministres des Affaires étrangères lors de"};
  std::vector<std::u16string> units;
  for (const auto& piece : pieces) units.push_back(utf16(piece));
  for (const std::string language : {"en", "fr"}) {
    const auto abbreviations = sentenceAbbreviations(language);
    EXPECT_GT(abbreviations.size(), 50u) << language;
    units.insert(units.end(), abbreviations.begin(), abbreviations.end());
  }
  std::mt19937 random(20261203);
  std::uniform_int_distribution<std::size_t> pick(0, units.size() - 1);
  std::uniform_int_distribution<int> count(1, 120);
  for (int n = 0; n < 3000; ++n) {
    std::u16string text;
    for (int k = count(random); k > 0; --k) text += units[pick(random)];
    std::string utf8;
    icu::UnicodeString(false, text.data(), static_cast<int32_t>(text.size())).toUTF8String(utf8);
    expectSameAsWholeText(text, "random text " + std::to_string(n) + ": " + utf8);
  }
}

}  // namespace
}  // namespace diplograph::extract
