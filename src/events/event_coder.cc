// SPDX-License-Identifier: Apache-2.0
#include "events/event_coder.h"

namespace dateline::events {

// TODO(events): placeholder until the stage lands; it adds nothing.
Result<EventCoder> EventCoder::load(const EventCoderOptions& options) {
  (void)options;
  return EventCoder();
}

Status EventCoder::annotate(Document& doc) const {
  (void)doc;
  return ok_status();
}

}  // namespace dateline::events
