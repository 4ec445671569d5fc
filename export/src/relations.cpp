#include "relations.h"

#include <map>

#include "diplograph/graph/vocabulary.h"

namespace diplograph::exporter {
namespace {

namespace vocab = graph::vocab;

const std::map<std::string, std::string>& projectionPredicates() {
  static const std::map<std::string, std::string> kPredicates = {
      {"cites", vocab::kDg + "cites"},
      {"attendee", vocab::kSchema + "attendee"},
      {"location", vocab::kSchema + "location"},
      {"sidelines of", vocab::kSchema + "superEvent"},
      {"chair", vocab::kDg + "chairedBy"},
      {"adopted by", vocab::kDg + "adoptedBy"},
      {kCoCited, ""},
      {kCoAttended, ""},
  };
  return kPredicates;
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& vocabularyPrefixes() {
  static const std::vector<std::pair<std::string, std::string>> kPrefixes = {
      {"dg", vocab::kDg},     {"rdf", vocab::kRdf},       {"rdfs", vocab::kRdfs}, {"xsd", vocab::kXsd},
      {"skos", vocab::kSkos}, {"schema", vocab::kSchema}, {"org", vocab::kOrg},   {"dct", vocab::kDct},
      {"prov", vocab::kProv}, {"nif", vocab::kNif},       {"itsrdf", vocab::kItsrdf}};
  return kPrefixes;
}

std::string compactIri(const std::string& iri) {
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& entry : vocabularyPrefixes()) {
    if (iri.starts_with(entry.second) && (best == nullptr || entry.second.size() > best->second.size())) best = &entry;
  }
  if (best == nullptr) return iri;
  const std::string local = iri.substr(best->second.size());
  if (local.starts_with("//")) return iri;
  return best->first + ":" + local;
}

std::string nodeId(const graph::Term& term) {
  return term.kind == graph::Term::Kind::Blank ? "_:" + term.value : term.value;
}

std::string predicateOf(const std::string& relation) {
  const auto& known = projectionPredicates();
  if (const auto found = known.find(relation); found != known.end()) return found->second;
  if (relation.starts_with("http://") || relation.starts_with("https://")) return relation;
  if (const auto colon = relation.find(':'); colon != std::string::npos) {
    for (const auto& [prefix, iri] : vocabularyPrefixes()) {
      if (relation.compare(0, colon, prefix) == 0 && colon == prefix.size()) return iri + relation.substr(colon + 1);
    }
  }
  return vocab::kOrg + "holds";
}

std::string relationOf(const std::string& predicate) {
  for (const auto& [relation, iri] : projectionPredicates()) {
    if (!iri.empty() && iri == predicate) return relation;
  }
  return compactIri(predicate);
}

}  // namespace diplograph::exporter
