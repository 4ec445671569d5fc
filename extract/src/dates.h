#pragma once
// Calendar dates written in French or English: "19 Septembre 2016", "le lundi 10 juillet 2017",
// "September 28, 2018", "1er juin 2019", ranges "18–19 October 2022", "du 27 au 30 juin 2000",
// "1 and 2 March 2019", and day-month without a year ("April 10-11"), whose year the caller fills in.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "gazetteer.h"
#include "text.h"

namespace diplograph::extract {

struct CalendarDate {
  int year = 0;  // 0 when the text gives none
  int month = 0;
  int day = 0;
  std::string iso() const;  // yyyy-mm-dd
  bool operator==(const CalendarDate&) const = default;
};

struct DateHit {
  std::size_t first = 0;  // token range, inclusive
  std::size_t last = 0;
  CalendarDate start;
  std::optional<CalendarDate> end;  // set for ranges
};

// In text order; dates do not overlap.
std::vector<DateHit> findDates(const TextView& view, const Gazetteer& gazetteer);

// The date whose first token is `token`, or nullptr.
const DateHit* dateStartingAt(const std::vector<DateHit>& dates, std::size_t token);

}  // namespace diplograph::extract
