// SPDX-License-Identifier: Apache-2.0
#include "segment/token_view.h"

#include "model/hash.h"
#include "text/utf8.h"

namespace dateline::segment {
namespace {

bool is_ascii_alnum(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char shape_class(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  return static_cast<char>(c);
}

}  // namespace

QuoteMark quote_mark(std::string_view w) {
  size_t len = 0;
  if (w.empty()) return QuoteMark::kNone;
  const char32_t c = text::decode(w, 0, &len);
  if (len != w.size()) return QuoteMark::kNone;
  switch (c) {
    case 0x201C: case 0x201E: case 0x00AB: return QuoteMark::kDoubleOpen;
    case 0x201D: case 0x00BB: return QuoteMark::kDoubleClose;
    case U'"': return QuoteMark::kDoubleStraight;
    case 0x2018: return QuoteMark::kSingleOpen;
    case 0x2019: return QuoteMark::kSingleClose;
    case U'\'': return QuoteMark::kSingleStraight;
    default: return QuoteMark::kNone;
  }
}

bool is_capitalized(std::string_view w) {
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  // Lead byte 0xE2 starts U+2000-U+2FFF: quotation marks, dashes, symbols, not letters.
  return (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c != 0xE2);
}

bool is_punct(std::string_view w) {
  for (size_t b = 0; b < w.size();) {
    size_t len = 0;
    const char32_t c = text::decode(w, b, &len);
    // Letters and digits; General Punctuation, Latin-1 symbols and guillemets are not.
    if (c < 0x80 ? is_ascii_alnum(c)
                 : !((c >= 0x2000 && c <= 0x206F) || (c >= 0xA0 && c <= 0xBF) || c == 0xD7 ||
                     c == 0xF7 || c == text::kReplacementChar)) {
      return false;
    }
    b += len;
  }
  return true;
}

bool is_dash(std::string_view w) {
  return w == "-" || w == "--" || w == "\u2013" || w == "\u2014" || w == "\u2015";
}

std::string norm(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (size_t i = 0; i < w.size();) {
    size_t len = 0;
    const char32_t c = text::decode(w, i, &len);
    if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB) {
      out += '"';
    } else if (c == 0x2018 || c == 0x2019) {
      out += '\'';
    } else if (len == 1) {
      const char ch = w[i];
      out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
    } else {
      out.append(w.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string shape(std::string_view w) {
  std::string out;
  out.reserve(w.size() < 8 ? w.size() : 8);
  char last = 0;
  int run = 0;
  for (const char ch : w) {
    const char k = shape_class(static_cast<unsigned char>(ch));
    run = k == last ? run + 1 : 1;
    last = k;
    if (run <= 4) out += k;
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(model::ascii_lower(static_cast<unsigned char>(c)));
  return out;
}

TokenView::TokenView(const Document& doc) : lower_(ascii_lower(doc.text)) {
  entries_.resize(doc.tokens.size());
  norms_.reserve(doc.text.size());
  uint32_t last_sentence = UINT32_MAX;
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    const Token& tok = doc.tokens[t];
    const std::string_view w = doc.slice(tok.span);
    Entry& e = entries_[t];
    e.span = tok.span;
    e.norm_begin = static_cast<uint32_t>(norms_.size());
    norms_ += segment::norm(w);
    e.norm_end = static_cast<uint32_t>(norms_.size());
    e.shape_begin = static_cast<uint32_t>(shapes_.size());
    shapes_ += segment::shape(w);
    e.shape_end = static_cast<uint32_t>(shapes_.size());
    e.mark = quote_mark(w);
    uint16_t f = 0;
    auto set = [&f](Lex flag, bool on) {
      if (on) f |= static_cast<uint16_t>(flag);
    };
    const bool capitalized = is_capitalized(w);
    const bool start = tok.sentence != last_sentence;
    set(Lex::kQuoteMark, e.mark != QuoteMark::kNone);
    set(Lex::kDash, is_dash(w));
    set(Lex::kCapitalized, capitalized);
    set(Lex::kUpperInitial, !w.empty() && w[0] >= 'A' && w[0] <= 'Z');
    set(Lex::kPunct, is_punct(w));
    set(Lex::kDigits, !w.empty() && w.find_first_not_of("0123456789") == std::string_view::npos);
    set(Lex::kSentenceStart, start);
    set(Lex::kTitleCaseStart, start && capitalized);
    e.flags = f;
    last_sentence = tok.sentence;
  }
}

}  // namespace dateline::segment
