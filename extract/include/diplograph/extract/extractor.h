#pragma once
// Text in -> Extraction out. Reads .txt/.md/.html/.pdf, validates, detects the language and
// recognises states, organizations, resolutions, persons, places, dates and meetings using the
// gazetteers in data/.
#include <filesystem>
#include <memory>
#include <string>

#include "diplograph/extract/extraction.h"

namespace diplograph::extract {

struct ExtractOptions {
  std::string baseIri = "https://diplograph.org/id/";
  // Folder holding the gazetteers (states.tsv, organizations.tsv, ...).
  std::filesystem::path dataDir = "data";
};

// A document after reading: the text the user sees (markup dropped, entities decoded,
// PDF line breaks and hyphenation repaired), plus where it came from.
struct Document {
  std::string source;  // path as given
  std::string text;    // valid UTF-8
  std::string sha256;  // of the file bytes
};

// Throws InputError (missing path, empty, binary, invalid UTF-8 with byte offset, broken PDF).
Document readDocument(const std::filesystem::path& path);

class Extractor {
 public:
  explicit Extractor(ExtractOptions options);
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  Extraction extract(const Document& document) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace diplograph::extract
