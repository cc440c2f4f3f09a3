// SPDX-License-Identifier: Apache-2.0
// dateline eval segment GOLD.conllu... [--json] [--rules] [--models DIR] [--show-errors N]
// Segments the raw text of each UD gold file and scores tokens, words and sentences the way
// the CoNLL 2018 shared task does.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "cli_options.h"
#include "commands.h"
#include "dateline/pipeline.h"
#include "segment/segmenter.h"
#include "segment/ud_eval.h"
#include "text/conllu.h"

namespace dateline::cli {
namespace {

void print_errors(const segment::GoldText& gold, const Document& doc, size_t limit) {
  std::vector<Span> tokens;
  std::vector<segment::EvalWord> words;
  segment::system_units(doc, tokens, words);
  auto show = [&](const char* what, const std::vector<Span>& g, const std::vector<Span>& s) {
    size_t gi = 0, si = 0, shown = 0;
    while (gi < g.size() && si < s.size() && shown < limit) {
      if (g[gi] == s[si]) {
        ++gi;
        ++si;
        continue;
      }
      uint32_t b = std::min(g[gi].begin, s[si].begin);
      uint32_t e = std::max(g[gi].end, s[si].end);
      uint32_t cb = b > 30 ? b - 30 : 0;
      std::string ctx = gold.text.substr(cb, std::min<size_t>(e + 30, gold.text.size()) - cb);
      for (char& c : ctx) c = c == '\n' ? ' ' : c;
      std::printf("%s gold=[%s] system=[%s] in: %s\n", what,
                  gold.text.substr(g[gi].begin, g[gi].size()).c_str(),
                  gold.text.substr(s[si].begin, s[si].size()).c_str(), ctx.c_str());
      ++shown;
      uint32_t stop = std::max(g[gi].end, s[si].end);
      while (gi < g.size() && g[gi].begin < stop) ++gi;
      while (si < s.size() && s[si].begin < stop) ++si;
    }
  };
  show("TOKEN", gold.tokens, tokens);
  std::vector<Span> sentences;
  for (const Sentence& s : doc.sentences) sentences.push_back(s.span);
  // Sentence errors are shown by their ends: a missed or spurious boundary.
  size_t shown = 0;
  size_t gi = 0, si = 0;
  while ((gi < gold.sentences.size() || si < sentences.size()) && shown < limit) {
    uint32_t ge = gi < gold.sentences.size() ? gold.sentences[gi].end : UINT32_MAX;
    uint32_t se = si < sentences.size() ? sentences[si].end : UINT32_MAX;
    if (ge == se) {
      ++gi;
      ++si;
      continue;
    }
    uint32_t at = std::min(ge, se);
    uint32_t cb = at > 60 ? at - 60 : 0;
    std::string ctx = gold.text.substr(cb, at - cb) + " <|> " +
                      gold.text.substr(at, std::min<size_t>(40, gold.text.size() - at));
    for (char& c : ctx) c = c == '\n' ? ' ' : c;
    std::printf("%s %s\n", ge < se ? "SENT-MISSED  " : "SENT-SPURIOUS", ctx.c_str());
    ++shown;
    if (ge < se) {
      ++gi;
    } else {
      ++si;
    }
  }
}

}  // namespace

int run_eval_segment(int argc, char** argv) {
  CLI::App app{"Score tokenization and sentence splitting against UD gold CoNLL-U files"};
  app.name("dateline eval segment");
  std::vector<std::string> files;
  bool json = false, rules = false;
  std::string models_dir;
  size_t show_errors = 0;
  app.add_option("gold", files, "gold CoNLL-U files (each scored on its own raw text)")
      ->required();
  app.add_flag("--json", json, "print one JSON object per file");
  app.add_flag("--rules", rules, "rules only: ignore the sentence boundary model");
  app.add_option("--models", models_dir, "folder of model files (default: models/)");
  app.add_option("--show-errors", show_errors, "print up to N token and sentence errors");
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  if (models_dir.empty()) models_dir = default_models_dir();
  auto segmenter = segment::Segmenter::load({models_dir, !rules});
  if (!segmenter.ok()) return fail_setup(segmenter.status());
  if (!rules) warn_missing_models(models_dir, {model::kSegmenterFile});

  for (const std::string& file : files) {
    auto sentences = text::read_conllu(file);
    if (!sentences.ok()) return fail(sentences.status());
    auto gold = segment::gold_from_conllu(*sentences);
    if (!gold.ok()) return fail(gold.status());
    Document doc;
    doc.text = gold->text;
    segmenter->segment(doc);
    auto scores = segment::evaluate_segmentation(*gold, doc);
    if (!scores.ok()) return fail(scores.status());
    const segment::SpanScore* metrics[] = {&scores->tokens, &scores->words,
                                           &scores->sentences};
    const char* names[] = {"Tokens", "Words", "Sentences"};
    if (json) {
      std::printf("{\"file\": \"%s\", \"splitter\": \"%s\"", file.c_str(),
                  segmenter->fingerprint().c_str());
      for (int m = 0; m < 3; ++m) {
        std::printf(", \"%s\": {\"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f, "
                    "\"gold\": %zu, \"system\": %zu, \"correct\": %zu}",
                    names[m], 100 * metrics[m]->precision(), 100 * metrics[m]->recall(),
                    100 * metrics[m]->f1(), metrics[m]->gold, metrics[m]->system,
                    metrics[m]->correct);
      }
      std::printf("}\n");
    } else {
      std::printf("%s (sentence splitter: %s)\n", file.c_str(),
                  segmenter->fingerprint().c_str());
      std::printf("%-10s %9s %9s %9s\n", "Metric", "Precision", "Recall", "F1");
      for (int m = 0; m < 3; ++m) {
        std::printf("%-10s %9.2f %9.2f %9.2f\n", names[m], 100 * metrics[m]->precision(),
                    100 * metrics[m]->recall(), 100 * metrics[m]->f1());
      }
    }
    if (show_errors > 0) print_errors(*gold, doc, show_errors);
  }
  return kExitOk;
}

}  // namespace dateline::cli
