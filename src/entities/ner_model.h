// SPDX-License-Identifier: Apache-2.0
#pragma once
// The named-entity sequence model: an averaged perceptron over BILOU tags, decoded greedily
// left to right with the two previous tags as features, and its trainer.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dateline/status.h"
#include "entities/gazetteer.h"

namespace dateline::entities {

/// A typed span of words [begin, end) in a sentence.
struct NerSpan {
  uint32_t begin = 0, end = 0;
  std::string type;  ///< the model's own label ("PER", "ORG", "LOC")
  friend bool operator==(const NerSpan&, const NerSpan&) = default;
};

/// One training or evaluation sentence.
struct NerExample {
  std::vector<std::string> words;
  std::vector<std::string> upos;  ///< empty when not known
  std::vector<NerSpan> spans;
};

/// What the model reads for one sentence. `upos` may be empty (no tagger model), in which
/// case POS features are simply absent; `gazetteer` holds gazetteer_bits() per word.
struct NerInput {
  std::span<const std::string_view> words;
  std::span<const std::string_view> upos;
  std::span<const uint8_t> gazetteer;
};

/// Per-word gazetteer cues: bit flags set for words inside a (longest) gazetteer match.
enum GazetteerBit : uint8_t {
  kGazPlace = 1,      ///< country, city, subdivision or region
  kGazOrg = 2,        ///< organizations.tsv
  kGazDemonym = 4,    ///< nationality or group word
  kGazTitle = 8,      ///< titles.tsv head or modifier
  kGazHonorific = 16, ///< "Mr.", "Dr."
  kGazGivenName = 32, ///< given_names.tsv
  kGazBegin = 64,     ///< first word of a multi-word match
  kGazWeak = 128,     ///< the place match is an ISO subdivision only
};
std::vector<uint8_t> gazetteer_bits(const Gazetteer& gazetteer,
                                    std::span<const std::string_view> words);

struct NerTrainOptions {
  int epochs = 10;
  uint64_t seed = 1;
  /// Features seen fewer times than this in training are dropped from the saved model.
  int min_feature_count = 1;
  /// Called after each epoch with (epoch, training accuracy of that pass).
  std::function<void(int, double)> progress;
};

/// Metadata written into the model file header.
struct NerModelInfo {
  std::string command;      ///< the training command line
  std::string data;         ///< which corpora it was trained on
  std::string scores;       ///< e.g. "uner-ewt-dev F1=81.2"
  std::string fingerprint;  ///< of the weights; filled by save()/load()
};

/// Immutable after training or loading; predict() is const and thread-safe.
class NerModel {
 public:
  static constexpr uint32_t kFormatVersion = 1;

  /// Reads a model file. kNotFound when missing, kDataLoss when corrupt, truncated or of a
  /// format version newer than kFormatVersion.
  static Result<NerModel> load(const std::string& path);
  /// Reads a model from bytes (`name` is used in messages).
  static Result<NerModel> parse(std::string_view bytes, const std::string& name);
  /// Serialises to bytes; sets info().fingerprint.
  std::string serialize();
  Status save(const std::string& path);

  /// Trains on `examples` deterministically for a given options.seed.
  static NerModel train(const std::vector<NerExample>& examples, const Gazetteer& gazetteer,
                        const NerTrainOptions& options);

  /// Entity spans of one sentence, non-overlapping, in order.
  std::vector<NerSpan> predict(const NerInput& input) const;
  /// Convenience: builds the NerInput (gazetteer bits, no POS unless given) and predicts.
  std::vector<NerSpan> predict(const NerExample& example, const Gazetteer& gazetteer,
                               bool use_pos) const;

  const std::vector<std::string>& types() const { return types_; }
  NerModelInfo& info() { return info_; }
  const NerModelInfo& info() const { return info_; }
  bool empty() const { return weights_.empty(); }

 private:
  void set_types(std::vector<std::string> types);
  void score(const std::vector<uint64_t>& features, float* out) const;

  std::vector<std::string> types_;   // entity types; labels are O + {B,I,L,U} x types
  size_t num_labels_ = 1;
  std::unordered_map<uint64_t, uint32_t> rows_;  // feature hash -> row in weights_
  std::vector<float> weights_;                    // rows_.size() x num_labels_
  NerModelInfo info_;
};

/// Exact-match span scores.
struct NerScore {
  struct Counts {
    int gold = 0, predicted = 0, correct = 0;
    double precision() const { return predicted ? 100.0 * correct / predicted : 0; }
    double recall() const { return gold ? 100.0 * correct / gold : 0; }
    double f1() const {
      double p = precision(), r = recall();
      return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
  };
  std::vector<std::pair<std::string, Counts>> by_type;  // sorted by type
  Counts overall;
  void add(const std::vector<NerSpan>& gold, const std::vector<NerSpan>& predicted);
  std::string to_string() const;
};

}  // namespace dateline::entities
