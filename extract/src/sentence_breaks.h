#pragma once
// Where ICU's sentence breaker ends the sentences of a text.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::extract {

// The boundaries ICU's sentence breaker finds in `text` for `language` ("en", "fr"), with the
// locale's standard abbreviation suppressions, in UTF-16 units and ascending; the last one is
// the end of the text. The same boundaries as ICU's over the whole text, but ICU reads only
// the stretches around what can end a sentence (see sentence_breaks.cpp), a third of a report.
std::vector<std::size_t> sentenceBoundaries(std::u16string_view text, std::string_view language);

// The abbreviations after which ICU does not end a sentence for `language` ("Mr.", "e.g.",
// "Ph.D."): its standard suppressions, from its own data, in code-unit order.
std::vector<std::u16string> sentenceAbbreviations(std::string_view language);

}  // namespace diplograph::extract
