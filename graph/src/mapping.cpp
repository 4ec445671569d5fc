#include "diplograph/graph/mapping.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>

#include "diplograph/extract/iris.h"
#include "diplograph/graph/vocabulary.h"

namespace diplograph::graph {
namespace {

using extract::EntityType;
using extract::Extraction;
using extract::MeetingRole;
using extract::Span;

Term dg(std::string_view local) { return Term::iri(vocab::kDg + std::string(local)); }
Term rdf(std::string_view local) { return Term::iri(vocab::kRdf + std::string(local)); }
Term rdfs(std::string_view local) { return Term::iri(vocab::kRdfs + std::string(local)); }
Term skos(std::string_view local) { return Term::iri(vocab::kSkos + std::string(local)); }
Term schema(std::string_view local) { return Term::iri(vocab::kSchema + std::string(local)); }
Term org(std::string_view local) { return Term::iri(vocab::kOrg + std::string(local)); }
Term dct(std::string_view local) { return Term::iri(vocab::kDct + std::string(local)); }
Term prov(std::string_view local) { return Term::iri(vocab::kProv + std::string(local)); }
Term nif(std::string_view local) { return Term::iri(vocab::kNif + std::string(local)); }
Term xsd(std::string_view type, std::string value) { return Term::typed(std::move(value), vocab::kXsd + std::string(type)); }
Term integer(std::size_t n) { return xsd("nonNegativeInteger", std::to_string(n)); }

// Byte offsets of every code point boundary, so spans in code points can be sliced.
std::vector<std::size_t> codePointOffsets(const std::string& text) {
  std::vector<std::size_t> offsets;
  offsets.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(text.size());
  return offsets;
}

// A stable 64-bit FNV-1a hash, so fact IRIs are the same in every run and on every platform.
std::string stableHash(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[static_cast<std::size_t>(i)] = kHex[hash & 0xF];
  return out;
}

const char* className(EntityType type) {
  switch (type) {
    case EntityType::State: return "State";
    case EntityType::Organization: return "Organization";
    case EntityType::Resolution: return "Resolution";
    case EntityType::Person: return "Person";
    case EntityType::Place: return "Place";
    case EntityType::Meeting: return "Meeting";
    case EntityType::Date: return "Date";
    case EntityType::Agreement: return "Agreement";
  }
  return "Entity";
}

class Mapper {
 public:
  explicit Mapper(const Extraction& extraction)
      : x_(extraction), doc_(extraction.document.iri), offsets_(codePointOffsets(extraction.text)) {}

  std::vector<Triple> run() {
    mapDocument();
    for (const auto& entity : x_.entities) mapEntity(entity);
    for (const auto& meeting : x_.meetings) mapMeeting(meeting);
    for (const auto& relation : x_.relations) mapRelation(relation);
    // Sorted through indices: moving a triple (six strings) costs more than comparing two.
    std::vector<std::uint32_t> order(out_.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return out_[a] < out_[b]; });
    std::vector<Triple> sorted;
    sorted.reserve(order.size());
    for (std::uint32_t i : order) {
      if (sorted.empty() || sorted.back() != out_[i]) sorted.push_back(std::move(out_[i]));
    }
    return sorted;
  }

 private:
  void add(Term s, Term p, Term o) { out_.push_back({std::move(s), std::move(p), std::move(o)}); }
  std::size_t length() const { return offsets_.size() - 1; }
  std::string slice(Span span) const {
    const std::size_t end = std::min(span.end, length());
    const std::size_t start = std::min(span.start, end);
    return x_.text.substr(offsets_[start], offsets_[end] - offsets_[start]);
  }
  Term spanNode(Span span) const {
    return Term::iri(doc_ + "#char=" + std::to_string(span.start) + "," + std::to_string(span.end));
  }
  Term context() const { return spanNode({0, length()}); }
  std::string language() const { return x_.document.language; }

  void mapDocument() {
    const Term d = Term::iri(doc_);
    const auto& info = x_.document;
    add(d, rdf("type"), dg("Document"));
    add(d, rdf("type"), prov("Entity"));
    add(d, dct("source"), Term::literal(info.source));
    if (!info.title.empty()) add(d, dct("title"), Term::literal(info.title, info.language));
    if (!info.language.empty()) add(d, dct("language"), Term::literal(info.language));
    if (!info.symbol.empty()) add(d, dct("identifier"), Term::literal(info.symbol));
    add(d, dg("sha256"), Term::literal(info.sha256));
    const Term ctx = context();
    add(ctx, rdf("type"), nif("Context"));
    add(ctx, nif("isString"), Term::literal(x_.text));
    add(ctx, nif("beginIndex"), integer(0));
    add(ctx, nif("endIndex"), integer(length()));
    add(ctx, nif("sourceUrl"), d);
  }

  // The NIF phrase for a span, linked to the sentence that contains it. A span that crosses a
  // sentence boundary (a fact stated over two sentences) links to the sentences it touches, so
  // every phrase has a sentence and queries need no OPTIONAL for it.
  Term phrase(Span span) {
    const Term node = spanNode(span);
    add(node, rdf("type"), nif("Phrase"));
    add(node, nif("beginIndex"), integer(span.start));
    add(node, nif("endIndex"), integer(span.end));
    add(node, nif("anchorOf"), Term::literal(slice(span)));
    add(node, nif("referenceContext"), context());
    std::optional<Span> sentence;
    for (const auto& s : x_.sentences) {
      if (s.end <= span.start || s.start >= std::max(span.end, span.start + 1)) continue;
      sentence = sentence ? Span{sentence->start, s.end} : s;
    }
    if (sentence) {
      const Term s = spanNode(*sentence);
      add(s, rdf("type"), nif("Sentence"));
      add(s, nif("beginIndex"), integer(sentence->start));
      add(s, nif("endIndex"), integer(sentence->end));
      add(s, nif("anchorOf"), Term::literal(slice(*sentence)));
      add(s, nif("referenceContext"), context());
      add(node, nif("sentence"), s);
    }
    return node;
  }

  void mapEntity(const extract::Entity& entity) {
    const Term e = Term::iri(entity.iri);
    add(e, rdf("type"), dg(className(entity.type)));
    add(e, rdfs("label"), Term::literal(entity.label));
    const auto& k = entity.keys;
    if (k.iso3166) add(e, dg("iso3166"), Term::literal(*k.iso3166));
    if (k.acronym) add(e, dg("acronym"), Term::literal(*k.acronym));
    if (k.number) add(e, dg("number"), Term::literal(*k.number));
    if (k.year) add(e, dg("year"), xsd("integer", std::to_string(*k.year)));
    if (k.name) add(e, schema("name"), Term::literal(*k.name));
    if (k.date) add(e, dg("date"), xsd("date", *k.date));
    if (k.issuer) {
      // The issuer key names an organization; the resolution's adoptedBy relation links it.
      add(e, dg("issuer"), Term::literal(*k.issuer));
    }
    std::set<std::string> surfaceForms;
    for (const auto& mention : entity.mentions) {
      const Term p = phrase({mention.start, mention.end});
      add(p, Term::iri("http://www.w3.org/2005/11/its/rdf#taIdentRef"), e);
      surfaceForms.insert(mention.text);
    }
    for (const auto& form : surfaceForms) add(e, skos("altLabel"), Term::literal(form, language()));
    if (!entity.mentions.empty()) add(Term::iri(doc_), schema("mentions"), e);
  }

  void mapMeeting(const extract::Meeting& meeting) {
    const Term m = Term::iri(meeting.iri);
    add(m, rdf("type"), dg("Meeting"));
    add(m, rdf("type"), schema("Event"));
    add(m, rdfs("label"), Term::literal(meeting.label));
    if (meeting.date) add(m, schema("startDate"), xsd("date", *meeting.date));
    if (meeting.endDate) add(m, schema("endDate"), xsd("date", *meeting.endDate));
    if (meeting.place) add(m, schema("location"), Term::iri(*meeting.place));
    if (meeting.sidelinesOf) add(m, schema("superEvent"), Term::iri(*meeting.sidelinesOf));
    const Term d = Term::iri(doc_);
    add(d, meeting.role == MeetingRole::Main ? dg("reportsOn") : schema("mentions"), m);
    // attendee, chair and cites are added by their relations, which carry the evidence.
    for (const auto& state : meeting.attendees) add(m, schema("attendee"), Term::iri(state));
    if (meeting.chair) add(m, dg("chairedBy"), Term::iri(*meeting.chair));
    for (const auto& resolution : meeting.cites) add(m, dg("cites"), Term::iri(resolution));
  }

  // A fact and its provenance: the triple itself, and an rdf:Statement naming its document and
  // the phrase that supports it.
  void fact(const Term& s, const Term& p, const Term& o, Span evidence) {
    add(s, p, o);
    const Term f = Term::iri(doc_ + "#fact-" + stableHash(toNTriples(Triple{s, p, o})));
    add(f, rdf("type"), rdf("Statement"));
    add(f, rdf("subject"), s);
    add(f, rdf("predicate"), p);
    add(f, rdf("object"), o);
    add(f, prov("wasDerivedFrom"), Term::iri(doc_));
    if (evidence.end > evidence.start) add(f, dg("evidence"), phrase(evidence));
  }

  void mapRelation(const extract::Relation& r) {
    const Term s = Term::iri(r.subject);
    if (r.predicate == "holdsPost") {
      // W3C ORG: the person holds a Post that exists in a state or organization.
      const std::string of = r.of.value_or("");
      const Term post = Term::iri(of + "/post/" + extract::slug(r.object));
      add(post, rdf("type"), org("Post"));
      add(post, rdfs("label"), Term::literal(r.object, "en"));
      if (!of.empty()) fact(post, org("postIn"), Term::iri(of), r.evidence);
      fact(s, org("holds"), post, r.evidence);
    } else if (r.predicate == "adoptedBy") {
      fact(s, dg("adoptedBy"), Term::iri(r.object), r.evidence);
    } else if (r.predicate == "cites") {
      fact(s, dg("cites"), Term::iri(r.object), r.evidence);
    } else if (r.predicate == "attendee") {
      fact(s, schema("attendee"), Term::iri(r.object), r.evidence);
    } else if (r.predicate == "chair") {
      fact(s, dg("chairedBy"), Term::iri(r.object), r.evidence);
    } else {
      fact(s, dg(r.predicate), Term::iri(r.object), r.evidence);
    }
  }

  const Extraction& x_;
  const std::string doc_;
  const std::vector<std::size_t> offsets_;
  std::vector<Triple> out_;
};

}  // namespace

std::vector<Triple> toTriples(const extract::Extraction& extraction) { return Mapper(extraction).run(); }

}  // namespace diplograph::graph
