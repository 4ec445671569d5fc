// Extraction throughput: reads every document of a folder into memory first, then times the
// extractor alone over them (no store, no RDF), REPEAT times, on JOBS threads (default one: the
// per-core rate), and prints the best run as "<MB> <seconds> <MB/s> <mentions>". Threads take
// documents one at a time, as `diplograph ingest --jobs` does. bench/run.sh compares it with
// grep -F -f over the same text.
#include <atomic>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "best_of.h"
#include "diplograph/extract/extractor.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: extract_throughput DATA_DIR FOLDER [REPEAT] [JOBS]\n";
    return 2;
  }
  namespace fs = std::filesystem;
  const diplograph::extract::Extractor extractor({.dataDir = argv[1]});
  std::set<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(argv[2]))
    if (entry.is_regular_file()) files.insert(entry.path());
  std::vector<diplograph::extract::Document> documents;
  double bytes = 0;
  for (const auto& file : files) {
    documents.push_back(diplograph::extract::readDocument(file));
    bytes += static_cast<double>(documents.back().text.size());
  }
  const int repeat = argc > 3 ? std::stoi(argv[3]) : 3;
  const unsigned jobs = argc > 4 ? static_cast<unsigned>(std::stoul(argv[4])) : 1;
  std::atomic<std::size_t> mentions = 0;
  const double best = bestOf(repeat, [&] {
    mentions = 0;
    std::atomic<std::size_t> next = 0;
    const auto work = [&] {
      std::size_t found = 0;
      for (std::size_t i; (i = next++) < documents.size();)
        for (const auto& entity : extractor.extract(documents[i]).entities) found += entity.mentions.size();
      mentions += found;
    };
    std::vector<std::jthread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
    work();
  });
  std::cout << bytes / 1e6 << " " << best << " " << bytes / 1e6 / best << " " << mentions << "\n";
  return 0;
}
