#pragma once
// Lenient text comparison shared by the extractor, the scorer and query parameters: what an
// analyst types ("Azerbaidjan", "cote d'ivoire") must find what documents write.
#include <string>
#include <string_view>

namespace diplograph::extract {

// Case-folded, accents removed, apostrophes and full stops dropped, hyphens and runs of
// white space turned into one space: "Côte d’Ivoire" -> "cote divoire",
// "Haut-Karabakh" -> "haut karabakh". Input must be valid UTF-8.
std::string foldForMatching(std::string_view text);

// True if every byte is 7-bit ASCII: such text needs no Unicode folding or transliteration.
bool isAscii(std::string_view text);

}  // namespace diplograph::extract
