#pragma once
// Text in -> Extraction out. Reads .txt/.md/.html/.pdf, validates, detects the language and
// recognises states, organizations, resolutions, persons, places, dates and meetings using the
// gazetteers in data/.
#include <cstdint>
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

// The default size limit per document: a larger file is refused before it is read
// (`diplograph ingest --max-document-mb` changes it). Reading and extracting a document takes
// about 60 bytes of memory per byte of text, up to about 250 for text dense with names and
// places (measured: a 4 MiB report, 0.24 GB and 1.0 GB), so the limit bounds the memory one
// document can take, however large the file on disk.
inline constexpr std::uintmax_t kDefaultMaxDocumentBytes = std::uintmax_t{16} << 20;
// The highest limit there may be, whatever ReadOptions asks: the extractor counts a document's
// characters in 32 bits.
inline constexpr std::uintmax_t kLargestMaxDocumentBytes = std::uintmax_t{4095} << 20;

struct ReadOptions {
  std::uintmax_t maxBytes = kDefaultMaxDocumentBytes;
};

// A document after reading: the text the user sees (markup dropped, entities decoded,
// PDF line breaks and hyphenation repaired), plus where it came from.
struct Document {
  std::string source;  // path as given
  std::string text;    // valid UTF-8; control characters other than tab, line and page breaks read as spaces
  std::string sha256;  // of the file bytes
  // How the bytes were decoded: "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE" (by their
  // byte-order mark), "windows-1252" (Latin-1 text: not UTF-8, every high byte a Latin-1 or
  // Windows-1252 character, no UTF-8 sequence anywhere), or "PDF".
  std::string encoding = "UTF-8";
};

// Reads a regular file (a symlink to one is fine) of at most options.maxBytes. Throws InputError
// with the path and the reason: missing, a folder, not a regular file, unreadable, over the size
// limit, empty, binary, invalid UTF-8 (with the byte offset), UTF-16 without a byte-order mark,
// a truncated, damaged, encrypted or image-only PDF.
Document readDocument(const std::filesystem::path& path, const ReadOptions& options = {});

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
