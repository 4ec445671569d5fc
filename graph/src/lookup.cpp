#include "diplograph/graph/lookup.h"

#include <algorithm>
#include <optional>
#include <regex>

#include "diplograph/extract/error.h"
#include "diplograph/extract/normalize.h"
#include "diplograph/graph/vocabulary.h"

namespace diplograph::graph {
namespace {

std::string trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  return s.substr(begin, s.find_last_not_of(" \t\r") - begin + 1);
}

// "822 (1993)", "UNSC 822", "S/RES/2728 (2024)", "A/RES/70/233", "OIC 8/44-POL".
struct ResolutionReference {
  std::string issuer;
  std::string number;
  std::string year;
};

std::optional<ResolutionReference> parseResolution(const std::string& value) {
  static const std::regex kPattern(
      R"(^\s*(?:(?:resolution|résolution)\s+)?([A-Za-z][A-Za-z .]*?)?\s*(S/RES/|A/RES/)?([0-9]+(?:/[0-9]+)?(?:-[A-Za-z]+)?)\s*(?:\(\s*([0-9]{4})\s*\))?\s*$)",
      std::regex::icase);
  std::smatch m;
  if (!std::regex_match(value, m, kPattern)) return std::nullopt;
  ResolutionReference ref{trim(m[1]), m[3], m[4]};
  const std::string symbol = m[2];
  if (symbol == "S/RES/") ref.issuer = "UNSC";
  if (symbol == "A/RES/") ref.issuer = "UNGA";
  return ref;
}

std::string literal(const std::string& value) { return toNTriples(Term::literal(value)); }

// Entities of a type with every label they carry, for lenient matching in C++.
std::vector<std::pair<std::string, std::string>> labelsOf(const Store& store, const std::string& type,
                                                          const std::string& extraPatterns = "") {
  const auto result = store.query(vocab::sparqlPrefixes() + "SELECT ?e ?l WHERE { ?e a dg:" + type +
                                  " . { ?e rdfs:label ?l } UNION { ?e skos:altLabel ?l }" + extraPatterns + " }");
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& row : result.rows) out.emplace_back(row[0].value, row[1].value);
  return out;
}

std::vector<std::string> unique(std::vector<std::string> iris) {
  std::sort(iris.begin(), iris.end());
  iris.erase(std::unique(iris.begin(), iris.end()), iris.end());
  return iris;
}

std::vector<std::string> resolveResolution(const std::string& value, const Store& store) {
  const auto ref = parseResolution(value);
  if (!ref) throw QueryError("not a resolution reference: '" + value + "' (try \"UNSC 822 (1993)\")");
  std::string sparql = vocab::sparqlPrefixes() + "SELECT ?r ?issuer WHERE { ?r a dg:Resolution ; dg:number " +
                       literal(ref->number) + " ; dg:issuer ?issuer .";
  if (!ref->year.empty()) sparql += " ?r dg:year " + toNTriples(Term::typed(ref->year, vocab::kXsd + "integer")) + " .";
  sparql += " }";
  const std::string wanted = extract::foldForMatching(ref->issuer);
  std::vector<std::string> matches;
  for (const auto& row : store.query(sparql).rows) {
    if (wanted.empty() || extract::foldForMatching(row[1].value) == wanted) {
      matches.push_back(row[0].value);
      continue;
    }
    // The issuer may be typed by name ("Security Council"): compare with the issuing body's labels.
    const auto names = store.query(vocab::sparqlPrefixes() +
                                   "SELECT ?l WHERE { ?o a dg:Organization ; dg:acronym " + literal(row[1].value) +
                                   " . { ?o rdfs:label ?l } UNION { ?o skos:altLabel ?l } }");
    for (const auto& name : names.rows) {
      if (extract::foldForMatching(name[0].value) == wanted) matches.push_back(row[0].value);
    }
  }
  return unique(matches);
}

std::vector<std::string> resolveByLabel(const std::string& type, const std::string& value, const Store& store,
                                        bool surnameMatches) {
  const std::string wanted = extract::foldForMatching(value);
  std::vector<std::string> exact;
  std::vector<std::string> partial;
  for (const auto& [iri, label] : labelsOf(store, type)) {
    const std::string folded = extract::foldForMatching(label);
    if (folded == wanted || iri == value) {
      exact.push_back(iri);
    } else if (surnameMatches && (folded.size() > wanted.size() &&
                                  folded.compare(folded.size() - wanted.size(), wanted.size(), wanted) == 0 &&
                                  folded[folded.size() - wanted.size() - 1] == ' ')) {
      partial.push_back(iri);
    }
  }
  return unique(exact.empty() ? partial : exact);
}

}  // namespace

// A state by its ISO code ("AZE") or an organization by its acronym ("OIC"), then by label.
std::vector<std::string> resolveByCode(const std::string& type, const std::string& property, const std::string& value,
                                       const Store& store) {
  const auto result = store.query(vocab::sparqlPrefixes() + "SELECT ?s ?c WHERE { ?s " + property + " ?c . ?s a dg:" + type + " }");
  std::vector<std::string> matches;
  for (const auto& row : result.rows) {
    if (extract::foldForMatching(row[1].value) == extract::foldForMatching(value)) matches.push_back(row[0].value);
  }
  return matches.empty() ? resolveByLabel(type, value, store, false) : unique(matches);
}

std::vector<std::string> resolveEntity(const std::string& kind, const std::string& value, const Store& store) {
  if (kind == "resolution") return resolveResolution(value, store);
  if (kind == "state") return resolveByCode("State", "dg:iso3166", value, store);
  if (kind == "person") return resolveByLabel("Person", value, store, true);
  if (kind == "organization") return resolveByCode("Organization", "dg:acronym", value, store);
  if (kind == "meeting") return resolveByLabel("Meeting", value, store, false);
  if (kind == "entity") {
    for (const char* type : {"state", "organization"}) {
      if (auto found = resolveEntity(type, value, store); !found.empty()) return found;
    }
    for (const char* type : {"Person", "Place", "Meeting"}) {
      auto found = resolveByLabel(type, value, store, std::string(type) == "Person");
      if (!found.empty()) return found;
    }
    if (auto found = parseResolution(value) ? resolveResolution(value, store) : std::vector<std::string>{}; !found.empty())
      return found;
    return {};
  }
  throw QueryError("unknown parameter kind '" + kind + "'");
}

}  // namespace diplograph::graph
