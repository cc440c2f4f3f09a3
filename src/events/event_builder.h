// SPDX-License-Identifier: Apache-2.0
#pragma once
// The last part of coding a sentence: an Event for each trigger that carries one, with its
// type and CAMEO code (announced intentions recoded as AGREE or THREATEN), implicit
// participants, place, date and `why`. See sentence_coder.h for the whole.

#include <vector>

#include "dateline/document.h"
#include "events/triggers.h"

namespace dateline::events {

/// Appends an Event for each trigger that is an event and not folded into another, in
/// trigger order. Requires: find_participants() ran on `triggers`.
void build_events(const CoderInput& in, const std::vector<Trigger>& triggers,
                  std::vector<Event>& out);

}  // namespace dateline::events
