// SPDX-License-Identifier: Apache-2.0
#pragma once
// The second part of coding a sentence: the actor and target phrase of each trigger, from
// word order and, where the syntax stage ran, from the dependency parse (which wins where it
// names an argument). See sentence_coder.h for the whole.

#include <vector>

#include "events/triggers.h"

namespace dateline::events {

/// Sets actor, target and their notes on every trigger (-1 where none is found).
/// Requires: triggers come from find_triggers() and link_complements() on the same input.
void find_participants(const CoderInput& in, std::vector<Trigger>& triggers);

}  // namespace dateline::events
