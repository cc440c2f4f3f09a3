// SPDX-License-Identifier: Apache-2.0
#pragma once
// The features of the named-entity model (ner_model.h): per-word values computed once per
// sentence, the "static" features of a word (those that do not depend on the previous
// label), the first-order features that combine the previous label with the word, and the
// domain copies of the training corpora other than the target. Every feature is a 64-bit
// FNV-1a hash of a template id and its strings (model/hash.h). Internal to entities.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clusters/word_clusters.h"
#include "entities/ner_model.h"

namespace dateline::entities::ner {

/// Per-word values computed once per sentence and shared by every template.
struct WordInfo {
  std::string lower, shape;
  std::string_view cluster;  ///< Brown path, empty when unknown or no clusters
  /// Hashes of the word and shape templates that the previous label is combined with: the
  /// decoder asks for them once per previous label, so they are hashed once per word.
  uint64_t label_word = 0, label_shape = 0;
};

/// Word shape with runs collapsed: "McDonald" -> "XxXx", "U.S." -> "X.X.", "2026" -> "d".
void shape_of(std::string_view w, std::string& out);

/// 'l' for a sentence in lower case (four letters or more, no capital), 't' for one whose
/// every word is capitalised or in capitals (three or more), 0 otherwise: capitalisation
/// says less in those.
char sentence_case(std::span<const std::string_view> words);

/// Fills `info` for the words of `in`; cluster paths only with `clusters`.
void prepare(const NerInput& in, const clusters::WordClusters* clusters,
             std::vector<WordInfo>& info);

/// Appends the static features of word i (`sentence_class` from sentence_case()).
void static_features(std::span<const WordInfo> info, const NerInput& in, size_t i,
                     char sentence_class, std::vector<uint64_t>& out);

/// The previous label of the first word.
inline constexpr int kStart = 63;

/// The three first-order features of a label at word `w` after label `prev` (kStart before
/// the first word): previous label, previous label x word, previous label x shape.
void transition_features(const WordInfo& w, int prev, uint64_t out[3]);

/// The copy of feature `f` that only examples of corpus `domain` (> 0) update.
uint64_t domain_copy(uint64_t f, uint8_t domain);

}  // namespace dateline::entities::ner
