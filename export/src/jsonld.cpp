#include "jsonld.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

#include "diplograph/export/export.h"
#include "diplograph/graph/vocabulary.h"

namespace diplograph::exporter {
namespace {

using Json = nlohmann::ordered_json;
using graph::Term;

// The project prefixes, in the order graph/vocabulary.h lists them.
const std::vector<std::pair<std::string, std::string>>& prefixes() {
  namespace vocab = graph::vocab;
  static const std::vector<std::pair<std::string, std::string>> kPrefixes = {
      {"dg", vocab::kDg},         {"rdf", vocab::kRdf},   {"rdfs", vocab::kRdfs}, {"xsd", vocab::kXsd},
      {"skos", vocab::kSkos},     {"schema", vocab::kSchema}, {"org", vocab::kOrg}, {"dct", vocab::kDct},
      {"prov", vocab::kProv},     {"nif", vocab::kNif},   {"itsrdf", vocab::kItsrdf}};
  return kPrefixes;
}

Json context() {
  Json terms = Json::object();
  for (const auto& [prefix, iri] : prefixes()) terms[prefix] = iri;
  return terms;
}

// "dg:cites" for an IRI in a prefix's namespace, for properties, types and datatypes (which
// JSON-LD expands against the context); the IRI whole otherwise. A local part starting with
// "//" would read back as an absolute IRI, so such IRIs also stay whole.
std::string compact(const std::string& iri) {
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& entry : prefixes()) {
    if (iri.starts_with(entry.second) && (best == nullptr || entry.second.size() > best->second.size())) best = &entry;
  }
  if (best == nullptr) return iri;
  const std::string local = iri.substr(best->second.size());
  if (local.starts_with("//")) return iri;
  return best->first + ":" + local;
}

// Node references keep full IRIs: @id values are not expanded against prefixes by every reader.
std::string nodeId(const Term& term) {
  return term.kind == Term::Kind::Blank ? "_:" + term.value : term.value;
}

Json object(const Term& term) {
  if (term.kind != Term::Kind::Literal) return {{"@id", nodeId(term)}};
  if (!term.language.empty()) return {{"@value", term.value}, {"@language", term.language}};
  if (!term.datatype.empty()) return {{"@value", term.value}, {"@type", compact(term.datatype)}};
  return term.value;  // a plain string is xsd:string, as the context sets no default language
}

bool isClass(const graph::Triple& triple) {
  return triple.predicate.value == graph::vocab::kRdf + "type" && triple.object.kind == Term::Kind::Iri;
}

}  // namespace

std::string jsonLdContext() { return Json{{"@context", context()}}.dump(2) + "\n"; }

std::string toJsonLd(std::vector<graph::Triple> triples) {
  std::sort(triples.begin(), triples.end());
  Json nodes = Json::array();
  for (auto first = triples.begin(); first != triples.end();) {
    const auto last = std::find_if(first, triples.end(), [&](const auto& t) { return t.subject != first->subject; });
    Json node = {{"@id", nodeId(first->subject)}};
    // Classes go under @type (the usual JSON-LD shape); everything else under its property.
    for (auto t = first; t != last; ++t) {
      if (isClass(*t)) node["@type"].push_back(compact(t->object.value));
    }
    for (auto t = first; t != last; ++t) {
      if (!isClass(*t)) node[compact(t->predicate.value)].push_back(object(t->object));
    }
    nodes.push_back(std::move(node));
    first = last;
  }
  return Json{{"@context", context()}, {"@graph", std::move(nodes)}}.dump(2) + "\n";
}

}  // namespace diplograph::exporter
