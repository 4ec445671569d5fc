#include "diplograph/extract/iris.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <memory>
#include <optional>
#include <utility>
#include <unordered_map>
#include <stdexcept>

namespace diplograph::extract {
namespace {

icu::Transliterator& toAscii() {
  // Transliterators are costly to build and not safe to share across threads: one per thread.
  thread_local std::unique_ptr<icu::Transliterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw std::logic_error("ICU transliterator Any-Latin; Latin-ASCII unavailable");
    return t;
  }();
  return *instance;
}

// Text transliterated to lower-case ASCII. Transliterating costs more than the rest of making a
// person's IRI, and the same names recur from document to document: each thread remembers what
// it transliterated, up to a bound.
const std::string& transliterated(std::string_view text) {
  thread_local std::unordered_map<std::string, std::string> known;
  if (const auto it = known.find(std::string(text)); it != known.end()) return it->second;
  if (known.size() >= 100000) known.clear();
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  toAscii().transliterate(unicode);
  std::string out;
  unicode.toUTF8String(out);
  return known.emplace(std::string(text), std::move(out)).first->second;
}

// The Latin letters and punctuation that names are mostly written with beyond ASCII: Latin-1,
// Latin Extended-A and -B, Latin Extended Additional, and the dashes and quotes. On these the
// transliterator works one code point at a time (checked on every pair of them, and of them and
// ASCII): a text of them and ASCII is transliterated as the concatenation of its code points'
// transliterations, each asked of ICU once per thread. Most names are new in each document:
// looked up whole, they would nearly all be transliterated afresh.
constexpr std::pair<char32_t, char32_t> kLatinRanges[] = {{0x00A0, 0x024F}, {0x1E00, 0x1EFF}, {0x2010, 0x2027}};

// The slot of a code point of kLatinRanges in a table of them all, or -1.
int latinSlot(char32_t c) {
  int offset = 0;
  for (const auto& [first, last] : kLatinRanges) {
    if (c >= first && c <= last) return offset + static_cast<int>(c - first);
    offset += static_cast<int>(last - first + 1);
  }
  return -1;
}

// What the transliterator makes of the code point in `slot`, made on first use.
const std::string& latinTransliterated(char32_t c, int slot) {
  constexpr std::size_t kSlots = (0x024F - 0x00A0 + 1) + (0x1EFF - 0x1E00 + 1) + (0x2027 - 0x2010 + 1);
  thread_local std::array<std::optional<std::string>, kSlots> known;
  auto& out = known[static_cast<std::size_t>(slot)];
  if (!out) {
    icu::UnicodeString unicode(static_cast<UChar32>(c));
    toAscii().transliterate(unicode);
    unicode.toUTF8String(out.emplace());
  }
  return *out;
}

// Appends the transliteration of `text` to `out` if all its code points are ASCII or of
// kLatinRanges, as transliterated(text) would give it but for the case of ASCII letters; false
// (with `out` partly written) for any other text, malformed UTF-8 included.
bool appendLatinTransliterated(std::string& out, std::string_view text) {
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(text.data(), i, length, c);  // negative if malformed
    if (c >= 0 && c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    const int slot = c < 0 ? -1 : latinSlot(static_cast<char32_t>(c));
    if (slot < 0) return false;
    out += latinTransliterated(static_cast<char32_t>(c), slot);
  }
  return true;
}

// What each byte of a slug's letters becomes: an ASCII letter lower-cased, a digit itself, an
// apostrophe nothing ("d'Ivoire" -> "divoire", not "d-ivoire"), any other ASCII byte a separator
// '-', and a byte beyond ASCII kBeyondAscii. Letters and digits sort above '-', the rest below.
constexpr char kBeyondAscii = '\x01';
constexpr std::array<char, 256> kSlugBytes = [] {
  std::array<char, 256> bytes{};
  for (std::size_t b = 0; b < 0x80; ++b) bytes[b] = '-';
  for (std::size_t b = 0x80; b < 0x100; ++b) bytes[b] = kBeyondAscii;
  for (char c = 'a'; c <= 'z'; ++c) bytes[static_cast<unsigned char>(c)] = c;
  for (char c = 'A'; c <= 'Z'; ++c) bytes[static_cast<unsigned char>(c)] = static_cast<char>(c - 'A' + 'a');
  for (char c = '0'; c <= '9'; ++c) bytes[static_cast<unsigned char>(c)] = c;
  bytes['\''] = 0;
  return bytes;
}();

// Writes the slug of `letters` at `out`, which has room for it (a slug is never longer than its
// letters), and returns its end. A byte beyond ASCII is a separator if `beyondAsciiSeparates`;
// otherwise nothing more is written and nullptr returned.
char* writeSlug(char* const out, std::string_view letters, bool beyondAsciiSeparates) {
  char* o = out;
  const char* in = letters.data();
  const char* const end = in + letters.size();
  while (in < end) {
    // A run of letters and digits, the most of a slug, copied in a loop that tests nothing else.
    for (char slugged; in < end && (slugged = kSlugBytes[static_cast<unsigned char>(*in)]) > '-'; ++in) *o++ = slugged;
    if (in == end) break;
    const char slugged = kSlugBytes[static_cast<unsigned char>(*in++)];
    if (slugged == kBeyondAscii && !beyondAsciiSeparates) return nullptr;
    // A separator: one for a run of them, and none first (nor last, below).
    if (slugged && o > out && o[-1] != '-') *o++ = '-';
  }
  while (o > out && o[-1] == '-') --o;
  return o;
}

// Appends the slug of `text` to `out`.
void appendSlug(std::string& out, std::string_view text) {
  // ASCII needs no transliteration: it is slugged as it is read. Other text is transliterated
  // into a buffer kept by the thread, or looked up in the transliterations made whole.
  const std::size_t from = out.size();
  out.resize(from + text.size());
  const char* end = writeSlug(out.data() + from, text, false);
  if (!end) {
    thread_local std::string latin;
    latin.clear();
    const std::string_view letters = appendLatinTransliterated(latin, text) ? std::string_view(latin) : std::string_view(transliterated(text));
    out.resize(from + letters.size());
    end = writeSlug(out.data() + from, letters, true);
  }
  out.resize(static_cast<std::size_t>(end - out.data()));
}

// base + kind + '/', the start of every IRI, with room for `rest` more bytes: one allocation per
// IRI as long as what follows fits.
std::string start(std::string_view base, std::string_view kind, std::size_t rest) {
  std::string out;
  out.reserve(base.size() + kind.size() + rest + 2);
  out += base;
  if (!out.empty() && out.back() != '/' && out.back() != '#') out += '/';
  out += kind;
  out += '/';
  return out;
}

std::string join(std::string_view base, std::string_view kind, std::string_view rest) {
  std::string out = start(base, kind, rest.size());
  out += rest;
  return out;
}

// An IRI ending in the slug of `text`; room for it is made as for text itself, which a slug is
// not longer than unless transliterated.
std::string joinSlug(std::string_view base, std::string_view kind, std::string_view text) {
  std::string out = start(base, kind, text.size());
  appendSlug(out, text);
  return out;
}

}  // namespace

std::string slug(std::string_view text) {
  std::string out;
  appendSlug(out, text);
  return out;
}

std::string stateIri(std::string_view base, std::string_view iso3) { return join(base, "state", iso3); }

std::string organizationIri(std::string_view base, std::string_view key) { return joinSlug(base, "org", key); }

std::string resolutionIri(std::string_view base, std::string_view issuer, std::string_view number,
                          std::optional<int> year) {
  // Slugs appended in place, with room for "/" and "-yyyy": one allocation.
  std::string out = start(base, "resolution", issuer.size() + number.size() + 6);
  appendSlug(out, issuer);
  out += '/';
  appendSlug(out, number);
  if (year) {
    out += '-';
    out += std::to_string(*year);
  }
  return out;
}

std::string personIri(std::string_view base, std::string_view name) { return joinSlug(base, "person", name); }

std::string placeIri(std::string_view base, std::string_view name) { return joinSlug(base, "place", name); }

std::string dateIri(std::string_view base, std::string_view isoDate) { return join(base, "date", isoDate); }

std::string meetingIri(std::string_view base, std::string_view bodyKey, const std::optional<std::string>& date,
                       const std::optional<std::string>& placeName) {
  // Slugs appended in place: one allocation.
  const std::string_view day = date ? std::string_view(*date) : "undated";
  std::string out = start(base, "meeting", day.size() + (placeName ? placeName->size() : 0) + bodyKey.size() + 2);
  out += day;
  if (placeName) {
    out += '-';
    appendSlug(out, *placeName);
  }
  out += '-';
  appendSlug(out, bodyKey);
  return out;
}

std::string documentIri(std::string_view base, std::string_view sourcePath) {
  std::string_view stem = sourcePath;
  if (const auto slash = stem.find_last_of('/'); slash != std::string_view::npos) stem.remove_prefix(slash + 1);
  if (const auto dot = stem.find_last_of('.'); dot != std::string_view::npos && dot > 0) stem = stem.substr(0, dot);
  return joinSlug(base, "document", stem);
}

}  // namespace diplograph::extract
