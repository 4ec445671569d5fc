#include "text.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>

namespace diplograph::extract {
namespace {

// The ICU sentence breaker for a language, with the standard abbreviation suppressions. Building
// one costs more than segmenting a whole report, and one may not be shared across threads while
// in use: one per thread and language, reused for every document.
icu::BreakIterator* sentenceBreaks(std::string_view language) {
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

// ASCII answers come first: ICU's property look-ups cost more than the rest of tokenizing.
bool isAsciiLower(char32_t c) { return c >= 'a' && c <= 'z'; }
bool isAsciiUpper(char32_t c) { return c >= 'A' && c <= 'Z'; }
bool isAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }

// Classes of ASCII characters, one look-up per character while tokenizing.
enum AsciiClass : std::uint8_t { kLetterOrDigit = 1, kUpper = 2, kLower = 4, kDigit = 8 };
constexpr std::array<std::uint8_t, 128> kAsciiClasses = [] {
  std::array<std::uint8_t, 128> classes{};
  for (char c = 'a'; c <= 'z'; ++c) classes[static_cast<std::size_t>(c)] = kLetterOrDigit | kLower;
  for (char c = 'A'; c <= 'Z'; ++c) classes[static_cast<std::size_t>(c)] = kLetterOrDigit | kUpper;
  for (char c = '0'; c <= '9'; ++c) classes[static_cast<std::size_t>(c)] = kLetterOrDigit | kDigit;
  return classes;
}();

bool isNonAsciiWordChar(char32_t c) {
  return u_isalnum(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) != 0;
}

// Case-folds with ICU and strips accents by NFD: foldCodePoint beyond ASCII, for the characters
// the table below does not hold (and to fill it).
char32_t foldByIcu(char32_t c) {
  static const icu::Normalizer2* nfd = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) throw std::logic_error("ICU NFD normalizer unavailable");
    return n;
  }();
  if (c == 0x131) return 'i';  // dotless i (Turkish) folds to itself otherwise
  if (c == 0x2019 || c == 0x2018 || c == 0x2BC) return '\'';
  UChar32 folded = u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT);
  icu::UnicodeString decomposition;
  if (nfd->getDecomposition(folded, decomposition) && decomposition.length() > 0) folded = decomposition.char32At(0);
  return static_cast<char32_t>(folded);
}

// What the tokenizer asks of a letter of the Latin scripts French and English texts use (up to
// U+024F: "é", "ç", "ğ", "ș"), asked of ICU once for all instead of at every occurrence.
struct LatinLetter {
  char32_t fold = 0;
  bool word = false;
  bool lower = false;
  bool digit = false;
  bool upperOrTitle = false;
};
constexpr char32_t kLatinEnd = 0x250;
const std::array<LatinLetter, kLatinEnd>& latinLetters() {
  static const auto table = [] {
    std::array<LatinLetter, kLatinEnd> letters{};
    for (char32_t c = 0x80; c < kLatinEnd; ++c) {
      const auto u = static_cast<UChar32>(c);
      letters[c] = {foldByIcu(c), isNonAsciiWordChar(c), u_islower(u) != 0, u_isdigit(u) != 0, u_isupper(u) || u_istitle(u)};
    }
    return letters;
  }();
  return table;
}

inline bool isWordChar(char32_t c) {
  if (c < 0x80) return (kAsciiClasses[c] & kLetterOrDigit) != 0;
  return c < kLatinEnd ? latinLetters()[c].word : isNonAsciiWordChar(c);
}
bool isLower(char32_t c) {
  if (c < 0x80) return isAsciiLower(c);
  return c < kLatinEnd ? latinLetters()[c].lower : u_islower(static_cast<UChar32>(c));
}
bool isDigit(char32_t c) {
  if (c < 0x80) return isAsciiDigit(c);
  return c < kLatinEnd ? latinLetters()[c].digit : u_isdigit(static_cast<UChar32>(c));
}
bool isUpperOrTitle(char32_t c) {
  if (c < 0x80) return isAsciiUpper(c);
  if (c < kLatinEnd) return latinLetters()[c].upperOrTitle;
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool isSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0xA0 || c == 0x202F; }

bool isHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0xAD; }

// Writes code point c in UTF-8 at out; returns the end of what it wrote.
char* putUtf8(char* out, char32_t c) {
  if (c < 0x80) {
    *out++ = static_cast<char>(c);
  } else if (c < 0x800) {
    *out++ = static_cast<char>(0xC0 | (c >> 6));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (c >> 12));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (c >> 18));
    *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

// A token being written: its fold and display go straight into the view's buffers, and the
// fold's hash is built as it is written, so the vocabulary look-up reads the word only to
// confirm it.
struct TokenWriter {
  char* fold;     // next byte of the fold
  char* display;  // next byte of the display
  std::uint64_t hash = Vocabulary::kHashStart;
  bool anyLower = false;
  bool allDigits = true;

  // Writes the run of ASCII letters and digits starting at i; returns its end (i itself if
  // there is none). Most words are ASCII.
  std::size_t asciiRun(const std::u32string& t, std::size_t i) {
    for (; i < t.size() && t[i] < 0x80; ++i) {
      const std::uint8_t classes = kAsciiClasses[t[i]];
      if (!(classes & kLetterOrDigit)) break;
      const char c = static_cast<char>(t[i]);
      const char f = (classes & kUpper) ? static_cast<char>(c - 'A' + 'a') : c;
      *display++ = c;
      *fold++ = f;
      hash = Vocabulary::step(hash, f);
      anyLower = anyLower || (classes & kLower);
      allDigits = allDigits && (classes & kDigit);
    }
    return i;
  }
  // Writes one other word character.
  void other(char32_t c, char32_t folded, bool lower, bool digit) {
    const char* from = fold;
    fold = putUtf8(fold, folded);
    for (const char* b = from; b < fold; ++b) hash = Vocabulary::step(hash, *b);
    display = putUtf8(display, c);
    anyLower = anyLower || lower;
    allDigits = allDigits && digit;
  }
};

// Length of a markup tag starting at i ("<sup>", "</sup>", "<br/>"), or 0.
std::size_t tagLength(const std::u32string& t, std::size_t i) {
  if (t[i] != '<' || i + 1 >= t.size()) return 0;
  const char32_t next = t[i + 1];
  if (!(next == '/' || (next < 128 && u_isalpha(static_cast<UChar32>(next))))) return 0;
  for (std::size_t k = i + 1; k < t.size() && k < i + 64; ++k) {
    if (t[k] == '>') return k - i + 1;
    if (t[k] == '<' || t[k] == '\n') return 0;
  }
  return 0;
}

// Position after "-\n" hyphenation at i (hyphen, optional blanks, one line break, blanks, then
// a lower-case letter), or 0 if the hyphen is a real one.
std::size_t hyphenationEnd(const std::u32string& t, std::size_t i) {
  if (!isHyphen(t[i])) return 0;
  std::size_t k = i + 1;
  while (k < t.size() && (t[k] == ' ' || t[k] == '\t')) ++k;
  if (k >= t.size() || t[k] != '\n') return 0;
  ++k;
  while (k < t.size() && (t[k] == ' ' || t[k] == '\t')) ++k;
  if (k >= t.size() || !isLower(t[k])) return 0;
  return k;
}

// A sentence break ICU proposes after an abbreviation or initial ("H.E.", "Dr.", "A.") is not one.
bool endsWithAbbreviation(const std::u32string& t, std::size_t end) {
  std::size_t k = end;
  while (k > 0 && isSpace(t[k - 1])) --k;
  if (k == 0 || t[k - 1] != '.') return false;
  --k;
  std::size_t begin = k;
  while (begin > 0 && u_isalpha(static_cast<UChar32>(t[begin - 1]))) --begin;
  const std::size_t length = k - begin;
  if (length == 0) return false;
  if (!u_isupper(static_cast<UChar32>(t[begin]))) return false;
  return length <= 2 || (length <= 4 && (t[begin + 1] == 'r' || t[begin + 1] == 'm'));  // Mrs, Mme, Prof
}

// A blank line inside a sentence (a page break in a converted report: "le 16\n\ndécembre"):
// the text before it does not end a sentence and the text after it starts in lower case.
bool continuesAcrossBlank(const std::u32string& t, std::size_t i) {
  std::size_t before = i;
  while (before > 0 && isSpace(t[before - 1])) --before;
  std::size_t after = i;
  while (after < t.size() && isSpace(t[after])) ++after;
  if (before == 0 || after >= t.size()) return false;
  const char32_t last = t[before - 1];
  return (u_isalnum(static_cast<UChar32>(last)) || last == ',') && isLower(t[after]);
}

// A line that starts a table row, a list item or a heading ("| ...", "- ", "* ", "# ", "2. ").
bool startsListItem(const std::u32string& t, std::size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
  if (i >= t.size()) return false;
  const char32_t c = t[i];
  if (c == '|' || c == '#' || c == 0x2022) return true;
  if ((c == '-' || c == '*' || c == 0x2013) && i + 1 < t.size() && t[i + 1] == ' ') return true;
  std::size_t k = i;
  while (k < t.size() && k < i + 3 && t[k] >= '0' && t[k] <= '9') ++k;
  return k > i && k + 1 < t.size() && (t[k] == '.' || t[k] == ')') && t[k + 1] == ' ';
}


// The code points of UTF-8 text; counts those beyond U+FFFF in `astral`.
std::u32string toCodePoints(std::string_view utf8, std::size_t& astral) {
  astral = 0;
  std::u32string out;
  out.reserve(utf8.size());
  const auto ascii = [&](std::size_t k) { return static_cast<unsigned char>(utf8[k]) < 0x80; };
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t end = i;
    if (ascii(i)) {
      while (end < utf8.size() && ascii(end)) ++end;
      // Widened in place: append() from char iterators would build a temporary string first.
      const std::size_t at = out.size();
      out.resize(at + end - i);
      std::copy(utf8.begin() + static_cast<std::ptrdiff_t>(i), utf8.begin() + static_cast<std::ptrdiff_t>(end),
                out.begin() + static_cast<std::ptrdiff_t>(at));
      i = end;
      continue;
    }
    // A run of non-ASCII bytes is decoded whole: an ASCII byte never belongs to a multi-byte
    // sequence, so cutting there decodes (and substitutes bad bytes) exactly as ICU would on
    // the whole text, while ASCII, most of every report, skips the UTF-16 round trip.
    while (end < utf8.size() && !ascii(end)) ++end;
    // A well-formed run (the reader accepts no other) by ICU's decoding macro, in place.
    const std::size_t at = out.size();
    bool wellFormed = true;
    for (auto k = static_cast<int32_t>(i); k < static_cast<int32_t>(end) && wellFormed;) {
      UChar32 c = 0;
      U8_NEXT(utf8.data(), k, static_cast<int32_t>(end), c);
      wellFormed = c >= 0;
      astral += c > 0xFFFF;
      out.push_back(static_cast<char32_t>(c));
    }
    if (wellFormed) {
      i = end;
      continue;
    }
    // Else through a UnicodeString, which substitutes bad bytes.
    out.resize(at);
    astral = static_cast<std::size_t>(std::count_if(out.begin(), out.end(), [](char32_t c) { return c > 0xFFFF; }));
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data() + i, static_cast<int32_t>(end - i)));
    for (int32_t k = 0; k < u.length();) {
      const UChar32 c = u.char32At(k);
      astral += c > 0xFFFF;
      out.push_back(static_cast<char32_t>(c));
      k += U16_LENGTH(c);
    }
    i = end;
  }
  return out;
}

}  // namespace

std::string toUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    // ASCII inline: most of every mention.
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      char bytes[4];
      out.append(bytes, putUtf8(bytes, c));
    }
  }
  return out;
}

std::optional<int> asciiNumber(std::string_view digits) {
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  int value = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

char32_t foldCodePoint(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  return c < kLatinEnd ? latinLetters()[c].fold : foldByIcu(c);
}

std::vector<std::string> foldedWords(std::string_view phrase) {
  TextView view(phrase);
  std::vector<std::string> out;
  for (const auto& token : view.tokens()) out.emplace_back(token.fold);
  return out;
}

WordId Vocabulary::add(std::string_view fold) {
  if (const WordId known = find(fold)) return known;
  const auto word = static_cast<WordId>(words_.size());
  words_.emplace_back(fold);
  if (2 * words_.size() > slots_.size()) {
    std::vector<Slot> old(2 * slots_.size());
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.word != kNoWord) slots_[slotOf(words_[slot.word], hashOf(words_[slot.word]))] = slot;
    }
  }
  const std::size_t hash = hashOf(fold);
  slots_[slotOf(fold, hash)] = {word, static_cast<std::uint32_t>(hash >> 32)};
  return word;
}

TextView::TextView(std::string_view utf8, const Vocabulary* vocabulary) {
  text_ = toCodePoints(utf8, astral_);
  const std::u32string& t = text_;
  // Tokens view their fold and display where they are written, so neither buffer may grow past
  // its first size. A display is never longer than the text; a fold takes one byte per
  // ASCII character and at most four per other character, which takes two or more in the text.
  displays_.resize(utf8.size());
  folds_.resize(2 * utf8.size());
  TokenWriter out{folds_.data(), displays_.data()};
  tokens_.reserve(utf8.size() / 6 + 1);  // reports average about a word per six characters
  for (std::size_t i = 0; i < t.size();) {
    if (const std::size_t tag = tagLength(t, i)) {
      i += tag;
      continue;
    }
    if (!isWordChar(t[i])) {
      ++i;
      continue;
    }
    Token token;
    token.start = i;
    const char* fold = out.fold;
    const char* display = out.display;
    out.hash = Vocabulary::kHashStart;
    out.anyLower = false;
    out.allDigits = true;
    while (i < t.size()) {
      if (const std::size_t end = out.asciiRun(t, i); end > i) {
        i = end;
        continue;
      }
      if (isWordChar(t[i])) {
        out.other(t[i], foldCodePoint(t[i]), isLower(t[i]), isDigit(t[i]));
        ++i;
        continue;
      }
      if (const std::size_t after = hyphenationEnd(t, i)) {
        i = after;
        continue;
      }
      break;
    }
    token.end = i;
    token.fold = std::string_view(fold, static_cast<std::size_t>(out.fold - fold));
    token.display = std::string_view(display, static_cast<std::size_t>(out.display - display));
    if (vocabulary) token.word = vocabulary->find(token.fold, out.hash);
    // A token starts on a word character, so its first letter is the text's.
    token.upper = isUpperOrTitle(t[token.start]);
    token.allUpper = !out.anyLower && !out.allDigits;
    token.digits = out.allDigits;
    tokens_.push_back(token);
  }
  folds_.resize(static_cast<std::size_t>(out.fold - folds_.data()));
  displays_.resize(static_cast<std::size_t>(out.display - displays_.data()));
}

void TextView::splitSentences(std::string_view language) {
  const std::u32string& t = text_;
  // Sentences by ICU, on a copy where single line breaks are blanks (hard-wrapped lines are not
  // sentences) but blank lines still end one; same length, so offsets carry over.
  // Built as plain UTF-16 and handed to ICU as a read-only alias: appending to a UnicodeString
  // one character at a time costs more than the sentence breaking itself.
  // Code points beyond U+FFFF take two units; without them a unit index is a code point index.
  const std::size_t astral = astral_;
  // Not value-initialised: every unit is written below.
  const std::unique_ptr<char16_t[]> flat(new char16_t[t.size() + astral]);
  std::size_t units = 0;
  std::vector<std::size_t> cpAt;  // UTF-16 index -> code point index, when they differ
  if (astral) cpAt.reserve(t.size() + astral + 1);
  for (std::size_t i = 0; i < t.size(); ++i) {
    char32_t c = t[i];
    // Most characters are none of the line breaks below and fit one unit.
    if (!astral && c > '\r') {
      flat[units++] = static_cast<char16_t>(c);
      continue;
    }
    const bool blankLine = c == '\n' && ((i + 1 < t.size() && t[i + 1] == '\n') || (i > 0 && t[i - 1] == '\n')) &&
                           !continuesAcrossBlank(t, i);
    const bool tableRow = c == '\n' && startsListItem(t, i + 1);
    if ((c == '\n' || c == '\r') && !blankLine && !tableRow) c = ' ';
    if (c == '\f') c = '\n';
    // As UnicodeString::append(UChar32) did: one unit, a surrogate pair, or nothing if invalid.
    if (c <= 0xFFFF) {
      flat[units++] = static_cast<char16_t>(c);
    } else if (c <= 0x10FFFF) {
      flat[units++] = U16_LEAD(c);
      flat[units++] = U16_TRAIL(c);
    }
    if (astral) cpAt.push_back(i);
    if (astral && c > 0xFFFF) cpAt.push_back(i);
  }
  if (astral) cpAt.push_back(t.size());
  const icu::UnicodeString alias(false, flat.get(), static_cast<int32_t>(units));
  icu::BreakIterator* breaks = sentenceBreaks(language);
  breaks->setText(alias);
  std::size_t start = 0;
  for (int32_t b = breaks->next(); b != icu::BreakIterator::DONE; b = breaks->next()) {
    const std::size_t end = astral ? cpAt[static_cast<std::size_t>(b)] : static_cast<std::size_t>(b);
    if (end < t.size() && endsWithAbbreviation(t, end)) continue;
    std::size_t trimmed = end;
    while (trimmed > start && isSpace(t[trimmed - 1])) --trimmed;
    if (trimmed > start) sentences_.push_back({start, trimmed});
    start = end;
  }
  std::size_t s = 0;
  for (auto& token : tokens_) {
    while (s + 1 < sentences_.size() && token.start >= sentences_[s].end) ++s;
    token.sentence = s;
  }
}

std::u32string_view TextView::gapBefore(std::size_t i) const {
  const std::size_t from = i == 0 ? 0 : tokens_[i - 1].end;
  const std::size_t to = i < tokens_.size() ? tokens_[i].start : text_.size();
  return std::u32string_view(text_).substr(from, to - from);
}

std::string TextView::slice(std::size_t start, std::size_t end) const {
  return toUtf8(std::u32string_view(text_).substr(start, end - start));
}

Mention TextView::mention(std::size_t firstToken, std::size_t lastToken) const {
  const std::size_t start = tokens_[firstToken].start;
  const std::size_t end = tokens_[lastToken].end;
  return {start, end, slice(start, end)};
}

bool TextView::punctuatedBefore(std::size_t i) const {
  for (char32_t c : gapBefore(i)) {
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '|' || c == '.' || c == 0x2013 || c == 0x2014 ||
        c == 0xAB || c == 0xBB || c == '"')
      return true;
  }
  return false;
}

}  // namespace diplograph::extract
