#pragma once
// The knowledge the extractor uses, loaded from the TSV files in ExtractOptions::dataDir.
// Nothing about individual documents lives in code: names, posts, honorifics, months, meeting
// series and cue phrases all come from data/gazetteers/.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text.h"

namespace diplograph::extract {

// Phrases matched on folded tokens (case and accents ignored, hyphens and apostrophes as word
// breaks). Acronym-like phrases ("UN", "IsDB", "OIC-StatCom") must match their case exactly.
class PhraseIndex {
 public:
  struct Match {
    std::size_t length = 0;  // tokens matched, 0 if none
    std::size_t payload = 0;
  };
  void add(std::string_view phrase, std::size_t payload);
  Match longestAt(const TextView& view, std::size_t i) const;
  // longestAt for every token of the view, in token order.
  std::vector<Match> longestEach(const TextView& view) const;
  // Every phrase starting at token i, longest first.
  std::vector<Match> allAt(const TextView& view, std::size_t i) const;

 private:
  struct Entry {
    std::vector<std::string> words;
    std::vector<std::string> displays;  // compared only when caseSensitive
    bool caseSensitive = false;
    std::size_t payload = 0;
  };
  // Phrases sharing a first word, longest first.
  struct Group {
    std::string firstWord;
    std::vector<Entry> entries;
  };
  bool matches(const Entry& entry, const TextView& view, std::size_t i) const;
  // The phrases that may start at token i, or nullptr.
  const std::vector<Entry>* startingWith(const Token& token) const;
  // Keyed by the hash of the first word, which every token carries (Token::foldHash): a look-up
  // hashes nothing and compares one word.
  std::unordered_map<std::size_t, std::vector<Group>> byFirstWordHash_;
  // One bit per value of the low bits of a first word's hash: most tokens start no phrase, and
  // the bit says so without a walk through the hash table.
  static constexpr std::size_t kFirstWordBits = std::size_t{1} << 16;
  std::vector<bool> firstWordBits_ = std::vector<bool>(kFirstWordBits);
};

// Hashes a folded word. A hasher of our own also keeps libstdc++ from comparing the word with
// every key of a table of up to 20 words, as it does with std::hash<std::string>.
struct WordHash {
  std::size_t operator()(const std::string& word) const { return std::hash<std::string_view>{}(word); }
};
template <typename T>
using WordMap = std::unordered_map<std::string, T, WordHash>;  // folded word -> T
using WordSet = std::unordered_set<std::string, WordHash>;     // folded words

struct StateInfo {
  std::string iso3;
  std::string label;  // short English name
};

struct OrganizationInfo {
  std::string key;    // English acronym or short English name
  std::string label;  // English full name
  std::vector<std::string> parents;  // keys named inside this body's name ("UN" in "UN Security Council")
};

struct PlaceInfo {
  std::string name;  // canonical English name
  std::string kind;  // city, region, territory
};

struct SeriesInfo {
  std::string key;    // "summit", "cfm", "acm", "contact-group", ...
  std::string label;  // English label
};

struct Gazetteer {
  std::vector<StateInfo> states;
  PhraseIndex stateNames;
  WordMap<std::size_t> demonyms;  // folded adjective -> index into states
  std::vector<OrganizationInfo> organizations;
  PhraseIndex organizationNames;
  std::vector<PlaceInfo> places;
  PhraseIndex placeNames;
  std::vector<std::string> posts;  // English canonical posts
  PhraseIndex postNames;
  std::vector<SeriesInfo> series;
  PhraseIndex seriesNames;
  // Cue phrases by kind (cues.tsv): "honorific", "particle", "chair-after", "background", ...
  std::vector<std::string> cueKinds;
  PhraseIndex cues;
  WordMap<int> months;  // folded month name -> 1..12
  WordMap<int> ordinals;  // folded ordinal or tens word -> value
  WordMap<WordSet> words;  // single-word cue kinds -> their folded words

  bool isWord(const std::string& kind, const std::string& fold) const;
  // The words of a single-word cue kind (empty if none): for scans that ask for every token.
  const WordSet& wordsOf(const std::string& kind) const;
  // The kind of the longest cue at token i, or "" (and its length in tokens).
  std::string_view cueAt(const TextView& view, std::size_t i, std::size_t* length = nullptr) const;
  // The kind of a cue match, or "" for no match.
  std::string_view cueKind(const PhraseIndex::Match& match) const;
};

// Throws InputError naming the file if a gazetteer is missing or malformed.
Gazetteer loadGazetteer(const std::filesystem::path& dataDir);

}  // namespace diplograph::extract
