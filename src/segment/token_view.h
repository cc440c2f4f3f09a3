// SPDX-License-Identifier: Apache-2.0
#pragma once
// The lexical view of a Document's tokens: lower-cased, normalised and shape forms and a
// few flags (quotation mark, dash, capitalised, punctuation, sentence start), computed once
// per document and read by every stage (spaCy's Lexeme attributes `lower`, `norm`, `shape`,
// `is_punct`, ... kept beside the tokens instead of on a shared vocabulary).
//
// Stages that cut a token into smaller words (a possessive, a glued quotation mark, digits
// glued to letters) take the words' forms from lower() of their span, which has the same
// byte offsets as Document::text, and classify them with the free functions below, so a
// word and the token it came from are never read two ways.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"

namespace dateline::segment {

/// What kind of quotation mark a text is (if it is exactly one).
enum class QuoteMark : uint8_t {
  kNone,
  kDoubleOpen,    ///< “ „ «
  kDoubleClose,   ///< ” »
  kDoubleStraight,
  kSingleOpen,    ///< ‘
  kSingleClose,   ///< ’ standing alone (also an apostrophe)
  kSingleStraight,
};

/// Flags of a token's text. Bits of TokenView::flags().
enum class Lex : uint16_t {
  kQuoteMark = 1u << 0,       ///< one quotation mark (QuoteMark is not kNone)
  kDash = 1u << 1,            ///< "-", "--", en dash, em dash, horizontal bar
  kCapitalized = 1u << 2,     ///< starts with A-Z or a non-ASCII letter (is_capitalized())
  kUpperInitial = 1u << 3,    ///< starts with A-Z
  kPunct = 1u << 4,           ///< no letter or digit (is_punct())
  kDigits = 1u << 5,          ///< ASCII digits only
  kSentenceStart = 1u << 6,   ///< first token of its sentence
  kTitleCaseStart = 1u << 7,  ///< capitalised and first of its sentence: the capital says
                              ///< nothing about the word being a name
};

/// One quotation mark: the QuoteMark of `text` when it is exactly one mark.
QuoteMark quote_mark(std::string_view text);
/// True when the text starts with a capital letter: A-Z, or any non-ASCII letter start
/// (lead byte 0xE2, U+2000-U+2FFF punctuation and symbols, is not one).
bool is_capitalized(std::string_view text);
/// True when the text has no letter or digit (General Punctuation, Latin-1 symbols,
/// guillemets, × ÷ and U+FFFD count as punctuation).
bool is_punct(std::string_view text);
/// True for "-", "--", "–", "—", "―".
bool is_dash(std::string_view text);
/// ASCII lower case with curly quotation marks folded to straight ones (“ ” „ « » -> ",
/// ‘ ’ -> '); other bytes as they are.
std::string norm(std::string_view text);
/// Word shape: A-Z -> X, a-z -> x, 0-9 -> d, other bytes kept; a run of one class longer
/// than four is cut to four ("Washington" -> "Xxxxx", "1990s" -> "ddddx").
std::string shape(std::string_view text);
/// ASCII lower case of `text`, same length.
std::string ascii_lower(std::string_view text);

/// The view of one Document's tokens. Built once per document after segmentation (the
/// Pipeline builds it and hands it to each stage); owns its strings, so it stays valid while
/// the Document's text and tokens are unchanged. Immutable after construction. The views it
/// returns stay valid while it lives and is not moved (a short string moves its bytes).
class TokenView {
 public:
  TokenView() = default;
  explicit TokenView(const Document& doc);

  size_t size() const { return entries_.size(); }

  /// Document::text in ASCII lower case: same length, same offsets.
  std::string_view lower_text() const { return lower_; }
  /// The lower-cased text of any span of Document::text. Requires: s.end <= text size.
  std::string_view lower(Span s) const { return lower_text().substr(s.begin, s.end - s.begin); }
  std::string_view lower(uint32_t token) const { return lower(entries_[token].span); }
  /// norm() of the token's text.
  std::string_view norm(uint32_t token) const {
    const Entry& e = entries_[token];
    return std::string_view(norms_).substr(e.norm_begin, e.norm_end - e.norm_begin);
  }
  /// shape() of the token's text.
  std::string_view shape(uint32_t token) const {
    const Entry& e = entries_[token];
    return std::string_view(shapes_).substr(e.shape_begin, e.shape_end - e.shape_begin);
  }
  uint16_t flags(uint32_t token) const { return entries_[token].flags; }
  bool has(uint32_t token, Lex flag) const {
    return (entries_[token].flags & static_cast<uint16_t>(flag)) != 0;
  }
  QuoteMark mark(uint32_t token) const { return entries_[token].mark; }

 private:
  struct Entry {
    Span span;
    uint32_t norm_begin = 0, norm_end = 0;    ///< range of norms_
    uint32_t shape_begin = 0, shape_end = 0;  ///< range of shapes_
    uint16_t flags = 0;
    QuoteMark mark = QuoteMark::kNone;
  };
  std::string lower_;
  std::string norms_;
  std::string shapes_;
  std::vector<Entry> entries_;
};

}  // namespace dateline::segment
