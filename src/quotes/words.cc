// SPDX-License-Identifier: Apache-2.0
#include "quotes/words.h"

#include <array>

#include "text/utf8.h"

namespace dateline::quotes {
namespace {

bool is_leading_punct(char32_t c) {
  switch (c) {
    case U'"': case U'\'': case U'(': case U'[': case U'{':
    case 0x201C: case 0x2018: case 0x201E: case 0x00AB: case 0x2014: case 0x2013:
    case 0x2026:
      return true;
    default:
      return false;
  }
}

bool is_trailing_punct(char32_t c) {
  switch (c) {
    case U'"': case U'\'': case U')': case U']': case U'}': case U',': case U'.':
    case U';': case U':': case U'!': case U'?':
    case 0x201D: case 0x2019: case 0x00BB: case 0x2014: case 0x2013: case 0x2026:
      return true;
    default:
      return false;
  }
}

bool is_apostrophe(char32_t c) { return c == U'\'' || c == 0x2019; }

// Words whose final period belongs to them. Kept short on purpose: a missed abbreviation
// only moves a span end by one period.
bool is_abbreviation(std::string_view core) {
  static constexpr std::array<std::string_view, 36> kAbbrev = {
      "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gov", "Sen", "Rep", "Gen", "Lt",
      "Col", "Sgt", "Capt", "Adm", "Inc", "Corp", "Co", "Ltd", "Jan", "Feb", "Aug", "Sept",
      "Sep", "Oct", "Nov", "Dec", "vs", "etc", "No", "Prof", "Rev", "Ft", "Mt", "Gens"};
  for (std::string_view a : kAbbrev) {
    if (core == a) return true;
  }
  if (core.size() == 1 && core[0] >= 'A' && core[0] <= 'Z') return true;  // initials
  return core.find('.') != std::string_view::npos;                        // "U.S."
}

bool is_clitic(std::string_view rest) {
  static constexpr std::array<std::string_view, 7> kClitics = {"s", "re", "ll", "t",
                                                               "d", "ve", "m"};
  for (std::string_view c : kClitics) {
    if (rest.size() == c.size()) {
      bool same = true;
      for (size_t i = 0; i < c.size(); ++i) same &= (rest[i] | 0x20) == c[i];
      if (same) return true;
    }
  }
  return false;
}

// Peels punctuation off one dash-free piece [b, e) of `s` and appends the words.
void peel(std::string_view s, size_t b, size_t e, std::vector<Span>& out) {
  std::vector<Span> head, tail;
  while (b < e) {
    size_t len = 0;
    char32_t c = text::decode(s, b, &len);
    if (!is_leading_punct(c)) break;
    if (is_apostrophe(c) && is_clitic(s.substr(b + len, e - b - len))) break;
    head.push_back({uint32_t(b), uint32_t(b + len)});
    b += len;
  }
  while (e > b) {
    size_t len = 0;
    char32_t c = text::decode_before(s, e, &len);
    if (!is_trailing_punct(c)) break;
    std::string_view core = s.substr(b, e - len - b);
    if (c == U'.' && !core.empty() && is_abbreviation(core)) break;
    // A possessive plural ("officials’") keeps its apostrophe.
    if (is_apostrophe(c) && !core.empty() && (core.back() == 's' || core.back() == 'S')) break;
    tail.push_back({uint32_t(e - len), uint32_t(e)});
    e -= len;
  }
  out.insert(out.end(), head.begin(), head.end());
  if (b < e) out.push_back({uint32_t(b), uint32_t(e)});
  out.insert(out.end(), tail.rbegin(), tail.rend());
}

}  // namespace

std::vector<Span> split_token(std::string_view token) {
  std::vector<Span> out;
  size_t piece = 0;
  // Dashes inside a token ("act—“My") separate words too.
  for (size_t i = 0; i < token.size();) {
    size_t len = 0;
    char32_t c = text::decode(token, i, &len);
    if ((c == 0x2014 || c == 0x2013) && i > piece) {
      peel(token, piece, i, out);
      out.push_back({uint32_t(i), uint32_t(i + len)});
      piece = i + len;
    }
    i += len;
  }
  if (piece < token.size()) peel(token, piece, token.size(), out);
  return out;
}

WordView build_word_view(const Document& doc, uint32_t max_unit) {
  return build_word_view(doc, segment::TokenView(doc), max_unit);
}

WordView build_word_view(const Document& doc, const segment::TokenView& tokens, uint32_t max_unit) {
  WordView v;
  v.words.reserve(doc.tokens.size() + doc.tokens.size() / 4);
  uint32_t last_end = 0;
  bool have_last = false;
  uint32_t unit_begin = 0;
  uint32_t last_sentence = UINT32_MAX;
  auto close_unit = [&](uint32_t end) {
    if (end > unit_begin) v.units.push_back({unit_begin, end});
    unit_begin = end;
  };
  for (size_t ti = 0; ti < doc.tokens.size(); ++ti) {
    const Token& tok = doc.tokens[ti];
    if (tok.sentence < doc.sentences.size() && doc.sentences[tok.sentence].boilerplate) continue;
    std::string_view text = doc.slice(tok.span);
    const uint32_t n = uint32_t(v.words.size());
    if (have_last) {
      std::string_view gap =
          std::string_view(doc.text).substr(last_end, tok.span.begin - last_end);
      const bool line_break = gap.find('\n') != std::string_view::npos;
      const bool new_sentence = tok.sentence != last_sentence;
      if (line_break || (new_sentence && n - unit_begin >= max_unit)) close_unit(n);
    }
    const bool first_of_sentence = tok.sentence != last_sentence;
    if (first_of_sentence && !v.words.empty()) v.words.back().sentence_end = true;
    std::vector<Span> pieces = split_token(text);
    for (size_t k = 0; k < pieces.size(); ++k) {
      Word w;
      w.span = {tok.span.begin + pieces[k].begin, tok.span.begin + pieces[k].end};
      w.token = int32_t(ti);
      w.sentence = tok.sentence;
      if (pieces.size() == 1 && pieces[0].end - pieces[0].begin == tok.span.size()) {
        w.mark = tokens.mark(uint32_t(ti));
        w.punct = tokens.has(uint32_t(ti), segment::Lex::kPunct);
        w.lower = tokens.norm(uint32_t(ti));
      } else {
        const std::string_view wt = doc.slice(w.span);
        w.mark = segment::quote_mark(wt);
        w.punct = segment::is_punct(wt);
        w.lower = segment::norm(wt);
      }
      w.sentence_start = first_of_sentence && k == 0;
      v.words.push_back(std::move(w));
    }
    last_end = tok.span.end;
    last_sentence = tok.sentence;
    have_last = true;
  }
  if (!v.words.empty()) v.words.back().sentence_end = true;
  close_unit(uint32_t(v.words.size()));
  // Sentence ends the segmenter may have missed: a final stop followed by a capital or an
  // opening mark. Abbreviation periods never get here: split_token() leaves them attached.
  for (size_t i = 0; i + 1 < v.words.size(); ++i) {
    const std::string& w = v.words[i].lower;
    if (w != "." && w != "?" && w != "!") continue;
    size_t j = i + 1;
    if (v.words[j].mark == MarkKind::kDoubleClose || v.words[j].mark == MarkKind::kDoubleStraight) {
      if (j + 1 >= v.words.size()) continue;
      i = j++;
    }
    const Word& next = v.words[j];
    std::string_view nt = doc.slice(next.span);
    const bool capital = !nt.empty() && nt[0] >= 'A' && nt[0] <= 'Z';
    if (capital || next.mark == MarkKind::kDoubleOpen) {
      v.words[i].sentence_end = true;
      v.words[j].sentence_start = true;
    }
  }
  return v;
}

}  // namespace dateline::quotes
