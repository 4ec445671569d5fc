#include "lmdb/environment.h"

#include <cerrno>
#include <map>

#include "diplograph/extract/error.h"

namespace diplograph::graph::lmdb {
namespace fs = std::filesystem;

namespace {

constexpr const char* kDbNames[kDbCount] = {"id2term", "term2id", "spo", "pos", "osp", "documents", "meta"};
constexpr unsigned kDbFlags[kDbCount] = {0, MDB_DUPSORT | MDB_DUPFIXED, 0, 0, 0, 0, 0};
// The address space reserved for the map; pages are only allocated as the store grows. Halved
// until mmap accepts it (valgrind, for one, refuses large maps).
constexpr std::size_t kMapSize = std::size_t{64} << 30;
constexpr std::size_t kMinMapSize = std::size_t{256} << 20;
constexpr std::size_t kPoolSize = 8;

// Every Environment open in this process, by canonical folder. Recursive: an Environment that
// fails half-way through open() is destroyed while the registry is locked.
std::recursive_mutex& registryMutex() {
  static std::recursive_mutex mutex;
  return mutex;
}
std::map<std::string, std::weak_ptr<Environment>>& registry() {
  static std::map<std::string, std::weak_ptr<Environment>> environments;
  return environments;
}

}  // namespace

void check(int rc, const std::string& what) {
  if (rc != MDB_SUCCESS) throw StoreError(what + ": " + mdb_strerror(rc));
}

std::uint64_t hash64(std::string_view bytes) {
  constexpr std::uint64_t m = 0xc6a4a7935bd1e995ULL;
  constexpr int r = 47;
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t length = bytes.size();
  std::uint64_t h = 0x9747b28c5bd1e995ULL ^ (length * m);
  std::size_t i = 0;
  for (; i + 8 <= length; i += 8) {
    std::uint64_t k = 0;
    for (int b = 7; b >= 0; --b) k = (k << 8) | data[i + b];  // little-endian, on every machine
    k *= m;
    k ^= k >> r;
    k *= m;
    h ^= k;
    h *= m;
  }
  const std::size_t rest = length - i;
  if (rest > 0) {
    for (std::size_t b = rest; b-- > 0;) h ^= std::uint64_t{data[i + b]} << (8 * b);
    h *= m;
  }
  h ^= h >> r;
  h *= m;
  h ^= h >> r;
  return h;
}

MDB_cursor* Snapshot::cursor(MDB_dbi dbi, Db db) {
  MDB_cursor*& c = cursors[static_cast<unsigned>(db)];
  if (c == nullptr) check(mdb_cursor_open(txn, dbi, &c), "cannot open an LMDB cursor");
  return c;
}

bool Environment::exists(const fs::path& folder) {
  std::error_code ignored;
  return fs::is_regular_file(folder / "data.mdb", ignored);
}

bool Environment::committed(const fs::path& folder) {
  if (!exists(folder)) return false;
  std::lock_guard lock(registryMutex());
  const auto open = registry().find(fs::canonical(folder).string());
  if (open != registry().end() && !open->second.expired()) return true;  // opened: it has its databases
  // Otherwise a read-only look that writes nothing (closing it would drop this process's LMDB
  // locks on the folder, hence only when no environment of ours is open there). A data.mdb that
  // cannot be read counts as committed, so that opening it reports the damage.
  std::error_code ignored;
  if (fs::file_size(folder / "data.mdb", ignored) == 0) return false;
  MDB_env* env = nullptr;
  check(mdb_env_create(&env), "cannot create an LMDB environment");
  MDB_envinfo info{};
  const bool none = mdb_env_open(env, folder.c_str(), MDB_RDONLY | MDB_NOTLS, 0644) == MDB_SUCCESS &&
                    mdb_env_info(env, &info) == MDB_SUCCESS && info.me_last_txnid == 0;
  mdb_env_close(env);
  return !none;
}

std::shared_ptr<Environment> Environment::open(const fs::path& folder, bool create) {
  std::lock_guard lock(registryMutex());
  if (create) fs::create_directories(folder);
  if (!exists(folder) && !create) throw StoreError("no LMDB store in " + folder.string());
  const std::string key = fs::canonical(folder).string();
  auto& environments = registry();
  if (auto shared = environments[key].lock()) {
    if (create && shared->readOnly()) throw StoreError("store " + folder.string() + " is read-only");
    return shared;
  }
  std::shared_ptr<Environment> environment(new Environment());
  environment->folder_ = key;
  for (std::size_t mapSize = kMapSize;; mapSize /= 2) {
    for (const unsigned mode : {0u, static_cast<unsigned>(MDB_RDONLY)}) {
      MDB_env* env = nullptr;
      check(mdb_env_create(&env), "cannot create an LMDB environment");
      mdb_env_set_maxdbs(env, kDbCount + 1);
      mdb_env_set_maxreaders(env, 256);
      mdb_env_set_mapsize(env, mapSize);
      // MDB_NOTLS: read transactions belong to librdf streams, not threads, and several streams
      // (one per pattern of a join) are open at once.
      const int rc = mdb_env_open(env, key.c_str(), MDB_NOTLS | mode, 0644);
      if (rc == MDB_SUCCESS) {
        environment->env_ = env;
        environment->readOnly_ = mode != 0;
        break;
      }
      mdb_env_close(env);
      if ((rc == EACCES || rc == EROFS) && mode == 0 && !create) continue;  // try read-only
      if ((rc == ENOMEM || rc == EINVAL) && mapSize / 2 >= kMinMapSize) break;  // mmap refused: smaller
      check(rc, "cannot open the LMDB store in " + folder.string());
    }
    if (environment->env_ != nullptr) break;
  }
  int stale = 0;
  mdb_reader_check(environment->env_, &stale);  // frees the slots of killed readers
  environment->openDatabases(create);
  environments[key] = environment;
  return environment;
}

void Environment::openDatabases(bool create) {
  // First without creating anything: a reader must never wait for another process's writer.
  MDB_txn* txn = nullptr;
  check(mdb_txn_begin(env_, nullptr, MDB_RDONLY, &txn), "cannot read the LMDB store in " + folder_.string());
  bool missing = false;
  for (unsigned i = 0; i < kDbCount; ++i) {
    const int rc = mdb_dbi_open(txn, kDbNames[i], kDbFlags[i], &dbis_[i]);
    if (rc == MDB_NOTFOUND) {
      missing = true;
      break;
    }
    if (rc != MDB_SUCCESS) mdb_txn_abort(txn);
    check(rc, "cannot open the LMDB database " + std::string(kDbNames[i]) + " in " + folder_.string());
  }
  if (!missing) {
    MDB_val key = value("format", 6);
    MDB_val data;
    const int rc = mdb_get(txn, dbis_[static_cast<unsigned>(Db::Meta)], &key, &data);
    const bool ours = rc == MDB_SUCCESS && view(data) == kFormat;
    if (!ours) {
      mdb_txn_abort(txn);
      throw StoreError(folder_.string() + " holds an LMDB environment that is not a " + kFormat + " store");
    }
    check(mdb_txn_commit(txn), "cannot open the LMDB databases in " + folder_.string());  // keeps the handles
    return;
  }
  mdb_txn_abort(txn);
  if (!create || readOnly_) throw StoreError(folder_.string() + " holds no diplograph LMDB store");
  check(mdb_txn_begin(env_, nullptr, 0, &txn), "cannot write the LMDB store in " + folder_.string());
  try {
    for (unsigned i = 0; i < kDbCount; ++i)
      check(mdb_dbi_open(txn, kDbNames[i], kDbFlags[i] | MDB_CREATE, &dbis_[i]),
            "cannot create the LMDB database " + std::string(kDbNames[i]));
    MDB_val key = value("format", 6);
    MDB_val data = value(kFormat, std::strlen(kFormat));
    check(mdb_put(txn, dbis_[static_cast<unsigned>(Db::Meta)], &key, &data, 0), "cannot write the store format");
  } catch (...) {
    mdb_txn_abort(txn);
    throw;
  }
  check(mdb_txn_commit(txn), "cannot create the LMDB store in " + folder_.string());
}

Environment::~Environment() {
  std::lock_guard lock(registryMutex());  // no other open of this folder while it closes
  for (Snapshot* snapshot : pool_) {
    for (MDB_cursor* c : snapshot->cursors) {
      if (c != nullptr) mdb_cursor_close(c);
    }
    mdb_txn_abort(snapshot->txn);
    delete snapshot;
  }
  if (env_ != nullptr) mdb_env_close(env_);
}

Snapshot* Environment::acquire() {
  Snapshot* snapshot = nullptr;
  {
    std::lock_guard lock(poolMutex_);
    if (!pool_.empty()) {
      snapshot = pool_.back();
      pool_.pop_back();
    }
  }
  if (snapshot != nullptr) {
    int rc = mdb_txn_renew(snapshot->txn);
    for (MDB_cursor* c : snapshot->cursors) {
      if (rc == MDB_SUCCESS && c != nullptr) rc = mdb_cursor_renew(snapshot->txn, c);
    }
    if (rc == MDB_SUCCESS) return snapshot;
    for (MDB_cursor* c : snapshot->cursors) {
      if (c != nullptr) mdb_cursor_close(c);
    }
    mdb_txn_abort(snapshot->txn);
    delete snapshot;
  }
  auto fresh = std::make_unique<Snapshot>();
  check(mdb_txn_begin(env_, nullptr, MDB_RDONLY, &fresh->txn), "cannot read the LMDB store in " + folder_.string());
  return fresh.release();  // owned by the caller until release()
}

void Environment::release(Snapshot* snapshot) noexcept {
  if (snapshot == nullptr) return;
  mdb_txn_reset(snapshot->txn);
  {
    std::lock_guard lock(poolMutex_);
    if (pool_.size() < kPoolSize) {
      pool_.push_back(snapshot);
      return;
    }
  }
  for (MDB_cursor* c : snapshot->cursors) {
    if (c != nullptr) mdb_cursor_close(c);
  }
  mdb_txn_abort(snapshot->txn);
  delete snapshot;
}

MDB_txn* Environment::beginWrite() {
  if (readOnly_) throw StoreError("store " + folder_.string() + " is read-only");
  {
    std::lock_guard lock(writeMutex_);
    if (writing_) throw StoreError("store " + folder_.string() + " already has a write transaction in this process");
    writing_ = true;
  }
  MDB_txn* txn = nullptr;
  const int rc = mdb_txn_begin(env_, nullptr, 0, &txn);
  if (rc != MDB_SUCCESS) {
    std::lock_guard lock(writeMutex_);
    writing_ = false;
  }
  check(rc, "cannot write the LMDB store in " + folder_.string());
  return txn;
}

void Environment::commitWrite(MDB_txn* txn) {
  const int rc = mdb_txn_commit(txn);  // frees the transaction even when it fails
  {
    std::lock_guard lock(writeMutex_);
    writing_ = false;
  }
  // LMDB reports a short write (a full disk, a file size limit) as EIO; say what to look at.
  const bool writeFailed = rc == EIO || rc == ENOSPC || rc == EFBIG || rc == EDQUOT;
  check(rc, "cannot commit to the LMDB store in " + folder_.string() +
                (writeFailed ? " (is the disk full?); the store keeps its last commit" : ""));
}

void Environment::abortWrite(MDB_txn* txn) noexcept {
  mdb_txn_abort(txn);
  std::lock_guard lock(writeMutex_);
  writing_ = false;
}

std::string_view termBytes(MDB_txn* txn, const Environment& env, std::uint64_t id) {
  unsigned char key[kIdSize];
  putId(key, id);
  MDB_val k = value(key, kIdSize);
  MDB_val data;
  const int rc = mdb_get(txn, env.dbi(Db::Id2Term), &k, &data);
  if (rc == MDB_NOTFOUND) throw StoreError("LMDB store " + env.folder().string() + " is corrupt: unknown term id");
  check(rc, "cannot read a term");
  return view(data);
}

std::uint64_t findTerm(MDB_txn* txn, const Environment& env, std::string_view encoded) {
  unsigned char hash[kIdSize];
  putId(hash, hash64(encoded));
  MDB_val key = value(hash, kIdSize);
  MDB_val data;
  // The first id under the hash is the term itself unless two terms share a hash.
  int rc = mdb_get(txn, env.dbi(Db::Term2Id), &key, &data);
  if (rc == MDB_NOTFOUND) return 0;
  check(rc, "cannot look a term up");
  std::uint64_t id = getId(static_cast<const unsigned char*>(data.mv_data));
  if (termBytes(txn, env, id) == encoded) return id;
  MDB_cursor* cursor = nullptr;
  check(mdb_cursor_open(txn, env.dbi(Db::Term2Id), &cursor), "cannot open an LMDB cursor");
  std::uint64_t found = 0;
  try {
    rc = mdb_cursor_get(cursor, &key, &data, MDB_SET);
    while (rc == MDB_SUCCESS) {
      id = getId(static_cast<const unsigned char*>(data.mv_data));
      if (termBytes(txn, env, id) == encoded) {
        found = id;
        break;
      }
      rc = mdb_cursor_get(cursor, &key, &data, MDB_NEXT_DUP);
    }
    if (found == 0 && rc != MDB_NOTFOUND) check(rc, "cannot look a term up");
  } catch (...) {
    mdb_cursor_close(cursor);
    throw;
  }
  mdb_cursor_close(cursor);
  return found;
}

void addTerm(MDB_txn* txn, const Environment& env, std::string_view encoded, std::uint64_t id) {
  unsigned char idKey[kIdSize];
  putId(idKey, id);
  MDB_val k = value(idKey, kIdSize);
  MDB_val term = value(encoded.data(), encoded.size());
  check(mdb_put(txn, env.dbi(Db::Id2Term), &k, &term, MDB_APPEND), "cannot add a term");
  unsigned char hash[kIdSize];
  putId(hash, hash64(encoded));
  MDB_val h = value(hash, kIdSize);
  MDB_val idValue = value(idKey, kIdSize);
  check(mdb_put(txn, env.dbi(Db::Term2Id), &h, &idValue, 0), "cannot index a term");
}

std::uint64_t nextTermId(MDB_txn* txn, const Environment& env) {
  MDB_cursor* cursor = nullptr;
  check(mdb_cursor_open(txn, env.dbi(Db::Id2Term), &cursor), "cannot open an LMDB cursor");
  MDB_val key;
  MDB_val data;
  const int rc = mdb_cursor_get(cursor, &key, &data, MDB_LAST);
  std::uint64_t next = 1;
  if (rc == MDB_SUCCESS && key.mv_size == kIdSize) next = getId(static_cast<const unsigned char*>(key.mv_data)) + 1;
  mdb_cursor_close(cursor);
  if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND) check(rc, "cannot read the term dictionary");
  return next;
}

}  // namespace diplograph::graph::lmdb
