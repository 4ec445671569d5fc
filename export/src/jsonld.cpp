#include "jsonld.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

#include "diplograph/export/export.h"
#include "diplograph/graph/vocabulary.h"
#include "relations.h"

namespace diplograph::exporter {
namespace {

using Json = nlohmann::ordered_json;
using graph::Term;

Json context() {
  Json terms = Json::object();
  for (const auto& [prefix, iri] : vocabularyPrefixes()) terms[prefix] = iri;
  return terms;
}

Json object(const Term& term) {
  if (term.kind != Term::Kind::Literal) return {{"@id", nodeId(term)}};
  if (!term.language.empty()) return {{"@value", term.value}, {"@language", term.language}};
  if (!term.datatype.empty()) return {{"@value", term.value}, {"@type", compactIri(term.datatype)}};
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
      if (isClass(*t)) node["@type"].push_back(compactIri(t->object.value));
    }
    for (auto t = first; t != last; ++t) {
      if (!isClass(*t)) node[compactIri(t->predicate.value)].push_back(object(t->object));
    }
    nodes.push_back(std::move(node));
    first = last;
  }
  return Json{{"@context", context()}, {"@graph", std::move(nodes)}}.dump(2) + "\n";
}

}  // namespace diplograph::exporter
