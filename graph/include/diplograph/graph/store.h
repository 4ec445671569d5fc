#pragma once
// The persistent knowledge graph: an embedded librdf store on disk, written in transactions.
//
// A store is a folder. Every write (ingest, remove) builds a new generation of the folder beside
// the current one and switches a `current` symlink to it with one atomic rename, so a failure or a
// kill at any moment leaves the previous generation intact and the store exactly as it was.
// One writer at a time: a second writer is refused with a StoreError (flock on `LOCK`).
//
// Each document's contribution (its triples) is kept beside the graph, so that ingesting a changed
// document replaces its facts, and removing it drops the facts no other document supports.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "diplograph/extract/extraction.h"
#include "diplograph/graph/rdf.h"

namespace diplograph::graph {

// The librdf storages diplograph can run on (a closed list).
enum class StoreKind {
  Hashes,  // librdf "hashes" over Berkeley DB files, predicates indexed (default)
  Sqlite,  // librdf "sqlite"
  Memory,  // librdf "hashes" in memory; nothing persists (tests, one-shot exports)
};

StoreKind storeKindFromName(const std::string& name);  // throws UsageError on unknown names

struct StoreOptions {
  std::filesystem::path path = "diplograph-store";
  StoreKind kind = StoreKind::Hashes;
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
  // Runs SPARQL 1.1 (as far as rasqal supports it). Throws QueryError on a malformed query.
  QueryResult query(const std::string& sparql) const;
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
