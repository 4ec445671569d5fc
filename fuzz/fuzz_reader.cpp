// libFuzzer target: the document readers (text, Markdown, HTML, PDF). The first byte picks the
// format; the rest is the file. A reader may refuse the bytes with InputError, never crash.
#include <unistd.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "diplograph/extract/error.h"
#include "diplograph/extract/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const std::array<const char*, 4> kExtensions = {".txt", ".md", ".html", ".pdf"};
  const auto file = std::filesystem::temp_directory_path() /
                    ("diplograph-fuzz-" + std::to_string(::getpid()) + kExtensions[data[0] % kExtensions.size()]);
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  try {
    diplograph::extract::readDocument(file);
  } catch (const diplograph::InputError&) {
  }
  std::filesystem::remove(file);
  return 0;
}
