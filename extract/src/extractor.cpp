// Extractor: gazetteer look-up, dates, resolutions, persons and posts, then the meetings the
// document reports on or refers to. Rules read the knowledge in data/gazetteers/ only.
#include "diplograph/extract/extractor.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <iterator>
#include <span>
#include <unordered_map>
#include <utility>

#include "dates.h"
#include "diplograph/extract/iris.h"
#include "gazetteer.h"
#include "key_index.h"
#include "resolutions.h"
#include "text.h"

namespace diplograph::extract {
namespace {

// A flag per token, sentence or state: a byte each, as the bits of std::vector<bool> cost more
// to read and write in rules that ask every token.
using Flags = std::vector<char>;

// A recognised name in the token stream.
struct Hit {
  std::size_t first = 0;  // tokens, inclusive
  std::size_t last = 0;
  EntityType type = EntityType::State;
  std::size_t index = 0;  // into the gazetteer table of that type
};

// The hash of an IRI in a KeyIndex. IRIs share long prefixes and differ in their last segment:
// only their last 16 bytes and their length are mixed, inline, where std::hash would call out to
// read them all.
std::uint64_t iriHash(std::string_view iri) {
  if (iri.size() < 16) return std::hash<std::string_view>{}(iri);
  std::uint64_t head = 0;
  std::uint64_t tail = 0;
  std::memcpy(&head, iri.data() + iri.size() - 16, 8);
  std::memcpy(&tail, iri.data() + iri.size() - 8, 8);
  std::uint64_t h = head * 0x9E3779B97F4A7C15u ^ tail ^ iri.size();
  // Spreads every byte over the low bits, which pick the slot, and the high ones, kept in it.
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9u;
  return h ^ (h >> 29);
}

// Collects entities by IRI, with their mentions in text order and without duplicates.
class Entities {
 public:
  // Mentions are spans of the view's text.
  explicit Entities(const TextView& view) : view_(view) {}

  // Adds a mention of the entity with this IRI and returns its number, for addMention;
  // make(entity) fills in the new entity (its IRI set by add) the first time only, as most
  // entities are named more than once. It fills it in place: an entity has many strings to move.
  // The IRI is copied, or moved if given as an rvalue, only into a new entity: it is otherwise
  // only looked up.
  template <typename Iri, typename Make>
  std::uint32_t add(Iri&& iri, Make make, Span mention) {
    const std::string_view key = iri;
    const std::uint64_t hash = iriHash(key);
    std::uint32_t number = byIri_.find(key, hash, iriOf());
    if (number == KeyIndex::kNone) {
      Entity& entity = list_.emplace_back();
      entity.iri = std::forward<Iri>(iri);
      make(entity);
      entity.mentions.reserve(4);  // most entities are named a few times: no regrowth for them
      number = static_cast<std::uint32_t>(list_.size());
      byIri_.insert(entity.iri, hash, number, iriOf(), &iriHash);
    }
    addMention(number, mention);
    return number;
  }
  // Adds a mention of the entity that add returned `number` for. Its text is written where it
  // is stored, not made aside and moved in.
  void addMention(std::uint32_t number, Span mention) {
    auto& mentions = list_[number - 1].mentions;
    // Mentions mostly come in text order: only one that does not is checked against them all.
    const bool inOrder = mentions.empty() || mentions.back().start < mention.start;
    if (!inOrder && std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) { return m.start == mention.start; }))
      return;
    Mention& added = mentions.emplace_back();
    added.start = mention.start;
    added.end = mention.end;
    view_.appendSlice(added.text, mention.start, mention.end);
  }
  const std::string& iri(std::uint32_t number) const { return list_[number - 1].iri; }
  // Room for `count` entities, so adding them moves none and grows no table.
  void reserve(std::size_t count) {
    list_.reserve(count);
    byIri_.reserve(count, iriOf(), &iriHash);
  }
  std::vector<Entity> take() {
    // Mentions mostly come in text order: most lists are only checked, not sorted.
    const auto byStart = [](const Mention& a, const Mention& b) { return a.start < b.start; };
    for (auto& e : list_) {
      if (!std::is_sorted(e.mentions.begin(), e.mentions.end(), byStart)) std::sort(e.mentions.begin(), e.mentions.end(), byStart);
    }
    return std::move(list_);
  }

 private:
  // The entities' own IRIs are the index's keys: no map node nor key copy per entity.
  struct IriOf {
    const Entities* entities;
    std::string_view operator()(std::uint32_t number) const { return entities->list_[number - 1].iri; }
  };
  IriOf iriOf() const { return {this}; }

  const TextView& view_;
  std::vector<Entity> list_;
  KeyIndex byIri_;  // IRI -> index into list_ plus one
};

// Token -> the first of a list's items (hits, person mentions) starting at it, and the first
// covering it (hits) or ending at it (person mentions), so look-ups stay constant-time on long
// texts. Both are kept side by side: one table per list. A slot holds the item's index plus one,
// 0 for none, so that a table is cleared at once (memset), not a sentinel written per token.
class FirstAt {
 public:
  // The two ways of being at a token.
  static constexpr std::size_t kStarting = 0;
  static constexpr std::size_t kCovering = 1;
  static constexpr std::size_t kEnding = 1;

  // Zeroed by memset: a vector assigned zeros, or value-initialized slots, are written one at a
  // time.
  void clear(std::size_t tokens) {
    slots_ = std::make_unique_for_overwrite<std::array<std::uint32_t, 2>[]>(tokens);
    std::memset(slots_.get(), 0, tokens * sizeof slots_[0]);
    size_ = tokens;
  }
  void add(std::size_t way, std::size_t token, std::size_t item) {
    if (token < size_ && slots_[token][way] == 0) slots_[token][way] = static_cast<std::uint32_t>(item + 1);
  }
  template <typename Item>
  const Item* in(std::size_t way, const std::vector<Item>& items, std::size_t token) const {
    return token < size_ && slots_[token][way] != 0 ? &items[slots_[token][way] - 1] : nullptr;
  }

 private:
  std::unique_ptr<std::array<std::uint32_t, 2>[]> slots_;
  std::size_t size_ = 0;
};

struct Person {
  std::string name;  // as written, honorifics dropped
  std::string iri;   // made once: transliterating a name is costly, posts ask often
  // Token range of the mention that named it first: its words are the person's, compared folded.
  std::pair<std::size_t, std::size_t> firstSpan;
  // The State or body of the last post found held by the person, if any: whom they speak for.
  std::optional<Hit> speaksFor;
  // Persons sharing a first word, and persons sharing a last word, are chained in the order
  // they were found: the next one's number (index plus one), 0 for none.
  std::uint32_t nextSameFirst = 0;
  std::uint32_t nextSameLast = 0;
  std::uint32_t entity = 0;  // its number in Entities once added, 0 before
};

struct PersonMention {
  std::size_t first = 0;
  std::size_t last = 0;
  std::size_t person = 0;
};

// A post named in the text ("Ministre des Affaires étrangères", "ministre ivoirien des ...").
struct PostMention {
  std::size_t token = 0;  // its first
  PhraseIndex::Match post;  // length in tokens, adjective included; payload indexes posts
  std::optional<Hit> demonym;  // the state adjective inside it, if any
  // A rank and the post named right after it are one post: "ministre d'État, ministre des
  // Affaires étrangères" (the payload of the second; `post` then spans both).
  std::optional<std::size_t> joined;
};

// What a sentence says about taking part in the main meeting, as mainAttendees reads it.
struct SentenceFacts {
  bool attend = false;  // someone takes part
  bool speak = false;   // someone speaks
  bool absent = false;  // someone does not take part, or will later
  std::size_t otherFrom = 0;  // the first token saying something about another meeting, or the token count
};

// Its series and label view the gazetteer's strings or literals, which outlive the run: a draft
// is copied and compared often, its strings made only for the meeting record.
struct MeetingDraft {
  std::string_view series;  // key from meetings.tsv
  std::string_view label;
  int ordinal = 0;
  std::size_t first = 0;  // token of the mention
  std::size_t last = 0;
  std::optional<CalendarDate> date;
  std::optional<CalendarDate> end;
  std::optional<std::size_t> place;  // index into gazetteer places
  std::size_t dateToken = 0;
  std::size_t placeToken = 0;
};

// The IRIs of the gazetteers' states, organizations and places, made once per extractor rather
// than for every mention in every document.
struct KnownIris {
  KnownIris(const std::string& baseIri, const Gazetteer& g) : dates(dateIri(baseIri, "")) {
    for (const auto& s : g.states) states.push_back(stateIri(baseIri, s.iso3));
    for (const auto& o : g.organizations) organizations.push_back(organizationIri(baseIri, o.key));
    for (const auto& p : g.places) places.push_back(placeIri(baseIri, p.name));
    // An organization's IRI depends on its key only: any entry with the key gives it.
    for (std::size_t n = 0; n < g.organizations.size(); ++n) organizationByKey.emplace(g.organizations[n].key, n);
  }
  // The IRI of the organization with this key, as organizationIri makes it.
  std::string organization(const std::string& baseIri, std::string_view key) const {
    const auto it = organizationByKey.find(key);
    return it != organizationByKey.end() ? organizations[it->second] : organizationIri(baseIri, key);
  }
  std::vector<std::string> states;  // by index into the gazetteer's table
  std::vector<std::string> organizations;
  std::vector<std::string> places;
  std::string dates;  // what every date's IRI starts with
  // Views of the gazetteer's keys, which outlive the extractor's IRIs: by key, an index into
  // organizations, for the bodies that adopt resolutions.
  std::unordered_map<std::string_view, std::size_t> organizationByKey;
};

// Words the rules spell out, numbered in the gazetteers' vocabulary (added to it if the
// gazetteers lack them), so that rules asking about many tokens compare numbers, not text.
struct RuleWords {
  explicit RuleWords(Gazetteer& g) : session(g.vocabulary.add("session")) {
    Vocabulary& vocabulary = g.vocabulary;
    for (const char* article : {"le", "la", "les", "l", "the", "de", "du", "d", "des", "of"})
      articles.set(vocabulary.add(article), true);
    for (const char* summit : {"summit", "sommet"}) summits.set(vocabulary.add(summit), true);
    for (const char* organization : {"organisation", "organization"}) organizations.set(vocabulary.add(organization), true);
    for (const char* of : {"of", "de", "du", "d", "des"}) ofs.set(vocabulary.add(of), true);
    for (const char* title : {"mr", "mrs", "ms", "m", "mme", "mlle", "dr"}) personalTitles.set(vocabulary.add(title), true);
    en = vocabulary.add("en");
    for (const char* suffix : {"e", "er", "ere", "eme", "th", "st", "nd", "rd"})
      ordinalSuffixes.set(vocabulary.add(suffix), true);
    resolutionCues = resolutionCueWords(vocabulary);
    for (WordId word = 0; word < vocabulary.size(); ++word) {
      if (g.seriesNames.anyStartingWith(word) || word == session || summits[word]) meetingWords.set(word, true);
      if (g.postNames.anyStartingWith(word)) postWords.set(word, true);
    }
  }
  WordSet articles;
  WordId session;
  WordSet summits;
  // The words a mention of a meeting may start with: a series' first word, "session" or a
  // summit's word. Asked of every token, in one look-up rather than three.
  WordSet meetingWords;
  // The words a post's name starts with: asked of every token, a byte per word read as
  // meetingWords is, costs fewer instructions than asking postNames.
  WordSet postWords;
  WordSet organizations;  // asked of every capitalised word that names nothing
  WordSet ofs;  // "of", "de", ...: a post's State or body follows
  WordSet personalTitles;  // "Mr", "Mme", ...: a name follows, not a post
  WordId en;    // "en Arabie saoudite": a posting, not a participant
  WordSet ordinalSuffixes;  // "13<sup>ème</sup>", "46<sup>e</sup>": an ordinal's suffix written apart
  WordSet resolutionCues;  // for findResolutions
};

// "13", "13e", "13ème", "44th", "1st" -> 13, 44, 1; 0 otherwise.
int ordinalOf(const Token& token) {
  const std::string_view f = token.fold;
  // The value is read as the digits are counted, up to one too many for an ordinal.
  std::size_t digits = 0;
  int value = 0;
  while (digits < f.size() && digits < 4 && f[digits] >= '0' && f[digits] <= '9') value = value * 10 + (f[digits++] - '0');
  if (digits == 0 || digits > 3) return 0;
  const std::string_view suffix = f.substr(digits);
  // A bare number is a paragraph or a count, not an ordinal.
  if (suffix == "e" || suffix == "eme" || suffix == "er" || suffix == "ere" || suffix == "th" ||
      suffix == "st" || suffix == "nd" || suffix == "rd")
    return value;
  return 0;
}

class Run {
 public:
  Run(const ExtractOptions& options, const Gazetteer& g, const RuleWords& words, const KnownIris& iris, const Document& document)
      : options_(options), g_(g), words_(words), iris_(iris), particles_(g.wordsOf(Cue::Particle)), document_(document),
        view_(document.text, &g.vocabulary), tokens_(view_.tokens()), lineBreaks_(view_.lineBreaks()) {
    // One pass over the tokens looks up cues and post names and tells the language, more
    // French stop words than English ones making it French; the sentences are then split by
    // that language's rules. The cues are counted by kind, so that their starts go in one
    // list, each kind's part sized beforehand.
    cues_.resize(tokens_.size());
    postNames_.resize(tokens_.size());
    std::array<std::size_t, kCueKinds> counts{};
    int frenchLean = 0;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      frenchLean += g.frenchLean[tokens_[i].word];
      cues_[i] = g.cues.longestAt(view_, i);
      postNames_[i] = g.postNames.longestAt(view_, i);
      ++counts[static_cast<std::size_t>(g.cueKind(cues_[i]))];
    }
    counts[static_cast<std::size_t>(Cue::None)] = 0;  // the tokens where no cue starts are not listed
    std::array<std::size_t, kCueKinds> next{};  // by kind, where its next start goes
    for (std::size_t kind = 0; kind < kCueKinds; ++kind) {
      next[kind] = cueStartsFrom_[kind];
      cueStartsFrom_[kind + 1] = cueStartsFrom_[kind] + counts[kind];
    }
    cueStartList_.resize(cueStartsFrom_.back());
    for (std::size_t i = 0; i < cues_.size(); ++i) {
      if (cues_[i].length) cueStartList_[next[static_cast<std::size_t>(g.cueKind(cues_[i]))]++] = i;
    }
    language_ = frenchLean > 0 ? "fr" : "en";
    view_.splitSentences(language_);
  }

  Extraction run() {
    Extraction x;
    x.document.source = document_.source;
    x.document.iri = documentIri(options_.baseIri, document_.source);
    x.document.language = language_;
    x.document.sha256 = document_.sha256;
    x.document.symbol = symbol();
    x.document.title = title(x.document.symbol);
    x.text = document_.text;
    x.sentences = view_.sentences();
    findBackground();
    findNames();
    findNamedSites();
    indexHits();
    dates_ = findDates(view_, g_);
    std::vector<NamedBody> bodies;
    bodies.reserve(static_cast<std::size_t>(
        std::count_if(hits_.begin(), hits_.end(), [](const Hit& h) { return h.type == EntityType::Organization; })));
    for (const auto& h : hits_) {
      if (h.type == EntityType::Organization) {
        const auto& organization = g_.organizations[h.index];
        bodies.push_back({h.first, h.last, organization.key, organization.adoptsResolutions});
      }
    }
    resolutions_ = findResolutions(view_, g_, words_.resolutionCues, dates_, bodies);
    resolutionIris_.reserve(resolutions_.size());
    for (const auto& r : resolutions_) resolutionIris_.push_back(resolutionIri(options_.baseIri, r.issuer, r.number, r.year));
    findPostMentions();
    findPersons();
    // Room for every relation, so that none is moved as they are added: a post held per post
    // named, an attendee per state named (by name or by a post's adjective), a citation and an
    // adoption per resolution, a chair.
    relations_.reserve(2 * postMentions_.size() + hits_.size() + 2 * resolutions_.size() + 1);
    findPosts();
    buildMeetings();
    addEntities();  // last: it moves the resolutions' and persons' IRIs into their entities
    x.meetings = std::move(meetings_);
    x.relations = std::move(relations_);
    x.entities = entities_.take();
    return x;
  }

 private:
  // ---- document info -------------------------------------------------------------------
  std::string title(const std::string& symbol) const {
    // The first paragraph with words, lines joined, without Markdown emphasis or heading marks
    // and without the document symbol. Lines are read as views of the text: only one with marks
    // is copied, to drop them.
    const std::string_view text = document_.text;
    std::string out;
    out.reserve(std::min<std::size_t>(text.size(), 256));  // a title ends past 200 characters: mostly no regrowth
    std::string unmarked;
    // Adds the line to the title; false if it is blank.
    const auto addLine = [&](std::string_view line) {
      // Two searches for one character each (memchr), not one for either character at a time.
      if (line.find('*') != std::string_view::npos || line.find('#') != std::string_view::npos) {
        // Copied through an iterator into room made first: a back_inserter checks the capacity
        // at each character.
        unmarked.resize(line.size());
        const auto end = std::remove_copy_if(line.begin(), line.end(), unmarked.begin(), [](char c) { return c == '*' || c == '#'; });
        line = std::string_view(unmarked.data(), static_cast<std::size_t>(end - unmarked.begin()));
      }
      const auto b = line.find_first_not_of(" \t\r");
      if (b == std::string_view::npos) return false;
      const std::string_view trimmed = line.substr(b, line.find_last_not_of(" \t\r") - b + 1);
      if (trimmed != symbol) {
        if (!out.empty()) out += ' ';
        out += trimmed;
      }
      return true;
    };
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string_view::npos; start = end + 1) {
      const bool blank = !addLine(text.substr(start, end - start));
      if ((blank && !out.empty()) || out.size() > 200) break;
    }
    // A text of one paragraph without a line break after it.
    if (out.empty()) addLine(text.substr(start));
    // Collapse runs of blanks left by the line joins.
    out.erase(std::unique(out.begin(), out.end(), [](char a, char b) { return a == ' ' && b == ' '; }), out.end());
    return out;
  }

  std::string symbol() const {
    // A document symbol ("OIC/ACM-2017/MALI-REP") on its own line near the top: capitals,
    // digits, '/' and '-', with at least two '/'-separated parts.
    const std::string_view text = document_.text;
    std::size_t lineStart = 0;
    for (std::size_t lines = 0; lines < 15 && lineStart <= text.size(); ++lines) {
      const std::size_t lineEnd = std::min(text.find('\n', lineStart), text.size());
      const std::string_view raw = text.substr(lineStart, lineEnd - lineStart);
      lineStart = lineEnd + 1;
      if (raw.find('/') == std::string_view::npos) continue;  // most lines: no copy
      std::string line;
      for (char c : raw) {
        if (c != '*' && c != ' ' && c != '\r') line += c;
      }
      const bool shape = line.size() >= 5 && std::all_of(line.begin(), line.end(), [](char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '/' || ch == '-' || ch == '.';
      });
      if (shape) return line;
    }
    return "";
  }

  // ---- gazetteer look-ups ----------------------------------------------------------------
  bool isParticle(const Token& token) const { return particles_[token.word]; }
  bool isArticle(const Token& token) const { return words_.articles[token.word]; }
  // The rules ask about the same tokens many times: cues and posts are looked up once per token.
  Cue cueAt(std::size_t i, std::size_t* length = nullptr) const {
    if (length) *length = cues_[i].length;
    return g_.cueKind(cues_[i]);
  }
  const PhraseIndex::Match& postNameAt(std::size_t i) const { return postNames_[i]; }
  // The tokens where a cue of this kind starts, in text order, for rules that look for one kind.
  std::span<const std::size_t> cueStarts(Cue kind) const {
    const auto k = static_cast<std::size_t>(kind);
    return std::span(cueStartList_).subspan(cueStartsFrom_[k], cueStartsFrom_[k + 1] - cueStartsFrom_[k]);
  }

  // ---- sections ------------------------------------------------------------------------
  bool atLineStart(std::size_t i) const {
    // Only blanks, list numbers or bullets between the previous line break and token i.
    const auto& text = view_.text();
    for (std::size_t k = tokens_[i].start; k > 0; --k) {
      const char32_t c = text[k - 1];
      if (c == '\n' || c == '\f') return true;
      if (!(c == ' ' || c == '\t' || c == '-' || c == '*' || c == '#' || c == '.' || c == ')' || (c >= '0' && c <= '9')))
        return false;
    }
    return true;
  }

  void findBackground() {
    for (const std::size_t i : cueStarts(Cue::Background)) {
      const std::size_t length = cues_[i].length;
      if (!atLineStart(i)) continue;
      // A heading: the cue is followed by a stop, a bracket or the end of the line.
      const std::size_t next = i + length;
      bool heading = next >= tokens_.size();
      if (!heading) {
        for (char32_t c : view_.gapBefore(next)) {
          if (c == '.' || c == ':' || c == '(' || c == '\n' || c == 0x2013 || c == 0x2014 || c == '*') heading = true;
        }
      }
      // ... or the heading is a short line of its own ("## 4. About the Secretariat").
      if (!heading) {
        const auto& text = view_.text();
        std::size_t eol = tokens_[i].start;
        while (eol < text.size() && text[eol] != '\n') ++eol;
        heading = eol - tokens_[i].start <= 40;
      }
      if (heading && (tokens_[i].upper)) {
        backgroundFrom_ = tokens_[i].start;
        return;
      }
    }
  }
  bool inBackground(std::size_t token) const { return tokens_[token].start >= backgroundFrom_; }
  // cueStarts(kind) up to the background section.
  std::span<const std::size_t> cueStartsBeforeBackground(Cue kind) const {
    const auto& starts = cueStarts(kind);
    return {starts.begin(), std::find_if(starts.begin(), starts.end(), [&](std::size_t i) { return inBackground(i); })};
  }

  // ---- states, organizations, places -----------------------------------------------------
  bool insideProperName(std::size_t i) const {
    // "processus d'Alger", "Journée du Pakistan", "Accord de paix de Lomé".
    std::size_t k = i;
    if (k == 0 || !isArticle(tokens_[k - 1])) return false;
    while (k > 0 && isArticle(tokens_[k - 1])) --k;
    for (std::size_t back = 0; back < 3 && k > back; ++back) {
      if (g_.isWord(Cue::NameHead, tokens_[k - 1 - back])) return back == 0 || tokens_[k - 1 - back].upper;
    }
    return false;
  }

  // A place followed, within the same phrase, by a capitalised word that names nothing known is
  // the start of another proper name: "Riyad Al-Maliki", "Karachi Agreement".
  bool headOfLongerName(std::size_t last) const {
    const std::size_t next = last + 1;
    if (next >= tokens_.size() || view_.gapBefore(next) != U" ") return false;
    const Token& t = tokens_[next];
    if (!t.upper || t.digits) return false;
    return !g_.names.longestAt(view_, next).length;
  }

  // Places of the gazetteer, then places named only in this document ("le village d'Ogossagou").
  const PlaceInfo& place(std::size_t index) const {
    return index < g_.places.size() ? g_.places[index] : localPlaces_[index - g_.places.size()];
  }

  // "the island of Bhasan Char", "le village d'Ogossagou": a capitalised name right after a word
  // for a kind of place is a place, even if no gazetteer knows it.
  void findNamedSites() {
    // hitCovering below reads the index of the hits found so far; most documents have no site cue.
    if (!cueStarts(Cue::Site).empty()) indexHits();
    for (const std::size_t i : cueStarts(Cue::Site)) {
      const std::size_t length = cues_[i].length;
      const std::size_t first = skipArticles(i + length);
      std::size_t last = first;
      if (first >= tokens_.size() || !tokens_[first].upper || tokens_[first].allUpper || hitCovering(first)) continue;
      while (last + 1 < tokens_.size() && last < first + 2 && view_.gapBefore(last + 1) == U" " && tokens_[last + 1].upper &&
             !tokens_[last + 1].allUpper && !hitCovering(last + 1))
        ++last;
      std::string name;
      for (std::size_t k = first; k <= last; ++k) {
        if (k > first) name += ' ';
        name += tokens_[k].display;
      }
      std::size_t index = g_.places.size() + localPlaces_.size();
      for (std::size_t n = 0; n < localPlaces_.size(); ++n) {
        if (localPlaces_[n].name == name) index = g_.places.size() + n;
      }
      if (index == g_.places.size() + localPlaces_.size()) {
        localPlaceIris_.push_back(placeIri(options_.baseIri, name));
        localPlaces_.push_back({std::move(name), "site"});
      }
      hits_.push_back(Hit{first, last, EntityType::Place, index});
    }
    // Hits in strict text order, as they mostly are (sites are rare), are left as they are: a
    // sort would not move them.
    if (std::adjacent_find(hits_.begin(), hits_.end(), [](const Hit& a, const Hit& b) { return a.first >= b.first; }) != hits_.end())
      std::sort(hits_.begin(), hits_.end(), [](const Hit& a, const Hit& b) { return a.first < b.first; });
  }

  void findNames() {
    // Room for a name every four words, more than most reports have: the list is not regrown
    // one hit after another.
    hits_.reserve(tokens_.size() / 4);
    // Names and the anaphor start with a capital: only those tokens are looked up, each after
    // the last name found.
    std::size_t next = 0;
    for (const std::uint32_t i : view_.capitalised()) {
      if (i < next) continue;
      const auto m = g_.names.longestAt(view_, i);
      if (!m.length) {
        if (const auto anaphor = organizationAnaphor(i)) hits_.push_back(*anaphor);
        continue;
      }
      const NamedEntry& entry = g_.nameEntries[m.payload];
      const std::size_t first = i;
      const std::size_t last = i + m.length - 1;
      next = last + 1;
      if ((entry.type != EntityType::Organization && insideProperName(first)) ||
          (entry.type == EntityType::Place && headOfLongerName(last)))
        continue;
      // Filled in where it is stored: a hit built aside and copied in is read back, wide, before
      // the stores of its fields have landed.
      Hit& hit = hits_.emplace_back();
      hit.first = first;
      hit.last = last;
      hit.type = entry.type;
      hit.index = entry.index;
      if (entry.type == EntityType::Organization) addParents(first, last, entry.index);
    }
  }

  // "the Organization", "l'Organisation" standing alone: the organization of that kind named
  // earlier in the document (its anaphoric short form).
  std::optional<Hit> organizationAnaphor(std::size_t i) const {
    const Token& t = tokens_[i];
    const bool organization = words_.organizations[t.word];
    if (!t.upper || !organization || i == 0) return std::nullopt;
    if (tokens_[i - 1].fold != "the" && tokens_[i - 1].fold != "l") return std::nullopt;
    if (i + 1 < tokens_.size() && !view_.punctuatedBefore(i + 1)) {
      const std::string_view next = tokens_[i + 1].fold;
      if (next == "of" || next == "de" || next == "des" || next == "du" || next == "d" || next == "for" || next == "pour")
        return std::nullopt;
    }
    for (const auto& h : hits_) {
      if (h.type == EntityType::Organization && g_.organizations[h.index].label.rfind("Organi", 0) == 0)
        return Hit{i, i, EntityType::Organization, h.index};
    }
    return std::nullopt;
  }

  // "Conseil de sécurité des Nations Unies" (tokens first to last, organization `organ`) also
  // names the UN.
  void addParents(std::size_t first, std::size_t last, std::size_t organ) {
    const auto& parents = g_.organizations[organ].parents;
    if (parents.empty()) return;  // most bodies: no name inside theirs to look for
    for (std::size_t k = first; k <= last; ++k) {
      const auto m = g_.organizationNames.longestAt(view_, k, [&](const PhraseIndex::Match& phrase) {
        if (k + phrase.length - 1 > last || phrase.payload == organ) return false;
        const auto& key = g_.organizations[phrase.payload].key;
        return std::find(parents.begin(), parents.end(), key) != parents.end();
      });
      if (m.length) hits_.push_back({k, k + m.length - 1, EntityType::Organization, m.payload});
    }
  }

  void indexHits() {
    hitsAt_.clear(tokens_.size());
    for (std::size_t n = 0; n < hits_.size(); ++n) {
      hitsAt_.add(FirstAt::kStarting, hits_[n].first, n);
      for (std::size_t k = hits_[n].first; k <= hits_[n].last; ++k) hitsAt_.add(FirstAt::kCovering, k, n);
    }
  }
  const Hit* hitStartingAt(std::size_t token) const { return hitsAt_.in(FirstAt::kStarting, hits_, token); }
  const Hit* hitCovering(std::size_t token) const { return hitsAt_.in(FirstAt::kCovering, hits_, token); }

  // ---- persons ---------------------------------------------------------------------------
  bool nameWord(std::size_t k) const {
    const Token& t = tokens_[k];
    if (t.digits) return false;
    if (isParticle(t)) return true;
    if (!t.upper) return false;
    if (g_.months[t.word]) return false;
    // A post word is part of a name when joined by a hyphen to the next word ("Amir-Abdollahian")
    // or when a personal title comes before it and a name after it ("Mr. Amir Saeid Iravani").
    if (postNameAt(k).length && !(k + 1 < tokens_.size() && tokens_[k + 1].upper &&
                                  (view_.gapBefore(k + 1) == U"-" || (k > 0 && words_.personalTitles[tokens_[k - 1].word]))))
      return false;
    // A verb cue written with a capital is a name ("Dya-Eddine Saïd Bamakhrama", not "said").
    if (const Cue cue = cueAt(k); cue != Cue::None && cue != Cue::Particle && cue != Cue::Speak && cue != Cue::Host) return false;
    return true;
  }

  // Name tokens from k on: capitalised words, particles and initials, across a line break but
  // not across punctuation. Returns the last token, or nullopt.
  std::optional<std::size_t> scanName(std::size_t k) const {
    std::optional<std::size_t> last;
    for (std::size_t j = k; j < tokens_.size() && j < k + 7; ++j) {
      // After a given name, "M." is an initial, not "Monsieur" ("Yousef M. Aldobeay").
      const bool initial = j > k && tokens_[j].display.size() == 1 && tokens_[j].upper && view_.gapBefore(j + 1) == U". ";
      if (!initial && !nameWord(j)) break;
      // Capitalised titles are not names ("QUARANTE-HUITIÈME SESSION"), but a surname in capitals
      // after given names is ("Tiébilé DRAMÉ"), and ends the name.
      if (tokens_[j].allUpper && tokens_[j].display.size() > 3) {
        if (j == k || tokens_[j - 1].allUpper || view_.gapBefore(j) != U" ") break;
        last = j;
        break;
      }
      if (j > k) {
        bool stop = false;
        bool paragraph = false;  // a blank line: read in the same pass over the gap
        char32_t previous = 0;
        for (char32_t c : view_.gapBefore(j)) {
          if (c == '.') stop = tokens_[j - 1].display.size() > 1;  // initials "A. K." continue
          else if (c != ' ' && c != '\n' && c != '-' && c != '\'' && c != 0x2019 && c != '\t') stop = true;
          paragraph = paragraph || (c == '\n' && previous == '\n');
          previous = c;
        }
        if (stop || paragraph) break;
      }
      if (hitCovering(j) && !hitCovering(k)) break;
      last = j;
    }
    // A name does not end on a particle.
    while (last && *last >= k && isParticle(tokens_[*last])) {
      if (*last == k) return std::nullopt;
      --*last;
    }
    return last;
  }

  // Skips honorifics and articles from k; returns the first token after them.
  std::size_t skipHonorifics(std::size_t k) const {
    while (k < tokens_.size()) {
      std::size_t length = 0;
      const auto kind = cueAt(k, &length);
      if (kind == Cue::Honorific) {
        k += length;
      } else if (k + 1 < tokens_.size() && cueAt(k + 1) == Cue::Honorific &&
                 (tokens_[k].fold == "le" || tokens_[k].fold == "la" || tokens_[k].fold == "l")) {  // the cheap test first
        ++k;
      } else {
        break;
      }
    }
    return k;
  }

  std::string nameText(std::size_t first, std::size_t last) const {
    std::string out;
    for (std::size_t k = first; k <= last; ++k) {
      if (k > first) {
        const auto gap = view_.gapBefore(k);
        const bool hyphen = gap.find(U'-') != std::u32string_view::npos;
        const bool dot = gap.find(U'.') != std::u32string_view::npos;
        const bool apostrophe = gap.find(U'\'') != std::u32string_view::npos || gap.find(U'\u2019') != std::u32string_view::npos;
        out += dot ? ". " : hyphen ? "-" : apostrophe ? "'" : " ";
      }
      out += tokens_[k].display;
    }
    if (last + 1 < tokens_.size() && tokens_[last].display.size() == 1 && view_.gapBefore(last + 1).find(U'.') == 0) out += ".";
    return out;
  }

  void addCandidate(std::size_t first, std::size_t last) { candidates_.emplace_back(first, last); }

  void findPersons() {
    // A candidate at most per honorific and four per post named: the list is not regrown.
    candidates_.reserve(cueStarts(Cue::Honorific).size() + 4 * postMentions_.size());
    std::size_t from = 0;  // the scan resumes after the last name read
    for (const std::size_t i : cueStarts(Cue::Honorific)) {
      if (i < from) continue;
      std::size_t k = skipHonorifics(i);
      if (k >= tokens_.size()) break;
      if (k > i) {
        const auto last = scanName(k);
        if (!last) {
          from = k;
          continue;
        }
        // "Sheikh" is a title before a full name but part of a short one ("Sheikh Hasina").
        if (*last == k && (tokens_[k - 1].fold == "sheikh" || tokens_[k - 1].fold == "cheikh")) k = k - 1;
        addCandidate(k, *last);
        from = *last + 1;
      }
    }
    // "le Premier ministre du Pakistan, Imran Khan," and "President Recep Tayyip Erdoğan": the
    // posts as named, without a state adjective inside.
    for (const auto& mention : postMentions_) {
      const std::size_t i = mention.token;
      const auto post = postNameAt(i);
      if (!post.length) continue;
      std::size_t k = i + (mention.joined ? mention.post.length : post.length);
      // "United States Ambassador to the United Nations Linda Thomas-Greenfield"
      const auto to = postedTo(k);
      for (const std::size_t n : {k, to ? to->last + 1 : k}) {
        if (n < tokens_.size() && !view_.punctuatedBefore(n)) {
          if (auto last = scanName(n); last && !hitCovering(n)) addCandidate(n, *last);
        }
        if (!to) break;
      }
      const auto of = ofEntity(k);
      if (of) {
        nameBeforePost(i);
        std::size_t after = of->last + 1;
        if (after < tokens_.size() && view_.gapBefore(after).find(U',') != std::u32string_view::npos) {
          const std::size_t n = skipHonorifics(after);
          auto last = scanName(n);
          if (!last || *last == n) last = capitalsName(n);
          if (last && *last > n && !hitCovering(n)) addCandidate(n, *last);
        }
      }
    }
    namesInCapitals();
    resolvePersons();
    // "ABDULAZIZ ALWASIL (Saudi Arabia) recalled": the State in brackets is the speaker's.
    for (const auto& [first, state] : bracketedStates_) {
      if (const auto* pm = personAt(first); pm && !persons_[pm->person].speaksFor) persons_[pm->person].speaksFor = state;
    }
  }

  // Names written in capitals, as UN meetings coverage writes speakers: "**MUNIR AKRAM**,
  // Permanent Representative of Pakistan", "Türkiye's Permanent Representative, SEDAT ÖNAL,",
  // "ABDULAZIZ ALWASIL (Saudi Arabia) recalled". Capitals alone say nothing (a heading is in
  // capitals too): a post right after or before, or a State in brackets after, says it is a name.
  void namesInCapitals() {
    for (const std::uint32_t k : view_.capitalised()) {
      // A run's start only, and the cheap test first: most words in capitals are acronyms alone.
      if (!tokens_[k].allUpper || k + 1 >= tokens_.size() || !tokens_[k + 1].allUpper) continue;
      if (k > 0 && tokens_[k - 1].allUpper && joinedInName(k)) continue;
      const auto last = capitalsName(k);
      if (!last) continue;
      const std::size_t after = *last + 1;
      const bool comma = after < tokens_.size() && view_.gapBefore(after).find(U',') != std::u32string_view::npos;
      const std::size_t postStart = comma ? skipArticles(after) : tokens_.size();
      const bool postAfter = postStart < tokens_.size() && postNameAt(postStart).length;
      const bool postBefore = k > 0 && view_.gapBefore(k).find(U',') != std::u32string_view::npos &&
                              std::any_of(postMentions_.begin(), postMentions_.end(),
                                          [&](const PostMention& p) { return p.token + p.post.length == k; });
      const auto bracketed = stateInBrackets(after);
      if (!postAfter && !postBefore && !bracketed) continue;
      addCandidate(k, *last);
      if (bracketed) bracketedStates_.emplace_back(k, *bracketed);
    }
  }

  // Two to five words in capitals from token k joined by blanks or hyphens, none a known name,
  // cue or post: the last one's token, or nullopt.
  std::optional<std::size_t> capitalsName(std::size_t k) const {
    std::size_t j = k;
    for (; j < tokens_.size() && j < k + 5; ++j) {
      const Token& word = tokens_[j];
      if (!word.allUpper || word.display.size() < 2 || hitCovering(j) || postNameAt(j).length) break;
      if (const Cue cue = cueAt(j); cue != Cue::None && cue != Cue::Particle) break;
      if (j > k && !joinedInName(j)) break;
    }
    if (j - k < 2) return std::nullopt;
    return j - 1;
  }
  bool joinedInName(std::size_t k) const {
    const std::u32string_view gap = view_.gapBefore(k);
    return gap == U" " || gap == U"-";
  }

  // The State in brackets starting at token k: "(Saudi Arabia)".
  std::optional<Hit> stateInBrackets(std::size_t k) const {
    if (k >= tokens_.size() || view_.gapBefore(k).find(U'(') == std::u32string_view::npos) return std::nullopt;
    const Hit* h = hitStartingAt(k);
    if (!h || h->type != EntityType::State || h->last + 1 >= tokens_.size()) return std::nullopt;
    if (view_.gapBefore(h->last + 1).find(U')') == std::u32string_view::npos) return std::nullopt;
    return *h;
  }

  // "Sameh Shoukry, Foreign Minister of Egypt,": two to four name words, without a title, just
  // before the comma before a post (and its article) at token i.
  void nameBeforePost(std::size_t i) {
    std::size_t before = i;
    while (before > 0 && isArticle(tokens_[before - 1]) && !view_.punctuatedBefore(before)) --before;
    // Blanks may be line breaks: a converted PDF is hard-wrapped.
    const auto blank = [](std::u32string_view gap) { return !gap.empty() && gap.find_first_not_of(U" \n") == std::u32string_view::npos; };
    const std::u32string_view comma = before < 2 ? std::u32string_view() : view_.gapBefore(before);
    if (comma.empty() || comma.front() != U',' || !blank(comma.substr(1))) return;
    // Words of one name are joined by blanks or hyphens ("Dya-Eddine Saïd Bamakhrama").
    const auto joined = [&](std::size_t k) {
      const std::u32string_view gap = view_.gapBefore(k);
      return (blank(gap) || gap == U"-") && nameWord(k - 1) && !hitCovering(k - 1);
    };
    std::size_t first = before - 1;
    if (!nameWord(first) || hitCovering(first)) return;
    while (first > 0 && before - first < 5 && joined(first)) --first;
    // Not a part of a longer name: all of it, or none.
    if (first > 0 && joined(first)) return;
    if (before - first >= 2 && scanName(first) == before - 1) addCandidate(first, before - 1);
  }

  void resolvePersons() {
    std::sort(candidates_.begin(), candidates_.end(), [](const auto& a, const auto& b) {
      return (a.second - a.first) > (b.second - b.first) || ((a.second - a.first) == (b.second - b.first) && a.first < b.first);
    });
    // Persons by their first and by their last word: a candidate matches only persons sharing
    // one of them, so matching stays linear in long documents with many persons. An index gives
    // the first person (by number, index plus one) with the word, whose chain in Person gives
    // the others in order: the keys are the persons' own tokens, no node nor list per word.
    if (candidates_.empty()) return;  // no person: none is indexed, nor looked for
    const auto firstWordOf = [this](std::uint32_t number) { return tokens_[persons_[number - 1].firstSpan.first].fold; };
    const auto lastWordOf = [this](std::uint32_t number) { return tokens_[persons_[number - 1].firstSpan.second].fold; };
    KeyIndex byFirst;
    KeyIndex byLast;
    // Chains the person numbered `number` after the others with its word, or starts its word's chain.
    const auto index = [&](KeyIndex& byWord, const auto& wordOf, std::uint32_t Person::*next, std::uint32_t number) {
      const std::string_view word = wordOf(number);
      const std::uint64_t hash = Vocabulary::hashOf(word);
      std::uint32_t last = byWord.find(word, hash, wordOf);
      if (last == KeyIndex::kNone) {
        byWord.insert(word, hash, number, wordOf, &Vocabulary::hashOf);
        return;
      }
      while (persons_[last - 1].*next) last = persons_[last - 1].*next;
      persons_[last - 1].*next = number;
    };
    const auto sameWord = [](const Token& a, const Token& b) { return a.fold == b.fold; };
    personMentions_.reserve(candidates_.size());  // a mention per candidate at most, then the surnames alone
    persons_.reserve(candidates_.size());  // a person per candidate at most: not regrown
    for (const auto& [first, last] : candidates_) {
      const auto words = tokens_.subspan(first, last - first + 1);
      // The persons sharing its first or its last word, walked in order along both chains at
      // once (one sharing both is tried once).
      std::uint32_t sameFirst = byFirst.find(words.front().fold, Vocabulary::hashOf(words.front().fold), firstWordOf);
      std::uint32_t sameLast = byLast.find(words.back().fold, Vocabulary::hashOf(words.back().fold), lastWordOf);
      std::optional<std::size_t> match;
      while (!match && (sameFirst || sameLast)) {
        const std::uint32_t number = !sameLast || (sameFirst && sameFirst < sameLast) ? sameFirst : sameLast;
        if (sameFirst == number) sameFirst = persons_[number - 1].nextSameFirst;
        if (sameLast == number) sameLast = persons_[number - 1].nextSameLast;
        const std::size_t p = number - 1;
        const auto [knownFirst, knownLast] = persons_[p].firstSpan;
        const auto known = tokens_.subspan(knownFirst, knownLast - knownFirst + 1);
        const bool suffix = words.size() <= known.size() && std::equal(words.rbegin(), words.rend(), known.rbegin(), sameWord);
        const bool sameLastWord = sameWord(words.back(), known.back()) && words.size() >= 2 && known.size() >= 2 &&
                                  sameWord(words.front(), known.front());
        const bool prefix =
            words.size() < known.size() && std::equal(words.begin(), words.end(), known.begin(), sameWord) && words.size() >= 2;
        if (suffix || sameLastWord || prefix) match = p;
      }
      if (!match) {
        std::size_t real = 0;
        for (std::size_t k = first; k <= last; ++k) real += isParticle(tokens_[k]) ? 0 : 1;
        if (real < 2) continue;
        Person& person = persons_.emplace_back();
        person.name = nameText(first, last);
        person.iri = personIri(options_.baseIri, person.name);
        person.firstSpan = {first, last};
        const auto number = static_cast<std::uint32_t>(persons_.size());
        index(byFirst, firstWordOf, &Person::nextSameFirst, number);
        index(byLast, lastWordOf, &Person::nextSameLast, number);
        match = persons_.size() - 1;
      }
      personMentions_.push_back({first, last, *match});
    }
    // The surname alone elsewhere in the text ("Madani", "Mr. Akdağ") is a mention too.
    // Tokens already in a person mention are marked once, so this stays linear in the text.
    Flags& inMention = marks(tokens_.size());
    for (const auto& m : personMentions_) {
      for (std::size_t k = m.first; k <= m.last && k < tokens_.size(); ++k) inMention[k] = true;
    }
    // Each token goes to the first person with its surname, the head of its chain (no scan
    // where none is known). A bit per surname, from its length and first letter, turns most
    // capitalised words away before their fold is hashed (the last letter as well would cost
    // more to read than the few more words it turns away).
    const auto surnameBit = [](std::string_view fold) {
      const unsigned first = fold.empty() ? 0u : static_cast<unsigned char>(fold.front()) * 7u;
      return std::uint64_t{1} << ((first + fold.size()) & 63);
    };
    std::uint64_t surnames = 0;
    for (const auto& person : persons_) surnames |= surnameBit(tokens_[person.firstSpan.second].fold);
    for (const std::uint32_t k : persons_.empty() ? std::span<const std::uint32_t>() : view_.capitalised()) {
      if (!tokens_[k].upper || !(surnames & surnameBit(tokens_[k].fold)) || inMention[k] || hitCovering(k)) continue;
      const std::uint32_t firstPerson = byLast.find(tokens_[k].fold, Vocabulary::hashOf(tokens_[k].fold), lastWordOf);
      if (firstPerson == KeyIndex::kNone) continue;
      personMentions_.push_back({k, k, firstPerson - 1});
    }
    std::sort(personMentions_.begin(), personMentions_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    // Index by first and last token (the first mention in this order wins, as a scan would find).
    personsAt_.clear(tokens_.size());
    for (std::size_t n = 0; n < personMentions_.size(); ++n) {
      personsAt_.add(FirstAt::kStarting, personMentions_[n].first, n);
      personsAt_.add(FirstAt::kEnding, personMentions_[n].last, n);
    }
  }

  const PersonMention* personAt(std::size_t token) const { return personsAt_.in(FirstAt::kStarting, personMentions_, token); }
  const PersonMention* personEndingAt(std::size_t token) const {
    return personsAt_.in(FirstAt::kEnding, personMentions_, token);
  }

  // Where the line holding `position` starts, from the index of line breaks (no scan back, so a
  // document on one long line stays linear).
  std::size_t lineStartAt(std::size_t position) const {
    const auto after = std::lower_bound(lineBreaks_.begin(), lineBreaks_.end(), position);
    return lineStartBefore(static_cast<std::size_t>(after - lineBreaks_.begin()));
  }
  // Where the line ending at line break n (or at the text's end, n being their count) starts.
  std::size_t lineStartBefore(std::size_t n) const { return n == 0 ? 0 : lineBreaks_[n - 1] + 1; }
  std::size_t lineStartOf(std::size_t token) const { return lineStartAt(tokens_[token].start); }
  // The first token starting at or after `position`.
  std::size_t firstTokenFrom(std::size_t position) const {
    return static_cast<std::size_t>(
        std::lower_bound(tokens_.begin(), tokens_.end(), position, [](const Token& t, std::size_t p) { return t.start < p; }) -
        tokens_.begin());
  }

  // A line that is an item of a list or a row of a table: a bullet, a table bar, an indent, or
  // dotted leaders ("Malaysia ........ H.E. ..."). Numbered paragraphs are not items.
  bool listItem(std::size_t lineStart) const {
    const auto& text = view_.text();
    std::size_t k = lineStart;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
    if (k >= text.size() || text[k] == '\n') return false;
    const char32_t c = text[k];
    if (k - lineStart >= 2 || c == '-' || c == '*' || c == '|' || c == U'\u2022' || c == U'\u2013' || c == U'\u2014')
      return true;
    const auto lineBreak = std::lower_bound(lineBreaks_.begin(), lineBreaks_.end(), k);
    const std::size_t end = lineBreak == lineBreaks_.end() ? text.size() : *lineBreak;
    return std::u32string_view(text).substr(k, end - k).find(U"....") != std::u32string_view::npos;
  }

  // Whether token k, on the line starting at lineStart, is the first word of the item on it,
  // after the bullet and articles ("- Republic of Djibouti", "**Malaysia** —"), not a state
  // inside an item's sentence. Read back from k: for most states the word before tells.
  bool opensItem(std::size_t lineStart, std::size_t k) const {
    if (isArticle(tokens_[k])) return false;
    std::size_t first = k;
    while (first > 0 && tokens_[first - 1].start >= lineStart && isArticle(tokens_[first - 1])) --first;
    return first == 0 || tokens_[first - 1].start < lineStart;
  }

  // The line a list hangs from: the first line above it that is neither an item nor blank.
  std::optional<std::size_t> listIntro(std::size_t lineStart) const {
    const auto& text = view_.text();
    while (lineStart > 0) {
      std::size_t previous = lineStart - 1;
      while (previous > 0 && text[previous - 1] != '\n') --previous;
      const auto line = text.substr(previous, lineStart - 1 - previous);
      const bool blank = line.find_first_not_of(U" \t\r\f") == std::u32string::npos;
      if (!blank && !listItem(previous)) return previous;
      lineStart = previous;
    }
    return std::nullopt;
  }

  // An intro line that names participants: an attendance sentence, or a short heading such as
  // "PRESENT" or "Liste des participants".
  bool introducesParticipants(std::size_t lineStart, const std::vector<SentenceFacts>& sentences) const {
    const auto& text = view_.text();
    const std::size_t lineEnd = std::min(text.find(U'\n', lineStart), text.size());
    std::size_t words = 0;
    bool heading = false;
    for (std::size_t i = firstTokenFrom(lineStart); i < tokens_.size() && tokens_[i].start < lineEnd; ++i) {
      ++words;
      if (sentences[tokens_[i].sentence].attend) return true;
      std::size_t length = 0;
      if (cueAt(i, &length) == Cue::AttendHeading) heading = true;
    }
    return heading && words <= 6;
  }

  std::size_t skipArticles(std::size_t k) const {
    while (k < tokens_.size() && isArticle(tokens_[k])) ++k;
    return k;
  }

  // ---- posts -----------------------------------------------------------------------------
  // The State or Organization a post at token k belongs to: "of the People's Republic of
  // Bangladesh", "de l'OCI", without punctuation in between.
  std::optional<Hit> ofEntity(std::size_t k) const {
    if (k >= tokens_.size()) return std::nullopt;
    // "Président de la République de Türkiye": the state's name began inside the post.
    if (k > 0) {
      if (const Hit* h = hitCovering(k - 1); h && h->last >= k && (h->type == EntityType::State || h->type == EntityType::Organization))
        return *h;
    }
    if (!words_.ofs[tokens_[k].word]) return std::nullopt;
    for (std::size_t j = k; j < tokens_.size() && j < k + 8; ++j) {
      if (j > k && (view_.punctuatedBefore(j) || startsItem(j))) return std::nullopt;
      if (const Hit* h = hitStartingAt(j); h && (h->type == EntityType::State || h->type == EntityType::Organization)) {
        return *h;
      }
      if (postNameAt(j).length && j > k) return std::nullopt;
    }
    return std::nullopt;
  }

  // A post whose name runs on past the gazetteer's: "Minister of Foreign Affairs, International
  // Cooperation and Gambians Abroad of the Republic of The Gambia", "Deputy Prime Minister and
  // Minister of Foreign Affairs of the State of Qatar", "ministre des Affaires étrangères et des
  // Expatriés de l'État de Palestine", or, its State or body named before it, "OIC Assistant
  // Secretary General for Political Affairs,", "ministre palestinien des Affaires étrangères et
  // des Expatriés,".
  struct LongerPost {
    std::optional<Hit> of;  // the State or body named after it, if it was not named before
    std::string name;
    std::size_t tail = 0;  // the token after the name and its "of X"
  };
  std::optional<LongerPost> longerPost(std::size_t after, std::string_view english, bool ofBefore) const {
    if (after >= tokens_.size()) return std::nullopt;
    LongerPost longer{std::nullopt, std::string(english), after};
    const auto end = language_ == "fr" ? frenchPortfolios(after, longer.name) : englishPortfolios(after, ofBefore, longer.name);
    if (!end) return std::nullopt;
    const std::size_t k = *end;
    longer.tail = k;
    if (ofBefore) {
      // The name ends at punctuation.
      if (k < tokens_.size() && view_.gapBefore(k).find_first_of(kPostNameEnds) == std::u32string_view::npos) return std::nullopt;
      return longer;
    }
    // Else its State or body follows at once: "of the State of Qatar", "de l'État de Palestine".
    if (k >= tokens_.size() || !words_.ofs[tokens_[k].word] || view_.gapBefore(k).find(U',') != std::u32string_view::npos)
      return std::nullopt;
    const Hit* of = hitStartingAt(skipArticles(k + 1));
    if (!of || (of->type != EntityType::State && of->type != EntityType::Organization)) return std::nullopt;
    longer.of = *of;
    longer.tail = of->last + 1;
    return longer;
  }
  static constexpr std::u32string_view kPostNameEnds = U",;:(\n";

  // English: capitalised words joined by spaces, commas, "and" or "for", recorded as written;
  // named after its body, the post goes on with "for" ("for Political Affairs"). Appends them to
  // `name` and returns the token after them.
  std::optional<std::size_t> englishPortfolios(std::size_t after, bool ofBefore, std::string& name) const {
    if (ofBefore && tokens_[after].fold != "for") return std::nullopt;
    std::size_t k = after;
    while (k < tokens_.size() && k < after + 12 && tokens_[k].fold != "of") {
      const Token& word = tokens_[k];
      const std::u32string_view gap = view_.gapBefore(k);
      if (ofBefore && k > after && gap.find_first_of(kPostNameEnds) != std::u32string_view::npos) break;
      if (gap.find_first_not_of(U" \n,") != std::u32string_view::npos) return std::nullopt;
      if (gap.find(U',') != std::u32string_view::npos && !word.upper) return std::nullopt;
      if (hitStartingAt(k) || personAt(k)) return std::nullopt;
      if (const auto inner = postNameAt(k); inner.length) {
        // Two posts held together: "Deputy Prime Minister and Minister of Foreign Affairs".
        if (k == after || tokens_[k - 1].fold != "and") return std::nullopt;
        k += inner.length;
        continue;
      }
      if (!(word.upper || word.fold == "and" || word.fold == "for")) return std::nullopt;
      ++k;
    }
    if (k == after || !tokens_[k - 1].upper) return std::nullopt;
    for (std::size_t j = after; j < k; ++j) {
      name += view_.gapBefore(j).find(U',') != std::u32string_view::npos ? ", " : " ";
      name += tokens_[j].display;
    }
    return k;
  }

  // French: portfolios of portfolios.tsv, each after its article, joined by commas or "et"
  // (", de la Coopération et des Sénégalais de l'extérieur"), recorded by their English names
  // joined the same way. A capitalised portfolio missing from the table leaves the post out
  // rather than recorded short. Appends them to `name` and returns the token after them.
  std::optional<std::size_t> frenchPortfolios(std::size_t after, std::string& name) const {
    std::size_t k = after;
    std::string names;
    while (const auto next = portfolioAt(k)) {
      const auto portfolio = g_.portfolioNames.longestAt(view_, next->start);
      if (!portfolio.length) return std::nullopt;
      names += next->afterEt ? " and " : ", ";
      names += g_.portfolios[portfolio.payload];
      k = next->start + portfolio.length;
    }
    if (k == after) return std::nullopt;
    name += names;
    return k;
  }

  // Where a French title goes on at token k with a portfolio, after "et" or a comma and its
  // article ("et des Expatriés": "Expatriés"), or nullopt.
  struct NextPortfolio {
    std::size_t start = 0;  // its first token
    bool afterEt = false;   // joined by "et", else by a comma
  };
  std::optional<NextPortfolio> portfolioAt(std::size_t k) const {
    if (k >= tokens_.size()) return std::nullopt;
    const bool afterEt = tokens_[k].fold == "et";
    if (!afterEt && view_.gapBefore(k).find(U',') == std::u32string_view::npos) return std::nullopt;
    const std::size_t j = afterEt ? k + 1 : k;
    const std::size_t start = skipArticles(j);
    if (start == j || start >= tokens_.size() || !tokens_[start].upper || hitStartingAt(start)) return std::nullopt;
    return NextPortfolio{start, afterEt};
  }

  // A State's or Organization's.
  const std::string& entityIri(const Hit& h) const {
    return h.type == EntityType::State ? iris_.states[h.index] : iris_.organizations[h.index];
  }

  void addPost(std::size_t person, std::string_view post, const Hit& of, std::size_t evidenceFirst, std::size_t evidenceLast) {
    const std::string& subject = persons_[person].iri;
    const std::string& object = entityIri(of);
    // A post held twice (same person, post and State or body, by their IRIs and text) is
    // recorded once: looked up by hash among the relations already added, no key made.
    std::uint64_t hash = iriHash(subject);
    hash = hash * 0x9E3779B97F4A7C15u ^ std::hash<std::string_view>{}(post);
    hash = hash * 0x9E3779B97F4A7C15u ^ iriHash(object);
    const auto byHash = [](const PostHeld& held, std::uint64_t h) { return held.hash < h; };
    auto at = std::lower_bound(postsHeld_.begin(), postsHeld_.end(), hash, byHash);
    for (; at != postsHeld_.end() && at->hash == hash; ++at) {
      const Relation& r = relations_[at->relation];
      if (r.subject == subject && r.object == post && *r.of == object) return;
    }
    postsHeld_.insert(at, PostHeld{hash, relations_.size()});
    addRelation(subject, "holdsPost", std::string(post), object, evidenceFirst, evidenceLast);
    persons_[person].speaksFor = of;
  }

  // More states after the first in "des ministres de l'Azerbaïdjan, du Royaume d'Arabie
  // saoudite et de la Turquie": each joined by a comma or "et"/"and" and an article. Calls
  // add(hit) for the first and each of them, in text order, so that no list is made.
  template <typename Add>
  void ofList(const Hit& first, const Add& add) const {
    add(first);
    std::size_t k = first.last + 1;
    while (k < tokens_.size()) {
      std::size_t j = k;
      if (tokens_[j].fold == "et" || tokens_[j].fold == "and") ++j;
      if (j >= tokens_.size()) break;
      const bool joined = j > k || view_.gapBefore(k).find(U',') != std::u32string_view::npos;
      if (!joined) break;
      const std::size_t start = j;
      while (j < tokens_.size() && j < start + 6 && !hitStartingAt(j) && !view_.punctuatedBefore(j + 1)) ++j;
      const Hit* h = hitStartingAt(j);
      if (!h || h->type != first.type || j - start > 5) break;
      add(*h);
      k = h->last + 1;
    }
  }

  // "Ambassador of Pakistan to the Kingdom of Saudi Arabia": the state posted to, if any.
  std::optional<Hit> postedTo(std::size_t k) const {
    if (k >= tokens_.size()) return std::nullopt;
    std::size_t length = 0;
    const bool to = tokens_[k].fold == "to" || tokens_[k].fold == "en" || cueAt(k, &length) == Cue::Abroad;
    if (!to) return std::nullopt;
    for (std::size_t j = k + 1; j < tokens_.size() && j < k + 7; ++j) {
      if (view_.punctuatedBefore(j)) return std::nullopt;
      if (const Hit* h = hitStartingAt(j)) return h->type == EntityType::Person ? std::nullopt : std::optional<Hit>(*h);
    }
    return std::nullopt;
  }

  std::optional<Hit> demonymAt(std::size_t k) const {
    if (k >= tokens_.size()) return std::nullopt;
    const auto state = g_.demonyms[tokens_[k].word];
    if (!state) return std::nullopt;
    return Hit{k, k, EntityType::State, *state};
  }

  // The posts of the whole text, once: findPersons, findPosts and mainAttendees all read them.
  void findPostMentions() {
    for (std::size_t i = nextTokenIn(words_.postWords, tokens_, 0); i < tokens_.size();
         i = nextTokenIn(words_.postWords, tokens_, i + 1)) {
      PostMention p{i, postNameAt(i), std::nullopt, std::nullopt};
      // A state adjective after the first word may sit inside a longer post.
      if (const auto inside = demonymAt(i + 1); inside && i + 2 < tokens_.size()) {
        if (const auto longer = postAroundAdjective(i); longer.length > p.post.length) p = {i, longer, inside, std::nullopt};
      }
      if (!p.post.length) continue;
      // A post inside the one before it ("ministre" in "vice-ministre des Affaires étrangères")
      // is that post, read short.
      if (!postMentions_.empty() && i < postMentions_.back().token + postMentions_.back().post.length) continue;
      if (!postMentions_.empty()) {
        PostMention& rank = postMentions_.back();
        if (!rank.joined && !rank.demonym && !p.demonym && g_.posts[rank.post.payload] == "Minister of State" &&
            rank.token + rank.post.length == i && view_.gapBefore(i) == U", ") {
          rank.joined = p.post.payload;
          rank.post.length = i + p.post.length - rank.token;
          continue;
        }
      }
      if (postMentions_.empty()) postMentions_.reserve(8);  // most reports name a few posts: no regrowth for them
      postMentions_.push_back(p);
    }
  }

  // The post at token i read without the state adjective after it ("ministre ivoirien des
  // Affaires étrangères"), its length counting the adjective; length 0 if there is none.
  PhraseIndex::Match postAroundAdjective(std::size_t i) const {
    const std::size_t from = tokens_[i + 2].start;
    const std::size_t to = std::min(view_.text().size(), from + 120);
    const TextView rest(std::string(tokens_[i].display) + " " + view_.slice(from, to), &g_.vocabulary);
    const auto longer = g_.postNames.longestAt(rest, 0);
    if (longer.length < 2) return {};
    return {longer.length + 1, longer.payload};
  }

  // How a post names the state or body it is accredited to: "Saudi Arabia", "the United
  // Nations", "the OIC" (the acronym when the text uses it).
  std::string postLabel(const Hit& to) const {
    if (to.type == EntityType::State) return g_.states[to.index].label;
    const auto& org = g_.organizations[to.index];
    const bool acronym = to.first == to.last && tokens_[to.first].allUpper;
    return "the " + (acronym ? org.key : org.label);
  }

  void findPosts() {
    postsHeld_.reserve(postMentions_.size());  // a post held per post named at most
    for (const auto& [i, post, demonym, joined] : postMentions_) {
      // The gazetteer's name of the post, copied only for the few that name where they are posted.
      std::string_view english = g_.posts[post.payload];
      std::string postedEnglish;
      if (joined) {
        postedEnglish = std::string(english) + ", " + g_.posts[*joined];
        english = postedEnglish;
      }
      const std::size_t after = i + post.length;
      std::optional<Hit> of;
      std::size_t tail = after;  // the token after the post and its "of X"
      if (demonym) {
        of = demonym;
      } else if (auto explicitOf = ofEntity(after)) {
        of = explicitOf;
        tail = of->last + 1;
      } else if (auto longer = longerPost(after, english, false)) {
        of = longer->of;
        tail = longer->tail;
        postedEnglish = std::move(longer->name);
        english = postedEnglish;
      } else if (auto adjective = demonymAt(after); adjective && !view_.punctuatedBefore(after)) {
        // "le président djiboutien"
        of = adjective;
        tail = after + 1;
      } else if (auto before = i > 0 ? demonymAt(i - 1) : std::nullopt; before && !view_.punctuatedBefore(i)) {
        // "the Turkish President"
        of = before;
      } else if (i >= 2 && tokens_[i - 1].fold == "s") {
        // "Egypt's Foreign Minister"
        if (const Hit* h = hitCovering(i - 2); h && (h->type == EntityType::State || h->type == EntityType::Organization)) of = *h;
      } else if (i >= 1 && !view_.punctuatedBefore(i)) {
        // "OIC Secretary General", "UN Under-Secretary-General"
        if (const Hit* h = hitCovering(i - 1); h && h->last == i - 1) {
          of = *h;
        } else if (g_.isWord(Cue::Possessive, tokens_[i - 1])) {
          // "Malaysia ... chaired by its Foreign Minister", "Côte d'Ivoire, whose Minister"
          for (const auto& h2 : hits_) {
            if (h2.type == EntityType::State && h2.last < i && tokens_[h2.first].sentence == tokens_[i].sentence) of = h2;
          }
        }
      }
      if (!of) {
        // "King Salman bin Abdulaziz Al Saud of Saudi Arabia": POST NAME of X.
        if (const auto* pm = personAt(skipHonorifics(after)); pm && !view_.punctuatedBefore(after)) {
          if (auto late = ofEntity(pm->last + 1)) addPost(pm->person, english, *late, i, late->last);
        } else {
          rowPost(i, post, english);
        }
        continue;
      }
      // Its State or body named before it: "OIC Assistant Secretary General for Political Affairs".
      if (tail == after) {
        if (auto longer = longerPost(after, english, true)) {
          tail = longer->tail;
          postedEnglish = std::move(longer->name);
          english = postedEnglish;
        } else if (language_ == "fr" && portfolioAt(after)) {
          continue;  // a portfolio portfolios.tsv lacks: left out rather than recorded short
        }
      }
      // A post that is not held any more ("former Secretary-General", "feu le président").
      const std::size_t start = std::min(i, of->first);
      if (start > 0 && g_.isWord(Cue::Former, tokens_[start - 1])) continue;
      // "Ambassador of Pakistan to the Kingdom of Saudi Arabia", "Observateur permanent de l'OCI
      // auprès de l'Organisation des Nations Unies".
      if (english == "Ambassador" || english == "Permanent Observer" || english == "Permanent Representative") {
        if (auto to = postedTo(tail)) {
          postedEnglish = std::string(english) + " to " + postLabel(*to);
          english = postedEnglish;
          tail = to->last + 1;
        }
      }
      // POST of X, NAME; in a list, "Secretary General of the OIC ...... H.E. Mr. NAME"
      if (tail < tokens_.size() && (view_.gapBefore(tail).find(U',') != std::u32string_view::npos || leadsRowTo(tail))) {
        if (const auto* pm = personAt(skipHonorifics(tail))) {
          addPost(pm->person, english, *of, i, pm->last);
          continue;
        }
      }
      // POST NAME ("Foreign Minister Asif", "Iran's President Hassan Rouhani")
      if (const auto* pm = personAt(skipHonorifics(tail)); pm && !view_.punctuatedBefore(tail)) {
        addPost(pm->person, english, *of, i, pm->last);
        continue;
      }
      // NAME, POST of X
      std::size_t before = of->first < i ? of->first : i;
      while (before > 0 && isArticle(tokens_[before - 1]) && !view_.punctuatedBefore(before)) --before;
      if (before > 0 && view_.gapBefore(before).find(U',') != std::u32string_view::npos) {
        if (const auto* pm = personEndingAt(before - 1)) addPost(pm->person, english, *of, pm->first, of->last);
      }
    }
  }

  // Whether token k is the first of an item of a list: "président de la session\n- **Burkina
  // Faso** : ..." does not run on into the next item.
  bool startsItem(std::size_t k) const {
    return view_.gapBefore(k).find(U'\n') != std::u32string_view::npos && listItem(lineStartOf(k));
  }

  // Whether an item of a list ends before token k: a post read there is all of the post
  // ("..., Minister of Foreign Affairs\n"), not the start of a longer one ("ministre des
  // Affaires étrangères, de la Coopération et des Burkinabè de l'extérieur").
  bool endsItem(std::size_t k) const {
    return k >= tokens_.size() || view_.gapBefore(k).find_first_of(U"\n|(") != std::u32string_view::npos;
  }

  // Whether the gap before token k, in an item of a list or a row of a table, is what separates
  // its columns: a bar, a dash, a colon or dotted leaders.
  bool leadsRowTo(std::size_t k) const {
    const std::u32string_view gap = view_.gapBefore(k);
    const bool separator =
        gap.find_first_of(U"|:\u2013\u2014") != std::u32string_view::npos || gap.find(U"....") != std::u32string_view::npos;
    return separator && listItem(lineStartOf(k));
  }

  // A row of a table or of an attendance list that names a State, its delegate and the
  // delegate's post: "| Republic of Turkey | H.E. Recep Akdağ | Deputy Prime Minister |",
  // "- **Republic of Azerbaijan** — H.E. Mr. Elmar Mammadyarov, Minister of Foreign Affairs",
  // "Malaysia ........ H.E. Dato' Sri Saifuddin Abdullah, Minister of Foreign Affairs".
  void rowPost(std::size_t postToken, const PhraseIndex::Match& post, std::string_view english) {
    const std::u32string_view gap = view_.gapBefore(postToken);
    const bool tableCell = gap.find(U'|') != std::u32string_view::npos;
    if (!tableCell && gap.find(U',') == std::u32string_view::npos) return;
    const std::size_t lineStart = lineStartOf(postToken);
    if (!tableCell && !listItem(lineStart)) return;
    std::optional<Hit> state;
    const PersonMention* person = nullptr;
    // A row is short: look at most 200 words back, so a document on one long line with bars in
    // it stays linear.
    const std::size_t from = std::max(firstTokenFrom(lineStart), postToken > 200 ? postToken - 200 : 0);
    for (std::size_t k = from; k < postToken; ++k) {
      if (const Hit* h = hitStartingAt(k); h && !state && h->type == EntityType::State) state = *h;
      if (const auto* pm = personAt(k); pm) person = pm;
    }
    if (!state || !person) return;
    // Outside a table, the State opens the item and the post follows its holder's name:
    // a State named inside an item's sentence is not the delegate's.
    const bool delegate = opensItem(lineStart, state->first) && person->last + 1 == postToken;
    if (!tableCell && !(delegate && endsItem(postToken + post.length))) return;
    addPost(person->person, english, *state, state->first, postToken);
  }

  // ---- meetings --------------------------------------------------------------------------
  std::optional<std::size_t> dateStartingIn(std::size_t from, std::size_t to) const {
    const auto after = startingFrom(dates_, from);
    if (after.empty() || after.front().first >= to) return std::nullopt;
    return dates_.size() - after.size();
  }

  // A new clause starts at token k: after ';' or at ", and" / ", et".
  bool clauseEnds(std::size_t k) const {
    bool comma = false;
    for (const char32_t c : view_.gapBefore(k)) {  // one pass over the gap for both marks
      if (c == U';') return true;
      comma = comma || c == U',';
    }
    return comma && (tokens_[k].fold == "and" || tokens_[k].fold == "et");
  }

  // Out of line, as addEntities: GCC inlines either after unrelated edits elsewhere in this file
  // (into buildMeetings, into extract), which costs 0.2 M more instructions per 300 reports.
  [[gnu::noinline]] std::vector<MeetingDraft> meetingMentions() const {
    std::vector<MeetingDraft> out;
    std::size_t next = 0;  // the first token after the last mention read
    for (std::size_t i = nextTokenIn(words_.meetingWords, tokens_, 0); i < tokens_.size();
         i = nextTokenIn(words_.meetingWords, tokens_, i + 1)) {
      if (i < next) continue;
      const WordId word = tokens_[i].word;
      const auto m = g_.seriesNames.longestAt(view_, i);
      std::string_view series;
      std::size_t last = i;
      if (m.length) {
        series = g_.series[m.payload].key;
        last = i + m.length - 1;
      } else if (word == words_.session && i > 0 && ordinalAt(i - 1)) {
        series = "session";
      } else if (words_.summits[word] && i > 0 && ordinalAt(i - 1)) {
        series = "summit";
      } else {
        continue;
      }
      next = last + 1;
      // Not inside a document symbol ("OIC/ACM-2017/MALI-REP").
      static constexpr std::u32string_view slash = U"/";  // its length counted once, at compile time
      if (view_.gapBefore(i) == slash || (last + 1 < tokens_.size() && view_.gapBefore(last + 1) == slash)) continue;
      MeetingDraft draft;
      draft.series = series;
      draft.label = m.length ? g_.series[m.payload].label : series;
      draft.first = i;
      draft.last = last;
      for (std::size_t back = 1; back <= 3 && i >= back; ++back) {
        if (const int n = ordinalAt(i - back)) {
          draft.ordinal = n;
          break;
        }
      }
      // "session of the Council of Foreign Ministers": the series named right after wins.
      if (!out.empty() && out.back().series == "session" && i - out.back().last <= 4 && series != "session") {
        draft.ordinal = draft.ordinal ? draft.ordinal : out.back().ordinal;
        draft.first = out.back().first;
        out.pop_back();
      }
      if (out.empty()) out.reserve(8);  // most reports name a few meetings: no regrowth for them
      out.push_back(std::move(draft));
    }
    // Date and place stated after each mention, in the same sentence, before the next mention.
    for (std::size_t n = 0; n < out.size(); ++n) {
      auto& draft = out[n];
      const std::size_t sentence = tokens_[draft.first].sentence;
      std::size_t end = draft.last + 1;
      while (end < tokens_.size() && end < draft.last + 30 && tokens_[end].sentence == sentence &&
             (n + 1 >= out.size() || end < out[n + 1].first) && !clauseEnds(end))
        ++end;
      if (const auto d = dateStartingIn(draft.last + 1, end)) {
        draft.date = dates_[*d].start;
        draft.end = dates_[*d].end;
        draft.dateToken = dates_[*d].first;
      }
      for (const auto& h : startingFrom(hits_, draft.last + 1)) {
        if (h.first >= end) break;
        if (h.type != EntityType::Place || !locative(h.first)) continue;
        draft.place = h.index;
        draft.placeToken = h.first;
        break;
      }
    }
    return out;
  }

  // The ordinal ending at token k: "46th", "13e", "13<sup>ème</sup>", "eleventh", "forty-sixth".
  int ordinalAt(std::size_t k) const {
    if (const int n = ordinalOf(tokens_[k])) return n;
    // The suffix written apart, in a tag: "46<sup>e</sup>", "73<sup>rd</sup>".
    if (k > 0 && words_.ordinalSuffixes[tokens_[k].word] && tokens_[k - 1].digits) {
      const std::u32string_view gap = view_.gapBefore(k);
      const auto n = asciiNumber(tokens_[k - 1].fold);
      if (!gap.empty() && gap.front() == U'<' && gap.size() <= 6 && n && *n < 1000) return *n;
    }
    const int unit = g_.ordinals[tokens_[k].word];
    if (!unit) return 0;
    if (k > 0 && view_.gapBefore(k) == U"-") {
      const int tens = g_.ordinals[tokens_[k - 1].word];
      if (tens >= 20 && unit < 10) return tens + unit;
    }
    return unit;
  }

  // A place stated as where a meeting was held: after "à", "in", "at", or in brackets.
  bool locative(std::size_t k) const {
    if (k == 0) return true;
    if (view_.gapBefore(k).find(U'(') != std::u32string_view::npos) return true;
    const std::string_view f = tokens_[k - 1].fold;
    return f == "a" || f == "in" || f == "at" || f == "au" || f == "dans";
  }

  // The last token of what a mention of another meeting says about it: up to its date or
  // place if it gives them, else to the end of the clause.
  std::size_t aboutEnd(const MeetingDraft& d) const {
    std::size_t end = std::max(d.last, std::max(d.dateToken, d.placeToken));
    if (d.date || d.place) {
      if (const DateHit* date = dateStartingAt(dates_, d.dateToken); d.date && date) end = std::max(end, date->last);
      return end;
    }
    // A bracketed restatement ("(CIMAE)") is a mention of its own, with its own span.
    end = d.last;
    if (end + 1 < tokens_.size() && view_.gapBefore(end + 1).find(U'(') != std::u32string_view::npos) return end;
    while (end + 1 < tokens_.size() && tokens_[end + 1].sentence == tokens_[d.last].sentence && !clauseEnds(end + 1)) ++end;
    return end;
  }

  const std::string& placeIriOf(std::size_t index) const {
    return index < iris_.places.size() ? iris_.places[index] : localPlaceIris_[index - iris_.places.size()];
  }

  // A meeting's full date, as its label, IRI and record give it: made once for the three.
  static std::optional<std::string> fullDateOf(const MeetingDraft& d) {
    if (d.date && d.date->year) return d.date->iso();
    return std::nullopt;
  }

  std::string meetingIriOf(const MeetingDraft& d, const std::optional<std::string>& date) const {
    std::optional<std::string> place;
    if (d.place) place = this->place(*d.place).name;
    std::string body(d.series);
    if (const auto topic = topicOf(d); !topic.empty()) {
      body += '-';
      body += topic;
    }
    if (d.ordinal) {
      body += '-';
      body += std::to_string(d.ordinal);
    }
    return meetingIri(options_.baseIri, body, date, place);
  }

  // Contact groups meet side by side on the same day in the same city; what tells them apart is
  // their topic, the first state or place named right after the mention ("Contact Group on Jammu
  // and Kashmir", "Groupe de contact sur le Mali").
  std::string topicOf(const MeetingDraft& d) const {
    if (d.series != "contact-group") return "";
    for (const auto& h : startingFrom(hits_, d.last + 1)) {
      if (h.first > d.last + 8) break;
      if (tokens_[h.first].sentence != tokens_[d.last].sentence) continue;
      if (h.type == EntityType::State) return slug(g_.states[h.index].iso3);
      if (h.type == EntityType::Place) return slug(place(h.index).name);
    }
    return "";
  }

  bool sentenceHasCue(std::size_t sentence, std::initializer_list<Cue> kinds) const {
    // Each kind's starts are in text order, so in sentence order: a binary search finds whether
    // one lies in the sentence.
    for (const Cue kind : kinds) {
      const auto starts = cueStarts(kind);
      const auto it = std::lower_bound(starts.begin(), starts.end(), sentence,
                                       [this](std::size_t i, std::size_t s) { return tokens_[i].sentence < s; });
      if (it != starts.end() && tokens_[*it].sentence == sentence) return true;
    }
    return false;
  }

  void buildMeetings() {
    auto mentions = meetingMentions();
    // The main meeting: the first meeting named, its date the first full date that is not a
    // news dateline ("LA MECQUE, 1er juin 2019 –"), its place the first city named.
    MeetingDraft main;
    if (!mentions.empty()) main = mentions.front();
    main.date.reset();
    main.end.reset();
    main.place.reset();
    for (const auto& d : dates_) {
      if (!d.start.year) continue;
      if (d.last + 1 < tokens_.size()) {
        const auto gap = view_.gapBefore(d.last + 1);
        if (gap.find(U'\u2013') != std::u32string_view::npos || gap.find(U'\u2014') != std::u32string_view::npos) continue;
      }
      main.date = d.start;
      main.end = d.end;
      break;
    }
    // A release is dated after the event it reports: when the first paragraphs say someone took
    // part, chaired or opened on a date up to a week before the first one ("New York, le 26
    // septembre 2019 ... a pris part le mercredi 25 septembre 2019"), or give that date in a
    // sentence naming the meeting ("lundi 2 septembre 2024 ... les 29 et 30 août 2024, la capitale
    // a vécu au rythme de la 50e session du Conseil"), that earlier date is the meeting's.
    if (main.date) {
      const auto day = [](const CalendarDate& c) {
        return std::chrono::sys_days(std::chrono::year(c.year) / c.month / c.day).time_since_epoch().count();
      };
      const std::size_t from = [&] {
        for (const auto& d : dates_) {
          if (d.start == *main.date) return d.last;
        }
        return std::size_t{0};
      }();
      const auto namesMeeting = [&](std::size_t sentence) {
        return std::any_of(mentions.begin(), mentions.end(), [&](const MeetingDraft& m) {
          return m.series == main.series && tokens_[m.first].sentence == sentence;
        });
      };
      // A first date given anywhere with the meeting is its own, not a release's.
      const bool firstNamesMeeting = std::any_of(dates_.begin(), dates_.end(), [&](const DateHit& d) {
        return d.start == *main.date && namesMeeting(tokens_[d.first].sentence);
      });
      for (const auto& d : dates_) {
        if (d.first <= from || d.first > from + 80 || !d.start.year || inBackground(d.first)) continue;
        const std::size_t sentence = tokens_[d.first].sentence;
        const bool givenWithMeeting = !firstNamesMeeting && namesMeeting(sentence);
        if (!givenWithMeeting && !sentenceHasCue(sentence, {Cue::Attend, Cue::Speak, Cue::ChairAfter, Cue::ChairBefore,
                                                            Cue::OpenAfter, Cue::OpenBefore}))
          continue;
        const auto before = day(*main.date) - day(d.start);
        if (before >= 1 && before <= 7) {
          main.date = d.start;
          main.end = d.end;
          break;
        }
      }
    }
    // The city named with the meeting's date ("Djeddah – mercredi 18 octobre 2023", "met in
    // Jeddah on 18 October 2023"), else the first city named: a title may name a city the
    // meeting is about ("l'agression ... dans la bande de Gaza").
    const auto dateSentence = [&]() -> std::optional<std::size_t> {
      if (!main.date) return std::nullopt;
      for (const auto& d : dates_) {
        if (d.start == *main.date) return tokens_[d.first].sentence;
      }
      return std::nullopt;
    }();
    for (const bool withDate : {true, false}) {
      if (withDate && !dateSentence) continue;
      for (const auto& h : hits_) {
        if (h.type != EntityType::Place || place(h.index).kind != "city") continue;
        if (withDate && tokens_[h.first].sentence != *dateSentence) continue;
        main.place = h.index;
        break;
      }
      if (main.place) break;
    }
    if (!main.place) {
      for (const auto& h : hits_) {
        if (h.type == EntityType::Place) {
          main.place = h.index;
          break;
        }
      }
    }
    documentYear_ = main.date ? main.date->year : 0;
    if (main.series == "session") main.series = "cfm";
    // Numbered sessions belong to the Council or the Summit, not to contact groups.
    const std::string_view sessionSeries = main.series == "contact-group" || main.series == "acm" ? "cfm" : main.series;
    // The main meeting's number, from the first mention of its series that gives one.
    for (const auto& d : mentions) {
      if (main.ordinal) break;
      if ((d.series == "session" ? sessionSeries : d.series) == main.series && (!d.date || (main.date && *d.date == *main.date)) &&
          (!d.place || d.place == main.place))
        main.ordinal = d.ordinal;
    }
    if (main.date && !main.date->year) main.date.reset();

    // Referenced meetings: other mentions with a date or place of their own.
    std::vector<MeetingDraft> referenced;
    // Their indices by series, so that a mention is compared only with its own series' meetings,
    // latest first: a long document (a compilation of reports) names thousands.
    std::vector<std::pair<std::string_view, std::vector<std::size_t>>> referencedBySeries;
    std::optional<std::size_t> sidelines;
    std::vector<std::vector<Hit>> hosts;  // by referenced meeting: the States said to have hosted it
    std::vector<std::optional<std::size_t>> chairs;  // and the person said to have chaired it
    for (auto& d : mentions) {  // completed in place and moved: the mentions are not read after
      if (d.series == "session") d.series = sessionSeries;
      if (d.date && !d.date->year) d.date->year = documentYear_;
      if (d.end && !d.end->year) d.end->year = documentYear_;
      bool isSidelines = false;
      for (std::size_t back = 1; back <= 7 && d.first >= back; ++back) {
        std::size_t length = 0;
        if (cueAt(d.first - back, &length) != Cue::Sidelines) continue;
        // Only articles and an ordinal between the cue and the meeting ("en marge de la 76e session").
        bool adjacent = true;
        for (std::size_t k = d.first - back + length; k < d.first; ++k) {
          if (!isArticle(tokens_[k]) && !ordinalOf(tokens_[k]) && !ordinalAt(k) && !tokens_[k].digits) adjacent = false;
        }
        if (adjacent) isSidelines = true;
      }
      // "The next meeting will take place on the margins of ...": not this meeting's setting.
      if (isSidelines && sentenceHasCue(tokens_[d.first].sentence, {Cue::Future})) isSidelines = false;
      const bool sameAsMain = d.series == main.series && (!d.date || (main.date && *d.date == *main.date)) &&
                              (!d.ordinal || d.ordinal == main.ordinal) && (!d.place || !main.place || d.place == main.place);
      if (sameAsMain && !isSidelines) continue;
      if (!isSidelines) referencedSpans_.emplace_back(d.first, aboutEnd(d));
      if (!d.date && !d.place && !isSidelines) continue;
      // Merge with the latest earlier mention of the same meeting.
      auto bucket = std::find_if(referencedBySeries.begin(), referencedBySeries.end(),
                                 [&](const auto& b) { return b.first == d.series; });
      if (bucket == referencedBySeries.end()) bucket = referencedBySeries.insert(bucket, {d.series, {}});
      std::optional<std::size_t> same;
      for (auto r = bucket->second.rbegin(); r != bucket->second.rend(); ++r) {
        const auto& o = referenced[*r];
        if (o.ordinal && d.ordinal && o.ordinal != d.ordinal) continue;
        if (o.date && d.date && *o.date != *d.date) continue;
        same = *r;
        break;
      }
      const std::optional<Hit> host = hostOf(d);
      const std::optional<Presider> presider = presiderOf(d);
      if (same) {
        auto& o = referenced[*same];
        if (!o.date && d.date) o.date = d.date, o.end = d.end, o.dateToken = d.dateToken;
        if (!o.place && d.place) o.place = d.place, o.placeToken = d.placeToken;
        if (!o.ordinal) o.ordinal = d.ordinal;
      } else {
        referenced.push_back(std::move(d));
        hosts.emplace_back();
        chairs.emplace_back();
        same = referenced.size() - 1;
        bucket->second.push_back(*same);
      }
      if (host) hosts[*same].push_back(*host);
      if (presider) {
        // Whoever chaired or opened it speaks for a State that took part.
        std::optional<Hit> state = presider->state;
        if (!state && presider->person) state = persons_[*presider->person].speaksFor;
        if (state && state->type == EntityType::State) hosts[*same].push_back(*state);
        if (presider->chaired && presider->person && !chairs[*same]) chairs[*same] = presider->person;
      }
      if (isSidelines && !sidelines) sidelines = same;
    }

    Meeting m;
    m.role = MeetingRole::Main;
    m.date = fullDateOf(main);  // the main meeting's date is a full one or none
    m.label = mainLabel(main, m.date);
    if (main.end) m.endDate = main.end->iso();
    if (main.place) m.place = placeIriOf(*main.place);
    m.iri = meetingIriOf(main, m.date);
    if (sidelines) m.sidelinesOf = meetingIriOf(referenced[*sidelines], fullDateOf(referenced[*sidelines]));
    // Room for the attendees usually found (a state per name, post or person, the chair and the
    // opener), so that the list is not regrown as rule after rule adds to it.
    attendees_.reserve(hits_.size() + postMentions_.size() + persons_.size() + 2);
    mainChair(m);
    mainAttendees(m);
    // Each resolution cited once: the cited IRIs indexed by their number in m.cites, which keeps
    // them, so that no IRI is copied, nor a node made, to be looked up.
    std::optional<KeyIndex> cited;  // made for the first resolution cited: none for a report citing none
    const auto citedIri = [&m](std::uint32_t number) -> std::string_view { return m.cites[number - 1]; };
    m.cites.reserve(resolutions_.size());
    for (std::size_t n = 0; n < resolutions_.size(); ++n) {
      const auto& r = resolutions_[n];
      if (std::all_of(r.mentions.begin(), r.mentions.end(), [&](const auto& span) { return inBackground(span.first); })) continue;
      const std::string& iri = resolutionIris_[n];
      const std::uint64_t hash = iriHash(iri);
      if (!cited) cited.emplace();
      if (cited->find(iri, hash, citedIri) != KeyIndex::kNone) continue;
      m.cites.push_back(iri);
      cited->insert(iri, hash, static_cast<std::uint32_t>(m.cites.size()), citedIri, iriHash);
      for (const auto& span : r.mentions) {
        if (!inBackground(span.first)) {
          addRelation(m.iri, "cites", iri, std::nullopt, span.first, span.second);
          break;
        }
      }
    }
    meetings_.push_back(std::move(m));
    for (std::size_t n = 0; n < referenced.size(); ++n) {
      const MeetingDraft& d = referenced[n];
      Meeting r;
      r.role = MeetingRole::Referenced;
      r.date = fullDateOf(d);
      r.label = mainLabel(d, r.date);
      if (d.end && d.end->year) r.endDate = d.end->iso();
      if (d.place) r.place = placeIriOf(*d.place);
      r.iri = meetingIriOf(d, r.date);
      if (r.iri == meetings_.front().iri) continue;  // the main meeting
      if (const auto& chair = chairs[n]) {
        r.chair = persons_[*chair].iri;
        const auto& span = persons_[*chair].firstSpan;
        addRelation(r.iri, "chair", *r.chair, std::nullopt, span.first, span.second);
      }
      for (const Hit& host : hosts[n]) {
        const std::string& iri = iris_.states[host.index];
        if (std::find(r.attendees.begin(), r.attendees.end(), iri) != r.attendees.end()) continue;
        r.attendees.push_back(iri);
        addRelation(r.iri, "attendee", iri, std::nullopt, host.first, host.last);
      }
      meetings_.push_back(std::move(r));
    }
  }

  // The State said to have hosted a referenced meeting, which it thereby attended (the corpus
  // conventions): "les EAU avaient accueilli la 46e session à Abou Dhabi", "Bangladesh ... since
  // hosting its 45th session in Dhaka", "le Sommet islamique que la Turquie a accueilli". The
  // cue comes a few words before the mention, with the State before it in the same sentence, or
  // just after the mention, with the State in between.
  std::optional<Hit> hostOf(const MeetingDraft& d) const {
    const std::size_t sentence = tokens_[d.first].sentence;
    const auto inSentence = [&](std::size_t k) { return tokens_[k].sentence == sentence; };
    const auto state = [&](std::size_t k) -> const Hit* {
      const Hit* h = hitCovering(k);
      return h && h->type == EntityType::State ? h : nullptr;
    };
    // "a accueilli avec satisfaction", "accueilli favorablement": welcomed, not hosted.
    const auto hosted = [&](std::size_t k) {
      return cueAt(k) == Cue::Host &&
             !(k + 1 < tokens_.size() && (tokens_[k + 1].fold == "avec" || tokens_[k + 1].fold == "favorablement"));
    };
    for (std::size_t k = d.first; k-- > 0 && k + 12 > d.first && inSentence(k);) {
      if (!hosted(k)) continue;
      for (std::size_t j = k; j-- > 0 && j + 24 > k && inSentence(j);) {
        if (const Hit* h = state(j)) return *h;
      }
      return std::nullopt;
    }
    const Hit* between = nullptr;
    for (std::size_t k = d.last + 1; k < tokens_.size() && k < d.last + 8 && inSentence(k); ++k) {
      if (hosted(k)) return between ? std::optional<Hit>(*between) : std::nullopt;
      if (!between) between = state(k);
    }
    return std::nullopt;
  }

  // Who chaired or opened a referenced meeting, named just after the mention and its date and
  // place: "held in Niamey on 27-28 November 2020 and chaired by M. Hassoumi Massoudou",
  // "chaired by Pakistan's Foreign Minister, Mr. X", "sous la présidence du Royaume d'Arabie
  // saoudite". The State is the one named between the cue and the person, if any.
  struct Presider {
    std::optional<std::size_t> person;
    std::optional<Hit> state;
    bool chaired = false;  // else opened
  };
  std::optional<Presider> presiderOf(const MeetingDraft& d) const {
    const std::size_t end = aboutEnd(d);
    const std::size_t sentence = tokens_[d.first].sentence;
    for (std::size_t k = end + 1; k < tokens_.size() && k <= end + 8 && tokens_[k].sentence == sentence; ++k) {
      std::size_t length = 0;
      const Cue cue = cueAt(k, &length);
      if (cue != Cue::ChairAfter && cue != Cue::OpenAfter) continue;
      Presider presider{std::nullopt, std::nullopt, cue == Cue::ChairAfter};
      const std::size_t from = k + length;
      const auto after = std::lower_bound(personMentions_.begin(), personMentions_.end(), from,
                                          [](const PersonMention& pm, std::size_t token) { return pm.first < token; });
      if (after != personMentions_.end() && after->first <= from + 12 && tokens_[after->first].sentence == sentence)
        presider.person = after->person;
      const std::size_t to = presider.person ? after->first : std::min(skipArticles(from) + 1, tokens_.size());
      for (std::size_t j = from; j < to; ++j) {
        if (const Hit* h = hitStartingAt(j); h && h->type == EntityType::State) {
          presider.state = *h;
          break;
        }
      }
      if (!presider.person && !presider.state) return std::nullopt;
      return presider;
    }
    return std::nullopt;
  }

  std::string mainLabel(const MeetingDraft& d, const std::optional<std::string>& date) const {
    std::string_view base = d.label.empty() ? "Meeting" : d.label;
    std::string written;  // a contact group's name as written, which base then views
    if (d.series == "contact-group" && d.last + 1 < tokens_.size()) {
      // "Contact Group on Mali": the name as written, up to the state or place it is about.
      const std::size_t sentence = tokens_[d.last].sentence;
      for (const auto& h : startingFrom(hits_, d.last + 1)) {
        if (h.first > d.last + 12) break;
        if (tokens_[h.first].sentence != sentence) continue;
        if (h.type != EntityType::State && h.type != EntityType::Place) continue;
        // Made UTF-8 at once, then cleaned byte by byte in place (what is kept is never longer
        // than what was read): the characters dropped or collapsed are ASCII, which no other
        // character's UTF-8 bytes contain.
        written = view_.slice(tokens_[d.first].start, tokens_[h.last].end);
        std::size_t kept = 0;
        for (const char c : written) {
          if (c == '\n' || c == '\t' || c == ' ') {
            if (kept > 0 && written[kept - 1] != ' ') written[kept++] = ' ';
          } else if (c != '*') {
            written[kept++] = c;
          }
        }
        written.resize(kept);
        base = written;
        break;
      }
    }
    // "46th Session of the Council of Foreign Ministers, Niamey, 2019-11-27", in one string sized once.
    const std::string ordinal = d.ordinal ? std::to_string(d.ordinal) : std::string();
    const std::string_view placeName = d.place ? std::string_view(place(*d.place).name) : std::string_view();
    std::string label;
    label.reserve(ordinal.size() + 3 + base.size() + 2 + placeName.size() + 2 + (date ? date->size() : 0));
    if (d.ordinal) {
      label += ordinal;
      label += d.ordinal == 1 ? "st " : d.ordinal == 2 ? "nd " : d.ordinal == 3 ? "rd " : "th ";
    }
    label += base;
    if (d.place) {
      label += ", ";
      label += placeName;
    }
    if (date) {
      label += ", ";
      label += *date;
    }
    return label;
  }

  void mainChair(Meeting& m) {
    // Only the chair and opening cues before the background tell, in text order: their starts
    // are read, not every token, taken in turn from the lists of each kind (each in text order).
    std::array<std::span<const std::size_t>, 5> cues;
    std::size_t kinds = 0;
    for (const Cue kind : {Cue::ChairAfter, Cue::ChairBefore, Cue::ChairField, Cue::OpenAfter, Cue::OpenBefore})
      cues[kinds++] = cueStartsBeforeBackground(kind);
    std::optional<std::size_t> chair;
    std::optional<std::size_t> opener;
    while (!chair) {
      // The earliest cue not read yet: a token starts one cue at most.
      std::span<const std::size_t>* earliest = nullptr;
      for (auto& starts : cues) {
        if (!starts.empty() && (!earliest || starts.front() < earliest->front())) earliest = &starts;
      }
      if (!earliest) break;
      const std::size_t i = earliest->front();
      *earliest = earliest->subspan(1);
      std::size_t length = 0;
      const auto kind = cueAt(i, &length);
      const std::size_t sentence = tokens_[i].sentence;
      std::optional<std::size_t> found;
      const bool field = kind == Cue::ChairField && atLineStart(i) && i + length < tokens_.size() &&
                         view_.gapBefore(i + length).find(U':') != std::u32string_view::npos;
      if (kind == Cue::ChairAfter || kind == Cue::OpenAfter || field) {
        for (const auto& pm : personMentions_) {
          if (pm.first >= i + length && tokens_[pm.first].sentence == sentence) {
            found = pm.person;
            break;
          }
        }
      } else if (kind == Cue::ChairBefore || kind == Cue::OpenBefore) {
        for (const auto& pm : personMentions_) {
          if (pm.last < i && tokens_[pm.first].sentence == sentence && !found) found = pm.person;
        }
      }
      if (!found) continue;
      if (kind == Cue::ChairAfter || kind == Cue::ChairBefore || field) chair = found;
      else if (!opener) opener = found;
    }
    // Whoever opens the meeting speaks for a state taking part.
    for (const auto& person : {chair, opener}) {
      if (!person) continue;
      if (const auto& of = persons_[*person].speaksFor; of && of->type == EntityType::State)
        attendees_.emplace_back(of->first, of->index);
    }
    const auto who = chair ? chair : opener;
    if (!who) return;
    m.chair = persons_[*who].iri;
    const auto& span = persons_[*who].firstSpan;
    addRelation(m.iri, "chair", *m.chair, std::nullopt, span.first, span.second);
  }

  // Marks with `mark` the tokens naming the members of a group ("les pays membres du G5 Sahel
  // (Burkina Faso, Mali, ...)", "members of the Group: X, Y"): up to the closing bracket or the
  // end of the clause.
  void markMembers(Flags& tokens, char mark) const {
    for (const std::size_t i : cueStarts(Cue::MembersOf)) {
      const std::size_t length = cues_[i].length;
      bool bracket = false;
      for (std::size_t k = i + length; k < tokens_.size() && tokens_[k].sentence == tokens_[i].sentence; ++k) {
        const auto gap = view_.gapBefore(k);
        if (gap.find(U')') != std::u32string_view::npos && bracket) break;
        if (gap.find(U'(') != std::u32string_view::npos) bracket = true;
        if (!bracket && k > i + length + 8 && clauseEnds(k)) break;
        tokens[k] |= mark;
      }
    }
  }

  void mainAttendees(Meeting& m) {
    // By sentence index: one list for all the facts, not one for each.
    SentenceFacts none;
    none.otherFrom = tokens_.size();
    std::vector<SentenceFacts> sentences(view_.sentences().size() + 1, none);
    // Cues by kind: the order attendees are found in does not matter, they are sorted below.
    for (const Cue kind : {Cue::Attend, Cue::Speak, Cue::Absent, Cue::Future}) {
      bool SentenceFacts::*const fact = kind == Cue::Attend  ? &SentenceFacts::attend
                                        : kind == Cue::Speak ? &SentenceFacts::speak
                                                             : &SentenceFacts::absent;
      for (const std::size_t i : cueStartsBeforeBackground(kind)) sentences[tokens_[i].sentence].*fact = true;
    }
    for (const Cue kind : {Cue::SpeakFor, Cue::StateAfter, Cue::SpeakForStart}) {
      for (const std::size_t i : cueStartsBeforeBackground(kind)) {
        const bool sentenceStart = i == 0 || tokens_[i - 1].sentence != tokens_[i].sentence;
        if (kind == Cue::SpeakForStart && !sentenceStart) continue;
        if (const Hit* h = hitStartingAt(skipArticles(i + cues_[i].length)); h && h->type == EntityType::State)
          attendees_.emplace_back(h->first, h->index);
      }
    }
    // The state that is the subject: "Turkey takes over the chairmanship", "Iran objected".
    for (const std::size_t i : cueStartsBeforeBackground(Cue::StateBefore)) {
      for (const auto& h : hits_) {
        if (h.type == EntityType::State && h.last < i && h.last + 3 >= i && tokens_[h.first].sentence == tokens_[i].sentence)
          attendees_.emplace_back(h.first, h.index);
      }
    }
    // In a sentence where someone speaks, the states whose posts are named ("le Ministre des
    // Affaires étrangères du Mali") take part; other states there are only its topic.
    for (const auto& [i, post, demonym, joined] : postMentions_) {
      if (inBackground(i)) break;
      const std::size_t s = tokens_[i].sentence;
      if (!sentences[s].speak || sentences[s].absent) continue;
      // "former President of the Kyrgyz Republic": not whom the speaker speaks for now.
      if (i > 0 && g_.isWord(Cue::Former, tokens_[i - 1])) continue;
      if (demonym) attendees_.emplace_back(demonym->first, demonym->index);
      if (const auto of = ofEntity(i + post.length); of && of->type == EntityType::State) {
        ofList(*of, [this](const Hit& h) { attendees_.emplace_back(h.first, h.index); });
      }
    }
    // By token: naming the members of a group, saying something about another meeting (and by
    // sentence where the first such text starts).
    constexpr char kMember = 1;
    constexpr char kAboutOther = 2;
    Flags& byToken = marks(tokens_.size());
    markMembers(byToken, kMember);
    for (const auto& [first, last] : referencedSpans_) {
      for (std::size_t k = first; k <= last && k < tokens_.size(); ++k) byToken[k] |= kAboutOther;
      auto& otherFrom = sentences[tokens_[first].sentence].otherFrom;
      otherFrom = std::min(otherFrom, first);
    }
    // The starts of abroad cues ("to the", "auprès"), walked alongside the states: both in text order.
    const auto& abroadCues = cueStarts(Cue::Abroad);
    auto abroadCue = abroadCues.begin();
    for (const auto& h : hits_) {
      if (h.type != EntityType::State || inBackground(h.first) || (byToken[h.first] & kMember)) continue;
      const std::size_t s = tokens_[h.first].sentence;
      if (!sentences[s].attend || sentences[s].absent) continue;
      // "the Bureau of the twelfth session would be chaired by Cameroon": another meeting's.
      if (byToken[h.first] & kAboutOther) continue;
      // "Ambassador of Pakistan to the Kingdom of Saudi Arabia": a posting, not a participant.
      // An abroad cue starting in the three tokens before it, or "en" just before it.
      while (abroadCue != abroadCues.end() && *abroadCue + 3 < h.first) ++abroadCue;
      if (abroadCue != abroadCues.end() && *abroadCue < h.first) continue;
      if (h.first >= 1 && tokens_[h.first - 1].word == words_.en) continue;
      attendees_.emplace_back(h.first, h.index);
    }
    // A list or table of participants under an attendance sentence or heading ("The following
    // took part:", "PRESENT", "Members represented"): the first state of each item takes part.
    // Hits are in text order: a line's first state is one whose line differs from the last state's,
    // and the line breaks are walked once alongside them, not searched for each.
    std::optional<std::size_t> lastLine;
    std::size_t lineBreak = 0;
    for (const auto& h : hits_) {
      if (h.type != EntityType::State || inBackground(h.first)) continue;
      while (lineBreak < lineBreaks_.size() && lineBreaks_[lineBreak] < tokens_[h.first].start) ++lineBreak;
      const std::size_t line = lineStartBefore(lineBreak);
      if (line == lastLine) continue;
      lastLine = line;
      // The cheap test first: most states are inside a sentence, and listItem reads the whole line.
      if (!opensItem(line, h.first) || !listItem(line)) continue;
      if (const auto intro = listIntro(line); intro && introducesParticipants(*intro, sentences))
        attendees_.emplace_back(h.first, h.index);
    }
    // Persons speaking for a state in an attendance sentence, unless the clause is about a
    // meeting the sentence referred to earlier ("its 45th session, ..., with Canada's Foreign
    // Minister attending as a special guest").
    for (const auto& person : persons_) {
      if (!person.speaksFor) continue;
      const Hit& of = *person.speaksFor;
      if (of.type != EntityType::State || inBackground(of.first)) continue;
      const std::size_t s = tokens_[of.first].sentence;
      if (sentences[s].otherFrom < of.first) continue;
      if ((sentences[s].attend || sentences[s].speak) && !sentences[s].absent)
        attendees_.emplace_back(of.first, of.index);
    }
    // In text order, states named at one token by their codes; each state once.
    std::sort(attendees_.begin(), attendees_.end(), [&](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : g_.states[a.second].iso3 < g_.states[b.second].iso3;
    });
    Flags& seen = marks(g_.states.size());  // by state, in byToken's buffer: those marks are read no more
    m.attendees.reserve(attendees_.size());  // at most one each: the IRIs are not moved by regrowth
    for (const auto& [token, state] : attendees_) {
      if (seen[state]) continue;
      seen[state] = true;
      const std::string& iri = iris_.states[state];
      m.attendees.push_back(iri);
      const Hit* h = hitStartingAt(token);
      const std::size_t last = h ? h->last : token;
      addRelation(m.iri, "attendee", iri, std::nullopt, token, last);
    }
  }

  // ---- assembling entities ---------------------------------------------------------------
  // A relation whose evidence runs from token `first` to token `last`, filled in where it is
  // stored rather than built and moved in (it holds four strings).
  void addRelation(const std::string& subject, std::string_view predicate, std::string object, std::optional<std::string> of,
                   std::size_t first, std::size_t last) {
    Relation& relation = relations_.emplace_back();
    relation.subject = subject;
    relation.predicate.append(predicate);  // to the new, empty string: assigning goes through a general replace
    relation.object = std::move(object);
    relation.of = std::move(of);
    relation.evidence = tokenSpan(first, last);
  }

  // The code points from token `first` to token `last`, both included.
  Span tokenSpan(std::size_t first, std::size_t last) const { return {tokens_[first].start, tokens_[last].end}; }

  // Out of line: see meetingMentions.
  [[gnu::noinline]] void addEntities() {
    entities_.reserve(hits_.size() + 2 * dates_.size() + resolutions_.size() + persons_.size());
    for (const auto& h : hits_) {
      const auto make = [&](Entity& e) {
        e.type = h.type;
        if (h.type == EntityType::State) {
          const auto& s = g_.states[h.index];
          e.label = s.label;
          e.keys.iso3166 = s.iso3;
        } else if (h.type == EntityType::Organization) {
          const auto& o = g_.organizations[h.index];
          e.label = o.label;
          e.keys.acronym = o.key;
        } else {
          const auto& p = place(h.index);
          e.label = p.name;
          e.keys.name = p.name;
        }
      };
      const std::string& iri = h.type == EntityType::Place ? placeIriOf(h.index) : entityIri(h);
      entities_.add(iri, make, tokenSpan(h.first, h.last));
    }
    // Date IRIs are written into one string, kept for the run: only a new date's is copied.
    const std::size_t datePrefix = iris_.dates.size();
    std::string dateIriText;
    dateIriText.reserve(datePrefix + 10);  // "yyyy-mm-dd"
    dateIriText = iris_.dates;
    for (const auto& d : dates_) {
      for (const auto* date : {&d.start, d.end ? &*d.end : nullptr}) {
        if (!date) continue;
        CalendarDate full = *date;
        if (!full.year) {
          if (!documentYear_) continue;
          full.year = documentYear_;
        }
        const std::string iso = full.iso();
        const auto make = [&](Entity& e) {
          e.type = EntityType::Date;
          e.label = iso;
          e.keys.date = iso;
        };
        dateIriText.resize(datePrefix);
        dateIriText += iso;
        entities_.add(dateIriText, make, tokenSpan(d.first, d.last));
      }
    }
    for (std::size_t n = 0; n < resolutions_.size(); ++n) {
      const auto& r = resolutions_[n];
      const auto make = [&](Entity& e) {
        e.type = EntityType::Resolution;
        // "UNSC 822 (1993)", made in one string.
        e.label.reserve(r.issuer.size() + r.number.size() + 8);
        e.label.append(r.issuer).append(1, ' ').append(r.number);
        if (r.year) e.label.append(" (").append(std::to_string(*r.year)).append(1, ')');
        e.keys.issuer = r.issuer;
        e.keys.number = r.number;
        e.keys.year = r.year;
      };
      const auto mention = [&](const std::pair<std::size_t, std::size_t>& tokens) {
        Span span = tokenSpan(tokens.first, tokens.second);
        // "822 (1993)": the closing bracket belongs to the reference.
        if (r.year && span.end < view_.text().size() && view_.text()[span.end] == ')') ++span.end;
        return span;
      };
      // The meetings are built: the IRI is moved into the entity, and its other mentions are
      // added to it by number, not looked up.
      const std::uint32_t entity = entities_.add(std::move(resolutionIris_[n]), make, mention(r.mentions.front()));
      for (std::size_t k = 1; k < r.mentions.size(); ++k) entities_.addMention(entity, mention(r.mentions[k]));
      addRelation(entities_.iri(entity), "adoptedBy", iris_.organization(options_.baseIri, r.issuer), std::nullopt,
                  r.mentions.front().first, r.mentions.front().second);
    }
    // A person's entity, once added, is kept by number in Person: its IRI is moved into it, and
    // its other mentions are added by number.
    for (const auto& pm : personMentions_) {
      auto& p = persons_[pm.person];
      const auto make = [&](Entity& e) {
        e.type = EntityType::Person;
        e.label = p.name;
        e.keys.name = p.name;
      };
      auto& entity = p.entity;
      if (entity) entities_.addMention(entity, tokenSpan(pm.first, pm.last));
      else entity = entities_.add(std::move(p.iri), make, tokenSpan(pm.first, pm.last));
    }
  }

  const ExtractOptions& options_;
  const Gazetteer& g_;
  const RuleWords& words_;
  const KnownIris& iris_;
  const WordSet& particles_;  // asked of most capitalised words
  const Document& document_;
  TextView view_;
  std::string language_;
  // A span, whose size() is stored: std::vector<Token>::size() divides by the size of a token, at
  // every loop test.
  const std::span<const Token> tokens_;
  std::vector<PhraseIndex::Match> cues_;  // token -> longest cue starting there
  static constexpr std::size_t kCueKinds = static_cast<std::size_t>(Cue::Count);
  // The tokens where cues start, by kind: each kind's in text order, from cueStartsFrom_[kind]
  // to cueStartsFrom_[kind + 1].
  std::vector<std::size_t> cueStartList_;
  std::array<std::size_t, kCueKinds + 1> cueStartsFrom_{};
  std::vector<PhraseIndex::Match> postNames_;  // token -> longest post name starting there
  std::vector<PostMention> postMentions_;  // in text order
  // A flag per token or per state, for the rule at hand: made once per document, not by each
  // rule. marks(count) gives `count` of them, all clear.
  Flags marks_;
  Flags& marks(std::size_t count) {
    if (marks_.capacity() < count) marks_.reserve(std::max({count, tokens_.size(), g_.states.size()}));
    marks_.assign(count, 0);
    return marks_;
  }
  const std::span<const std::uint32_t> lineBreaks_;  // positions of '\n' in the text, ascending

  std::size_t backgroundFrom_ = static_cast<std::size_t>(-1);
  std::vector<Hit> hits_;  // in text order; an organ's parent follows the organ
  FirstAt hitsAt_;  // token -> first hit starting there, first hit covering it
  std::vector<DateHit> dates_;
  std::vector<ResolutionHit> resolutions_;
  std::vector<std::string> resolutionIris_;  // by index into resolutions_: the meeting and the entities both need them
  std::vector<std::pair<std::size_t, std::size_t>> candidates_;
  std::vector<std::pair<std::size_t, Hit>> bracketedStates_;  // a name's first token, the State after it
  std::vector<Person> persons_;
  std::vector<PersonMention> personMentions_;
  FirstAt personsAt_;  // token -> first person mention starting there, ending there
  // The holdsPost relations added (by index into relations_), ordered by the hash of their
  // person, post and State or body.
  struct PostHeld {
    std::uint64_t hash = 0;
    std::size_t relation = 0;
  };
  std::vector<PostHeld> postsHeld_;
  std::vector<std::pair<std::size_t, std::size_t>> attendees_;  // token naming it, index into states
  std::vector<std::pair<std::size_t, std::size_t>> referencedSpans_;
  std::vector<PlaceInfo> localPlaces_;  // places named only in this document
  std::vector<std::string> localPlaceIris_;
  int documentYear_ = 0;
  std::vector<Meeting> meetings_;
  std::vector<Relation> relations_;
  Entities entities_{view_};
};

}  // namespace

struct Extractor::Impl {
  explicit Impl(ExtractOptions o)
      : options(std::move(o)), gazetteer(loadGazetteer(options.dataDir)), words(gazetteer),
        iris(options.baseIri, gazetteer) {}
  ExtractOptions options;
  Gazetteer gazetteer;
  RuleWords words;  // after the gazetteer, whose vocabulary it adds to
  KnownIris iris;
};

Extractor::Extractor(ExtractOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

Extraction Extractor::extract(const Document& document) const {
  return Run(impl_->options, impl_->gazetteer, impl_->words, impl_->iris, document).run();
}

}  // namespace diplograph::extract
