// SPDX-License-Identifier: Apache-2.0
#include "entities/ner_eval.h"

namespace dateline::entities {

const char* uner_label(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PER";
    case EntityType::kOrg: return "ORG";
    case EntityType::kGpe:
    case EntityType::kLoc:
    case EntityType::kFac: return "LOC";
    default: return nullptr;
  }
}

NerScore evaluate_names(const Gazetteer& gazetteer, const NerModel* model,
                        const std::vector<NerExample>& gold, bool model_only,
                        std::vector<std::vector<NerSpan>>* predictions) {
  NerScore score;
  std::vector<std::string_view> words;
  for (const NerExample& ex : gold) {
    words.assign(ex.words.begin(), ex.words.end());
    std::vector<NerSpan> predicted;
    if (model_only && model) {
      predicted = model->predict(ex, gazetteer, /*use_pos=*/false);
    } else {
      for (const Name& n : find_names(gazetteer, model, words, {})) {
        if (const char* label = uner_label(n.type)) predicted.push_back({n.begin, n.end, label});
      }
    }
    score.add(ex.spans, predicted);
    if (predictions) predictions->push_back(std::move(predicted));
  }
  return score;
}

}  // namespace dateline::entities
