#pragma once
// The `extract --format json` mapping of DESIGN.md, shared by the CLI and the golden tests.
#include <nlohmann/json.hpp>

#include "diplograph/extract/extraction.h"

namespace diplograph::extract {

nlohmann::json toJson(const Extraction& extraction);
// Inverse of toJson (text and sentences are not in the JSON and stay empty).
// Throws diplograph::InputError on a document that does not follow the contract.
Extraction extractionFromJson(const nlohmann::json& json);

}  // namespace diplograph::extract
