// SPDX-License-Identifier: Apache-2.0
// Scoring the tagger and parser on a UD treebank (dateline/evaluation.h) through
// syntax/ud_eval.h, which aligns words the way conll18_ud_eval.py does.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "dateline/evaluation.h"
#include "segment/segmenter.h"
#include "syntax/syntax_annotator.h"
#include "syntax/ud_eval.h"
#include "syntax/vocab.h"
#include "text/conllu.h"

namespace dateline {
namespace {

Status write_file(const std::string& path, const std::string& content) {
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (!out) return error(ErrorCode::kIo, path + ": cannot write");
  const bool written = std::fwrite(content.data(), 1, content.size(), out) == content.size();
  if (std::fclose(out) != 0 || !written) return error(ErrorCode::kIo, path + ": write failed");
  return ok_status();
}

}  // namespace

struct UdEvaluator::Impl {
  syntax::SyntaxAnnotator annotator;
  segment::Segmenter segmenter;  // the rules: the raw text is segmented as in the pipeline
};

UdEvaluator::UdEvaluator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
UdEvaluator::UdEvaluator(UdEvaluator&&) noexcept = default;
UdEvaluator& UdEvaluator::operator=(UdEvaluator&&) noexcept = default;
UdEvaluator::~UdEvaluator() = default;

Result<UdEvaluator> UdEvaluator::load(const std::string& models_dir) {
  DL_ASSIGN_OR_RETURN(syntax::SyntaxAnnotator annotator,
                      syntax::SyntaxAnnotator::load({models_dir}));
  return UdEvaluator(std::make_unique<Impl>(Impl{std::move(annotator), {}}));
}

Result<UdEvaluation> UdEvaluator::evaluate(const std::string& gold_file,
                                           const UdEvalOptions& options) const {
  DL_ASSIGN_OR_RETURN(auto gold, text::read_conllu(gold_file));
  DL_RETURN_IF_ERROR(syntax::check_vocabulary(gold, gold_file));
  std::vector<text::ConlluSentence> system;
  const syntax::UdScores scores =
      syntax::evaluate_ud(impl_->annotator, impl_->segmenter, gold, options.gold_tokens,
                          options.write.empty() ? nullptr : &system);
  if (!options.write.empty()) {
    DL_RETURN_IF_ERROR(write_file(options.write, text::write_conllu(system)));
  }
  return UdEvaluation{syntax::format_ud_scores(scores), syntax::format_ud_counts(scores)};
}

}  // namespace dateline
