// SPDX-License-Identifier: Apache-2.0
// Tagger training: joint UPOS+XPOS classes and FEATS candidates are read off the training
// treebanks, both perceptrons are trained in one pass per epoch over a seeded shuffle, and the
// epoch whose frozen (averaged, quantised, pruned) model scores best on dev is written, so the
// scores stored in the header are those of the very weights in the file.
#include <algorithm>
#include <cstdio>
#include <map>
#include <random>

#include "model/hash.h"
#include "syntax/tagger.h"
#include "syntax/train_util.h"
#include "text/conllu.h"

namespace dateline::syntax {

struct TaggerBuilder {
  static Tagger& weights(Tagger& t, model::Weights tags, model::Weights feats) {
    t.tag_weights_ = std::move(tags);
    t.feats_weights_ = std::move(feats);
    return t;
  }
  static Tagger& tables(Tagger& t, std::vector<std::string> upos, std::vector<std::string> xpos,
                        std::vector<std::string> feats,
                        std::vector<std::vector<uint16_t>> feats_of_tag, Lemmatizer lem) {
    t.upos_ = std::move(upos);
    t.xpos_ = std::move(xpos);
    t.feats_ = std::move(feats);
    t.feats_of_tag_ = std::move(feats_of_tag);
    t.lemmatizer_ = std::move(lem);
    return t;
  }
  static void clusters(Tagger& t, std::shared_ptr<const ClusterFeatures> c) {
    t.clusters_ = std::move(c);
  }
  static void verb_context(Tagger& t, bool on) {
    t.verb_context_ = on;
    t.set_verbal_classes();
  }
};

namespace {

std::string feats_value(const std::string& f) { return f == "_" ? "" : f; }

struct Gold {
  std::vector<std::string_view> words;
  std::vector<TaggedWord> tags;
  std::vector<WordHashes> hashes;
};

}  // namespace

TaggerScores score_tagger(const Tagger& tagger, const std::vector<text::ConlluSentence>& gold) {
  TaggerScores s;
  std::vector<std::string_view> words;
  std::vector<TaggedWord> out;
  for (const auto& sent : gold) {
    words.clear();
    for (const auto& w : sent.words) words.push_back(w.form);
    tagger.tag(words, &out);
    for (size_t i = 0; i < words.size(); ++i) {
      const auto& g = sent.words[i];
      bool u = tagger.upos(out[i]) == g.upos, x = tagger.xpos(out[i]) == g.xpos;
      bool f = tagger.feats(out[i]) == feats_value(g.feats);
      s.upos += u;
      s.xpos += x;
      s.feats += f;
      s.all_tags += u && x && f;
      s.lemma += g.lemma == "_" || tagger.lemma(words[i], out[i]) == g.lemma;
      ++s.words;
    }
  }
  return s;
}

Result<Tagger> fit_tagger(const std::vector<text::ConlluSentence>& train,
                          const std::vector<text::ConlluSentence>& dev, int epochs,
                          uint64_t seed, const std::function<void(const std::string&)>& log_fn,
                          int* kept_epoch, TaggerScores* kept_scores,
                          std::shared_ptr<const ClusterFeatures> clusters,
                          bool verb_context) {
  auto log = [&](const std::string& s) {
    if (log_fn) log_fn(s);
  };
  if (train.empty()) return error(ErrorCode::kInvalidArgument, "no training sentences");

  // Class inventories, most frequent first (ties by name) so ids are deterministic.
  std::map<std::pair<std::string, std::string>, int> tag_count;
  std::map<std::string, int> feats_count;
  for (const auto& s : train) {
    for (const auto& w : s.words) {
      ++tag_count[{w.upos, w.xpos}];
      ++feats_count[feats_value(w.feats)];
    }
  }
  auto by_count = [](const auto& counts) {
    std::vector<std::pair<int, typename std::decay_t<decltype(counts)>::key_type>> v;
    v.reserve(counts.size());
    for (const auto& [k, n] : counts) v.push_back({-n, k});
    std::sort(v.begin(), v.end());
    return v;
  };
  std::vector<std::string> upos, xpos, feats;
  std::map<std::pair<std::string, std::string>, uint16_t> tag_id;
  for (const auto& [n, k] : by_count(tag_count)) {
    tag_id[k] = static_cast<uint16_t>(upos.size());
    upos.push_back(k.first);
    xpos.push_back(k.second);
  }
  std::map<std::string, uint16_t> feats_id;
  for (const auto& [n, k] : by_count(feats_count)) {
    feats_id[k] = static_cast<uint16_t>(feats.size());
    feats.push_back(k);
  }
  const int nt = static_cast<int>(upos.size()), nf = static_cast<int>(feats.size());
  std::vector<std::vector<uint16_t>> feats_of_tag(nt);
  Lemmatizer lemmatizer;
  std::vector<Gold> gold(train.size());
  for (size_t si = 0; si < train.size(); ++si) {
    Gold& g = gold[si];
    for (const auto& w : train[si].words) {
      TaggedWord t{tag_id[{w.upos, w.xpos}], feats_id[feats_value(w.feats)]};
      g.words.push_back(w.form);
      g.tags.push_back(t);
      auto& c = feats_of_tag[t.tag];
      if (std::find(c.begin(), c.end(), t.feats) == c.end()) c.push_back(t.feats);
      lemmatizer.add_example(w.form, t.tag, w.lemma);
    }
    hash_words(g.words, &g.hashes, clusters.get());
  }
  for (auto& c : feats_of_tag) std::sort(c.begin(), c.end());
  lemmatizer.build(2);
  log("tagger: " + std::to_string(train.size()) + " training sentences, " + std::to_string(nt) +
      " UPOS+XPOS classes, " + std::to_string(nf) + " FEATS values, lexicon " +
      std::to_string(lemmatizer.lexicon_size()) + " lemmas, " +
      std::to_string(lemmatizer.rule_count()) + " suffix rules");

  Tagger tagger;
  TaggerBuilder::tables(tagger, upos, xpos, feats, feats_of_tag, std::move(lemmatizer));
  const bool use_clusters = clusters != nullptr;
  TaggerBuilder::clusters(tagger, std::move(clusters));
  TaggerBuilder::verb_context(tagger, verb_context);
  std::vector<uint8_t> verbal(nt);
  for (int c = 0; c < nt; ++c) verbal[c] = is_verbal(upos[c]);
  model::PerceptronTrainer tag_model(nt), feats_model(nf);
  std::mt19937_64 rng(seed);
  std::vector<size_t> order(gold.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<float> scores(std::max(nt, nf));
  uint64_t keys[kMaxTagFeatures];
  double best_score = -1;
  int best_epoch = 0;
  TaggerScores best;
  Tagger best_tagger;
  constexpr float kMinWeight = 0.0f;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    shuffle(order, rng);
    size_t errors = 0, total = 0;
    for (size_t si : order) {
      const Gold& g = gold[si];
      const int n = static_cast<int>(g.words.size());
      int prev1 = nt, prev2 = nt;
      int verb_seen = verb_context ? 0 : -1;
      for (int i = 0; i < n; ++i) {
        int nk = tag_features(g.hashes, i, prev1, prev2, keys, use_clusters, verb_seen);
        std::fill(scores.begin(), scores.begin() + nt, 0.0f);
        tag_model.score({keys, static_cast<size_t>(nk)}, scores.data());
        int guess = model::argmax(scores.data(), nt);
        int truth = g.tags[i].tag;
        if (guess != truth) {
          tag_model.update({keys, static_cast<size_t>(nk)}, truth, guess);
          ++errors;
        }
        tag_model.tick();
        ++total;
        if (verb_seen == 0 && verbal[guess]) verb_seen = 1;
        prev2 = prev1;
        prev1 = guess;
      }
      for (int i = 0; i < n; ++i) {
        const auto& cands = feats_of_tag[g.tags[i].tag];
        if (cands.size() <= 1) continue;
        int nk = feats_features(g.hashes, g.tags, i, keys);
        std::fill(scores.begin(), scores.begin() + nf, 0.0f);
        feats_model.score({keys, static_cast<size_t>(nk)}, scores.data());
        int guess = cands[0];
        for (uint16_t c : cands) {
          if (scores[c] > scores[guess]) guess = c;
        }
        if (guess != g.tags[i].feats) {
          feats_model.update({keys, static_cast<size_t>(nk)}, g.tags[i].feats, guess);
        }
        feats_model.tick();
      }
    }
    TaggerBuilder::weights(tagger, tag_model.freeze(kMinWeight), feats_model.freeze(kMinWeight));
    if (dev.empty()) {  // no dev data (jackknife folds): keep the last epoch
      best_epoch = epoch;
      if (epoch == epochs) return tagger;
      continue;
    }
    TaggerScores s = score_tagger(tagger, dev);
    char line[256];
    std::snprintf(
        line, sizeof line,
        "tagger epoch %d: train errors %.2f%%, dev UPOS %.2f XPOS %.2f UFeats %.2f "
        "AllTags %.2f Lemmas %.2f",
        epoch,
        100.0 * static_cast<double>(errors) / static_cast<double>(std::max<size_t>(total, 1)),
        s.pct(s.upos), s.pct(s.xpos), s.pct(s.feats), s.pct(s.all_tags), s.pct(s.lemma));
    log(line);
    const auto key = static_cast<double>(s.upos + s.xpos + s.feats);
    if (key > best_score) {
      best_score = key;
      best_epoch = epoch;
      best = s;
      best_tagger = tagger;
    }
  }
  if (kept_epoch) *kept_epoch = best_epoch;
  if (kept_scores) *kept_scores = best;
  return best_tagger;
}

namespace {

Status train_and_write_tagger(const TaggerTrainOptions& o) {
  DL_ASSIGN_OR_RETURN(auto train, read_treebanks(o.train_files));
  DL_ASSIGN_OR_RETURN(auto dev, read_treebanks(o.dev_files));
  std::shared_ptr<const ClusterFeatures> clusters;
  if (!o.clusters.empty()) {
    DL_ASSIGN_OR_RETURN(clusters, ClusterFeatures::load(o.clusters));
  }
  int best_epoch = 0;
  TaggerScores best;
  DL_ASSIGN_OR_RETURN(Tagger tagger, fit_tagger(train, dev, o.epochs, o.seed, o.log,
                                               &best_epoch, &best, clusters, o.verb_context));
  model::ByteWriter payload;
  tagger.save_payload(payload);
  char scores_line[256];
  std::snprintf(scores_line, sizeof scores_line,
                "dev (gold tokens): UPOS %.2f XPOS %.2f UFeats %.2f AllTags %.2f Lemmas %.2f",
                best.pct(best.upos), best.pct(best.xpos), best.pct(best.feats),
                best.pct(best.all_tags), best.pct(best.lemma));
  model::ModelHeader header = {
      {"component", "tagger (UPOS+XPOS averaged perceptron, FEATS perceptron, lemma lexicon)"},
      {"command", o.command},
      {"train", join_basenames(o.train_files)},
      {"dev", join_basenames(o.dev_files)},
      {"seed", std::to_string(o.seed)},
      {"epochs", std::to_string(o.epochs)},
      {"best_epoch", std::to_string(best_epoch)},
      {"scores", scores_line},
  };
  std::string features = "base";
  if (clusters) {
    // The loader looks for en_clusters.dlc beside the model and checks this fingerprint.
    header.emplace_back(kClustersHeaderKey, clusters->fingerprint());
    features += "+clusters-v1";
  }
  if (o.verb_context) features += std::string("+") + kVerbContextFeatures + "-v1";
  if (features != "base") header.emplace_back("features", features);
  DL_RETURN_IF_ERROR(
      model::write_model_file(o.out, model::ModelKind::kTagger, header, payload.bytes()));
  if (o.log) {
    o.log("tagger: kept epoch " + std::to_string(best_epoch) + ", " + scores_line + "; wrote " +
          o.out);
  }
  return ok_status();
}

}  // namespace

}  // namespace dateline::syntax

namespace dateline {

Status train_tagger(const TaggerTrainOptions& options) {
  return syntax::train_and_write_tagger(options);
}

}  // namespace dateline
