// SPDX-License-Identifier: Apache-2.0
// Averaged structured perceptron (Collins 2002) over paragraph tag sequences, on the
// trainer of model/perceptron.h (one averaging step per paragraph): one table for the
// features of words, one for the tag-to-tag transitions (keyed by previous tag + 1).
#include "quotes/trainer.h"

#include <algorithm>
#include <cstdio>
#include <random>
#include <unordered_map>

namespace dateline::quotes {
namespace {

Span trim(const std::string& text, Span s) {
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  while (s.begin < s.end && space(text[s.begin])) ++s.begin;
  while (s.end > s.begin && space(text[s.end - 1])) --s.end;
  return s;
}

void count(const std::string& text, const std::vector<Span>& gold, std::vector<Span>& pred,
           RoleScore& score) {
  std::vector<Span> pool;
  for (const Span& p : pred) {
    Span t = trim(text, p);
    if (!t.empty()) pool.push_back(t);
  }
  score.pred += int(pool.size());
  for (const Span& g0 : gold) {
    Span g = trim(text, g0);
    if (g.empty()) continue;
    ++score.gold;
    auto it = std::find(pool.begin(), pool.end(), g);
    if (it != pool.end()) {
      pool.erase(it);
      ++score.tp;
    }
  }
}

}  // namespace

std::string Scores::to_string() const {
  char buf[256];
  std::snprintf(buf, sizeof(buf),
                "source %.1f/%.1f/%.1f  cue %.1f/%.1f/%.1f  content %.1f/%.1f/%.1f (P/R/F1)",
                source.p(), source.r(), source.f1(), cue.p(), cue.r(), cue.f1(), content.p(),
                content.r(), content.f1());
  return buf;
}

std::vector<uint8_t> gold_tags(const WordView& view, const std::vector<GoldAttribution>& gold,
                               bool content_end) {
  // Each gold fragment gets an id; a word takes the fragment that covers most of it.
  struct Frag {
    Span span;
    Role role;
  };
  std::vector<Frag> frags;
  for (const GoldAttribution& a : gold) {
    for (const Span& s : a.source) frags.push_back({s, Role::kSource});
    for (const Span& s : a.cue) frags.push_back({s, Role::kCue});
    for (const Span& s : a.content) frags.push_back({s, Role::kContent});
  }
  std::sort(frags.begin(), frags.end(),
            [](const Frag& a, const Frag& b) { return a.span.begin < b.span.begin; });
  std::vector<uint8_t> tags(view.words.size(), kOut);
  std::vector<int32_t> frag_of(view.words.size(), -1);
  size_t f0 = 0;
  for (size_t i = 0; i < view.words.size(); ++i) {
    const Span w = view.words[i].span;
    while (f0 < frags.size() && frags[f0].span.end <= w.begin) ++f0;
    int32_t best = -1;
    uint32_t best_overlap = 0;
    for (size_t f = f0; f < frags.size() && frags[f].span.begin < w.end; ++f) {
      const Span s = frags[f].span;
      if (!s.overlaps(w)) continue;
      const uint32_t ov = std::min(s.end, w.end) - std::max(s.begin, w.begin);
      if (ov * 2 >= w.size() && ov > best_overlap) {
        best = int32_t(f);
        best_overlap = ov;
      }
    }
    frag_of[i] = best;
  }
  for (const Unit& u : view.units) {
    for (uint32_t i = u.begin; i < u.end; ++i) {
      if (frag_of[i] < 0) continue;
      const Role role = frags[frag_of[i]].role;
      const bool cont = i > u.begin && frag_of[i - 1] == frag_of[i];
      tags[i] = cont ? inside_tag(role) : begin_tag(role);
      // The last word of a content of two or more words gets the end tag.
      const bool last = i + 1 == u.end || frag_of[i + 1] != frag_of[i];
      if (content_end && role == Role::kContent && cont && last) tags[i] = kContentEnd;
    }
  }
  return tags;
}

void score_spans(const std::string& text, const std::vector<std::pair<Role, Span>>& predicted,
                 const std::vector<GoldAttribution>& gold, Scores& scores) {
  std::vector<Span> ps[3], gs[3];
  for (const auto& [role, span] : predicted) ps[int(role)].push_back(span);
  for (const GoldAttribution& a : gold) {
    gs[0].insert(gs[0].end(), a.source.begin(), a.source.end());
    gs[1].insert(gs[1].end(), a.cue.begin(), a.cue.end());
    gs[2].insert(gs[2].end(), a.content.begin(), a.content.end());
  }
  count(text, gs[0], ps[0], scores.source);
  count(text, gs[1], ps[1], scores.cue);
  count(text, gs[2], ps[2], scores.content);
}

std::vector<std::pair<Role, Span>> tag_document(const AttributionTagger& tagger,
                                                const Document& doc) {
  WordView view = build_word_view(doc);
  std::vector<QuoteRegion> regions = pair_quote_marks(view, doc.text);
  TaggerInput in{&doc, &view, &regions};
  std::vector<std::pair<Role, Span>> out;
  std::vector<uint8_t> tags;
  for (const Unit& u : view.units) {
    tagger.tag(in, u, tags);
    for (const RoleSpan& s : spans_from_tags(tags, u.begin)) {
      out.push_back({s.role, {view.words[s.begin].span.begin, view.words[s.end - 1].span.end}});
    }
  }
  return out;
}

Result<AttributionTagger> train_tagger(const std::vector<AnnotatedArticle>& train,
                                       const std::vector<AnnotatedArticle>& dev,
                                       const TrainerOptions& options,
                                       const std::function<void(const std::string&)>& log) {
  if (train.empty()) return error(ErrorCode::kInvalidArgument, "no training articles");
  if (options.bits < 8 || options.bits > 26) {
    return error(ErrorCode::kInvalidArgument, "hash bits must be within 8..26");
  }
  AttributionTagger model;
  model.bits_ = options.bits;
  model.end_tags_ = options.content_end_tag;

  // Word views and gold tags, computed once.
  struct Prepared {
    WordView view;
    std::vector<QuoteRegion> regions;
    std::vector<uint8_t> gold;
  };
  std::vector<Prepared> prepared(train.size());
  std::unordered_map<std::string, std::pair<int, int>> cue_counts;  // form -> (cue, all)
  for (size_t a = 0; a < train.size(); ++a) {
    Prepared& p = prepared[a];
    p.view = build_word_view(train[a].doc);
    p.regions = pair_quote_marks(p.view, train[a].doc.text);
    p.gold = gold_tags(p.view, train[a].gold, options.content_end_tag);
    for (size_t i = 0; i < p.view.words.size(); ++i) {
      auto& c = cue_counts[p.view.words[i].lower];
      ++c.second;
      if (p.gold[i] != kOut && tag_role(p.gold[i]) == Role::kCue) ++c.first;
    }
  }
  for (const auto& [form, c] : cue_counts) {
    if (c.first >= options.min_cue_count) {
      model.cue_prior_.emplace(form, float(c.first) / float(c.second));
    }
  }
  log("cue priors: " + std::to_string(model.cue_prior_.size()) + " word forms");

  const int n_tags = model.end_tags_ ? kTags : kTags - 1;
  model::PerceptronTrainer words(n_tags), transitions(kTags);
  // The transition rows in use: the current weights while decoding, the averaged ones in
  // the model that is returned.
  auto set_transitions = [&](AttributionTagger& m, bool averaged) {
    for (int p = 0; p <= kTags; ++p) {
      const uint64_t key = uint64_t(p) + 1;
      if (averaged) {
        for (int t = 0; t < kTags; ++t) m.transitions_[p][t] = transitions.averaged(key, t);
      } else {
        std::fill(std::begin(m.transitions_[p]), std::end(m.transitions_[p]), 0.0f);
        transitions.score({&key, 1}, m.transitions_[p]);
      }
    }
  };
  auto averaged = [&]() {
    AttributionTagger m = model;
    m.weights_ = words.freeze(0.0f);
    set_transitions(m, true);
    return m;
  };
  auto reward = [&](int prev, int tag, float delta) {
    const uint64_t key = uint64_t(prev) + 1;
    transitions.add({&key, 1}, tag, delta);
  };

  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  std::vector<uint64_t> feats;
  std::vector<float> scores;
  std::vector<uint8_t> pred;

  constexpr size_t F = AttributionTagger::features_per_word();
  const size_t scored = static_cast<size_t>(model.scored_features());
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t wrong = 0, total = 0;
    for (size_t a : order) {
      const Prepared& p = prepared[a];
      TaggerInput in{&train[a].doc, &p.view, &p.regions};
      for (const Unit& u : p.view.units) {
        const size_t n = u.end - u.begin;
        model.features(in, u, feats);
        scores.assign(n * kTags, 0.0f);
        for (size_t i = 0; i < n; ++i) words.score({&feats[i * F], scored}, &scores[i * kTags]);
        set_transitions(model, false);
        model.decode(scores, n, pred);
        const uint8_t* gold = &p.gold[u.begin];
        for (size_t i = 0; i < n; ++i) {
          ++total;
          const int prev_g = i == 0 ? kTags : gold[i - 1];
          const int prev_p = i == 0 ? kTags : pred[i - 1];
          if (pred[i] == gold[i] && prev_g == prev_p) continue;
          if (pred[i] != gold[i]) {
            ++wrong;
            words.update({&feats[i * F], scored}, gold[i], pred[i]);
          }
          reward(prev_g, gold[i], 1.0f);
          reward(prev_p, pred[i], -1.0f);
        }
        words.tick();
        transitions.tick();
      }
    }
    std::string line = "epoch " + std::to_string(epoch) + ": train word error " +
                       std::to_string(100.0 * double(wrong) / double(std::max<size_t>(total, 1))) +
                       "%";
    if (!dev.empty()) {
      AttributionTagger m = averaged();
      Scores s;
      for (const AnnotatedArticle& d : dev) score_spans(d.doc.text, tag_document(m, d.doc), d.gold, s);
      line += "; dev exact " + s.to_string();
    }
    log(line);
  }
  return averaged();
}

}  // namespace dateline::quotes
