// SPDX-License-Identifier: Apache-2.0
#include "entities/ner_model.h"

#include <gtest/gtest.h>

#include "entities/ner_data.h"

namespace dateline::entities {
namespace {

// A toy corpus written for this test: people after "met", places after "in".
std::vector<NerExample> toy_corpus() {
  const char* people[] = {"Anna Berg", "Tom Ruiz", "Lena Park", "Omar Haddad", "Ivo Novak"};
  const char* places[] = {"Lisbon", "Quito", "Oslo", "Lagos", "Hanoi"};
  std::vector<NerExample> out;
  for (int round = 0; round < 4; ++round) {
    for (int i = 0; i < 5; ++i) {
      NerExample ex;
      std::string p = people[(i + round) % 5];
      size_t sp = p.find(' ');
      ex.words = {"We", "met", p.substr(0, sp), p.substr(sp + 1), "in",
                  places[(i + 2 * round) % 5], "yesterday", "."};
      ex.spans = {{2, 4, "PER"}, {5, 6, "LOC"}};
      out.push_back(ex);
    }
  }
  return out;
}

TEST(NerModel, LearnsToyCorpusAndRoundTrips) {
  Gazetteer empty;
  NerTrainOptions options;
  options.epochs = 5;
  NerModel model = NerModel::train(toy_corpus(), empty, options);
  ASSERT_FALSE(model.empty());
  NerExample unseen;
  unseen.words = {"We", "met", "Tom", "Park", "in", "Oslo", "yesterday", "."};
  std::vector<NerSpan> want = {{2, 4, "PER"}, {5, 6, "LOC"}};
  EXPECT_EQ(model.predict(unseen, empty, false), want);

  model.info().command = "test";
  model.info().scores = "toy";
  std::string bytes = model.serialize();
  auto loaded = NerModel::parse(bytes, "toy");
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  EXPECT_EQ(loaded->info().command, "test");
  EXPECT_EQ(loaded->info().fingerprint, model.info().fingerprint);
  EXPECT_EQ(loaded->predict(unseen, empty, false), want);

  // Same seed, same model.
  NerModel again = NerModel::train(toy_corpus(), empty, options);
  again.info() = model.info();
  EXPECT_EQ(again.serialize(), bytes);
}

TEST(NerModel, RejectsBadFiles) {
  Gazetteer empty;
  NerTrainOptions options;
  options.epochs = 1;
  NerModel model = NerModel::train(toy_corpus(), empty, options);
  const std::string good = model.serialize();
  struct Case {
    const char* what;
    std::string bytes;
  };
  std::string newer = good;
  newer[8] = 99;  // format version (little-endian u32 after the magic)
  std::string flipped = good;
  flipped[flipped.size() - 3] ^= 0x5A;
  const Case kCases[] = {
      {"empty", ""},
      {"bad magic", "NOTAMODEL" + good.substr(9)},
      {"newer version", newer},
      {"corrupt payload", flipped},
      {"truncated", good.substr(0, good.size() / 2)},
  };
  for (const Case& c : kCases) {
    auto r = NerModel::parse(c.bytes, "case");
    ASSERT_FALSE(r.ok()) << c.what;
    EXPECT_EQ(r.status().code(), ErrorCode::kDataLoss) << c.what;
  }
  EXPECT_EQ(NerModel::load("/nonexistent/en_ner.dlm").status().code(), ErrorCode::kNotFound);
}

TEST(NerScore, ExactSpanAndType) {
  NerScore s;
  s.add({{0, 2, "PER"}, {3, 4, "LOC"}}, {{0, 2, "PER"}, {3, 4, "ORG"}, {5, 6, "LOC"}});
  EXPECT_EQ(s.overall.gold, 2);
  EXPECT_EQ(s.overall.predicted, 3);
  EXPECT_EQ(s.overall.correct, 1);
  EXPECT_NEAR(s.overall.f1(), 40.0, 1e-9);
}

TEST(NerData, ReadsUnerSample) {
  std::string path = std::string(DL_SHARED_DIR) + "/data/ner/uner_en_ewt/en_ewt-ud-dev.iob2";
  auto r = read_iob(path, default_ner_type_map());
  if (!r.ok()) GTEST_SKIP() << "shared data absent";
  ASSERT_GT(r->size(), 1000u);
  size_t spans = 0;
  for (const NerExample& ex : *r) {
    for (const NerSpan& s : ex.spans) {
      ASSERT_LT(s.begin, s.end);
      ASSERT_LE(s.end, ex.words.size());
    }
    spans += ex.spans.size();
  }
  EXPECT_GT(spans, 900u);
}

}  // namespace
}  // namespace dateline::entities
