#pragma once
// A librdf world whose log messages are collected instead of printed, so that errors reach the
// user as one line through our exceptions and warnings never clutter the terminal.
#include <string>
#include <vector>

#include "diplograph/graph/rdf.h"
#include "librdf/handles.h"

namespace diplograph::graph::librdf {

class Session {
 public:
  Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  librdf_world* world() const { return world_.get(); }
  // The first error logged since the last call, or `fallback` when librdf logged none.
  std::string takeError(const std::string& fallback);

  Node node(const Term& term) const;
  Statement statement(const Triple& triple) const;
  static Term term(librdf_node* node);
  static Triple triple(librdf_statement* statement);
  std::vector<Triple> drain(librdf_stream* stream) const;

 private:
  static int log(void* user, librdf_log_message* message);
  World world_;
  std::vector<std::string> errors_;
};

}  // namespace diplograph::graph::librdf
