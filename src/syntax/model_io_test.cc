// SPDX-License-Identifier: Apache-2.0
#include "syntax/model_io.h"

#include <gtest/gtest.h>

#include "syntax/perceptron.h"

namespace dateline::syntax {
namespace {

std::string sample_model() {
  ModelHeader header = {{"command", "dateline train tagger --seed 3"}, {"scores", "UPOS 1"}};
  return encode_model(ModelKind::kTagger, header, "payload bytes");
}

TEST(ModelIo, RoundTrip) {
  auto m = decode_model(sample_model(), ModelKind::kTagger, "mem");
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  EXPECT_EQ(m->version, kModelFormatVersion);
  EXPECT_EQ(header_value(m->header, "command"), "dateline train tagger --seed 3");
  EXPECT_EQ(header_value(m->header, "missing"), "");
  EXPECT_EQ(m->payload, "payload bytes");
  EXPECT_EQ(m->fingerprint.size(), 16u);
}

TEST(ModelIo, RejectsDamagedFiles) {
  const std::string good = sample_model();
  struct Case {
    const char* name;
    std::string bytes;
    ModelKind kind;
    const char* message_part;
  };
  std::string wrong_magic = good;
  wrong_magic[0] = 'X';
  std::string newer = good;
  newer[8] = static_cast<char>(kModelFormatVersion + 1);
  std::string flipped = good;
  flipped[good.size() - 12] ^= 0x5a;
  const Case cases[] = {
      {"wrong magic", wrong_magic, ModelKind::kTagger, "wrong magic"},
      {"newer version", newer, ModelKind::kTagger, "not supported"},
      {"wrong kind", good, ModelKind::kParser, "model kind"},
      {"truncated header", good.substr(0, 20), ModelKind::kTagger, "truncated"},
      {"truncated payload", good.substr(0, good.size() - 10), ModelKind::kTagger, "truncated"},
      {"flipped byte", flipped, ModelKind::kTagger, "checksum"},
      {"trailing bytes", good + "x", ModelKind::kTagger, "trailing"},
      {"empty", "", ModelKind::kTagger, "truncated"},
  };
  for (const Case& c : cases) {
    auto m = decode_model(c.bytes, c.kind, "m.dlm");
    ASSERT_FALSE(m.ok()) << c.name;
    EXPECT_EQ(m.status().code(), ErrorCode::kDataLoss) << c.name;
    EXPECT_NE(m.status().message().find(c.message_part), std::string::npos)
        << c.name << ": " << m.status().message();
    EXPECT_NE(m.status().message().find("m.dlm"), std::string::npos) << c.name;
  }
}

TEST(ModelIo, MissingFileIsNotFound) {
  auto m = read_model_file("/nonexistent/dir/en_tagger.dlm", ModelKind::kTagger);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), ErrorCode::kNotFound);
}

TEST(Perceptron, FreezeSaveLoadKeepsScores) {
  PerceptronTrainer t(4);
  const uint64_t a[] = {11, 22, 33};
  const uint64_t b[] = {22, 44};
  for (int i = 0; i < 50; ++i) {
    t.update(a, 1, 2);
    t.tick();
    t.update(b, 3, 1);
    t.tick();
  }
  Weights w = t.freeze(0.0f);
  ByteWriter out;
  w.save(out);
  ByteReader in(out.bytes(), "mem");
  Weights back;
  ASSERT_TRUE(back.load(in).ok());
  EXPECT_TRUE(in.at_end());
  for (const auto& keys : {std::vector<uint64_t>{11, 22, 33}, std::vector<uint64_t>{22, 44}}) {
    int32_t s1[4] = {}, s2[4] = {};
    w.score(keys, s1);
    back.score(keys, s2);
    for (int c = 0; c < 4; ++c) EXPECT_EQ(s1[c], s2[c]);
  }
  int32_t s[4] = {};
  back.score(std::vector<uint64_t>{11, 22, 33}, s);
  EXPECT_EQ(argmax(s, 4), 1);
  int32_t s3[4] = {};
  back.score(std::vector<uint64_t>{44}, s3);
  EXPECT_EQ(argmax(s3, 4), 3);
}

// Rows of one and two entries are stored inside their hash slot, rows covering a third of the
// classes or more densely, the others as (class, weight) lists: every kind must score exactly
// as summed by hand, survive save/load, and pruning must drop only the small weights.
TEST(Perceptron, InlineDenseAndListRowsScoreAlike) {
  struct Row {
    uint64_t key;
    std::vector<std::pair<int, int>> updates;  // (gold, guess) pairs
  };
  static const Row kRows[] = {
      {101, {{1, 0}}},                          // 2 entries: +1, -1 (inline)
      {102, {{2, 3}, {2, 3}, {2, 3}}},          // 2 entries: +3, -3 (inline)
      {103, {{0, 1}, {2, 3}, {4, 1}}},          // 5 entries (dense)
      {104, {{4, 0}, {4, 0}, {4, 1}, {4, 2}}},  // 4 entries, one large weight (dense)
      {105, {{5, 6}, {7, 6}}},                  // 3 entries (list)
  };
  constexpr int kClasses = 12;
  PerceptronTrainer t(kClasses);
  for (const Row& r : kRows) {
    for (auto [gold, guess] : r.updates) {
      const uint64_t k[] = {r.key};
      t.update(k, gold, guess);
    }
  }
  for (int i = 0; i < 999; ++i) t.tick();  // averaged weights = 0.999 x the updates
  const Weights w = t.freeze(0.0f);
  EXPECT_EQ(w.n_features(), 5u);
  EXPECT_EQ(w.n_entries(), 2u + 2u + 5u + 4u + 3u);
  ByteWriter out;
  w.save(out);
  ByteReader in(out.bytes(), "mem");
  Weights back;
  ASSERT_TRUE(back.load(in).ok());
  for (const Row& r : kRows) {
    int32_t expect[kClasses] = {}, got[kClasses] = {}, loaded[kClasses] = {};
    for (auto [gold, guess] : r.updates) {
      expect[gold] += 1;
      expect[guess] -= 1;
    }
    const uint64_t k[] = {r.key};
    w.score(k, got);
    back.score(k, loaded);
    for (int c = 0; c < kClasses; ++c) {
      // Quantised: one unit of scale() per update.
      EXPECT_NEAR(got[c] * w.scale(), expect[c], 0.01) << r.key << " class " << c;
      EXPECT_EQ(got[c], loaded[c]) << r.key << " class " << c;
    }
  }
  // Keep |w| >= 2: row 102 (both), row 103's class 1 (-2), row 104's classes 4 and 0, row
  // 105's class 6 (-2); row 101 disappears.
  const Weights p = w.pruned(1.5f);
  EXPECT_EQ(p.n_features(), 4u);
  EXPECT_EQ(p.n_entries(), 6u);
  int32_t s[kClasses] = {};
  const uint64_t all[] = {101, 102, 103, 104, 105};
  p.score(all, s);
  const double kExpect[kClasses] = {-2, -2, 3, -3, 4, 0, -2, 0, 0, 0, 0, 0};
  for (int c = 0; c < kClasses; ++c) EXPECT_NEAR(s[c] * p.scale(), kExpect[c], 0.02) << c;
}

// A sum of models scores every feature set as the sum of their scores (the score ensemble),
// over the union of their features, on the rescaled int16 grid.
TEST(Perceptron, SumScoresAsTheSumOfItsParts) {
  constexpr int kClasses = 8;
  PerceptronTrainer a(kClasses), b(kClasses);
  const uint64_t shared[] = {7, 8}, only_a[] = {9}, only_b[] = {10, 11};
  for (int i = 0; i < 20; ++i) {
    a.update(shared, 1, 2);
    a.update(only_a, 3, 1);
    b.update(shared, 2, 0);
    b.update(only_b, 5, 6);
    if (i % 3 == 0) b.update(only_b, 6, 5);
    for (int c = 0; c < 4; ++c) b.update(shared, c, 7);  // a dense row in b
    a.tick();
    b.tick();
  }
  const Weights wa = a.freeze(0.0f), wb = b.freeze(0.0f);
  const Weights* parts[] = {&wa, &wb};
  const Weights sum = Weights::sum(parts);
  EXPECT_EQ(sum.n_features(), 5u);
  for (const auto& keys : {std::vector<uint64_t>{7, 8, 9, 10, 11}, std::vector<uint64_t>{9},
                           std::vector<uint64_t>{10}, std::vector<uint64_t>{8, 11}}) {
    int32_t sa[kClasses] = {}, sb[kClasses] = {}, ss[kClasses] = {};
    wa.score(keys, sa);
    wb.score(keys, sb);
    sum.score(keys, ss);
    for (int c = 0; c < kClasses; ++c) {
      const double want = sa[c] * wa.scale() + sb[c] * wb.scale();
      EXPECT_NEAR(ss[c] * sum.scale(), want, 0.5 * sum.scale() * keys.size() + 1e-6) << c;
    }
  }
}

TEST(Perceptron, LoadRejectsTruncatedWeights) {
  PerceptronTrainer t(3);
  const uint64_t a[] = {5, 6};
  t.update(a, 0, 2);
  t.tick();
  Weights w = t.freeze(0.0f);
  ByteWriter out;
  w.save(out);
  for (size_t cut : {size_t{0}, size_t{3}, out.bytes().size() / 2, out.bytes().size() - 1}) {
    ByteReader in(std::string_view(out.bytes()).substr(0, cut), "mem");
    Weights back;
    EXPECT_FALSE(back.load(in).ok()) << cut;
  }
}

}  // namespace
}  // namespace dateline::syntax
