#include "labels.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <vector>

#include "diplograph/graph/vocabulary.h"

namespace diplograph::exporter {
namespace {

using graph::EntityGraph;
using graph::Term;

// Types whose canonical label is English and whose reports name them in their own language.
bool hasTranslatedForms(const std::string& type) { return type == "State" || type == "Organization" || type == "Place"; }

std::size_t codePoints(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// A heading or an acronym: upper-casing changes nothing.
bool allCapitals(const std::string& text) {
  const icu::UnicodeString original = icu::UnicodeString::fromUTF8(text);
  icu::UnicodeString upper = original;
  return upper.toUpper(icu::Locale::getRoot()) == original;
}

// IRI -> labels tagged `language` through `predicate` (rdfs:label, skos:prefLabel, skos:altLabel).
std::map<std::string, std::vector<std::string>> taggedLabels(const graph::Store& store, const std::string& predicate,
                                                             const std::string& language) {
  const auto result = store.query(graph::vocab::sparqlPrefixes() + "SELECT ?e ?l WHERE { ?e " + predicate +
                                  " ?l . FILTER(LANG(?l) = " + graph::toNTriples(Term::literal(language)) + ") }");
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& row : result.rows) out[row[0].value].push_back(row[1].value);
  return out;
}

}  // namespace

std::string bestSurfaceForm(const std::vector<std::string>& forms, const std::string& type) {
  std::vector<std::string> candidates;
  std::copy_if(forms.begin(), forms.end(), std::back_inserter(candidates), [](const auto& f) { return !allCapitals(f); });
  if (candidates.empty()) candidates = forms;
  if (candidates.empty()) return "";
  const bool longest = type == "Organization";
  return *std::min_element(candidates.begin(), candidates.end(), [&](const std::string& a, const std::string& b) {
    const std::size_t la = codePoints(a);
    const std::size_t lb = codePoints(b);
    if (la != lb) return longest ? la > lb : la < lb;
    return a < b;
  });
}

std::string defaultLanguage(const graph::Store& store, const EntityGraph& view) {
  const std::string prefixes = graph::vocab::sparqlPrefixes();
  std::set<std::string> documents;
  std::string language = "en";
  // Two queries per entity, each an index lookup (predicate and object bound), until a second
  // report turns up: a view drawn from many reports costs a few queries.
  for (auto [v, end] = boost::vertices(view); v != end && documents.size() < 2; ++v) {
    if (view[*v].iri.starts_with("_:")) continue;  // a --construct result's own blank node
    const std::string entity = graph::toNTriples(Term::iri(view[*v].iri));
    for (const char* link : {"schema:mentions", "dg:reportsOn"}) {
      const auto rows =
          store.query(prefixes + "SELECT ?d ?lang WHERE { ?d " + link + " " + entity + " . ?d dct:language ?lang }").rows;
      for (const auto& row : rows) {
        if (documents.insert(row[0].value).second) language = row[1].value;
      }
    }
  }
  return documents.size() == 1 && (language == "fr" || language == "en") ? language : "en";
}

void relabel(EntityGraph& view, const graph::Store& store, const std::string& language) {
  if (boost::num_vertices(view) == 0) return;
  auto preferred = taggedLabels(store, "skos:prefLabel", language);
  for (auto& [iri, labels] : taggedLabels(store, "rdfs:label", language))
    preferred[iri].insert(preferred[iri].end(), labels.begin(), labels.end());
  std::map<std::string, std::vector<std::string>> surfaceForms;
  if (language != "en") surfaceForms = taggedLabels(store, "skos:altLabel", language);
  for (auto [v, end] = boost::vertices(view); v != end; ++v) {
    auto& node = view[*v];
    if (const auto found = preferred.find(node.iri); found != preferred.end()) {
      node.label = *std::min_element(found->second.begin(), found->second.end());
      continue;
    }
    // Canonical labels are English or neutral: only other languages look at surface forms.
    if (language == "en" || !hasTranslatedForms(node.type)) continue;
    if (const auto found = surfaceForms.find(node.iri); found != surfaceForms.end())
      node.label = bestSurfaceForm(found->second, node.type);
  }
}

}  // namespace diplograph::exporter
