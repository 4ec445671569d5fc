#include "diplograph/extract/json.h"

#include "diplograph/extract/error.h"

namespace diplograph::extract {
namespace {

using nlohmann::json;

template <typename T>
json orNull(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

template <typename T>
std::optional<T> optional(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  return it->get<T>();
}

json keysToJson(const EntityKeys& k) {
  json out = json::object();
  if (k.iso3166) out["iso3166"] = *k.iso3166;
  if (k.acronym) out["acronym"] = *k.acronym;
  if (k.issuer) out["issuer"] = *k.issuer;
  if (k.number) out["number"] = *k.number;
  if (k.year) out["year"] = *k.year;
  if (k.name) out["name"] = *k.name;
  if (k.date) out["date"] = *k.date;
  return out;
}

EntityKeys keysFromJson(const json& j) {
  return {optional<std::string>(j, "iso3166"), optional<std::string>(j, "acronym"), optional<std::string>(j, "issuer"),
          optional<std::string>(j, "number"),  optional<int>(j, "year"),            optional<std::string>(j, "name"),
          optional<std::string>(j, "date")};
}

}  // namespace

json toJson(const Extraction& x) {
  json out;
  const auto& d = x.document;
  out["document"] = {{"iri", d.iri},     {"source", d.source}, {"language", d.language},
                     {"title", d.title}, {"symbol", d.symbol}, {"sha256", d.sha256}};
  out["meetings"] = json::array();
  for (const auto& m : x.meetings) {
    out["meetings"].push_back({{"iri", m.iri},
                               {"role", m.role == MeetingRole::Main ? "main" : "referenced"},
                               {"label", m.label},
                               {"date", orNull(m.date)},
                               {"end_date", orNull(m.endDate)},
                               {"place", orNull(m.place)},
                               {"sidelines_of", orNull(m.sidelinesOf)},
                               {"attendees", m.attendees},
                               {"chair", orNull(m.chair)},
                               {"cites", m.cites}});
  }
  out["entities"] = json::array();
  for (const auto& e : x.entities) {
    json mentions = json::array();
    for (const auto& m : e.mentions) mentions.push_back({{"start", m.start}, {"end", m.end}, {"text", m.text}});
    out["entities"].push_back({{"iri", e.iri},
                               {"type", entityTypeName(e.type)},
                               {"label", e.label},
                               {"keys", keysToJson(e.keys)},
                               {"mentions", mentions}});
  }
  out["relations"] = json::array();
  for (const auto& r : x.relations) {
    out["relations"].push_back({{"subject", r.subject},
                                {"predicate", r.predicate},
                                {"object", r.object},
                                {"of", orNull(r.of)},
                                {"evidence", {{"start", r.evidence.start}, {"end", r.evidence.end}}}});
  }
  return out;
}

Extraction extractionFromJson(const json& j) {
  try {
    Extraction x;
    const auto& d = j.at("document");
    x.document = {d.at("iri"), d.at("source"), d.at("language"), d.value("title", ""), d.value("symbol", ""),
                  d.value("sha256", "")};
    for (const auto& m : j.at("meetings")) {
      Meeting meeting;
      meeting.iri = m.at("iri");
      meeting.role = m.at("role") == "main" ? MeetingRole::Main : MeetingRole::Referenced;
      meeting.label = m.value("label", "");
      meeting.date = optional<std::string>(m, "date");
      meeting.endDate = optional<std::string>(m, "end_date");
      meeting.place = optional<std::string>(m, "place");
      meeting.sidelinesOf = optional<std::string>(m, "sidelines_of");
      meeting.attendees = m.value("attendees", std::vector<std::string>{});
      meeting.chair = optional<std::string>(m, "chair");
      meeting.cites = m.value("cites", std::vector<std::string>{});
      x.meetings.push_back(std::move(meeting));
    }
    for (const auto& e : j.at("entities")) {
      const auto type = entityTypeFromName(e.at("type"));
      if (!type) throw InputError("unknown entity type " + e.at("type").dump());
      Entity entity{e.at("iri"), *type, e.value("label", ""), keysFromJson(e.value("keys", json::object())), {}};
      for (const auto& m : e.value("mentions", json::array())) entity.mentions.push_back({m.at("start"), m.at("end"), m.at("text")});
      x.entities.push_back(std::move(entity));
    }
    for (const auto& r : j.at("relations")) {
      const auto& ev = r.value("evidence", json::object());
      x.relations.push_back({r.at("subject"), r.at("predicate"), r.at("object"), optional<std::string>(r, "of"),
                             {ev.value("start", std::size_t{0}), ev.value("end", std::size_t{0})}});
    }
    return x;
  } catch (const json::exception& bad) {
    throw InputError(std::string("extraction JSON does not follow the contract: ") + bad.what());
  }
}

}  // namespace diplograph::extract
