// SPDX-License-Identifier: Apache-2.0
#pragma once
// The word view attribution works on: the document's tokens with quotation marks and
// clause punctuation peeled off into words of their own, grouped into units (runs of text
// between line breaks, i.e. paragraphs however the article marks them).
//
// Why a view of its own: attribution spans start and end at quotation marks and commas
// ("…,” Berg said), so those must be separate words whatever the segmenter did with them,
// and the sequence a tagger decodes must not cross a paragraph break even when the
// segmenter found none (articles that separate paragraphs by a single newline).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"

namespace dateline::quotes {

/// What kind of quotation mark a word is (if it is one).
enum class MarkKind : uint8_t {
  kNone,
  kDoubleOpen,    ///< “ „ «
  kDoubleClose,   ///< ” »
  kDoubleStraight,
  kSingleOpen,    ///< ‘
  kSingleClose,   ///< ’ standing alone (also an apostrophe)
  kSingleStraight,
};

struct Word {
  Span span;
  int32_t token = -1;     ///< index into Document::tokens this word was cut from
  uint32_t sentence = 0;  ///< index into Document::sentences
  MarkKind mark = MarkKind::kNone;
  bool punct = false;          ///< no letter or digit
  bool sentence_start = false; ///< first word of its sentence
  bool sentence_end = false;   ///< last word of its sentence
  /// Filled by pair_quote_marks(): depth of double quotation marks around this word (0 =
  /// outside), and the index of the mark pair it is inside (-1 = none).
  uint8_t quote_depth = 0;
  int32_t quote = -1;
  std::string lower;  ///< lower-cased ASCII form, curly marks folded to straight ones
};

/// A run of words between line breaks: the sequence unit for tagging.
struct Unit {
  uint32_t begin = 0;  ///< first word index
  uint32_t end = 0;    ///< one past the last
};

struct WordView {
  std::vector<Word> words;
  std::vector<Unit> units;
};

/// Builds the word view of `doc` (tokens must be filled; syntax is not needed). Tokens of
/// boilerplate sentences are left out. Units longer than `max_unit` words are cut at
/// sentence boundaries; since the segmenter bounds a sentence (kMaxSentenceTokens), a unit
/// holds at most max_unit words plus one sentence, and everything done per unit (tagging,
/// the searches of the attribution steps) is bounded by that, not by the article's length.
WordView build_word_view(const Document& doc, uint32_t max_unit = 200);

/// Splits one token's text into words: leading and trailing quotation marks, brackets,
/// dashes and clause punctuation become words of their own; abbreviation periods stay
/// ("U.S.", "Mr."). Offsets are relative to `token`. Exposed for tests.
std::vector<Span> split_token(std::string_view token);

/// The MarkKind of a word's text.
MarkKind mark_kind(std::string_view word);

}  // namespace dateline::quotes
