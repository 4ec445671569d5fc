#pragma once
// Code-point view of a document and its word tokens. Every offset here counts Unicode code
// points into the document text (the unit of Mention and Span), never bytes.
#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/extract/extraction.h"
#include "key_index.h"

namespace diplograph::extract {

// A folded word the gazetteers know, numbered from 1; kNoWord for every other word. Rules look
// words up by number (an array index) rather than by hashing their text again and again.
using WordId = std::uint32_t;
constexpr WordId kNoWord = KeyIndex::kNone;

// The folded words of the gazetteers and their numbers. Every token of every document is
// looked up here once, through a KeyIndex.
class Vocabulary {
 public:
  // The word's number, numbering it if it is new.
  WordId add(std::string_view fold);
  WordId find(std::string_view fold) const { return numbers_.find(fold, hashOf(fold), wordOf()); }
  // With the fold's hash (hashOf) and KeyIndex::tailOf, computed by the caller as it wrote the fold.
  WordId find(std::string_view fold, std::uint64_t tail, std::uint64_t hash) const {
    return numbers_.find(fold, tail, hash, wordOf());
  }
  // FNV-1a: words are short, and inline it costs less than the call to std::hash. Built up one
  // byte at a time by step(), from kHashStart.
  static constexpr std::uint64_t kHashStart = 14695981039346656037u;
  static std::uint64_t step(std::uint64_t hash, char c) { return (hash ^ static_cast<unsigned char>(c)) * 1099511628211u; }
  static std::uint64_t hashOf(std::string_view fold) {
    std::uint64_t hash = kHashStart;
    for (const char c : fold) hash = step(hash, c);
    return hash;
  }
  // One past the highest number given.
  std::size_t size() const { return words_.size(); }

 private:
  // The key KeyIndex reads for a number.
  struct WordOf {
    const Vocabulary* vocabulary;
    std::string_view operator()(std::uint32_t word) const { return vocabulary->words_[word]; }
  };
  WordOf wordOf() const { return {this}; }
  std::vector<std::string> words_ = {""};  // by number; kNoWord has none
  KeyIndex numbers_;  // numbers are words_ indices: kNoWord is KeyIndex::kNone
};

// One word: a run of letters and digits. A word hyphenated across a line break ("Paki-\nstan")
// is one token; markup tags ("<sup>") and apostrophes separate tokens.
struct Token {
  // 32 bits: documents are limited to far fewer code points (kDefaultMaxDocumentBytes), and a
  // smaller token keeps more of a document's tokens in cache.
  std::uint32_t start = 0;  // code points into the text
  std::uint32_t end = 0;
  // Both into the TextView that made the token (UTF-8), alive as long as it is.
  std::string_view fold;     // case-folded, accents removed, hyphenation removed
  std::string_view display;  // as written, hyphenation removed
  WordId word = kNoWord;     // fold's number in the vocabulary the TextView was given
  bool upper = false;    // first letter is upper case
  bool allUpper = false;  // every letter is upper case (acronyms, capitalised titles)
  bool digits = false;   // only digits
  std::uint32_t sentence = 0;  // index into the sentence list
};

class TextView {
 public:
  // Tokens only: phrases in gazetteers need no sentences, and a document's language, which the
  // sentence rules depend on, is told from its tokens.
  // Tokens number their words from `vocabulary` (none without one).
  explicit TextView(std::string_view utf8, const Vocabulary* vocabulary = nullptr);
  // Tokens point into the view's own storage.
  TextView(const TextView&) = delete;
  TextView& operator=(const TextView&) = delete;
  // Splits the text into sentences by the rules of `language` and numbers each token's sentence.
  void splitSentences(std::string_view language);

  std::u32string_view text() const { return {text_.get(), size_}; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Span>& sentences() const { return sentences_; }
  // Where the text holds '\n', ascending.
  std::span<const std::uint32_t> lineBreaks() const { return lineBreaks_; }
  // The tokens that start with a capital or are all in capitals, ascending: names start there,
  // and the rules looking for them read these rather than every token.
  std::span<const std::uint32_t> capitalised() const { return capitalised_; }

  // The code points between token i-1 and token i (from the text start for i == 0).
  std::u32string_view gapBefore(std::size_t i) const {
    const std::size_t from = i == 0 ? 0 : tokens_[i - 1].end;
    const std::size_t to = i < tokens_.size() ? tokens_[i].start : size_;
    return text().substr(from, to - from);
  }
  // The exact text of [start, end) in UTF-8.
  std::string slice(std::size_t start, std::size_t end) const;
  // The same, appended to `out`: a mention's text is written where it is stored.
  void appendSlice(std::string& out, std::size_t start, std::size_t end) const;
  // True if the gap before token i holds a sentence-internal separator such as ',' ';' ':' '(' '|'.
  bool punctuatedBefore(std::size_t i) const;

 private:
  void decode(std::string_view utf8);

  std::unique_ptr<char32_t[]> text_;  // size_ code points, then a NUL
  std::size_t size_ = 0;
  std::size_t astral_ = 0;  // code points of text_ beyond U+FFFF
  std::vector<std::uint32_t> lineControls_;  // where text_ holds '\n', '\r' or '\f'
  std::vector<std::uint32_t> lineBreaks_;    // where text_ holds '\n'

  std::unique_ptr<char[]> folds_;     // every token's fold, one after the other
  std::unique_ptr<char[]> displays_;  // every token's display, one after the other
  std::vector<Token> tokens_;
  std::vector<std::uint32_t> capitalised_;
  std::vector<Span> sentences_;
};

// The items of a list in text order (sorted by `first`, their first token: hits, dates, named
// bodies) that start at token `from` or later. Rules looking just after a mention read only
// these, so they stay linear in long documents.
template <typename Item>
std::span<const Item> startingFrom(const std::vector<Item>& inTextOrder, std::size_t from) {
  const auto it = std::lower_bound(inTextOrder.begin(), inTextOrder.end(), from,
                                   [](const Item& item, std::size_t token) { return item.first < token; });
  return {it, inTextOrder.end()};
}

// The value of a number written in ASCII digits only ("2017"), or nullopt: a token of digits may
// use other scripts' digits ("٢٠١٧"), which no rule reads as a number.
std::optional<int> asciiNumber(std::string_view digits);

// Case-folds one code point and strips its accents ("É" -> 'e', "ı" -> 'i').
char32_t foldCodePoint(char32_t c);
// Folded tokens of a phrase, as TextView would produce them: "Côte d'Ivoire" -> {cote, d, ivoire}.
std::vector<std::string> foldedWords(std::string_view phrase);

}  // namespace diplograph::extract
