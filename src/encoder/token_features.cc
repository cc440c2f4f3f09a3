// SPDX-License-Identifier: Apache-2.0
#include "encoder/token_features.h"

#include <algorithm>
#include <string>

#include "model/hash.h"
#include "segment/token_view.h"

namespace dateline::encoder {
namespace {

uint32_t bucket(FeatureTemplate t, std::string_view bytes, uint32_t buckets) {
  return static_cast<uint32_t>(model::feature_key(t, model::fnv1a(bytes)) % buckets);
}

}  // namespace

WordFeatures word_features(std::string_view word, bool first, const FeatureSizes& sizes) {
  const std::string norm = segment::norm(word);
  const std::string_view n = norm;
  const size_t affix = std::min<size_t>(sizes.affix_bytes, n.size());
  WordFeatures f;
  f.norm_hash = model::fnv1a(n);
  f.norm = static_cast<uint32_t>(model::feature_key(kTemplateNorm, f.norm_hash) % sizes.norm);
  f.prefix = bucket(kTemplatePrefix, n.substr(0, affix), sizes.affix);
  f.suffix = bucket(kTemplateSuffix, n.substr(n.size() - affix), sizes.affix);
  f.shape = bucket(kTemplateShape, segment::shape(word), sizes.shape);
  f.flags = static_cast<uint8_t>((segment::is_capitalized(word) ? kWordCapitalized : 0) |
                                 (first ? kWordFirst : 0));
  return f;
}

}  // namespace dateline::encoder
