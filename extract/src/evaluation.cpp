#include "diplograph/extract/evaluation.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "diplograph/extract/error.h"
#include "diplograph/extract/normalize.h"

namespace diplograph::extract {
namespace {

using nlohmann::json;

// One thing to match: the forms it is known by (folded) and how to show it in a report.
struct Item {
  std::string shown;
  std::set<std::string> forms;
};

std::set<std::string> folded(const std::vector<std::string>& forms) {
  std::set<std::string> out;
  for (const auto& form : forms) {
    if (!form.empty()) out.insert(foldForMatching(form));
  }
  return out;
}

std::string lastWord(const std::string& foldedName) {
  const auto space = foldedName.rfind(' ');
  return space == std::string::npos ? foldedName : foldedName.substr(space + 1);
}

bool shareForm(const Item& a, const Item& b) {
  return std::any_of(a.forms.begin(), a.forms.end(), [&](const std::string& f) { return b.forms.count(f) > 0; });
}

bool shareSurname(const Item& a, const Item& b) {
  for (const auto& f : a.forms) {
    for (const auto& g : b.forms) {
      if (lastWord(f) == lastWord(g)) return true;
    }
  }
  return false;
}

// Matches gold items to found items one to one, first on a shared form, then (for persons) on a
// shared surname. Returns, for each found item, the index of its gold item or -1.
std::vector<int> match(const std::vector<Item>& gold, const std::vector<Item>& found, bool bySurname) {
  std::vector<int> goldOf(found.size(), -1);
  std::vector<bool> taken(gold.size(), false);
  std::vector<std::function<bool(const Item&, const Item&)>> passes{shareForm};
  if (bySurname) passes.emplace_back(shareSurname);
  for (const auto& same : passes) {
    for (std::size_t f = 0; f < found.size(); ++f) {
      if (goldOf[f] >= 0) continue;
      for (std::size_t g = 0; g < gold.size(); ++g) {
        if (!taken[g] && same(gold[g], found[f])) {
          goldOf[f] = static_cast<int>(g);
          taken[g] = true;
          break;
        }
      }
    }
  }
  return goldOf;
}

Score score(const std::vector<Item>& gold, const std::vector<Item>& found, bool bySurname = false) {
  Score s;
  const std::vector<int> goldOf = match(gold, found, bySurname);
  std::vector<bool> hit(gold.size(), false);
  for (std::size_t f = 0; f < found.size(); ++f) {
    if (goldOf[f] >= 0) {
      ++s.truePositives;
      hit[static_cast<std::size_t>(goldOf[f])] = true;
    } else {
      ++s.falsePositives;
      s.spurious.push_back(found[f].shown);
    }
  }
  for (std::size_t g = 0; g < gold.size(); ++g) {
    if (!hit[g]) {
      ++s.falseNegatives;
      s.missed.push_back(gold[g].shown);
    }
  }
  return s;
}

Item single(const std::string& value) { return {value, {foldForMatching(value)}}; }

std::vector<Item> singles(const std::set<std::string>& values) {
  std::vector<Item> out;
  for (const auto& v : values) out.push_back(single(v));
  return out;
}

std::string resolutionKey(const std::string& issuer, const std::string& number, std::optional<int> year) {
  return issuer + " " + number + (year ? " (" + std::to_string(*year) + ")" : "");
}

std::string resolutionKey(const json& gold) {
  std::string key = gold.at("issuer").get<std::string>() + " " + gold.at("number").get<std::string>();
  if (!gold.at("year").is_null()) key += " (" + std::to_string(gold.at("year").get<int>()) + ")";
  return key;
}

std::vector<std::string> strings(const json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return {value.get<std::string>()};
  return value.get<std::vector<std::string>>();
}

// Everything the scorer needs to know about the extraction, looked up by IRI.
class Found {
 public:
  explicit Found(const Extraction& extraction) : extraction_(extraction) {
    for (const auto& entity : extraction.entities) byIri_[entity.iri] = &entity;
  }

  const Entity* entity(const std::string& iri) const {
    const auto it = byIri_.find(iri);
    return it == byIri_.end() ? nullptr : it->second;
  }

  // The forms an entity is known by: its key, label and every mention.
  Item item(const Entity& e) const {
    Item item;
    switch (e.type) {
      case EntityType::State: item.shown = e.keys.iso3166.value_or(e.label); break;
      case EntityType::Organization: item.shown = e.keys.acronym.value_or(e.label); break;
      case EntityType::Resolution:
        item.shown = resolutionKey(e.keys.issuer.value_or("?"), e.keys.number.value_or("?"), e.keys.year);
        break;
      case EntityType::Date: item.shown = e.keys.date.value_or(e.label); break;
      default: item.shown = e.keys.name.value_or(e.label);
    }
    item.forms.insert(foldForMatching(item.shown));
    if (e.type == EntityType::Person || e.type == EntityType::Place || e.type == EntityType::Organization) {
      item.forms.insert(foldForMatching(e.label));
      for (const auto& m : e.mentions) item.forms.insert(foldForMatching(m.text));
    }
    return item;
  }

  // A key-only item (ISO code, acronym, resolution key, date) for set comparisons.
  Item keyItem(const std::string& iri) const {
    const Entity* e = entity(iri);
    if (e == nullptr) return single(iri);
    Item full = item(*e);
    return single(full.shown);
  }

  std::vector<Item> items(EntityType type) const {
    std::vector<Item> out;
    for (const auto& e : extraction_.entities) {
      if (e.type != type) continue;
      // States, resolutions and dates compare on their key; named things on every form.
      const bool named = type == EntityType::Person || type == EntityType::Place || type == EntityType::Organization;
      out.push_back(named ? item(e) : keyItem(e.iri));
    }
    return out;
  }

  std::vector<Item> keyItems(const std::vector<std::string>& iris) const {
    std::vector<Item> out;
    for (const auto& iri : iris) out.push_back(keyItem(iri));
    return out;
  }

  const Extraction& extraction() const { return extraction_; }

 private:
  const Extraction& extraction_;
  std::map<std::string, const Entity*> byIri_;
};

std::vector<Item> goldNamed(const json& list, const char* nameField) {
  std::vector<Item> out;
  for (const auto& g : list) {
    std::vector<std::string> forms = strings(g.value("aliases", json::array()));
    forms.push_back(g.at(nameField).get<std::string>());
    out.push_back({g.at(nameField).get<std::string>(), folded(forms)});
  }
  return out;
}

// A gold list of accepted names (place, chair, sidelines) as one item.
std::vector<Item> goldAlternatives(const json& value) {
  const auto forms = strings(value);
  if (forms.empty()) return {};
  return {Item{forms.front(), folded(forms)}};
}

std::string dateRange(const std::optional<std::string>& date, const std::optional<std::string>& end) {
  if (!date) return {};
  return *date + (end ? "/" + *end : "");
}

std::string dateRange(const json& meeting) {
  if (meeting.at("date").is_null()) return {};
  const json& end = meeting.value("end_date", json());
  return meeting.at("date").get<std::string>() + (end.is_null() ? "" : "/" + end.get<std::string>());
}

std::vector<Item> optionalSingle(const std::string& value) {
  if (value.empty()) return {};
  return {single(value)};
}

// The found meeting's place as an item with the place entity's forms.
std::vector<Item> placeOf(const Meeting& meeting, const Found& found) {
  if (!meeting.place) return {};
  const Entity* place = found.entity(*meeting.place);
  return {place != nullptr ? found.item(*place) : single(*meeting.place)};
}

std::vector<Item> chairOf(const Meeting& meeting, const Found& found) {
  if (!meeting.chair) return {};
  const Entity* chair = found.entity(*meeting.chair);
  return {chair != nullptr ? found.item(*chair) : single(*meeting.chair)};
}

// A sidelines meeting matches when one of the gold names occurs in its label.
Score sidelinesScore(const json& gold, const Meeting& meeting, const Extraction& extraction) {
  std::vector<Item> goldItems = goldAlternatives(gold.value("sidelines_of", json()));
  std::vector<Item> found;
  if (meeting.sidelinesOf) {
    std::string label = *meeting.sidelinesOf;
    for (const auto& m : extraction.meetings) {
      if (m.iri == *meeting.sidelinesOf) label = m.label;
    }
    Item item = single(label);
    const std::string foldedLabel = foldForMatching(label);
    for (const auto& g : goldItems) {
      for (const auto& form : g.forms) {
        if (foldedLabel.find(form) != std::string::npos) item.forms.insert(form);
      }
    }
    found.push_back(item);
  }
  return score(goldItems, found);
}

std::vector<Item> goldStates(const json& list) {
  std::vector<Item> out;
  for (const auto& code : list) out.push_back(single(code.get<std::string>()));
  return out;
}

// holdsPost as "person | post | of", with the person named as the gold names them when matched.
std::vector<Item> foundPosts(const Found& found, const std::map<std::string, std::string>& goldName) {
  std::vector<Item> out;
  for (const auto& r : found.extraction().relations) {
    if (r.predicate != "holdsPost") continue;
    const auto it = goldName.find(r.subject);
    const Entity* person = found.entity(r.subject);
    const std::string name = it != goldName.end() ? it->second : (person ? person->keys.name.value_or(person->label) : r.subject);
    const std::string of = r.of ? found.keyItem(*r.of).shown : "";
    out.push_back(single(name + " | " + r.object + " | " + of));
  }
  return out;
}

std::vector<Item> goldPosts(const json& relations) {
  std::vector<Item> out;
  for (const auto& r : relations) {
    if (r.at("p") != "holdsPost") continue;
    const json& of = r.at("of");
    const std::string ofKey = of.contains("state") ? of.at("state").get<std::string>() : of.at("org").get<std::string>();
    out.push_back(single(r.at("s").at("person").get<std::string>() + " | " + r.at("o").get<std::string>() + " | " + ofKey));
  }
  return out;
}

std::vector<Item> foundAdoptions(const Found& found) {
  std::vector<Item> out;
  for (const auto& r : found.extraction().relations) {
    if (r.predicate == "adoptedBy") out.push_back(single(found.keyItem(r.subject).shown + " | " + found.keyItem(r.object).shown));
  }
  return out;
}

std::vector<Item> goldAdoptions(const json& relations) {
  std::vector<Item> out;
  for (const auto& r : relations) {
    if (r.at("p") == "adoptedBy")
      out.push_back(single(r.at("s").at("resolution").get<std::string>() + " | " + r.at("o").at("org").get<std::string>()));
  }
  return out;
}

void scoreMainMeeting(const json& gold, const Found& found, EvaluationReport& report) {
  const Meeting empty;
  const Meeting* main = &empty;
  for (const auto& m : found.extraction().meetings) {
    if (m.role == MeetingRole::Main) main = &m;
  }
  report.categories["meeting.date"] = score(optionalSingle(dateRange(gold)), optionalSingle(dateRange(main->date, main->endDate)));
  report.categories["meeting.place"] = score(goldAlternatives(gold.value("place", json())), placeOf(*main, found));
  report.categories["meeting.sidelines"] = sidelinesScore(gold, *main, found.extraction());
  report.categories["meeting.chair"] = score(goldAlternatives(gold.value("chair", json())), chairOf(*main, found), true);
  report.categories["meeting.attendees"] = score(goldStates(gold.at("attendees")), found.keyItems(main->attendees));
  std::vector<Item> cites;
  for (const auto& key : gold.at("cites")) cites.push_back(single(key.get<std::string>()));
  report.categories["meeting.cites"] = score(cites, found.keyItems(main->cites));
}

// Referenced meetings pair up by start date, or by place when the gold has no date.
void scoreReferencedMeetings(const json& goldMeetings, const Found& found, EvaluationReport& report) {
  std::vector<const json*> gold;
  for (const auto& m : goldMeetings) {
    if (m.at("role") == "referenced") gold.push_back(&m);
  }
  // The gold lists the meetings given a date or a place in the text. One given neither is in
  // the graph only as what the main meeting was held on the sidelines of ("on the margins of the
  // 74th session of the UN General Assembly"), outside what the gold lists.
  std::vector<const Meeting*> mine;
  for (const auto& m : found.extraction().meetings) {
    if (m.role == MeetingRole::Referenced && (m.date || m.place)) mine.push_back(&m);
  }
  Score meetings;
  Score attendees;
  std::vector<bool> used(mine.size(), false);
  for (const json* g : gold) {
    const std::string date = (*g).at("date").is_null() ? "" : (*g).at("date").get<std::string>();
    const std::vector<Item> place = goldAlternatives((*g).value("place", json()));
    int hit = -1;
    for (std::size_t i = 0; i < mine.size() && hit < 0; ++i) {
      if (used[i]) continue;
      const bool sameDate = !date.empty() && mine[i]->date == date;
      const auto myPlace = placeOf(*mine[i], found);
      const bool samePlace = date.empty() && !place.empty() && !myPlace.empty() && shareForm(place.front(), myPlace.front());
      if (sameDate || samePlace) hit = static_cast<int>(i);
    }
    const std::string shown = (*g).value("label", std::string("?"));
    if (hit < 0) {
      ++meetings.falseNegatives;
      meetings.missed.push_back(shown);
      attendees += score(goldStates((*g).at("attendees")), {});
      continue;
    }
    used[static_cast<std::size_t>(hit)] = true;
    ++meetings.truePositives;
    attendees += score(goldStates((*g).at("attendees")), found.keyItems(mine[static_cast<std::size_t>(hit)]->attendees));
  }
  for (std::size_t i = 0; i < mine.size(); ++i) {
    if (used[i]) continue;
    ++meetings.falsePositives;
    meetings.spurious.push_back(mine[i]->label);
    attendees += score({}, found.keyItems(mine[i]->attendees));
  }
  report.categories["referenced.meetings"] = meetings;
  report.categories["referenced.attendees"] = attendees;
}

std::string percent(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

double ratio(std::size_t part, std::size_t whole) { return whole == 0 ? 1.0 : static_cast<double>(part) / static_cast<double>(whole); }

EvaluationReport total(const std::vector<EvaluationReport>& reports) {
  EvaluationReport sum;
  sum.document = "total";
  for (const auto& r : reports) sum += r;
  return sum;
}

json scoreJson(const Score& s, bool details) {
  json out = {{"tp", s.truePositives}, {"fp", s.falsePositives}, {"fn", s.falseNegatives},
              {"precision", s.precision()}, {"recall", s.recall()}, {"f1", s.f1()}};
  if (details) {
    out["missed"] = s.missed;
    out["spurious"] = s.spurious;
  }
  return out;
}

}  // namespace

double Score::precision() const { return ratio(truePositives, truePositives + falsePositives); }
double Score::recall() const { return ratio(truePositives, truePositives + falseNegatives); }
double Score::f1() const {
  const double p = precision();
  const double r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

Score& Score::operator+=(const Score& other) {
  truePositives += other.truePositives;
  falsePositives += other.falsePositives;
  falseNegatives += other.falseNegatives;
  missed.insert(missed.end(), other.missed.begin(), other.missed.end());
  spurious.insert(spurious.end(), other.spurious.begin(), other.spurious.end());
  return *this;
}

EvaluationReport& EvaluationReport::operator+=(const EvaluationReport& other) {
  for (const auto& [name, s] : other.categories) categories[name] += s;
  return *this;
}

const std::vector<std::string>& evaluationCategories() {
  static const std::vector<std::string> names{
      "State",           "Organization",  "Resolution",        "Person",           "Place",
      "Date",            "meeting.date",  "meeting.place",     "meeting.sidelines", "meeting.chair",
      "meeting.attendees", "meeting.cites", "referenced.meetings", "referenced.attendees", "holdsPost",
      "adoptedBy"};
  return names;
}

EvaluationReport evaluate(const Extraction& extraction, const nlohmann::json& gold) {
  try {
    EvaluationReport report;
    report.document = gold.value("document", extraction.document.source);
    const Found found(extraction);
    const json& entities = gold.at("entities");

    std::set<std::string> states;
    for (const auto& code : entities.value("State", json::array())) states.insert(code.get<std::string>());
    report.categories["State"] = score(singles(states), found.items(EntityType::State));

    std::vector<Item> organizations;
    for (const auto& o : entities.value("Organization", json::array())) {
      std::vector<std::string> forms = strings(o.value("aliases", json::array()));
      forms.push_back(o.at("key").get<std::string>());
      organizations.push_back({o.at("key").get<std::string>(), folded(forms)});
    }
    // An organization matches on its key first; aliases catch a differently spelled key.
    report.categories["Organization"] = score(organizations, found.items(EntityType::Organization));

    std::set<std::string> resolutions;
    for (const auto& r : entities.value("Resolution", json::array())) resolutions.insert(resolutionKey(r));
    report.categories["Resolution"] = score(singles(resolutions), found.items(EntityType::Resolution));

    const std::vector<Item> persons = goldNamed(entities.value("Person", json::array()), "name");
    std::vector<Item> foundPersons;
    std::vector<std::string> personIris;
    for (const auto& e : extraction.entities) {
      if (e.type != EntityType::Person) continue;
      foundPersons.push_back(found.item(e));
      personIris.push_back(e.iri);
    }
    report.categories["Person"] = score(persons, foundPersons, true);
    std::map<std::string, std::string> goldName;  // found person IRI -> gold canonical name
    const auto goldOf = match(persons, foundPersons, true);
    for (std::size_t i = 0; i < goldOf.size(); ++i) {
      if (goldOf[i] >= 0) goldName[personIris[i]] = persons[static_cast<std::size_t>(goldOf[i])].shown;
    }

    report.categories["Place"] = score(goldNamed(entities.value("Place", json::array()), "name"), found.items(EntityType::Place));

    std::set<std::string> dates;
    for (const auto& d : entities.value("Date", json::array())) dates.insert(d.get<std::string>());
    report.categories["Date"] = score(singles(dates), found.items(EntityType::Date));

    const json* main = nullptr;
    for (const auto& m : gold.at("meetings")) {
      if (m.at("role") == "main") main = &m;
    }
    if (main == nullptr) throw InputError("gold file has no main meeting");
    scoreMainMeeting(*main, found, report);
    scoreReferencedMeetings(gold.at("meetings"), found, report);

    const json& relations = gold.value("relations", json::array());
    report.categories["holdsPost"] = score(goldPosts(relations), foundPosts(found, goldName));
    report.categories["adoptedBy"] = score(goldAdoptions(relations), foundAdoptions(found));
    return report;
  } catch (const json::exception& e) {
    throw InputError("malformed gold file for " + extraction.document.source + ": " + e.what());
  }
}

std::string formatReport(const std::vector<EvaluationReport>& reports, bool details) {
  const EvaluationReport sum = total(reports);
  std::ostringstream out;
  char line[160];
  std::snprintf(line, sizeof line, "%-22s %6s %6s %6s %9s %7s %6s\n", "category", "tp", "fp", "fn", "precision", "recall", "f1");
  out << line;
  for (const auto& name : evaluationCategories()) {
    const auto it = sum.categories.find(name);
    const Score s = it == sum.categories.end() ? Score{} : it->second;
    std::snprintf(line, sizeof line, "%-22s %6zu %6zu %6zu %9s %7s %6s\n", name.c_str(), s.truePositives, s.falsePositives,
                  s.falseNegatives, percent(s.precision()).c_str(), percent(s.recall()).c_str(), percent(s.f1()).c_str());
    out << line;
  }
  out << "(" << reports.size() << (reports.size() == 1 ? " document" : " documents") << ", micro-averaged)\n";
  if (!details) return out.str();
  for (const auto& report : reports) {
    bool header = false;
    for (const auto& name : evaluationCategories()) {
      const auto it = report.categories.find(name);
      if (it == report.categories.end() || (it->second.missed.empty() && it->second.spurious.empty())) continue;
      if (!header) out << "\n" << report.document << "\n";
      header = true;
      out << "  " << name << ":";
      for (const auto& m : it->second.missed) out << "  -" << m;
      for (const auto& s : it->second.spurious) out << "  +" << s;
      out << "\n";
    }
  }
  return out.str();
}

nlohmann::json reportToJson(const std::vector<EvaluationReport>& reports) {
  json out;
  const EvaluationReport sum = total(reports);
  for (const auto& [name, s] : sum.categories) out["total"][name] = scoreJson(s, false);
  out["documents"] = json::array();
  for (const auto& report : reports) {
    json doc = {{"document", report.document}};
    for (const auto& [name, s] : report.categories) doc["categories"][name] = scoreJson(s, true);
    out["documents"].push_back(doc);
  }
  return out;
}

}  // namespace diplograph::extract
