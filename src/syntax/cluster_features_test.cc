// SPDX-License-Identifier: Apache-2.0
#include "syntax/cluster_features.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace dateline::syntax {
namespace {

clusters::WordClusters table(const char* command) {
  return clusters::WordClusters::build({"0", "10", "11"}, {"the", "said", "told"}, {0, 1, 1},
                                       {{"command", command}});
}

TEST(ClusterFeatures, PrefixHashes) {
  const ClusterFeatures f(table("a"));
  // Same cluster, same hashes; unknown words share one distinct value per prefix length.
  EXPECT_EQ(f.prefixes("said"), f.prefixes("told"));
  EXPECT_EQ(f.prefixes("Said"), f.prefixes("said"));  // lower-cased fallback
  EXPECT_NE(f.prefixes("the"), f.prefixes("said"));
  EXPECT_NE(f.prefixes("zebra"), f.prefixes("the"));
  EXPECT_EQ(f.prefixes("zebra"), f.prefixes("quagga"));
  // A path shorter than 4 bits has the same 4-, 6-, 10-bit and whole-path prefix string, but
  // each slot is salted by its length so the templates stay distinct.
  const ClusterFeatures::Hashes& h = f.prefixes("said");
  EXPECT_NE(h[0], h[3]);
}

TEST(ClusterFeatures, ModelFindsItsClusters) {
  const std::filesystem::path dir =
      std::filesystem::path(testing::TempDir()) / "cluster_features_test";
  std::filesystem::create_directories(dir);
  const std::string model_path = (dir / "en_tagger.dlm").string();
  const std::filesystem::path file = dir / clusters::kClustersFile;
  std::filesystem::remove(file);
  const clusters::WordClusters good = table("a"), other = table("b");
  struct Case {
    const char* name;
    model::ModelHeader header;
    bool write_file;
    ErrorCode want;  // kOk: loads (non-null when the header names clusters)
  };
  const Case cases[] = {
      {"no clusters key", {{"command", "x"}}, false, ErrorCode::kOk},
      {"file missing", {{kClustersHeaderKey, good.fingerprint()}}, false, ErrorCode::kNotFound},
      {"fingerprint differs", {{kClustersHeaderKey, other.fingerprint()}}, true,
       ErrorCode::kDataLoss},
      {"matching file", {{kClustersHeaderKey, good.fingerprint()}}, true, ErrorCode::kOk},
  };
  for (const Case& t : cases) {
    if (t.write_file) {
      std::ofstream out(file, std::ios::binary);
      out << good.encode();
    }
    auto r = clusters_for_model(t.header, model_path);
    EXPECT_EQ(r.status().code(), t.want) << t.name;
    if (r.ok()) {
      EXPECT_EQ(*r != nullptr, !model::header_value(t.header, kClustersHeaderKey).empty())
          << t.name;
    }
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dateline::syntax
