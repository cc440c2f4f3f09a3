// SPDX-License-Identifier: Apache-2.0
#include "syntax/cluster_features.h"

#include <filesystem>

#include "model/hash.h"

namespace dateline::syntax {

using model::hash_bytes;
using model::mix64;

ClusterFeatures::ClusterFeatures(clusters::WordClusters table) : clusters_(std::move(table)) {
  static constexpr size_t kLengths[kPrefixes] = {4, 6, 10, std::string_view::npos};
  hashes_.resize(static_cast<size_t>(clusters_.n_clusters()));
  for (int c = 0; c < clusters_.n_clusters(); ++c) {
    const std::string_view path = clusters_.cluster_path(c);
    for (int k = 0; k < kPrefixes; ++k) {
      hashes_[static_cast<size_t>(c)][k] = mix64(hash_bytes(path.substr(0, kLengths[k])) + k);
    }
  }
  for (int k = 0; k < kPrefixes; ++k) unknown_[k] = 0x756e6b6e6f776e00ULL + k;
}

Result<std::shared_ptr<const ClusterFeatures>> ClusterFeatures::load(const std::string& path) {
  DL_ASSIGN_OR_RETURN(clusters::WordClusters c, clusters::WordClusters::load(path));
  return std::make_shared<const ClusterFeatures>(std::move(c));
}

Result<std::shared_ptr<const ClusterFeatures>> clusters_for_model(const model::ModelHeader& header,
                                                                  const std::string& model_path) {
  const std::string want = model::header_value(header, kClustersHeaderKey);
  if (want.empty()) return std::shared_ptr<const ClusterFeatures>();
  const std::filesystem::path dir = std::filesystem::path(model_path).parent_path();
  const std::string file = (dir / clusters::kClustersFile).string();
  DL_ASSIGN_OR_RETURN(std::shared_ptr<const ClusterFeatures> c, ClusterFeatures::load(file));
  if (c->fingerprint() != want) {
    return error(ErrorCode::kDataLoss, model_path + ": trained with clusters " + want + " but " +
                                           file + " is " + c->fingerprint());
  }
  return c;
}

}  // namespace dateline::syntax
