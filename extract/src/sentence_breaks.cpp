#include "sentence_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/ucharstrie.h>
#include <unicode/ucharstriebuilder.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

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
// A full stop, after which ICU's rules read furthest and its abbreviations match: the
// sentence-break class ATerm ('.', '․', '﹒', '．'). Surrogates count, to be safe.
bool isFullStop(char16_t c) {
  if (c < 0x80) return c == '.';
  return U16_IS_SURROGATE(c) || u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK) == U_SB_ATERM;
}

// ICU's standard sentence-break suppressions for `language` ("Mr.", "e.g.", "Ph.D."), read from
// ICU's own data as its filtered sentence breaker reads them: without duplicates, in code-unit
// order. Empty if the language has none.
std::vector<icu::UnicodeString> abbreviationsOf(const std::string& language) {
  UErrorCode status = U_ZERO_ERROR;
  using Bundle = std::unique_ptr<UResourceBundle, decltype(&ures_close)>;
  const Bundle bundle(ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", language.c_str(), &status), &ures_close);
  if (status == U_USING_DEFAULT_WARNING) return {};
  const Bundle exceptions(ures_getByKey(bundle.get(), "exceptions", nullptr, &status), &ures_close);
  const Bundle suppressions(ures_getByKey(exceptions.get(), "SentenceBreak", nullptr, &status), &ures_close);
  std::vector<icu::UnicodeString> out;
  for (int32_t i = 0; U_SUCCESS(status) && i < ures_getSize(suppressions.get()); ++i) {
    int32_t length = 0;
    const UChar* abbreviation = ures_getStringByIndex(suppressions.get(), i, &length, &status);
    if (U_SUCCESS(status)) out.emplace_back(abbreviation, length);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The boundaries ICU's filtered sentence breaker ("@ss=standard") drops after an abbreviation,
// told the way it tells them: the same tries, built from the same data by the same steps as
// ICU's SimpleFilteredBreakIteratorBuilder, walked as its breakExceptionAt walks them. Asked
// here rather than through that breaker, which copies its text's UText at every boundary: half
// of what the boundaries cost beyond the rules themselves. The differential test holds the two
// equal.
class Abbreviations {
 public:
  explicit Abbreviations(std::vector<icu::UnicodeString> abbreviations) {
    // An abbreviation with a full stop inside ("Ph.D.") goes into the forward trie, and the part
    // up to that stop, reversed, into the backward trie as a partial match, once for all that
    // share it; every other abbreviation, reversed, into the backward trie as a match.
    for (const auto& abbreviation : abbreviations) {
      if (!abbreviation.isEmpty() && lastUnits_.find(abbreviation[abbreviation.length() - 1]) == std::u16string::npos)
        lastUnits_ += abbreviation[abbreviation.length() - 1];
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UCharsTrieBuilder backward(status);
    icu::UCharsTrieBuilder forward(status);
    constexpr int kSuppressInReverse = 1;
    constexpr int kAddToForward = 2;
    std::vector<int> partials(abbreviations.size(), 0);
    bool anyBackward = false;
    bool anyForward = false;
    for (std::size_t i = 0; i < abbreviations.size(); ++i) {
      const int32_t stop = abbreviations[i].indexOf(u'.');
      if (stop < 0 || stop + 1 == abbreviations[i].length()) continue;
      bool sharedWithOneAdded = false;
      for (std::size_t j = 0; j < abbreviations.size(); ++j) {
        if (j == i || abbreviations[i].compare(0, stop + 1, abbreviations[j], 0, stop + 1) != 0) continue;
        if (partials[j] == 0) partials[j] = kSuppressInReverse | kAddToForward;
        else if (partials[j] & kSuppressInReverse) sharedWithOneAdded = true;
      }
      if (!sharedWithOneAdded && partials[i] == 0) {
        icu::UnicodeString prefix(abbreviations[i], 0, stop + 1);
        backward.add(prefix.reverse(), kPartial, status);
        anyBackward = true;
        partials[i] = kSuppressInReverse | kAddToForward;
      }
    }
    for (std::size_t i = 0; i < abbreviations.size(); ++i) {
      if (partials[i] == 0) {
        backward.add(abbreviations[i].reverse(), kMatch, status);
        anyBackward = true;
      } else {
        forward.add(abbreviations[i], kMatch, status);
        anyForward = true;
      }
    }
    // A trie holds at least one abbreviation: a language without any has none.
    if (anyBackward) backward_.reset(backward.build(USTRINGTRIE_BUILD_FAST, status));
    if (anyForward) forward_.reset(forward.build(USTRINGTRIE_BUILD_FAST, status));
    if (U_FAILURE(status)) throw std::logic_error("ICU sentence-break suppressions could not be built");
  }

  // Whether ICU drops the boundary at unit n (0 < n < text.size()) of `text`. The tries are
  // walked in place, from their start: a copy for each boundary cost more than most walks.
  bool dropBoundaryAt(std::u16string_view text, std::size_t n) {
    if (!backward_) return false;
    // From just before a blank that ends the boundary ("Mr. |Brown"), backwards, the longest match.
    std::int32_t at = static_cast<std::int32_t>(n);
    if (text[n - 1] == u' ') --at;
    // The walk starts with the unit before: unless some abbreviation ends with it (ICU's all end
    // with a full stop, so not after a line break, '!' or a letter), none can match.
    if (at == 0 || lastUnits_.find(text[at - 1]) == std::u16string::npos) return false;
    icu::UCharsTrie& backward = backward_->reset();
    std::int32_t matchedFrom = -1;
    int32_t value = 0;
    while (at > 0) {
      UChar32 c = 0;
      U16_PREV(text.data(), 0, at, c);
      const UStringTrieResult step = backward.nextForCodePoint(c);
      if (USTRINGTRIE_HAS_VALUE(step)) {
        matchedFrom = at;
        value = backward.getValue();
      }
      if (!USTRINGTRIE_HAS_NEXT(step)) break;
    }
    if (matchedFrom < 0) return false;
    if (value == kMatch) return true;
    if (value != kPartial || !forward_) return false;
    // "Ph." matched backwards: the whole abbreviation must follow from there.
    icu::UCharsTrie& forward = forward_->reset();
    UStringTrieResult step = USTRINGTRIE_INTERMEDIATE_VALUE;
    const auto length = static_cast<std::int32_t>(text.size());
    for (std::int32_t k = matchedFrom; k < length;) {
      UChar32 c = 0;
      U16_NEXT(text.data(), k, length, c);
      step = forward.nextForCodePoint(c);
      if (!USTRINGTRIE_HAS_NEXT(step)) break;
    }
    return USTRINGTRIE_MATCHES(step);
  }

 private:
  static constexpr int32_t kPartial = 1;  // found backwards, to be confirmed forwards
  static constexpr int32_t kMatch = 2;
  std::unique_ptr<icu::UCharsTrie> backward_;  // null without abbreviations
  std::unique_ptr<icu::UCharsTrie> forward_;   // null without one holding a full stop inside
  std::u16string lastUnits_;  // each abbreviation's last unit, once ('.' for all of ICU's)
};

// Where the text ICU reads continues in the whole text (see sentenceBoundaries).
struct Resume {
  std::size_t read;  // from this unit of what ICU reads on,
  std::size_t text;  // it continues from this unit of the text
};

// ICU's sentence breaker for a language (its rules without the suppressions), the
// suppressions, and how much of a stretch without enders ICU must read on each side (see
// sentenceBoundaries).
struct SentenceBreaker {
  std::unique_ptr<icu::BreakIterator> iterator;
  Abbreviations abbreviations;
  std::size_t context = 0;      // beside a full stop
  std::size_t nearContext = 0;  // beside any other ender
  bool onlyFullStops = false;   // no abbreviation holds an ender other than a full stop
  // sentenceBoundaries' room, kept from one text to the next: a breaker serves one thread.
  std::vector<char16_t> read;
  std::vector<Resume> resumes;
  std::vector<std::size_t> separated;
};

// Building a breaker costs more than segmenting a whole report, and one may not be shared across
// threads while in use: one per thread and language, reused for every document.
SentenceBreaker& sentenceBreaker(std::string_view language) {
  thread_local std::map<std::string, SentenceBreaker, std::less<>> byLanguage;
  auto found = byLanguage.find(language);
  if (found == byLanguage.end()) {
    UErrorCode status = U_ZERO_ERROR;
    const std::string name(language);
    std::unique_ptr<icu::BreakIterator> iterator(icu::BreakIterator::createSentenceInstance(icu::Locale(name.c_str()), status));
    if (U_FAILURE(status)) throw std::logic_error("ICU sentence break iterator unavailable");
    auto abbreviations = abbreviationsOf(name);
    // The longest part of an abbreviation between full stops (" publ" in French "trav. publ."),
    // as its matches, backwards and forwards, cross each full stop into the next stretch.
    std::size_t longestPart = 0;
    bool onlyFullStops = true;  // no abbreviation holds an ender other than a full stop
    for (const auto& abbreviation : abbreviations) {
      std::size_t part = 0;
      for (int32_t k = 0; k < abbreviation.length(); ++k) {
        part = isFullStop(abbreviation[k]) ? 0 : part + 1;
        longestPart = std::max(longestPart, part);
        onlyFullStops = onlyFullStops && (!isEnder(abbreviation[k]) || isFullStop(abbreviation[k]));
      }
    }
    // Beside a full stop, after it: what decides whether it ends a sentence (closing brackets,
    // blanks, digits, up to the first letter: rules SB6-SB11) and the part of an abbreviation
    // matched forward; before it, the part matched backwards. A few more for the blank skipped
    // before matching, the character a match reads past its end and the one rule SB7 reads.
    // Beside '!', '?' or a line separator, no abbreviation can match, and the rules read nothing
    // before it (only rule SB7 looks back, from a full stop) and after it only up to the first
    // letter, which is always kept: no more context.
    const std::size_t context = longestPart + 4;
    found = byLanguage
                .emplace(name, SentenceBreaker{std::move(iterator), Abbreviations(std::move(abbreviations)), context,
                                               onlyFullStops ? 0 : context, onlyFullStops, {}, {}, {}})
                .first;
  }
  return found->second;
}

// The lowest unit beyond ASCII, other than NEL (U+0085), that may end a sentence (U+0589,
// the Armenian full stop, in Unicode 15): the accented letters of French and English texts lie
// below it and need not be asked of ICU. The scan for enders counts on it not being in Latin-1.
char16_t firstEnderBeyondAscii() {
  static const char16_t first = [] {
    char16_t c = 0x80;
    while (c == 0x85 || !isEnder(c)) ++c;  // ends at the surrogates at the latest
    if (c < 0xFF) throw std::logic_error("ICU ends sentences at a Latin-1 character other than NEL");
    return c;
  }();
  return first;
}

// The first unit at or after `i` that is an ASCII ender, NEL or from U+00FF on, or the end.
std::size_t nextCandidate(std::u16string_view text, std::size_t i) {
  // Sixteen units at a time, as one vector of bytes (SSE2, NEON): each unit's low byte, or 0xFF
  // for a unit from U+0100 on. Most stretches are long, and the accented letters of Latin-1 are
  // told apart from what ends sentences without a second look.
  using EightUnits = std::uint16_t __attribute__((vector_size(16)));
  using SixteenBytes = std::uint8_t __attribute__((vector_size(16)));
  for (; i + 16 <= text.size(); i += 16) {
    EightUnits first;
    EightUnits second;
    std::memcpy(&first, text.data() + i, sizeof first);
    std::memcpy(&second, text.data() + i + 8, sizeof second);
    first |= static_cast<EightUnits>((first >> 8) != 0);
    second |= static_cast<EightUnits>((second >> 8) != 0);
    const SixteenBytes bytes = __builtin_shufflevector(reinterpret_cast<SixteenBytes&>(first), reinterpret_cast<SixteenBytes&>(second),
                                                       0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    const auto found = (bytes == 0xFF) | (bytes == 0x85) | (bytes == '.') | (bytes == '!') | (bytes == '?') |
                       (bytes == '\n') | (bytes == '\r');
    std::uint64_t halves[2];  // a byte of 8 set bits for each unit found
    std::memcpy(halves, &found, sizeof halves);
    if (halves[0]) return i + static_cast<std::size_t>(std::countr_zero(halves[0])) / 8;
    if (halves[1]) return i + 8 + static_cast<std::size_t>(std::countr_zero(halves[1])) / 8;
  }
  while (i < text.size() && text[i] < 0xFF && text[i] != 0x85 && (text[i] >= 0x80 || !isAsciiEnder(text[i]))) ++i;
  return i;
}

// The first ender at or after `from`, or the end of the text. The units from U+00FF below
// firstEnderBeyondAscii (Latin Extended, Cyrillic) end nothing and are passed over without ICU.
std::size_t nextEnder(std::u16string_view text, std::size_t from) {
  const char16_t beyond = firstEnderBeyondAscii();
  std::size_t i = nextCandidate(text, from);
  while (i < text.size() && ((text[i] >= 0xFF && text[i] < beyond) || !isEnder(text[i]))) i = nextCandidate(text, i + 1);
  return i;
}

// A paragraph separator: line feed, carriage return, NEL, U+2028, U+2029 (classes LF, CR, Sep).
bool isSeparator(char16_t c) {
  if (c < 0x80) return c == '\n' || c == '\r';
  return !U16_IS_SURROGATE(c) && u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK) == U_SB_SEP;
}

bool isAsciiLetter(char16_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// A mark of the sentence-break classes Extend and Format (U+0301, the soft hyphen), which the
// rules read as part of the character before it (rule SB5). None is ASCII.
bool isMark(char16_t c) {
  if (c < 0x80) return false;
  const auto kind = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
  return kind == U_SB_EXTEND || kind == U_SB_FORMAT;
}

}  // namespace

std::vector<std::u16string> sentenceAbbreviations(std::string_view language) {
  std::vector<std::u16string> out;
  for (const auto& abbreviation : abbreviationsOf(std::string(language)))
    out.emplace_back(abbreviation.getBuffer(), static_cast<std::size_t>(abbreviation.length()));
  return out;
}

std::vector<std::size_t> sentenceBoundaries(std::u16string_view text, std::string_view language) {
  // What ICU reads: every ender, the stretch after it up to its first letter and `context`
  // units, and the `context` units before the next ender (fewer beside enders other than full
  // stops). The middle of a longer stretch holds no ender and comes after a letter, so ICU would
  // only read on through it without a boundary.
  SentenceBreaker& breaker = sentenceBreaker(language);
  const std::size_t context = breaker.context;
  // What ICU reads, each unit written once; it grows only with the longest text yet.
  std::vector<char16_t>& read = breaker.read;
  if (read.size() < text.size()) read.resize(text.size());
  std::vector<Resume>& resumes = breaker.resumes;
  resumes.assign(1, {0, 0});
  std::size_t length = 0;
  const auto keep = [&](std::size_t from, std::size_t to) {
    if (from == to) return;  // `read` may still be empty, its data() null, which memcpy may not take
    std::memcpy(read.data() + length, text.data() + from, (to - from) * sizeof(char16_t));
    length += to - from;
  };
  std::size_t stretch = 0;  // where the current stretch without enders starts
  bool afterFullStop = false;  // whether the ender before the stretch is a full stop
  // A paragraph without a full stop, '!' or '?' (nor a surrogate, counted as one to be safe)
  // ends only after its separator, CR LF as one (rules SB3, SB4), and ICU reads on from each
  // boundary as from the start of a text: such a paragraph is not handed to ICU, and the
  // boundaries before and after it are put in here. Only if no abbreviation holds a separator,
  // for none to drop such a boundary or read across it.
  std::vector<std::size_t>& separated = breaker.separated;  // those boundaries, ascending
  separated.clear();
  std::size_t paragraph = 0;           // where the current paragraph starts in `text`,
  std::size_t paragraphRead = 0;       // in `read`,
  std::size_t paragraphResumes = 1;    // and how many resumes come before it
  bool sentenceEndInParagraph = false;  // whether it holds an ender other than a separator
  for (std::size_t i = nextEnder(text, 0);; i = nextEnder(text, i + 1)) {
    const bool beforeFullStop = i < text.size() && isFullStop(text[i]);
    std::size_t letter = stretch;
    while (letter < i && !isAsciiLetter(text[letter])) ++letter;
    const std::size_t head = std::max(letter + 1, stretch + (afterFullStop ? context : breaker.nearContext));
    std::size_t tail = i - std::min(i, beforeFullStop ? context : breaker.nearContext);
    // Rule SB7 asks what the full stop follows, through any run of marks: the tail starts at the
    // character the marks belong to, or they would seem to follow the head's letter.
    // (At the end of the text there is no full stop, and no unit at `tail` to read.)
    while (tail > head && tail < i && isMark(text[tail])) --tail;
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
    afterFullStop = beforeFullStop;
    if (!isSeparator(text[i])) {
      sentenceEndInParagraph = true;
    } else if (text[i] != '\r' || i + 1 == text.size() || text[i + 1] != '\n') {
      if (!sentenceEndInParagraph && breaker.onlyFullStops) {
        length = paragraphRead;
        resumes.resize(paragraphResumes);
        if (resumes.back().read == length) resumes.back().text = i + 1;
        else resumes.push_back({length, i + 1});
        if (paragraph > 0 && (separated.empty() || separated.back() != paragraph)) separated.push_back(paragraph);
        separated.push_back(i + 1);
      }
      paragraph = i + 1;
      paragraphRead = length;
      paragraphResumes = resumes.size();
      sentenceEndInParagraph = false;
    }
  }
  const icu::UnicodeString alias(false, read.data(), static_cast<int32_t>(length));
  icu::BreakIterator* breaks = breaker.iterator.get();
  breaks->setText(alias);
  std::vector<std::size_t> boundaries;
  boundaries.reserve(text.size() / 32 + 1);
  auto resume = resumes.begin();
  auto alone = separated.begin();
  const std::u16string_view readText(read.data(), length);
  for (int32_t b = breaks->next(); b != icu::BreakIterator::DONE; b = breaks->next()) {
    const auto at = static_cast<std::size_t>(b);
    if (at < length && breaker.abbreviations.dropBoundaryAt(readText, at)) continue;
    while (resume + 1 != resumes.end() && (resume + 1)->read <= at) ++resume;
    // Where a paragraph left out was, ICU's boundary is one of those put in.
    const std::size_t boundary = resume->text + (at - resume->read);
    for (; alone != separated.end() && *alone <= boundary; ++alone)
      if (*alone < boundary) boundaries.push_back(*alone);
    boundaries.push_back(boundary);
  }
  boundaries.insert(boundaries.end(), alone, separated.end());
  return boundaries;
}

}  // namespace diplograph::extract
