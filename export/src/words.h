#pragma once
// The few words a picture writes itself (legend, notes, titles, relation names) in English or
// French. Entity labels come from the store (labels.h); the type names follow the rdfs:labels of
// data/ontology.ttl.
#include <cstddef>
#include <string>

namespace diplograph::exporter {

// Throws UsageError for anything but "en" and "fr".
void checkLanguage(const std::string& language);

std::string typeName(const std::string& type, const std::string& language);      // "State" -> "État"
std::string relationName(const std::string& relation, const std::string& language);  // "cites" -> "cite"
std::string legendTitle(const std::string& language);
std::string leftOutNote(std::size_t count, const std::string& language);
std::string meetingCount(std::size_t count, const std::string& language);  // weight of a network edge
std::string traceTitle(const std::string& resolution, const std::string& language);
std::string undatedRank(const std::string& language);

}  // namespace diplograph::exporter
