#pragma once
// diplograph's librdf storage module "lmdb": triples in an LMDB environment (one folder), with
// dictionary-encoded terms and SPO/POS/OSP indexes, so that every triple pattern librdf and
// rasqal ask for is one B-tree range (see environment.h for the layout).
//
//   librdf_new_storage(world, "lmdb", FOLDER, "write='yes'")   creates FOLDER's store when missing
//   librdf_new_storage(world, "lmdb", FOLDER, "write='no'")    reads an existing store, writes nothing
//   option new='yes'                                           also empties an existing store
//
// Writes outside a transaction commit one by one. librdf_model_transaction_start / _commit /
// _rollback run many writes as one LMDB write transaction: all of them or none reach the disk,
// and reads through the same storage see the open transaction. Other readers (other storages,
// other processes) keep reading the last committed state and never wait for the writer.
// Contexts (named graphs) are not supported.
#include <redland.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/graph/rdf.h"

namespace diplograph::graph::lmdb {

inline constexpr const char* kStorageName = "lmdb";

// Registers the "lmdb" storage factory with `world`; call once per world, after librdf_world_open.
void registerStorage(librdf_world* world);

// True when `folder` holds an LMDB environment with at least one commit (a first write killed
// before its commit leaves one with none: an empty store).
bool isStore(const std::filesystem::path& folder);

// Adds `triples` in the open transaction (StoreError without one) straight from their values:
// the same result as librdf_model_add_statement for each, without making librdf nodes, which
// is most of the cost of a bulk load.
void addTriples(librdf_storage* storage, const std::vector<Triple>& triples);

// Per-document data kept in the same environment as the triples (the `documents` database), so
// one commit covers both: for each document IRI, the canonical N-Triples lines it supports, as
// text of '\n'-terminated lines (stored front-coded, given back '\n'-terminated, empty lines
// dropped).
// `storage` must be an "lmdb" storage (StoreError otherwise). Reads see the open transaction, if
// any; writes need one (librdf_model_transaction_start), and throw StoreError without it.
std::optional<std::string> documentLines(librdf_storage* storage, const std::string& iri);
void putDocument(librdf_storage* storage, const std::string& iri, std::string_view lines);
void eraseDocument(librdf_storage* storage, const std::string& iri);
// Calls `visit` with every document's IRI and lines, in no particular order.
void forEachDocument(librdf_storage* storage,
                     const std::function<void(std::string_view iri, std::string_view lines)>& visit);

}  // namespace diplograph::graph::lmdb
