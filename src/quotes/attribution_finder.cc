// SPDX-License-Identifier: Apache-2.0
#include "quotes/attribution_finder.h"

namespace dateline::quotes {

// TODO(quotes): placeholder until the stage lands; it adds nothing.
Result<AttributionFinder> AttributionFinder::load(const AttributionFinderOptions& options) {
  (void)options;
  return AttributionFinder();
}

Status AttributionFinder::annotate(Document& doc) const {
  (void)doc;
  return ok_status();
}

}  // namespace dateline::quotes
