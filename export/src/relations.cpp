#include "relations.h"

#include <map>

#include "diplograph/graph/vocabulary.h"

namespace diplograph::exporter {

std::string predicateOf(const std::string& relation) {
  namespace vocab = graph::vocab;
  static const std::map<std::string, std::string> kPredicates = {
      {"cites", vocab::kDg + "cites"},
      {"attendee", vocab::kSchema + "attendee"},
      {"location", vocab::kSchema + "location"},
      {"sidelines of", vocab::kSchema + "superEvent"},
      {"chair", vocab::kDg + "chairedBy"},
      {"adopted by", vocab::kDg + "adoptedBy"},
      {kCoCited, ""},
      {kCoAttended, ""},
  };
  const auto found = kPredicates.find(relation);
  return found != kPredicates.end() ? found->second : vocab::kOrg + "holds";
}

}  // namespace diplograph::exporter
