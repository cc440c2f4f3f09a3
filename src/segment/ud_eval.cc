// SPDX-License-Identifier: Apache-2.0
// A port of the scoring part of conll18_ud_eval.py (version 1.2) for tokens, words and
// sentences. Offsets here are byte offsets into the same raw text for gold and system, which
// orders and compares spans exactly as the script's white-space-free character offsets do
// because every span starts and ends on a non-space character.
#include "segment/ud_eval.h"

#include <algorithm>

#include "segment/chars.h"
#include "segment/segmenter.h"
#include "segment/tokenizer.h"

namespace dateline::segment {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

SpanScore spans_score(const std::vector<Span>& gold, const std::vector<Span>& system) {
  SpanScore s;
  s.gold = gold.size();
  s.system = system.size();
  size_t gi = 0, si = 0;
  while (gi < gold.size() && si < system.size()) {
    if (system[si].begin < gold[gi].begin) {
      ++si;
    } else if (gold[gi].begin < system[si].begin) {
      ++gi;
    } else {
      s.correct += gold[gi].end == system[si].end;
      ++gi;
      ++si;
    }
  }
  return s;
}

bool beyond_end(const std::vector<EvalWord>& w, size_t i, uint32_t end) {
  if (i >= w.size()) return true;
  if (w[i].multiword) return w[i].span.begin >= end;
  return w[i].span.end > end;
}

uint32_t extend_end(const EvalWord& w, uint32_t end) {
  return w.multiword && w.span.end > end ? w.span.end : end;
}

// Number of aligned words (the script's Alignment.matched_words).
size_t align_words(const std::vector<EvalWord>& gold, const std::vector<EvalWord>& system) {
  size_t aligned = 0;
  size_t gi = 0, si = 0;
  std::vector<std::vector<int>> lcs;
  while (gi < gold.size() && si < system.size()) {
    if (gold[gi].multiword || system[si].multiword) {
      uint32_t end = 0;
      if (gold[gi].multiword) {
        end = gold[gi].span.end;
        if (!system[si].multiword && system[si].span.begin < gold[gi].span.begin) ++si;
      } else {
        end = system[si].span.end;
        if (!gold[gi].multiword && gold[gi].span.begin < system[si].span.begin) ++gi;
      }
      const size_t gs = gi, ss = si;
      while (!beyond_end(gold, gi, end) || !beyond_end(system, si, end)) {
        if (gi < gold.size() &&
            (si >= system.size() || gold[gi].span.begin <= system[si].span.begin)) {
          end = extend_end(gold[gi], end);
          ++gi;
        } else {
          end = extend_end(system[si], end);
          ++si;
        }
      }
      if (si > ss && gi > gs) {
        const size_t gn = gi - gs, sn = si - ss;
        lcs.assign(gn, std::vector<int>(sn, 0));
        for (size_t g = gn; g-- > 0;) {
          for (size_t s = sn; s-- > 0;) {
            if (gold[gs + g].form == system[ss + s].form) {
              lcs[g][s] = 1 + (g + 1 < gn && s + 1 < sn ? lcs[g + 1][s + 1] : 0);
            }
            lcs[g][s] = std::max(lcs[g][s], g + 1 < gn ? lcs[g + 1][s] : 0);
            lcs[g][s] = std::max(lcs[g][s], s + 1 < sn ? lcs[g][s + 1] : 0);
          }
        }
        size_t g = 0, s = 0;
        while (g < gn && s < sn) {
          if (gold[gs + g].form == system[ss + s].form) {
            ++aligned;
            ++g;
            ++s;
          } else if (lcs[g][s] == (g + 1 < gn ? lcs[g + 1][s] : 0)) {
            ++g;
          } else {
            ++s;
          }
        }
      }
    } else {
      if (gold[gi].span == system[si].span) {
        ++aligned;
        ++gi;
        ++si;
      } else if (gold[gi].span.begin <= system[si].span.begin) {
        ++gi;
      } else {
        ++si;
      }
    }
  }
  return aligned;
}

// The non-space characters of the spans, concatenated.
std::string characters(std::string_view text, const std::vector<Span>& spans) {
  std::string out;
  out.reserve(text.size());
  for (const Span& s : spans) {
    for (uint32_t i = s.begin; i < s.end;) {
      CodePoint c = code_point_at(text, i);
      if (!is_space(c.c)) out.append(text.substr(i, c.len));
      i += c.len;
    }
  }
  return out;
}

}  // namespace

Result<GoldText> gold_from_conllu(const std::vector<text::ConlluSentence>& sentences) {
  GoldText g;
  g.text = text::raw_text(sentences);
  uint32_t pos = 0;
  uint32_t par_begin = 0;
  for (size_t si = 0; si < sentences.size(); ++si) {
    const text::ConlluSentence& s = sentences[si];
    if (si > 0) {
      if (s.new_par) {
        g.paragraphs.push_back({par_begin, g.sentences.empty() ? 0 : g.sentences.back().end});
      }
      pos += s.new_par ? 2 : 1;
      if (s.new_par) par_begin = pos;
    }
    const uint32_t sentence_begin = pos;
    auto toks = s.surface_tokens();
    for (size_t i = 0; i < toks.size(); ++i) {
      const auto& t = toks[i];
      if (g.text.compare(pos, t.form.size(), t.form) != 0) {
        return error(ErrorCode::kBadInput,
                     "sentence " + s.sent_id + ": token '" + t.form + "' not at byte " +
                         std::to_string(pos) + " of the rebuilt text");
      }
      Span span{pos, pos + static_cast<uint32_t>(t.form.size())};
      g.tokens.push_back(span);
      const bool multi = t.last_word > t.first_word;
      for (int w = t.first_word; w <= t.last_word; ++w) {
        g.words.push_back({span, lower_ascii(s.words[static_cast<size_t>(w)].form), multi});
      }
      pos = span.end;
      if (i + 1 < toks.size() && t.space_after) ++pos;
    }
    if (!toks.empty()) g.sentences.push_back({sentence_begin, pos});
  }
  if (!sentences.empty()) g.paragraphs.push_back({par_begin, pos});
  return g;
}

std::vector<BoundaryExample> boundary_examples(const GoldText& gold) {
  std::vector<uint32_t> ends;
  ends.reserve(gold.sentences.size());
  for (const Span& s : gold.sentences) ends.push_back(s.end);
  std::vector<BoundaryExample> out;
  for (const Span& p : find_paragraphs(gold.text)) {
    BoundaryExample ex;
    ex.text = gold.text;
    tokenize(gold.text, p.begin, p.end, ex.tokens);
    if (ex.tokens.empty()) continue;
    ex.gold_end.resize(ex.tokens.size());
    for (size_t i = 0; i < ex.tokens.size(); ++i) {
      ex.gold_end[i] = std::binary_search(ends.begin(), ends.end(), ex.tokens[i].end) ? 1 : 0;
    }
    out.push_back(std::move(ex));
  }
  return out;
}

void system_units(const Document& doc, std::vector<Span>& tokens, std::vector<EvalWord>& words) {
  tokens.clear();
  words.clear();
  const size_t n = doc.tokens.size();
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j + 1 < n && doc.tokens[j].fused_with_next) ++j;
    Span span{doc.tokens[i].span.begin, doc.tokens[j].span.end};
    tokens.push_back(span);
    for (size_t k = i; k <= j; ++k) {
      words.push_back({span, lower_ascii(doc.slice(doc.tokens[k].span)), j > i});
    }
    i = j + 1;
  }
}

Result<SegmentationScores> evaluate_segmentation(const GoldText& gold, const Document& system) {
  std::vector<Span> tokens;
  std::vector<EvalWord> words;
  system_units(system, tokens, words);
  if (characters(gold.text, gold.tokens) != characters(system.text, tokens)) {
    return error(ErrorCode::kInternal,
                 "the concatenation of tokens differs between gold and system");
  }
  std::vector<Span> sentences;
  sentences.reserve(system.sentences.size());
  for (const Sentence& s : system.sentences) sentences.push_back(s.span);
  SegmentationScores r;
  r.tokens = spans_score(gold.tokens, tokens);
  r.sentences = spans_score(gold.sentences, sentences);
  r.words.gold = gold.words.size();
  r.words.system = words.size();
  r.words.correct = align_words(gold.words, words);
  return r;
}

}  // namespace dateline::segment
