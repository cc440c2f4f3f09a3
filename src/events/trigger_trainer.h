// SPDX-License-Identifier: Apache-2.0
#pragma once
// Training the trigger model (trigger_model.h) from examples of several kinds and quality:
//  - labelled candidates: a candidate trigger whose type (or "no event") is known (codebook
//    sentences, judged news, records whose trigger the dictionaries find);
//  - latent groups: a set of candidates of which one, unknown, carries a known type (a
//    synthetic story's label over the verbs of its lead sentence); each epoch the current model
//    picks the member it scores highest for that type, and that member is the example;
//  - each source has a weight: an example is used floor(w) times an epoch, and once more with
//    the chance of w's fraction, so silver data counts less (and scarce in-domain data more)
//    without changing the perceptron.
// Positives made from the dictionary are learnt among the types only: they say which type a
// word has, not whether real news makes it an event.
// Cross-validation holds out documents of the gold sources fold by fold (silver and
// dictionary-made examples always train) and scores typed events on the held-out candidates;
// the decode-time "no event" bias is chosen on those scores.
// Several runs that differ only in their seed can be summed into one model (`ensemble`).
// Deterministic for a seed.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dateline/plover.h"
#include "events/trigger_model.h"

namespace dateline::events {

/// Where an example comes from; the trainer weighs sources and folds only the gold ones.
enum class ExampleSource : uint8_t { kCodebook, kRecords, kJudged, kSynthetic, kDictionary };
inline constexpr int kExampleSources = 5;
const char* to_string(ExampleSource s);

struct TrainingExample {
  std::vector<uint64_t> keys;
  PloverType label = PloverType::kNone;
  PloverType dictionary = PloverType::kNone;  ///< the verb dictionaries' reading, kNone if none
  std::string cameo;  ///< gold CAMEO code ("" when unknown); trains the code model
  ExampleSource source = ExampleSource::kCodebook;
  int32_t doc = -1;    ///< document (for folds); -1 for examples that are not from a text
  int32_t group = -1;  ///< latent group, -1 for a labelled example
};

struct LatentGroup {
  PloverType label = PloverType::kNone;
  ExampleSource source = ExampleSource::kSynthetic;
  int32_t doc = -1;
  std::vector<uint32_t> members;  ///< indices into TrainingSet::examples
};

struct TrainingSet {
  std::vector<TrainingExample> examples;
  std::vector<LatentGroup> groups;
  int32_t n_docs = 0;  ///< documents numbered 0..n_docs-1 for folds
};

struct TrainerOptions {
  int epochs = 10;
  uint64_t seed = 1;
  /// Runs summed into one model, with seeds seed, seed + 1, ...: a score ensemble whose
  /// decisions vary less with the shuffling than one run's (scores are in the sum's units).
  int ensemble = 1;
  /// Weight of each source (uses of an example per epoch, fractions by chance); 0 leaves it out.
  float weight[kExampleSources] = {1, 1, 1, 0.3f, 0.2f};
  float none_bias = 0;           ///< added to "no event" at decode time
  float dictionary_prior = 0;    ///< added to the dictionary's type at decode time
  bool dictionary_type = false;  ///< keep the dictionary's type where it has one
  float min_weight = 0.01f;      ///< pruning when freezing
};

/// Typed-event scores on held-out candidates: an example counts as predicted when the model's
/// type is not "no event", as gold when its label is not.
struct TriggerScores {
  int gold = 0, predicted = 0, correct = 0;  ///< correct: predicted with the gold type
  int event_correct = 0;                     ///< predicted and gold is an event (any type)
  double precision() const { return predicted ? 100.0 * correct / predicted : 0; }
  double recall() const { return gold ? 100.0 * correct / gold : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  /// Predicted events that are events at all (whatever their type).
  double event_precision() const { return predicted ? 100.0 * event_correct / predicted : 0; }
};

/// The decode-time settings cross-validation chooses among (TriggerModel::classify()).
struct DecodeSetting {
  float none_bias = 0;
  float dictionary_prior = 0;
  bool dictionary_type = false;  ///< the model decides event or not; the dictionary, the type
};

/// Held-out scores of one setting: over all gold examples and by source.
struct CvScores {
  TriggerScores all;
  TriggerScores by_source[kExampleSources];
};

/// Trains both perceptrons on `set` (all folds) and returns the model.
TriggerModel train_trigger_model(const TrainingSet& set, const TrainerOptions& options,
                                 const std::function<void(const std::string&)>& log);

/// k-fold cross-validation over the gold documents: for each epoch 1..options.epochs and each
/// decode setting, the scores summed over the folds (result[epoch - 1][setting index]).
std::vector<std::vector<CvScores>> cross_validate(
    const TrainingSet& set, const TrainerOptions& options, int folds,
    const std::vector<DecodeSetting>& settings, const std::function<void(const std::string&)>& log);

}  // namespace dateline::events
