#pragma once
// Stable, readable IRIs: the same thing gets the same IRI in every document and every run.
//   <base>state/DJI   <base>org/oic   <base>resolution/unsc/822-1993   <base>person/elmar-mammadyarov
//   <base>place/new-york   <base>date/2016-09-19   <base>meeting/<date>-<place>-<body>
//   <base>document/<file-stem-slug>
#include <optional>
#include <string>
#include <string_view>

namespace diplograph::extract {

inline constexpr std::string_view kDefaultBaseIri = "https://diplograph.org/id/";

// Lower-case ASCII slug: transliterated to Latin, accents stripped, runs of other characters
// replaced by one '-'. "Haut-Karabakh" -> "haut-karabakh", "Türkiye" -> "turkiye".
std::string slug(std::string_view text);

std::string stateIri(std::string_view base, std::string_view iso3);
std::string organizationIri(std::string_view base, std::string_view key);
std::string resolutionIri(std::string_view base, std::string_view issuer, std::string_view number,
                          std::optional<int> year);
std::string personIri(std::string_view base, std::string_view name);
std::string placeIri(std::string_view base, std::string_view name);
std::string dateIri(std::string_view base, std::string_view isoDate);
std::string meetingIri(std::string_view base, std::string_view bodyKey,
                       const std::optional<std::string>& date,
                       const std::optional<std::string>& placeName);
std::string documentIri(std::string_view base, std::string_view sourcePath);

}  // namespace diplograph::extract
