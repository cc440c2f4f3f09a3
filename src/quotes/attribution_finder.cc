// SPDX-License-Identifier: Apache-2.0
// How attribution works, in order:
//  1. The word view (words.h) peels quotation marks and clause punctuation off tokens and
//     cuts the text into paragraphs; quote_marks.h pairs the marks.
//  2. The tagger labels every word of a paragraph Source, Cue, Content or outside. A
//     paragraph is the unit because an attribution's parts may sit in different sentences
//     ("…,” he said. “…") but rarely in different paragraphs.
//  3. Spans are grouped: each content and each source joins the nearest cue of its
//     paragraph (crossing a sentence boundary costs extra); a paragraph of quotation with
//     no cue becomes a quotation of its own.
//     Completion (complete_attributions) first keeps apart what a parse may join (a
//     participle clause after the addressee is not content; an absolute "with <NP>
//     <cue>-ing" clause is an attribution of its own; a content running up to a sourceless
//     cue gives its ", <NP>" tail back as the post-posed source), then fills cues left
//     without content or source, and the content reranker (content_reranker.h), when its
//     model is present, moves each single content span to the best of its candidate
//     clause/comma/sentence boundaries.
//  4. Direct quotations the tagger missed are added by rule (indirect_finder.h), and a
//     quotation with no speaker of its own continues the speaker of the quotation before it
//     when that one is at most a paragraph away; a quotation over several paragraphs (the
//     paragraph before ended with its mark open) is merged into one Quote.
//  5. Each attribution gets its kind (direct: all content inside marks; mixed: a quoted
//     phrase of three words or more inside reported speech; else indirect), its mode
//     (thought for believe/want/hope cues), speaker, addressee and date.
#include "quotes/attribution_finder.h"

#include <algorithm>
#include <filesystem>

#include "dates/governing.h"
#include "model/hash.h"
#include "model/manifest.h"
#include "quotes/indirect_finder.h"
#include "quotes/post_posed.h"
#include "quotes/quote_marks.h"
#include "quotes/speaker.h"
#include "quotes/words.h"

namespace dateline::quotes {
namespace {

constexpr const char* kModelFile = model::kAttributionFile;
constexpr const char* kLexiconFile = "attribution.tsv";
constexpr const char* kRerankerFile = model::kRerankerFile;

uint32_t gap(const RoleSpan& a, const RoleSpan& b, const WordView& v) {
  const uint32_t lo = std::min(a.end, b.end), hi = std::max(a.begin, b.begin);
  uint32_t d = hi > lo ? hi - lo : 0;
  const uint32_t s1 = v.words[a.begin].sentence, s2 = v.words[b.begin].sentence;
  // Word-view sentence starts inside the gap count too (the segmenter may have missed them).
  for (uint32_t i = lo; i < hi; ++i) {
    if (v.words[i].sentence_start) d += 20;
  }
  if (s1 != s2) d += 5;
  return d;
}

// Step 3 for one paragraph.
void group_spans(const WordView& v, const std::vector<RoleSpan>& spans,
                 std::vector<WordAttribution>& out) {
  std::vector<const RoleSpan*> cues;
  for (const RoleSpan& s : spans) {
    if (s.role == Role::kCue) cues.push_back(&s);
  }
  auto direct = [&](uint32_t b) {
    return v.words[b].mark == MarkKind::kDoubleOpen || v.words[b].mark == MarkKind::kDoubleStraight;
  };
  if (cues.empty()) {
    // Content with no cue is kept only when it is a quotation (its speaker is then the
    // previous one); PolNeAR has almost no cue-less attributions otherwise.
    for (const RoleSpan& s : spans) {
      if (s.role != Role::kContent || !direct(s.begin)) continue;
      WordAttribution a;
      a.content.push_back({s.begin, s.end});
      a.why = "tagger: quotation with no cue";
      out.push_back(std::move(a));
    }
    return;
  }
  const size_t first = out.size();
  for (const RoleSpan* c : cues) {
    WordAttribution a;
    a.cue_begin = c->begin;
    a.cue_end = c->end;
    a.why = "tagger";
    out.push_back(std::move(a));
  }
  auto nearest = [&](const RoleSpan& s, uint32_t& best_gap) {
    size_t best = 0;
    best_gap = UINT32_MAX;
    for (size_t k = 0; k < cues.size(); ++k) {
      const uint32_t g = gap(s, *cues[k], v);
      if (g < best_gap) {
        best = k;
        best_gap = g;
      }
    }
    return best;
  };
  std::vector<uint32_t> source_gap(cues.size(), UINT32_MAX);
  for (const RoleSpan& s : spans) {
    if (s.role != Role::kSource) continue;
    uint32_t g = 0;
    const size_t best = nearest(s, g);
    if (g < source_gap[best]) {
      out[first + best].source_begin = s.begin;
      out[first + best].source_end = s.end;
      source_gap[best] = g;
    }
  }
  for (const RoleSpan& s : spans) {
    if (s.role != Role::kContent) continue;
    uint32_t g = 0;
    const size_t best = nearest(s, g);
    WordAttribution& a = out[first + best];
    // A quotation in an earlier sentence does not belong to a cue whose own source stands
    // between them ("“…” Critics have questioned the plan."): that is a new statement.
    if (direct(s.begin) && s.end <= a.cue_begin && a.has_source() && a.source_begin >= s.end &&
        v.words[a.source_begin].sentence_start) {
      WordAttribution alone;
      alone.content.push_back({s.begin, s.end});
      alone.why = "tagger: quotation with no cue";
      out.push_back(std::move(alone));
      continue;
    }
    a.content.push_back({s.begin, s.end});
  }
  // Boundary repair of quotations: a content that opens with a mark ends at the matching
  // closing mark when a new sentence follows it, or when only a few words follow it (they
  // are the source: "“…,” Miller, the adviser, told").
  for (size_t k = first; k < out.size(); ++k) {
    WordAttribution& a = out[k];
    for (auto& [b, e] : a.content) {
      if (!direct(b)) continue;
      const uint8_t depth = v.words[b].quote_depth;
      uint32_t close = 0;
      for (uint32_t j = b + 1; j < e && !close; ++j) {
        if (v.words[j].mark != MarkKind::kNone && v.words[j].quote_depth == depth) close = j;
      }
      if (!close || close + 1 >= e) continue;
      bool new_sentence = false;
      for (uint32_t j = close + 1; j < e; ++j) new_sentence |= v.words[j].sentence_start;
      if (!new_sentence && e - (close + 1) > 3) continue;
      const uint32_t old_end = e;
      e = close + 1;
      if (!new_sentence && a.has_source() && a.source_begin >= old_end &&
          a.source_begin <= old_end + 1) {
        uint32_t nb = close + 1;
        while (nb < old_end && v.words[nb].punct) ++nb;
        a.source_begin = nb;
      }
    }
  }
}

bool parsed(const Document& doc) {
  return !doc.tokens.empty() && doc.tokens[0].head != Token::kNoHead;
}

// A word the tagger (POS) reads as a verb; false without syntax.
bool verb_word(const Document& doc, const Word& w) {
  if (w.token < 0 || w.punct || !parsed(doc)) return false;
  const std::string& upos = doc.tokens[size_t(w.token)].upos;
  return upos == "VERB" || upos == "AUX";
}

// Whether content [b, e) of `a` is a participle clause that modifies the addressee rather
// than what was said ("told reporters gathered at the port", "asked officials investigating
// the fire"): it follows the cue across a few words of a noun phrase (the addressee, no
// verb, no punctuation, not the source), opens outside quotation marks with a past or
// present participle (a past-tense tag too: taggers confuse the two), and that verb has no
// subject or complementizer of its own. A clause with either ("told reporters that…",
// "told reporters they…") or an infinitive ("urged lawmakers to…") is still content.
bool modifies_addressee(const Document& doc, const WordView& v, const WordAttribution& a,
                        uint32_t b, uint32_t e) {
  const auto& w = v.words;
  if (!parsed(doc) || !a.has_cue() || b <= a.cue_end || e <= b) return false;
  if (b - a.cue_end > 10 || w[b].quote_depth > 0 || w[b].mark != MarkKind::kNone) return false;
  if (w[b].sentence != w[a.cue_begin].sentence) return false;
  for (uint32_t i = a.cue_end; i < b; ++i) {
    if (w[i].punct || w[i].quote_depth > 0 || verb_word(doc, w[i])) return false;
    if (a.has_source() && i >= a.source_begin && i < a.source_end) return false;
  }
  if (!verb_word(doc, w[b])) return false;
  const int32_t verb = w[b].token;
  const std::string& xpos = doc.tokens[size_t(verb)].xpos;
  if (xpos != "VBN" && xpos != "VBD" && xpos != "VBG") return false;
  const Sentence& s = doc.sentences[doc.tokens[size_t(verb)].sentence];
  for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
    if (doc.tokens[k].head != verb) continue;
    const std::string& rel = doc.tokens[k].deprel;
    if (rel.rfind("nsubj", 0) == 0 || rel.rfind("csubj", 0) == 0 || rel == "mark" ||
        rel == "expl") {
      return false;
    }
  }
  return true;
}

// Step 3 pre-pass: drops contents that modifies_addressee() rejects.
void drop_addressee_modifiers(const Document& doc, const WordView& v,
                              std::vector<WordAttribution>& found) {
  for (WordAttribution& a : found) {
    std::erase_if(a.content, [&](const std::pair<uint32_t, uint32_t>& c) {
      return modifies_addressee(doc, v, a, c.first, c.second);
    });
  }
}

// Step 3 pre-pass: an absolute "with" clause inside a content is an attribution of its own
// ("…the port will reopen, with the mayor adding that…"): ", with" + a noun phrase (no
// verb, no punctuation, at most 8 words) + a cue verb in -ing form + at least two words.
// The content ends before the comma; the noun phrase is the new source, the -ing verb its
// cue and the rest of the span its content. Needs POS tags; does nothing without them.
void split_absolute_attributions(const Document& doc, const WordView& v, const CueLexicon& lexicon,
                                 std::vector<WordAttribution>& found) {
  if (!parsed(doc)) return;
  const auto& w = v.words;
  std::vector<WordAttribution> split_off;
  for (WordAttribution& a : found) {
    if (!a.has_cue()) continue;
    for (auto& [cb, ce] : a.content) {
      for (uint32_t i = cb + 1; i + 2 < ce; ++i) {
        if (w[i].lower != "," || w[i + 1].lower != "with" || w[i].quote_depth > 0) continue;
        uint32_t j = i + 2;
        while (j < ce && j - (i + 2) <= 8 && !w[j].punct && !verb_word(doc, w[j])) ++j;
        if (j == i + 2 || j >= ce || j - (i + 2) > 8 || !verb_word(doc, w[j])) continue;
        if (doc.tokens[size_t(w[j].token)].xpos != "VBG" || !lexicon.is_verb_cue(w[j].lower)) {
          continue;
        }
        if (ce - (j + 1) < 2) continue;
        WordAttribution x;
        x.source_begin = i + 2;
        x.source_end = j;
        x.cue_begin = j;
        x.cue_end = j + 1;
        x.content.push_back({j + 1, ce});
        x.why = "tagger; attribution of an absolute with-clause";
        split_off.push_back(std::move(x));
        ce = i;
        while (ce > cb && w[ce - 1].punct && w[ce - 1].mark == MarkKind::kNone) --ce;
        break;
      }
    }
    std::erase_if(a.content,
                  [](const std::pair<uint32_t, uint32_t>& c) { return c.second <= c.first; });
  }
  for (WordAttribution& x : split_off) found.push_back(std::move(x));
}

// Step 3 pre-pass: a cue with no source whose content runs up to it and ends in ", <noun
// phrase>" ("…from the port, two people close to the talks told the paper.") had its
// post-posed source read as the content's tail; when nothing but an object, a time or an
// apposition follows the cue, the noun phrase becomes the source and the content is
// cleared, so that complete_post_posed() gives it the clause before the comma. Needs POS
// tags (a verb in the tail means it is a clause, not a source).
void release_post_posed_source(const Document& doc, const WordView& v,
                               std::vector<WordAttribution>& found) {
  if (!parsed(doc)) return;
  const auto& w = v.words;
  for (WordAttribution& a : found) {
    if (!a.has_cue() || a.has_source() || a.content.size() != 1) continue;
    const auto [cb, ce] = a.content.front();
    if (ce != a.cue_begin || w[a.cue_begin].sentence_start) continue;
    const uint32_t sentence = w[a.cue_begin].sentence;
    bool closes = true;
    for (uint32_t k = a.cue_end; k < w.size() && w[k].sentence == sentence && !w[k].sentence_start;
         ++k) {
      closes &= !verb_word(doc, w[k]) && w[k].quote_depth == 0;
    }
    if (!closes) continue;
    uint32_t comma = ce;
    while (comma > cb && w[comma - 1].lower != ",") --comma;
    if (comma <= cb + 1) continue;
    const uint32_t sb = comma;  // first word after the comma
    if (ce - sb < 1 || ce - sb > 12) continue;
    bool noun_phrase = true;
    for (uint32_t i = sb; i < ce; ++i) {
      noun_phrase &= !w[i].punct && !verb_word(doc, w[i]) && w[i].quote_depth == 0;
    }
    const std::string& first_pos = w[sb].token >= 0 ? doc.tokens[size_t(w[sb].token)].upos : "";
    noun_phrase &=
        first_pos != "CCONJ" && first_pos != "SCONJ" && first_pos != "ADP" && first_pos != "ADV";
    if (!noun_phrase) continue;
    a.source_begin = sb;
    a.source_end = ce;
    a.content.clear();
  }
}

// Step 3b: a cue the tagger found with no content (after step 3a). PolNeAR gives every attribution
// a content, and the tagger's misses here are mostly long or unusual complements ("called for
// releasing the videos", "accuse the campaign of ..."), which the parse hangs under the cue:
// the content is the subtree of its clausal complement, else of its open complement, else
// of its object, when that subtree follows the cue and touches no other span.
void complete_from_parse(const Document& doc, const WordView& v,
                         const std::vector<QuoteRegion>& regions, const CueLexicon& lexicon,
                         std::vector<WordAttribution>& found) {
  const auto& w = v.words;
  std::vector<bool> taken(w.size(), false);
  auto mark = [&](uint32_t b, uint32_t e) {
    for (uint32_t i = b; i < e && i < w.size(); ++i) taken[i] = true;
  };
  for (const WordAttribution& a : found) {
    mark(a.source_begin, a.source_end);
    mark(a.cue_begin, a.cue_end);
    for (const auto& [b, e] : a.content) mark(b, e);
  }
  complete_post_posed(doc, v, regions, taken, found);
  if (doc.tokens.empty() || doc.tokens[0].head == Token::kNoHead) return;
  for (WordAttribution& a : found) {
    if (!a.has_cue() || !a.content.empty()) continue;
    // The object of a tell-verb is its addressee, not what was said.
    bool tell = false;
    for (uint32_t i = a.cue_begin; i < a.cue_end; ++i) {
      tell |= lexicon.lookup(w[i].lower) == CueClass::kTell;
    }
    const int32_t t_first = w[a.cue_begin].token, t_last = w[a.cue_end - 1].token;
    if (t_first < 0 || t_last < 0) continue;
    const Sentence& s = doc.sentences[doc.tokens[t_first].sentence];
    int32_t best = -1, best_rank = 3;
    for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
      const int32_t h = doc.tokens[k].head;
      if (h < t_first || h > t_last || (int32_t(k) >= t_first && int32_t(k) <= t_last)) continue;
      const std::string& rel = doc.tokens[k].deprel;
      const int32_t rank = rel == "ccomp" ? 0 : rel == "xcomp" ? 1 : rel == "obj" && !tell ? 2 : 3;
      if (rank < best_rank) {
        best = int32_t(k);
        best_rank = rank;
      }
    }
    if (best < 0) continue;
    // Subtree extent in tokens, then in words.
    int32_t lo = best, hi = best;
    for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
      int32_t cur = int32_t(k);
      for (int step = 0; step < 40 && cur >= 0 && cur != best; ++step) cur = doc.tokens[cur].head;
      if (cur != best) continue;
      lo = std::min(lo, int32_t(k));
      hi = std::max(hi, int32_t(k));
    }
    if (lo <= t_last) continue;
    uint32_t b = a.cue_end, e = a.cue_end;
    while (b < w.size() && w[b].token >= 0 && w[b].token < lo) ++b;
    e = b;
    while (e < w.size() && w[e].token >= lo && w[e].token <= hi) ++e;
    while (e > b && w[e - 1].punct && w[e - 1].mark == MarkKind::kNone) --e;
    if (e <= b || e - b < 2) continue;
    bool clash = false;
    for (uint32_t i = b; i < e; ++i) clash |= taken[i];
    if (clash || v.words[b].sentence != v.words[e - 1].sentence) continue;
    if (modifies_addressee(doc, v, a, b, e)) continue;
    a.content.push_back({b, e});
    a.why = "tagger; content from the parse";
    mark(b, e);
  }
}

// Step 3c: a cue with content but no source takes the subject the parse gives it
// (parse_subject). PolNeAR marks
// such a shared subject as the source of each attribution, so it may repeat another
// attribution's source, but it never takes words of a cue or a content.
void complete_source_from_parse(const Document& doc, const WordView& v,
                                std::vector<WordAttribution>& found) {
  if (doc.tokens.empty() || doc.tokens[0].head == Token::kNoHead) return;
  const auto& w = v.words;
  std::vector<bool> taken(w.size(), false);
  for (const WordAttribution& a : found) {
    for (uint32_t i = a.cue_begin; i < a.cue_end; ++i) taken[i] = true;
    for (const auto& [b, e] : a.content) {
      for (uint32_t i = b; i < e; ++i) taken[i] = true;
    }
  }
  for (WordAttribution& a : found) {
    if (!a.has_cue() || a.has_source() || a.content.empty()) continue;
    const auto [b, e] = parse_subject(doc, v, a);
    if (e <= b) continue;
    bool clash = false;
    for (uint32_t i = b; i < e; ++i) clash |= taken[i];
    if (clash) continue;
    a.source_begin = b;
    a.source_end = e;
  }
}

uint32_t first_word(const WordAttribution& a) {
  uint32_t f = a.has_cue() ? a.cue_begin : UINT32_MAX;
  if (a.has_source()) f = std::min(f, a.source_begin);
  for (const auto& c : a.content) f = std::min(f, c.first);
  return f;
}

uint32_t unit_index(const WordView& v, uint32_t word) {
  auto it = std::upper_bound(v.units.begin(), v.units.end(), word,
                             [](uint32_t x, const Unit& u) { return x < u.begin; });
  return uint32_t(it - v.units.begin()) - 1;
}

Span word_span(const WordView& v, uint32_t b, uint32_t e) {
  return {v.words[b].span.begin, v.words[e - 1].span.end};
}

}  // namespace

void complete_attributions(const Document& doc, const WordView& view,
                           const std::vector<QuoteRegion>& regions, const CueLexicon& lexicon,
                           std::vector<WordAttribution>& found) {
  drop_addressee_modifiers(doc, view, found);
  split_absolute_attributions(doc, view, lexicon, found);
  release_post_posed_source(doc, view, found);
  complete_from_parse(doc, view, regions, lexicon, found);
  complete_source_from_parse(doc, view, found);
}

std::vector<WordAttribution> tagged_attributions(const Document& doc, const WordView& view,
                                                 const std::vector<QuoteRegion>& regions,
                                                 const AttributionTagger& tagger,
                                                 const CueLexicon& lexicon, bool complete) {
  std::vector<WordAttribution> found;
  TaggerInput in{&doc, &view, &regions};
  std::vector<uint8_t> tags;
  for (const Unit& u : view.units) {
    tagger.tag(in, u, tags);
    group_spans(view, spans_from_tags(tags, u.begin), found);
  }
  if (complete) complete_attributions(doc, view, regions, lexicon, found);
  return found;
}

AttributionFinder AttributionFinder::from(CueLexicon lexicon,
                                          std::unique_ptr<AttributionTagger> tagger,
                                          const AttributionFinderOptions& options) {
  AttributionFinder f;
  f.options_ = options;
  f.lexicon_ = std::move(lexicon);
  f.tagger_ = std::move(tagger);
  f.fingerprint_ = model::content_hash(f.lexicon_.fingerprint() + "|" +
                                       (f.tagger_ ? f.tagger_->fingerprint() : "rules"));
  return f;
}

Result<AttributionFinder> AttributionFinder::load(const AttributionFinderOptions& options) {
  DL_ASSIGN_OR_RETURN(CueLexicon lexicon,
                      CueLexicon::load(options.lexicons_dir + "/" + kLexiconFile));
  std::unique_ptr<AttributionTagger> tagger;
  const std::string model = options.models_dir + "/" + kModelFile;
  std::error_code ec;
  if (std::filesystem::exists(model, ec)) {
    DL_ASSIGN_OR_RETURN(AttributionTagger t, AttributionTagger::load(model));
    tagger = std::make_unique<AttributionTagger>(std::move(t));
  }
  AttributionFinder f = from(std::move(lexicon), std::move(tagger), options);
  const std::string reranker = options.models_dir + "/" + kRerankerFile;
  if (options.rerank_contents && f.tagger_ && std::filesystem::exists(reranker, ec)) {
    DL_ASSIGN_OR_RETURN(ContentReranker r, ContentReranker::load(reranker));
    f.reranker_ = std::make_unique<ContentReranker>(std::move(r));
    f.fingerprint_ = model::content_hash(f.fingerprint_ + "|" + f.reranker_->fingerprint());
  }
  return f;
}

Status AttributionFinder::annotate(Document& doc) const {
  if (doc.tokens.empty()) return ok_status();
  WordView view = build_word_view(doc);
  if (view.words.empty()) return ok_status();
  std::vector<QuoteRegion> regions = pair_quote_marks(view, doc.text);
  const auto& w = view.words;

  std::vector<WordAttribution> found;
  if (tagger_) {
    found =
        tagged_attributions(doc, view, regions, *tagger_, lexicon_, options_.complete_from_parse);
    if (reranker_) reranker_->rerank(make_rerank_context(doc, view), found);
  } else {
    found = find_indirect(doc, view, lexicon_);
  }
  if (!tagger_ || options_.add_rule_quotes) {
    // Words some attribution already holds; a rule quotation over any of them is dropped.
    std::vector<bool> held(w.size(), false);
    auto hold = [&](uint32_t b, uint32_t e) {
      std::fill(held.begin() + b, held.begin() + e, true);
    };
    for (const WordAttribution& a : found) {
      if (a.has_cue()) hold(a.cue_begin, a.cue_end);
      if (a.has_source()) hold(a.source_begin, a.source_end);
      for (const auto& [b, e] : a.content) hold(b, e);
    }
    for (WordAttribution& d : find_direct_quotes(doc, view, regions, lexicon_, 4)) {
      const auto [b, e] = d.content.front();
      if (std::find(held.begin() + b, held.begin() + e, true) != held.begin() + e) continue;
      if (d.has_cue()) hold(d.cue_begin, d.cue_end);
      if (d.has_source()) hold(d.source_begin, d.source_end);
      for (const auto& [cb, ce] : d.content) hold(cb, ce);
      found.push_back(std::move(d));
    }
  }
  std::sort(found.begin(), found.end(), [](const WordAttribution& a, const WordAttribution& b) {
    return first_word(a) < first_word(b);
  });

  // Which region (if any) a word range is exactly one quotation of, for kinds and merging.
  // Counts the words of [b, e), those inside marks, and those inside marks that are not
  // capitalised: a quoted name or title (“The Americas Counter Cartel Conference”) is not
  // a verbatim phrase, so it does not make reported speech mixed.
  auto quoted_words = [&](uint32_t b, uint32_t e, uint32_t& inside, uint32_t& total,
                          uint32_t& lower) {
    inside = total = lower = 0;
    for (uint32_t i = b; i < e; ++i) {
      if (w[i].punct) continue;
      ++total;
      if (w[i].quote_depth == 0) continue;
      ++inside;
      const char c = doc.text[w[i].span.begin];
      lower += !(c >= 'A' && c <= 'Z');
    }
  };

  const SpeakerResolver speakers(doc, view, lexicon_);
  // A quotation continues over the next paragraph when a mark left open before it is still
  // open ("continues"); the earliest such mark decides, so one number stands for them all.
  uint32_t first_open_continuing = UINT32_MAX;
  for (const QuoteRegion& r : regions) {
    if (!r.closed && r.continues) first_open_continuing = std::min(first_open_continuing, r.open);
  }
  int32_t last_quote = -1;  // index in doc.quotes of the previous quote
  uint32_t last_unit = 0;
  const size_t before = doc.quotes.size();
  for (const WordAttribution& a : found) {
    if (a.content.empty() && (!options_.keep_contentless || !a.has_cue())) continue;
    if (a.has_cue() && !a.has_source()) {
      // A cue with no source that no lexicon entry backs ("seized the president ...") is
      // more often a misread verb than an unattributed statement.
      bool known = false;
      for (uint32_t i = a.cue_begin; i < a.cue_end; ++i) {
        known |= lexicon_.lookup(w[i].lower) != CueClass::kNone || w[i].lower == "according" ||
                 (tagger_ && tagger_->cue_prior(w[i].lower) >= 0.2f);
      }
      if (!known) continue;
    }
    Quote q;
    // Kind: all content words inside marks = direct; a quoted phrase of 3+ words = mixed.
    uint32_t inside = 0, total = 0, lower = 0;
    for (const auto& [b, e] : a.content) {
      uint32_t i0 = 0, t0 = 0, l0 = 0;
      quoted_words(b, e, i0, t0, l0);
      inside += i0;
      total += t0;
      lower += l0;
    }
    if (total > 0 && inside == total) {
      q.kind = QuoteKind::kDirect;
    } else if (inside >= 3 && lower >= 2) {
      q.kind = QuoteKind::kMixed;
    } else {
      q.kind = QuoteKind::kIndirect;
    }
    if (a.has_cue()) {
      q.cue = word_span(view, a.cue_begin, a.cue_end);
      for (uint32_t i = a.cue_begin; i < a.cue_end; ++i) {
        if (lexicon_.lookup(w[i].lower) == CueClass::kThought) q.mode = QuoteMode::kThought;
      }
    }
    for (const auto& [b, e] : a.content) q.content.push_back(word_span(view, b, e));
    const uint32_t anchor = a.has_cue() ? a.cue_begin : first_word(a);
    q.sentence = w[anchor].sentence;
    const uint32_t unit = unit_index(view, anchor);
    const Span source = a.has_source() ? word_span(view, a.source_begin, a.source_end) : Span{};
    const uint32_t at = a.has_cue() ? q.cue.begin : (q.content.empty() ? 0 : q.content[0].begin);
    q.speaker = speakers.resolve(source, at);
    q.why = a.why;
    if (q.speaker.name.empty() && q.speaker.entity < 0 && a.source_end == a.source_begin + 1 &&
        (w[a.source_begin].lower == "he" || w[a.source_begin].lower == "she") && last_quote >= 0 &&
        unit <= last_unit + 1) {
      // An unresolved "he"/"she" right after a quotation: its speaker.
      const Speaker& prev = doc.quotes[size_t(last_quote)].speaker;
      q.speaker.name = prev.name;
      q.speaker.entity = prev.entity;
      q.speaker.title = prev.title;
    }
    if (!a.has_source() && !a.has_cue() && q.kind == QuoteKind::kDirect && last_quote >= 0 &&
        unit <= last_unit + 1) {
      Quote& prev = doc.quotes[size_t(last_quote)];
      // A quotation over several paragraphs: the previous paragraph left its mark open (a
      // continuing mark opened before this paragraph and before the previous content's end).
      const uint32_t first = a.content.front().first;
      const bool continues = unit == last_unit + 1 && !prev.content.empty() &&
                             view.units[unit].begin == first &&
                             first_open_continuing < view.units[unit].begin &&
                             w[first_open_continuing].span.begin < prev.content.back().end;
      if (continues) {
        prev.content.insert(prev.content.end(), q.content.begin(), q.content.end());
        prev.why += "; continues over the next paragraph";
        last_unit = unit;
        continue;
      }
      q.speaker = prev.speaker;
      q.speaker.span = {};
      q.speaker.text = prev.speaker.name.empty() ? prev.speaker.text : prev.speaker.name;
      q.why += "; speaker of the previous quotation";
    }
    if (a.has_cue() && !q.content.empty()) {
      const uint32_t stop =
          q.content.front().begin > q.cue.end ? q.content.front().begin : UINT32_MAX;
      q.addressee = find_addressee(doc, view, q.cue, stop, lexicon_);
    }
    // Date: the time expression nearest the cue (or the content when there is no cue), else
    // the publication date; the dates stage owns that rule for quotes and events alike.
    const Span date_anchor = !q.cue.empty()      ? q.cue
                             : q.content.empty() ? Span{}
                                                 : q.content.front();
    dates::DateAssignment when = dates::assign_date(doc, q.sentence, date_anchor);
    // A time inside the reported words dates what is reported, not the statement.
    if (when.time >= 0 && std::any_of(q.content.begin(), q.content.end(), [&](const Span& c) {
          return c.overlaps(doc.times[when.time].span);
        })) {
      when = {dates::publication_date(doc),
              doc.meta.published.empty() ? DateSource::kNone : DateSource::kPublication, -1};
    }
    q.date = when.date;
    q.date_source = when.source;
    q.time = when.time;
    doc.quotes.push_back(std::move(q));
    last_quote = int32_t(doc.quotes.size() - 1);
    last_unit = unit;
  }
  (void)before;
  return ok_status();
}

}  // namespace dateline::quotes
