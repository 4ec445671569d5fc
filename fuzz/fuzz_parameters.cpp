// libFuzzer target: canned-query parameters. Any value an analyst types either resolves to an
// RDF term or is refused with QueryError, and the bound query always parses (a value can never
// change the query). Parsing is checked with rasqal alone: running every query under the
// sanitizers would spend the fuzzing time in librdf's scans, not in our binding code. The store
// the values are resolved against is the seed reports, built once in memory.
#include <rasqal.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "diplograph/extract/error.h"
#include "diplograph/extract/extractor.h"
#include "diplograph/graph/store.h"
#include "diplograph/graph/vocabulary.h"
#include "diplograph/queries/catalog.h"

namespace {

struct RasqalWorldDeleter {
  void operator()(rasqal_world* world) const { rasqal_free_world(world); }
};
struct RasqalQueryDeleter {
  void operator()(rasqal_query* query) const { rasqal_free_query(query); }
};

struct World {
  diplograph::graph::Store store;
  std::vector<diplograph::queries::CannedQuery> catalog;
  std::unique_ptr<rasqal_world, RasqalWorldDeleter> rasqal{rasqal_new_world()};
};

// Throws if rasqal cannot parse `sparql`.
void checkParses(rasqal_world* world, const std::string& sparql) {
  std::unique_ptr<rasqal_query, RasqalQueryDeleter> query(rasqal_new_query(world, "sparql", nullptr));
  if (!query) throw std::logic_error("rasqal has no SPARQL parser");
  if (rasqal_query_prepare(query.get(), reinterpret_cast<const unsigned char*>(sparql.c_str()), nullptr) != 0)
    throw std::logic_error("a bound parameter broke the query:\n" + sparql);
}

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
    // Entity and state values are matched against every label in the store, a label query
    // taking a second per input under the sanitizers. Resolution references are where the
    // text an analyst types is taken apart (parseResolution), so the fuzzer spends its time there.
    std::erase_if(w.catalog, [](const auto& query) {
      return query.parameters.empty() ||
             std::any_of(query.parameters.begin(), query.parameters.end(),
                         [](const auto& parameter) { return parameter.kind != "resolution"; });
    });
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
  checkParses(w.rasqal.get(), diplograph::graph::vocab::sparqlPrefixes() + sparql);  // escapes: a bug
  return 0;
}
