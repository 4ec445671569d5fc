#pragma once
// The persistent knowledge graph: an embedded librdf store on disk, written in transactions.
//
// A store is a folder. Every write (ingest, remove) is one transaction, so a failure or a kill at
// any moment leaves the store exactly as it was:
// - lmdb (the default): the folder holds one LMDB environment and a write is one LMDB write
//   transaction; readers keep reading the last commit meanwhile and never wait.
// - hashes, sqlite: a write builds a new generation of the folder beside the current one and
//   switches a `current` symlink to it with one atomic rename.
// One writer at a time: a second writer is refused with a StoreError (flock on `LOCK`).
//
// Each document's contribution (its triples) is kept with the graph (lmdb: in the same LMDB
// environment, committed together; others: one file per document in the generation), so that
// ingesting a changed document replaces its facts, and removing it drops the facts no other
// document supports.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diplograph/extract/extraction.h"
#include "diplograph/graph/rdf.h"

namespace diplograph::graph {

// The librdf storages diplograph can run on (a closed list).
enum class StoreKind {
  Lmdb,    // diplograph's "lmdb" librdf storage: SPO/POS/OSP indexes in LMDB (default)
  Hashes,  // librdf "hashes" over Berkeley DB files, predicates indexed
  Sqlite,  // librdf "sqlite"
  Memory,  // librdf "hashes" in memory; nothing persists (tests, one-shot exports)
};

StoreKind storeKindFromName(const std::string& name);  // throws UsageError on unknown names

struct StoreOptions {
  std::filesystem::path path = "diplograph-store";
  StoreKind kind = StoreKind::Lmdb;
};

// What one ingest did, per document.
struct IngestReport {
  struct Entry {
    std::string documentIri;
    enum class Outcome { Added, Replaced, Unchanged } outcome = Outcome::Added;
    std::size_t triples = 0;
  };
  std::vector<Entry> documents;
  std::size_t triplesBefore = 0;
  std::size_t triplesAfter = 0;
};

// Bounds on one query. rasqal has no way to cancel a query, so the results are read row by row
// and the clock is checked between rows: this bounds the time spent reading rows, but not one step
// that computes before a row comes out (a sort, an aggregate, a large join before its first row),
// which the caller must bound otherwise (the CLI ends the process; a query never writes).
struct QueryLimits {
  std::optional<std::chrono::milliseconds> timeout;  // from the call; throws QueryError past it
  std::optional<std::size_t> maxRows;  // rows (or triples of a graph result) kept; QueryResult::truncated says more were left
};

class Store {
 public:
  // Opens the store for reading; a missing store reads as empty.
  static Store openForReading(const StoreOptions& options);
  ~Store();
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;

  // Adds documents in one transaction: all of them or none. A document already in the store with
  // the same sha256 is left as it is; with another sha256 its old facts are replaced.
  // Throws StoreError if another process is writing.
  IngestReport ingest(const std::vector<extract::Extraction>& extractions);

  // Removes a document (by IRI, file name or path as ingested) and every fact only it supported.
  // Returns the number of triples removed; throws InputError if the document is not in the store.
  std::size_t remove(const std::string& document);

  std::size_t size() const;
  std::vector<Triple> triples() const;
  // Runs SPARQL 1.1 (as far as rasqal supports it). Throws QueryError on a malformed query, and
  // when limits.timeout runs out (see QueryLimits for what that bounds).
  QueryResult query(const std::string& sparql, const QueryLimits& limits = {}) const;
  // Writes the whole graph as "turtle", "ntriples" or "rdfxml" (raptor serializers).
  std::string serialize(const std::string& syntax) const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Parses RDF text ("turtle", "ntriples", "rdfxml") into triples with raptor; throws InputError.
std::vector<Triple> parseRdf(const std::string& text, const std::string& syntax,
                             const std::string& baseIri = "https://diplograph.org/");
// Serializes triples with raptor.
std::string serializeTriples(const std::vector<Triple>& triples, const std::string& syntax);

}  // namespace diplograph::graph
