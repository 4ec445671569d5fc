#pragma once
// Owners for every librdf handle: one unique_ptr alias per handle kind, and the checks that turn
// a NULL return into a diplograph::StoreError. Nothing outside graph/src sees these types.
//
// librdf ownership rules that matter here (redland 1.0.17):
// - librdf_new_statement_from_nodes takes ownership of the three nodes;
// - librdf_model_add_statement / remove_statement copy the statement (the caller keeps it);
// - librdf_stream_get_object / query_results_get_binding_value return borrowed pointers that die
//   with the next call on the stream / results; copy them before moving on.
#include <redland.h>

#include <memory>
#include <string>

#include "diplograph/extract/error.h"

namespace diplograph::graph::librdf {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* handle) const noexcept {
    if (handle != nullptr) Free(handle);
  }
};

using World = std::unique_ptr<librdf_world, Deleter<librdf_world, librdf_free_world>>;
using Storage = std::unique_ptr<librdf_storage, Deleter<librdf_storage, librdf_free_storage>>;
using Model = std::unique_ptr<librdf_model, Deleter<librdf_model, librdf_free_model>>;
using Node = std::unique_ptr<librdf_node, Deleter<librdf_node, librdf_free_node>>;
using Statement = std::unique_ptr<librdf_statement, Deleter<librdf_statement, librdf_free_statement>>;
using Stream = std::unique_ptr<librdf_stream, Deleter<librdf_stream, librdf_free_stream>>;
using Query = std::unique_ptr<librdf_query, Deleter<librdf_query, librdf_free_query>>;
using QueryResults = std::unique_ptr<librdf_query_results, Deleter<librdf_query_results, librdf_free_query_results>>;
using Parser = std::unique_ptr<librdf_parser, Deleter<librdf_parser, librdf_free_parser>>;
using Serializer = std::unique_ptr<librdf_serializer, Deleter<librdf_serializer, librdf_free_serializer>>;
using Uri = std::unique_ptr<librdf_uri, Deleter<librdf_uri, librdf_free_uri>>;

// Returns `handle` or throws StoreError(what) when it is NULL.
template <typename T>
T* check(T* handle, const std::string& what) {
  if (handle == nullptr) throw StoreError(what);
  return handle;
}

inline const unsigned char* bytes(const std::string& s) {
  return reinterpret_cast<const unsigned char*>(s.c_str());
}

}  // namespace diplograph::graph::librdf
