// What sentence breaking costs under extraction's throughput, on one core, over every document
// of a folder already decoded to UTF-16: ICU's sentence breaker (the one the extractor uses: the
// document's language with the standard abbreviation suppressions) reading the whole text, and
// the extractor's sentenceBoundaries, which hands ICU only the stretches around what can end a
// sentence. Prints the best of REPEAT runs as
// "<MB of UTF-8> <seconds, whole text> <MB/s, whole text> <sentences> <MB/s, sentenceBoundaries>",
// so bench/run.sh can set them beside extraction and grep.
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "best_of.h"
#include "sentence_breaks.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: sentence_throughput FOLDER [REPEAT]\n";
    return 2;
  }
  namespace fs = std::filesystem;
  std::set<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(argv[1]))
    if (entry.is_regular_file()) files.insert(entry.path());
  std::vector<icu::UnicodeString> documents;
  double bytes = 0;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bytes += static_cast<double>(text.size());
    documents.push_back(icu::UnicodeString::fromUTF8(text));
  }
  // English and French reports share the same rules but for a few suppressions; one locale is
  // enough for a floor.
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::BreakIterator> breaks(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
  if (U_FAILURE(status)) {
    std::cerr << "ICU sentence break iterator unavailable\n";
    return 1;
  }
  const int repeat = argc > 2 ? std::stoi(argv[2]) : 3;
  std::size_t sentences = 0;
  const double best = bestOf(repeat, [&] {
    sentences = 0;
    for (const auto& document : documents) {
      breaks->setText(document);
      for (int32_t b = breaks->next(); b != icu::BreakIterator::DONE; b = breaks->next()) ++sentences;
    }
  });
  std::size_t boundaries = 0;
  const double skipping = bestOf(repeat, [&] {
    boundaries = 0;
    for (const auto& document : documents)
      boundaries += diplograph::extract::sentenceBoundaries({document.getBuffer(), static_cast<std::size_t>(document.length())}, "en").size();
  });
  if (boundaries != sentences) {
    std::cerr << "sentenceBoundaries found " << boundaries << " boundaries, ICU " << sentences << "\n";
    return 1;
  }
  std::cout << bytes / 1e6 << " " << best << " " << bytes / 1e6 / best << " " << sentences << " " << bytes / 1e6 / skipping << "\n";
  return 0;
}
