// SPDX-License-Identifier: Apache-2.0
#pragma once
// Scoring the name finder against a gold NER file, the way Universal NER scores English-EWT:
// exact span and type, with PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC and the other
// types (NORP, EVENT) dropped.

#include <vector>

#include "entities/gazetteer.h"
#include "entities/name_finder.h"
#include "entities/ner_model.h"

namespace dateline::entities {

/// The UNER label of an entity type, or nullptr for types UNER does not annotate.
const char* uner_label(EntityType type);

/// Runs find_names() (model + gazetteers + rules; `model` may be null) on the gold words of
/// each example, then propagate_names() over each document (consecutive examples with the
/// same NerExample::document), as the pipeline does, and scores the result against the gold
/// spans. With `model_only`, the raw
/// model spans are scored instead (no gazetteer or rule post-processing), which shows what
/// the post-processing adds. When `predictions` is given it receives the scored spans of
/// every example, in order (error analysis).
NerScore evaluate_names(const Gazetteer& gazetteer, const NerModel* model,
                        const std::vector<NerExample>& gold, bool model_only = false,
                        std::vector<std::vector<NerSpan>>* predictions = nullptr);

}  // namespace dateline::entities
