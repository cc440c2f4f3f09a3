// SPDX-License-Identifier: Apache-2.0
#include "entities/entity_recognizer.h"

namespace dateline::entities {

// TODO(entities): placeholder until the stage lands; it adds nothing.
Result<EntityRecognizer> EntityRecognizer::load(const EntityRecognizerOptions& options) {
  (void)options;
  return EntityRecognizer();
}

Status EntityRecognizer::annotate(Document& doc) const {
  (void)doc;
  return ok_status();
}

}  // namespace dateline::entities
