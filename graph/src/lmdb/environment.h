#pragma once
// LMDB underneath diplograph's "lmdb" librdf storage: one environment per store folder, its named
// databases, the key layout, the term dictionary and a pool of read snapshots.
//
// Layout (all ids are 64-bit, written big-endian so that byte order is numeric order):
// - `id2term`   id -> encoded term (see encodeTerm); ids start at 1 and only grow.
// - `term2id`   8-byte hash of the encoded term -> ids (DUPSORT; a hit is confirmed in id2term).
// - `spo`, `pos`, `osp`  24-byte keys (three ids in that order), empty values: every triple
//   pattern is a prefix range of one of them.
// - `documents` document IRI (or a prefix and hash of a long one) -> the document's N-Triples lines.
// - `meta`      "format" -> kFormat.
// The dictionary is append-only: a term keeps its id for ever, so ids can be cached across
// transactions (only the ids handed out by a transaction that is rolled back must be forgotten).
#include <lmdb.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::graph::lmdb {

enum class Db : unsigned { Id2Term, Term2Id, Spo, Pos, Osp, Documents, Meta };
inline constexpr unsigned kDbCount = 7;
inline constexpr const char* kFormat = "diplograph-lmdb-1";
inline constexpr std::size_t kIdSize = 8;
inline constexpr std::size_t kKeySize = 3 * kIdSize;

// Throws StoreError("<what>: <LMDB message>") when rc is not MDB_SUCCESS.
void check(int rc, const std::string& what);

inline void putId(unsigned char* out, std::uint64_t id) {
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<unsigned char>(id & 0xff);
    id >>= 8;
  }
}

inline std::uint64_t getId(const unsigned char* in) {
  std::uint64_t id = 0;
  for (int i = 0; i < 8; ++i) id = (id << 8) | in[i];
  return id;
}

inline MDB_val value(const void* data, std::size_t size) { return MDB_val{size, const_cast<void*>(data)}; }
inline std::string_view view(const MDB_val& v) { return {static_cast<const char*>(v.mv_data), v.mv_size}; }

// A stable 64-bit hash (MurmurHash64A, seed fixed): it is written to disk, so it must never
// change with the compiler or the standard library.
std::uint64_t hash64(std::string_view bytes);

// A read-only transaction with lazily opened cursors, reused through Environment's pool
// (mdb_txn_reset / mdb_txn_renew), so that opening one per librdf stream costs no system call.
struct Snapshot {
  MDB_txn* txn = nullptr;
  std::array<MDB_cursor*, kDbCount> cursors{};
  // The cursor on `db`, opened on first use; throws StoreError.
  MDB_cursor* cursor(MDB_dbi dbi, Db db);
};

class Environment {
 public:
  // Opens the environment in `folder`, or shares the one this process already has open there
  // (LMDB forbids opening one environment twice in a process). `create` makes the folder and
  // the databases when missing; otherwise a folder without an environment is a StoreError.
  // When the files cannot be opened for writing the environment is opened read-only.
  static std::shared_ptr<Environment> open(const std::filesystem::path& folder, bool create);
  // True when `folder` holds an LMDB environment (a data.mdb file).
  static bool exists(const std::filesystem::path& folder);
  // True when that environment holds at least one commit: a first write killed before its
  // commit leaves an environment with none, which is an empty store, not a broken one.
  static bool committed(const std::filesystem::path& folder);

  ~Environment();
  Environment(const Environment&) = delete;
  Environment& operator=(const Environment&) = delete;

  MDB_env* env() const { return env_; }
  MDB_dbi dbi(Db db) const { return dbis_[static_cast<unsigned>(db)]; }
  bool readOnly() const { return readOnly_; }
  const std::filesystem::path& folder() const { return folder_; }

  // A read snapshot of the last committed state; give it back with release(). Throws StoreError.
  Snapshot* acquire();
  void release(Snapshot* snapshot) noexcept;

  // Begins the write transaction of this process on the environment. A second one while the
  // first is open would wait for ever on LMDB's writer mutex: it is a StoreError instead.
  MDB_txn* beginWrite();
  // Ends the write transaction begun by beginWrite(): commits it (throws StoreError on failure)
  // or aborts it.
  void commitWrite(MDB_txn* txn);
  void abortWrite(MDB_txn* txn) noexcept;

 private:
  Environment() = default;
  void openDatabases(bool create);

  std::filesystem::path folder_;
  MDB_env* env_ = nullptr;
  std::array<MDB_dbi, kDbCount> dbis_{};
  bool readOnly_ = false;
  std::mutex poolMutex_;
  std::vector<Snapshot*> pool_;
  std::mutex writeMutex_;
  bool writing_ = false;
};

// Term dictionary. `encoded` is a term as encodeTerm (storage.cpp) writes it.
// Returns the id of a term, or 0 when the dictionary does not hold it.
std::uint64_t findTerm(MDB_txn* txn, const Environment& env, std::string_view encoded);
// Returns the encoded term with `id`; the view lives as long as the transaction is unchanged.
// Throws StoreError when the id is unknown (a corrupt index).
std::string_view termBytes(MDB_txn* txn, const Environment& env, std::uint64_t id);
// Adds a term missing from the dictionary under `id` (write transaction).
void addTerm(MDB_txn* txn, const Environment& env, std::string_view encoded, std::uint64_t id);
// The id the next new term gets in this transaction.
std::uint64_t nextTermId(MDB_txn* txn, const Environment& env);

}  // namespace diplograph::graph::lmdb
