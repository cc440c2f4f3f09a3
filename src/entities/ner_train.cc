// SPDX-License-Identifier: Apache-2.0
// Training of the named-entity model: Collins' (2002) structured perceptron. Each sentence
// is decoded with the current weights and, where the best sequence differs from the gold
// one, the gold features are rewarded and the predicted ones penalised (the averaged
// perceptron of model/perceptron.h, one averaging step per sentence). Examples from other
// corpora than the target (domain != 0) also update a domain-tagged copy of every static
// feature (Daume's "frustratingly easy" adaptation, asymmetric: target sentences use only
// the shared copy, so run time pays nothing for it).
#include <algorithm>
#include <random>

#include "entities/ner_decode.h"
#include "entities/ner_features.h"
#include "entities/ner_model.h"

namespace dateline::entities {

namespace {

// The entity types of the corpus, sorted.
std::vector<std::string> corpus_types(const std::vector<NerExample>& examples) {
  std::vector<std::string> types;
  for (const NerExample& ex : examples) {
    for (const NerSpan& s : ex.spans) {
      if (std::find(types.begin(), types.end(), s.type) == types.end()) types.push_back(s.type);
    }
  }
  std::sort(types.begin(), types.end());
  return types;
}

// A sentence made ready for training: its static features are computed once (only the label
// sequence changes between epochs), with their domain copies for other corpora.
struct Prepared {
  std::vector<ner::WordInfo> info;
  std::vector<std::vector<uint64_t>> features;
  std::vector<int> gold;
  float weight = 1.0f;  ///< update size: NerTrainOptions::source_weight for other corpora
};

std::vector<Prepared> prepare_examples(const std::vector<NerExample>& examples,
                                       const Gazetteer& gazetteer,
                                       const std::vector<std::string>& types,
                                       const clusters::WordClusters* clusters,
                                       const NerTrainOptions& options) {
  std::vector<Prepared> data(examples.size());
  const std::vector<std::vector<uint8_t>> document_bits =
      options.document_case ? document_case_bits(examples) : std::vector<std::vector<uint8_t>>();
  for (size_t e = 0; e < examples.size(); ++e) {
    const NerExample& ex = examples[e];
    std::vector<std::string_view> words(ex.words.begin(), ex.words.end());
    std::vector<std::string_view> upos;
    if (ex.upos.size() == ex.words.size()) upos.assign(ex.upos.begin(), ex.upos.end());
    std::vector<uint32_t> bits = gazetteer_bits(gazetteer, words);
    NerInput in{words, upos, bits};
    if (options.document_case) in.document = document_bits[e];
    Prepared& p = data[e];
    ner::prepare(in, clusters, p.info);
    const char lower = ner::sentence_case(words);
    p.features.resize(words.size());
    for (size_t i = 0; i < words.size(); ++i) {
      ner::static_features(p.info, in, i, lower, p.features[i]);
      if (ex.domain != 0) {
        const size_t shared = p.features[i].size();
        for (size_t k = 0; k < shared; ++k) {
          p.features[i].push_back(ner::domain_copy(p.features[i][k], ex.domain));
        }
      }
    }
    p.gold = ner::labels_from_spans(words.size(), ex.spans, types);
    p.weight = ex.domain != 0 ? options.source_weight : 1.0f;
  }
  return data;
}

// Decodes `p` with the current weights into `pred` and, where the sequence is wrong, rewards
// the gold labels' features and penalises the predicted ones (static features of the words
// whose label is wrong, first-order features wherever the label or the previous one is).
void train_sentence(const Prepared& p, size_t labels, model::PerceptronTrainer& trainer,
                    std::vector<float>& emit, ner::ViterbiScratch<float>& scratch,
                    std::vector<int>& pred) {
  const size_t n = p.gold.size();
  emit.assign(n * labels, 0.0f);
  for (size_t i = 0; i < n; ++i) trainer.score(p.features[i], &emit[i * labels]);
  ner::viterbi(
      n, labels, emit.data(),
      [&](size_t i, int prev, float* out) {
        uint64_t tf[3];
        ner::transition_features(p.info[i], prev, tf);
        trainer.score(tf, out);
      },
      scratch, pred);
  if (pred == p.gold) return;
  for (size_t i = 0; i < n; ++i) {
    const int g = p.gold[i], b = pred[i];
    if (g != b) {
      trainer.add(p.features[i], g, p.weight);
      trainer.add(p.features[i], b, -p.weight);
    }
    const int gp = i == 0 ? ner::kStart : p.gold[i - 1];
    const int bp = i == 0 ? ner::kStart : pred[i - 1];
    if (g != b || gp != bp) {
      uint64_t tf[3];
      ner::transition_features(p.info[i], gp, tf);
      trainer.add(tf, g, p.weight);
      ner::transition_features(p.info[i], bp, tf);
      trainer.add(tf, b, -p.weight);
    }
  }
}

}  // namespace

NerModel NerModel::train(const std::vector<NerExample>& examples, const Gazetteer& gazetteer,
                         const NerTrainOptions& options) {
  if (options.average_seeds > 1) return train_averaged(examples, gazetteer, options);
  NerModel model;
  const std::vector<std::string> types = corpus_types(examples);
  model.set_types(types);
  model.info_.seed = std::to_string(options.seed);
  const clusters::WordClusters* clusters =
      options.clusters && !options.clusters->empty() ? options.clusters.get() : nullptr;
  const std::vector<Prepared> data =
      prepare_examples(examples, gazetteer, types, clusters, options);

  model::PerceptronTrainer trainer(static_cast<int>(model.num_labels_));
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::vector<float> emit;
  std::vector<int> pred;
  ner::ViterbiScratch<float> scratch;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t right = 0, all = 0;
    for (size_t e : order) {
      const Prepared& p = data[e];
      if (p.gold.empty()) continue;
      train_sentence(p, model.num_labels_, trainer, emit, scratch, pred);
      for (size_t i = 0; i < pred.size(); ++i) right += pred[i] == p.gold[i];
      all += pred.size();
      trainer.tick();
    }
    if (options.progress) options.progress(epoch, all ? double(right) / double(all) : 0);
  }
  // Averaged weights under 1e-4 are noise of the averaging.
  model.weights_ =
      trainer.freeze(1e-4f, static_cast<uint32_t>(std::max(1, options.min_feature_count)));
  if (clusters) {
    model.info_.clusters = clusters->fingerprint();
    model.clusters_ = options.clusters;
  }
  return model;
}

NerModel NerModel::train_averaged(const std::vector<NerExample>& examples,
                                  const Gazetteer& gazetteer, const NerTrainOptions& options) {
  NerTrainOptions one = options;
  one.average_seeds = 1;
  std::vector<NerModel> runs;
  for (int k = 0; k < options.average_seeds; ++k) {
    one.seed = options.seed + static_cast<uint64_t>(k);
    runs.push_back(train(examples, gazetteer, one));
  }
  // Union of the features, weights averaged (one requantised table).
  std::vector<const model::Weights*> parts;
  for (const NerModel& m : runs) parts.push_back(&m.weights_);
  NerModel merged = std::move(runs.front());
  merged.weights_ = model::Weights::sum(parts, 1.0f / static_cast<float>(parts.size()));
  return merged;
}

}  // namespace dateline::entities
