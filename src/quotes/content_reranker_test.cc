// SPDX-License-Identifier: Apache-2.0
// Candidate generation of the content reranker on sentences written for these tests
// (white-space tokens, so word indices are token indices), and the model file round trip.
#include "quotes/content_reranker.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "quotes/test_util.h"

namespace dateline::quotes {
namespace {

struct Pair {
  uint32_t begin, end;
};

TEST(ContentReranker, CandidatesAroundTheTaggerSpan) {
  static const struct {
    const char* text;
    Pair source, cue, content;
    std::vector<Pair> present;  // must be candidates
    std::vector<Pair> absent;   // must not be
  } kCases[] = {
      // 0 The 1 mayor 2 said 3 that 4 the 5 bridge 6 will 7 close 8 , 9 and 10 traffic
      // 11 will 12 move 13 east 14 .
      {"The mayor said that the bridge will close , and traffic will move east .",
       {0, 2},
       {2, 3},
       {3, 15},
       {{4, 15}, {4, 14}, {3, 8}, {4, 8}, {9, 15}, {3, 14}},
       {{2, 15}, {0, 15}, {8, 15}, {3, 3}}},
      // Post-posed source and cue: the content ends before the comma that precedes them.
      // 0 Taxes 1 will 2 rise 3 , 4 the 5 minister 6 said 7 , 8 and 9 prices 10 too 11 .
      {"Taxes will rise , the minister said , and prices too .",
       {4, 6},
       {6, 7},
       {0, 4},
       {{0, 3}},
       {{0, 7}, {0, 12}, {3, 4}, {0, 5}}},
      // Two sentences: candidates stay inside the sentence the span touches.
      // 0 Rain 1 fell 2 . | 3 She 4 said 5 it 6 would 7 stop 8 soon 9 , 10 then 11 left 12 .
      {"Rain fell .\nShe said it would stop soon , then left .",
       {3, 4},
       {4, 5},
       {5, 13},
       {{5, 9}, {5, 12}, {10, 13}},
       {{0, 13}, {2, 9}, {4, 9}}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.text);
    Document doc = whitespace_document(c.text);
    WordView view = build_word_view(doc);
    RerankContext ctx = make_rerank_context(doc, view);
    WordAttribution a;
    a.source_begin = c.source.begin;
    a.source_end = c.source.end;
    a.cue_begin = c.cue.begin;
    a.cue_end = c.cue.end;
    std::vector<ContentCandidate> out;
    content_candidates(ctx, a, {c.content.begin, c.content.end}, out);
    ASSERT_FALSE(out.empty());
    EXPECT_EQ(out[0], (ContentCandidate{c.content.begin, c.content.end}));
    auto has = [&](Pair p) {
      return std::find(out.begin(), out.end(), ContentCandidate{p.begin, p.end}) != out.end();
    };
    for (Pair p : c.present) EXPECT_TRUE(has(p)) << p.begin << "-" << p.end;
    for (Pair p : c.absent) EXPECT_FALSE(has(p)) << p.begin << "-" << p.end;
    for (const ContentCandidate& x : out) {
      EXPECT_LT(x.begin, x.end);
      EXPECT_TRUE(x.end <= a.cue_begin || x.begin >= a.cue_end) << x.begin << "-" << x.end;
    }
  }
}

TEST(ContentReranker, CandidatesAreCapped) {
  std::string text = "He said";
  for (int i = 0; i < 60; ++i) text += " w" + std::to_string(i) + " ,";
  text += " end .";
  Document doc = whitespace_document(text);
  WordView view = build_word_view(doc);
  RerankContext ctx = make_rerank_context(doc, view);
  WordAttribution a;
  a.source_end = 1;
  a.cue_begin = 1;
  a.cue_end = 2;
  std::vector<ContentCandidate> out;
  content_candidates(ctx, a, {2, 20}, out);
  EXPECT_EQ(out.size(), kMaxCandidates);
  EXPECT_EQ(out[0], (ContentCandidate{2, 20}));
}

TEST(ContentReranker, ModelFileRoundTripAndBadFiles) {
  const std::string path = ::testing::TempDir() + "/content_reranker_test.model";
  const uint64_t keys[] = {7, 1000};
  const uint32_t lens[] = {1, 1};
  const model::FloatEntry weights[] = {{0, 1.5f}, {0, -2.0f}};
  ContentReranker m(model::Weights::from_float_rows(1, keys, lens, weights, 0.0f));
  m.set_header({{"command", "test"}});
  ASSERT_TRUE(m.save(path).ok());
  auto back = ContentReranker::load(path);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(back->fingerprint(), m.fingerprint());
  EXPECT_NEAR(back->score({7, 1000, 5}) * back->weights().scale(), -0.5f, 1e-3);
  {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << "not a model at all, just text";
  }
  EXPECT_EQ(ContentReranker::load(path).status().code(), ErrorCode::kDataLoss);
  EXPECT_EQ(ContentReranker::load(path + ".missing").status().code(), ErrorCode::kNotFound);
  std::remove(path.c_str());
}

// Averaging seeds: the averaged reranker ranks like the mean of the parts' scores.
TEST(ContentReranker, AverageOfSeeds) {
  const uint64_t keys[] = {1, 2};
  const uint32_t lens[] = {1, 1};
  const model::FloatEntry a[] = {{0, 1.0f}, {0, -1.0f}}, b[] = {{0, -3.0f}, {0, 1.0f}};
  std::vector<ContentReranker> parts;
  parts.emplace_back(model::Weights::from_float_rows(1, keys, lens, a, 0.0f));
  parts.emplace_back(model::Weights::from_float_rows(1, keys, lens, b, 0.0f));
  const ContentReranker avg = ContentReranker::average(parts);
  EXPECT_NEAR(avg.score({1}) * avg.weights().scale(), -1.0f, 1e-3);
  EXPECT_NEAR(avg.score({2}) * avg.weights().scale(), 0.0f, 1e-3);
  RerankExample x;
  x.feats = {{1}, {2}};
  x.gold = 1;
  EXPECT_EQ(count_exact(avg, {x}), 1);
}

}  // namespace
}  // namespace dateline::quotes
