#pragma once
// Hand-made stores for the export tests, small enough to count everything by hand.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "diplograph/extract/extraction.h"
#include "diplograph/graph/store.h"

namespace diplograph::exporter::testing {

inline const std::string kBase = "https://diplograph.org/id/";

// Builds one report whose text has a sentence per fact, so each fact's evidence is that sentence.
class Report {
 public:
  explicit Report(const std::string& name) {
    x_.document = {kBase + "document/" + name, name + ".md", "fr", "Rapport", "", "sha-" + name};
  }

  std::string state(const std::string& code, const std::string& label, const std::string& frenchLabel) {
    extract::Entity e{kBase + "state/" + code, extract::EntityType::State, label, {}, {mention(frenchLabel)}};
    e.keys.iso3166 = code;
    x_.entities.push_back(e);
    return e.iri;
  }

  std::string resolution(const std::string& number, int year) {
    const std::string label = "UNSC " + number + " (" + std::to_string(year) + ")";
    extract::Entity e{kBase + "resolution/unsc/" + number + "-" + std::to_string(year), extract::EntityType::Resolution,
                      label, {}, {mention(number + " (" + std::to_string(year) + ")")}};
    e.keys.issuer = "UNSC";
    e.keys.number = number;
    e.keys.year = year;
    x_.entities.push_back(e);
    return e.iri;
  }

  std::string meeting(const std::string& slug, const std::string& label, const std::string& date) {
    extract::Meeting m;
    m.iri = kBase + "meeting/" + slug;
    m.label = label;
    m.date = date;
    x_.meetings.push_back(m);
    return m.iri;
  }

  // "<label of meeting> cites ..." / "... was attended by ...": the sentence is the evidence.
  void cites(const std::string& meeting, const std::string& resolution) { fact(meeting, "cites", resolution); }
  void attendee(const std::string& meeting, const std::string& state) { fact(meeting, "attendee", state); }

  // The sentence recorded for the n-th fact added (0-based).
  std::string sentence(std::size_t n) const { return sentences_.at(n); }
  const extract::Extraction& extraction() const { return x_; }

 private:
  // A sentence of its own for an entity's mention, so every entity has evidence in the text.
  extract::Mention mention(const std::string& text) {
    const std::size_t start = append(text + ".");
    return {start, start + length(text), text};
  }

  void fact(const std::string& meeting, const std::string& predicate, const std::string& object) {
    auto& m = *std::find_if(x_.meetings.begin(), x_.meetings.end(), [&](const auto& each) { return each.iri == meeting; });
    (predicate == "cites" ? m.cites : m.attendees).push_back(object);
    const std::string text = m.label + " " + predicate + " " + object.substr(object.rfind('/') + 1) + ".";
    const std::size_t start = append(text);
    x_.relations.push_back({meeting, predicate, object, std::nullopt, {start, start + length(text)}});
    sentences_.push_back(text);
  }

  // Appends a sentence; returns its start in code points.
  std::size_t append(const std::string& text) {
    if (!x_.text.empty()) x_.text += " ";
    const std::size_t start = length(x_.text);
    x_.text += text;
    x_.sentences.push_back({start, start + length(text)});
    return start;
  }

  static std::size_t length(const std::string& text) {
    std::size_t points = 0;
    for (unsigned char c : text) points += (c & 0xC0) != 0x80;
    return points;
  }

  extract::Extraction x_;
  std::vector<std::string> sentences_;
};

inline graph::Store storeOf(const Report& report) {
  auto store = graph::Store::openForReading({"", graph::StoreKind::Memory});
  store.ingest({report.extraction()});
  return store;
}

// Three meetings, three resolutions, four states:
//   First  cites 101 102      attended by Mali, Niger
//   Second cites 101 102 103  attended by Niger, Chad
//   Third  cites 101          attended by Chad
//   Peru is named but attends nothing.
// 10 entities, 11 relations (6 cites + 5 attendee), 2 connected components (9 + Peru).
inline Report sahel() {
  Report r("sahel");
  const auto mali = r.state("MLI", "Mali", "Mali");
  const auto niger = r.state("NER", "Niger", "Niger");
  const auto chad = r.state("TCD", "Chad", "Tchad");
  r.state("PER", "Peru", "Pérou");
  const auto r101 = r.resolution("101", 2001);
  const auto r102 = r.resolution("102", 2001);
  const auto r103 = r.resolution("103", 2001);
  const auto first = r.meeting("2001-01-10-first", "First meeting", "2001-01-10");
  const auto second = r.meeting("2001-02-10-second", "Second meeting", "2001-02-10");
  const auto third = r.meeting("2001-03-10-third", "Third meeting", "2001-03-10");
  r.attendee(first, mali);  // fact 0
  r.attendee(first, niger);
  r.attendee(second, niger);
  r.attendee(second, chad);
  r.attendee(third, chad);
  r.cites(first, r101);
  r.cites(first, r102);
  r.cites(second, r101);
  r.cites(second, r102);
  r.cites(second, r103);  // fact 9
  r.cites(third, r101);
  return r;
}

// A chain Mali - First - Niger - Second - Chad: every path between the two ends of the chain and
// the entities on it passes through the middle. Niger's betweenness is 4 (pairs Mali-Second,
// Mali-Chad, First-Second, First-Chad); the ends score 0.
inline Report chain() {
  Report r("chain");
  const auto mali = r.state("MLI", "Mali", "Mali");
  const auto niger = r.state("NER", "Niger", "Niger");
  const auto chad = r.state("TCD", "Chad", "Tchad");
  const auto first = r.meeting("2001-01-10-first", "First meeting", "2001-01-10");
  const auto second = r.meeting("2001-02-10-second", "Second meeting", "2001-02-10");
  r.attendee(first, mali);
  r.attendee(first, niger);
  r.attendee(second, niger);
  r.attendee(second, chad);
  return r;
}

}  // namespace diplograph::exporter::testing
