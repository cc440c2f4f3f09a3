// SPDX-License-Identifier: Apache-2.0
#pragma once
// Word-cluster features for the tagger and the parser: hashes of the 4-, 6- and 10-bit
// prefixes and of the whole bit path of a word's Brown-style cluster (src/clusters), computed
// once per cluster at load time so a word costs one table look-up.
//
// A model trained with clusters records the clusters file's fingerprint in its header
// ("clusters"); the loader finds en_clusters.dlc in the model's own directory and refuses a
// different one, so weights never meet clusters they were not trained with. Models without
// that header key load and run exactly as before (no cluster features).

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clusters/word_clusters.h"
#include "model/model_file.h"

namespace dateline::syntax {

/// Immutable after construction; lookups are const and thread-safe. Held through
/// shared_ptr<const> because the tagger, the parser and every copy of them made while
/// training read the same table, and none of them owns it more than the others.
class ClusterFeatures {
 public:
  static constexpr int kPrefixes = 4;  ///< 4 bits, 6 bits, 10 bits, whole path
  using Hashes = std::array<uint64_t, kPrefixes>;

  explicit ClusterFeatures(clusters::WordClusters table);

  /// Reads a clusters file (kNotFound, kDataLoss as WordClusters::load).
  static Result<std::shared_ptr<const ClusterFeatures>> load(const std::string& path);

  /// Prefix hashes of the word's cluster (exact form, then lower case); a fixed "unknown"
  /// value in every slot when the word has no cluster.
  const Hashes& prefixes(std::string_view word) const {
    const int c = clusters_.cluster(word);
    return c < 0 ? unknown_ : hashes_[static_cast<size_t>(c)];
  }
  const std::string& fingerprint() const { return clusters_.fingerprint(); }

 private:
  clusters::WordClusters clusters_;
  std::vector<Hashes> hashes_;  ///< per cluster index
  Hashes unknown_{};
};

/// Whether two models read the same clusters (both none, or the same fingerprint).
inline bool same_clusters(const ClusterFeatures* a, const ClusterFeatures* b) {
  if (!a || !b) return a == b;
  return a->fingerprint() == b->fingerprint();
}

/// The header key holding the fingerprint of the clusters a model was trained with.
inline constexpr const char* kClustersHeaderKey = "clusters";

/// The clusters a model needs: nullptr when its header names none; otherwise
/// dirname(model_path)/en_clusters.dlc, which must exist (kNotFound) and carry the recorded
/// fingerprint (kDataLoss).
Result<std::shared_ptr<const ClusterFeatures>> clusters_for_model(const model::ModelHeader& header,
                                                                  const std::string& model_path);

}  // namespace dateline::syntax
