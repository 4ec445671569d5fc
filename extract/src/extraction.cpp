#include "diplograph/extract/extraction.h"

#include <array>
#include <utility>

namespace diplograph::extract {
namespace {

constexpr std::array<std::pair<EntityType, const char*>, 8> kNames = {{
    {EntityType::State, "State"},
    {EntityType::Organization, "Organization"},
    {EntityType::Resolution, "Resolution"},
    {EntityType::Person, "Person"},
    {EntityType::Place, "Place"},
    {EntityType::Meeting, "Meeting"},
    {EntityType::Date, "Date"},
    {EntityType::Agreement, "Agreement"},
}};

}  // namespace

const char* entityTypeName(EntityType type) {
  for (const auto& [t, name] : kNames) {
    if (t == type) return name;
  }
  return "Entity";
}

std::optional<EntityType> entityTypeFromName(const std::string& name) {
  for (const auto& [t, n] : kNames) {
    if (name == n) return t;
  }
  return std::nullopt;
}

}  // namespace diplograph::extract
