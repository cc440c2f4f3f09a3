// SPDX-License-Identifier: Apache-2.0
#include "events/trigger_trainer.h"

#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <memory>
#include <random>

#include "model/perceptron.h"

namespace dateline::events {
namespace {

bool gold_source(ExampleSource s) {
  return s == ExampleSource::kCodebook || s == ExampleSource::kRecords ||
         s == ExampleSource::kJudged;
}

int fold_of(int32_t doc, int folds, uint64_t seed) {
  uint64_t x = static_cast<uint64_t>(doc) * 0x9e3779b97f4a7c15ULL + seed;
  x ^= x >> 31;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 29;
  return static_cast<int>(x % static_cast<uint64_t>(folds));
}

// One perceptron run over a subset of the set (examples and groups with in_train true).
class Run {
 public:
  Run(const TrainingSet& set, const TrainerOptions& options, std::vector<bool> example_in,
      std::vector<bool> group_in)
      : set_(set),
        options_(options),
        example_in_(std::move(example_in)),
        group_in_(std::move(group_in)),
        types_(kPloverClasses) {
    for (const TrainingExample& e : set.examples) {
      if (e.label != PloverType::kNone && !e.cameo.empty() &&
          plover_type_of_cameo(e.cameo) == e.label && !code_index_.contains(e.cameo)) {
        code_index_[e.cameo] = 0;
      }
    }
    for (auto& [code, index] : code_index_) {
      index = static_cast<int>(codes_.size());
      codes_.push_back(code);
      code_types_.push_back(plover_type_of_cameo(code));
    }
    cameo_ = std::make_unique<model::PerceptronTrainer>(
        std::max<int>(1, static_cast<int>(codes_.size())));
  }

  void epoch(int e) {
    std::mt19937_64 rng(options_.seed * 1000003ULL + static_cast<uint64_t>(e));
    // Items: example index, or -(group index + 1).
    std::vector<int64_t> items;
    for (size_t i = 0; i < set_.examples.size(); ++i) {
      if (example_in_[i] && set_.examples[i].group < 0) items.push_back(static_cast<int64_t>(i));
    }
    for (size_t g = 0; g < set_.groups.size(); ++g) {
      if (group_in_[g]) items.push_back(-static_cast<int64_t>(g) - 1);
    }
    std::shuffle(items.begin(), items.end(), rng);
    std::uniform_real_distribution<float> coin(0.0f, 1.0f);
    for (int64_t item : items) {
      const ExampleSource source = item >= 0 ? set_.examples[static_cast<size_t>(item)].source
                                             : set_.groups[static_cast<size_t>(-item - 1)].source;
      // A weight w is floor(w) passes plus one more with the chance of its fraction.
      const float w = options_.weight[static_cast<int>(source)];
      int passes = static_cast<int>(w);
      if (coin(rng) < w - static_cast<float>(passes)) ++passes;
      for (int pass = 0; pass < passes; ++pass) {
        if (item >= 0) {
          const TrainingExample& ex = set_.examples[static_cast<size_t>(item)];
          learn(ex, ex.label);
        } else {
          const LatentGroup& g = set_.groups[static_cast<size_t>(-item - 1)];
          learn(set_.examples[pick(g)], g.label);
        }
      }
    }
  }

  model::Weights freeze_types() const { return types_.freeze(options_.min_weight); }
  model::Weights freeze_cameo() const { return cameo_->freeze(options_.min_weight); }
  const std::vector<std::string>& codes() const { return codes_; }

 private:
  // The member of a latent group the current model finds most like the group's type.
  size_t pick(const LatentGroup& g) const {
    size_t best = g.members.front();
    float best_score = 0;
    bool first = true;
    std::array<float, kPloverClasses> s{};
    for (uint32_t m : g.members) {
      s.fill(0);
      types_.score(set_.examples[m].keys, s.data());
      const float v = s[static_cast<size_t>(g.label)] - s[0];
      if (first || v > best_score) {
        best = m;
        best_score = v;
        first = false;
      }
    }
    return best;
  }

  void learn(const TrainingExample& ex, PloverType label) {
    std::array<float, kPloverClasses> s{};
    types_.score(ex.keys, s.data());
    // Dictionary positives say which type a word has, not whether a sentence of real news
    // makes it an event: they compete among the types only.
    const bool types_only = label != PloverType::kNone && ex.source == ExampleSource::kDictionary;
    const int guess = types_only ? 1 + model::argmax(s.data() + 1, kPloverClasses - 1)
                                 : model::argmax(s.data(), kPloverClasses);
    const int gold = static_cast<int>(label);
    if (guess != gold) types_.update(ex.keys, gold, guess);
    types_.tick();
    if (label == PloverType::kNone || ex.cameo.empty()) return;
    auto it = code_index_.find(ex.cameo);
    if (it == code_index_.end()) return;
    std::vector<float> cs(codes_.size(), 0);
    cameo_->score(ex.keys, cs.data());
    int cguess = -1;
    for (size_t c = 0; c < codes_.size(); ++c) {
      if (code_types_[c] != label) continue;
      if (cguess < 0 || cs[c] > cs[static_cast<size_t>(cguess)]) cguess = static_cast<int>(c);
    }
    if (cguess != it->second) cameo_->update(ex.keys, it->second, cguess);
    cameo_->tick();
  }

  const TrainingSet& set_;
  const TrainerOptions& options_;
  std::vector<bool> example_in_, group_in_;
  model::PerceptronTrainer types_;
  std::unique_ptr<model::PerceptronTrainer> cameo_;
  std::map<std::string, int> code_index_;
  std::vector<std::string> codes_;
  std::vector<PloverType> code_types_;
};

void add_score(TriggerScores& sc, const TrainingExample& ex, int best) {
  const bool gold_event = ex.label != PloverType::kNone;
  if (gold_event) ++sc.gold;
  if (best != 0) {
    ++sc.predicted;
    if (gold_event) ++sc.event_correct;
    if (best == static_cast<int>(ex.label)) ++sc.correct;
  }
}

void score_examples(const model::Weights& w, const TrainingSet& set, const std::vector<bool>& held,
                    const std::vector<DecodeSetting>& settings, std::vector<CvScores>& out) {
  std::array<int32_t, kPloverClasses> s{};
  for (size_t i = 0; i < set.examples.size(); ++i) {
    if (!held[i]) continue;
    const TrainingExample& ex = set.examples[i];
    s.fill(0);
    w.score(ex.keys, s.data());
    for (size_t b = 0; b < settings.size(); ++b) {
      int best = 0;
      float best_v = static_cast<float>(s[0]) * w.scale() + settings[b].none_bias;
      for (int c = 1; c < kPloverClasses; ++c) {
        float v = static_cast<float>(s[static_cast<size_t>(c)]) * w.scale();
        if (c == static_cast<int>(ex.dictionary)) v += settings[b].dictionary_prior;
        if (v > best_v) {
          best = c;
          best_v = v;
        }
      }
      if (best != 0 && settings[b].dictionary_type && ex.dictionary != PloverType::kNone) {
        best = static_cast<int>(ex.dictionary);
      }
      add_score(out[b].all, ex, best);
      add_score(out[b].by_source[static_cast<int>(ex.source)], ex, best);
    }
  }
}

}  // namespace

const char* to_string(ExampleSource s) {
  switch (s) {
    case ExampleSource::kCodebook:
      return "codebook";
    case ExampleSource::kRecords:
      return "records";
    case ExampleSource::kJudged:
      return "judged";
    case ExampleSource::kSynthetic:
      return "synthetic";
    case ExampleSource::kDictionary:
      return "dictionary";
  }
  return "?";
}

namespace {

// `options.ensemble` runs over the same subset, seeds options.seed, options.seed + 1, ...
class Ensemble {
 public:
  Ensemble(const TrainingSet& set, const TrainerOptions& options,
           const std::vector<bool>& example_in, const std::vector<bool>& group_in) {
    const int n = std::max(1, options.ensemble);
    options_.resize(static_cast<size_t>(n), options);
    for (int k = 0; k < n; ++k) {
      options_[static_cast<size_t>(k)].seed = options.seed + static_cast<uint64_t>(k);
    }
    // Runs keep a reference to their options: build them once options_ no longer moves.
    for (const TrainerOptions& o : options_) runs_.emplace_back(set, o, example_in, group_in);
  }
  void epoch(int e) {
    for (Run& r : runs_) r.epoch(e);
  }
  model::Weights freeze_types() const {
    return sum([](const Run& r) { return r.freeze_types(); });
  }
  model::Weights freeze_cameo() const {
    return sum([](const Run& r) { return r.freeze_cameo(); });
  }
  const std::vector<std::string>& codes() const { return runs_.front().codes(); }

 private:
  template <typename F>
  model::Weights sum(F&& freeze) const {
    if (runs_.size() == 1) return freeze(runs_.front());
    std::vector<model::Weights> parts;
    parts.reserve(runs_.size());
    for (const Run& r : runs_) parts.push_back(freeze(r));
    std::vector<const model::Weights*> ptrs;
    for (const model::Weights& w : parts) ptrs.push_back(&w);
    return model::Weights::sum(ptrs);
  }

  std::vector<TrainerOptions> options_;
  std::deque<Run> runs_;
};

}  // namespace

TriggerModel train_trigger_model(const TrainingSet& set, const TrainerOptions& options,
                                 const std::function<void(const std::string&)>& log) {
  Ensemble run(set, options, std::vector<bool>(set.examples.size(), true),
               std::vector<bool>(set.groups.size(), true));
  for (int e = 1; e <= options.epochs; ++e) {
    run.epoch(e);
    if (log) log("epoch " + std::to_string(e));
  }
  return TriggerModel::from_weights(run.freeze_types(), run.freeze_cameo(), run.codes(),
                                    options.none_bias, options.dictionary_prior,
                                    options.dictionary_type);
}

std::vector<std::vector<CvScores>> cross_validate(
    const TrainingSet& set, const TrainerOptions& options, int folds,
    const std::vector<DecodeSetting>& settings,
    const std::function<void(const std::string&)>& log) {
  std::vector<std::vector<CvScores>> result(static_cast<size_t>(options.epochs),
                                            std::vector<CvScores>(settings.size()));
  for (int f = 0; f < folds; ++f) {
    std::vector<bool> ex_in(set.examples.size()), held(set.examples.size(), false);
    for (size_t i = 0; i < set.examples.size(); ++i) {
      const TrainingExample& e = set.examples[i];
      const bool folded = gold_source(e.source) && e.doc >= 0;
      const bool out = folded && fold_of(e.doc, folds, options.seed) == f;
      ex_in[i] = !out;
      held[i] = out && e.group < 0;
    }
    std::vector<bool> group_in(set.groups.size());
    for (size_t g = 0; g < set.groups.size(); ++g) {
      const LatentGroup& lg = set.groups[g];
      group_in[g] =
          !(gold_source(lg.source) && lg.doc >= 0 && fold_of(lg.doc, folds, options.seed) == f);
    }
    Ensemble run(set, options, ex_in, group_in);
    for (int e = 1; e <= options.epochs; ++e) {
      run.epoch(e);
      score_examples(run.freeze_types(), set, held, settings, result[static_cast<size_t>(e - 1)]);
    }
    if (log) log("fold " + std::to_string(f + 1) + "/" + std::to_string(folds) + " done");
  }
  return result;
}

}  // namespace dateline::events
