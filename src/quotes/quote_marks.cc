// SPDX-License-Identifier: Apache-2.0
// Quotation marks are paired with a stack per paragraph. Curly marks say which way they
// face; straight ones do not, so a straight mark closes the innermost open straight mark
// of its kind when there is one and opens otherwise, except that a mark glued to the end
// of a word with white space after it ("…mission" but) is read as closing. A single
// closing mark that closes nothing is an apostrophe ("Trump’s" split by a tokenizer).
#include "quotes/quote_marks.h"

#include <algorithm>

#include "text/utf8.h"

namespace dateline::quotes {
namespace {

struct Open {
  uint32_t word;
  bool single;
  bool straight;
};

bool space_or_edge_before(std::string_view text, uint32_t at) {
  if (at == 0) return true;
  size_t len = 0;
  char32_t c = text::decode_before(text, at, &len);
  return c == U' ' || c == U'\n' || c == U'\t' || c == U'\r' || c == U'(' || c == U'[' ||
         c == 0x2014 || c == 0x2013 || c == 0xA0;
}

bool letter_after(std::string_view text, uint32_t at) {
  if (at >= text.size()) return false;
  size_t len = 0;
  char32_t c = text::decode(text, at, &len);
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') ||
         c >= 0xC0;
}

}  // namespace

std::vector<QuoteRegion> pair_quote_marks(WordView& view, std::string_view text) {
  std::vector<QuoteRegion> regions;
  std::vector<Open> stack;
  for (size_t u = 0; u < view.units.size(); ++u) {
    const Unit unit = view.units[u];
    stack.clear();
    auto emit = [&](uint32_t open, uint32_t close, bool closed) {
      QuoteRegion r;
      r.open = open;
      r.close = close;
      r.closed = closed;
      r.depth = 1;
      for (const Open& o : stack) r.depth += o.single ? 0 : 1;
      regions.push_back(r);
    };
    for (uint32_t i = unit.begin; i < unit.end; ++i) {
      const Word& w = view.words[i];
      switch (w.mark) {
        case MarkKind::kNone:
          break;
        case MarkKind::kDoubleOpen:
          stack.push_back({i, false, false});
          break;
        case MarkKind::kDoubleClose:
        case MarkKind::kDoubleStraight: {
          const bool straight = w.mark == MarkKind::kDoubleStraight;
          int found = -1;
          for (int k = int(stack.size()) - 1; k >= 0; --k) {
            if (!stack[k].single) {
              found = k;
              break;
            }
          }
          bool closes = found >= 0;
          if (straight && found >= 0 && space_or_edge_before(text, w.span.begin) &&
              letter_after(text, w.span.end)) {
            closes = false;  // a straight mark opening a nested quotation
          }
          if (closes) {
            const uint32_t open = stack[found].word;
            stack.resize(found);
            emit(open, i, true);
          } else if (straight || w.mark == MarkKind::kDoubleClose) {
            if (straight) stack.push_back({i, false, true});
          }
          break;
        }
        case MarkKind::kSingleOpen:
          stack.push_back({i, true, false});
          break;
        case MarkKind::kSingleClose:
        case MarkKind::kSingleStraight: {
          if (!stack.empty() && stack.back().single) {
            if (!letter_after(text, w.span.end)) stack.pop_back();
          } else if (w.mark == MarkKind::kSingleStraight &&
                     space_or_edge_before(text, w.span.begin) && letter_after(text, w.span.end)) {
            stack.push_back({i, true, true});
          }
          break;
        }
      }
    }
    // Whatever double mark is still open ends with the paragraph; it goes on in the next
    // paragraph when that one opens with a mark.
    while (!stack.empty()) {
      Open o = stack.back();
      stack.pop_back();
      if (o.single) continue;
      emit(o.word, unit.end, false);
      if (u + 1 < view.units.size()) {
        const Word& first = view.words[view.units[u + 1].begin];
        regions.back().continues =
            first.mark == MarkKind::kDoubleOpen || first.mark == MarkKind::kDoubleStraight;
      }
    }
  }
  std::sort(regions.begin(), regions.end(),
            [](const QuoteRegion& a, const QuoteRegion& b) { return a.open < b.open; });
  for (size_t r = 0; r < regions.size(); ++r) {
    QuoteRegion& q = regions[r];
    for (uint32_t i = q.open + 1; i < q.close; ++i) {
      Word& w = view.words[i];
      ++w.quote_depth;
      w.quote = int32_t(r);  // regions are sorted by opening: later = inner
      if (!w.punct) ++q.words;
    }
  }
  return regions;
}

}  // namespace dateline::quotes
