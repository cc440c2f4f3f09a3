// SPDX-License-Identifier: Apache-2.0
#include "entities/entity_recognizer.h"

#include <algorithm>
#include <filesystem>

#include "entities/coreference.h"
#include "model/hash.h"

namespace dateline::entities {

Result<EntityRecognizer> EntityRecognizer::load(const EntityRecognizerOptions& options) {
  EntityRecognizer r;
  DL_ASSIGN_OR_RETURN(r.gazetteer_, Gazetteer::load(options.lexicons_dir, options.iso_codes_dir));
  std::string path = options.models_dir + "/" + options.model_file;
  std::error_code ec;
  if (!options.models_dir.empty() && std::filesystem::exists(path, ec)) {
    DL_ASSIGN_OR_RETURN(r.model_, NerModel::load(path));
  }
  // Word clusters the model was trained with: optional (a missing file only costs accuracy),
  // but a corrupt one is an error like a corrupt model.
  // Only a file name is honoured: a model cannot point the loader outside its folder.
  const std::string clusters_path =
      options.models_dir + "/" +
      std::filesystem::path(r.model_.info().clusters_file).filename().string();
  if (!r.model_.empty() && !r.model_.info().clusters.empty() && !options.models_dir.empty() &&
      std::filesystem::exists(clusters_path, ec)) {
    DL_ASSIGN_OR_RETURN(clusters::WordClusters c, clusters::WordClusters::load(clusters_path));
    r.model_.attach_clusters(std::make_shared<const clusters::WordClusters>(std::move(c)));
  }
  std::string encoder_fingerprint;
  const std::string encoder_path = options.models_dir + "/" + options.encoder_file;
  if (!options.models_dir.empty() && !options.encoder_file.empty() &&
      std::filesystem::exists(encoder_path, ec)) {
    DL_ASSIGN_OR_RETURN(encoder::TokenEncoder e, encoder::TokenEncoder::load(encoder_path));
    auto shared = std::make_shared<const encoder::TokenEncoder>(std::move(e));
    encoder_fingerprint = shared->fingerprint();
    if (r.model_.empty()) {
      r.model_ = NerModel::from_encoder(shared);
    } else if (!r.model_.attach_encoder(shared, options.ner_mix)) {
      return error(ErrorCode::kDataLoss,
                   encoder_path + ": no NER head over the types of " + path);
    }
  }
  std::string encoder_id;
  if (r.model_.uses_encoder()) {
    const NerMix mix = r.model_.mix();
    encoder_id = "|encoder " + encoder_fingerprint + " " + std::to_string(mix.linear) +
                 " " + std::to_string(mix.encoder);
  }
  r.fingerprint_ =
      model::content_hash(r.gazetteer_.fingerprint() + "|" + r.model_.info().fingerprint +
                          (r.model_.uses_clusters() ? "|" + r.model_.info().clusters : "") +
                          encoder_id);
  return r;
}

std::vector<Name> EntityRecognizer::find_names(std::span<const std::string_view> words,
                                               std::span<const std::string_view> upos,
                                               std::span<const uint8_t> document) const {
  return entities::find_names(gazetteer_, model_.empty() ? nullptr : &model_, words, upos,
                              document);
}

Status EntityRecognizer::annotate(Document& doc) const {
  return annotate(doc, segment::TokenView(doc));
}

Status EntityRecognizer::annotate(Document& doc, const segment::TokenView& tokens) const {
  std::vector<AnalysedSentence> sentences;
  sentences.reserve(doc.sentences.size());
  for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    if (s.boilerplate || s.token_end > doc.tokens.size()) continue;
    AnalysedSentence a;
    a.index = i;
    a.words = sentence_words(doc, tokens, s);
    sentences.push_back(std::move(a));
  }
  std::vector<std::vector<std::string_view>> words(sentences.size());
  for (size_t k = 0; k < sentences.size(); ++k)
    for (const Word& w : sentences[k].words) words[k].push_back(w.text);
  const std::vector<std::vector<uint8_t>> document = document_case_bits(words);
  std::vector<std::vector<Name>> names(sentences.size());
  for (size_t k = 0; k < sentences.size(); ++k) names[k] = find_names(words[k], {}, document[k]);
  propagate_names(words, names);
  for (size_t k = 0; k < sentences.size(); ++k) sentences[k].names = std::move(names[k]);
  link_entities(gazetteer_, sentences, doc);
  return ok_status();
}

}  // namespace dateline::entities
