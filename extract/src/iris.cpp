#include "diplograph/extract/iris.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <unordered_map>
#include <stdexcept>

#include "diplograph/extract/normalize.h"

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

std::string join(std::string_view base, std::string_view kind, std::string_view rest) {
  std::string out;
  out.reserve(base.size() + kind.size() + rest.size() + 2);  // one allocation per IRI
  out += base;
  if (!out.empty() && out.back() != '/' && out.back() != '#') out += '/';
  out += kind;
  out += '/';
  out += rest;
  return out;
}

}  // namespace

std::string slug(std::string_view text) {
  // ASCII needs no transliteration: the loop below lower-cases it.
  const bool ascii = isAscii(text);
  const std::string_view letters = ascii ? text : transliterated(text);
  // Written in place, as a slug is never longer than its letters: no check for room per letter.
  std::string out(letters.size(), '\0');
  std::size_t size = 0;
  for (char c : letters) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
      out[size++] = c;
    } else if (u >= 'A' && u <= 'Z') {
      out[size++] = static_cast<char>(u - 'A' + 'a');
    } else if (c == '\'') {
      continue;  // "d'Ivoire" -> "divoire", not "d-ivoire"
    } else if (size > 0 && out[size - 1] != '-') {
      out[size++] = '-';
    }
  }
  while (size > 0 && out[size - 1] == '-') --size;
  out.resize(size);
  return out;
}

std::string stateIri(std::string_view base, std::string_view iso3) { return join(base, "state", iso3); }

std::string organizationIri(std::string_view base, std::string_view key) { return join(base, "org", slug(key)); }

std::string resolutionIri(std::string_view base, std::string_view issuer, std::string_view number,
                          std::optional<int> year) {
  std::string rest = slug(issuer) + "/" + slug(number);
  if (year) rest += "-" + std::to_string(*year);
  return join(base, "resolution", rest);
}

std::string personIri(std::string_view base, std::string_view name) { return join(base, "person", slug(name)); }

std::string placeIri(std::string_view base, std::string_view name) { return join(base, "place", slug(name)); }

std::string dateIri(std::string_view base, std::string_view isoDate) { return join(base, "date", isoDate); }

std::string meetingIri(std::string_view base, std::string_view bodyKey, const std::optional<std::string>& date,
                       const std::optional<std::string>& placeName) {
  // Its parts made first, so that the string joining them is allocated once.
  const std::string_view day = date ? std::string_view(*date) : "undated";
  const std::string place = placeName ? slug(*placeName) : std::string();
  const std::string body = slug(bodyKey);
  std::string rest;
  rest.reserve(day.size() + place.size() + body.size() + 2);
  rest += day;
  if (placeName) {
    rest += '-';
    rest += place;
  }
  rest += '-';
  rest += body;
  return join(base, "meeting", rest);
}

std::string documentIri(std::string_view base, std::string_view sourcePath) {
  std::string_view stem = sourcePath;
  if (const auto slash = stem.find_last_of('/'); slash != std::string_view::npos) stem.remove_prefix(slash + 1);
  if (const auto dot = stem.find_last_of('.'); dot != std::string_view::npos && dot > 0) stem = stem.substr(0, dot);
  return join(base, "document", slug(stem));
}

}  // namespace diplograph::extract
