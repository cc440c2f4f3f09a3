// SPDX-License-Identifier: Apache-2.0
#include "dates/time_normalizer.h"

namespace dateline::dates {

// TODO(dates): placeholder until the stage lands; it adds nothing.
Result<TimeNormalizer> TimeNormalizer::load(const TimeNormalizerOptions& options) {
  (void)options;
  return TimeNormalizer();
}

Status TimeNormalizer::annotate(Document& doc) const {
  (void)doc;
  return ok_status();
}

}  // namespace dateline::dates
