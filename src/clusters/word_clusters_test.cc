// SPDX-License-Identifier: Apache-2.0
#include "clusters/word_clusters.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace dateline::clusters {
namespace {

WordClusters small_table() {
  return WordClusters::build({"00", "01", "1"}, {"the", "a", "said", "Paris", "Said"},
                             {0, 0, 1, 2, 2}, {{"command", "test"}});
}

TEST(WordClusters, Lookup) {
  const WordClusters c = small_table();
  struct Case {
    const char* word;
    const char* path;
  };
  static const Case kCases[] = {
      {"the", "00"},    // exact
      {"a", "00"},      // same cluster
      {"said", "01"},   // exact lower case
      {"Said", "1"},    // the exact form wins over the lower-cased one
      {"SAID", "01"},   // unknown form, lower-cased form known
      {"The", "00"},    // lower-cased fallback
      {"Paris", "1"},   // exact
      {"paris", ""},    // no upper-casing fallback
      {"", ""},         // empty word
      {"unknown", ""},  // unknown word
  };
  for (const Case& t : kCases) EXPECT_EQ(c.path(t.word), t.path) << t.word;
  EXPECT_FALSE(c.empty());
  EXPECT_EQ(c.n_words(), 5u);
  EXPECT_EQ(c.cluster("Paris"), 2);
  EXPECT_EQ(c.cluster("nope"), -1);
  EXPECT_TRUE(WordClusters().empty());
  EXPECT_EQ(WordClusters().path("the"), "");
}

TEST(WordClusters, RoundTripAndMoveKeepViews) {
  const WordClusters c = small_table();
  const std::string bytes = c.encode();
  Result<WordClusters> d = WordClusters::decode(bytes, "mem");
  ASSERT_TRUE(d.ok()) << d.status().to_string();
  EXPECT_EQ(d->fingerprint(), c.fingerprint());
  EXPECT_EQ(d->encode(), bytes);
  std::string_view v = d->path("said");
  WordClusters moved = std::move(d.value());
  EXPECT_EQ(v, "01");
  EXPECT_EQ(moved.path("the"), "00");
  ASSERT_EQ(moved.header().size(), 1u);
  EXPECT_EQ(moved.header()[0].second, "test");
}

TEST(WordClusters, RejectsDamagedFiles) {
  const std::string good = small_table().encode();
  std::string newer = good;
  newer[8] = 9;  // format version 9
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x20;
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  struct Case {
    const char* name;
    std::string bytes;
  };
  const Case cases[] = {
      {"empty", ""},
      {"bad magic", bad_magic},
      {"newer version", newer},
      {"flipped byte", flipped},
      {"truncated", good.substr(0, good.size() - 3)},
      {"trailing", good + "x"},
  };
  for (const Case& t : cases) {
    Result<WordClusters> r = WordClusters::decode(t.bytes, "mem");
    ASSERT_FALSE(r.ok()) << t.name;
    EXPECT_EQ(r.status().code(), ErrorCode::kDataLoss) << t.name;
  }
}

TEST(WordClusters, LoadFromFile) {
  EXPECT_EQ(WordClusters::load("/nonexistent/en_clusters.dlc").status().code(),
            ErrorCode::kNotFound);
  const std::string path = testing::TempDir() + "clusters_test.dlc";
  {
    std::ofstream out(path, std::ios::binary);
    out << small_table().encode();
  }
  Result<WordClusters> c = WordClusters::load(path);
  ASSERT_TRUE(c.ok()) << c.status().to_string();
  EXPECT_EQ(c->path("Paris"), "1");
  std::remove(path.c_str());
}

// The committed model, when present: frequent function words are known and share no path
// with a content word of another class.
TEST(WordClusters, CommittedModel) {
  Result<WordClusters> c = WordClusters::load(std::string(DL_SOURCE_DIR) + "/models/" +
                                              kClustersFile);
  if (c.status().code() == ErrorCode::kNotFound) GTEST_SKIP() << c.status().to_string();
  ASSERT_TRUE(c.ok()) << c.status().to_string();
  for (const char* w : {"the", "said", "of", "government", "Tuesday"}) {
    EXPECT_FALSE(c->path(w).empty()) << w;
  }
  EXPECT_NE(c->path("the"), c->path("said"));
}

}  // namespace
}  // namespace dateline::clusters
