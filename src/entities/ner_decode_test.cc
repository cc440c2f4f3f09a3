// SPDX-License-Identifier: Apache-2.0
#include "entities/ner_decode.h"

#include <vector>

#include <gtest/gtest.h>

namespace dateline::entities {
namespace {

// Labels with types {LOC, PER}: 0 O, 1-4 B/I/L/U-LOC, 5-8 B/I/L/U-PER.
constexpr int kO = 0, kBLoc = 1, kILoc = 2, kLLoc = 3, kULoc = 4, kBPer = 5, kLPer = 7, kUPer = 8;

TEST(NerDecode, BilouTransitions) {
  struct Case {
    int prev, label;
    bool last, allowed;
  };
  static const Case kCases[] = {
      {ner::kStart, kBLoc, false, true}, {ner::kStart, kILoc, false, false},
      {ner::kStart, kULoc, true, true},  {ner::kStart, kBLoc, true, false},
      {kBLoc, kILoc, false, true},       {kBLoc, kLLoc, true, true},
      {kBLoc, kO, false, false},         {kBLoc, kLPer, false, false},  // other type
      {kILoc, kILoc, true, false},       {kLLoc, kO, false, true},
      {kLLoc, kBPer, false, true},       {kO, kLLoc, false, false},
      {kULoc, kUPer, true, true},        {kO, kO, true, true},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(ner::allowed(c.prev, c.label, c.last), c.allowed)
        << c.prev << " -> " << c.label << (c.last ? " (last)" : "");
  }
}

TEST(NerDecode, LabelsAndSpans) {
  const std::vector<std::string> types = {"LOC", "PER"};
  struct Case {
    size_t n;
    std::vector<NerSpan> spans;
    std::vector<int> labels;
  };
  const Case cases[] = {
      {4, {{0, 2, "PER"}, {3, 4, "LOC"}}, {kBPer, kLPer, kO, kULoc}},
      {3, {{0, 3, "LOC"}}, {kBLoc, kILoc, kLLoc}},
      {2, {}, {kO, kO}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ner::labels_from_spans(c.n, c.spans, types), c.labels) << c.n;
    EXPECT_EQ(ner::spans_from_labels(c.labels, types), c.spans) << c.n;
  }
  // Spans of unknown types, empty or out of range are not labelled; an unclosed B is dropped.
  EXPECT_EQ(ner::labels_from_spans(3, {{0, 1, "ORG"}, {1, 1, "PER"}, {2, 5, "LOC"}}, types),
            (std::vector<int>{kO, kO, kO}));
  EXPECT_TRUE(ner::spans_from_labels({kBPer, kO}, types).empty());
}

// Viterbi finds the best sequence that the BILOU constraints allow, even where the best
// label of each word alone would form an invalid one.
TEST(NerDecode, ViterbiKeepsSequencesValid) {
  constexpr size_t L = 9;
  struct Case {
    const char* name;
    std::vector<std::vector<double>> emit;  // per word: {label, score} pairs
    std::vector<int> want;
  };
  auto row = [](std::initializer_list<std::pair<int, double>> scores) {
    std::vector<double> r(L, 0.0);
    for (auto [label, score] : scores) r[static_cast<size_t>(label)] = score;
    return r;
  };
  const Case cases[] = {
      {"best labels are valid", {row({{kBPer, 5}}), row({{kLPer, 5}})}, {kBPer, kLPer}},
      {"an I alone becomes O", {row({{kILoc, 5}})}, {kO}},
      {"a B must be closed by an L", {row({{kBLoc, 5}}), row({{kO, 1}})}, {kBLoc, kLLoc}},
      {"an L strong enough brings its B", {row({{kO, 1}}), row({{kLPer, 3}})}, {kBPer, kLPer}},
      {"types do not mix",
       {row({{kBPer, 5}, {kBLoc, 4}}), row({{kLLoc, 9}, {kLPer, 1}})},
       {kBLoc, kLLoc}},
      {"all O", {row({}), row({}), row({})}, {kO, kO, kO}},
  };
  for (const Case& c : cases) {
    std::vector<double> emit;
    for (const auto& r : c.emit) emit.insert(emit.end(), r.begin(), r.end());
    ner::ViterbiScratch<double> scratch;
    std::vector<int> labels;
    ner::viterbi(
        c.emit.size(), L, emit.data(), [](size_t, int, double*) {}, scratch, labels);
    EXPECT_EQ(labels, c.want) << c.name;
  }
}

}  // namespace
}  // namespace dateline::entities
