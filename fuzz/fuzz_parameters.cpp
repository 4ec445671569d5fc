// libFuzzer target: canned-query parameters. Any value an analyst types either resolves to an
// RDF term or is refused with QueryError; the bound query always parses and runs (a value can
// never change the query). The store is the seed reports, built once in memory.
#include <cstdint>
#include <filesystem>
#include <string>

#include "diplograph/extract/error.h"
#include "diplograph/extract/extractor.h"
#include "diplograph/graph/store.h"
#include "diplograph/graph/vocabulary.h"
#include "diplograph/queries/catalog.h"

namespace {

struct World {
  diplograph::graph::Store store;
  std::vector<diplograph::queries::CannedQuery> catalog;
};

World& world() {
  static World instance = [] {
    namespace fs = std::filesystem;
    const diplograph::extract::Extractor extractor({.dataDir = DIPLOGRAPH_DATA_DIR});
    std::vector<diplograph::extract::Extraction> extractions;
    for (const auto& entry : fs::directory_iterator(fs::path(DIPLOGRAPH_DATA_DIR) / "corpus"))
      extractions.push_back(extractor.extract(diplograph::extract::readDocument(entry.path())));
    World w{diplograph::graph::Store::openForReading({.kind = diplograph::graph::StoreKind::Memory}),
            diplograph::queries::loadCatalog(DIPLOGRAPH_QUERIES_DIR)};
    w.store.ingest(extractions);
    return w;
  }();
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  World& w = world();
  // The first byte picks the query, the rest is the value of each of its parameters.
  const auto& query = w.catalog[data[0] % w.catalog.size()];
  const std::string value(reinterpret_cast<const char*>(data + 1), size - 1);
  std::map<std::string, std::string> values;
  for (const auto& parameter : query.parameters) values[parameter.name] = value;
  std::string sparql;
  try {
    sparql = diplograph::queries::bindParameters(query, values, w.store);
  } catch (const diplograph::QueryError&) {
    return 0;
  }
  w.store.query(diplograph::graph::vocab::sparqlPrefixes() + sparql);  // a QueryError here is a bug: let it escape and crash the fuzzer
  return 0;
}
