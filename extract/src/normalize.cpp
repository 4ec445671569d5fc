#include "diplograph/extract/normalize.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>

namespace diplograph::extract {
namespace {

// ICU transliterators are expensive to build and not thread-safe to share while transliterating:
// one per thread.
icu::Transliterator& stripAccents() {
  thread_local std::unique_ptr<icu::Transliterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; NFC", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw std::logic_error("ICU transliterator unavailable");
    return t;
  }();
  return *instance;
}

}  // namespace

bool isAscii(std::string_view text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::string foldForMatching(std::string_view text) {
  std::string folded;
  if (isAscii(text)) {
    // Most words are ASCII: lower-casing is all ICU would do, at a fraction of the cost.
    folded.reserve(text.size());
    for (const char c : text) folded += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  } else {
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    stripAccents().transliterate(unicode);
    unicode.foldCase();
    unicode.toUTF8String(folded);
  }
  std::string out;
  out.reserve(folded.size());
  bool space = true;  // drops leading spaces
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(folded[i]);
    // U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99) and U+2010..2014 dashes (E2 80 90..94).
    if (c == 0xE2 && i + 2 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0x80) {
      const unsigned char third = static_cast<unsigned char>(folded[i + 2]);
      if (third == 0x99 || third == 0x98) {
        i += 2;
        continue;
      }
      if (third >= 0x90 && third <= 0x94) {
        i += 2;
        if (!space) out += ' ';
        space = true;
        continue;
      }
    }
    if (c == '\'' || c == '.') continue;
    if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '_') {
      if (!space) out += ' ';
      space = true;
      continue;
    }
    out += static_cast<char>(c);
    space = false;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace diplograph::extract
