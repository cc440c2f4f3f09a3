// SPDX-License-Identifier: Apache-2.0
#include "events/trigger_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "events/event_features.h"

namespace dateline::events {
namespace {

constexpr uint32_t kPayloadVersion = 1;

std::string format_float(float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", static_cast<double>(v));
  return buf;
}

}  // namespace

TriggerModel TriggerModel::from_weights(model::Weights types, model::Weights cameo,
                                        std::vector<std::string> cameo_codes, float none_bias,
                                        float dictionary_prior, bool dictionary_type) {
  TriggerModel m;
  m.types_ = std::move(types);
  m.cameo_ = std::move(cameo);
  m.cameo_codes_ = std::move(cameo_codes);
  for (const std::string& c : m.cameo_codes_) m.cameo_types_.push_back(plover_type_of_cameo(c));
  m.none_bias_ = none_bias;
  m.dictionary_prior_ = dictionary_prior;
  m.dictionary_type_ = dictionary_type;
  return m;
}

Status TriggerModel::save(const std::string& path, model::ModelHeader header) const {
  header.insert(header.begin(), {"dictionary_type", dictionary_type_ ? "1" : "0"});
  header.insert(header.begin(), {"dictionary_prior", format_float(dictionary_prior_)});
  header.insert(header.begin(), {"none_bias", format_float(none_bias_)});
  header.insert(header.begin(), {"features", kTriggerFeaturesVersion});
  model::ByteWriter w;
  w.put(kPayloadVersion);
  types_.save(w);
  w.put_strings(cameo_codes_);
  cameo_.save(w);
  return model::write_model_file(path, model::ModelKind::kEventTriggers, header, w.bytes());
}

Result<TriggerModel> TriggerModel::load(const std::string& path) {
  DL_ASSIGN_OR_RETURN(model::ModelFile file,
                      model::read_model_file(path, model::ModelKind::kEventTriggers));
  const std::string features = model::header_value(file.header, "features");
  if (features != kTriggerFeaturesVersion) {
    return error(ErrorCode::kDataLoss, path + ": trigger features '" + features +
                                           "', this build reads '" + kTriggerFeaturesVersion + "'");
  }
  model::ByteReader r(file.payload, path);
  uint32_t version = 0;
  DL_RETURN_IF_ERROR(r.get(&version, "payload version"));
  if (version != kPayloadVersion) {
    return r.corrupt("trigger model payload version " + std::to_string(version) +
                     ", this build reads " + std::to_string(kPayloadVersion));
  }
  model::Weights types, cameo;
  std::vector<std::string> codes;
  DL_RETURN_IF_ERROR(types.load(r));
  DL_RETURN_IF_ERROR(r.get_strings(&codes, "CAMEO codes"));
  DL_RETURN_IF_ERROR(cameo.load(r));
  if (types.n_classes() != kPloverClasses)
    return r.corrupt("type weights have the wrong class count");
  if (cameo.n_classes() != static_cast<int>(codes.size())) {
    return r.corrupt("CAMEO weights and codes differ in length");
  }
  for (const std::string& c : codes) {
    if (plover_type_of_cameo(c) == PloverType::kNone)
      return r.corrupt("CAMEO code '" + c + "' has no PLOVER type");
  }
  if (!r.at_end()) return r.corrupt("trailing bytes");
  TriggerModel m = from_weights(
      std::move(types), std::move(cameo), std::move(codes),
      std::strtof(model::header_value(file.header, "none_bias").c_str(), nullptr),
      std::strtof(model::header_value(file.header, "dictionary_prior").c_str(), nullptr),
      model::header_value(file.header, "dictionary_type") == "1");
  m.fingerprint_ = file.fingerprint;
  m.header_ = std::move(file.header);
  return m;
}

TriggerDecision TriggerModel::classify(std::span<const uint64_t> keys,
                                       PloverType dictionary) const {
  std::array<int32_t, kPloverClasses> s{};
  types_.score(keys, s.data());
  std::array<float, kPloverClasses> f{};
  for (int c = 0; c < kPloverClasses; ++c)
    f[static_cast<size_t>(c)] = static_cast<float>(s[static_cast<size_t>(c)]) * types_.scale();
  f[0] += none_bias_;
  if (dictionary != PloverType::kNone) f[static_cast<size_t>(dictionary)] += dictionary_prior_;
  TriggerDecision d;
  int best = 0, second = -1;
  for (int c = 1; c < kPloverClasses; ++c) {
    if (f[static_cast<size_t>(c)] > f[static_cast<size_t>(best)]) {
      second = best;
      best = c;
    } else if (second < 0 || f[static_cast<size_t>(c)] > f[static_cast<size_t>(second)]) {
      second = c;
    }
  }
  d.type = static_cast<PloverType>(best);
  if (dictionary_type_ && best != 0 && dictionary != PloverType::kNone) d.type = dictionary;
  d.runner_up = static_cast<PloverType>(second < 0 ? 0 : second);
  d.margin = f[static_cast<size_t>(best)] - f[static_cast<size_t>(second < 0 ? 0 : second)];
  return d;
}

std::string TriggerModel::cameo(std::span<const uint64_t> keys, PloverType type) const {
  if (cameo_codes_.empty()) return "";
  std::vector<int32_t> s(cameo_codes_.size(), 0);
  cameo_.score(keys, s.data());
  int best = -1;
  for (size_t c = 0; c < s.size(); ++c) {
    if (cameo_types_[c] != type) continue;
    if (best < 0 || s[c] > s[static_cast<size_t>(best)]) best = static_cast<int>(c);
  }
  return best < 0 ? "" : cameo_codes_[static_cast<size_t>(best)];
}

std::string TriggerModel::explain(std::span<const uint64_t> keys,
                                  const std::vector<std::string>& names, const TriggerDecision& d,
                                  size_t n) const {
  std::vector<std::pair<float, size_t>> parts;
  std::array<int32_t, kPloverClasses> s{};
  for (size_t i = 0; i < keys.size() && i < names.size(); ++i) {
    s.fill(0);
    types_.score(keys.subspan(i, 1), s.data());
    const float v =
        static_cast<float>(s[static_cast<size_t>(d.type)] - s[static_cast<size_t>(d.runner_up)]) *
        types_.scale();
    if (v > 0) parts.emplace_back(v, i);
  }
  std::stable_sort(parts.begin(), parts.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out;
  for (size_t k = 0; k < parts.size() && k < n; ++k) {
    if (!out.empty()) out += ", ";
    out += names[parts[k].second] + " +" + format_float(parts[k].first);
  }
  return out;
}

}  // namespace dateline::events
