// SPDX-License-Identifier: Apache-2.0
#pragma once
// The manifest of the model files a models folder holds: which file each component reads,
// of which kind, whether the pipeline can run without it, and what it does then. The
// pipeline checks a folder against it when it is built: a missing required model is an
// error naming the file; a missing optional model is a warning for the caller and a
// Diagnostic on every document, so that a wrong --models folder never lowers accuracy
// without a word. models/README.md describes each file.

#include <span>
#include <string>
#include <vector>

#include "dateline/status.h"
#include "model/model_file.h"

namespace dateline::model {

inline constexpr const char* kTaggerFile = "en_tagger.dlm";
inline constexpr const char* kParserFile = "en_parser.dlm";
inline constexpr const char* kClustersFile = "en_clusters.dlc";
inline constexpr const char* kSegmenterFile = "segmenter.dlsb";
inline constexpr const char* kNerFile = "en_ner.dlm";
inline constexpr const char* kNerClustersFile = "en_glove_clusters.dlc";
inline constexpr const char* kEncoderFile = "en_encoder.dlm";
inline constexpr const char* kAttributionFile = "attribution.model";
inline constexpr const char* kRerankerFile = "content_reranker.model";
inline constexpr const char* kEventTriggersFile = "events.dlm";

struct ModelSpec {
  const char* file;  ///< name in the models folder
  ModelKind kind;
  bool required;        ///< false: the pipeline runs without it, less accurately
  bool segmentation;    ///< read by the segmenter (a segment-only pipeline needs only these)
  const char* role;     ///< what the model does
  const char* without;  ///< for an optional model: what the pipeline does when it is missing
};

/// Every model file, in pipeline order.
std::span<const ModelSpec> model_manifest();

/// The models of `dir` the pipeline would miss (only the segmenter's when `segment_only`).
struct ModelsCheck {
  /// kNotFound naming the first missing required file, else ok.
  Status required;
  std::vector<const ModelSpec*> missing_optional;
};
ModelsCheck check_models_dir(const std::string& dir, bool segment_only);

/// "<dir>/<file>: optional model missing: <without> (see models/README.md)".
std::string missing_model_message(const std::string& dir, const ModelSpec& spec);

}  // namespace dateline::model
