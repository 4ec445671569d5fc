#pragma once
// Plain RDF values that cross the graph library's boundary; librdf types never do.
#include <string>
#include <vector>

namespace diplograph::graph {

struct Term {
  enum class Kind { Iri, Literal, Blank, Unbound };
  Kind kind = Kind::Unbound;
  std::string value;     // IRI, lexical form or blank node label
  std::string language;  // literal language tag, or ""
  std::string datatype;  // literal datatype IRI, or ""

  static Term iri(std::string value) { return {Kind::Iri, std::move(value), "", ""}; }
  static Term literal(std::string value, std::string language = "", std::string datatype = "") {
    return {Kind::Literal, std::move(value), std::move(language), std::move(datatype)};
  }
  static Term typed(std::string value, std::string datatype) {
    return literal(std::move(value), "", std::move(datatype));
  }
  bool operator==(const Term&) const = default;
  auto operator<=>(const Term&) const = default;
};

struct Triple {
  Term subject;
  Term predicate;
  Term object;
  bool operator==(const Triple&) const = default;
  auto operator<=>(const Triple&) const = default;
};

// One line of N-Triples for `triple`, escaped per the N-Triples grammar (so any text a document
// contains yields a valid line), without the trailing newline.
std::string toNTriples(const Triple& triple);
std::string toNTriples(const Term& term);

// The result of a SPARQL query: bindings (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE).
struct QueryResult {
  enum class Kind { Bindings, Boolean, Graph };
  Kind kind = Kind::Bindings;
  std::vector<std::string> variables;
  std::vector<std::vector<Term>> rows;
  bool boolean = false;
  std::vector<Triple> triples;
  bool truncated = false;  // rows or triples were left out by QueryLimits::maxRows
};

}  // namespace diplograph::graph
