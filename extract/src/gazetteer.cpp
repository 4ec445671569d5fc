#include "gazetteer.h"

#include "diplograph/extract/normalize.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <span>

#include "diplograph/extract/error.h"

namespace diplograph::extract {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, separator)) out.push_back(field);
  if (!line.empty() && line.back() == separator) out.emplace_back();
  return out;
}

// Rows of a TSV file without comments ('#') and blank lines; each row has at least minColumns.
std::vector<std::vector<std::string>> readTsv(const fs::path& path, std::size_t minColumns) {
  std::ifstream in(path);
  if (!in) throw InputError(path.string() + ": gazetteer not found (set the data folder)");
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto row = split(line, '\t');
    if (row.size() < minColumns)
      throw InputError(path.string() + ":" + std::to_string(number) + ": expected " + std::to_string(minColumns) +
                       " tab-separated columns");
    rows.push_back(std::move(row));
  }
  return rows;
}

bool acronymWord(const std::string& word) {
  int upper = 0;
  for (unsigned char c : word) upper += (c >= 'A' && c <= 'Z') ? 1 : 0;
  return upper >= 2;
}

}  // namespace

void PhraseIndex::add(std::string_view phrase, std::size_t payload, Vocabulary& vocabulary) {
  TextView view(phrase);
  if (view.tokens().empty()) return;
  Ending ending{{}, true, payload};
  std::uint32_t node = kNoNode;
  for (const auto& token : view.tokens()) {
    const WordId word = vocabulary.add(token.fold);
    std::uint32_t next = node == kNoNode ? firstNodeOf(word) : nextNode(node, word);
    if (next == kNoNode) {
      next = static_cast<std::uint32_t>(nodes_.size());
      nodes_.emplace_back();
      endings_.emplace_back();
      if (node == kNoNode) {
        if (word >= firstNode_.size()) firstNode_.resize(word + 1, kNoNode);
        firstNode_[word] = next;
      } else {
        addEdge(node, word, next);
      }
    }
    node = next;
    ending.displays.emplace_back(token.display);
    if (!acronymWord(ending.displays.back())) ending.caseSensitive = false;
  }
  if (endings_[node].empty()) {
    if (ending.caseSensitive) nodes_[node].checkCase = true;
    else nodes_[node].anyCase = static_cast<std::uint32_t>(payload);
  }
  endings_[node].push_back(std::move(ending));
}

void PhraseIndex::addEdge(std::uint32_t from, WordId word, std::uint32_t to) {
  nodes_[from].nextWords |= wordBit(word);
  if (2 * (edgeCount_ + 1) > edges_.size()) {
    std::vector<Edge> old(edges_.size() * 2);
    old.swap(edges_);
    for (const Edge& edge : old) {
      if (edge.from != kNoNode) edges_[edgeSlot(edge.from, edge.word)] = edge;
    }
  }
  edges_[edgeSlot(from, word)] = {from, word, to};
  ++edgeCount_;
}

bool PhraseIndex::sameCase(std::span<const Token> tokens, std::size_t i, std::size_t length, const Ending& ending) {
  for (std::size_t k = 0; k < length; ++k) {
    if (tokens[i + k].display != ending.displays[k]) return false;
  }
  return true;
}

PhraseIndex::Match PhraseIndex::longestFrom(const TextView& view, std::size_t i) const {
  const std::span<const Token> tokens = view.tokens();
  Match longest;
  std::size_t length = 1;
  for (std::uint32_t node = firstNodeOf(tokens[i].word); node != kNoNode; node = follow(view, i + length, node), ++length) {
    // Of phrases of one length, the first added.
    if (nodes_[node].anyCase) {
      longest = {static_cast<std::uint32_t>(length), *nodes_[node].anyCase};
      continue;
    }
    if (!nodes_[node].checkCase) continue;  // no phrase ends here
    for (const Ending& ending : endings_[node]) {
      if (!ending.caseSensitive || sameCase(tokens, i, length, ending)) {
        longest = {static_cast<std::uint32_t>(length), static_cast<std::uint32_t>(ending.payload)};
        break;
      }
    }
  }
  return longest;
}

std::optional<Cue> cueFromName(std::string_view name) {
  static const std::map<std::string_view, Cue> byName = {
      {"abroad", Cue::Abroad}, {"absent", Cue::Absent}, {"adopt", Cue::Adopt}, {"attend", Cue::Attend},
      {"attend-heading", Cue::AttendHeading}, {"background", Cue::Background}, {"chair-after", Cue::ChairAfter},
      {"chair-before", Cue::ChairBefore}, {"chair-field", Cue::ChairField}, {"former", Cue::Former},
      {"future", Cue::Future}, {"honorific", Cue::Honorific}, {"host", Cue::Host}, {"members-of", Cue::MembersOf},
      {"name-head", Cue::NameHead}, {"open-after", Cue::OpenAfter}, {"open-before", Cue::OpenBefore},
      {"particle", Cue::Particle}, {"possessive", Cue::Possessive}, {"sidelines", Cue::Sidelines}, {"site", Cue::Site},
      {"speak", Cue::Speak}, {"speak-for", Cue::SpeakFor}, {"speak-for-start", Cue::SpeakForStart},
      {"state-after", Cue::StateAfter}, {"state-before", Cue::StateBefore}, {"stop-en", Cue::StopEn},
      {"stop-fr", Cue::StopFr}};
  const auto it = byName.find(name);
  return it == byName.end() ? std::nullopt : std::optional<Cue>(it->second);
}

Cue Gazetteer::cueAt(const TextView& view, std::size_t i, std::size_t* length) const {
  const auto match = cues.longestAt(view, i);
  if (length) *length = match.length;
  return cueKind(match);
}

Gazetteer loadGazetteer(const fs::path& dir) {
  Gazetteer g;
  // The small tables rules ask of nearly every token come first (cue phrases and stop words,
  // then posts, meeting series, months, ordinals): their words get the lowest numbers, so the
  // part of each per-word table that most tokens read sits in a few cache lines at its start.
  for (const auto& row : readTsv(dir / "gazetteers" / "cues.tsv", 2)) {
    const auto kind = cueFromName(row[0]);
    if (!kind) throw InputError("cues.tsv: unknown cue kind " + row[0]);
    const auto words = foldedWords(row[1]);
    if (words.size() == 1) g.words[static_cast<std::size_t>(*kind)].set(g.vocabulary.add(words.front()), true);
    g.cues.add(row[1], static_cast<std::size_t>(*kind), g.vocabulary);
  }

  for (const auto& row : readTsv(dir / "gazetteers" / "posts.tsv", 2)) {
    g.postNames.add(row[0], g.posts.size(), g.vocabulary);
    for (const auto& form : split(row[1], '|')) g.postNames.add(form, g.posts.size(), g.vocabulary);
    g.posts.push_back(row[0]);
  }
  for (const auto& row : readTsv(dir / "gazetteers" / "portfolios.tsv", 2)) {
    for (const auto& form : split(row[1], '|')) g.portfolioNames.add(form, g.portfolios.size(), g.vocabulary);
    g.portfolios.push_back(row[0]);
  }

  for (const auto& row : readTsv(dir / "gazetteers" / "meetings.tsv", 3)) {
    for (const auto& form : split(row[2], '|')) g.seriesNames.add(form, g.series.size(), g.vocabulary);
    g.series.push_back({row[0], row[1]});
  }

  for (const auto& row : readTsv(dir / "gazetteers" / "months.tsv", 2)) {
    const int month = std::stoi(row[0]);
    for (const auto& form : split(row[1], '|')) {
      for (const auto& word : foldedWords(form)) g.months.set(g.vocabulary.add(word), month);
    }
  }

  for (const auto& row : readTsv(dir / "gazetteers" / "ordinals.tsv", 2)) {
    const int value = std::stoi(row[0]);
    for (const auto& form : split(row[1], '|')) {
      for (const auto& word : foldedWords(form)) g.ordinals.set(g.vocabulary.add(word), value);
    }
  }

  std::map<std::string, std::size_t> stateIndex;
  std::vector<std::pair<std::string, std::string>> stateForms;  // iso3, name
  std::vector<std::string> suppressed;
  auto addStateRows = [&](const fs::path& path, bool labels) {
    for (const auto& row : readTsv(path, 3)) {
      std::string code = row[0];
      if (!code.empty() && code[0] == '!') {
        suppressed.push_back(row[2]);
        continue;
      }
      if (!stateIndex.count(code)) {
        stateIndex[code] = g.states.size();
        g.states.push_back({code, ""});
      }
      auto& state = g.states[stateIndex[code]];
      // The label is the shortest English form without an inversion comma ("Iran", not
      // "Iran, Islamic Republic of").
      if (labels && row[1] == "en" && row[2].find(',') == std::string::npos &&
          (state.label.empty() || row[2].size() < state.label.size()))
        state.label = row[2];
      stateForms.emplace_back(code, row[2]);
    }
  };
  // Labels come from iso-codes; the supplement adds forms only.
  addStateRows(dir / "gazetteers" / "states.tsv", true);
  addStateRows(dir / "gazetteers" / "states_supplement.tsv", false);
  for (auto& state : g.states) {
    if (state.label.empty()) state.label = state.iso3;
  }
  // Every name of a state, organization or place, for g.names once all are read.
  std::vector<std::pair<std::string, NamedEntry>> namesOfStates;
  std::vector<std::pair<std::string, NamedEntry>> namesOfOrganizations;
  std::vector<std::pair<std::string, NamedEntry>> namesOfPlaces;
  for (const auto& [code, name] : stateForms) {
    if (std::find(suppressed.begin(), suppressed.end(), name) == suppressed.end() && name.find(", ") == std::string::npos)
      namesOfStates.push_back({name, {EntityType::State, stateIndex[code]}});
  }

  for (const auto& row : readTsv(dir / "gazetteers" / "demonyms.tsv", 2)) {
    const auto it = stateIndex.find(row[0]);
    if (it == stateIndex.end()) throw InputError("demonyms.tsv: unknown state code " + row[0]);
    for (const auto& form : split(row[1], '|')) {
      for (const auto& word : foldedWords(form)) g.demonyms.set(g.vocabulary.add(word), it->second);
    }
  }

  for (const auto& row : readTsv(dir / "gazetteers" / "organizations.tsv", 4)) {
    OrganizationInfo info{row[0], row[1], {}};
    for (auto& parent : split(row[2], ',')) {
      if (!parent.empty()) info.parents.push_back(parent);
    }
    std::vector<std::string> forms{row[0], row[1]};
    for (const auto& alias : split(row[3], '|')) forms.push_back(alias);
    for (const auto& form : forms) {
      g.organizationNames.add(form, g.organizations.size(), g.vocabulary);
      namesOfOrganizations.push_back({form, {EntityType::Organization, g.organizations.size()}});
    }
    g.organizations.push_back(std::move(info));
  }
  for (const auto& row : readTsv(dir / "gazetteers" / "resolution_issuers.tsv", 1)) {
    bool known = false;
    for (auto& organization : g.organizations) {
      if (organization.key != row[0]) continue;
      organization.adoptsResolutions = true;
      known = true;
    }
    if (!known) throw InputError("resolution_issuers.tsv: " + row[0] + " is not a key of organizations.tsv");
  }

  // Hand-curated places first: a generated entry never replaces one of their spellings.
  std::set<std::string> placeKeys;
  for (const char* file : {"places.tsv", "places_generated.tsv"}) {
    for (const auto& row : readTsv(dir / "gazetteers" / file, 3)) {
      std::vector<std::string> names{row[0]};
      for (const auto& alias : split(row[2], '|')) names.push_back(alias);
      bool known = false;
      for (const auto& name : names) known = known || placeKeys.count(foldForMatching(name));
      if (known) continue;
      for (const auto& name : names) {
        placeKeys.insert(foldForMatching(name));
        namesOfPlaces.push_back({name, {EntityType::Place, g.places.size()}});
      }
      g.places.push_back({row[0], row[1]});
    }
  }
  for (const auto* forms : {&namesOfOrganizations, &namesOfStates, &namesOfPlaces}) {
    for (const auto& [name, entry] : *forms) {
      g.names.add(name, g.nameEntries.size(), g.vocabulary);
      g.nameEntries.push_back(entry);
    }
  }

  for (WordId word = 1; word < g.vocabulary.size(); ++word) {
    const int lean = int{g.wordsOf(Cue::StopFr)[word]} - int{g.wordsOf(Cue::StopEn)[word]};
    if (lean) g.frenchLean.set(word, static_cast<std::int8_t>(lean));
  }
  return g;
}

}  // namespace diplograph::extract
