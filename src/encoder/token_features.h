// SPDX-License-Identifier: Apache-2.0
#pragma once
// The encoder's input features of one word: hashed buckets of its norm, of the first and
// last bytes of the norm, and of its shape (segment::norm and segment::shape, the forms of
// the one token view), two flags, and its row in the word-vector table. The training script
// (tools/encoder/features.py) computes the same values; the golden test checks that.

#include <cstdint>
#include <string_view>

namespace dateline::encoder {

/// Table sizes a model was trained with (rows of its hashed embedding tables).
struct FeatureSizes {
  uint32_t norm = 1, affix = 1, shape = 1;
  uint32_t affix_bytes = 3;  ///< prefix and suffix length, in bytes of the norm
};

/// Word flags (bits of WordFeatures::flags).
enum WordFlag : uint8_t {
  kWordCapitalized = 1,  ///< segment::is_capitalized()
  kWordFirst = 2,        ///< first word of its sentence
};

struct WordFeatures {
  uint32_t norm = 0, prefix = 0, suffix = 0, shape = 0;  ///< bucket of each table
  uint8_t flags = 0;
  uint64_t norm_hash = 0;  ///< model::fnv1a of the norm: the key of the word-vector table
};

/// Feature templates (the `t` of model::feature_key). Changing one means retraining.
enum FeatureTemplate : uint32_t { kTemplateNorm = 1, kTemplatePrefix = 2, kTemplateSuffix = 3,
                                  kTemplateShape = 4 };

/// The features of `word` (its text as written); `first`: the first word of its sentence.
WordFeatures word_features(std::string_view word, bool first, const FeatureSizes& sizes);

}  // namespace dateline::encoder
