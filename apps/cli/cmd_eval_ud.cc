// SPDX-License-Identifier: Apache-2.0
// dateline eval ud FILE.conllu [--gold-tokens] [--models DIR] [--counts] [--write OUT.conllu]
#include <cstdio>
#include <string>

#include "CLI/CLI.hpp"
#include "commands.h"
#include "dateline/pipeline.h"
#include "segment/segmenter.h"
#include "syntax/syntax_annotator.h"
#include "syntax/ud_eval.h"
#include "syntax/vocab.h"
#include "text/conllu.h"

namespace dateline::cli {

int run_eval_ud(int argc, char** argv) {
  CLI::App app{"Score tagging, lemmas and parsing on a UD treebank as conll18_ud_eval.py does"};
  app.name("dateline eval ud");
  std::string file, models, write;
  bool gold_tokens = false, counts = false;
  app.add_option("file", file, "gold CoNLL-U file")->required();
  app.add_flag("--gold-tokens", gold_tokens,
               "give the gold words and sentences to the tagger and parser (default: segment "
               "the raw text with dateline's own segmenter first)");
  app.add_option("--models", models, "model folder (default: the built-in models/)");
  app.add_flag("--counts", counts,
               "also print the counts behind each score (correct / gold / system), for "
               "figures that two decimals would round across a threshold");
  app.add_option("--write", write,
                 "write the system's analysis as CoNLL-U to this file (for error analysis)");
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  auto gold = text::read_conllu(file);
  if (!gold.ok()) return fail(gold.status());
  if (Status s = syntax::check_vocabulary(*gold, file); !s.ok()) return fail(s);
  auto annotator =
      syntax::SyntaxAnnotator::load({models.empty() ? default_models_dir() : models});
  if (!annotator.ok()) return fail_setup(annotator.status());
  segment::Segmenter segmenter;
  std::vector<text::ConlluSentence> system;
  syntax::UdScores scores = syntax::evaluate_ud(*annotator, segmenter, *gold, gold_tokens,
                                                write.empty() ? nullptr : &system);
  if (!write.empty()) {
    const std::string conllu = text::write_conllu(system);
    std::FILE* out = std::fopen(write.c_str(), "w");
    if (!out) return fail(error(ErrorCode::kIo, write + ": cannot write"));
    const bool written = std::fwrite(conllu.data(), 1, conllu.size(), out) == conllu.size();
    if (std::fclose(out) != 0 || !written) {
      return fail(error(ErrorCode::kIo, write + ": write failed"));
    }
  }
  std::printf("%s (%s)\n%s", file.c_str(), gold_tokens ? "gold tokens" : "raw text",
              syntax::format_ud_scores(scores).c_str());
  if (counts) std::printf("%s", syntax::format_ud_counts(scores).c_str());
  return kExitOk;
}

}  // namespace dateline::cli
