// SPDX-License-Identifier: Apache-2.0
#pragma once
// Character classes the tokenizer and the sentence splitter share. Classification is by code
// point, decoded only for non-ASCII bytes, so the ASCII fast path is a table look-up.

#include <cstdint>
#include <string_view>

#include "text/utf8.h"

namespace dateline::segment {

/// One decoded code point and its length in bytes.
struct CodePoint {
  char32_t c = 0;
  uint32_t len = 1;
};

inline CodePoint code_point_at(std::string_view s, size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {b, 1};
  size_t len = 1;
  char32_t c = text::decode(s, i, &len);
  return {c, static_cast<uint32_t>(len)};
}

/// White space that separates tokens: ASCII space and controls, NBSP, the U+2000 block
/// spaces, line/paragraph separators, ideographic space and the BOM.
constexpr bool is_space(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/// Punctuation and symbols: each becomes a token of its own (or of a run of the same mark).
/// Every other non-space code point is treated as part of a word (letters, digits, marks).
constexpr bool is_punct(char32_t c) {
  if (c < 0x80) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
  }
  if (c < 0xC0) return c != 0xAA && c != 0xB5 && c != 0xBA && c >= 0xA1;
  if (c == 0xD7 || c == 0xF7) return true;
  if (c >= 0x2010 && c <= 0x205E) return true;   // general punctuation: dashes, quotes, …
  if (c >= 0x20A0 && c <= 0x20CF) return true;   // currency signs
  if (c >= 0x2100 && c <= 0x214F) return true;   // letterlike symbols (™, №)
  if (c >= 0x2190 && c <= 0x2BFF) return true;   // arrows, maths, shapes, dingbats
  if (c >= 0x3000 && c <= 0x303F) return true;   // CJK punctuation
  if (c >= 0xFE30 && c <= 0xFE4F) return true;
  if (c >= 0xFF01 && c <= 0xFF0F) return true;
  if (c >= 0x1F000 && c <= 0x1FAFF) return true;  // emoji
  return c == 0xFFFD;
}

constexpr bool is_word_char(char32_t c) { return !is_space(c) && !is_punct(c); }
constexpr bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alpha(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/// Upper-case letters: ASCII, Latin-1, Latin Extended-A (even code points), Greek, Cyrillic.
constexpr bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return (c & 1) == 0;
  if (c >= 0x391 && c <= 0x3A9) return true;
  return c >= 0x400 && c <= 0x42F;
}

constexpr bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return (c & 1) == 1;
  if (c >= 0x3B1 && c <= 0x3C9) return true;
  return c >= 0x430 && c <= 0x44F;
}

/// ' and ’ (U+2019): apostrophes when inside or right after a word, else single quotes.
constexpr bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

}  // namespace dateline::segment
