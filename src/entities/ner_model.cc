// SPDX-License-Identifier: Apache-2.0
// Named-entity recognition as sequence labelling with a structured averaged perceptron.
//
// Each word gets one BILOU label (O, or B/I/L/U-TYPE). The "static" features of a word
// (ner_features.h) score each of its labels once; the label of the previous word enters
// through three first-order templates (previous label, previous label x word, previous label
// x shape), so the best label sequence is found exactly by Viterbi over the BILOU labels with
// the invalid transitions (I after O, B after B, ...) forbidden (ner_decode.h).
//
// Decoding subtracts a constant from O's score at every word (outside_bias, chosen on dev by
// the trainer): a perceptron trained on sparse names prefers O, so it trades precision for
// recall until F1 peaks.
//
// Weights are the int16 table of model/perceptron.h (a row of labels per feature key); the
// decoder sums them in integers and runs Viterbi in doubles, so a score does not depend on
// the order of the features. This file holds the model, its decoder and its file I/O (format
// in ner_model.h); training is in ner_train.cc, scoring in ner_score.cc.
#include "entities/ner_model.h"

#include <algorithm>
#include <cmath>

#include "entities/ner_decode.h"
#include "entities/ner_features.h"

namespace dateline::entities {

using ner::ViterbiScratch;

void NerModel::set_types(std::vector<std::string> types) {
  types_ = std::move(types);
  num_labels_ = 1 + 4 * types_.size();
}

bool NerModel::attach_clusters(std::shared_ptr<const clusters::WordClusters> clusters) {
  clusters_ = nullptr;
  if (clusters && !clusters->empty() && !info_.clusters.empty() &&
      clusters->fingerprint() == info_.clusters) {
    clusters_ = std::move(clusters);
  }
  return clusters_ != nullptr;
}

bool NerModel::attach_encoder(std::shared_ptr<const encoder::TokenEncoder> encoder, NerMix mix) {
  const encoder::EncoderHead* head = encoder ? encoder->head("ner") : nullptr;
  if (!head || head->layer.out != 1 + 4 * head->types.size()) return false;
  std::vector<uint8_t> map(num_labels_, 0);
  for (size_t t = 0; t < types_.size(); ++t) {
    const auto it = std::find(head->types.begin(), head->types.end(), types_[t]);
    if (it == head->types.end()) return false;
    const size_t k = static_cast<size_t>(it - head->types.begin());
    for (size_t j = 0; j < 4; ++j) map[1 + 4 * t + j] = static_cast<uint8_t>(1 + 4 * k + j);
  }
  encoder_ = std::move(encoder);
  ner_head_ = head;
  head_label_ = std::move(map);
  mix_ = mix;
  return true;
}

NerModel NerModel::from_encoder(std::shared_ptr<const encoder::TokenEncoder> encoder) {
  const encoder::EncoderHead* head = encoder ? encoder->head("ner") : nullptr;
  if (!head) return {};
  NerModel m;
  m.set_types(head->types);
  m.info_.fingerprint = encoder->fingerprint();
  if (!m.attach_encoder(std::move(encoder), NerMix{0, 1})) return {};
  return m;
}

void NerModel::encoder_scores(std::span<const std::string_view> words,
                              std::vector<double>& out) const {
  std::vector<float> encoding, scores;
  encoder_->encode(words, encoding);
  encoder_->scores(*ner_head_, encoding, scores);
  const size_t head_labels = ner_head_->layer.out, labels = num_labels_;
  out.assign(words.size() * labels, 0.0);
  for (size_t i = 0; i < words.size(); ++i) {
    const float* s = &scores[i * head_labels];
    const double top = *std::max_element(s, s + head_labels);
    double z = 0;
    for (size_t h = 0; h < head_labels; ++h) z += std::exp(static_cast<double>(s[h]) - top);
    const double log_z = top + std::log(z);
    for (size_t l = 0; l < labels; ++l) out[i * labels + l] = s[head_label_[l]] - log_z;
  }
}

std::vector<NerSpan> NerModel::predict(const NerInput& in) const {
  const size_t n = in.words.size();
  if (n == 0 || types_.empty()) return {};
  const size_t n_labels = num_labels_;
  std::vector<double> head;
  if (encoder_) encoder_scores(in.words, head);
  if (encoder_ && mix_.linear <= 0) {
    // The encoder alone: its log-probabilities, BILOU enforced by the decoder.
    for (double& v : head) v *= mix_.encoder;
    ViterbiScratch<double> scratch;
    std::vector<int> labels;
    viterbi(n, n_labels, head.data(), [](size_t, int, double*) {}, scratch, labels);
    return ner::spans_from_labels(labels, types_);
  }
  // The encoder's share in int16 units of the linear weights.
  const double encoder_weight =
      encoder_ ? static_cast<double>(mix_.encoder) / (mix_.linear * weights_.scale()) : 0.0;
  std::vector<ner::WordInfo> info;
  ner::prepare(in, clusters_.get(), info);
  const char lower = ner::sentence_case(in.words);
  // Static scores in int16 units; the outside bias is in the trainer's units.
  const double bias = static_cast<double>(info_.outside_bias) / weights_.scale();
  std::vector<double> emit(n * n_labels);
  std::vector<int32_t> sums(n_labels);
  std::vector<uint64_t> features;
  features.reserve(64);
  for (size_t i = 0; i < n; ++i) {
    features.clear();
    ner::static_features(info, in, i, lower, features);
    std::fill(sums.begin(), sums.end(), 0);
    weights_.score(features, sums.data());
    for (size_t l = 0; l < n_labels; ++l) emit[i * n_labels + l] = sums[l];
    if (encoder_)
      for (size_t l = 0; l < n_labels; ++l) emit[i * n_labels + l] += encoder_weight * head[i * n_labels + l];
    emit[i * n_labels] -= bias;
  }
  ViterbiScratch<double> scratch;
  std::vector<int> labels;
  viterbi(
      n, n_labels, emit.data(),
      [&](size_t i, int prev, double* out) {
        uint64_t tf[3];
        transition_features(info[i], prev, tf);
        std::fill(sums.begin(), sums.end(), 0);
        weights_.score(tf, sums.data());
        for (size_t l = 0; l < n_labels; ++l) out[l] += sums[l];
      },
      scratch, labels);
  return ner::spans_from_labels(labels, types_);
}

std::vector<NerSpan> NerModel::predict(const NerExample& ex, const Gazetteer& gazetteer,
                                       bool use_pos, std::span<const uint8_t> document) const {
  std::vector<std::string_view> words(ex.words.begin(), ex.words.end());
  std::vector<std::string_view> upos;
  if (use_pos && ex.upos.size() == ex.words.size()) upos.assign(ex.upos.begin(), ex.upos.end());
  std::vector<uint32_t> bits = gazetteer_bits(gazetteer, words);
  return predict(NerInput{words, upos, bits, document});
}

NerModel::NerModel(std::vector<std::string> types, model::Weights weights, NerModelInfo info)
    : weights_(std::move(weights)), info_(std::move(info)) {
  set_types(std::move(types));
}

namespace {

// Header keys of a NER model file (model::ModelHeader).
constexpr const char* kClustersKey = "clusters";
constexpr const char* kClustersFileKey = "clusters_file";

}  // namespace

std::string NerModel::serialize() {
  model::ByteWriter w;
  w.put_strings(types_);
  w.put(info_.outside_bias);
  weights_.save(w);
  const model::ModelHeader header = {
      {model::kHeaderCommand, info_.command}, {model::kHeaderData, info_.data},
      {model::kHeaderSeed, info_.seed},       {model::kHeaderScores, info_.scores},
      {kClustersKey, info_.clusters},         {kClustersFileKey, info_.clusters_file},
  };
  std::string bytes = model::encode_model(model::ModelKind::kNer, header, w.bytes());
  info_.fingerprint = model::encoded_fingerprint(bytes);
  return bytes;
}

Status NerModel::save(const std::string& path) {
  return model::write_encoded_model(path, serialize());
}

Result<NerModel> NerModel::load(const std::string& path) {
  DL_ASSIGN_OR_RETURN(std::string bytes, model::read_model_bytes(path));
  return parse(bytes, path);
}

Result<NerModel> NerModel::parse(std::string_view bytes, const std::string& name) {
  DL_ASSIGN_OR_RETURN(model::ModelFile file,
                      model::decode_model(bytes, model::ModelKind::kNer, name));
  model::ByteReader r(file.payload, name);
  std::vector<std::string> types;
  NerModelInfo info;
  DL_RETURN_IF_ERROR(r.get_strings(&types, "entity types"));
  DL_RETURN_IF_ERROR(r.get(&info.outside_bias, "outside bias"));
  model::Weights weights;
  DL_RETURN_IF_ERROR(weights.load(r));
  if (types.empty() || types.size() > 60) return r.corrupt("bad entity type count");
  if (weights.n_classes() != static_cast<int>(1 + 4 * types.size())) {
    return r.corrupt("weights do not match the entity types");
  }
  if (!r.at_end()) return r.corrupt("trailing bytes in the NER payload");
  info.command = model::header_value(file.header, model::kHeaderCommand);
  info.data = model::header_value(file.header, model::kHeaderData);
  info.seed = model::header_value(file.header, model::kHeaderSeed);
  info.scores = model::header_value(file.header, model::kHeaderScores);
  info.clusters = model::header_value(file.header, kClustersKey);
  info.clusters_file = model::header_value(file.header, kClustersFileKey);
  if (!info.clusters.empty() && info.clusters_file.empty()) {
    return r.corrupt("the header names clusters but no clusters file");
  }
  info.fingerprint = file.fingerprint;
  return NerModel(std::move(types), std::move(weights), std::move(info));
}

}  // namespace dateline::entities
