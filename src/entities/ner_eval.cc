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
  const std::vector<std::vector<uint8_t>> document = document_case_bits(gold);
  for (size_t begin = 0; begin < gold.size();) {
    // One document at a time, so the article-level steps see what the pipeline's would.
    const size_t end = document_end(gold, begin);
    std::vector<std::vector<std::string_view>> words(end - begin);
    std::vector<std::vector<Name>> names(end - begin);
    for (size_t k = begin; k < end; ++k) {
      words[k - begin].assign(gold[k].words.begin(), gold[k].words.end());
      if (!model_only || !model) {
        names[k - begin] = find_names(gazetteer, model, words[k - begin], {}, document[k]);
      }
    }
    if (!model_only || !model) propagate_names(words, names);
    for (size_t k = begin; k < end; ++k) {
      std::vector<NerSpan> predicted;
      if (model_only && model) {
        predicted = model->predict(gold[k], gazetteer, /*use_pos=*/false, document[k]);
      } else {
        for (const Name& n : names[k - begin]) {
          if (const char* label = uner_label(n.type)) predicted.push_back({n.begin, n.end, label});
        }
      }
      score.add(gold[k].spans, predicted);
      if (predictions) predictions->push_back(std::move(predicted));
    }
    begin = end;
  }
  return score;
}

}  // namespace dateline::entities
