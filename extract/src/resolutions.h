#pragma once
// Resolution references: "résolution 2374 (2017)", "resolutions 822 (1993), 853 (1993)",
// "S/RES/2728 (2024)", "A/RES/70/233", "Resolution No. 8/44-POL", with the issuing body from the
// text around them or, failing that, from the shape of the number.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dates.h"
#include "gazetteer.h"
#include "text.h"

namespace diplograph::extract {

struct ResolutionHit {
  std::string issuer;  // organization key: UNSC, UNGA, HRC, OIC, ...
  std::string number;  // "822", "70/233", "8/44-POL"
  std::optional<int> year;
  std::vector<std::pair<std::size_t, std::size_t>> mentions;  // token ranges, inclusive
};

// Organization hits the issuer may be taken from: token range and organization key. In text
// order (by first token).
struct NamedBody {
  std::size_t first = 0;
  std::size_t last = 0;
  std::string key;
  bool adoptsResolutions = false;  // a body that adopts none is an issuer only when named as one
};

// The words a reference to a resolution starts with ("resolution(s)", and "res" in a symbol),
// numbered in `vocabulary`: the view given to findResolutions numbers its words from it.
WordSet resolutionCueWords(Vocabulary& vocabulary);

// One entry per resolution (same number, same entity), in order of first mention. `cueWords`
// are resolutionCueWords of the vocabulary the view numbers its words from.
std::vector<ResolutionHit> findResolutions(const TextView& view, const Gazetteer& gazetteer, const WordSet& cueWords,
                                           const std::vector<DateHit>& dates, const std::vector<NamedBody>& bodies);

}  // namespace diplograph::extract
