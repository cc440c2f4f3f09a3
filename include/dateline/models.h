// SPDX-License-Identifier: Apache-2.0
#pragma once
/// @file
/// The model files a models folder should hold (the manifest, models/README.md) and what a
/// given folder holds: for `dateline models` and for programs that check a folder before
/// they build a Pipeline.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dateline {

/// One file of the manifest, checked in a models folder.
struct ModelFileReport {
  std::string file;   ///< name in the models folder ("en_parser.dlm")
  std::string kind;   ///< the kind its container must declare ("parser")
  bool required = false;  ///< false: the pipeline runs without it, less accurately
  enum class State { kOk, kMissing, kDamaged } state = State::kOk;
  uint64_t bytes = 0;       ///< size of the file when kOk
  std::string fingerprint;  ///< of the model when kOk
  /// kMissing: what the pipeline does without it; kDamaged: why it cannot be read.
  std::string problem;
  std::vector<std::pair<std::string, std::string>> header;  ///< training command, data, ...
};

/// Every file of the manifest in pipeline order, each read and checked in `dir`.
std::vector<ModelFileReport> inspect_models(const std::string& dir);

/// One warning for each of `files` that the manifest calls optional and `dir` lacks:
/// "<dir>/<file>: optional model missing: <what the pipeline does then> (see models/README.md)".
std::vector<std::string> missing_model_warnings(const std::string& dir,
                                                const std::vector<std::string>& files);

}  // namespace dateline
