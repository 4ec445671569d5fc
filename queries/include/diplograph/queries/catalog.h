#pragma once
// The canned SPARQL questions in queries/*.rq and how their parameters are bound.
//
// Each .rq file starts with a header comment:
//   # <name> — <the question it answers>
//   # param <name>: <kind>  <what to type>          (zero or more)
//   # example: diplograph query --name ... --param ...
// and uses $<name> where a parameter's value goes. Kinds: resolution, state, person, entity,
// year, text. A value is resolved against the store to an IRI (or a typed literal) and written
// in as an RDF term, never spliced as raw text, so a parameter cannot change the query.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "diplograph/graph/store.h"

namespace diplograph::queries {

struct Parameter {
  std::string name;
  std::string kind;
  std::string description;
};

struct CannedQuery {
  std::string name;
  std::string question;
  std::string example;
  std::vector<Parameter> parameters;
  std::string sparql;  // the file's text
};

// All canned queries in `folder`, sorted by name; throws QueryError on a malformed header.
std::vector<CannedQuery> loadCatalog(const std::filesystem::path& folder);
const CannedQuery& findQuery(const std::vector<CannedQuery>& catalog, const std::string& name);

// The query text with every $parameter replaced by the RDF term its value resolves to in `store`.
// Throws QueryError for a missing, unknown or unresolvable parameter (and lists near matches).
std::string bindParameters(const CannedQuery& query, const std::map<std::string, std::string>& values,
                           const graph::Store& store);

}  // namespace diplograph::queries
