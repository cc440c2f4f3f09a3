// SPDX-License-Identifier: Apache-2.0
#pragma once
// The learned trigger model: for a candidate trigger (a word the dictionaries read as an event,
// or any clause verb), is it an event, of which PLOVER type, and which CAMEO code of that type
// is closest. Two averaged perceptrons over the hashed features of event_features.h: one over
// the 16 types plus "no event", one over CAMEO codes (decoded among the codes of the chosen
// type only). Trained by trigger_trainer.h (`dateline train events`).
//
// File (models/events.dlm): the model container of src/model/model_file.h, kind
// kEventTriggers; header keys "features" (kTriggerFeaturesVersion), "none_bias",
// "dictionary_prior" (0 when absent), "dictionary_type" ("1": the dictionaries type what they
// read), the training
// command, data and scores; payload: u32 payload version, the type weights, the CAMEO codes
// (strings) and the CAMEO weights (model::Weights::save).
// Immutable after load(); scoring is const and thread-safe.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "dateline/plover.h"
#include "dateline/status.h"
#include "model/manifest.h"
#include "model/model_file.h"
#include "model/perceptron.h"

namespace dateline::events {

/// The file name of the model in a models folder.
inline constexpr const char* kTriggerModelFile = model::kEventTriggersFile;

/// One decision of the model.
struct TriggerDecision {
  PloverType type = PloverType::kNone;
  PloverType runner_up = PloverType::kNone;
  float margin = 0;  ///< score of `type` minus the runner-up's, in weight units
};

class TriggerModel {
 public:
  TriggerModel() = default;
  /// Reads a model file: kNotFound when absent, kDataLoss when damaged or of another format or
  /// feature version.
  static Result<TriggerModel> load(const std::string& path);
  /// Builds a model from trained weights (trigger_trainer.h).
  static TriggerModel from_weights(model::Weights types, model::Weights cameo,
                                   std::vector<std::string> cameo_codes, float none_bias,
                                   float dictionary_prior, bool dictionary_type);
  /// Writes the model with `header` (command, data, scores) plus the keys the loader checks.
  Status save(const std::string& path, model::ModelHeader header) const;

  /// The best type for the feature keys; kNone (no event) wins ties and gets none_bias.
  /// `dictionary` is the type the verb dictionaries read the candidate as (kNone when none):
  /// it gets dictionary_prior, the trust in the dictionary reading chosen with none_bias by
  /// cross-validation.
  TriggerDecision classify(std::span<const uint64_t> keys,
                           PloverType dictionary = PloverType::kNone) const;
  /// The best CAMEO code of `type` for the keys, "" when the model knows none of that type.
  std::string cameo(std::span<const uint64_t> keys, PloverType type) const;
  /// The features that favour `d.type` over `d.runner_up` most (at most `n`), as
  /// "name +weight" from `names` (one per key), for `why`.
  std::string explain(std::span<const uint64_t> keys, const std::vector<std::string>& names,
                      const TriggerDecision& d, size_t n) const;

  float none_bias() const { return none_bias_; }
  float dictionary_prior() const { return dictionary_prior_; }
  /// True when the model decides only whether a dictionary reading is an event and the
  /// dictionary's type stands (classify() returns that type); chosen by cross-validation.
  bool dictionary_type() const { return dictionary_type_; }
  const std::string& fingerprint() const { return fingerprint_; }
  const model::ModelHeader& header() const { return header_; }

 private:
  model::Weights types_;
  model::Weights cameo_;
  std::vector<std::string> cameo_codes_;
  std::vector<PloverType> cameo_types_;
  float none_bias_ = 0;
  float dictionary_prior_ = 0;
  bool dictionary_type_ = false;
  std::string fingerprint_;
  model::ModelHeader header_;
};

}  // namespace dateline::events
