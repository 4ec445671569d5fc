#include "dates.h"

#include <span>
#include <string>

namespace diplograph::extract {
namespace {

// "19", "1er", "1st", "22nd" -> day number, or 0.
int dayOf(const Token& token) {
  const std::string_view f = token.fold;
  if (f.empty() || f[0] < '0' || f[0] > '9') return 0;  // most words: turned away before the count
  // The value is read as the digits are counted, up to one too many for a day.
  std::size_t digits = 0;
  int day = 0;
  while (digits < f.size() && digits < 3 && f[digits] >= '0' && f[digits] <= '9') day = day * 10 + (f[digits++] - '0');
  if (digits > 2) return 0;
  const std::string_view suffix = f.substr(digits);
  if (!(suffix.empty() || suffix == "er" || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")) return 0;
  return day >= 1 && day <= 31 ? day : 0;
}

int yearOf(const Token& token) {
  const auto year = token.fold.size() == 4 ? asciiNumber(token.fold) : std::nullopt;
  return year && *year >= 1900 && *year <= 2100 ? *year : 0;
}

class DateScanner {
 public:
  DateScanner(const TextView& view, const Gazetteer& g) : view_(view), tokens_(view.tokens()), g_(g) {}

  std::vector<DateHit> scan() {
    std::vector<DateHit> hits;
    for (std::size_t i = nextStart(0); i < tokens_.size(); i = nextStart(i)) {
      std::optional<DateHit> hit = dayFirst(i);
      if (!hit) hit = monthFirst(i);
      if (!hit) {
        ++i;
        continue;
      }
      if (hits.empty()) hits.reserve(8);  // most reports give a few dates: no regrowth for them
      hits.push_back(*hit);
      i = hit->last + 1;
    }
    return hits;
  }

 private:
  // The first token from i on that may start a date, with a day or a month; the token count if
  // none. Most tokens are neither: this loop, which calls nothing and stores nothing, keeps what
  // it reads in registers and passes them over at a few instructions each.
  std::size_t nextStart(std::size_t i) const {
    while (i < tokens_.size()) {
      // The month first: its table is then read at every pass, and the compiler reads where it
      // lies once, before the loop.
      const std::string_view f = tokens_[i].fold;
      if (g_.months[tokens_[i].word] || (!f.empty() && f[0] >= '0' && f[0] <= '9')) break;
      ++i;
    }
    return i;
  }
  int monthAt(std::size_t i) const {
    if (i >= tokens_.size()) return 0;
    const int month = g_.months[tokens_[i].word];
    // English "may" is a verb unless capitalised.
    if (!month || (tokens_[i].fold == "may" && !tokens_[i].upper)) return 0;
    return month;
  }
  int dayAt(std::size_t i) const {
    if (i >= tokens_.size()) return 0;
    // Most tokens are no day: the gap is read only before those that are.
    const int day = dayOf(tokens_[i]);
    if (!day) return 0;
    // Not a day inside a number or symbol ("8/44", "4,2").
    const auto gap = view_.gapBefore(i);
    if (gap.size() == 1 && (gap[0] == '/' || gap[0] == ',' || gap[0] == '.')) return 0;
    return day;
  }
  int yearAt(std::size_t i) const { return i < tokens_.size() ? yearOf(tokens_[i]) : 0; }
  bool rangeGap(std::size_t i) const {
    const auto gap = view_.gapBefore(i);
    for (char32_t c : gap) {
      if (c == '-' || c == 0x2013 || c == 0x2014) return true;
    }
    return false;
  }
  // "et", "and", "au", "to", "-" between two days or dates: returns index of the next part.
  std::optional<std::size_t> connector(std::size_t i) const {
    if (i >= tokens_.size()) return std::nullopt;
    if (rangeGap(i)) return i;
    const std::string_view f = tokens_[i].fold;
    if (f == "et" || f == "and" || f == "au" || f == "to" || f == "a") return i + 1;
    return std::nullopt;
  }

  std::optional<DateHit> dayFirst(std::size_t i) const {
    const int d1 = dayAt(i);
    if (!d1) return std::nullopt;
    std::size_t k = i + 1;
    int d2 = 0;
    int m1 = 0;
    if (auto next = connector(k); next && dayAt(*next)) {
      d2 = dayAt(*next);
      k = *next + 1;
    } else if ((m1 = monthAt(k)) != 0) {
      // "22 septembre au 3 octobre 2000"
      if (auto after = connector(k + 1); after && dayAt(*after) && monthAt(*after + 1)) {
        const int d2b = dayAt(*after);
        const int m2 = monthAt(*after + 1);
        const int y = yearAt(*after + 2);
        DateHit hit{i, *after + (y ? 2 : 1), {y, m1, d1}, CalendarDate{y, m2, d2b}};
        return hit;
      }
    }
    const int m = m1 ? m1 : monthAt(k);
    if (!m) return std::nullopt;
    const int y = yearAt(k + 1);
    DateHit hit{i, y ? k + 1 : k, {y, m, d1}, std::nullopt};
    if (d2) hit.end = CalendarDate{y, m, d2};
    return hit;
  }

  std::optional<DateHit> monthFirst(std::size_t i) const {
    const int m = monthAt(i);
    if (!m || !tokens_[i].upper) return std::nullopt;
    const int d1 = dayAt(i + 1);
    if (!d1) return std::nullopt;
    std::size_t k = i + 2;
    int d2 = 0;
    if (auto next = connector(k); next && dayAt(*next)) {
      d2 = dayAt(*next);
      k = *next + 1;
    }
    const int y = yearAt(k);
    DateHit hit{i, y ? k : k - 1, {y, m, d1}, std::nullopt};
    if (d2) hit.end = CalendarDate{y, m, d2};
    return hit;
  }

  const TextView& view_;
  // A span, whose size() is stored: std::vector<Token>::size() divides by the size of a token, at
  // every loop test.
  const std::span<const Token> tokens_;
  const Gazetteer& g_;
};

}  // namespace

std::string CalendarDate::iso() const {
  // By hand, written from the end into a buffer and copied once: snprintf, or std::to_string
  // per field, costs more than the rest of making a date entity. No field is negative.
  char buffer[32];  // three fields of at most ten digits and two dashes
  char* const end = buffer + sizeof buffer;
  char* first = end;
  const auto prepend = [&first](int field, int width) {
    auto value = static_cast<unsigned>(field);
    do {
      *--first = static_cast<char>('0' + value % 10);
      value /= 10;
    } while (--width > 0 || value != 0);
  };
  prepend(day, 2);
  *--first = '-';
  prepend(month, 2);
  *--first = '-';
  prepend(year, 4);
  return std::string(first, end);
}

std::vector<DateHit> findDates(const TextView& view, const Gazetteer& gazetteer) {
  return DateScanner(view, gazetteer).scan();
}

const DateHit* dateStartingAt(const std::vector<DateHit>& dates, std::size_t token) {
  const auto after = startingFrom(dates, token);
  return !after.empty() && after.front().first == token ? &after.front() : nullptr;
}

}  // namespace diplograph::extract
