// SPDX-License-Identifier: Apache-2.0
// Scoring the segmenter on UD gold files (dateline/evaluation.h): each file's raw text is
// rebuilt from its CoNLL-U, segmented from scratch and compared span by span
// (segment/ud_eval.h); the errors listed are the first spans where gold and system part.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/evaluation.h"
#include "model/manifest.h"
#include "segment/segmenter.h"
#include "segment/ud_eval.h"
#include "text/conllu.h"

namespace dateline {
namespace {

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

// Token errors: where the gold and system token sequences part, one line each, skipping to
// where they meet again.
void token_errors(const segment::GoldText& gold, const std::vector<Span>& system, size_t limit,
                  std::vector<std::string>& out) {
  const std::vector<Span>& g = gold.tokens;
  size_t gi = 0, si = 0, shown = 0;
  while (gi < g.size() && si < system.size() && shown < limit) {
    if (g[gi] == system[si]) {
      ++gi;
      ++si;
      continue;
    }
    const uint32_t b = std::min(g[gi].begin, system[si].begin);
    const uint32_t e = std::max(g[gi].end, system[si].end);
    const uint32_t cb = b > 30 ? b - 30 : 0;
    out.push_back("TOKEN gold=[" + gold.text.substr(g[gi].begin, g[gi].size()) + "] system=[" +
                  gold.text.substr(system[si].begin, system[si].size()) + "] in: " +
                  one_line(gold.text.substr(cb, std::min<size_t>(e + 30, gold.text.size()) - cb)));
    ++shown;
    const uint32_t stop = std::max(g[gi].end, system[si].end);
    while (gi < g.size() && g[gi].begin < stop) ++gi;
    while (si < system.size() && system[si].begin < stop) ++si;
  }
}

// Sentence errors, shown by their ends: a missed or spurious boundary.
void sentence_errors(const segment::GoldText& gold, const Document& doc, size_t limit,
                     std::vector<std::string>& out) {
  std::vector<Span> sentences;
  for (const Sentence& s : doc.sentences) sentences.push_back(s.span);
  size_t shown = 0, gi = 0, si = 0;
  while ((gi < gold.sentences.size() || si < sentences.size()) && shown < limit) {
    const uint32_t ge = gi < gold.sentences.size() ? gold.sentences[gi].end : UINT32_MAX;
    const uint32_t se = si < sentences.size() ? sentences[si].end : UINT32_MAX;
    if (ge == se) {
      ++gi;
      ++si;
      continue;
    }
    const uint32_t at = std::min(ge, se);
    const uint32_t cb = at > 60 ? at - 60 : 0;
    const std::string around =
        gold.text.substr(cb, at - cb) + " <|> " +
        gold.text.substr(at, std::min<size_t>(40, gold.text.size() - at));
    out.push_back(std::string(ge < se ? "SENT-MISSED  " : "SENT-SPURIOUS") + " " +
                  one_line(around));
    ++shown;
    if (ge < se) {
      ++gi;
    } else {
      ++si;
    }
  }
}

}  // namespace

struct SegmenterEvaluator::Impl {
  segment::Segmenter segmenter;
  std::string splitter;
  std::vector<std::string> warnings;
  size_t show_errors = 0;
};

SegmenterEvaluator::SegmenterEvaluator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SegmenterEvaluator::SegmenterEvaluator(SegmenterEvaluator&&) noexcept = default;
SegmenterEvaluator& SegmenterEvaluator::operator=(SegmenterEvaluator&&) noexcept = default;
SegmenterEvaluator::~SegmenterEvaluator() = default;

Result<SegmenterEvaluator> SegmenterEvaluator::load(const SegmenterEvalOptions& options) {
  DL_ASSIGN_OR_RETURN(segment::Segmenter segmenter,
                      segment::Segmenter::load({options.models_dir, !options.rules}));
  auto impl = std::make_unique<Impl>(Impl{std::move(segmenter), {}, {}, options.show_errors});
  impl->splitter = impl->segmenter.fingerprint();
  if (!options.rules) {
    const model::ModelsCheck check = model::check_models_dir(options.models_dir, false);
    for (const model::ModelSpec* spec : check.missing_optional) {
      if (std::string_view(spec->file) == model::kSegmenterFile) {
        impl->warnings.push_back(model::missing_model_message(options.models_dir, *spec));
      }
    }
  }
  return SegmenterEvaluator(std::move(impl));
}

const std::string& SegmenterEvaluator::splitter() const { return impl_->splitter; }

const std::vector<std::string>& SegmenterEvaluator::warnings() const { return impl_->warnings; }

Result<SegmenterFileScores> SegmenterEvaluator::evaluate(const std::string& gold_file) const {
  DL_ASSIGN_OR_RETURN(auto sentences, text::read_conllu(gold_file));
  DL_ASSIGN_OR_RETURN(segment::GoldText gold, segment::gold_from_conllu(sentences));
  Document doc;
  doc.text = gold.text;
  impl_->segmenter.segment(doc);
  DL_ASSIGN_OR_RETURN(segment::SegmentationScores scores,
                      segment::evaluate_segmentation(gold, doc));
  SegmenterFileScores out;
  out.file = gold_file;
  out.tokens = scores.tokens;
  out.words = scores.words;
  out.sentences = scores.sentences;
  if (impl_->show_errors > 0) {
    std::vector<Span> tokens;
    std::vector<segment::EvalWord> words;
    segment::system_units(doc, tokens, words);
    token_errors(gold, tokens, impl_->show_errors, out.errors);
    sentence_errors(gold, doc, impl_->show_errors, out.errors);
  }
  return out;
}

}  // namespace dateline
