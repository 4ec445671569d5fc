#include "diplograph/graph/store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>

#include "diplograph/extract/error.h"
#include "diplograph/graph/mapping.h"
#include "diplograph/graph/vocabulary.h"
#include "librdf/world.h"
#include "lmdb/storage.h"

namespace diplograph::graph {
namespace fs = std::filesystem;
using librdf::bytes;
using librdf::check;

StoreKind storeKindFromName(const std::string& name) {
  if (name == "lmdb") return StoreKind::Lmdb;
  if (name == "hashes") return StoreKind::Hashes;
  if (name == "sqlite") return StoreKind::Sqlite;
  if (name == "memory") return StoreKind::Memory;
  throw UsageError("unknown store kind '" + name + "' (expected lmdb, hashes, sqlite or memory)");
}

namespace {

constexpr const char* kCurrent = "current";
constexpr const char* kDocuments = "documents";

// Forces a file or folder to disk, so the rename that publishes a generation never points at
// data still in the page cache.
void syncPath(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void syncTree(const fs::path& root) {
  for (const auto& entry : fs::recursive_directory_iterator(root)) syncPath(entry.path());
  syncPath(root);
}

// The sidecar file holding one document's triples, as canonical N-Triples lines.
fs::path sidecar(const fs::path& generation, const std::string& documentIri) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : documentIri) hash = (hash ^ c) * 1099511628211ULL;
  std::ostringstream name;
  name << std::hex << hash << ".nt";
  return generation / kDocuments / name.str();
}

std::string readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// N-Triples lines; std::less<> finds a line by string_view without copying it.
using Lines = std::set<std::string, std::less<>>;

// Calls `visit` with each non-empty line of `text`.
template <typename Visit>
void forEachLine(std::string_view text, Visit&& visit) {
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    if (end > 0) visit(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
}

std::string joinLines(const Lines& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

// A generation folder of a hashes or sqlite store: gen-<number>.
bool isGeneration(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 4 && name.rfind("gen-", 0) == 0 &&
         name.find_first_not_of("0123456789", 4) == std::string::npos;
}

// True when `folder` holds nothing but the writer lock file and what a first write left when it
// failed or was killed before publishing anything (generations, a `current.new` link, an LMDB
// environment without a commit): a store with nothing committed yet, which reads as empty.
// `lmdbStore` is lmdb::isStore(folder): when false, data.mdb and lock.mdb hold nothing yet.
bool emptyButLock(const fs::path& folder, bool lmdbStore) {
  for (const auto& entry : fs::directory_iterator(folder)) {
    const auto name = entry.path().filename();
    const bool lmdbFile = name == "data.mdb" || name == "lock.mdb";
    if (name != "LOCK" && name != "current.new" && !isGeneration(entry.path()) && !(lmdbFile && !lmdbStore))
      return false;
  }
  return true;
}

// Holds the exclusive writer lock on a store folder for its lifetime.
class WriterLock {
 public:
  explicit WriterLock(const fs::path& store) {
    fd_ = ::open((store / "LOCK").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw StoreError("cannot open lock file in " + store.string());
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd_);
      throw StoreError("store " + store.string() + " is being written by another diplograph process");
    }
  }
  ~WriterLock() {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace

struct Store::Impl {
  StoreOptions options;
  librdf::Session session;
  librdf::Storage storage;
  librdf::Model model;
  fs::path generation;  // folder of the generation the model is open on; empty for memory and lmdb

  explicit Impl(StoreOptions o) : options(std::move(o)) {}

  void open(const fs::path& folder, bool create, bool writable) {
    model.reset();
    storage.reset();
    generation = folder;
    std::string kind = "hashes";
    std::string name = "triples";
    std::string settings;
    switch (options.kind) {
      case StoreKind::Lmdb:
        // The folder is the LMDB environment: a writable open creates it when missing, and never
        // passes new='yes', which would empty it.
        kind = lmdb::kStorageName;
        name = folder.string();
        settings = writable ? "write='yes'" : "write='no'";
        break;
      case StoreKind::Memory:
        settings = "hash-type='memory'";
        break;
      case StoreKind::Hashes:
        settings = "hash-type='bdb',dir='" + folder.string() + "',index-predicates='yes'";
        break;
      case StoreKind::Sqlite:
        kind = "sqlite";
        name = (folder / "triples.sqlite").string();
        settings = "synchronous='off'";
        break;
    }
    if (options.kind != StoreKind::Lmdb) {
      if (create) settings += ",new='yes'";
      if (!writable) settings += ",write='no'";
    }
    storage.reset(librdf_new_storage(session.world(), kind.c_str(), name.c_str(), settings.c_str()));
    if (!storage) throw StoreError(session.takeError("cannot open store at " + options.path.string()));
    model.reset(librdf_new_model(session.world(), storage.get(), nullptr));
    if (!model) throw StoreError(session.takeError("cannot open model on store " + options.path.string()));
  }

  // Opens the generation `current` points to (lmdb: the store's environment), or an empty
  // in-memory model if there is none.
  void openCurrent() {
    if (options.kind == StoreKind::Lmdb && lmdb::isStore(options.path)) {
      open(options.path, false, false);
      generation.clear();
      return;
    }
    const fs::path current = options.path / kCurrent;
    if (options.kind == StoreKind::Memory || options.kind == StoreKind::Lmdb || !fs::exists(current)) {
      const auto kind = options.kind;
      options.kind = StoreKind::Memory;
      open({}, true, true);
      options.kind = kind;
      generation.clear();
      return;
    }
    open(fs::canonical(current), false, false);
  }

  std::size_t size() const {
    const int n = librdf_model_size(model.get());
    if (n >= 0) return static_cast<std::size_t>(n);
    // Some storages cannot count: count by streaming.
    librdf::Stream stream(librdf_model_as_stream(model.get()));
    std::size_t count = 0;
    for (; stream && !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) ++count;
    return count;
  }

  void add(const std::vector<Triple>& triples) {
    if (options.kind == StoreKind::Lmdb) return lmdb::addTriples(storage.get(), triples);
    for (const auto& triple : triples) {
      auto statement = session.statement(triple);
      // librdf returns -1 ("non 0") for a statement it holds, >0 for an illegal one.
      if (librdf_model_contains_statement(model.get(), statement.get()) < 0) continue;
      if (librdf_model_add_statement(model.get(), statement.get()) != 0)
        throw StoreError(session.takeError(
            options.kind == StoreKind::Memory
                ? "cannot add a statement to the in-memory store (librdf 1.0.17's memory hashes break past about "
                  "two million triples: use the default lmdb store)"
                : "cannot add a statement to the store"));
    }
  }

  void remove(const std::vector<Triple>& triples) {
    for (const auto& triple : triples) {
      auto statement = session.statement(triple);
      librdf_model_remove_statement(model.get(), statement.get());
    }
  }

  std::vector<Triple> parseLines(const Lines& lines) const {
    return parseRdf(joinLines(lines), "ntriples");
  }

  // The record of document `iri` in the store being written, if it holds the document: the
  // lines it supports, sorted, each ending in '\n'.
  std::optional<std::string> documentLines(const fs::path& generation, const std::string& iri) const {
    if (options.kind == StoreKind::Lmdb) return lmdb::documentLines(storage.get(), iri);
    if (generation.empty()) return std::nullopt;  // memory: no sidecars
    const fs::path file = sidecar(generation, iri);
    if (!fs::exists(file)) return std::nullopt;
    return readText(file);
  }

  // Drops from `lines` each line some document's record in the store being written holds: one
  // pass over every record, whatever the number of documents that changed.
  void dropSupported(const fs::path& generation, Lines& lines) const {
    const auto drop = [&](std::string_view record) {
      forEachLine(record, [&](std::string_view line) {
        if (const auto it = lines.find(line); it != lines.end()) lines.erase(it);
      });
    };
    if (options.kind == StoreKind::Lmdb)
      return lmdb::forEachDocument(storage.get(), [&](std::string_view, std::string_view record) { drop(record); });
    if (generation.empty()) return;
    for (const auto& file : fs::directory_iterator(generation / kDocuments)) drop(readText(file.path()));
  }

  // Removes the triples of `lines` that no document supports any more.
  void removeUnsupported(const fs::path& generation, Lines lines) {
    if (lines.empty()) return;
    dropSupported(generation, lines);
    remove(parseLines(lines));
  }

  void putDocument(const fs::path& generation, const std::string& iri, const std::string& record) {
    if (options.kind == StoreKind::Lmdb) return lmdb::putDocument(storage.get(), iri, record);
    if (generation.empty()) return;
    const fs::path file = sidecar(generation, iri);
    std::ofstream out(file, std::ios::trunc);
    out << record;
    if (!out) throw StoreError("cannot write " + file.string());
  }

  void eraseDocument(const fs::path& generation, const std::string& iri) {
    if (options.kind == StoreKind::Lmdb) return lmdb::eraseDocument(storage.get(), iri);
    if (!generation.empty()) fs::remove(sidecar(generation, iri));
  }

  // lmdb: runs `change` in one LMDB write transaction on the store's environment.
  template <typename Change>
  void lmdbTransaction(Change&& change) {
    fs::create_directories(options.path);
    WriterLock lock(options.path);
    try {
      model.reset();
      storage.reset();
      open(options.path, true, true);
      if (librdf_model_transaction_start(model.get()) != 0)
        throw StoreError(session.takeError("cannot start a transaction on " + options.path.string()));
      change(fs::path{});
      if (librdf_model_transaction_commit(model.get()) != 0)
        throw StoreError(session.takeError("cannot commit to " + options.path.string()));
    } catch (...) {
      if (model) librdf_model_transaction_rollback(model.get());  // nothing reaches the disk
      model.reset();
      storage.reset();
      session.takeError("");
      openCurrent();
      throw;
    }
    openCurrent();
  }

  // Runs `change` on a copy of the current generation and publishes the copy atomically.
  template <typename Change>
  void transaction(Change&& change) {
    if (options.kind == StoreKind::Memory) {
      change(fs::path{});
      return;
    }
    if (options.kind == StoreKind::Lmdb) return lmdbTransaction(std::forward<Change>(change));
    fs::create_directories(options.path);
    WriterLock lock(options.path);
    const fs::path current = options.path / kCurrent;
    const bool exists = fs::exists(current);
    const fs::path previous = exists ? fs::canonical(current) : fs::path{};
    std::size_t number = 0;
    if (exists) number = std::stoul(previous.filename().string().substr(4)) + 1;
    const fs::path next = options.path / ("gen-" + std::to_string(number));
    // Leftovers of killed writes: a generation never published (killed before the rename), or
    // one replaced but not yet deleted (killed after it). Only the current one is kept.
    for (const auto& entry : fs::directory_iterator(options.path)) {
      if (isGeneration(entry.path()) && !(exists && entry.path().filename() == previous.filename()))
        fs::remove_all(entry.path());
    }
    try {
      model.reset();
      storage.reset();
      if (exists) {
        fs::copy(previous, next, fs::copy_options::recursive);
      } else {
        fs::create_directories(next / kDocuments);
      }
      open(next, !exists, true);
      change(next);
      model.reset();  // closing flushes the Berkeley DB files
      storage.reset();
      syncTree(next);
      const fs::path link = options.path / "current.new";
      fs::remove(link);
      fs::create_directory_symlink(next.filename(), link);
      fs::rename(link, current);  // the commit point
      syncPath(options.path);
    } catch (...) {
      model.reset();
      storage.reset();
      std::error_code ignored;
      fs::remove_all(next, ignored);
      openCurrent();
      throw;
    }
    if (exists) fs::remove_all(previous);
    openCurrent();
  }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

Store Store::openForReading(const StoreOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  const bool lmdbStore = lmdb::isStore(options.path);
  if (options.kind != StoreKind::Memory && fs::exists(options.path) &&
      !(fs::is_directory(options.path) && emptyButLock(options.path, lmdbStore))) {
    const bool generations = fs::exists(options.path / kCurrent);
    if (options.kind == StoreKind::Lmdb && generations && !lmdbStore)
      throw StoreError(options.path.string() + " is a hashes or sqlite store: open it with --store-kind hashes or sqlite");
    if (options.kind != StoreKind::Lmdb && lmdbStore && !generations)
      throw StoreError(options.path.string() + " is an lmdb store: open it with --store-kind lmdb");
    if (!lmdbStore && !generations) throw StoreError(options.path.string() + " exists but is not a diplograph store");
  }
  impl->openCurrent();
  return Store(std::move(impl));
}

namespace {

// One document's triples, and its record: the canonical N-Triples lines of those triples,
// sorted, each ending in '\n' (what documentLines gives back).
struct MappedDocument {
  std::vector<Triple> triples;
  std::string record;
};

MappedDocument mapDocument(const extract::Extraction& extraction) {
  MappedDocument mapped{toTriples(extraction), {}};
  std::vector<std::string> lines;
  lines.reserve(mapped.triples.size());
  std::size_t size = 0;
  for (const auto& triple : mapped.triples) size += lines.emplace_back(toNTriples(triple)).size() + 1;
  std::sort(lines.begin(), lines.end());
  mapped.record.reserve(size);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0 && lines[i] == lines[i - 1]) continue;
    mapped.record += lines[i];
    mapped.record += '\n';
  }
  return mapped;
}

// Calls `write` with each extraction and its mapping, in order, mapping the next batch of
// documents on a second thread while `write` stores this one: mapping is pure and about half
// of the work, writing must stay on one thread. A batch is freed on the thread that made it
// (the next mapping thread), which keeps the two threads off each other's malloc arena.
template <typename Write>
void forEachMapped(const std::vector<extract::Extraction>& extractions, Write&& write) {
  constexpr std::size_t kBatch = 64;
  using Batch = std::vector<MappedDocument>;
  const auto mapBatch = [&](std::size_t first, Batch written) {
    written.clear();
    Batch batch;
    for (std::size_t i = first; i < std::min(first + kBatch, extractions.size()); ++i)
      batch.push_back(mapDocument(extractions[i]));
    return batch;
  };
  std::future<Batch> next;
  if (!extractions.empty()) next = std::async(std::launch::async, mapBatch, 0, Batch{});
  Batch written;
  for (std::size_t first = 0; first < extractions.size(); first += kBatch) {
    Batch batch = next.get();
    if (first + kBatch < extractions.size())
      next = std::async(std::launch::async, mapBatch, first + kBatch, std::move(written));
    for (std::size_t i = 0; i < batch.size(); ++i) write(extractions[first + i], batch[i]);
    written = std::move(batch);
  }
}

}  // namespace

IngestReport Store::ingest(const std::vector<extract::Extraction>& extractions) {
  IngestReport report;
  report.triplesBefore = size();
  impl_->transaction([&](const fs::path& generation) {
    Lines dropped;  // lines that replaced documents no longer hold, removed at the end if no document does
    forEachMapped(extractions, [&](const extract::Extraction& extraction, const MappedDocument& mapped) {
      const std::string& iri = extraction.document.iri;
      IngestReport::Entry entry{iri, IngestReport::Entry::Outcome::Added, mapped.triples.size()};
      if (const auto old = impl_->documentLines(generation, iri)) {
        if (*old == mapped.record) {
          entry.outcome = IngestReport::Entry::Outcome::Unchanged;
          report.documents.push_back(entry);
          return;
        }
        entry.outcome = IngestReport::Entry::Outcome::Replaced;
        Lines kept;
        forEachLine(mapped.record, [&](std::string_view line) { kept.emplace(line); });
        forEachLine(*old, [&](std::string_view line) {
          if (!kept.count(line)) dropped.emplace(line);
        });
      }
      impl_->add(mapped.triples);
      impl_->putDocument(generation, iri, mapped.record);
      report.documents.push_back(entry);
    });
    impl_->removeUnsupported(generation, std::move(dropped));
  });
  report.triplesAfter = size();
  return report;
}

std::size_t Store::remove(const std::string& document) {
  // Find the document by IRI, source path or file name.
  const auto result = query(vocab::sparqlPrefixes() + "SELECT ?d ?s WHERE { ?d a dg:Document ; dct:source ?s }");
  std::string iri;
  for (const auto& row : result.rows) {
    const std::string& source = row[1].value;
    if (row[0].value == document || source == document || fs::path(source).filename() == document ||
        fs::path(source).filename() == fs::path(document).filename()) {
      iri = row[0].value;
      break;
    }
  }
  if (iri.empty()) throw InputError("document not in the store: " + document);
  const std::size_t before = size();
  impl_->transaction([&](const fs::path& generation) {
    Lines dropped;
    forEachLine(impl_->documentLines(generation, iri).value_or(""), [&](std::string_view line) { dropped.emplace(line); });
    impl_->eraseDocument(generation, iri);
    impl_->removeUnsupported(generation, std::move(dropped));
  });
  return before - size();
}

std::size_t Store::size() const { return impl_->size(); }

std::vector<Triple> Store::triples() const {
  librdf::Stream stream(librdf_model_as_stream(impl_->model.get()));
  auto triples = impl_->session.drain(stream.get());
  std::sort(triples.begin(), triples.end());
  return triples;
}

QueryResult Store::query(const std::string& sparql, const QueryLimits& limits) const {
  auto& session = impl_->session;
  session.takeError("");
  // Checked between rows: rasqal computes rows lazily where it can, so this stops a long stream
  // of rows; a step that runs before one row comes out is not interrupted (see QueryLimits).
  const auto deadline = std::chrono::steady_clock::now() + limits.timeout.value_or(std::chrono::milliseconds(0));
  const auto checkClock = [&](std::size_t rows) {
    if (!limits.timeout || std::chrono::steady_clock::now() <= deadline) return;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", static_cast<double>(limits.timeout->count()) / 1000);
    throw QueryError("the query ran past its time limit of " + std::string(seconds) + " s after " + std::to_string(rows) +
                     " row(s); nothing was printed");
  };
  const auto full = [&](std::size_t rows) { return limits.maxRows && rows >= *limits.maxRows; };
  librdf::Query query(librdf_new_query(session.world(), "sparql", nullptr, bytes(sparql), nullptr));
  if (!query) throw QueryError("malformed SPARQL: " + session.takeError("the query does not parse"));
  librdf::QueryResults results(librdf_query_execute(query.get(), impl_->model.get()));
  if (!results) throw QueryError("malformed SPARQL: " + session.takeError("the query could not be run"));
  checkClock(0);
  QueryResult out;
  if (librdf_query_results_is_boolean(results.get())) {
    out.kind = QueryResult::Kind::Boolean;
    out.boolean = librdf_query_results_get_boolean(results.get()) > 0;
  } else if (librdf_query_results_is_graph(results.get())) {
    out.kind = QueryResult::Kind::Graph;
    librdf::Stream stream(librdf_query_results_as_stream(results.get()));
    for (; stream && !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) {
      if (full(out.triples.size())) {
        out.truncated = true;
        break;
      }
      checkClock(out.triples.size());
      out.triples.push_back(librdf::Session::triple(librdf_stream_get_object(stream.get())));
    }
  } else {
    const int count = librdf_query_results_get_bindings_count(results.get());
    for (int i = 0; i < count; ++i) out.variables.emplace_back(librdf_query_results_get_binding_name(results.get(), i));
    for (; !librdf_query_results_finished(results.get()); librdf_query_results_next(results.get())) {
      if (full(out.rows.size())) {
        out.truncated = true;
        break;
      }
      checkClock(out.rows.size());
      std::vector<Term> row;
      for (int i = 0; i < count; ++i) {
        librdf::Node value(librdf_query_results_get_binding_value(results.get(), i));  // a new node: ours
        row.push_back(librdf::Session::term(value.get()));
      }
      out.rows.push_back(std::move(row));
    }
  }
  const std::string error = session.takeError("");
  if (!error.empty()) throw QueryError("SPARQL query failed: " + error);
  return out;
}

std::string Store::serialize(const std::string& syntax) const { return serializeTriples(triples(), syntax); }

std::vector<Triple> parseRdf(const std::string& text, const std::string& syntax, const std::string& baseIri) {
  librdf::Session session;
  librdf::Parser parser(librdf_new_parser(session.world(), syntax.c_str(), nullptr, nullptr));
  if (!parser) throw InputError("unknown RDF syntax '" + syntax + "'");
  librdf::Uri base(check(librdf_new_uri(session.world(), bytes(baseIri)), "bad base IRI " + baseIri));
  librdf::Stream stream(librdf_parser_parse_string_as_stream(parser.get(), bytes(text), base.get()));
  if (!stream) throw InputError("cannot parse " + syntax + ": " + session.takeError("syntax error"));
  auto triples = session.drain(stream.get());
  const std::string error = session.takeError("");
  if (!error.empty()) throw InputError("cannot parse " + syntax + ": " + error);
  return triples;
}

namespace {

// A librdf stream over triples in memory, for the serializer: no model in between. librdf
// 1.0.17's in-memory hash storage computes its load factor in int and breaks past about two
// million keys, dropping statements, so a graph never goes through it on its way out.
struct TripleStream {
  const librdf::Session* session;
  const std::vector<Triple>* triples;
  std::size_t next = 0;
  librdf::Statement current;

  static int isEnd(void* self) {
    auto* stream = static_cast<TripleStream*>(self);
    return stream->next >= stream->triples->size();
  }
  static int advance(void* self) {
    ++static_cast<TripleStream*>(self)->next;
    return 0;
  }
  static void* get(void* self, int flags) {
    auto* stream = static_cast<TripleStream*>(self);
    if (flags != LIBRDF_STREAM_GET_METHOD_GET_OBJECT) return nullptr;  // no contexts
    stream->current = stream->session->statement((*stream->triples)[stream->next]);
    return stream->current.get();  // borrowed by the caller until the next call
  }
  static void finished(void*) {}  // owned by serializeTriples
};

}  // namespace

std::string serializeTriples(const std::vector<Triple>& triples, const std::string& syntax) {
  if (syntax == "ntriples") {
    // One line per triple needs no serializer: ten times faster than raptor's here.
    std::string out;
    for (const auto& triple : triples) out += toNTriples(triple) + "\n";
    return out;
  }
  librdf::Session session;
  const std::string name = syntax == "rdfxml" ? "rdfxml-abbrev" : syntax;
  librdf::Serializer serializer(librdf_new_serializer(session.world(), name.c_str(), nullptr, nullptr));
  if (!serializer) throw UsageError("unknown RDF syntax '" + syntax + "'");
  if (syntax != "ntriples") {
    for (const auto& [prefix, iri] : vocab::namespaces()) {
      librdf::Uri uri(librdf_new_uri(session.world(), bytes(*iri)));
      librdf_serializer_set_namespace(serializer.get(), uri.get(), prefix);
    }
  }
  TripleStream source{&session, &triples, 0, nullptr};
  librdf::Stream stream(check(librdf_new_stream(session.world(), &source, &TripleStream::isEnd, &TripleStream::advance,
                                                &TripleStream::get, &TripleStream::finished),
                              "cannot make a librdf stream"));
  size_t length = 0;
  unsigned char* text = librdf_serializer_serialize_stream_to_counted_string(serializer.get(), nullptr, stream.get(), &length);
  if (text == nullptr) throw StoreError(session.takeError("cannot serialize the graph as " + syntax));
  std::string out(reinterpret_cast<const char*>(text), length);
  librdf_free_memory(text);
  return out;
}

}  // namespace diplograph::graph
