// SPDX-License-Identifier: Apache-2.0
#include "quotes/post_posed.h"

#include <algorithm>

namespace dateline::quotes {

std::pair<uint32_t, uint32_t> parse_subject(const Document& doc, const WordView& v,
                                            const WordAttribution& a) {
  const auto& w = v.words;
  if (doc.tokens.empty() || doc.tokens[0].head == Token::kNoHead || !a.has_cue()) return {0, 0};
  const int32_t t_first = w[a.cue_begin].token, t_last = w[a.cue_end - 1].token;
  if (t_first < 0 || t_last < 0) return {0, 0};
  const Sentence& s = doc.sentences[doc.tokens[t_first].sentence];
  // The cue's own head word: the cue token whose head lies outside the cue.
  int32_t verb = -1;
  for (int32_t t = t_first; t <= t_last && verb < 0; ++t) {
    const int32_t h = doc.tokens[t].head;
    if (h < t_first || h > t_last) verb = t;
  }
  int32_t subj = -1;
  for (int hop = 0; hop < 3 && verb >= 0 && subj < 0; ++hop) {
    for (uint32_t k = s.token_begin; k < s.token_end && subj < 0; ++k) {
      const std::string& rel = doc.tokens[k].deprel;
      if (doc.tokens[k].head == verb && (rel == "nsubj" || rel == "nsubj:pass")) {
        subj = int32_t(k);
      }
    }
    const std::string& up = doc.tokens[verb].deprel;
    if (up != "conj" && up != "xcomp" && up != "advcl") break;
    verb = doc.tokens[verb].head;
  }
  if (subj < 0) return {0, 0};
  int32_t lo = subj, hi = subj;
  for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
    int32_t cur = int32_t(k);
    for (int step = 0; step < 40 && cur >= 0 && cur != subj; ++step) cur = doc.tokens[cur].head;
    if (cur != subj) continue;
    lo = std::min(lo, int32_t(k));
    hi = std::max(hi, int32_t(k));
  }
  // Words are in token order: the subject's first word by binary search, not by a scan
  // from the start of the document for every cue.
  uint32_t b = uint32_t(std::lower_bound(w.begin(), w.end(), lo,
                                         [](const Word& x, int32_t t) { return x.token < t; }) -
                        w.begin());
  uint32_t e = b;
  while (e < w.size() && w[e].token >= lo && w[e].token <= hi) ++e;
  while (e > b && w[e - 1].punct) --e;
  while (b < e && w[b].punct) ++b;
  if (e <= b) return {0, 0};
  return {b, e};
}

PostPosedCompletion::PostPosedCompletion(const Document& doc, const WordView& v,
                                         const std::vector<QuoteRegion>& regions,
                                         std::vector<bool>& taken,
                                         std::vector<WordAttribution>& found)
    : doc_(doc),
      v_(v),
      regions_(regions),
      taken_(taken),
      found_(found),
      syntax_(!doc.tokens.empty() && doc.tokens[0].head != Token::kNoHead),
      owner_(v.words.size(), -1) {
  for (size_t k = 0; k < found.size(); ++k) {
    const WordAttribution& x = found[k];
    for (uint32_t i = x.source_begin; i < x.source_end; ++i) owner_[i] = int32_t(k);
    for (uint32_t i = x.cue_begin; i < x.cue_end; ++i) owner_[i] = int32_t(k);
    for (const auto& [b, e] : x.content) {
      for (uint32_t i = b; i < e; ++i) owner_[i] = int32_t(k);
    }
  }
}

bool PostPosedCompletion::is_verb(uint32_t k) const {
  const Word& w = v_.words[k];
  if (!syntax_ || w.token < 0 || w.punct) return false;
  const std::string& upos = doc_.tokens[size_t(w.token)].upos;
  return upos == "VERB" || upos == "AUX";
}

bool PostPosedCompletion::take_source(size_t k) {
  const auto& w = v_.words;
  WordAttribution& a = found_[k];
  auto [sb, se] = parse_subject(doc_, v_, a);
  if (se != a.cue_begin) {
    // The parse often misreads this construction; the words back to the comma stand in
    // when they hold no verb and no more than a noun phrase's length.
    sb = se = a.cue_begin;
    while (sb > 0 && a.cue_begin - sb < 12 && w[sb - 1].lower != "," && !w[sb - 1].punct &&
           !is_verb(sb - 1) && w[sb - 1].sentence == w[a.cue_begin].sentence) {
      --sb;
    }
  }
  bool closes = true;  // nothing but an object, a time or an apposition follows
  for (uint32_t i = a.cue_end;
       i < w.size() && w[i].sentence == w[a.cue_begin].sentence && !w[i].sentence_start; ++i) {
    closes &= !is_verb(i) && w[i].quote_depth == 0;
  }
  if (!closes || se <= sb || se != a.cue_begin || sb < 2 || w[sb - 1].lower != ",") return false;
  const int32_t o = owner_[sb];
  for (uint32_t i = sb; i < se; ++i) {
    if (owner_[i] != o) return false;
  }
  if (o >= 0) {
    // Only the tail of another attribution's content may be given up.
    bool tail = false;
    for (auto& [cb, ce] : found_[size_t(o)].content) {
      if (cb < sb - 1 && ce == se) {
        ce = sb - 1;
        tail = true;
      }
    }
    if (!tail) return false;
  }
  for (uint32_t i = sb - 1; i < se; ++i) {
    owner_[i] = -1;
    taken_[i] = false;
  }
  a.source_begin = sb;
  a.source_end = se;
  for (uint32_t i = sb; i < se; ++i) {
    owner_[i] = int32_t(k);
    taken_[i] = true;
  }
  return true;
}

bool PostPosedCompletion::take_quotation_after_colon(size_t k, uint32_t last) {
  const auto& w = v_.words;
  if (last >= w.size() || w[last].lower != ":") return false;
  const QuoteRegion* region = nullptr;
  for (const QuoteRegion& r : regions_) {
    if (r.open == last + 1 && r.closed && r.depth == 1) region = &r;
  }
  if (!region) return false;
  for (uint32_t i = region->open; i <= region->close; ++i) {
    const bool free = !taken_[i] || (owner_[i] >= 0 && !found_[size_t(owner_[i])].has_cue() &&
                                     !found_[size_t(owner_[i])].has_source());
    if (!free) return false;
  }
  for (uint32_t i = region->open; i <= region->close; ++i) {
    if (owner_[i] >= 0 && size_t(owner_[i]) != k) found_[size_t(owner_[i])].content.clear();
    taken_[i] = true;
  }
  found_[k].content.push_back({region->open, region->close + 1});
  found_[k].why = "tagger; quotation introduced by a colon";
  return true;
}

PostPosedCompletion::Following PostPosedCompletion::following(uint32_t sentence,
                                                              uint32_t last) const {
  const auto& w = v_.words;
  uint32_t se = last;
  while (se < w.size() && w[se].sentence == sentence && !(se > last && w[se].sentence_start)) {
    ++se;
  }
  bool verb_after = false, quote_after = false;
  for (uint32_t k = last; k < se; ++k) {
    verb_after |= is_verb(k);
    quote_after |= w[k].quote_depth > 0;
  }
  Following f;
  if (quote_after) return f;
  if (verb_after) {
    if (last >= se || w[last].lower != "," || last + 1 >= se) return f;
    const uint32_t tb = last + 1;
    // A participle adjunct describes the speaking, it is not said: post-posed as before.
    if (syntax_ && w[tb].token >= 0 && doc_.tokens[size_t(w[tb].token)].xpos == "VBG") {
      verb_after = false;
    }
  }
  if (verb_after) {
    const uint32_t tb = last + 1;
    uint32_t te = se;
    while (te > tb && w[te - 1].punct) --te;
    if (te <= tb + 1) return f;
    f.interposed = true;
    f.tail = {tb, te};
  }
  f.usable = true;
  return f;
}

PostPosedCompletion::Before PostPosedCompletion::content_before(size_t k, uint32_t sentence,
                                                                uint32_t pre,
                                                                bool interposed) const {
  const auto& w = v_.words;
  Before out;
  auto absorb = [&](size_t o) {
    if (std::find(out.absorbed.begin(), out.absorbed.end(), o) == out.absorbed.end()) {
      out.absorbed.push_back(o);
    }
  };
  if (w[pre].lower == ",") {
    // A plain content: back from the comma to the sentence start, a taken word or a
    // paragraph start; PolNeAR leaves the comma out. An attribution lying wholly inside that
    // clause ("… unclear policy demands that Mexico cracks down …, three people familiar with
    // the talks told the outlet") is part of what the post-posed source reports: it is
    // absorbed rather than allowed to cut the content.
    auto absorbable = [&](uint32_t i) {
      const int32_t o = owner_[i];
      if (o < 0) return true;
      const WordAttribution& x = found_[size_t(o)];
      if (size_t(o) == k || !x.has_cue()) return false;
      if (x.has_source() && (x.source_end > pre || w[x.source_begin].sentence != sentence)) {
        return false;
      }
      for (const auto& [cb, ce] : x.content) {
        if (ce > pre + 1 || w[cb].sentence != sentence) return false;  // may hold the comma
      }
      return x.cue_end <= pre && w[x.cue_begin].sentence == sentence;
    };
    uint32_t b = pre;
    while (b > 0 && w[b - 1].sentence == sentence && absorbable(b - 1) && !w[b].sentence_start) {
      --b;
      if (owner_[b] >= 0) absorb(size_t(owner_[b]));
    }
    while (b < pre && w[b].punct && w[b].mark == MarkKind::kNone) ++b;
    out.begin = b;
    out.end = pre;
  } else if (w[pre].mark != MarkKind::kNone && w[pre].quote_depth == 0 && !interposed) {
    // A quotation closed right before: all of it, marks and final punctuation included.
    for (const QuoteRegion& r : regions_) {
      if (r.closed && r.close == pre && r.depth == 1) {
        out.begin = r.open;
        out.end = pre + 1;
      }
    }
    // The tagger may have kept that quotation as one with no cue and no source of its own;
    // it is this cue's.
    for (uint32_t i = out.begin; i < out.end; ++i) {
      const int32_t o = owner_[i];
      if (o < 0 || found_[size_t(o)].has_cue() || found_[size_t(o)].has_source()) continue;
      absorb(size_t(o));
    }
  }
  return out;
}

bool PostPosedCompletion::commit(size_t k, const Before& before,
                                 std::pair<uint32_t, uint32_t> tail) {
  auto absorbed = [&](uint32_t i) {
    return owner_[i] >= 0 && std::find(before.absorbed.begin(), before.absorbed.end(),
                                       size_t(owner_[i])) != before.absorbed.end();
  };
  for (uint32_t i = before.begin; i < before.end; ++i) {
    if (taken_[i] && !absorbed(i)) return false;
  }
  for (uint32_t i = tail.first; i < tail.second; ++i) {
    if (taken_[i]) return false;
  }
  for (size_t o : before.absorbed) {
    found_[o].content.clear();
    found_[o].cue_begin = found_[o].cue_end = 0;
  }
  WordAttribution& a = found_[k];
  const bool interposed = tail.second > tail.first;
  a.content.push_back({before.begin, before.end});
  if (interposed) a.content.push_back(tail);
  a.why = interposed ? "tagger; content around an interposed source and cue"
                     : "tagger; content before a post-posed source and cue";
  for (uint32_t i = before.begin; i < before.end; ++i) taken_[i] = true;
  for (uint32_t i = tail.first; i < tail.second; ++i) taken_[i] = true;
  return true;
}

void PostPosedCompletion::complete(size_t k) {
  const auto& w = v_.words;
  if (!found_[k].has_cue() || !found_[k].content.empty()) return;
  if (!found_[k].has_source()) take_source(k);
  const WordAttribution& a = found_[k];
  uint32_t first = a.cue_begin, last = a.cue_end;
  if (a.has_source()) {
    first = std::min(first, a.source_begin);
    last = std::max(last, a.source_end);
  }
  if (take_quotation_after_colon(k, last)) return;
  const uint32_t sentence = w[a.cue_begin].sentence;
  if (first < 2) return;
  const uint32_t pre = first - 1;
  if (w[pre].sentence != sentence && w[pre].mark == MarkKind::kNone) return;
  const Following after = following(sentence, last);
  if (!after.usable) return;
  const Before before = content_before(k, sentence, pre, after.interposed);
  // A lone content must be a clause; before an interposed cue a short phrase will do.
  if (before.end <= before.begin || (before.end - before.begin < 4 && !after.interposed)) return;
  commit(k, before, after.tail);
}

void complete_post_posed(const Document& doc, const WordView& v,
                         const std::vector<QuoteRegion>& regions, std::vector<bool>& taken,
                         std::vector<WordAttribution>& found) {
  PostPosedCompletion completion(doc, v, regions, taken, found);
  for (size_t k = 0; k < found.size(); ++k) completion.complete(k);
}

}  // namespace dateline::quotes
