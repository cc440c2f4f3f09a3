// SPDX-License-Identifier: Apache-2.0
#include "model/perceptron.h"

#include <gtest/gtest.h>

namespace dateline::model {
namespace {

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

// add() and the averaging clock: each case is a list of (clock ticks before, class, delta)
// steps on one key, and the averaged weights by hand (each delta counts for the ticks after
// it out of all ticks, starting from the clock's 1).
TEST(Perceptron, AddAveragesOverTheClock) {
  struct Step {
    int ticks_before;
    int cls;
    float delta;
  };
  struct Case {
    const char* name;
    std::vector<Step> steps;
    int final_ticks;
    float want[2];
  };
  static const Case kCases[] = {
      // Added at clock 1, averaged at clock 10: w - u/c = 1 - 1/10.
      {"one update", {{0, 0, 1.0f}}, 9, {0.9f, 0.0f}},
      {"half weight", {{0, 1, 0.5f}}, 9, {0.0f, 0.45f}},
      {"late update counts little", {{9, 0, 1.0f}}, 0, {0.0f, 0.0f}},
      {"plus then minus", {{0, 0, 1.0f}, {4, 0, -1.0f}}, 5, {0.4f, 0.0f}},
      {"two classes", {{0, 0, 2.0f}, {0, 1, -1.0f}}, 3, {1.5f, -0.75f}},
  };
  for (const Case& c : kCases) {
    PerceptronTrainer t(2);
    const uint64_t key[] = {77};
    for (const Step& s : c.steps) {
      for (int i = 0; i < s.ticks_before; ++i) t.tick();
      t.add(key, s.cls, s.delta);
    }
    for (int i = 0; i < c.final_ticks; ++i) t.tick();
    for (int cls = 0; cls < 2; ++cls) {
      EXPECT_NEAR(t.averaged(77, cls), c.want[cls], 1e-6) << c.name << " class " << cls;
    }
    EXPECT_EQ(t.averaged(78, 0), 0.0f) << c.name;
  }
}

// update(gold, guess) is add(gold, +1) and add(guess, -1) in one pass.
TEST(Perceptron, UpdateIsTwoAdds) {
  PerceptronTrainer a(3), b(3);
  const uint64_t keys[] = {5, 9, 5};
  for (int i = 0; i < 7; ++i) {
    a.update(keys, i % 3, (i + 1) % 3);
    b.add(keys, i % 3, 1.0f);
    b.add(keys, (i + 1) % 3, -1.0f);
    a.tick();
    b.tick();
  }
  for (uint64_t k : {5, 9}) {
    for (int c = 0; c < 3; ++c) EXPECT_EQ(a.averaged(k, c), b.averaged(k, c)) << k << " " << c;
  }
}

// Bucketed models (small keys) get the direct layout, hashed keys the hash table; both score
// the same rows alike, keep their layout through save/load, and count repeated keys twice.
TEST(Perceptron, DirectAndHashedLayoutsScoreAlike) {
  constexpr int kClasses = 8;
  std::vector<uint64_t> keys;
  std::vector<uint32_t> lens;
  std::vector<FloatEntry> entries;
  for (uint64_t k = 1; k <= 300; ++k) {
    const uint32_t len = 1 + static_cast<uint32_t>(k % kClasses);
    for (uint32_t c = 0; c < len; ++c) {
      entries.push_back({static_cast<uint16_t>(c), static_cast<float>((k * 7 + c * 13) % 29) - 14});
    }
    keys.push_back(k);
    lens.push_back(len);
  }
  std::vector<uint64_t> far_keys;
  for (uint64_t k : keys) far_keys.push_back(k * 0x9e3779b97f4a7c15ULL);
  const Weights direct = Weights::from_float_rows(kClasses, keys, lens, entries, 0.0f);
  const Weights hashed = Weights::from_float_rows(kClasses, far_keys, lens, entries, 0.0f);
  EXPECT_TRUE(direct.direct());
  EXPECT_FALSE(hashed.direct());
  EXPECT_EQ(direct.n_entries(), hashed.n_entries());
  ByteWriter out;
  direct.save(out);
  ByteReader in(out.bytes(), "mem");
  Weights back;
  ASSERT_TRUE(back.load(in).ok());
  EXPECT_TRUE(back.direct());
  EXPECT_EQ(back.n_features(), direct.n_features());
  for (uint64_t a = 1; a <= 300; a += 37) {
    const uint64_t near_keys[] = {a, a + 5, a, 999};  // repeated and unknown keys
    const uint64_t hash_keys[] = {a * 0x9e3779b97f4a7c15ULL, (a + 5) * 0x9e3779b97f4a7c15ULL,
                                  a * 0x9e3779b97f4a7c15ULL, 999 * 0x9e3779b97f4a7c15ULL};
    int32_t sd[kClasses] = {}, sh[kClasses] = {}, sb[kClasses] = {};
    direct.score(near_keys, sd);
    hashed.score(hash_keys, sh);
    back.score(near_keys, sb);
    for (int c = 0; c < kClasses; ++c) {
      EXPECT_EQ(sd[c], sh[c]) << a << " class " << c;
      EXPECT_EQ(sd[c], sb[c]) << a << " class " << c;
    }
  }
}

// One class (binary decisions, rankers): a flat table of one weight per bucket.
TEST(Perceptron, OneClassTables) {
  PerceptronTrainer t(1);
  for (int i = 0; i < 10; ++i) {
    const uint64_t yes[] = {1, 2}, no[] = {2, 3};
    t.add(yes, 0, 1.0f);
    t.add(no, 0, -1.0f);
    t.tick();
  }
  const Weights w = t.freeze(0.0f);
  EXPECT_TRUE(w.direct());
  struct Case {
    std::vector<uint64_t> keys;
    int sign;
  };
  const Case cases[] = {{{1}, 1}, {{3}, -1}, {{2}, 0}, {{1, 3}, 0}, {{1, 1, 3}, 1}, {{4}, 0}};
  for (const Case& c : cases) {
    int32_t s = 0;
    w.score(c.keys, &s);
    EXPECT_EQ((s > 0) - (s < 0), c.sign) << c.keys.size();
  }
}

// Quantisation: the largest weight becomes 32767; weights under half a step or under
// min_abs disappear, and so do features left without weights.
TEST(Perceptron, FromFloatRowsQuantises) {
  const uint64_t keys[] = {1000003, 2000003, 3000017};
  const uint32_t lens[] = {2, 1, 1};
  const FloatEntry entries[] = {{0, 4.0f}, {1, -1.0f}, {1, 1e-5f}, {0, 0.5f}};
  const Weights w = Weights::from_float_rows(2, keys, lens, entries, 0.0f);
  EXPECT_EQ(w.n_features(), 2u);
  EXPECT_NEAR(w.scale(), 4.0f / 32767, 1e-9);
  int32_t s[2] = {};
  const uint64_t k0[] = {1000003};
  w.score(k0, s);
  EXPECT_EQ(s[0], 32767);
  EXPECT_EQ(s[1], -8192);  // lround(-1 / (4 / 32767)) = lround(-8191.75)
  const Weights pruned = Weights::from_float_rows(2, keys, lens, entries, 1.0f);
  EXPECT_EQ(pruned.n_features(), 1u);
  EXPECT_EQ(pruned.n_entries(), 2u);
}

// freeze(min_abs, min_updates): a feature counts one update per add()/update() call.
TEST(Perceptron, FreezeDropsRarelyUpdatedFeatures) {
  PerceptronTrainer t(2);
  const uint64_t often[] = {10}, once[] = {20}, both[] = {10, 20};
  for (int i = 0; i < 3; ++i) t.add(often, 0, 1.0f);
  t.add(once, 1, 1.0f);
  t.update(both, 0, 1);  // 10: 4 updates, 20: 2
  t.tick();
  struct Case {
    uint32_t min_updates;
    size_t features;
  };
  for (const Case c : {Case{1, 2}, Case{2, 2}, Case{3, 1}, Case{5, 0}}) {
    EXPECT_EQ(t.freeze(0.0f, c.min_updates).n_features(), c.features) << c.min_updates;
  }
}

// sum(parts, 1 / n) is the average of the parts (parameter averaging of seeds).
TEST(Perceptron, SumWithFactorAverages) {
  const uint64_t keys[] = {1001, 2002};
  const uint32_t lens[] = {1, 1};
  const FloatEntry a[] = {{0, 2.0f}, {0, -1.0f}}, b[] = {{0, 4.0f}, {0, 1.0f}};
  const Weights wa = Weights::from_float_rows(1, keys, lens, a, 0.0f);
  const Weights wb = Weights::from_float_rows(1, keys, lens, b, 0.0f);
  const Weights* parts[] = {&wa, &wb};
  const Weights avg = Weights::sum(parts, 0.5f);
  struct Case {
    uint64_t key;
    float want;
  };
  for (const Case c : {Case{1001, 3.0f}, Case{2002, 0.0f}}) {
    int32_t s = 0;
    const uint64_t k[] = {c.key};
    avg.score(k, &s);
    EXPECT_NEAR(s * avg.scale(), c.want, 1e-3) << c.key;
  }
  EXPECT_EQ(avg.n_features(), 1u);  // 2002 averages to 0 and is dropped
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
}  // namespace dateline::model
