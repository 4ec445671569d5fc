#include "text.h"

#include "sentence_breaks.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace diplograph::extract {
namespace {

// Classes of ASCII characters, one look-up per character while tokenizing: ICU's property
// look-ups cost more than the rest of tokenizing, and most of every report is ASCII.
enum AsciiClass : std::uint8_t { kWord = 1, kUpper = 2, kLower = 4, kNonDigit = 8 };
constexpr std::array<std::uint8_t, 128> kAsciiClasses = [] {
  std::array<std::uint8_t, 128> classes{};
  for (char c = 'a'; c <= 'z'; ++c) classes[static_cast<std::size_t>(c)] = kWord | kLower | kNonDigit;
  for (char c = 'A'; c <= 'Z'; ++c) classes[static_cast<std::size_t>(c)] = kWord | kUpper | kNonDigit;
  for (char c = '0'; c <= '9'; ++c) classes[static_cast<std::size_t>(c)] = kWord;
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

// What the tokenizer asks of a character beyond ASCII.
struct LetterFacts {
  char32_t fold = 0;
  bool word = false;
  bool alpha = false;
  bool lower = false;
  bool digit = false;
  bool upperOrTitle = false;
};
LetterFacts askIcu(char32_t c) {
  const auto u = static_cast<UChar32>(c);
  return {foldByIcu(c), isNonAsciiWordChar(c), u_isalpha(u) != 0, u_islower(u) != 0, u_isdigit(u) != 0, u_isupper(u) || u_istitle(u)};
}
// The letters of the Latin scripts French and English texts use (up to U+024F: "é", "ç", "ğ",
// "ș") are asked of ICU once for all instead of at every occurrence.
constexpr char32_t kLatinEnd = 0x250;
const std::array<LetterFacts, kLatinEnd>& latinLetters() {
  static const auto table = [] {
    std::array<LetterFacts, kLatinEnd> letters{};
    for (char32_t c = 0x80; c < kLatinEnd; ++c) letters[c] = askIcu(c);
    return letters;
  }();
  return table;
}
LetterFacts factsOf(char32_t c, const std::array<LetterFacts, kLatinEnd>& latin) {
  return c < kLatinEnd ? latin[c] : askIcu(c);
}

bool isAlpha(char32_t c) {
  if (c < 0x80) return (kAsciiClasses[c] & kNonDigit) != 0;  // the ASCII letters
  return c < kLatinEnd ? latinLetters()[c].alpha : u_isalpha(static_cast<UChar32>(c));
}

bool isLower(char32_t c) {
  if (c < 0x80) return (kAsciiClasses[c] & kLower) != 0;
  return c < kLatinEnd ? latinLetters()[c].lower : u_islower(static_cast<UChar32>(c));
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

// Length of a markup tag starting at i ("<sup>", "</sup>", "<br/>"), or 0.
std::size_t tagLength(std::u32string_view t, std::size_t i) {
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
std::size_t hyphenationEnd(std::u32string_view t, std::size_t i) {
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
bool endsWithAbbreviation(std::u32string_view t, std::size_t end) {
  std::size_t k = end;
  while (k > 0 && isSpace(t[k - 1])) --k;
  if (k == 0 || t[k - 1] != '.') return false;
  --k;
  std::size_t begin = k;
  while (begin > 0 && isAlpha(t[begin - 1])) --begin;
  const std::size_t length = k - begin;
  if (length == 0) return false;
  if (!u_isupper(static_cast<UChar32>(t[begin]))) return false;
  return length <= 2 || (length <= 4 && (t[begin + 1] == 'r' || t[begin + 1] == 'm'));  // Mrs, Mme, Prof
}

// The run of blanks [before, after) around a blank line, and whether a sentence continues across
// it: both line breaks of a blank line lie in the same run, and the second asks nothing anew.
struct BlankRun {
  std::size_t before = 0;
  std::size_t after = 0;
  bool continues = false;
};

// A blank line inside a sentence (a page break in a converted report: "le 16\n\ndécembre"):
// the text before it does not end a sentence and the text after it starts in lower case.
// `run` is the last run asked about.
bool continuesAcrossBlank(std::u32string_view t, std::size_t i, BlankRun& run) {
  if (i >= run.before && i < run.after) return run.continues;
  std::size_t before = i;
  while (before > 0 && isSpace(t[before - 1])) --before;
  std::size_t after = i;
  while (after < t.size() && isSpace(t[after])) ++after;
  bool continues = false;
  if (before > 0 && after < t.size()) {
    const char32_t last = t[before - 1];
    const bool alphanumeric = last < 0x80 ? (kAsciiClasses[last] & kWord) != 0 : u_isalnum(static_cast<UChar32>(last));
    continues = (alphanumeric || last == ',') && isLower(t[after]);
  }
  run = {before, after, continues};
  return continues;
}

// A line that starts a table row, a list item or a heading ("| ...", "- ", "* ", "# ", "2. ").
bool startsListItem(std::u32string_view t, std::size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
  if (i >= t.size()) return false;
  const char32_t c = t[i];
  if (c == '|' || c == '#' || c == 0x2022) return true;
  if ((c == '-' || c == '*' || c == 0x2013) && i + 1 < t.size() && t[i + 1] == ' ') return true;
  std::size_t k = i;
  while (k < t.size() && k < i + 3 && t[k] >= '0' && t[k] <= '9') ++k;
  return k > i && k + 1 < t.size() && (t[k] == '.' || t[k] == ')') && t[k + 1] == ' ';
}

// What sentence splitting rewrites: the line breaks '\n', '\r' and the page break '\f'.
bool isLineControl(char32_t c) { return c == '\n' || c == '\r' || c == '\f'; }

// The characters the sentence breaker sees at a line control: a single line break is a blank
// (hard-wrapped lines are not sentences) but a blank line, or one that starts a list item or
// table row, still ends one; a page break is a line break. `run` as for continuesAcrossBlank.
char32_t asSentenceBreakerSees(std::u32string_view t, std::size_t i, BlankRun& run) {
  const char32_t c = t[i];
  if (c == '\f') return '\n';
  if (c == '\r') return ' ';
  if (c != '\n') return c;
  const bool blankLine =
      ((i + 1 < t.size() && t[i + 1] == '\n') || (i > 0 && t[i - 1] == '\n')) && !continuesAcrossBlank(t, i, run);
  return blankLine || startsListItem(t, i + 1) ? '\n' : ' ';
}

// Widens the plain ASCII bytes at the start of `bytes` (below 0x80 and from 0x0E up, so no line
// control) into code points at `out`; returns how many. It may write past them, up to `size`
// code points in all. Most of every report is such bytes.
std::size_t widenPlainAscii(const unsigned char* bytes, std::size_t size, char32_t* out) {
  std::size_t n = 0;
#if defined(__SSE2__)
  // Sixteen at a time: one signed comparison finds the bytes below 0x0E and, as negative,
  // those from 0x80; the others are interleaved with zeros into four code points at a time.
  const __m128i zero = _mm_setzero_si128();
  const __m128i lineControlBound = _mm_set1_epi8(0x0E);
  for (; n + 16 <= size; n += 16) {
    const __m128i sixteen = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + n));
    const int special = _mm_movemask_epi8(_mm_cmplt_epi8(sixteen, lineControlBound));
    const __m128i low = _mm_unpacklo_epi8(sixteen, zero);
    const __m128i high = _mm_unpackhi_epi8(sixteen, zero);
    auto* to = reinterpret_cast<__m128i*>(out + n);
    _mm_storeu_si128(to, _mm_unpacklo_epi16(low, zero));
    _mm_storeu_si128(to + 1, _mm_unpackhi_epi16(low, zero));
    _mm_storeu_si128(to + 2, _mm_unpacklo_epi16(high, zero));
    _mm_storeu_si128(to + 3, _mm_unpackhi_epi16(high, zero));
    // Those from the special byte on are written as well, as scratch the caller writes over:
    // cheaper than copying the ones before it one at a time.
    if (special) return n + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(special)));
  }
#endif
  for (; n < size && bytes[n] >= 0x0E && bytes[n] < 0x80; ++n) out[n] = bytes[n];
  return n;
}

// How many '\n' `utf8` holds: a look at every byte, where memchr, called once per line, costs
// more on lines this short.
std::size_t countLineBreaks(std::string_view utf8) {
  std::size_t lines = 0;
  std::size_t n = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time, into sixteen counters of a byte each, added up every 255 blocks,
  // before any can overflow.
  const __m128i lineBreak = _mm_set1_epi8('\n');
  while (n + 16 <= utf8.size()) {
    __m128i counts = _mm_setzero_si128();
    for (int block = 0; block < 255 && n + 16 <= utf8.size(); ++block, n += 16) {
      const __m128i sixteen = _mm_loadu_si128(reinterpret_cast<const __m128i*>(utf8.data() + n));
      counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(sixteen, lineBreak));  // a match is -1
    }
    const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());  // two sums of eight bytes
    lines += static_cast<std::size_t>(_mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4));
  }
#endif
  return lines + static_cast<std::size_t>(std::count(utf8.begin() + static_cast<std::ptrdiff_t>(n), utf8.end(), '\n'));
}

}  // namespace

// UTF-8 decoded into code points, followed by a NUL. Also counts the code points beyond U+FFFF
// and notes where the line controls and line breaks are.
void TextView::decode(std::string_view utf8) {
  text_.reset(new char32_t[utf8.size() + 1]);  // at most a code point per byte, then the NUL
#if defined(__SSE2__)
  // A document mostly arrives out of cache, and the loops below read it in order, each waiting
  // on one cache line at a time: asked for all at once, its lines arrive together.
  for (std::size_t at = 0; at < utf8.size(); at += 64) _mm_prefetch(utf8.data() + at, _MM_HINT_T0);
#endif
  // Sized once, so that neither list regrows (a '\r' mostly goes with a '\n').
  if (const std::size_t lines = countLineBreaks(utf8)) {
    lineControls_.reserve(lines);
    lineBreaks_.reserve(lines);
  }
  char32_t* o = text_.get();
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* const end = p + utf8.size();
  const auto putAscii = [&](unsigned char byte) {
    if (byte <= '\r' && isLineControl(byte)) {
      const auto at = static_cast<std::uint32_t>(o - text_.get());
      lineControls_.push_back(at);
      if (byte == '\n') lineBreaks_.push_back(at);
    }
    *o++ = byte;
  };
  while (p < end) {
    const std::size_t plain = widenPlainAscii(p, static_cast<std::size_t>(end - p), o);
    p += plain;
    o += plain;
    if (p < end && *p < 0x80) {
      putAscii(*p++);
      continue;
    }
    // A run of non-ASCII bytes is decoded whole: an ASCII byte never belongs to a multi-byte
    // sequence, so cutting there decodes (and substitutes bad bytes) exactly as ICU would on
    // the whole text, while ASCII skips the UTF-16 round trip.
    const auto* runEnd = p;
    while (runEnd < end && *runEnd >= 0x80) ++runEnd;
    const auto runLength = static_cast<int32_t>(runEnd - p);
    // A well-formed run (the reader accepts no other) by ICU's decoding macro, in place.
    char32_t* const runOut = o;
    bool wellFormed = true;
    for (int32_t k = 0; k < runLength && wellFormed;) {
      UChar32 c = 0;
      U8_NEXT(p, k, runLength, c);
      wellFormed = c >= 0;
      *o++ = static_cast<char32_t>(c);
    }
    if (!wellFormed) {
      // Else through a UnicodeString, which substitutes bad bytes.
      o = runOut;
      const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(reinterpret_cast<const char*>(p), runLength));
      for (int32_t k = 0; k < u.length(); k += U16_LENGTH(u.char32At(k))) *o++ = static_cast<char32_t>(u.char32At(k));
    }
    astral_ += static_cast<std::size_t>(std::count_if(runOut, o, [](char32_t c) { return c > 0xFFFF; }));
    p = runEnd;
  }
  *o = 0;
  size_ = static_cast<std::size_t>(o - text_.get());
}

namespace {

// Narrows the ASCII code points at the start of [in, end) into bytes at `out`; returns how many.
// Most of every mention is ASCII.
std::size_t narrowAscii(const char32_t* in, const char32_t* end, char* out) {
  const auto size = static_cast<std::size_t>(end - in);
  std::size_t n = 0;
#if defined(__SSE2__)
  // Eight or four at a time: code points are positive as signed 32-bit numbers, so one signed
  // comparison finds those past ASCII; two packings narrow the others to bytes. The last ones
  // are read along with some before them, narrowed already, rather than one at a time.
  const __m128i lastAscii = _mm_set1_epi32(0x7F);
  const auto eight = [&](std::size_t at) {
    const __m128i low = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + at));
    const __m128i high = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + at + 4));
    if (_mm_movemask_epi8(_mm_cmpgt_epi32(_mm_or_si128(low, high), lastAscii))) return false;
    const __m128i words = _mm_packs_epi32(low, high);
    _mm_storel_epi64(reinterpret_cast<__m128i*>(out + at), _mm_packus_epi16(words, words));
    return true;
  };
  const auto four = [&](std::size_t at) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + at));
    if (_mm_movemask_epi8(_mm_cmpgt_epi32(block, lastAscii))) return false;
    const __m128i words = _mm_packs_epi32(block, block);
    const auto bytes = static_cast<std::uint32_t>(_mm_cvtsi128_si32(_mm_packus_epi16(words, words)));
    std::memcpy(out + at, &bytes, 4);
    return true;
  };
  if (size >= 8) {
    while (n + 8 <= size && eight(n)) n += 8;
    if (n + 8 > size && (n == size || eight(size - 8))) return size;
  } else if (size >= 4 && four(0)) {
    n = 4;
    if (four(size - 4)) return size;
  }
#endif
  for (; n < size && in[n] < 0x80; ++n) out[n] = static_cast<char>(in[n]);
  return n;
}

// Appends the UTF-8 of `text` to `out`.
void appendUtf8(std::string& out, std::u32string_view text) {
  // Written through a pointer into a buffer on the stack, then appended once: appending a
  // character at a time checks the string's capacity at each. Mentions are short.
  constexpr std::size_t kShort = 64;
  char buffer[4 * kShort];
  for (const char32_t *in = text.data(), *end = in + text.size(); in < end;) {
    const char32_t* const partEnd = in + std::min<std::size_t>(static_cast<std::size_t>(end - in), kShort);
    char* o = buffer;
    while (in < partEnd) {
      const std::size_t ascii = narrowAscii(in, partEnd, o);
      in += ascii;
      o += ascii;
      if (in < partEnd) o = putUtf8(o, *in++);
    }
    out.append(buffer, o);
  }
}

}  // namespace

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
  return factsOf(c, latinLetters()).fold;
}

std::vector<std::string> foldedWords(std::string_view phrase) {
  TextView view(phrase);
  std::vector<std::string> out;
  for (const auto& token : view.tokens()) out.emplace_back(token.fold);
  return out;
}

WordId Vocabulary::add(std::string_view fold) {
  const std::uint64_t hash = hashOf(fold);
  if (const WordId known = numbers_.find(fold, hash, wordOf())) return known;
  const auto word = static_cast<WordId>(words_.size());
  words_.emplace_back(fold);
  numbers_.insert(fold, hash, word, wordOf(), &Vocabulary::hashOf);
  return word;
}

namespace {

// KeyIndex::tailOf a fold that has eight readable bytes after it (TextView::folds_): one read
// and a mask, where tailOf, which may read no further than the key, branches on the length of
// every word.
std::uint64_t tailOfFold(std::string_view fold) {
  const std::size_t n = fold.size();
  const bool whole = n >= 8;
  std::uint64_t tail = 0;
  std::memcpy(&tail, whole ? fold.data() + n - 8 : fold.data(), 8);
  return tail & (whole ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * (n & 7))) - 1);
}

}  // namespace

TextView::TextView(std::string_view utf8, const Vocabulary* vocabulary) {
  decode(utf8);
  // The NUL after the text ends every run below without a bounds check; a NUL inside the text
  // is told apart by its position.
  const char32_t* const t = text_.get();
  const std::size_t size = size_;
  const auto& latin = latinLetters();
  // Tokens view their fold and display where they are written, so neither buffer may grow past
  // its first size. A display is never longer than the text; a fold takes one byte per
  // ASCII character and at most four per other character, which takes two or more in the text.
  // Eight more bytes let the last fold's tail be read as eight bytes (tailOfFold).
  displays_.reset(new char[utf8.size()]);
  folds_.reset(new char[2 * utf8.size() + 8]);
  char* display = displays_.get();
  char* fold = folds_.get();
  tokens_.reserve(utf8.size() / 6 + 1);  // reports average about a word per six characters
  capitalised_.reserve(utf8.size() / 24 + 1);  // and a capitalised one in four
  for (std::size_t i = 0; i < size;) {
    char32_t c = t[i];
    if (c < 0x80 ? !(kAsciiClasses[c] & kWord) : !factsOf(c, latin).word) {
      const std::size_t tag = c == '<' ? tagLength(text(), i) : 0;
      i += tag ? tag : 1;
      continue;
    }
    const std::size_t start = i;
    const char* const foldStart = fold;
    const char* const displayStart = display;
    // The fold's hash is built as it is written, so the vocabulary look-up reads the word only
    // to confirm it; `seen` gathers the AsciiClass bits of every character.
    std::uint64_t hash = Vocabulary::kHashStart;
    unsigned seen = 0;
    const bool upper = c < 0x80 ? (kAsciiClasses[c] & kUpper) != 0 : factsOf(c, latin).upperOrTitle;
    for (;;) {
      // ASCII letters and digits, most of every word, in a loop of their own.
      for (std::uint8_t classes = 0; c < 0x80 && ((classes = kAsciiClasses[c]) & kWord); c = t[++i]) {
        const char folded = static_cast<char>(c | 0x20);  // lower-cases a letter, keeps a digit
        *display++ = static_cast<char>(c);
        *fold++ = folded;
        hash = Vocabulary::step(hash, folded);
        seen |= classes;
      }
      if (c >= 0x80) {
        if (const LetterFacts letter = factsOf(c, latin); letter.word) {
          const char* const from = fold;
          fold = putUtf8(fold, letter.fold);
          for (const char* b = from; b < fold; ++b) hash = Vocabulary::step(hash, *b);
          display = putUtf8(display, c);
          seen |= (letter.lower ? kLower : 0) | (letter.digit ? 0 : kNonDigit);
          c = t[++i];
          continue;
        }
      }
      if (const std::size_t after = i < size ? hyphenationEnd(text(), i) : 0) {
        i = after;
        c = t[i];
        continue;
      }
      break;
    }
    const bool digits = !(seen & kNonDigit);
    // Filled in where it is stored: a token built aside field by field and then copied in is
    // read back before its narrow fields' stores have landed, which stalls the copy.
    Token& token = tokens_.emplace_back();
    token.start = static_cast<std::uint32_t>(start);
    token.end = static_cast<std::uint32_t>(i);
    token.fold = std::string_view(foldStart, static_cast<std::size_t>(fold - foldStart));
    token.display = std::string_view(displayStart, static_cast<std::size_t>(display - displayStart));
    if (vocabulary) token.word = vocabulary->find(token.fold, tailOfFold(token.fold), hash);
    token.upper = upper;
    token.allUpper = !(seen & kLower) && !digits;
    token.digits = digits;
    if (token.upper || token.allUpper) capitalised_.push_back(static_cast<std::uint32_t>(tokens_.size() - 1));
  }
}

void TextView::splitSentences(std::string_view language) {
  const std::u32string_view t = text();
  // Sentences by ICU, on a copy as asSentenceBreakerSees it; same length, so offsets carry over.
  // Built as plain UTF-16: appending to a UnicodeString one character at a time costs more than
  // the sentence breaking itself.
  // Code points beyond U+FFFF take two units; without them a unit index is a code point index.
  const std::size_t astral = astral_;
  // Not value-initialised: every unit is written below.
  const std::unique_ptr<char16_t[]> flat(new char16_t[t.size() + astral]);
  std::size_t units = t.size();
  std::vector<std::size_t> cpAt;  // UTF-16 index -> code point index, when they differ
  BlankRun run;
  if (!astral) {
    // Sixteen at a time: a loop of a known count, which the compiler turns into vector code.
    std::size_t i = 0;
    for (; i + 16 <= t.size(); i += 16)
      for (std::size_t k = 0; k < 16; ++k) flat[i + k] = static_cast<char16_t>(t[i + k]);
    for (; i < t.size(); ++i) flat[i] = static_cast<char16_t>(t[i]);
    for (const std::uint32_t i : lineControls_) flat[i] = static_cast<char16_t>(asSentenceBreakerSees(t, i, run));
  } else {
    units = 0;
    cpAt.reserve(t.size() + astral + 1);
    for (std::size_t i = 0; i < t.size(); ++i) {
      const char32_t c = asSentenceBreakerSees(t, i, run);
      // As UnicodeString::append(UChar32) did: one unit, a surrogate pair, or nothing if invalid.
      if (c <= 0xFFFF) {
        flat[units++] = static_cast<char16_t>(c);
      } else if (c <= 0x10FFFF) {
        flat[units++] = U16_LEAD(c);
        flat[units++] = U16_TRAIL(c);
      }
      cpAt.push_back(i);
      if (c > 0xFFFF) cpAt.push_back(i);
    }
    cpAt.push_back(t.size());
  }
  const std::vector<std::size_t> boundaries = sentenceBoundaries({flat.get(), units}, language);
  sentences_.reserve(boundaries.size());
  std::size_t start = 0;
  for (const std::size_t b : boundaries) {
    const std::size_t end = astral ? cpAt[b] : b;
    if (end < t.size() && endsWithAbbreviation(t, end)) continue;
    std::size_t trimmed = end;
    while (trimmed > start && isSpace(t[trimmed - 1])) --trimmed;
    if (trimmed > start) sentences_.push_back({start, trimmed});
    start = end;
  }
  // Each token in the first sentence that ends after its start, or in the last; that sentence's
  // end is held aside, the last one's as beyond every token.
  const std::size_t last = sentences_.empty() ? 0 : sentences_.size() - 1;
  const auto endOf = [&](std::size_t s) { return s < last ? sentences_[s].end : SIZE_MAX; };
  std::size_t s = 0;
  std::size_t end = endOf(s);
  for (auto& token : tokens_) {
    while (token.start >= end) end = endOf(++s);
    token.sentence = static_cast<std::uint32_t>(s);
  }
}

std::string TextView::slice(std::size_t start, std::size_t end) const {
  std::string out;
  appendSlice(out, start, end);
  return out;
}

void TextView::appendSlice(std::string& out, std::size_t start, std::size_t end) const {
  appendUtf8(out, text().substr(start, end - start));
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
