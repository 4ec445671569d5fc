#include "resolutions.h"

#include <algorithm>
#include <set>
#include <span>
#include <string_view>

#include "key_index.h"

namespace diplograph::extract {
namespace {

bool isTrigger(const Token& t) { return t.fold == "resolution" || t.fold == "resolutions"; }

struct Item {
  std::size_t first = 0;
  std::size_t last = 0;
  std::string number;
  std::optional<int> year;
  std::string symbolIssuer;  // from "S/RES/", "A/RES/", "A/HRC/RES/"
  bool oicShape = false;     // "8/44-POL"
};

class ResolutionScanner {
 public:
  ResolutionScanner(const TextView& view, const Gazetteer& g, const WordSet& cueWords, const std::vector<DateHit>& dates,
                    const std::vector<NamedBody>& bodies)
      : view_(view), tokens_(view.tokens()), g_(g), cueWords_(cueWords), dates_(dates), bodies_(bodies) {
    for (const auto& b : bodies_) longestBody_ = std::max(longestBody_, b.last - b.first);
  }

  std::vector<ResolutionHit> scan() {
    for (std::size_t i = nextTokenIn(cueWords_, tokens_, 0); i < tokens_.size(); i = nextTokenIn(cueWords_, tokens_, i + 1)) {
      if (isTrigger(tokens_[i])) {
        i = fromTrigger(i);
      } else if (tokens_[i].fold == "res" && i > 0 && view_.gapBefore(i) == U"/" && i + 1 < tokens_.size()) {
        // A bare symbol "S/RES/2728 (2024)", "A/RES/ES-10/19".
        const std::size_t number = emergencySession(i + 1) ? i + 2 : i + 1;
        if (number < tokens_.size() && tokens_[number].digits) {
          if (auto item = parseItem(number)) {
            items_.clear();
            items_.push_back(std::move(*item));
            addItems(i, items_);
          }
          i = number;
        }
      }
    }
    return std::move(out_);
  }

 private:
  // "ES-10": the General Assembly's emergency special sessions number their resolutions
  // "ES-10/19"; k is the "ES" token.
  bool emergencySession(std::size_t k) const {
    return k + 1 < tokens_.size() && tokens_[k].fold == "es" && view_.gapBefore(k + 1) == U"-" && tokens_[k + 1].digits;
  }

  // Reads "822 (1993)", "70/233", "8/44-POL", "ES-10/19" starting at the number's token k.
  std::optional<Item> parseItem(std::size_t k) const {
    if (k >= tokens_.size() || !tokens_[k].digits || tokens_[k].fold.size() > 5) return std::nullopt;
    Item item;
    const bool emergency = k > 0 && emergencySession(k - 1);
    const std::size_t head = emergency ? k - 1 : k;
    item.first = head;
    item.last = k;
    if (emergency) item.number = "ES-";
    item.number += tokens_[k].display;
    // Symbol prefix: tokens "S"/"A"[/"HRC"]/"RES" joined by '/'.
    if (head >= 2 && tokens_[head - 1].fold == "res" && view_.gapBefore(head) == U"/") {
      const std::string_view organ = tokens_[head - 2].fold;
      item.symbolIssuer = organ == "s" ? "UNSC" : organ == "hrc" ? "HRC" : organ == "a" ? "UNGA" : "";
      item.first = head - 2;
      if (organ == "hrc" && head >= 3) item.first = head - 3;
    }
    // A number glued to a word ("CFM-44/2017") is part of a document symbol.
    if (item.symbolIssuer.empty() && !emergency && k > 0 && (view_.gapBefore(k) == U"-" || view_.gapBefore(k) == U"/"))
      return std::nullopt;
    std::size_t j = k + 1;
    if (j < tokens_.size() && tokens_[j].digits && view_.gapBefore(j) == U"/") {
      item.number += '/';
      item.number += tokens_[j].display;
      item.last = j++;
      if (j < tokens_.size() && view_.gapBefore(j) == U"-" && tokens_[j].allUpper) {
        item.number += '-';
        item.number += tokens_[j].display;
        item.oicShape = true;
        item.last = j++;
      }
    }
    if (const auto year = j < tokens_.size() && tokens_[j].fold.size() == 4 ? asciiNumber(tokens_[j].fold) : std::nullopt) {
      const auto gap = view_.gapBefore(j);
      const auto close = j + 1 < tokens_.size() ? view_.gapBefore(j + 1) : std::u32string_view(U")");
      if (gap.find(U'(') != std::u32string_view::npos && close.find(U')') == 0) {
        item.year = *year;
        item.last = j;
      }
    }
    const bool bare = item.number.find('/') == std::string::npos;
    // "ES-10" alone names the emergency special session, not one of its resolutions.
    if (emergency && bare) return std::nullopt;
    // A bare number that reads as a year or a date is not a resolution ("adopted in 2017").
    if (!item.year && bare) {
      const int value = asciiNumber(item.number).value_or(0);
      if (value >= 1945 && value <= 2100 && item.symbolIssuer.empty()) return std::nullopt;
      if (k + 1 < tokens_.size() && g_.months[tokens_[k + 1].word]) return std::nullopt;
    }
    return item;
  }

  std::size_t fromTrigger(std::size_t i) {
    const std::size_t sentence = tokens_[i].sentence;
    std::size_t j = i + 1;
    while (j < tokens_.size() && j < i + 12 && tokens_[j].sentence == sentence && !tokens_[j].digits && !isTrigger(tokens_[j])) ++j;
    if (j >= tokens_.size() || !tokens_[j].digits || tokens_[j].sentence != sentence) return i;
    auto first = parseItem(j);
    if (!first) return i;
    std::vector<Item>& items = items_;
    if (items.capacity() == 0) items.reserve(8);  // lists of references are short: no regrowth for them
    items.clear();
    items.push_back(std::move(*first));
    // A list: "822 (1993), 853 (1993), 874 (1993) et 884 (1993)".
    while (true) {
      std::size_t next = items.back().last + 1;
      if (next < tokens_.size() && (tokens_[next].fold == "et" || tokens_[next].fold == "and")) ++next;
      if (next >= tokens_.size() || !tokens_[next].digits) break;
      const auto gap = view_.gapBefore(next);
      if (gap.find(U'.') != std::u32string_view::npos || gap.find(U';') != std::u32string_view::npos) break;
      auto item = parseItem(next);
      if (!item || item->year.has_value() != items.front().year.has_value() || item->oicShape != items.front().oicShape) break;
      items.push_back(std::move(*item));
    }
    addItems(i, items);
    return items.back().last;
  }

  std::string issuerFor(std::size_t trigger, const std::vector<Item>& items) const {
    const Item& first = items.front();
    if (!first.symbolIssuer.empty()) return first.symbolIssuer;
    if (first.oicShape) return "OIC";
    // The United Nations as a whole adopts no resolution: its organ is told by the number's shape
    // ("the United Nations ... resolution 2593 (2021)" is the Security Council's).
    std::string issuer = namedIssuer(trigger, items);
    if (issuer.empty() || issuer == "UN") return first.number.find('/') != std::string::npos ? "UNGA" : "UNSC";
    return issuer;
  }

  // The body named as the resolutions' issuer around the trigger word, or "" if none is.
  std::string namedIssuer(std::size_t trigger, const std::vector<Item>& items) const {
    const Item& first = items.front();
    const std::size_t sentence = tokens_[trigger].sentence;
    // "Security Council resolution 2254", "Human Rights Council resolution 34/22".
    for (const auto& b : startingFrom(bodies_, trigger - std::min(trigger, 2 + longestBody_))) {
      if (b.first >= trigger) break;
      if (b.last + 1 == trigger || (b.last + 2 == trigger && tokens_[b.last + 1].fold == "s")) return b.key;
    }
    // Between the word and the number: "résolutions pertinentes du Conseil de sécurité, à savoir 822".
    for (const auto& b : startingFrom(bodies_, trigger + 1)) {
      if (b.first >= first.first) break;
      return b.key;
    }
    // Right after the number, joined by "of", "du", "de l'", "adoptée par le":
    // "2359 (2017) du Conseil de sécurité", "194 de l'Assemblée générale".
    const std::size_t after = items.back().last + 1;
    if (after < tokens_.size()) {
      std::size_t k = after;
      if (g_.cueAt(view_, k) == Cue::Adopt) ++k;
      const std::string_view joint = k < tokens_.size() ? tokens_[k].fold : "";
      if (joint == "of" || joint == "du" || joint == "de" || joint == "des" || joint == "d" || joint == "by" || joint == "par") {
        for (const auto& b : startingFrom(bodies_, k + 1)) {
          if (b.first > k + 3) break;
          if (tokens_[b.first].sentence == sentence) return b.key;
        }
      }
    }
    // "The Human Rights Council created the mandate of the Special Rapporteur ... by its
    // resolution 48/1": "its" is the body the sentence is about, named first, however far back.
    if (trigger > 0 && g_.isWord(Cue::Possessive, tokens_[trigger - 1])) {
      for (const auto& b : startingFrom(bodies_, trigger - std::min<std::size_t>(trigger, 60))) {
        if (b.first >= trigger) break;
        if (b.adoptsResolutions && tokens_[b.first].sentence == sentence) return b.key;
      }
    }
    // The nearest body before; of nested names ("Assemblée générale des Nations Unies" holds
    // "Nations Unies") the outer one: "le Conseil des droits de l'homme a adopté sa résolution".
    const NamedBody* nearest = nullptr;
    for (const auto& b : startingFrom(bodies_, trigger - std::min(trigger, 16 + longestBody_))) {
      if (b.first >= trigger) break;
      if (b.adoptsResolutions && b.last < trigger && b.last + 16 >= trigger && tokens_[b.first].sentence == sentence &&
          (!nearest || b.last > nearest->last || (b.last == nearest->last && b.first < nearest->first)))
        nearest = &b;
    }
    if (nearest) return nearest->key;
    // None: the shape of the number tells ("n/m" is General Assembly or Council numbering; a
    // plain number with its year in brackets is a Security Council resolution).
    return "";
  }

  // The year of an adoption date given in the same reference.
  std::optional<int> adoptionYear(std::size_t trigger, const Item& item) const {
    const std::size_t sentence = tokens_[trigger].sentence;
    bool adopt = false;
    for (std::size_t k = item.last + 1; k < tokens_.size() && k < item.last + 25 && tokens_[k].sentence == sentence; ++k) {
      if (g_.cueAt(view_, k) == Cue::Adopt) adopt = true;
      const bool adjacent = k <= item.last + 2;
      if (adopt || adjacent) {
        if (const DateHit* d = dateStartingAt(dates_, k); d && d->start.year) return d->start.year;
        // "held in Tripoli in May 1977": a month and year.
        if (adopt && g_.months[tokens_[k].word] && k + 1 < tokens_.size() && tokens_[k + 1].fold.size() == 4) {
          if (const auto year = asciiNumber(tokens_[k + 1].fold)) return *year;
        }
      }
      if (isTrigger(tokens_[k]) || (tokens_[k].digits && k > item.last + 2 && !adopt)) break;
    }
    // "l'adoption par consensus, le 15 mars 2022, de la résolution 76/254"; only "de la" / "of
    // the" between, else the date belongs to something else ("... tenu le 13 décembre 2017,
    // ainsi que la résolution 1/46-PAL").
    static const std::set<std::string, std::less<>> kJoiners = {"de", "la", "le", "l", "du", "des", "sa", "of", "the", "its"};
    // Dates are in text order and do not overlap: those ending in the six tokens before the trigger.
    const auto near = std::lower_bound(dates_.begin(), dates_.end(), trigger, [](const DateHit& d, std::size_t t) { return d.last + 6 < t; });
    for (auto d = near; d != dates_.end() && d->last < trigger; ++d) {
      bool joined = true;
      for (std::size_t k = d->last + 1; k < trigger; ++k) joined = joined && kJoiners.count(tokens_[k].fold);
      if (joined && tokens_[d->first].sentence == sentence && d->start.year) {
        for (std::size_t k = d->first > 8 ? d->first - 8 : 0; k < d->first; ++k) {
          if (g_.cueAt(view_, k) == Cue::Adopt && tokens_[k].sentence == sentence) return d->start.year;
        }
      }
    }
    return std::nullopt;
  }

  void addItems(std::size_t trigger, const std::vector<Item>& items) {
    const std::string issuer = issuerFor(trigger, items);
    const auto numberOf = [this](std::uint32_t n) -> std::string_view { return out_[n - 1].number; };
    if (!byNumber_) byNumber_.emplace();  // most documents cite no resolution: no table for them
    for (const auto& item : items) {
      auto year = item.year ? item.year : adoptionYear(trigger, item);
      const std::uint64_t hash = Vocabulary::hashOf(item.number);
      std::uint32_t n = byNumber_->find(item.number, hash, numberOf);
      if (n == KeyIndex::kNone) {
        // Filled in where it is stored, not built and moved in; most documents cite a few.
        if (out_.empty()) out_.reserve(8);
        ResolutionHit& hit = out_.emplace_back();
        hit.issuer = issuer;
        hit.number = item.number;
        hit.year = year;
        n = static_cast<std::uint32_t>(out_.size());
        byNumber_->insert(item.number, hash, n, numberOf, &Vocabulary::hashOf);
      }
      ResolutionHit& hit = out_[n - 1];
      if (!hit.year && year) hit.year = year;
      hit.mentions.emplace_back(item.first, item.last);
    }
  }

  const TextView& view_;
  // A span, whose size() is stored: std::vector<Token>::size() divides by the size of a token, at
  // every loop test.
  const std::span<const Token> tokens_;
  const Gazetteer& g_;
  const WordSet& cueWords_;
  const std::vector<DateHit>& dates_;
  const std::vector<NamedBody>& bodies_;
  std::size_t longestBody_ = 0;  // tokens of the longest body name, less one
  std::vector<ResolutionHit> out_;
  // By number, the index into out_ plus one, keyed by the numbers out_ keeps: no node nor copy
  // of a number per resolution. Made at the first resolution.
  std::optional<KeyIndex> byNumber_;
  std::vector<Item> items_;  // the items of the reference being read, kept for the next one
};

}  // namespace

WordSet resolutionCueWords(Vocabulary& vocabulary) {
  WordSet words;
  for (const char* word : {"resolution", "resolutions", "res"}) words.set(vocabulary.add(word), true);
  return words;
}

std::vector<ResolutionHit> findResolutions(const TextView& view, const Gazetteer& gazetteer, const WordSet& cueWords,
                                           const std::vector<DateHit>& dates, const std::vector<NamedBody>& bodies) {
  return ResolutionScanner(view, gazetteer, cueWords, dates, bodies).scan();
}

}  // namespace diplograph::extract
