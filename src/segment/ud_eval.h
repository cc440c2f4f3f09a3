// SPDX-License-Identifier: Apache-2.0
#pragma once
// Tokenization and sentence-splitting evaluation against a UD gold file, computed the way the
// CoNLL 2018 shared task script (conll18_ud_eval.py) does: tokens and sentences are compared
// as character spans (white space ignored), words are aligned by span and, inside multiword
// tokens, by the longest common subsequence of their lower-cased forms.

#include <cstddef>
#include <string>
#include <vector>

#include "dateline/document.h"
#include "dateline/evaluation.h"
#include "dateline/status.h"
#include "segment/boundary_model.h"
#include "text/conllu.h"

namespace dateline::segment {

/// One syntactic word for the alignment: the span of its surface token and its form.
struct EvalWord {
  Span span;          ///< span of the surface token the word belongs to
  std::string form;   ///< lower-cased (ASCII) form
  bool multiword = false;
};

/// The gold standard rebuilt as raw text with spans into it.
struct GoldText {
  std::string text;              ///< text::raw_text() of the sentences
  std::vector<Span> tokens;      ///< surface tokens
  std::vector<EvalWord> words;
  std::vector<Span> sentences;
  std::vector<Span> paragraphs;  ///< from newpar/newdoc
};

/// Rebuilds the raw text and the gold spans. Fails (kBadInput) when a form cannot be found
/// where the raw text puts it (a bug or an inconsistent file).
Result<GoldText> gold_from_conllu(const std::vector<text::ConlluSentence>& sentences);

/// Counts for one metric (dateline/evaluation.h).
using SpanScore = SpanCounts;

struct SegmentationScores {
  SpanScore tokens, words, sentences;
};

/// Scores a segmented Document whose text is gold.text.
/// Returns kInternal when the non-space characters of system tokens differ from the gold's.
Result<SegmentationScores> evaluate_segmentation(const GoldText& gold, const Document& system);

/// Training examples for the boundary model: the paragraphs of gold.text as the segmenter
/// finds them, their words as the tokenizer finds them, and a 1 after each word where a gold
/// sentence ends. The examples refer to gold.text, which must outlive them.
std::vector<BoundaryExample> boundary_examples(const GoldText& gold);

/// The system side of the evaluation: surface tokens and words of a segmented Document.
void system_units(const Document& doc, std::vector<Span>& tokens, std::vector<EvalWord>& words);

}  // namespace dateline::segment
