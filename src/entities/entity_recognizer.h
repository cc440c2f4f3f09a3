// SPDX-License-Identifier: Apache-2.0
#pragma once
// Named entities, titles and roles, and person coreference inside an article.

#include <string>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline::entities {

struct EntityRecognizerOptions {
  std::string models_dir;
  std::string lexicons_dir;
};

/// Built once from its model and lexicons, then immutable: annotate() is const and one
/// instance may serve many threads.
class EntityRecognizer {
 public:
  static Result<EntityRecognizer> load(const EntityRecognizerOptions& options);

  /// Adds this stage's records to `doc`. A failure on this article is returned and the
  /// pipeline records it as a Diagnostic.
  Status annotate(Document& doc) const;

  /// Hex fingerprint of the model and lexicons this instance was built from.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  std::string fingerprint_;
};

}  // namespace dateline::entities
