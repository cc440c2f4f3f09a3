// SPDX-License-Identifier: Apache-2.0
// The rules of indirect_finder.h. They are deliberately conservative: each one needs a cue
// from the lexicon and a source or a quotation next to it, because these rules also run
// beside the trained tagger, where a false attribution costs precision.
#include "quotes/indirect_finder.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "syntax/parse_view.h"

namespace dateline::quotes {
namespace {

bool in(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool clause_break(const Word& w) {
  return in(w.lower, {",", ";", ":", ".", "?", "!", "(", ")", "\"", "—", "–"}) ||
         w.mark != MarkKind::kNone;
}

bool is_capitalized(const Document& doc, const Word& w) {
  std::string_view t = doc.slice(w.span);
  return !t.empty() && t[0] >= 'A' && t[0] <= 'Z';
}

// Sentence range [begin, end) around word i, limited to the unit.
std::pair<uint32_t, uint32_t> sentence_of(const WordView& v, const Unit& u, uint32_t i) {
  uint32_t b = i, e = i + 1;
  while (b > u.begin && !v.words[b].sentence_start) --b;
  while (e < u.end && !v.words[e - 1].sentence_end) ++e;
  return {b, e};
}

const Unit& unit_of(const WordView& v, uint32_t i) {
  auto it = std::upper_bound(v.units.begin(), v.units.end(), i,
                             [](uint32_t x, const Unit& u) { return x < u.begin; });
  return *(it - 1);
}

// Auxiliaries and adverbs that PolNeAR-style cues take along ("has said", "also said").
void extend_cue_left(const WordView& v, uint32_t lo, uint32_t& cue_begin) {
  while (cue_begin > lo &&
         in(v.words[cue_begin - 1].lower, {"has", "have", "had", "also", "will", "would",
                                           "'ve", "'d", "later", "then", "previously"})) {
    --cue_begin;
  }
}

// The noun phrase that ends just before word `end`, back to a clause break or clause
// word, at most 10 words; [b, end) or b == end when none.
uint32_t source_before(const Document& doc, const WordView& v, uint32_t lo, uint32_t end) {
  uint32_t b = end;
  while (b > lo && end - b < 10) {
    const Word& w = v.words[b - 1];
    if (clause_break(w) || w.sentence_end) break;
    if (b < end && v.words[b - 1].span.begin != v.words[end - 1].span.begin &&
        w.lower.size() > 2 && (w.lower.ends_with("ed") || w.lower == "said")) {
      break;  // a verb of an earlier clause ("Berg said the plan ...")
    }
    if (in(w.lower, {"that", "which", "who", "but", "while", "as", "because", "when", "if",
                     "and", "so", "where", "after", "before", "although", "though", "since",
                     "to", "not", "n't", "is", "was", "be", "been", "will", "would", "could",
                     "may", "might", "can", "should", "did", "does", "do"})) {
      break;
    }
    --b;
  }
  // A source has a name, a pronoun or a noun; a lone lower-case adverb does not count.
  bool ok = false;
  for (uint32_t i = b; i < end; ++i) {
    const Word& w = v.words[i];
    ok |= is_capitalized(doc, w) ||
          in(w.lower, {"he", "she", "they", "we", "i", "you", "it"}) || w.lower.size() > 3;
  }
  return ok ? b : end;
}

// Words after a cue, up to a clause break, as a source ("said Miller").
uint32_t source_after(const WordView& v, uint32_t begin, uint32_t hi) {
  uint32_t e = begin;
  while (e < hi && e - begin < 10 && !clause_break(v.words[e])) ++e;
  return e;
}

// Content [b, e) to the end of the sentence, without its final stop and closing marks
// that belong to no opening mark inside.
uint32_t content_end(const WordView& v, uint32_t b, uint32_t sentence_end) {
  uint32_t e = sentence_end;
  while (e > b && v.words[e - 1].punct) {
    const Word& w = v.words[e - 1];
    const bool closes_inside = w.mark != MarkKind::kNone && w.quote_depth == 0 &&
                               e - 1 > b && v.words[e - 2].quote_depth > 0 &&
                               v.words[b].quote_depth == 0;
    if (closes_inside) {
      // Keep a closing mark whose opening mark is inside the content.
      bool opened = false;
      for (uint32_t k = b; k < e - 1 && !opened; ++k) opened = v.words[k].mark != MarkKind::kNone;
      if (opened) break;
    }
    --e;
  }
  return e;
}

}  // namespace

std::vector<WordAttribution> find_direct_quotes(const Document& doc, const WordView& view,
                                                const std::vector<QuoteRegion>& regions,
                                                const CueLexicon& lexicon, uint32_t min_words) {
  std::vector<WordAttribution> out;
  const auto& w = view.words;
  for (const QuoteRegion& r : regions) {
    if (!r.closed && !r.continues) continue;
    if (r.depth != 1 || r.words < min_words) continue;
    const Unit& u = unit_of(view, r.open);
    const uint32_t close = r.closed ? r.close : u.end - 1;
    WordAttribution a;
    a.content.push_back({r.open, r.closed ? r.close + 1 : u.end});
    a.why = "rule: direct quotation";
    // After the closing mark: ",” Berg said." or ",” said Berg."
    if (r.closed) {
      auto [sb, se] = sentence_of(view, u, close);
      (void)sb;
      uint32_t j = close + 1;
      if (j < u.end && (w[j].lower == "," || in(w[close - 1].lower, {",", "?", "!"}))) {
        if (w[j].lower == ",") ++j;
        const uint32_t limit = std::min<uint32_t>(u.end, j + 12);
        for (uint32_t k = j; k < limit; ++k) {
          if (w[k].mark != MarkKind::kNone || in(w[k].lower, {".", ";", "?", "!"})) break;
          if (!lexicon.is_verb_cue(w[k].lower)) continue;
          a.cue_begin = k;
          a.cue_end = k + 1;
          extend_cue_left(view, j, a.cue_begin);
          if (a.cue_begin > j) {
            a.source_begin = j;
            a.source_end = a.cue_begin;
          } else {
            a.source_begin = k + 1;
            a.source_end = source_after(view, k + 1, u.end);
          }
          a.why = "rule: direct quotation, cue after the closing mark";
          break;
        }
      }
      (void)se;
    }
    // Before the opening mark: "Berg said: “…" or "Berg said, “…".
    if (!a.has_cue() && r.open > u.begin && in(w[r.open - 1].lower, {":", ","})) {
      const uint32_t lo = r.open > u.begin + 8 ? r.open - 8 : u.begin;
      for (uint32_t k = r.open - 1; k-- > lo;) {
        if (clause_break(w[k]) && k + 1 != r.open) break;
        if (!lexicon.is_verb_cue(w[k].lower)) continue;
        a.cue_begin = k;
        a.cue_end = k + 1;
        extend_cue_left(view, u.begin, a.cue_begin);
        a.source_begin = source_before(doc, view, u.begin, a.cue_begin);
        a.source_end = a.cue_begin;
        a.why = "rule: direct quotation, cue before the opening mark";
        break;
      }
    }
    if (!a.has_cue()) {
      // With no cue, only a quotation that is a sentence of its own is kept (its speaker
      // is the one of the quotation before it).
      const Word& first = w[r.open + 1];
      const bool starts_paragraph = r.open == u.begin;
      const bool full = is_capitalized(doc, first) &&
                        (in(w[close - 1].lower, {".", "?", "!", ","}) || !r.closed);
      if (!full || !(starts_paragraph || w[r.open].sentence_start)) continue;
      a.why = "rule: direct quotation standing alone";
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<WordAttribution> find_indirect(const Document& doc, const WordView& view,
                                           const CueLexicon& lexicon) {
  std::vector<WordAttribution> out;
  const auto& w = view.words;
  const bool syntax = syntax::has_syntax(doc);
  // Word range of every token, for turning dependency subtrees into word ranges.
  std::vector<std::pair<uint32_t, uint32_t>> token_words;
  if (syntax) {
    token_words.assign(doc.tokens.size(), {UINT32_MAX, 0});
    for (uint32_t i = 0; i < w.size(); ++i) {
      auto& r = token_words[w[i].token];
      r.first = std::min(r.first, i);
      r.second = std::max(r.second, i + 1);
    }
  }
  // Subtree word range of token t within its sentence (heads are document indices).
  auto subtree = [&](int32_t t) {
    const Sentence& s = doc.sentences[doc.tokens[t].sentence];
    uint32_t lo = UINT32_MAX, hi = 0;
    for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
      if (!syntax::in_subtree(doc, int32_t(k), t) || token_words[k].first == UINT32_MAX) continue;
      lo = std::min(lo, token_words[k].first);
      hi = std::max(hi, token_words[k].second);
    }
    return std::pair<uint32_t, uint32_t>{lo, hi};
  };

  for (const Unit& u : view.units) {
    for (uint32_t i = u.begin; i < u.end; ++i) {
      if (w[i].quote_depth > 0) continue;
      const auto [sb, se] = sentence_of(view, u, i);
      // "according to SOURCE, CONTENT" and "CONTENT, according to SOURCE"; also
      // "As reported by SOURCE, CONTENT".
      const bool according = w[i].lower == "according" && i + 1 < se && w[i + 1].lower == "to";
      const bool reported_by = i + 2 < se && w[i].lower == "as" &&
                               lexicon.is_verb_cue(w[i + 1].lower) && w[i + 2].lower == "by";
      if (according || reported_by) {
        WordAttribution a;
        a.cue_begin = i;
        a.cue_end = i + (according ? 2 : 3);
        a.source_begin = a.cue_end;
        a.source_end = source_after(view, a.cue_end, se);
        if (!a.has_source()) continue;
        if (i == sb) {
          uint32_t b = a.source_end;
          if (b < se && w[b].lower == ",") ++b;
          const uint32_t e = content_end(view, b, se);
          if (e > b) a.content.push_back({b, e});
        } else if (i > sb + 1 && w[i - 1].lower == ",") {
          a.content.push_back({sb, i - 1});
        }
        if (a.content.empty()) continue;
        a.why = according ? "rule: according to" : "rule: as reported by";
        const uint32_t next = a.source_end;
        out.push_back(std::move(a));
        i = next;
        continue;
      }
      if (!lexicon.is_verb_cue(w[i].lower)) continue;
      const bool tell = lexicon.lookup(w[i].lower) == CueClass::kTell;
      const bool thought = lexicon.lookup(w[i].lower) == CueClass::kThought;
      WordAttribution a;
      a.cue_begin = i;
      a.cue_end = i + 1;
      if (syntax) {
        // Rule 2: the parse says which clause is reported and who reports it.
        const int32_t t = w[i].token;
        int32_t comp = -1, subj = -1;
        const Sentence& s = doc.sentences[doc.tokens[t].sentence];
        for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
          if (doc.tokens[k].head != t) continue;
          const std::string& rel = doc.tokens[k].deprel;
          if (comp < 0 && (rel == "ccomp" || (thought && rel == "xcomp"))) comp = int32_t(k);
          if (subj < 0 && (rel == "nsubj" || rel == "nsubj:pass")) subj = int32_t(k);
        }
        if (comp < 0 || subj < 0) continue;
        auto [cb, ce] = subtree(comp);
        auto [pb, pe] = subtree(subj);
        if (cb >= ce || pb >= pe || cb <= i) continue;
        if (w[cb].lower == "that") ++cb;
        ce = content_end(view, cb, ce);
        if (ce <= cb) continue;
        a.source_begin = pb;
        a.source_end = pe;
        a.content.push_back({cb, ce});
        extend_cue_left(view, pe, a.cue_begin);
        a.why = "rule: cue verb with a clausal complement (parse)";
        out.push_back(std::move(a));
        continue;
      }
      // Rule 3: SOURCE CUE [ADDRESSEE] [that] CONTENT. A cue word after a determiner is
      // a noun ("the plan was").
      if (i > sb && in(w[i - 1].lower, {"the", "a", "an", "his", "her", "their", "its", "this",
                                         "our", "my", "your"})) {
        continue;
      }
      uint32_t j = i + 1;
      if (tell) {
        uint32_t k = j;
        while (k < se && k - j < 12 && w[k].lower != "that" && !clause_break(w[k])) ++k;
        if (k >= se || w[k].lower != "that") continue;  // the object is not a clause
        j = k;
      }
      if (j < se && w[j].lower == "that") ++j;
      if (j >= se || w[j].punct || w[j].quote_depth > 0 ||
          in(w[j].lower, {"to", "by", "for", "in", "on", "at", "with", "about", "of", "from",
                          "so", "and", "or", "but", "as"})) {
        continue;
      }
      extend_cue_left(view, sb, a.cue_begin);
      a.source_end = a.cue_begin;
      a.source_begin = source_before(doc, view, sb, a.source_end);
      if (!a.has_source()) continue;
      const uint32_t e = content_end(view, j, se);
      if (e <= j + 1) continue;
      a.content.push_back({j, e});
      a.why = "rule: cue verb followed by a clause";
      out.push_back(std::move(a));
    }
  }
  return out;
}

}  // namespace dateline::quotes
