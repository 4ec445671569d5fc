#include "sentence_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

namespace diplograph::extract {
namespace {

// The ICU sentence breaker for a language, with the standard abbreviation suppressions. Building
// one costs more than segmenting a whole report, and one may not be shared across threads while
// in use: one per thread and language, reused for every document.
icu::BreakIterator* sentenceBreaker(std::string_view language) {
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> byLanguage;
  auto found = byLanguage.find(language);
  if (found == byLanguage.end()) {
    UErrorCode status = U_ZERO_ERROR;
    const std::string locale = std::string(language) + "@ss=standard";
    std::unique_ptr<icu::BreakIterator> breaks(icu::BreakIterator::createSentenceInstance(icu::Locale(locale.c_str()), status));
    if (U_FAILURE(status)) throw std::logic_error("ICU sentence break iterator unavailable");
    found = byLanguage.emplace(std::string(language), std::move(breaks)).first;
  }
  return found->second.get();
}

// The UTF-16 units after which ICU may end a sentence: those of the sentence-break classes
// ATerm ('.'), STerm ('!', '?'), Sep, CR and LF (Unicode UAX #29, rules SB4 and SB11). Every
// other character continues a sentence unless one of these came just before it. Surrogates
// count too, so that a character beyond U+FFFF is never cut in two.
bool isAsciiEnder(char16_t c) { return c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r'; }
bool isEnder(char16_t c) {
  if (c < 0x80) return isAsciiEnder(c);
  if (U16_IS_SURROGATE(c)) return true;
  const auto kind = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
  return kind == U_SB_ATERM || kind == U_SB_STERM || kind == U_SB_SEP;
}

// The first unit at or after `i` that is an ASCII ender or not ASCII at all, or the end.
std::size_t nextCandidate(std::u16string_view text, std::size_t i) {
  // Eight units at a time, compared as one vector (SSE2, NEON): most stretches are long.
  using EightUnits = std::uint16_t __attribute__((vector_size(16)));
  for (; i + 8 <= text.size(); i += 8) {
    EightUnits units;
    std::memcpy(&units, text.data() + i, sizeof units);
    const auto found = (units >= 0x80) | (units == '.') | (units == '!') | (units == '?') | (units == '\n') | (units == '\r');
    std::uint64_t halves[2];  // a lane of 16 set bits for each unit found
    std::memcpy(halves, &found, sizeof halves);
    if (halves[0]) return i + static_cast<std::size_t>(std::countr_zero(halves[0])) / 16;
    if (halves[1]) return i + 4 + static_cast<std::size_t>(std::countr_zero(halves[1])) / 16;
  }
  while (i < text.size() && text[i] < 0x80 && !isAsciiEnder(text[i])) ++i;
  return i;
}

// The first ender at or after `from`, or the end of the text.
std::size_t nextEnder(std::u16string_view text, std::size_t from) {
  std::size_t i = nextCandidate(text, from);
  while (i < text.size() && !isEnder(text[i])) i = nextCandidate(text, i + 1);
  return i;
}

bool isAsciiLetter(char16_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// How much of a stretch without enders ICU must read on each side: after an ender, what decides
// whether it ends a sentence (closing brackets, blanks, digits, up to the first letter: SB6-SB11);
// before the next, what its abbreviation suppressions match backwards. The longest suppression
// of the locales read here is 11 characters (French "trav. publ.").
constexpr std::size_t kContext = 16;

}  // namespace

std::vector<std::size_t> sentenceBoundaries(std::u16string_view text, std::string_view language) {
  // What ICU reads: every ender, the stretch after it up to kContext units and its first letter,
  // and the kContext units before the next ender. The middle of a longer stretch holds no ender
  // and comes after a letter, so ICU would only read on through it without a boundary.
  const std::unique_ptr<char16_t[]> read(new char16_t[text.size()]);  // each unit written once
  struct Resume {
    std::size_t read;  // from this unit of `read` on,
    std::size_t text;  // `read` continues from this unit of `text`
  };
  std::vector<Resume> resumes = {{0, 0}};
  std::size_t length = 0;
  const auto keep = [&](std::size_t from, std::size_t to) {
    std::memcpy(read.get() + length, text.data() + from, (to - from) * sizeof(char16_t));
    length += to - from;
  };
  std::size_t stretch = 0;  // where the current stretch without enders starts
  for (std::size_t i = nextEnder(text, 0);; i = nextEnder(text, i + 1)) {
    std::size_t letter = stretch;
    while (letter < i && !isAsciiLetter(text[letter])) ++letter;
    const std::size_t head = std::max(letter + 1, stretch + kContext);
    const std::size_t tail = i - std::min(i, kContext);
    if (head < tail) {
      keep(stretch, head);
      resumes.push_back({length, tail});
      keep(tail, i);
    } else {
      keep(stretch, i);
    }
    if (i == text.size()) break;
    read[length++] = text[i];
    stretch = i + 1;
  }
  const icu::UnicodeString alias(false, read.get(), static_cast<int32_t>(length));
  icu::BreakIterator* breaks = sentenceBreaker(language);
  breaks->setText(alias);
  std::vector<std::size_t> boundaries;
  auto resume = resumes.begin();
  for (int32_t b = breaks->next(); b != icu::BreakIterator::DONE; b = breaks->next()) {
    const auto at = static_cast<std::size_t>(b);
    while (resume + 1 != resumes.end() && (resume + 1)->read <= at) ++resume;
    boundaries.push_back(resume->text + (at - resume->read));
  }
  return boundaries;
}

}  // namespace diplograph::extract
