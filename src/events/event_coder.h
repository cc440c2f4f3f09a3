// SPDX-License-Identifier: Apache-2.0
#pragma once
// Event coding: actor, action, target in PLOVER and CAMEO, with negation, modality, date and place.

#include <string>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline::events {

struct EventCoderOptions {
  std::string lexicons_dir;
  /// Optional folder of PETRARCH/Phoenix dictionaries to load on top of our own.
  std::string dictionaries_dir;
};

/// Built once from its model and lexicons, then immutable: annotate() is const and one
/// instance may serve many threads.
class EventCoder {
 public:
  static Result<EventCoder> load(const EventCoderOptions& options);

  /// Adds this stage's records to `doc`. A failure on this article is returned and the
  /// pipeline records it as a Diagnostic.
  Status annotate(Document& doc) const;

  /// Hex fingerprint of the model and lexicons this instance was built from.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  std::string fingerprint_;
};

}  // namespace dateline::events
