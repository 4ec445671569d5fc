// Store-only ingest throughput: extracts every document of a folder first (not timed), then
// times what `diplograph ingest` does after extraction (identity resolution, mapping to RDF and
// writing the lmdb store in one transaction) into a fresh store. Prints
// "<triples> <seconds> <triples/s>". bench/run.sh compares it with rdfproc loading the same
// triples into `hashes`.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <set>
#include <vector>

#include "diplograph/extract/extractor.h"
#include "diplograph/graph/identity.h"
#include "diplograph/graph/store.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: store_throughput DATA_DIR FOLDER NEW_STORE\n";
    return 2;
  }
  namespace fs = std::filesystem;
  namespace graph = diplograph::graph;
  if (fs::exists(argv[3])) {
    std::cerr << "store_throughput: " << argv[3] << " exists; give a new folder\n";
    return 2;
  }
  const diplograph::extract::Extractor extractor({.dataDir = argv[1]});
  std::set<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(argv[2]))
    if (entry.is_regular_file()) files.insert(entry.path());
  std::vector<diplograph::extract::Extraction> extractions;
  for (const auto& file : files) extractions.push_back(extractor.extract(diplograph::extract::readDocument(file)));

  const auto start = std::chrono::steady_clock::now();
  auto store = graph::Store::openForReading({argv[3]});
  const auto overrides = graph::loadIdentityOverrides(fs::path(argv[1]) / "identity.tsv");
  const auto report = store.ingest(graph::resolveIdentities(std::move(extractions), store, overrides));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << report.triplesAfter << " " << seconds << " " << static_cast<double>(report.triplesAfter) / seconds << "\n";
  return 0;
}
