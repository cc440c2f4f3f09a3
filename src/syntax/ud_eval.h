// SPDX-License-Identifier: Apache-2.0
#pragma once
// Evaluation against a Universal Dependencies treebank, computed as the CoNLL 2018 shared
// task script (conll18_ud_eval.py) does: system and gold words are aligned by their character
// spans in the raw text (multiword tokens by the longest common subsequence of their words'
// forms), and each metric is an F1 over words (precision over system words, recall over gold
// words). UFeats compares only the universal features; LAS compares the universal part of the
// relation ("obl" for "obl:tmod").

#include <string>
#include <vector>

#include "dateline/status.h"
#include "segment/segmenter.h"
#include "syntax/syntax_annotator.h"
#include "text/conllu.h"

namespace dateline::syntax {

/// Counts of one metric: correct matches, gold total, system total.
struct UdCount {
  size_t correct = 0, gold = 0, system = 0, aligned = 0;
  double precision() const { return system ? 100.0 * correct / system : 0; }
  double recall() const { return gold ? 100.0 * correct / gold : 0; }
  double f1() const { return gold + system ? 200.0 * correct / (gold + system) : 0; }
  double aligned_accuracy() const { return aligned ? 100.0 * correct / aligned : 0; }
};

struct UdScores {
  UdCount tokens, sentences, words, upos, xpos, ufeats, alltags, lemmas, uas, las;
};

/// Evaluates `annotator` on `gold`. With `gold_tokens`, the gold words and sentences are
/// given to the annotator; otherwise the raw text (text::raw_text) is segmented by
/// `segmenter` first. When `system` is given, it receives the annotator's analysis as
/// CoNLL-U sentences (words only, no multiword-token lines), for error analysis.
UdScores evaluate_ud(const SyntaxAnnotator& annotator, const segment::Segmenter& segmenter,
                     const std::vector<text::ConlluSentence>& gold, bool gold_tokens,
                     std::vector<text::ConlluSentence>* system = nullptr);

/// The scores as conll18_ud_eval.py prints them with -v.
std::string format_ud_scores(const UdScores& scores);
/// The counts behind the scores, one metric a line: name, correct, gold, system, F1 with
/// four decimals.
std::string format_ud_counts(const UdScores& scores);

/// FEATS reduced to the universal features conll18_ud_eval.py compares, in order.
std::string universal_feats(std::string_view feats);

}  // namespace dateline::syntax
