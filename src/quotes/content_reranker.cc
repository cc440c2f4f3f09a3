// SPDX-License-Identifier: Apache-2.0
// Candidates, features and training of the content reranker (file format in the header).
#include "quotes/content_reranker.h"

#include <algorithm>
#include <random>
#include <string_view>

#include "model/hash.h"

namespace dateline::quotes {
namespace {

bool is_clause(const std::string& deprel) {
  auto starts = [&](const char* p) { return deprel.rfind(p, 0) == 0; };
  return starts("ccomp") || starts("advcl") || starts("conj") || starts("parataxis") ||
         starts("xcomp") || starts("acl");
}

bool is_comma(const Word& w) { return w.lower == "," || w.lower == ";"; }

// 32-bit FNV-1a of each part, each followed by the byte 0xFF.
uint32_t fnv(uint32_t h, std::string_view s) {
  return model::fnv1a32_step(model::fnv1a32(s, h), 0xff);
}

// The key of a feature: its bucket among 2^kBits, plus 1.
uint64_t feat(std::string_view a, std::string_view b = {}, std::string_view c = {}) {
  constexpr uint32_t kMask = (1u << ContentReranker::kBits) - 1;
  return uint64_t{fnv(fnv(fnv(model::kFnv32Basis, a), b), c) & kMask} + 1;
}

int clip(int v, int lo, int hi) { return std::max(lo, std::min(hi, v)); }

const char* kSmall[] = {"-6", "-5", "-4", "-3", "-2", "-1", "0", "1", "2", "3", "4", "5", "6"};

std::string_view small(int v) { return kSmall[clip(v, -6, 6) + 6]; }

std::string_view bucket(uint32_t n) {
  if (n <= 2) return "1-2";
  if (n <= 5) return "3-5";
  if (n <= 10) return "6-10";
  if (n <= 20) return "11-20";
  if (n <= 40) return "21-40";
  return "41+";
}

const Token* token_of(const RerankContext& ctx, uint32_t word) {
  const int32_t t = ctx.view->words[word].token;
  return t >= 0 ? &ctx.doc->tokens[size_t(t)] : nullptr;
}

// Whether the word range [b, e) is exactly the words of a clause subtree; `cue` is set
// when that clause's head hangs from a cue word.
bool clause_edge(const RerankContext& ctx, const WordAttribution& a, uint32_t word, bool at_start,
                 bool& cue) {
  cue = false;
  if (!ctx.parsed) return false;
  const int32_t t = ctx.view->words[word].token;
  if (t < 0) return false;
  // Walk up from the token while it stays at the edge of its head's subtree.
  bool found = false;
  int32_t cur = t;
  for (int guard = 0; guard < 64 && cur >= 0; ++guard) {
    const Token& tok = ctx.doc->tokens[size_t(cur)];
    const uint32_t edge = at_start ? ctx.subtree_lo[size_t(cur)] : ctx.subtree_hi[size_t(cur)];
    if (edge != uint32_t(t)) break;
    if (is_clause(tok.deprel)) {
      found = true;
      if (tok.head >= 0) {
        const uint32_t hw = ctx.token_first_word[size_t(tok.head)];
        if (hw != UINT32_MAX && hw >= a.cue_begin && hw < a.cue_end) cue = true;
      }
    }
    cur = tok.head;
  }
  return found;
}

}  // namespace

RerankContext make_rerank_context(const Document& doc, const WordView& view) {
  RerankContext ctx;
  ctx.doc = &doc;
  ctx.view = &view;
  const size_t n = doc.tokens.size();
  ctx.token_first_word.assign(n, UINT32_MAX);
  ctx.token_last_word.assign(n, UINT32_MAX);
  for (uint32_t i = 0; i < view.words.size(); ++i) {
    const int32_t t = view.words[i].token;
    if (t < 0) continue;
    if (ctx.token_first_word[size_t(t)] == UINT32_MAX) ctx.token_first_word[size_t(t)] = i;
    ctx.token_last_word[size_t(t)] = i;
  }
  ctx.parsed = n > 0 && doc.tokens[0].head != Token::kNoHead;
  if (!ctx.parsed) return ctx;
  ctx.subtree_lo.resize(n);
  ctx.subtree_hi.resize(n);
  for (size_t i = 0; i < n; ++i) ctx.subtree_lo[i] = ctx.subtree_hi[i] = uint32_t(i);
  for (size_t i = 0; i < n; ++i) {
    int32_t h = doc.tokens[i].head;
    for (int guard = 0; guard < 128 && h >= 0 && size_t(h) < n; ++guard) {
      ctx.subtree_lo[size_t(h)] = std::min(ctx.subtree_lo[size_t(h)], uint32_t(i));
      ctx.subtree_hi[size_t(h)] = std::max(ctx.subtree_hi[size_t(h)], uint32_t(i));
      h = doc.tokens[size_t(h)].head;
    }
  }
  return ctx;
}

void content_candidates(const RerankContext& ctx, const WordAttribution& a,
                        ContentCandidate content, std::vector<ContentCandidate>& out) {
  out.clear();
  const auto& w = ctx.view->words;
  const uint32_t ob = content.begin, oe = content.end;
  if (ob >= oe || oe > w.size()) return;
  out.push_back(content);
  uint32_t lo = ob, hi = oe;
  while (lo > 0 && !w[lo].sentence_start && w[lo - 1].sentence == w[ob].sentence) --lo;
  while (hi < w.size() && !w[hi - 1].sentence_end && w[hi].sentence == w[oe - 1].sentence) ++hi;

  // Fixed-size candidate edge lists: no heap allocation beyond `out`.
  uint32_t starts[48], ends[48];
  size_t ns = 0, ne = 0;
  auto add_start = [&](uint32_t s) {
    if (s < lo || s >= hi || ns == 48) return;
    if (std::find(starts, starts + ns, s) != starts + ns) return;
    starts[ns++] = s;
  };
  auto add_end = [&](uint32_t e) {
    if (e <= lo || e > hi || ne == 48) return;
    if (std::find(ends, ends + ne, e) != ends + ne) return;
    ends[ne++] = e;
  };
  add_start(ob);
  add_end(oe);
  if (w[ob].lower == "that") add_start(ob + 1);
  if (ob > 0 && w[ob - 1].lower == "that") add_start(ob - 1);
  add_start(lo);
  add_end(hi);
  if (hi > lo + 1 && w[hi - 1].punct) add_end(hi - 1);
  if (a.has_cue()) {
    uint32_t after = a.cue_end;
    if (a.has_source() && a.source_begin >= a.cue_end && a.source_begin <= a.cue_end + 1) {
      after = a.source_end;
    }
    add_start(after);
    if (after < w.size() &&
        (w[after].lower == "that" || is_comma(w[after]) || w[after].lower == ":")) {
      add_start(after + 1);
    }
    uint32_t before = a.cue_begin;
    if (a.has_source() && a.source_end <= a.cue_begin && a.source_end + 1 >= a.cue_begin) {
      before = a.source_begin;
    }
    add_end(before);
    if (before > 0 && is_comma(w[before - 1])) add_end(before - 1);
  }
  for (uint32_t i = lo; i < hi; ++i) {
    if (is_comma(w[i]) || w[i].lower == ":") {
      add_start(i + 1);
      if (i > lo) add_end(i);
    }
    if (ctx.parsed && w[i].token >= 0 && (i == 0 || w[i - 1].token != w[i].token)) {
      const Token& t = ctx.doc->tokens[size_t(w[i].token)];
      if (is_clause(t.deprel) || t.deprel == "ccomp") {
        const uint32_t fw = ctx.token_first_word[ctx.subtree_lo[size_t(w[i].token)]];
        const uint32_t lw = ctx.token_last_word[ctx.subtree_hi[size_t(w[i].token)]];
        if (fw != UINT32_MAX) add_start(fw);
        if (lw != UINT32_MAX) add_end(lw + 1);
      }
    }
  }
  auto inside = [](uint32_t b, uint32_t e, uint32_t x0, uint32_t x1) {
    return x1 > x0 && b < x1 && x0 < e;
  };
  for (size_t i = 0; i < ns; ++i) {
    for (size_t j = 0; j < ne; ++j) {
      const uint32_t b = starts[i], e = ends[j];
      if (b >= e) continue;
      if (inside(b, e, a.cue_begin, a.cue_end) || inside(b, e, a.source_begin, a.source_end)) {
        continue;
      }
      if (w[b].punct && w[b].mark == MarkKind::kNone) continue;
      ContentCandidate c{b, e};
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
  }
  if (out.size() > kMaxCandidates) {
    // Keep the candidates nearest the tagger's span.
    auto dist = [&](const ContentCandidate& c) {
      return (c.begin > ob ? c.begin - ob : ob - c.begin) + (c.end > oe ? c.end - oe : oe - c.end);
    };
    std::stable_sort(
        out.begin() + 1, out.end(),
        [&](const ContentCandidate& x, const ContentCandidate& y) { return dist(x) < dist(y); });
    out.resize(kMaxCandidates);
  }
}

void ContentReranker::features(const RerankContext& ctx, const WordAttribution& a,
                               ContentCandidate orig, ContentCandidate c,
                               std::vector<uint64_t>& out) {
  const auto& w = ctx.view->words;
  const uint32_t b = c.begin, e = c.end;
  const bool same = c == orig;
  out.push_back(feat("bias"));
  if (same) out.push_back(feat("same"));
  const int db = int(b) - int(orig.begin), de = int(e) - int(orig.end);
  out.push_back(feat("db", small(db)));
  out.push_back(feat("de", small(de)));
  out.push_back(feat("dbde", small(db), small(de)));
  const std::string_view side = !a.has_cue() ? "nocue" : (b >= a.cue_end ? "after" : "before");
  out.push_back(feat("side", side));
  out.push_back(feat("len", bucket(e - b), side));

  // Start edge.
  const Token* tb = token_of(ctx, b);
  out.push_back(feat("bw", w[b].lower));
  out.push_back(feat("bw-side", w[b].lower, side));
  if (tb) {
    out.push_back(feat("bpos", tb->upos));
    out.push_back(feat("bdep", tb->deprel));
  }
  out.push_back(feat("pw", b > 0 ? std::string_view(w[b - 1].lower) : "<s>"));
  out.push_back(feat("pw-bw", b > 0 ? std::string_view(w[b - 1].lower) : "<s>", w[b].lower));
  if (w[b].sentence_start) out.push_back(feat("bsent", side));
  if (a.has_cue() && b == a.cue_end) out.push_back(feat("b=cue"));
  if (a.has_source() && b == a.source_end) out.push_back(feat("b=src"));
  bool cue_clause = false;
  if (clause_edge(ctx, a, b, true, cue_clause)) {
    out.push_back(feat("bclause", side));
    if (cue_clause) out.push_back(feat("bcueclause", side));
  }

  // End edge.
  const uint32_t l = e - 1;
  const Token* te = token_of(ctx, l);
  out.push_back(feat("ew", w[l].lower));
  out.push_back(feat("ew-side", w[l].lower, side));
  if (te) {
    out.push_back(feat("epos", te->upos));
    out.push_back(feat("edep", te->deprel));
  }
  const std::string_view nw = e < w.size() ? std::string_view(w[e].lower) : "</s>";
  out.push_back(feat("nw", nw));
  out.push_back(feat("ew-nw", w[l].lower, nw));
  if (e < w.size() && e + 1 < w.size()) out.push_back(feat("nw-nnw", nw, w[e + 1].lower));
  if (w[l].sentence_end) out.push_back(feat("esent", side));
  if (a.has_cue() && e == a.cue_begin) out.push_back(feat("e=cue"));
  if (a.has_source() && e == a.source_begin) out.push_back(feat("e=src"));
  if (a.has_cue() && e + 1 == a.cue_begin) out.push_back(feat("e+1=cue", nw));
  if (a.has_source() && e + 1 == a.source_begin) out.push_back(feat("e+1=src", nw));
  if (clause_edge(ctx, a, l, false, cue_clause)) {
    out.push_back(feat("eclause", side));
    if (cue_clause) out.push_back(feat("ecueclause", side));
  }
  // Quotation marks: an odd count inside means the span cuts a quotation.
  uint32_t marks = 0, commas = 0;
  for (uint32_t i = b; i < e; ++i) {
    marks += w[i].mark == MarkKind::kDoubleOpen || w[i].mark == MarkKind::kDoubleClose ||
             w[i].mark == MarkKind::kDoubleStraight;
    commas += is_comma(w[i]);
  }
  out.push_back(feat("marks", small(int(marks % 2)), small(int(std::min(marks, 2u)))));
  out.push_back(feat("commas", small(int(std::min(commas, 4u))), side));
  if (w[b].quote_depth > 0 || w[l].quote_depth > 0) out.push_back(feat("quoted"));
}

int32_t ContentReranker::score(const std::vector<uint64_t>& feats) const {
  int32_t s = 0;
  weights_.score(feats, &s);
  return s;
}

void ContentReranker::rerank(const RerankContext& ctx, std::vector<WordAttribution>& found) const {
  std::vector<ContentCandidate> cands;
  std::vector<uint64_t> feats;
  cands.reserve(kMaxCandidates);
  feats.reserve(64);
  for (WordAttribution& a : found) {
    if (!a.has_cue() || a.content.size() != 1) continue;
    const ContentCandidate orig{a.content[0].first, a.content[0].second};
    content_candidates(ctx, a, orig, cands);
    if (cands.size() < 2) continue;
    size_t best = 0;
    int32_t best_score = 0;
    for (size_t i = 0; i < cands.size(); ++i) {
      feats.clear();
      features(ctx, a, orig, cands[i], feats);
      const int32_t s = score(feats);
      if (i == 0 || s > best_score) {
        best = i;
        best_score = s;
      }
    }
    a.content[0] = {cands[best].begin, cands[best].end};
  }
}

Status ContentReranker::save(const std::string& path) {
  model::ByteWriter w;
  weights_.save(w);
  const std::string bytes =
      model::encode_model(model::ModelKind::kContentReranker, header_, w.bytes());
  DL_RETURN_IF_ERROR(model::write_encoded_model(path, bytes));
  fingerprint_ = model::encoded_fingerprint(bytes);
  return ok_status();
}

Result<ContentReranker> ContentReranker::from_model(const model::ModelFile& file,
                                                    const std::string& name) {
  model::ByteReader r(file.payload, name);
  ContentReranker m;
  DL_RETURN_IF_ERROR(m.weights_.load(r));
  if (m.weights_.n_classes() != 1) return r.corrupt("a reranker has one class");
  if (!r.at_end()) return r.corrupt("trailing bytes in the reranker payload");
  m.header_ = file.header;
  m.fingerprint_ = file.fingerprint;
  return m;
}

Result<ContentReranker> ContentReranker::load(const std::string& path) {
  DL_ASSIGN_OR_RETURN(model::ModelFile file,
                      model::read_model_file(path, model::ModelKind::kContentReranker));
  return from_model(file, path);
}

ContentReranker ContentReranker::average(const std::vector<ContentReranker>& parts) {
  std::vector<const model::Weights*> weights;
  for (const ContentReranker& p : parts) weights.push_back(&p.weights_);
  const float factor = parts.empty() ? 1.0f : 1.0f / static_cast<float>(parts.size());
  return ContentReranker(model::Weights::sum(weights, factor));
}

namespace {

// Index of the candidate with the highest score_of(features) (ties: the first).
template <typename Score>
size_t pick(const RerankExample& x, Score&& score_of) {
  size_t best = 0;
  decltype(score_of(x.feats[0])) bs{};
  for (size_t i = 0; i < x.feats.size(); ++i) {
    const auto s = score_of(x.feats[i]);
    if (i == 0 || s > bs) {
      best = i;
      bs = s;
    }
  }
  return best;
}

}  // namespace

int count_exact(const ContentReranker& reranker, const std::vector<RerankExample>& examples) {
  int n = 0;
  for (const RerankExample& x : examples) {
    n += pick(x, [&](const std::vector<uint64_t>& f) { return reranker.score(f); }) == x.gold;
  }
  return n;
}

ContentReranker train_content_reranker(const std::vector<RerankExample>& train,
                                       const std::vector<RerankExample>& dev, int epochs,
                                       uint32_t seed, std::vector<std::string>& dev_log) {
  model::PerceptronTrainer trainer(1);
  auto current = [&](const std::vector<uint64_t>& f) {
    float s = 0;
    trainer.score(f, &s);
    return s;
  };
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(seed);
  ContentReranker avg;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t k : order) {
      const RerankExample& x = train[k];
      const size_t p = pick(x, current);
      if (p != x.gold) {
        trainer.add(x.feats[x.gold], 0, 1.0f);
        trainer.add(x.feats[p], 0, -1.0f);
      }
      trainer.tick();
    }
    avg = ContentReranker(trainer.freeze(0.0f));
    const int right = count_exact(avg, dev);
    int orig = 0;
    for (const RerankExample& x : dev) orig += x.gold == 0;
    dev_log.push_back("epoch " + std::to_string(epoch) + ": dev exact " + std::to_string(right) +
                      " of " + std::to_string(dev.size()) + " (tagger span " +
                      std::to_string(orig) + ")");
  }
  return avg;
}

}  // namespace dateline::quotes
