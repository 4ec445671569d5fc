#pragma once
// What the extract stage hands to the graph stage: plain values, no RDF.
// All offsets count Unicode code points in Extraction::text (the document text as read),
// following the NIF 2.0 / Web Annotation convention; Mention::text equals that slice.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace diplograph::extract {

enum class EntityType { State, Organization, Resolution, Person, Place, Meeting, Date, Agreement };

// "State", "Organization", ... as written in the JSON contract; fromName throws on unknown names.
const char* entityTypeName(EntityType type);
std::optional<EntityType> entityTypeFromName(const std::string& name);

// Half-open range [start, end) of code points.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  bool operator==(const Span&) const = default;
};

struct Mention {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;  // exactly the code points [start, end) of the document text
  bool operator==(const Mention&) const = default;
};

// The identifying keys of an entity; which fields are set depends on the type (DESIGN.md):
// State iso3166, Organization acronym, Resolution issuer/number/year, Person/Place name, Date date.
struct EntityKeys {
  std::optional<std::string> iso3166;  // ISO 3166-1 alpha-3, e.g. "DJI"
  std::optional<std::string> acronym;  // English acronym or short English name, e.g. "OIC"
  std::optional<std::string> issuer;   // key of the adopting body, e.g. "UNSC"
  std::optional<std::string> number;   // "822", "70/233", "8/44-POL"
  std::optional<int> year;             // 1993
  std::optional<std::string> name;     // person without honorific, place name
  std::optional<std::string> date;     // ISO yyyy-mm-dd
  bool operator==(const EntityKeys&) const = default;
};

struct Entity {
  std::string iri;
  EntityType type = EntityType::State;
  std::string label;
  EntityKeys keys;
  std::vector<Mention> mentions;
  bool operator==(const Entity&) const = default;
};

enum class MeetingRole { Main, Referenced };

struct Meeting {
  std::string iri;
  MeetingRole role = MeetingRole::Main;
  std::string label;
  std::optional<std::string> date;          // ISO start date, day precision
  std::optional<std::string> endDate;       // ISO end date of a range
  std::optional<std::string> place;         // IRI of a Place entity
  std::optional<std::string> sidelinesOf;   // IRI of another Meeting
  std::vector<std::string> attendees;       // IRIs of State entities
  std::optional<std::string> chair;         // IRI of a Person entity
  std::vector<std::string> cites;           // IRIs of Resolution entities
  bool operator==(const Meeting&) const = default;
};

// A statement with the span that supports it. Predicates used: "holdsPost" (object is the post
// in English, `of` the State/Organization IRI), "adoptedBy" (object an Organization IRI),
// "cites" and "attendee" (subject a Meeting IRI, object a Resolution / State IRI), "chair".
struct Relation {
  std::string subject;
  std::string predicate;
  std::string object;
  std::optional<std::string> of;
  Span evidence;
  bool operator==(const Relation&) const = default;
};

struct DocumentInfo {
  std::string iri;
  std::string source;    // path as given
  std::string language;  // "fr" or "en"
  std::string title;
  std::string symbol;    // document symbol such as "OIC/ACM-2017/MALI-REP", or ""
  std::string sha256;    // of the file bytes
  bool operator==(const DocumentInfo&) const = default;
};

struct Extraction {
  DocumentInfo document;
  std::vector<Meeting> meetings;
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  // Not part of the JSON contract: the document text as read (UTF-8) and its sentence spans,
  // which the graph stage needs to record the sentence behind each fact.
  std::string text;
  std::vector<Span> sentences;
  bool operator==(const Extraction&) const = default;
};

}  // namespace diplograph::extract
