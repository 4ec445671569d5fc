#pragma once
// Code-point view of a document and its word tokens. Every offset here counts Unicode code
// points into the document text (the unit of Mention and Span), never bytes.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/extract/extraction.h"

namespace diplograph::extract {

std::u32string toCodePoints(std::string_view utf8);
std::string toUtf8(std::u32string_view text);

// One word: a run of letters and digits. A word hyphenated across a line break ("Paki-\nstan")
// is one token; markup tags ("<sup>") and apostrophes separate tokens.
struct Token {
  std::size_t start = 0;  // code points into the text
  std::size_t end = 0;
  std::string fold;      // case-folded, accents removed, hyphenation removed (UTF-8)
  std::string display;   // as written, hyphenation removed (UTF-8)
  std::size_t foldHash = 0;  // std::hash of fold, computed once for every gazetteer look-up
  bool upper = false;    // first letter is upper case
  bool allUpper = false;  // every letter is upper case (acronyms, capitalised titles)
  bool digits = false;   // only digits
  std::size_t sentence = 0;  // index into the sentence list
};

class TextView {
 public:
  // Tokens only: phrases in gazetteers need no sentences, and a document's language, which the
  // sentence rules depend on, is told from its tokens.
  explicit TextView(std::string_view utf8);
  // Splits the text into sentences by the rules of `language` and numbers each token's sentence.
  void splitSentences(std::string_view language);

  const std::u32string& text() const { return text_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Span>& sentences() const { return sentences_; }

  // The code points between token i-1 and token i (from the text start for i == 0).
  std::u32string_view gapBefore(std::size_t i) const;
  // The exact text of [start, end) in UTF-8.
  std::string slice(std::size_t start, std::size_t end) const;
  Mention mention(std::size_t firstToken, std::size_t lastToken) const;
  // True if the gap before token i holds a sentence-internal separator such as ',' ';' ':' '(' '|'.
  bool punctuatedBefore(std::size_t i) const;

 private:
  std::u32string text_;
  std::vector<Token> tokens_;
  std::vector<Span> sentences_;
};

// Case-folds one code point and strips its accents ("É" -> 'e', "ı" -> 'i').
char32_t foldCodePoint(char32_t c);
// Folded tokens of a phrase, as TextView would produce them: "Côte d'Ivoire" -> {cote, d, ivoire}.
std::vector<std::string> foldedWords(std::string_view phrase);

}  // namespace diplograph::extract
