#include "diplograph/graph/identity.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "diplograph/extract/error.h"
#include "diplograph/extract/normalize.h"
#include "diplograph/graph/vocabulary.h"

namespace diplograph::graph {
namespace {

using extract::Entity;
using extract::EntityType;
using extract::Extraction;

// A node known before the document at hand: from the store or an earlier document.
struct Known {
  std::string iri;
  std::string label;
  EntityType type;
  std::string surname;     // persons with more than one name word: the last word, folded
  std::string resolution;  // resolutions with a year: "issuer number", folded
  std::vector<std::string> words;  // persons: nameWords()
};

// A person's name as comparable words: folded, without particles ("bin", "al"), doubled letters
// collapsed, so "Youssef bin Ahmed Al-Othaimeen" gives {yousef, ahmed, othaimeen}.
std::vector<std::string> nameWords(const std::string& name) {
  static const std::set<std::string> kParticles = {"bin", "ben", "ibn", "bint", "al", "el", "ul", "ud", "uz", "abu", "abou"};
  std::vector<std::string> words;
  std::istringstream in(extract::foldForMatching(name));
  for (std::string word; in >> word;) {
    if (kParticles.count(word)) continue;
    word.erase(std::unique(word.begin(), word.end()), word.end());
    words.push_back(word);
  }
  return words;
}

// Two full names of one person: same first and last word, and middle names that agree where
// both give one, as initials ("Yousef A. Al-Othaimeen", "Yousef bin Ahmad Al-Othaimeen").
bool sameFullName(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() < 2 || b.size() < 2 || a.front() != b.front() || a.back() != b.back()) return false;
  for (std::size_t i = 1; i + 1 < a.size() && i + 1 < b.size(); ++i) {
    if (a[i][0] != b[i][0]) return false;
  }
  return true;
}

Known knownPerson(const std::string& iri, const std::string& name) {
  const auto words = nameWords(name);
  return {iri, name, EntityType::Person, words.size() > 1 ? words.back() : "", "", words};
}

Known knownResolution(const std::string& iri, const std::string& label, const std::string& issuer,
                      const std::string& number) {
  return {iri, label, EntityType::Resolution, "", extract::foldForMatching(issuer + " " + number), {}};
}

class Catalogue {
 public:
  Catalogue(const Store& store, const IdentityOverrides& overrides) : overrides_(overrides) {
    const std::string prefixes = vocab::sparqlPrefixes();
    for (const auto& row : store.query(prefixes + "SELECT ?p ?n WHERE { ?p a dg:Person . ?p rdfs:label ?n }").rows)
      add(knownPerson(row[0].value, row[1].value));
    for (const auto& row :
         store.query(prefixes + "SELECT ?r ?l ?i ?n WHERE { ?r dg:year ?y . ?r rdfs:label ?l ; dg:issuer ?i ; dg:number ?n }").rows)
      add(knownResolution(row[0].value, row[1].value, row[2].value, row[3].value));
    for (const auto& row : store.query(prefixes + "SELECT ?m WHERE { ?m a dg:Meeting }").rows) meetings_.insert(row[0].value);
  }

  // The known node an entity of this document should be, or its own IRI.
  std::string resolve(const Entity& e) const {
    std::vector<const Known*> candidates;
    if (e.type == EntityType::Person && e.keys.name) {
      const auto words = nameWords(*e.keys.name);
      for (const auto& k : known_) {
        if (k.type != EntityType::Person || words.empty()) continue;
        if (words.size() == 1 ? k.surname == words.front() : sameFullName(words, k.words)) candidates.push_back(&k);
      }
    } else if (e.type == EntityType::Resolution && !e.keys.year && e.keys.issuer && e.keys.number) {
      const std::string wanted = extract::foldForMatching(*e.keys.issuer + " " + *e.keys.number);
      for (const auto& k : known_) {
        if (k.type == EntityType::Resolution && k.resolution == wanted) candidates.push_back(&k);
      }
    }
    return unique(e.iri, candidates);
  }

  // A meeting IRI without a place ("meeting/2019-09-25-contact-group") joins the one known
  // meeting of that body on that date ("meeting/2019-09-25-new-york-contact-group").
  std::string resolveMeeting(const std::string& iri, bool hasPlace, const std::string& date) const {
    if (hasPlace || date.empty()) return iri;
    const auto slash = iri.rfind('/');
    const std::string rest = iri.substr(slash + 1);
    const std::string body = rest.substr(std::min(rest.size(), date.size() + 1));
    std::vector<std::string> candidates;
    for (const auto& m : meetings_) {
      const std::string other = m.substr(m.rfind('/') + 1);
      if (m != iri && other.rfind(date + "-", 0) == 0 && other.size() > rest.size() &&
          other.compare(other.size() - body.size() - 1, std::string::npos, "-" + body) == 0 && !refused(iri, m))
        candidates.push_back(m);
    }
    return candidates.size() == 1 ? candidates.front() : iri;
  }

  const Known* find(const std::string& iri) const {
    for (const auto& k : known_) {
      if (k.iri == iri) return &k;
    }
    return nullptr;
  }

  // Makes a document's own nodes known to the documents after it.
  void learn(const Extraction& x) {
    for (const auto& e : x.entities) {
      if (e.type == EntityType::Person && e.keys.name) add(knownPerson(e.iri, *e.keys.name));
      if (e.type == EntityType::Resolution && e.keys.year && e.keys.issuer && e.keys.number)
        add(knownResolution(e.iri, e.label, *e.keys.issuer, *e.keys.number));
    }
    for (const auto& m : x.meetings) meetings_.insert(m.iri);
  }

 private:
  void add(Known k) {
    if (!find(k.iri)) known_.push_back(std::move(k));
  }

  bool refused(const std::string& from, const std::string& to) const { return overrides_.distinct.count({from, to}) > 0; }

  std::string unique(const std::string& iri, const std::vector<const Known*>& candidates) const {
    std::set<std::string> iris;
    for (const auto* k : candidates) {
      if (k->iri != iri && !refused(iri, k->iri)) iris.insert(k->iri);
    }
    return iris.size() == 1 ? *iris.begin() : iri;
  }

  const IdentityOverrides& overrides_;
  std::vector<Known> known_;
  std::set<std::string> meetings_;
};

// Rewrites every IRI of an extraction through `renamed`, merging entities that become one.
void rename(Extraction& x, const std::map<std::string, std::string>& renamed, const Catalogue& catalogue) {
  if (renamed.empty()) return;
  const auto to = [&](const std::string& iri) {
    const auto it = renamed.find(iri);
    return it == renamed.end() ? iri : it->second;
  };
  std::vector<Entity> merged;
  for (auto& e : x.entities) {
    e.iri = to(e.iri);
    if (const Known* k = catalogue.find(e.iri)) {
      e.label = k->label;
      if (e.type == EntityType::Person) e.keys.name = k->label;
    }
    const auto same = std::find_if(merged.begin(), merged.end(), [&](const Entity& m) { return m.iri == e.iri; });
    if (same == merged.end()) {
      merged.push_back(std::move(e));
    } else {
      same->mentions.insert(same->mentions.end(), e.mentions.begin(), e.mentions.end());
      std::sort(same->mentions.begin(), same->mentions.end(),
                [](const extract::Mention& a, const extract::Mention& b) { return a.start < b.start; });
    }
  }
  x.entities = std::move(merged);
  for (auto& m : x.meetings) {
    m.iri = to(m.iri);
    for (auto& a : m.attendees) a = to(a);
    for (auto& c : m.cites) c = to(c);
    if (m.chair) m.chair = to(*m.chair);
    if (m.place) m.place = to(*m.place);
    if (m.sidelinesOf) m.sidelinesOf = to(*m.sidelinesOf);
  }
  for (auto& r : x.relations) {
    r.subject = to(r.subject);
    r.object = to(r.object);
    if (r.of) r.of = to(*r.of);
  }
}

}  // namespace

IdentityOverrides loadIdentityOverrides(const std::filesystem::path& file) {
  IdentityOverrides overrides;
  std::ifstream in(file);
  if (!in) return overrides;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string kind;
    std::string from;
    std::string to;
    if (!std::getline(fields, kind, '\t') || !std::getline(fields, from, '\t') || !std::getline(fields, to, '\t') ||
        (kind != "same" && kind != "distinct") || from.empty() || to.empty())
      throw InputError(file.string() + ":" + std::to_string(number) + ": expected 'same|distinct<TAB>IRI<TAB>IRI'");
    if (kind == "same") overrides.same[from] = to;
    else overrides.distinct.insert({from, to});
  }
  return overrides;
}

std::vector<extract::Extraction> resolveIdentities(std::vector<extract::Extraction> extractions, const Store& store,
                                                   const IdentityOverrides& overrides) {
  Catalogue catalogue(store, overrides);
  for (auto& x : extractions) {
    std::map<std::string, std::string> renamed;
    for (const auto& e : x.entities) {
      const std::string iri = catalogue.resolve(e);
      if (iri != e.iri) renamed[e.iri] = iri;
    }
    for (const auto& m : x.meetings) {
      const std::string iri = catalogue.resolveMeeting(m.iri, m.place.has_value(), m.date.value_or(""));
      if (iri != m.iri) renamed[m.iri] = iri;
    }
    // The analyst's word comes last and wins.
    for (const auto& [from, to] : overrides.same) renamed[from] = to;
    for (auto& [from, to] : renamed) {
      if (const auto it = overrides.same.find(to); it != overrides.same.end()) to = it->second;
    }
    rename(x, renamed, catalogue);
    catalogue.learn(x);
  }
  return extractions;
}

}  // namespace diplograph::graph
