// SPDX-License-Identifier: Apache-2.0
// The alignment is a port of conll18_ud_eval.py's align_words(): outside multiword tokens two
// words align when their spans are equal; a region containing a multiword token (on either
// side) is extended until both sides end together, and its words are aligned by the LCS of
// their lower-cased forms. Our text is the gold raw text itself, so byte spans stand in for
// the script's whitespace-free character spans.
#include "syntax/ud_eval.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace dateline::syntax {
namespace {

struct EvalWord {
  uint32_t begin = 0, end = 0;  ///< span; for words of a multiword token, the whole token
  bool multiword = false;
  std::string form;  ///< lower-cased
  std::string upos, xpos, feats, lemma, deprel;
  int head = -1;  ///< index into the same word list, -1 for root
};

struct Side {
  std::vector<EvalWord> words;
  std::vector<std::pair<uint32_t, uint32_t>> tokens, sentences;
};

const char* const kUniversalFeatures[] = {
    "PronType", "NumType", "Poss",  "Reflex", "Foreign", "Abbr",     "Gender",
    "Animacy",  "Number",  "Case",  "Definite", "Degree", "VerbForm", "Mood",
    "Tense",    "Aspect",  "Voice", "Evident",  "Polarity", "Person", "Polite"};

std::string universal_relation(const std::string& r) { return r.substr(0, r.find(':')); }

bool beyond_end(const std::vector<EvalWord>& w, size_t i, uint32_t end) {
  if (i >= w.size()) return true;
  if (w[i].multiword) return w[i].begin >= end;
  return w[i].end > end;
}

uint32_t extend_end(const EvalWord& w, uint32_t end) {
  return w.multiword && w.end > end ? w.end : end;
}

/// align[g] = index of the system word aligned to gold word g, or -1.
std::vector<int> align_words(const std::vector<EvalWord>& gold, const std::vector<EvalWord>& sys) {
  std::vector<int> align(gold.size(), -1);
  size_t gi = 0, si = 0;
  while (gi < gold.size() && si < sys.size()) {
    if (gold[gi].multiword || sys[si].multiword) {
      uint32_t end;
      if (gold[gi].multiword) {
        end = gold[gi].end;
        if (!sys[si].multiword && sys[si].begin < gold[gi].begin) ++si;
      } else {
        end = sys[si].end;
        if (!gold[gi].multiword && gold[gi].begin < sys[si].begin) ++gi;
      }
      const size_t gs = gi, ss = si;
      while (!beyond_end(gold, gi, end) || !beyond_end(sys, si, end)) {
        if (gi < gold.size() && (si >= sys.size() || gold[gi].begin <= sys[si].begin)) {
          end = extend_end(gold[gi], end);
          ++gi;
        } else {
          end = extend_end(sys[si], end);
          ++si;
        }
      }
      const size_t ng = gi - gs, ns = si - ss;
      std::vector<int> lcs((ng + 1) * (ns + 1), 0);
      auto at = [&](size_t g, size_t s) -> int& { return lcs[g * (ns + 1) + s]; };
      for (size_t g = ng; g-- > 0;) {
        for (size_t s = ns; s-- > 0;) {
          int v = gold[gs + g].form == sys[ss + s].form ? 1 + at(g + 1, s + 1) : 0;
          at(g, s) = std::max({v, at(g + 1, s), at(g, s + 1)});
        }
      }
      size_t g = 0, s = 0;
      while (g < ng && s < ns) {
        if (gold[gs + g].form == sys[ss + s].form) {
          align[gs + g] = static_cast<int>(ss + s);
          ++g;
          ++s;
        } else if (at(g, s) == at(g + 1, s)) {
          ++g;
        } else {
          ++s;
        }
      }
    } else if (gold[gi].begin == sys[si].begin && gold[gi].end == sys[si].end) {
      align[gi++] = static_cast<int>(si++);
    } else if (gold[gi].begin <= sys[si].begin) {
      ++gi;
    } else {
      ++si;
    }
  }
  return align;
}

void count_spans(const std::vector<std::pair<uint32_t, uint32_t>>& g,
                 const std::vector<std::pair<uint32_t, uint32_t>>& s, UdCount* c) {
  c->gold += g.size();
  c->system += s.size();
  size_t i = 0, j = 0;
  while (i < g.size() && j < s.size()) {
    if (g[i] == s[j]) {
      ++c->correct;
      ++i;
      ++j;
    } else if (g[i].first <= s[j].first) {
      ++i;
    } else {
      ++j;
    }
  }
}

std::string lower(std::string_view s) { return ascii_lower(s); }

/// Gold side: the raw text and the spans of each token within it.
Side gold_side(const std::vector<text::ConlluSentence>& gold, const std::string& raw) {
  Side side;
  size_t pos = 0;
  for (const auto& sent : gold) {
    const size_t base = side.words.size();
    uint32_t sent_begin = 0, sent_end = 0;
    bool first = true;
    for (const auto& tok : sent.surface_tokens()) {
      while (pos < raw.size() && (raw[pos] == ' ' || raw[pos] == '\n')) ++pos;
      size_t at = raw.compare(pos, tok.form.size(), tok.form) == 0 ? pos : raw.find(tok.form, pos);
      if (at == std::string::npos) at = pos;
      const auto b = static_cast<uint32_t>(at), e = static_cast<uint32_t>(at + tok.form.size());
      pos = e;
      side.tokens.push_back({b, e});
      if (first) sent_begin = b;
      first = false;
      sent_end = e;
      for (int w = tok.first_word; w <= tok.last_word; ++w) {
        const auto& gw = sent.words[w];
        EvalWord ew;
        ew.begin = b;
        ew.end = e;
        ew.multiword = tok.last_word > tok.first_word;
        ew.form = lower(gw.form);
        ew.upos = gw.upos;
        ew.xpos = gw.xpos;
        ew.feats = universal_feats(gw.feats);
        ew.lemma = gw.lemma;
        ew.deprel = universal_relation(gw.deprel);
        ew.head = gw.head == 0 ? -1 : static_cast<int>(base) + gw.head - 1;
        side.words.push_back(std::move(ew));
      }
    }
    if (!first) side.sentences.push_back({sent_begin, sent_end});
  }
  return side;
}

Side system_side(const SyntaxAnnotator& a, const Document& doc) {
  Side side;
  const auto& toks = doc.tokens;
  for (const Sentence& s : doc.sentences) {
    if (s.token_end > s.token_begin) {
      side.sentences.push_back({toks[s.token_begin].span.begin, toks[s.token_end - 1].span.end});
    }
  }
  for (size_t i = 0; i < toks.size();) {
    size_t j = i;
    while (j + 1 < toks.size() && toks[j].fused_with_next) ++j;
    const uint32_t b = toks[i].span.begin, e = toks[j].span.end;
    side.tokens.push_back({b, e});
    for (size_t k = i; k <= j; ++k) {
      const Token& t = toks[k];
      EvalWord ew;
      ew.begin = j > i ? b : t.span.begin;
      ew.end = j > i ? e : t.span.end;
      ew.multiword = j > i;
      ew.form = lower(doc.slice(t.span));
      ew.upos = t.upos;
      ew.xpos = t.xpos;
      ew.feats = universal_feats(t.feats);
      ew.lemma = t.lemma;
      ew.deprel = universal_relation(t.deprel);
      ew.head = t.head >= 0 ? t.head : -1;
      side.words.push_back(std::move(ew));
    }
    i = j + 1;
  }
  (void)a;
  return side;
}

UdScores score(const Side& gold, const Side& sys) {
  UdScores sc;
  count_spans(gold.tokens, sys.tokens, &sc.tokens);
  count_spans(gold.sentences, sys.sentences, &sc.sentences);
  const std::vector<int> align = align_words(gold.words, sys.words);
  UdCount* all[] = {&sc.words, &sc.upos, &sc.xpos, &sc.ufeats, &sc.alltags,
                    &sc.lemmas, &sc.uas, &sc.las};
  for (UdCount* c : all) {
    c->gold = gold.words.size();
    c->system = sys.words.size();
  }
  for (size_t g = 0; g < gold.words.size(); ++g) {
    if (align[g] < 0) continue;
    const EvalWord& gw = gold.words[g];
    const EvalWord& sw = sys.words[align[g]];
    for (UdCount* c : all) ++c->aligned;
    ++sc.words.correct;
    const bool u = gw.upos == sw.upos, x = gw.xpos == sw.xpos, f = gw.feats == sw.feats;
    sc.upos.correct += u;
    sc.xpos.correct += x;
    sc.ufeats.correct += f;
    sc.alltags.correct += u && x && f;
    sc.lemmas.correct += gw.lemma == "_" || gw.lemma == sw.lemma;
    const int gh = gw.head < 0 ? -1 : align[gw.head];
    const bool head_ok = gw.head < 0 ? sw.head < 0 : (gh >= 0 && gh == sw.head);
    if (head_ok) {
      ++sc.uas.correct;
      if (gw.deprel == sw.deprel) ++sc.las.correct;
    }
  }
  return sc;
}

}  // namespace

std::string universal_feats(std::string_view feats) {
  std::string out;
  if (feats == "_") return out;
  size_t pos = 0;
  while (pos < feats.size()) {
    size_t bar = feats.find('|', pos);
    std::string_view item = feats.substr(pos, bar == std::string_view::npos ? bar : bar - pos);
    std::string_view name = item.substr(0, item.find('='));
    for (const char* u : kUniversalFeatures) {
      if (name == u) {
        if (!out.empty()) out += '|';
        out.append(item);
        break;
      }
    }
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return out;
}

/// The annotated document as CoNLL-U; `gold_forms` (gold-token mode) supplies the forms of
/// the words of multiword tokens, which share their token's span.
std::vector<text::ConlluSentence> system_conllu(const Document& doc,
                                                const std::vector<text::ConlluSentence>* gold_forms) {
  std::vector<text::ConlluSentence> out;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    text::ConlluSentence cs;
    cs.sent_id = std::to_string(si + 1);
    cs.text = std::string(doc.slice(s.span));
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      const Token& t = doc.tokens[i];
      text::ConlluWord w;
      w.form = gold_forms ? (*gold_forms)[si].words[i - s.token_begin].form
                          : std::string(doc.slice(t.span));
      w.lemma = t.lemma;
      w.upos = t.upos;
      w.xpos = t.xpos;
      w.feats = t.feats.empty() ? "_" : t.feats;
      w.head = t.head >= 0 ? static_cast<int>(t.head - s.token_begin) + 1 : 0;
      w.deprel = t.deprel;
      cs.words.push_back(std::move(w));
    }
    out.push_back(std::move(cs));
  }
  return out;
}

UdScores evaluate_ud(const SyntaxAnnotator& annotator, const segment::Segmenter& segmenter,
                     const std::vector<text::ConlluSentence>& gold, bool gold_tokens,
                     std::vector<text::ConlluSentence>* system) {
  Document doc;
  doc.text = text::raw_text(gold);
  Side g = gold_side(gold, doc.text);
  if (gold_tokens) {
    // Gold words and sentences: each word gets its token's span, fused as in the gold file.
    size_t w = 0;
    for (const auto& sent : gold) {
      Sentence s;
      s.token_begin = static_cast<uint32_t>(doc.tokens.size());
      for (const auto& tok : sent.surface_tokens()) {
        for (int k = tok.first_word; k <= tok.last_word; ++k, ++w) {
          Token t;
          t.span = {g.words[w].begin, g.words[w].end};
          t.sentence = static_cast<uint32_t>(doc.sentences.size());
          t.fused_with_next = k < tok.last_word;
          doc.tokens.push_back(t);
        }
      }
      s.token_end = static_cast<uint32_t>(doc.tokens.size());
      if (s.token_end > s.token_begin) {
        s.span = {doc.tokens[s.token_begin].span.begin, doc.tokens[s.token_end - 1].span.end};
      }
      doc.sentences.push_back(s);
    }
    // Words of a multiword token share its span, so analyze() gets their own forms here.
    std::vector<std::string_view> forms;
    std::vector<WordAnalysis> out;
    for (size_t si = 0; si < gold.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      forms.clear();
      for (const auto& gw : gold[si].words) forms.push_back(gw.form);
      annotator.analyze(forms, &out);
      for (size_t i = 0; i < out.size(); ++i) {
        Token& t = doc.tokens[s.token_begin + i];
        t.upos = annotator.upos(out[i]);
        t.xpos = annotator.xpos(out[i]);
        t.feats = annotator.feats(out[i]);
        t.lemma = out[i].lemma;
        t.head = out[i].parse.head < 0 ? Token::kRoot
                                       : static_cast<int32_t>(s.token_begin) + out[i].parse.head;
        t.deprel = annotator.has_parser() ? annotator.deprel(out[i]) : "";
      }
    }
    Side sys = system_side(annotator, doc);
    // Forms of multiword-token words come from the gold file, not from the shared span.
    for (size_t i = 0; i < sys.words.size() && i < g.words.size(); ++i) {
      sys.words[i].form = g.words[i].form;
    }
    if (system) *system = system_conllu(doc, &gold);
    return score(g, sys);
  }
  segmenter.segment(doc);
  Status s = annotator.annotate(doc);
  (void)s;  // annotate() reports no per-article failure today
  if (system) *system = system_conllu(doc, nullptr);
  return score(g, system_side(annotator, doc));
}

namespace {

// The metrics in conll18_ud_eval.py's order; the word-level ones also report aligned accuracy.
struct UdMetric {
  const char* name;
  UdCount UdScores::*count;
  bool aligned;
};
constexpr UdMetric kUdMetrics[] = {
    {"Tokens", &UdScores::tokens, false}, {"Sentences", &UdScores::sentences, false},
    {"Words", &UdScores::words, false},   {"UPOS", &UdScores::upos, true},
    {"XPOS", &UdScores::xpos, true},      {"UFeats", &UdScores::ufeats, true},
    {"AllTags", &UdScores::alltags, true}, {"Lemmas", &UdScores::lemmas, true},
    {"UAS", &UdScores::uas, true},        {"LAS", &UdScores::las, true},
};

}  // namespace

std::string format_ud_scores(const UdScores& s) {
  std::string out = "Metric     | Precision |    Recall |  F1 Score | AligndAcc\n"
                    "-----------+-----------+-----------+-----------+-----------\n";
  for (const UdMetric& m : kUdMetrics) {
    const UdCount& c = s.*m.count;
    char line[128];
    if (m.aligned) {
      std::snprintf(line, sizeof line, "%-11s|%10.2f |%10.2f |%10.2f |%10.2f\n", m.name,
                    c.precision(), c.recall(), c.f1(), c.aligned_accuracy());
    } else {
      std::snprintf(line, sizeof line, "%-11s|%10.2f |%10.2f |%10.2f |\n", m.name,
                    c.precision(), c.recall(), c.f1());
    }
    out += line;
  }
  return out;
}

std::string format_ud_counts(const UdScores& s) {
  std::string out = "Metric     |   correct |      gold |    system |      F1\n";
  for (const UdMetric& m : kUdMetrics) {
    const UdCount& c = s.*m.count;
    char line[128];
    std::snprintf(line, sizeof line, "%-11s|%10zu |%10zu |%10zu | %.4f\n", m.name, c.correct,
                  c.gold, c.system, c.f1());
    out += line;
  }
  return out;
}

}  // namespace dateline::syntax
