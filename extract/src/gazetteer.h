#pragma once
// The knowledge the extractor uses, loaded from the TSV files in ExtractOptions::dataDir.
// Nothing about individual documents lives in code: names, posts, honorifics, months, meeting
// series and cue phrases all come from data/gazetteers/.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "text.h"

namespace diplograph::extract {

// Phrases matched on folded tokens (case and accents ignored, hyphens and apostrophes as word
// breaks). Acronym-like phrases ("UN", "IsDB", "OIC-StatCom") must match their case exactly.
// The phrases form a trie over word numbers, so finding every phrase at a token costs one step
// per word matched however many phrases share a beginning ("Republic of ..." has a hundred).
// A step is one probe of a hash table of all the trie's edges, not a search of the node's own.
// Tokens must come from a TextView given the vocabulary the phrases were added with.
class PhraseIndex {
 public:
  // 32-bit fields: the rules keep one per token (cues, posts), read at most tokens.
  struct Match {
    std::uint32_t length = 0;  // tokens matched, 0 if none
    std::uint32_t payload = 0;
  };
  // Numbers the phrase's words in `vocabulary`.
  void add(std::string_view phrase, std::size_t payload, Vocabulary& vocabulary);
  [[gnu::always_inline]] Match longestAt(const TextView& view, std::size_t i) const {
    // Most words start no phrase, and most others no phrase the next word goes on with ("the"
    // alone, not "the following took part"): answered here without a walk of the trie, and
    // inline at every caller, which a call would cost more than (GCC would not inline it).
    const std::span<const Token> tokens = view.tokens();
    const std::uint32_t node = firstNodeOf(tokens[i].word);
    if (node == kNoNode) return {};
    const Node& n = nodes_[node];
    if (!n.checkCase && !(n.nextWords && i + 1 < tokens.size() && (n.nextWords & wordBit(tokens[i + 1].word))))
      return n.anyCase ? Match{1, *n.anyCase} : Match{};
    return longestFrom(view, i);
  }
  // The longest phrase starting at token i that `accept` takes (of phrases of one length, the
  // first added), or length 0. The phrases are asked longest first as the walk returns: no list
  // of them is made.
  template <typename Accept>
  Match longestAt(const TextView& view, std::size_t i, const Accept& accept) const {
    return longestAccepted(view, i, 1, firstNodeOf(view.tokens()[i].word), accept);
  }
  // Whether some phrase starts with the word.
  bool anyStartingWith(WordId word) const { return firstNodeOf(word) != kNoNode; }

 private:
  // A phrase ending at a node of the trie.
  struct Ending {
    std::vector<std::string> displays;  // compared only when caseSensitive
    bool caseSensitive = false;
    std::size_t payload = 0;
  };
  // Small, so that the nodes a walk reads share cache lines: the endings are kept aside, and
  // read only when the first asks for the tokens' case.
  struct Node {
    // The first ending's payload if it ignores case: the phrase found here whatever the tokens'
    // case, as for most phrases.
    std::optional<std::uint32_t> anyCase;
    // A bit per word a phrase goes on with past it (wordBit): most walks end at a word that
    // continues no phrase here, told without a probe of the edge table, a cache miss. 0 when no
    // phrase goes on.
    std::uint32_t nextWords = 0;
    bool checkCase = false;  // the first ending asks for the tokens' case
  };
  static std::uint32_t wordBit(WordId word) { return std::uint32_t{1} << ((word * 0x9E3779B9u) >> 27); }
  static constexpr std::uint32_t kNoNode = 0;  // nodes_[0] is a placeholder
  // longestAt for a token whose word starts some phrase.
  Match longestFrom(const TextView& view, std::size_t i) const;
  // An edge of the trie, in edges_; `from` is kNoNode in an empty slot.
  struct Edge {
    std::uint32_t from = kNoNode;
    WordId word = kNoWord;
    std::uint32_t to = kNoNode;
  };
  // The slot of the edge from `node` by `word`, or the empty slot where it would go.
  std::size_t edgeSlot(std::uint32_t node, WordId word) const {
    const std::size_t mask = edges_.size() - 1;
    const std::uint64_t key = (std::uint64_t{node} << 32) | word;
    // The high half of the product, which every bit of the key stirs.
    for (std::size_t s = (key * 0x9E3779B97F4A7C15u) >> 32 & mask;; s = (s + 1) & mask) {
      const Edge& edge = edges_[s];
      if (edge.from == kNoNode || (edge.from == node && edge.word == word)) return s;
    }
  }
  // The node after `node` by `word`, or kNoNode.
  std::uint32_t nextNode(std::uint32_t node, WordId word) const { return edges_[edgeSlot(node, word)].to; }
  void addEdge(std::uint32_t from, WordId word, std::uint32_t to);
  // The node after the first word of a phrase, or kNoNode.
  std::uint32_t firstNodeOf(WordId word) const { return word < firstNode_.size() ? firstNode_[word] : kNoNode; }
  // A phrase does not run across a table cell, a page or a bracket.
  static bool breaksPhrase(char32_t c) {
    // The characters below '@' as bits: a space, the commonest gap, costs one test.
    constexpr std::uint64_t kBelowAt = (std::uint64_t{1} << '\f') | (std::uint64_t{1} << ';') |
                                       (std::uint64_t{1} << '(') | (std::uint64_t{1} << ')');
    return c < 64 ? (kBelowAt >> c) & 1 : c == '|';
  }
  // The node reached from `node` by token k, the token after the words that led to `node`;
  // kNoNode where no phrase goes on.
  std::uint32_t follow(const TextView& view, std::size_t k, std::uint32_t node) const {
    // A span, whose size() is stored: std::vector<Token>::size() divides by the size of a token.
    const std::span<const Token> tokens = view.tokens();
    const Node& here = nodes_[node];
    if (k >= tokens.size() || !(here.nextWords & wordBit(tokens[k].word))) return kNoNode;
    const std::uint32_t next = nextNode(node, tokens[k].word);
    const char32_t* const text = view.text().data();
    for (std::size_t c = tokens[k - 1].end; next != kNoNode && c < tokens[k].start; ++c) {
      if (breaksPhrase(text[c])) return kNoNode;
    }
    return next;
  }
  // longestAt(view, i, accept) from `node`, reached by the `length` tokens from token i.
  template <typename Accept>
  Match longestAccepted(const TextView& view, std::size_t i, std::size_t length, std::uint32_t node,
                        const Accept& accept) const {
    if (node == kNoNode) return {};
    if (const Match longer = longestAccepted(view, i, length + 1, follow(view, i + length, node), accept); longer.length)
      return longer;
    for (const Ending& ending : endings_[node]) {
      const Match match{static_cast<std::uint32_t>(length), static_cast<std::uint32_t>(ending.payload)};
      if ((!ending.caseSensitive || sameCase(view.tokens(), i, length, ending)) && accept(match)) return match;
    }
    return {};
  }
  // Whether the `length` tokens from token i are written as the ending asks (compared only when
  // it is case-sensitive; out of line, as few are).
  static bool sameCase(std::span<const Token> tokens, std::size_t i, std::size_t length, const Ending& ending);
  std::vector<std::uint32_t> firstNode_;  // by WordId: the node after the phrase's first word
  std::vector<Node> nodes_ = std::vector<Node>(1);
  std::vector<std::vector<Ending>> endings_ = std::vector<std::vector<Ending>>(1);  // by node, in the order added
  std::vector<Edge> edges_ = std::vector<Edge>(64);  // a hash table: a power of two, at most half full
  std::size_t edgeCount_ = 0;
};

// A value per word of the vocabulary; words without one (and kNoWord) read as T{}.
template <typename T>
class WordTable {
 public:
  void set(WordId word, T value) {
    if (word >= values_.size()) values_.resize(word + 1);
    values_[word] = std::move(value);
  }
  T operator[](WordId word) const { return word < values_.size() ? T(values_[word]) : T{}; }

 private:
  // A bool as a byte: rules ask every token, and std::vector<bool> pays for its bits in size()
  // and at each read.
  std::vector<std::conditional_t<std::is_same_v<T, bool>, std::uint8_t, T>> values_;
};
using WordSet = WordTable<bool>;

// The first token from `from` on whose word is in `words`; the token count if none. Rules that
// start only at a few words (a post's, a meeting's, "resolution") pass over the others here: a
// loop that calls nothing and stores nothing, at a few instructions per token.
inline std::size_t nextTokenIn(const WordSet& words, std::span<const Token> tokens, std::size_t from) {
  while (from < tokens.size() && !words[tokens[from].word]) ++from;
  return from;
}

struct StateInfo {
  std::string iso3;
  std::string label;  // short English name
};

struct OrganizationInfo {
  std::string key;    // English acronym or short English name
  std::string label;  // English full name
  std::vector<std::string> parents;  // keys named inside this body's name ("UN" in "UN Security Council")
  bool adoptsResolutions = false;  // listed in resolution_issuers.tsv
};

struct PlaceInfo {
  std::string name;  // canonical English name
  std::string kind;  // city, region, territory
};

struct SeriesInfo {
  std::string key;    // "summit", "cfm", "acm", "contact-group", ...
  std::string label;  // English label
};

// The kinds of cue phrase the rules know, as named in the first column of cues.tsv.
enum class Cue : std::uint8_t {
  None,  // no cue phrase
  Abroad, Absent, Adopt, Attend, AttendHeading, Background, ChairAfter, ChairBefore, ChairField, Former, Future,
  Honorific, Host, MembersOf, NameHead, OpenAfter, OpenBefore, Particle, Possessive, Sidelines, Site, Speak, SpeakFor,
  SpeakForStart, StateAfter, StateBefore, StopEn, StopFr,
  Count  // not a kind: how many there are
};
// The kind a name in cues.tsv stands for ("attend-heading": AttendHeading), or nullopt.
std::optional<Cue> cueFromName(std::string_view name);

// What a name in Gazetteer::names names: an entry of the states, organizations or places.
struct NamedEntry {
  EntityType type = EntityType::State;
  std::size_t index = 0;  // into the table of that type
};

struct Gazetteer {
  Vocabulary vocabulary;  // every folded word of the tables below
  std::vector<StateInfo> states;
  WordTable<std::optional<std::size_t>> demonyms;  // adjective -> index into states
  std::vector<OrganizationInfo> organizations;
  PhraseIndex organizationNames;
  std::vector<PlaceInfo> places;
  // The names of states, organizations and places in one index, as the scan for names asks
  // for all three at every capitalised word. Of equally long names, an organization's comes
  // first, then a state's, then a place's. The payload indexes nameEntries.
  PhraseIndex names;
  std::vector<NamedEntry> nameEntries;
  std::vector<std::string> posts;  // English canonical posts
  PhraseIndex postNames;
  std::vector<std::string> portfolios;  // English names of the portfolios a French title adds
  PhraseIndex portfolioNames;           // their French forms
  std::vector<SeriesInfo> series;
  PhraseIndex seriesNames;
  PhraseIndex cues;  // cue phrases (cues.tsv); the payload is the Cue

  WordTable<int> months;  // month name -> 1..12
  WordTable<int> ordinals;  // ordinal or tens word -> value
  // By cue kind, its single-word cues (a word set for scans that ask every token).
  std::vector<WordSet> words = std::vector<WordSet>(static_cast<std::size_t>(Cue::Count));
  // +1 for a French stop word (a stop-fr cue), -1 for an English one, 0 for both or neither:
  // a document's language is told by their sum over its tokens, one look-up per token.
  WordTable<std::int8_t> frenchLean;

  bool isWord(Cue kind, const Token& token) const { return wordsOf(kind)[token.word]; }
  const WordSet& wordsOf(Cue kind) const { return words[static_cast<std::size_t>(kind)]; }
  // The kind of the longest cue at token i (and its length in tokens).
  Cue cueAt(const TextView& view, std::size_t i, std::size_t* length = nullptr) const;
  // The kind of a cue match.
  static Cue cueKind(const PhraseIndex::Match& match) { return match.length ? static_cast<Cue>(match.payload) : Cue::None; }
};

// Throws InputError naming the file if a gazetteer is missing or malformed.
Gazetteer loadGazetteer(const std::filesystem::path& dataDir);

}  // namespace diplograph::extract
