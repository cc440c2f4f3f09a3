// SPDX-License-Identifier: Apache-2.0
#include "clusters/embedding_tree.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "clusters/word_clusters.h"

namespace dateline::clusters {
namespace {

std::string write_temp(const std::string& name, const std::string& bytes) {
  std::string path = testing::TempDir() + name;
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return path;
}

// Three well separated groups of 2-d vectors (weekdays, countries, verbs of saying), with
// small offsets so no two vectors are equal.
const char kVectors[] =
    "monday 1.0 0.05\n"
    "tuesday 0.98 0.07\n"
    "friday 0.99 0.02\n"
    "mexico -0.5 0.9\n"
    "spain -0.55 0.85\n"
    "chile -0.52 0.88\n"
    "said -0.6 -0.8\n"
    "told -0.62 -0.78\n"
    "added -0.58 -0.81\n";

TEST(EmbeddingTree, ReadsGloveText) {
  Result<Embeddings> e = read_embeddings(write_temp("vectors.txt", kVectors), 0);
  ASSERT_TRUE(e.ok()) << e.status().to_string();
  EXPECT_EQ(e->dimensions, 2);
  ASSERT_EQ(e->words.size(), 9u);
  EXPECT_EQ(e->words[3], "mexico");
  EXPECT_FLOAT_EQ(e->values[7], 0.9f);
  Result<Embeddings> first = read_embeddings(write_temp("vectors.txt", kVectors), 4);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->words.size(), 4u);
}

TEST(EmbeddingTree, ReadsWinkJson) {
  const std::string json =
      R"({"dimensions": 2, "words": ["b", "a"],)"
      R"( "vectors": {"a": [1, 0, 1, 1], "b": [0, 1, 1, 0]}})";
  Result<Embeddings> e = read_embeddings(write_temp("vectors.json", json), 0);
  ASSERT_TRUE(e.ok()) << e.status().to_string();
  ASSERT_EQ(e->words.size(), 2u);
  EXPECT_EQ(e->words[0], "b");  // the "words" order (frequency), not the object's
  EXPECT_FLOAT_EQ(e->values[1], 1.0f);
  EXPECT_FLOAT_EQ(e->values[2], 1.0f);
}

TEST(EmbeddingTree, MalformedFilesNameThePosition) {
  struct Case {
    const char* name;
    std::string bytes;
    const char* where;
  } cases[] = {
      {"ragged.txt", "a 1 2\nb 1\n", "line 2"},
      {"number.txt", "a 1 x\n", "line 1"},
      {"broken.json", "{\"dimensions\": 2, \"words\": [", "byte"},
      {"missing.json", R"({"dimensions": 2, "words": ["a"], "vectors": {}})", "vectors[\"a\"]"},
      {"empty.txt", "  \n", "empty"},
  };
  for (const Case& c : cases) {
    Result<Embeddings> e = read_embeddings(write_temp(c.name, c.bytes), 0);
    ASSERT_FALSE(e.ok()) << c.name;
    EXPECT_EQ(e.status().code(), ErrorCode::kDataLoss) << c.name;
    EXPECT_NE(e.status().to_string().find(c.name), std::string::npos) << c.name;
    EXPECT_NE(e.status().to_string().find(c.where), std::string::npos)
        << c.name << ": " << e.status().to_string();
  }
  EXPECT_EQ(read_embeddings("/nonexistent/vectors.txt", 0).status().code(),
            ErrorCode::kNotFound);
}

TEST(EmbeddingTree, SimilarVectorsShareLongerPrefixes) {
  Result<Embeddings> e = read_embeddings(write_temp("vectors.txt", kVectors), 0);
  ASSERT_TRUE(e.ok());
  const std::vector<std::string> paths = embedding_paths(*e, 8, 1);
  ASSERT_EQ(paths.size(), 9u);
  auto shared = [&](size_t a, size_t b) {
    size_t k = 0;
    while (k < paths[a].size() && k < paths[b].size() && paths[a][k] == paths[b][k]) ++k;
    return k;
  };
  // Within a group the common prefix is longer than with any word of another group.
  for (size_t g = 0; g < 3; ++g) {
    for (size_t i = 3 * g; i < 3 * g + 3; ++i) {
      for (size_t j = 3 * g; j < 3 * g + 3; ++j) {
        for (size_t o = 0; o < 9; ++o) {
          if (i == j || o / 3 == g) continue;
          EXPECT_GT(shared(i, j), shared(i, o)) << e->words[i] << " " << e->words[j] << " "
                                                << e->words[o];
        }
      }
    }
  }
  EXPECT_EQ(paths, embedding_paths(*e, 8, 1));  // deterministic
  // min_leaf bounds the splitting: with 8, no node of 9 words is cut.
  for (const std::string& p : embedding_paths(*e, 8, 8)) EXPECT_EQ(p, "0");
}

TEST(EmbeddingTree, WritesAClustersFile) {
  EmbeddingClustersOptions o;
  o.embeddings = write_temp("vectors.txt", kVectors);
  o.out = testing::TempDir() + "vector_clusters.dlc";
  o.depth = 4;
  o.min_leaf = 1;
  o.command = "test";
  ASSERT_TRUE(train_embedding_clusters(o).ok());
  Result<WordClusters> c = WordClusters::load(o.out);
  ASSERT_TRUE(c.ok()) << c.status().to_string();
  EXPECT_EQ(c->n_words(), 9u);
  EXPECT_EQ(c->path("Monday"), c->path("monday"));  // upper case falls back to lower
  EXPECT_NE(c->path("monday"), c->path("said"));
  std::remove(o.out.c_str());
}

}  // namespace
}  // namespace dateline::clusters
