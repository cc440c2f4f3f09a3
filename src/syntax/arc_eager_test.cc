// SPDX-License-Identifier: Apache-2.0
#include "syntax/arc_eager.h"

#include <gtest/gtest.h>

#include <vector>

namespace dateline::syntax {
namespace {

// Gold trees as 1-based heads (index 0 unused, 0 = root), written for these tests.
struct Tree {
  const char* name;
  std::vector<int> heads;
  bool projective;
};

const Tree kTrees[] = {
    {"one word", {0, 0}, true},
    {"subject verb object", {0, 2, 0, 2}, true},
    {"left chain", {0, 2, 3, 4, 0}, true},
    {"right chain", {0, 0, 1, 2, 3}, true},
    {"said with ccomp", {0, 2, 0, 5, 5, 2, 7, 5, 2}, true},
    {"root in the middle", {0, 3, 3, 0, 3, 6, 3, 3}, true},
    {"non-projective", {0, 3, 4, 0, 3, 2}, false},
};

constexpr int kRoot = 0;   // label id of "root" in these tests
constexpr int kOther = 1;  // every other arc

// Follows the cheapest move at every step (ties in the order SHIFT, REDUCE, LEFT, RIGHT).
ArcEagerState run_oracle(const std::vector<int>& gold) {
  const int n = static_cast<int>(gold.size()) - 1;
  ArcEagerState st(n);
  while (!st.done()) {
    MoveCosts c = move_costs(st, gold);
    struct Option {
      Move m;
      int label;
      int cost;
    };
    const int label = st.s0() == 0 ? kRoot : kOther;
    const Option opts[] = {{Move::kShift, -1, c.shift},
                           {Move::kReduce, -1, c.reduce},
                           {Move::kLeft, kOther, c.left},
                           {Move::kRight, label, c.right}};
    const Option* best = nullptr;
    for (const Option& o : opts) {
      if (!st.can(o.m, o.label, kRoot)) continue;
      if (!best || o.cost < best->cost) best = &o;
    }
    EXPECT_NE(best, nullptr);
    if (!best) break;
    st.apply(best->m, best->label);
  }
  st.finish(kRoot, kOther);
  return st;
}

TEST(ArcEager, OracleReproducesProjectiveTrees) {
  for (const Tree& t : kTrees) {
    ArcEagerState st = run_oracle(t.heads);
    int roots = 0;
    for (int i = 1; i < static_cast<int>(t.heads.size()); ++i) {
      EXPECT_GE(st.head[i], 0) << t.name << " word " << i;
      roots += st.head[i] == 0;
      if (t.projective) {
        EXPECT_EQ(st.head[i], t.heads[i]) << t.name << " word " << i;
      }
    }
    EXPECT_EQ(roots, 1) << t.name;
  }
}

TEST(ArcEager, ZeroCostPathExistsForProjectiveTrees) {
  for (const Tree& t : kTrees) {
    if (!t.projective) continue;
    const int n = static_cast<int>(t.heads.size()) - 1;
    ArcEagerState st(n);
    while (!st.done()) {
      MoveCosts c = move_costs(st, t.heads);
      const int label = st.s0() == 0 ? kRoot : kOther;
      bool zero = (st.can(Move::kShift, -1, kRoot) && c.shift == 0) ||
                  (st.can(Move::kReduce, -1, kRoot) && c.reduce == 0) ||
                  (st.can(Move::kLeft, kOther, kRoot) && c.left == 0) ||
                  (st.can(Move::kRight, label, kRoot) && c.right == 0);
      ASSERT_TRUE(zero) << t.name;
      if (st.can(Move::kLeft, kOther, kRoot) && c.left == 0) st.apply(Move::kLeft, kOther);
      else if (st.can(Move::kRight, label, kRoot) && c.right == 0) st.apply(Move::kRight, label);
      else if (st.can(Move::kReduce, -1, kRoot) && c.reduce == 0) st.apply(Move::kReduce, -1);
      else st.apply(Move::kShift, -1);
    }
  }
}

TEST(ArcEager, Preconditions) {
  ArcEagerState st(3);
  EXPECT_TRUE(st.can(Move::kShift, -1, kRoot));
  EXPECT_FALSE(st.can(Move::kReduce, -1, kRoot)) << "the root cannot be popped";
  EXPECT_FALSE(st.can(Move::kLeft, kOther, kRoot)) << "the root takes no head";
  EXPECT_FALSE(st.can(Move::kRight, kOther, kRoot)) << "arcs from the root are 'root'";
  EXPECT_TRUE(st.can(Move::kRight, kRoot, kRoot));
  st.apply(Move::kRight, kRoot);
  EXPECT_EQ(st.root_child, 1);
  EXPECT_TRUE(st.can(Move::kReduce, -1, kRoot));
  st.apply(Move::kReduce, -1);
  EXPECT_FALSE(st.can(Move::kRight, kRoot, kRoot)) << "only one word hangs off the root";
  st.apply(Move::kShift, -1);
  EXPECT_FALSE(st.can(Move::kRight, kRoot, kRoot)) << "'root' only from the root";
  EXPECT_TRUE(st.can(Move::kLeft, kOther, kRoot));
  st.apply(Move::kLeft, kOther);
  EXPECT_EQ(st.head[2], 3);
  EXPECT_EQ(st.l1[3], 2);
  EXPECT_EQ(st.n_left[3], 1);
  st.apply(Move::kShift, -1);
  EXPECT_TRUE(st.done());
  st.finish(kRoot, kOther);
  EXPECT_EQ(st.head[3], 1) << "left-over words attach to the root's child";
}

TEST(ArcEager, CodecRoundTrip) {
  TransitionCodec codec{5};
  EXPECT_EQ(codec.n_classes(), 12);
  for (int l = 0; l < 5; ++l) {
    EXPECT_EQ(codec.move(codec.left(l)), Move::kLeft);
    EXPECT_EQ(codec.label(codec.left(l)), l);
    EXPECT_EQ(codec.move(codec.right(l)), Move::kRight);
    EXPECT_EQ(codec.label(codec.right(l)), l);
  }
  EXPECT_EQ(codec.move(0), Move::kShift);
  EXPECT_EQ(codec.move(1), Move::kReduce);
}

}  // namespace
}  // namespace dateline::syntax
