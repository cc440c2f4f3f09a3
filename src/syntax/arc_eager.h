// SPDX-License-Identifier: Apache-2.0
#pragma once
// The arc-eager transition system (Nivre 2003) and its dynamic oracle (Goldberg & Nivre
// 2012), separated from the parser so that their invariants can be tested on their own.
//
// Words are numbered 1..n; 0 is the artificial root, which starts on the stack. Transitions:
//   SHIFT        push the buffer front b
//   REDUCE       pop the stack top s (it must have a head)
//   LEFT(l)      b becomes the head of s with label l; pop s (s must have no head, s != 0)
//   RIGHT(l)     s becomes the head of b with label l; push b
// Parsing ends when the buffer is empty. At most one word hangs off the root: after the
// first RIGHT from 0, later words left without a head are attached by finish().

#include <cstdint>
#include <vector>

namespace dateline::syntax {

enum class Move : uint8_t { kShift = 0, kReduce = 1, kLeft = 2, kRight = 3 };

/// Class ids: 0 SHIFT, 1 REDUCE, 2 + l LEFT(l), 2 + L + l RIGHT(l), L = number of labels.
struct TransitionCodec {
  int n_labels = 0;
  int n_classes() const { return 2 + 2 * n_labels; }
  Move move(int cls) const {
    return cls == 0 ? Move::kShift : cls == 1 ? Move::kReduce
                                  : cls < 2 + n_labels ? Move::kLeft : Move::kRight;
  }
  int label(int cls) const { return cls < 2 ? -1 : (cls - 2) % n_labels; }
  int left(int l) const { return 2 + l; }
  int right(int l) const { return 2 + n_labels + l; }
};

/// A parser configuration. Children lists keep the two outermost dependents on each side and
/// the counts and label sets that the feature templates read.
struct ArcEagerState {
  explicit ArcEagerState(int n_words) { reset(n_words); }
  void reset(int n_words);

  int n = 0;                 ///< words are 1..n
  std::vector<int> stack;    ///< bottom first; stack[0] == 0 (the root)
  int b = 1;                 ///< buffer front; the buffer is b..n
  std::vector<int> head;     ///< -1 = none yet
  std::vector<int> label;    ///< -1 = none yet
  std::vector<int> l1, l2, r1, r2;   ///< leftmost, 2nd leftmost, rightmost, 2nd rightmost child
  std::vector<uint8_t> n_left, n_right;
  std::vector<uint64_t> left_labels, right_labels;  ///< bit sets (labels >= 64 share bit 63)
  int root_child = -1;       ///< the word attached to 0, if any

  bool done() const { return b > n; }
  int s0() const { return stack.back(); }
  bool can(Move m, int label, int root_label) const;
  void apply(Move m, int label);
  /// Attaches the words still without a head: the first becomes the root child (if there is
  /// none), the others depend on it with `fallback_label`.
  void finish(int root_label, int fallback_label);

 private:
  void add_arc(int h, int d, int l);
};

/// Costs of each move (the number of gold arcs it makes unreachable), for the dynamic oracle.
/// gold_head[i] in 0..n (0 = root), gold_label[i] a label id; index 0 is unused.
struct MoveCosts {
  int shift = 0, reduce = 0, left = 0, right = 0;
};
MoveCosts move_costs(const ArcEagerState& s, const std::vector<int>& gold_head);

}  // namespace dateline::syntax
