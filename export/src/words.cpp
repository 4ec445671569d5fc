#include "words.h"

#include <map>

#include "diplograph/extract/error.h"

namespace diplograph::exporter {
namespace {

bool french(const std::string& language) { return language == "fr"; }

// English word -> French word; a word without an entry is the same in both languages.
std::string translate(const std::string& english, const std::string& language,
                      const std::map<std::string, std::string>& french) {
  if (language != "fr") return english;
  const auto found = french.find(english);
  return found != french.end() ? found->second : english;
}

}  // namespace

void checkLanguage(const std::string& language) {
  if (language != "en" && language != "fr") throw UsageError("unknown --lang '" + language + "' (expected fr or en)");
}

std::string typeName(const std::string& type, const std::string& language) {
  static const std::map<std::string, std::string> kFrench = {
      {"State", "État"},  {"Organization", "Organisation"}, {"Resolution", "Résolution"}, {"Person", "Personne"},
      {"Place", "Lieu"},  {"Meeting", "Réunion"},           {"Agreement", "Accord"},      {"Resource", "Ressource"},
  };
  return translate(type, language, kFrench);
}

std::string relationName(const std::string& relation, const std::string& language) {
  static const std::map<std::string, std::string> kFrench = {
      {"cites", "cite"},           {"attendee", "participant"},   {"location", "lieu"},
      {"sidelines of", "en marge de"}, {"chair", "présidée par"}, {"adopted by", "adoptée par"},
  };
  return translate(relation, language, kFrench);
}

std::string legendTitle(const std::string& language) { return french(language) ? "Légende" : "Legend"; }

std::string leftOutNote(std::size_t count, const std::string& language) {
  const std::string n = std::to_string(count);
  return french(language) ? n + " entités moins reliées non dessinées ; --focus les montre"
                          : n + " less-connected entities left out; use --focus to see them";
}

std::string meetingCount(std::size_t count, const std::string& language) {
  const std::string n = std::to_string(count);
  if (french(language)) return n + (count == 1 ? " réunion" : " réunions");
  return n + (count == 1 ? " meeting" : " meetings");
}

std::string traceTitle(const std::string& resolution, const std::string& language) {
  return french(language) ? "Réunions citant " + resolution + ", par année" : "Meetings citing " + resolution + ", by year";
}

std::string undatedRank(const std::string& language) { return french(language) ? "sans date" : "undated"; }

}  // namespace diplograph::exporter
