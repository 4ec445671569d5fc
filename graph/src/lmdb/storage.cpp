#include "lmdb/storage.h"

#include <rdf_storage_module.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdio>
#include <set>
#include <unordered_map>
#include <vector>

#include "diplograph/extract/error.h"
#include "lmdb/environment.h"

namespace diplograph::graph::lmdb {
namespace {

constexpr std::uint32_t kMagic = 0x646c6d62;  // "dlmb": marks an Instance behind a librdf_storage*
// Cache bounds: past them a cache is emptied and refilled (terms are ~100 bytes each).
constexpr std::size_t kMaxCachedIds = std::size_t{1} << 18;
constexpr std::size_t kMaxCachedNodes = std::size_t{1} << 20;
constexpr std::uint64_t kMaxDenseId = std::uint64_t{1} << 23;  // 64 MiB of node pointers at most
constexpr std::size_t kMaxPending = std::size_t{1} << 21;      // statements buffered in a write (48 MiB)

void logError(librdf_world* world, const char* message) {
  librdf_log(world, 0, LIBRDF_LOG_ERROR, LIBRDF_FROM_STORAGE, nullptr, "%s", message);
}

// ---------------------------------------------------------------------------------------------
// Terms: a librdf node <-> the bytes the dictionary holds.
//   I<iri>   B<blank id>   L<value>   G<language>\0<value>   T<datatype iri>\0<value>
// One encoded term: its tag and value, or its tag, language or datatype, '\0' and value.
void encodeParts(std::string& out, char tag, std::string_view value) {
  out.assign(1, tag);
  out.append(value);
}
void encodeParts(std::string& out, char tag, std::string_view head, std::string_view value) {
  out.assign(1, tag);
  out.append(head);
  out.push_back('\0');
  out.append(value);
}

std::string_view bytesView(const unsigned char* bytes, size_t length) {
  return bytes == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(bytes), length);
}

// Returns false for a node that is none of these (an unbound pattern position).
bool encodeNode(librdf_node* node, std::string& out) {
  out.clear();
  if (node == nullptr) return false;
  size_t length = 0;
  switch (librdf_node_get_type(node)) {
    case LIBRDF_NODE_TYPE_RESOURCE: {
      const unsigned char* iri = librdf_uri_as_counted_string(librdf_node_get_uri(node), &length);
      encodeParts(out, 'I', bytesView(iri, length));
      return true;
    }
    case LIBRDF_NODE_TYPE_BLANK: {
      const unsigned char* id = librdf_node_get_counted_blank_identifier(node, &length);
      encodeParts(out, 'B', bytesView(id, length));
      return true;
    }
    case LIBRDF_NODE_TYPE_LITERAL: {
      const unsigned char* value = librdf_node_get_literal_value_as_counted_string(node, &length);
      const std::string_view text = bytesView(value, length);
      const char* language = librdf_node_get_literal_value_language(node);
      librdf_uri* datatype = librdf_node_get_literal_value_datatype_uri(node);
      if (language != nullptr && *language != '\0') {
        encodeParts(out, 'G', language, text);
      } else if (datatype != nullptr) {
        size_t iriLength = 0;
        const unsigned char* iri = librdf_uri_as_counted_string(datatype, &iriLength);
        encodeParts(out, 'T', bytesView(iri, iriLength), text);
      } else {
        encodeParts(out, 'L', text);
      }
      return true;
    }
    default:
      return false;
  }
}

// The bytes encodeNode gives for the librdf node of `term` (a language tag wins over a
// datatype, as in librdf); false for an unbound term.
bool encodeTerm(const Term& term, std::string& out) {
  switch (term.kind) {
    case Term::Kind::Iri: encodeParts(out, 'I', term.value); return true;
    case Term::Kind::Blank: encodeParts(out, 'B', term.value); return true;
    case Term::Kind::Literal:
      if (!term.language.empty()) encodeParts(out, 'G', term.language, term.value);
      else if (!term.datatype.empty()) encodeParts(out, 'T', term.datatype, term.value);
      else encodeParts(out, 'L', term.value);
      return true;
    case Term::Kind::Unbound: break;
  }
  out.clear();
  return false;
}

// A new node for encoded term bytes (the caller owns it); throws StoreError.
librdf_node* decodeNode(librdf_world* world, std::string_view bytes) {
  if (bytes.empty()) throw StoreError("corrupt term in the LMDB store");
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data()) + 1;
  const std::size_t size = bytes.size() - 1;
  librdf_node* node = nullptr;
  switch (bytes[0]) {
    case 'I':
      node = librdf_new_node_from_counted_uri_string(world, data, size);
      break;
    case 'B':
      node = librdf_new_node_from_counted_blank_identifier(world, data, size);
      break;
    case 'L':
      node = librdf_new_node_from_typed_counted_literal(world, data, size, nullptr, 0, nullptr);
      break;
    case 'G':
    case 'T': {
      const std::size_t split = bytes.find('\0', 1);
      if (split == std::string_view::npos) throw StoreError("corrupt literal in the LMDB store");
      const std::string head(bytes.substr(1, split - 1));
      const auto* value = reinterpret_cast<const unsigned char*>(bytes.data()) + split + 1;
      const std::size_t valueSize = bytes.size() - split - 1;
      if (bytes[0] == 'G') {
        node = librdf_new_node_from_typed_counted_literal(world, value, valueSize, head.c_str(), head.size(), nullptr);
      } else {
        librdf_uri* datatype = librdf_new_uri(world, reinterpret_cast<const unsigned char*>(head.c_str()));
        if (datatype == nullptr) throw StoreError("corrupt datatype in the LMDB store");
        node = librdf_new_node_from_typed_counted_literal(world, value, valueSize, nullptr, 0, datatype);
        librdf_free_uri(datatype);  // the node holds its own reference
      }
      break;
    }
    default:
      throw StoreError("corrupt term in the LMDB store");
  }
  if (node == nullptr) throw StoreError("cannot make an RDF node from the LMDB store");
  return node;
}

// ---------------------------------------------------------------------------------------------
// Index keys. Each index holds the three ids of a triple in its own order.
struct Order {
  Db db;
  int slot[3];  // key position of subject, predicate, object
};
constexpr Order kSpo{Db::Spo, {0, 1, 2}};
constexpr Order kPos{Db::Pos, {2, 0, 1}};
constexpr Order kOsp{Db::Osp, {1, 2, 0}};
constexpr const Order* kOrders[] = {&kSpo, &kPos, &kOsp};

void makeKey(const Order& order, const std::uint64_t ids[3], unsigned char key[kKeySize]) {
  for (int part = 0; part < 3; ++part) putId(key + kIdSize * order.slot[part], ids[part]);
}

// The index and key prefix that answer a pattern; `ids` holds 0 for unbound positions.
std::size_t choosePrefix(const std::uint64_t ids[3], const Order*& order, unsigned char prefix[kKeySize]) {
  const bool s = ids[0] != 0, p = ids[1] != 0, o = ids[2] != 0;
  std::size_t parts = 0;
  if (s && !p && o) {  // S?O
    order = &kOsp;
    parts = 2;
  } else if (s) {  // S??, SP?, SPO
    order = &kSpo;
    parts = p ? (o ? 3 : 2) : 1;
  } else if (p) {  // ?P?, ?PO
    order = &kPos;
    parts = o ? 2 : 1;
  } else if (o) {  // ??O
    order = &kOsp;
    parts = 1;
  } else {  // ???
    order = &kSpo;
    parts = 0;
  }
  unsigned char key[kKeySize];
  makeKey(*order, ids, key);
  std::memcpy(prefix, key, kIdSize * parts);
  return kIdSize * parts;
}

// ---------------------------------------------------------------------------------------------
struct Stream;

// The state behind one librdf_storage.
struct Instance {
  std::uint32_t magic = kMagic;
  librdf_world* world = nullptr;
  std::shared_ptr<Environment> env;
  bool writable = false;
  MDB_txn* txn = nullptr;     // the write transaction in progress, if any
  bool explicitTxn = false;   // begun by transaction_start (else one autocommitted write)
  std::uint64_t nextId = 0;   // the id of the next new term in `txn`
  // Caches (the dictionary never changes a committed id; see forget()). IRIs are looked up by
  // their interned librdf_uri (we hold a reference, so the address is not reused), other terms
  // by their encoding; nodes by id in a dense vector, ids being dense.
  std::unordered_map<librdf_uri*, std::uint64_t> uriIds;
  std::unordered_map<std::string, std::uint64_t> ids;
  std::vector<librdf_node*> nodes;  // id -> node (we hold a reference), or null
  std::size_t cachedNodes = 0;
  std::set<Stream*> writeStreams;  // streams reading `txn`
  std::string scratch;
  // Statements added in `txn` but not yet in the indexes: flush() writes them in key order, so
  // a bulk load appends to full pages instead of splitting pages all over three B-trees. Every
  // read or removal of statements in `txn` flushes first.
  std::vector<std::array<std::uint64_t, 3>> pending;

  Instance() = default;
  Instance(const Instance&) = delete;
  Instance& operator=(const Instance&) = delete;
  ~Instance() { forget(); }

  // Drops the caches: after a rollback the ids it handed out mean nothing.
  void forget() {
    forgetNodes();
    forgetUris();
    ids.clear();
  }
  void forgetNodes() {
    for (librdf_node*& node : nodes) {
      if (node != nullptr) librdf_free_node(node);
      node = nullptr;
    }
    cachedNodes = 0;
  }
  void forgetUris() {
    for (auto& entry : uriIds) librdf_free_uri(entry.first);
    uriIds.clear();
  }

  static librdf_uri* iriOf(librdf_node* node) {
    return node != nullptr && librdf_node_get_type(node) == LIBRDF_NODE_TYPE_RESOURCE ? librdf_node_get_uri(node)
                                                                                        : nullptr;
  }

  // The id of `node` in `readTxn`, 0 when unbound or not in the dictionary. Leaves the node's
  // encoding in `scratch` unless the id was cached.
  std::uint64_t lookup(MDB_txn* readTxn, librdf_node* node) {
    librdf_uri* iri = iriOf(node);
    if (iri != nullptr) {
      if (auto it = uriIds.find(iri); it != uriIds.end()) return it->second;
    }
    if (!encodeNode(node, scratch)) return 0;
    if (iri == nullptr) {
      if (auto it = ids.find(scratch); it != ids.end()) return it->second;
    }
    const std::uint64_t id = findTerm(readTxn, *env, scratch);
    if (id != 0) remember(iri, id);
    return id;
  }

  // The id of `node`, added to the dictionary when missing (in the write transaction).
  std::uint64_t intern(librdf_node* node) {
    const std::uint64_t known = lookup(txn, node);
    if (known != 0) return known;
    if (scratch.empty()) throw StoreError("cannot store an unbound or unknown kind of RDF node");
    return addScratch(iriOf(node));
  }

  // The same for a plain term, without making a librdf node: the bulk-loading path.
  std::uint64_t intern(const Term& term) {
    if (!encodeTerm(term, scratch)) throw StoreError("cannot store an unbound RDF term");
    if (auto it = ids.find(scratch); it != ids.end()) return it->second;
    if (const std::uint64_t known = findTerm(txn, *env, scratch); known != 0) {
      remember(nullptr, known);
      return known;
    }
    return addScratch(nullptr);
  }

  // Adds the term encoded in `scratch` to the dictionary under a new id.
  std::uint64_t addScratch(librdf_uri* iri) {
    const std::uint64_t id = nextId++;
    addTerm(txn, *env, scratch, id);
    remember(iri, id);
    return id;
  }

  // Queues a statement's ids for the indexes.
  void addIds(std::uint64_t subject, std::uint64_t predicate, std::uint64_t object) {
    pending.push_back({subject, predicate, object});
    if (pending.size() >= kMaxPending) flush();
  }

  void remember(librdf_uri* iri, std::uint64_t id) {
    if (iri != nullptr) {
      if (uriIds.size() >= kMaxCachedIds) forgetUris();
      uriIds.emplace(librdf_new_uri_from_uri(iri), id);  // the same pointer, one more reference
    } else {
      if (ids.size() >= kMaxCachedIds) ids.clear();
      ids.emplace(scratch, id);
    }
  }

  void flush() {
    if (pending.empty()) return;
    // Sorted as integers in each index's order (big-endian keys sort the same way): comparing
    // three words is several times cheaper than memcmp over 24-byte keys.
    std::vector<std::array<std::uint64_t, 3>> sorted(pending.size());
    MDB_val empty = value("", 0);
    for (const Order* order : kOrders) {
      for (std::size_t i = 0; i < pending.size(); ++i)
        for (int part = 0; part < 3; ++part) sorted[i][order->slot[part]] = pending[i][part];
      std::sort(sorted.begin(), sorted.end());
      sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
      MDB_cursor* cursor = nullptr;
      check(mdb_cursor_open(txn, env->dbi(order->db), &cursor), "cannot open an LMDB cursor");
      try {
        MDB_val k;
        MDB_val d;
        std::array<unsigned char, kKeySize> last{};
        int rc = mdb_cursor_get(cursor, &k, &d, MDB_LAST);
        bool haveLast = rc == MDB_SUCCESS && k.mv_size == kKeySize;
        if (haveLast) std::memcpy(last.data(), k.mv_data, kKeySize);
        if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND) check(rc, "cannot read an LMDB index");
        std::array<unsigned char, kKeySize> key;
        for (const auto& ids : sorted) {
          for (int slot = 0; slot < 3; ++slot) putId(key.data() + kIdSize * slot, ids[slot]);
          const bool append = !haveLast || key > last;  // past the end: fill pages in order
          k = value(key.data(), kKeySize);
          rc = mdb_cursor_put(cursor, &k, &empty, append ? MDB_APPEND : MDB_NOOVERWRITE);
          if (rc == MDB_KEYEXIST) continue;  // already in the store
          check(rc, "cannot add a statement");
          if (append) {
            last = key;
            haveLast = true;
          }
        }
      } catch (...) {
        mdb_cursor_close(cursor);
        throw;
      }
      mdb_cursor_close(cursor);
      sorted.resize(pending.size());
    }
    pending.clear();
  }

  // A new reference to the node with `id`.
  librdf_node* node(MDB_txn* readTxn, std::uint64_t id) {
    if (id < nodes.size() && nodes[id] != nullptr) return librdf_new_node_from_node(nodes[id]);
    librdf_node* fresh = decodeNode(world, termBytes(readTxn, *env, id));
    if (id >= kMaxDenseId) return fresh;  // not cached: the caller gets the only reference
    if (cachedNodes >= kMaxCachedNodes) forgetNodes();
    if (id >= nodes.size()) nodes.resize(std::min<std::size_t>(std::max<std::size_t>(id + 1, nodes.size() * 2), kMaxDenseId));
    nodes[id] = fresh;
    ++cachedNodes;
    return librdf_new_node_from_node(fresh);
  }
};

Instance* instance(librdf_storage* storage) {
  auto* inst = static_cast<Instance*>(librdf_storage_get_instance(storage));
  return inst != nullptr && inst->magic == kMagic ? inst : nullptr;
}

Instance& checkedInstance(librdf_storage* storage) {
  Instance* inst = storage != nullptr ? instance(storage) : nullptr;
  if (inst == nullptr) throw StoreError("not an lmdb storage");
  return *inst;
}

// Reads through the open write transaction, or else through a pooled snapshot.
class ReadScope {
 public:
  // `statements`: the reads need every statement added in the open transaction.
  explicit ReadScope(Instance& inst, bool statements = true) : inst_(inst) {
    if (inst.txn != nullptr) {
      if (statements) inst.flush();
      txn_ = inst.txn;
    } else {
      snapshot_ = inst.env->acquire();
      txn_ = snapshot_->txn;
    }
  }
  ~ReadScope() { inst_.env->release(snapshot_); }
  ReadScope(const ReadScope&) = delete;
  ReadScope& operator=(const ReadScope&) = delete;
  MDB_txn* txn() const { return txn_; }

 private:
  Instance& inst_;
  Snapshot* snapshot_ = nullptr;
  MDB_txn* txn_ = nullptr;
};

// ---------------------------------------------------------------------------------------------
// A librdf stream over one prefix range of one index. A stream reading the committed state owns
// a pooled snapshot (read transaction and cursor) and gives it back when it ends or is freed. A
// stream created inside a write transaction reads that transaction: it keeps no cursor between
// calls (it seeks again from its last key, so writes in between are safe) and ends when the
// transaction does.
struct Stream {
  Instance* inst = nullptr;
  librdf_storage* storage = nullptr;  // we hold a reference: the storage outlives the stream
  Snapshot* snapshot = nullptr;
  MDB_txn* txn = nullptr;
  bool onWriteTxn = false;
  bool registered = false;  // in inst->writeStreams
  const Order* order = &kSpo;
  unsigned char prefix[kKeySize] = {};
  std::size_t prefixLength = 0;
  unsigned char key[kKeySize] = {};
  bool ended = true;
  librdf_node* bound[3] = {};  // the pattern's own nodes, reused in every statement
  librdf_statement* current = nullptr;

  Stream(Instance* i, librdf_storage* s) : inst(i), storage(s) { librdf_storage_add_reference(storage); }
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;
  ~Stream() {
    if (current != nullptr) librdf_free_statement(current);
    for (librdf_node* node : bound) {
      if (node != nullptr) librdf_free_node(node);
    }
    finish();
    if (registered) inst->writeStreams.erase(this);
    librdf_storage_remove_reference(storage);  // may free the storage and `inst`: last
  }

  void finish() {
    ended = true;
    if (snapshot != nullptr) {
      inst->env->release(snapshot);
      snapshot = nullptr;
    }
    txn = nullptr;
  }

  MDB_dbi dbi() const { return inst->env->dbi(order->db); }

  bool accept(int rc, const MDB_val& found) {
    if (rc == MDB_NOTFOUND) {
      finish();
      return false;
    }
    check(rc, "cannot read an LMDB index");
    if (found.mv_size != kKeySize || std::memcmp(found.mv_data, prefix, prefixLength) != 0) {
      finish();
      return false;
    }
    std::memcpy(key, found.mv_data, kKeySize);
    ended = false;
    return true;
  }

  // Positions on the first key of the range: `from` is the prefix, or the last key seen.
  int seek(MDB_cursor* cursor, const unsigned char* from, std::size_t length, MDB_val& found) {
    MDB_val data;
    if (length == 0) return mdb_cursor_get(cursor, &found, &data, MDB_FIRST);
    found = value(from, length);
    return mdb_cursor_get(cursor, &found, &data, MDB_SET_RANGE);
  }

  void first() {
    MDB_val found;
    if (!onWriteTxn) {
      MDB_cursor* cursor = snapshot->cursor(dbi(), order->db);
      accept(seek(cursor, prefix, prefixLength, found), found);
      return;
    }
    MDB_cursor* cursor = nullptr;
    check(mdb_cursor_open(txn, dbi(), &cursor), "cannot open an LMDB cursor");
    const int rc = seek(cursor, prefix, prefixLength, found);
    MDB_val copy = found;
    unsigned char buffer[kKeySize];
    if (rc == MDB_SUCCESS && found.mv_size == kKeySize) {  // copy before closing the cursor
      std::memcpy(buffer, found.mv_data, kKeySize);
      copy = value(buffer, kKeySize);
    }
    mdb_cursor_close(cursor);
    accept(rc, copy);
  }

  void next() {
    if (current != nullptr) {
      librdf_free_statement(current);
      current = nullptr;
    }
    if (ended) return;
    MDB_val found;
    MDB_val data;
    if (!onWriteTxn) {
      accept(mdb_cursor_get(snapshot->cursor(dbi(), order->db), &found, &data, MDB_NEXT), found);
      return;
    }
    if (txn == nullptr) return finish();
    MDB_cursor* cursor = nullptr;
    check(mdb_cursor_open(txn, dbi(), &cursor), "cannot open an LMDB cursor");
    int rc = seek(cursor, key, kKeySize, found);
    if (rc == MDB_SUCCESS && found.mv_size == kKeySize && std::memcmp(found.mv_data, key, kKeySize) == 0)
      rc = mdb_cursor_get(cursor, &found, &data, MDB_NEXT);
    unsigned char buffer[kKeySize];
    MDB_val copy = found;
    if (rc == MDB_SUCCESS && found.mv_size == kKeySize) {
      std::memcpy(buffer, found.mv_data, kKeySize);
      copy = value(buffer, kKeySize);
    }
    mdb_cursor_close(cursor);
    accept(rc, copy);
  }

  librdf_statement* statement() {
    if (ended) return nullptr;
    if (current != nullptr) return current;
    MDB_txn* readTxn = onWriteTxn ? txn : snapshot->txn;
    librdf_node* nodes[3] = {};
    try {
      for (int part = 0; part < 3; ++part) {
        nodes[part] = bound[part] != nullptr
                          ? librdf_new_node_from_node(bound[part])
                          : inst->node(readTxn, getId(key + kIdSize * order->slot[part]));
      }
    } catch (...) {
      for (librdf_node* node : nodes) {
        if (node != nullptr) librdf_free_node(node);
      }
      throw;
    }
    // librdf_new_statement_from_nodes takes the three nodes.
    current = librdf_new_statement_from_nodes(inst->world, nodes[0], nodes[1], nodes[2]);
    if (current == nullptr) throw StoreError("cannot make an RDF statement");
    return current;
  }
};

int streamIsEnd(void* context) { return static_cast<Stream*>(context)->ended ? 1 : 0; }

int streamNext(void* context) {
  auto* stream = static_cast<Stream*>(context);
  try {
    stream->next();
  } catch (const std::exception& e) {
    logError(stream->inst->world, e.what());
    stream->finish();
  }
  return stream->ended ? 1 : 0;
}

void* streamGet(void* context, int flags) {
  auto* stream = static_cast<Stream*>(context);
  if (flags != LIBRDF_STREAM_GET_METHOD_GET_OBJECT) return nullptr;  // no contexts
  try {
    return stream->statement();
  } catch (const std::exception& e) {
    logError(stream->inst->world, e.what());
    stream->finish();
    return nullptr;
  }
}

void streamFinished(void* context) { delete static_cast<Stream*>(context); }

librdf_stream* findStatements(librdf_storage* storage, librdf_statement* pattern) {
  Instance* inst = instance(storage);
  if (inst == nullptr) return nullptr;
  try {
    auto stream = std::make_unique<Stream>(inst, storage);
    if (inst->txn != nullptr) {
      inst->flush();
      stream->onWriteTxn = true;
      stream->txn = inst->txn;
      inst->writeStreams.insert(stream.get());
      stream->registered = true;
    } else {
      stream->snapshot = inst->env->acquire();
    }
    MDB_txn* readTxn = stream->onWriteTxn ? stream->txn : stream->snapshot->txn;
    librdf_node* parts[3] = {};
    if (pattern != nullptr) {
      parts[0] = librdf_statement_get_subject(pattern);
      parts[1] = librdf_statement_get_predicate(pattern);
      parts[2] = librdf_statement_get_object(pattern);
    }
    std::uint64_t ids[3] = {};
    bool empty = false;
    for (int part = 0; part < 3 && !empty; ++part) {
      if (parts[part] == nullptr) continue;
      ids[part] = inst->lookup(readTxn, parts[part]);
      if (ids[part] == 0) empty = true;  // a term the store has never seen: no match
      stream->bound[part] = librdf_new_node_from_node(parts[part]);
    }
    if (empty) {
      stream->finish();
    } else {
      stream->prefixLength = choosePrefix(ids, stream->order, stream->prefix);
      stream->first();
    }
    librdf_stream* result =
        librdf_new_stream(inst->world, stream.get(), streamIsEnd, streamNext, streamGet, streamFinished);
    if (result == nullptr) throw StoreError("cannot make a librdf stream");
    stream.release();  // owned by the librdf stream: freed by streamFinished
    return result;
  } catch (const std::exception& e) {
    logError(inst->world, e.what());
    return nullptr;
  }
}

librdf_stream* serialise(librdf_storage* storage) { return findStatements(storage, nullptr); }

librdf_stream* findStatementsInContext(librdf_storage* storage, librdf_statement* pattern, librdf_node* context) {
  if (context == nullptr) return findStatements(storage, pattern);
  return librdf_new_empty_stream(librdf_storage_get_world(storage));  // no named graphs here
}

librdf_stream* contextSerialise(librdf_storage* storage, librdf_node*) {
  return librdf_new_empty_stream(librdf_storage_get_world(storage));
}

// ---------------------------------------------------------------------------------------------
// Writes.
void endWriteStreams(Instance& inst) {
  for (Stream* stream : inst.writeStreams) {
    stream->finish();  // ended for good: next() and statement() no longer read
    stream->registered = false;
  }
  inst.writeStreams.clear();
}

void begin(Instance& inst, bool isExplicit) {
  if (!inst.writable) throw StoreError("the store is open for reading only");
  if (inst.txn != nullptr) throw StoreError("a transaction is already open on this store");
  MDB_txn* txn = inst.env->beginWrite();
  try {
    inst.nextId = nextTermId(txn, *inst.env);
  } catch (...) {
    inst.env->abortWrite(txn);
    throw;
  }
  inst.txn = txn;
  inst.explicitTxn = isExplicit;
}

void rollback(Instance& inst) noexcept {
  inst.pending.clear();
  endWriteStreams(inst);
  if (inst.txn != nullptr) inst.env->abortWrite(inst.txn);
  inst.txn = nullptr;
  inst.explicitTxn = false;
  inst.forget();
}

void commit(Instance& inst) {
  try {
    inst.flush();
  } catch (...) {
    rollback(inst);
    throw;
  }
  endWriteStreams(inst);
  MDB_txn* txn = inst.txn;
  inst.txn = nullptr;
  inst.explicitTxn = false;
  try {
    inst.env->commitWrite(txn);
  } catch (...) {
    inst.forget();
    throw;
  }
}

// Runs `change` in the open transaction, or in one of its own that it commits.
template <typename Change>
void write(Instance& inst, Change&& change) {
  if (inst.txn != nullptr) {
    change();
    return;
  }
  begin(inst, false);
  try {
    change();
  } catch (...) {
    rollback(inst);
    throw;
  }
  commit(inst);
}

void addOne(Instance& inst, librdf_statement* statement) {
  librdf_node* parts[3] = {librdf_statement_get_subject(statement), librdf_statement_get_predicate(statement),
                           librdf_statement_get_object(statement)};
  std::uint64_t ids[3];
  for (int part = 0; part < 3; ++part) {
    if (parts[part] == nullptr) throw StoreError("cannot add an incomplete statement");
    ids[part] = inst.intern(parts[part]);
  }
  inst.addIds(ids[0], ids[1], ids[2]);
}

void removeOne(Instance& inst, librdf_statement* statement) {
  inst.flush();
  librdf_node* parts[3] = {librdf_statement_get_subject(statement), librdf_statement_get_predicate(statement),
                           librdf_statement_get_object(statement)};
  std::uint64_t ids[3];
  for (int part = 0; part < 3; ++part) {
    ids[part] = inst.lookup(inst.txn, parts[part]);
    if (ids[part] == 0) return;  // unknown term or a pattern: nothing to remove
  }
  unsigned char key[kKeySize];
  for (const Order* order : kOrders) {
    makeKey(*order, ids, key);
    MDB_val k = value(key, kKeySize);
    const int rc = mdb_del(inst.txn, inst.env->dbi(order->db), &k, nullptr);
    if (rc == MDB_NOTFOUND && order == &kSpo) return;  // not in the store
    check(rc, "cannot remove a statement");
  }
}

template <typename Body>
int guarded(librdf_storage* storage, Body&& body) {
  Instance* inst = instance(storage);
  if (inst == nullptr) return 1;
  try {
    return body(*inst);
  } catch (const std::exception& e) {
    logError(inst->world, e.what());
    return 1;
  }
}

int addStatement(librdf_storage* storage, librdf_statement* statement) {
  return guarded(storage, [&](Instance& inst) {
    write(inst, [&] { addOne(inst, statement); });
    return 0;
  });
}

int addStatements(librdf_storage* storage, librdf_stream* statements) {
  return guarded(storage, [&](Instance& inst) {
    write(inst, [&] {
      for (; !librdf_stream_end(statements); librdf_stream_next(statements)) {
        librdf_statement* statement = librdf_stream_get_object(statements);  // borrowed
        if (statement != nullptr) addOne(inst, statement);
      }
    });
    return 0;
  });
}

int removeStatement(librdf_storage* storage, librdf_statement* statement) {
  return guarded(storage, [&](Instance& inst) {
    write(inst, [&] { removeOne(inst, statement); });
    return 0;
  });
}

int containsStatement(librdf_storage* storage, librdf_statement* statement) {
  Instance* inst = instance(storage);
  if (inst == nullptr) return 0;
  try {
    ReadScope scope(*inst);
    librdf_node* parts[3] = {librdf_statement_get_subject(statement), librdf_statement_get_predicate(statement),
                             librdf_statement_get_object(statement)};
    std::uint64_t ids[3] = {};
    for (int part = 0; part < 3; ++part) {
      if (parts[part] == nullptr) continue;
      ids[part] = inst->lookup(scope.txn(), parts[part]);
      if (ids[part] == 0) return 0;
    }
    const Order* order = nullptr;
    unsigned char prefix[kKeySize];
    const std::size_t length = choosePrefix(ids, order, prefix);
    MDB_val k = value(prefix, length);
    MDB_val data;
    if (length == kKeySize) {  // the usual case: one exact lookup
      const int rc = mdb_get(scope.txn(), inst->env->dbi(order->db), &k, &data);
      if (rc == MDB_NOTFOUND) return 0;
      check(rc, "cannot read an LMDB index");
      return 1;
    }
    MDB_cursor* cursor = nullptr;
    check(mdb_cursor_open(scope.txn(), inst->env->dbi(order->db), &cursor), "cannot open an LMDB cursor");
    const int rc = length == 0 ? mdb_cursor_get(cursor, &k, &data, MDB_FIRST)
                               : mdb_cursor_get(cursor, &k, &data, MDB_SET_RANGE);
    const bool found = rc == MDB_SUCCESS && k.mv_size == kKeySize && std::memcmp(k.mv_data, prefix, length) == 0;
    mdb_cursor_close(cursor);
    if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND) check(rc, "cannot read an LMDB index");
    return found ? 1 : 0;
  } catch (const std::exception& e) {
    logError(inst->world, e.what());
    return 0;
  }
}

int size(librdf_storage* storage) {
  Instance* inst = instance(storage);
  if (inst == nullptr) return -1;
  try {
    ReadScope scope(*inst);
    MDB_stat stat;
    check(mdb_stat(scope.txn(), inst->env->dbi(Db::Spo), &stat), "cannot count the statements");
    return stat.ms_entries > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(stat.ms_entries);
  } catch (const std::exception& e) {
    logError(inst->world, e.what());
    return -1;
  }
}

int transactionStart(librdf_storage* storage) {
  return guarded(storage, [](Instance& inst) {
    begin(inst, true);
    return 0;
  });
}

int transactionCommit(librdf_storage* storage) {
  return guarded(storage, [](Instance& inst) {
    if (inst.txn == nullptr || !inst.explicitTxn) throw StoreError("no transaction to commit");
    commit(inst);
    return 0;
  });
}

int transactionRollback(librdf_storage* storage) {
  return guarded(storage, [](Instance& inst) {
    if (inst.txn == nullptr || !inst.explicitTxn) throw StoreError("no transaction to roll back");
    rollback(inst);
    return 0;
  });
}

// ---------------------------------------------------------------------------------------------
// Life cycle.
int init(librdf_storage* storage, const char* name, librdf_hash* options) {
  librdf_world* world = librdf_storage_get_world(storage);
  bool erase = false;
  bool writable = true;
  if (options != nullptr) {  // ours to free
    erase = librdf_hash_get_as_boolean(options, "new") > 0;
    writable = librdf_hash_get_as_boolean(options, "write") != 0;  // -1 (absent) means yes
    librdf_free_hash(options);
  }
  if (name == nullptr || *name == '\0') {
    logError(world, "the lmdb storage needs a folder name");
    return 1;
  }
  try {
    auto inst = std::make_unique<Instance>();
    inst->world = world;
    inst->env = Environment::open(name, writable);
    inst->writable = writable;
    if (erase && writable) {
      begin(*inst, false);
      try {
        for (Db db : {Db::Id2Term, Db::Term2Id, Db::Spo, Db::Pos, Db::Osp, Db::Documents})
          check(mdb_drop(inst->txn, inst->env->dbi(db), 0), "cannot empty the LMDB store");
      } catch (...) {
        rollback(*inst);
        throw;
      }
      commit(*inst);
    }
    librdf_storage_set_instance(storage, inst.release());  // freed by terminate
    return 0;
  } catch (const std::exception& e) {
    logError(world, e.what());
    return 1;
  }
}

void terminate(librdf_storage* storage) {
  Instance* inst = instance(storage);
  if (inst == nullptr) return;
  rollback(*inst);  // a transaction never committed leaves nothing behind
  librdf_storage_set_instance(storage, nullptr);
  delete inst;
}

int openStorage(librdf_storage*, librdf_model*) { return 0; }
int closeStorage(librdf_storage*) { return 0; }

void factory(librdf_storage_factory* f) {
  // librdf has filled in name and label; the rest is ours.
  f->version = LIBRDF_STORAGE_INTERFACE_VERSION;
  f->init = init;
  f->terminate = terminate;
  f->open = openStorage;
  f->close = closeStorage;
  f->size = size;
  f->add_statement = addStatement;
  f->add_statements = addStatements;
  f->remove_statement = removeStatement;
  f->contains_statement = containsStatement;
  f->serialise = serialise;
  f->find_statements = findStatements;
  f->find_statements_in_context = findStatementsInContext;
  f->context_serialise = contextSerialise;
  f->transaction_start = transactionStart;
  f->transaction_commit = transactionCommit;
  f->transaction_rollback = transactionRollback;
}

// ---------------------------------------------------------------------------------------------
// Documents: key = the IRI, or for a long one (LMDB keys are at most 511 bytes) its start and a
// hash; value = 4-byte big-endian IRI length, IRI, then the lines front-coded: for each line the
// length of the prefix it shares with the line before and the length of the rest (varints), and
// the rest. Sorted N-Triples lines share long prefixes (a document's mentions all start with
// its IRI), which makes the documents about a third of their text.
constexpr std::size_t kMaxDocumentKey = 400;

void putVarint(std::string& out, std::size_t n) {
  for (; n >= 0x80; n >>= 7) out.push_back(static_cast<char>((n & 0x7f) | 0x80));
  out.push_back(static_cast<char>(n));
}

bool getVarint(std::string_view& in, std::size_t& n) {
  n = 0;
  for (int shift = 0; !in.empty() && shift < 64; shift += 7) {
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    n |= std::size_t{byte & 0x7fu} << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

void encodeLines(std::string_view text, std::string& out) {
  std::string_view previous;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    if (line.empty()) continue;
    std::size_t shared = 0;
    while (shared < line.size() && shared < previous.size() && line[shared] == previous[shared]) ++shared;
    putVarint(out, shared);
    putVarint(out, line.size() - shared);
    out.append(line.substr(shared));
    previous = line;
  }
}

// Returns the '\n'-terminated lines; throws StoreError on a corrupt value.
std::string decodeLines(std::string_view in) {
  std::string text;
  std::string line;
  while (!in.empty()) {
    std::size_t shared = 0;
    std::size_t rest = 0;
    if (!getVarint(in, shared) || !getVarint(in, rest) || shared > line.size() || rest > in.size())
      throw StoreError("corrupt document lines in the LMDB store");
    line.resize(shared);  // the prefix shared with the line before
    line.append(in.substr(0, rest));
    in.remove_prefix(rest);
    text += line;
    text.push_back('\n');
  }
  return text;
}

std::string documentKey(const std::string& iri) {
  if (iri.size() <= kMaxDocumentKey) return iri;
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(hash64(iri)));
  return iri.substr(0, kMaxDocumentKey - 17) + "#" + hash;
}

bool splitDocument(const MDB_val& data, std::string_view& iri, std::string_view& lines) {
  const std::string_view all = view(data);
  if (all.size() < 4) return false;
  const auto* bytes = reinterpret_cast<const unsigned char*>(all.data());
  const std::size_t length = (std::size_t{bytes[0]} << 24) | (std::size_t{bytes[1]} << 16) |
                             (std::size_t{bytes[2]} << 8) | std::size_t{bytes[3]};
  if (all.size() < 4 + length) return false;
  iri = all.substr(4, length);
  lines = all.substr(4 + length);
  return true;
}

Instance& writingInstance(librdf_storage* storage) {
  Instance& inst = checkedInstance(storage);
  if (inst.txn == nullptr || !inst.explicitTxn) throw StoreError("document changes need an open transaction");
  return inst;
}

}  // namespace

void registerStorage(librdf_world* world) {
  librdf_storage_register_factory(world, kStorageName, "diplograph LMDB storage", factory);
}

bool isStore(const std::filesystem::path& folder) { return Environment::committed(folder); }

std::optional<std::string> documentLines(librdf_storage* storage, const std::string& iri) {
  Instance& inst = checkedInstance(storage);
  ReadScope scope(inst, false);
  const std::string key = documentKey(iri);
  MDB_val k = value(key.data(), key.size());
  MDB_val data;
  const int rc = mdb_get(scope.txn(), inst.env->dbi(Db::Documents), &k, &data);
  if (rc == MDB_NOTFOUND) return std::nullopt;
  check(rc, "cannot read a document's lines");
  std::string_view storedIri, lines;
  if (!splitDocument(data, storedIri, lines) || storedIri != iri) return std::nullopt;
  return decodeLines(lines);
}

void addTriples(librdf_storage* storage, const std::vector<Triple>& triples) {
  Instance& inst = writingInstance(storage);
  for (const auto& triple : triples) {
    const std::uint64_t subject = inst.intern(triple.subject);
    const std::uint64_t predicate = inst.intern(triple.predicate);
    inst.addIds(subject, predicate, inst.intern(triple.object));
  }
}

void putDocument(librdf_storage* storage, const std::string& iri, std::string_view lines) {
  Instance& inst = writingInstance(storage);
  const std::string key = documentKey(iri);
  std::string data;
  data.reserve(4 + iri.size() + lines.size() / 2);
  for (int shift = 24; shift >= 0; shift -= 8) data.push_back(static_cast<char>((iri.size() >> shift) & 0xff));
  data += iri;
  encodeLines(lines, data);
  MDB_val k = value(key.data(), key.size());
  MDB_val d = value(data.data(), data.size());
  check(mdb_put(inst.txn, inst.env->dbi(Db::Documents), &k, &d, 0), "cannot write a document's lines");
}

void eraseDocument(librdf_storage* storage, const std::string& iri) {
  Instance& inst = writingInstance(storage);
  const std::string key = documentKey(iri);
  MDB_val k = value(key.data(), key.size());
  const int rc = mdb_del(inst.txn, inst.env->dbi(Db::Documents), &k, nullptr);
  if (rc != MDB_NOTFOUND) check(rc, "cannot remove a document's lines");
}

void forEachDocument(librdf_storage* storage,
                     const std::function<void(std::string_view iri, std::string_view lines)>& visit) {
  Instance& inst = checkedInstance(storage);
  ReadScope scope(inst, false);
  MDB_cursor* cursor = nullptr;
  check(mdb_cursor_open(scope.txn(), inst.env->dbi(Db::Documents), &cursor), "cannot open an LMDB cursor");
  try {
    MDB_val k;
    MDB_val data;
    int rc = mdb_cursor_get(cursor, &k, &data, MDB_FIRST);
    for (; rc == MDB_SUCCESS; rc = mdb_cursor_get(cursor, &k, &data, MDB_NEXT)) {
      std::string_view iri, lines;
      if (splitDocument(data, iri, lines)) visit(iri, decodeLines(lines));
    }
    if (rc != MDB_NOTFOUND) check(rc, "cannot read the documents");
  } catch (...) {
    mdb_cursor_close(cursor);
    throw;
  }
  mdb_cursor_close(cursor);
}

}  // namespace diplograph::graph::lmdb
