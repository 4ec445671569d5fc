#pragma once
// Scores an Extraction against a hand-made gold annotation (the format and leniency rules of
// tests/corpus/README.md): precision, recall and F1 per entity type, per meeting field and per
// relation. Names compare after foldForMatching; a person also matches on the surname.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "diplograph/extract/extraction.h"

namespace diplograph::extract {

// Counts for one category, with what was missed and what was extra, for reading the errors.
struct Score {
  std::size_t truePositives = 0;
  std::size_t falsePositives = 0;
  std::size_t falseNegatives = 0;
  std::vector<std::string> missed;    // in the gold, not found
  std::vector<std::string> spurious;  // found, not in the gold

  double precision() const;
  double recall() const;
  double f1() const;
  Score& operator+=(const Score& other);
};

// Categories, in report order: the entity types (State ... Date), then the main meeting's fields
// (meeting.date, meeting.place, meeting.sidelines, meeting.chair, attendees, cites), the
// referenced meetings (matched by date, else place), their attendees, and the relations.
struct EvaluationReport {
  std::string document;
  std::map<std::string, Score> categories;

  EvaluationReport& operator+=(const EvaluationReport& other);
};

// Scores one extraction; `gold` is a parsed NAME.gold.json. Throws InputError on a malformed gold.
EvaluationReport evaluate(const Extraction& extraction, const nlohmann::json& gold);

// The category names in report order.
const std::vector<std::string>& evaluationCategories();

// A table (category, TP, FP, FN, precision, recall, F1) of the sum of the reports, per-document
// lines for each category's misses when `details` is set.
std::string formatReport(const std::vector<EvaluationReport>& reports, bool details);

// The same as SPARQL-free JSON: {"total": {category: {tp, fp, fn, precision, recall, f1}},
// "documents": [{"document", "categories": {...with missed/spurious}}]}.
nlohmann::json reportToJson(const std::vector<EvaluationReport>& reports);

}  // namespace diplograph::extract
