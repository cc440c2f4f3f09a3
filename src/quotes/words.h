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
//
// A word's lexical attributes (quotation mark, punctuation, normalised form) come from the
// document's segment::TokenView: a word that is its whole token reads them there, a piece
// cut from a token is classified by the same functions.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"
#include "segment/token_view.h"

namespace dateline::quotes {

/// What kind of quotation mark a word is (if it is one).
using MarkKind = segment::QuoteMark;

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
  std::string lower;  ///< segment::norm(): lower-cased ASCII, curly marks folded to straight
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
/// `tokens` is the document's TokenView; the overload without it builds one.
WordView build_word_view(const Document& doc, const segment::TokenView& tokens,
                         uint32_t max_unit = 200);
WordView build_word_view(const Document& doc, uint32_t max_unit = 200);

/// Splits one token's text into words: leading and trailing quotation marks, brackets,
/// dashes and clause punctuation become words of their own; abbreviation periods stay
/// ("U.S.", "Mr."). Offsets are relative to `token`. Exposed for tests.
std::vector<Span> split_token(std::string_view token);

}  // namespace dateline::quotes
