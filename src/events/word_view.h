// SPDX-License-Identifier: Apache-2.0
#pragma once
// The words the event coder reads: the document's tokens re-split where a tokenizer left
// punctuation or clitics attached ("Mexico." -> "Mexico" "."; "Hungary's" -> "Hungary" "'s";
// "U.N.-backed" -> "U.N." "-" "backed"), each with a normalised form for dictionary lookups.
// On well-tokenized input this is a copy of the tokens with their normal forms.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"

namespace dateline::events {

struct Word {
  Span span;          ///< bytes of the word in Document::text
  std::string norm;   ///< lower case, periods of abbreviations removed ("U.S." -> "us"), ' for ’
  std::string lemma;  ///< from the syntax layer, lower case; "" when the syntax stage did not run
  std::string upos;   ///< from the syntax layer; "" when absent
  int32_t token = -1; ///< document token the word came from
  bool capitalized = false;  ///< first letter upper case
  bool all_caps = false;     ///< every letter upper case and at least two letters
  bool punct = false;        ///< only punctuation
};

/// Splits the tokens [token_begin, token_end) of `doc` into words.
/// Ensures: words are in text order, non-empty, and each lies inside its token.
std::vector<Word> split_words(const Document& doc, uint32_t token_begin, uint32_t token_end);

/// The words of a short phrase written without a Document (a name, a title), split on
/// spaces; spans are offsets into `text`, and there are no tokens or tags.
std::vector<Word> words_of_phrase(std::string_view text);

/// The normal form of a word as split_words() computes it, for dictionary keys.
std::string normalize_word(std::string_view word);

}  // namespace dateline::events
