// libFuzzer target: the extractor on any valid UTF-8 text (what the readers hand it). Input that
// is not valid UTF-8 is skipped: readers refuse it before extraction.
#include <unicode/utf8.h>

#include <cstdint>
#include <string>

#include "diplograph/extract/extractor.h"

namespace {

bool validUtf8(const std::string& text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const diplograph::extract::Extractor extractor({.dataDir = DIPLOGRAPH_DATA_DIR});
  diplograph::extract::Document document;
  document.source = "fuzz.txt";
  document.text.assign(reinterpret_cast<const char*>(data), size);
  if (document.text.find('\0') != std::string::npos || !validUtf8(document.text)) return 0;
  extractor.extract(document);
  return 0;
}
