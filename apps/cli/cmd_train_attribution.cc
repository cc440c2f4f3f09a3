// SPDX-License-Identifier: Apache-2.0
// dateline train attribution --train TRAIN.jsonl [--dev DEV.jsonl] --out MODEL
// Trains the attribution tagger on PolNeAR-style JSON Lines. Each article is segmented and
// parsed exactly as `dateline extract` will do it, so the model learns on the features it
// will see.
#include <cstdio>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "commands.h"
#include "dateline/pipeline.h"
#include "ingest/reader.h"
#include "quotes/polnear.h"
#include "quotes/trainer.h"
#include "segment/segmenter.h"
#include "syntax/syntax_annotator.h"

namespace dateline::cli {
namespace {

void log_line(const std::string& s) {
  std::fprintf(stderr, "%s\n", s.c_str());
  std::fflush(stderr);
}

Result<std::vector<quotes::AnnotatedArticle>> prepare(const std::string& path,
                                                      const segment::Segmenter& segmenter,
                                                      const syntax::SyntaxAnnotator* syntax) {
  DL_ASSIGN_OR_RETURN(std::vector<quotes::PolnearArticle> articles, quotes::read_polnear(path));
  std::vector<quotes::AnnotatedArticle> out;
  out.reserve(articles.size());
  for (quotes::PolnearArticle& a : articles) {
    quotes::AnnotatedArticle x;
    x.doc = ingest::make_document(a.text, a.id);
    x.doc.meta.id = a.id;
    if (x.doc.text.size() != a.text.size()) {
      return error(ErrorCode::kBadInput, path + ": " + a.id + ": text is not valid UTF-8");
    }
    segmenter.segment(x.doc);
    if (syntax) DL_RETURN_IF_ERROR(syntax->annotate(x.doc));
    x.gold = std::move(a.attributions);
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace

int run_train_attribution(int argc, char** argv) {
  CLI::App app{"Train the attribution tagger (source, cue, content) on PolNeAR JSON Lines"};
  app.name("dateline train attribution");
  std::string train_path, dev_path, out_path, models_dir;
  bool no_syntax = false;
  quotes::TrainerOptions o;
  app.add_option("--train", train_path, "training articles (PolNeAR JSON Lines)")->required();
  app.add_option("--dev", dev_path, "development articles, scored after every epoch");
  app.add_option("--out", out_path, "model file to write")->required();
  app.add_option("--models", models_dir, "folder of the syntax models used for features")
      ->capture_default_str();
  app.add_flag("--no-syntax", no_syntax, "train without parse features");
  app.add_option("--epochs", o.epochs, "training epochs")->capture_default_str();
  app.add_option("--bits", o.bits, "log2 of the feature hash table size")->capture_default_str();
  app.add_option("--seed", o.seed, "shuffling seed")->capture_default_str();
  app.add_flag("--content-end-tag", o.content_end_tag,
               "format 3: content-end tag and clause-boundary features (experimental)");
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  if (models_dir.empty()) models_dir = default_models_dir();
  std::string command = "dateline train attribution";
  for (int i = 1; i < argc; ++i) command += std::string(" ") + argv[i];

  segment::Segmenter segmenter;
  auto syntax = syntax::SyntaxAnnotator::load({models_dir});
  if (!syntax.ok()) return fail(syntax.status());
  const syntax::SyntaxAnnotator* parser = no_syntax ? nullptr : &syntax.value();
  log_line("reading and analysing " + train_path);
  auto train = prepare(train_path, segmenter, parser);
  if (!train.ok()) return fail(train.status());
  std::vector<quotes::AnnotatedArticle> dev;
  if (!dev_path.empty()) {
    auto d = prepare(dev_path, segmenter, parser);
    if (!d.ok()) return fail(d.status());
    dev = std::move(d.value());
  }
  std::string last;
  auto model = quotes::train_tagger(train.value(), dev, o, [&](const std::string& line) {
    last = line;
    log_line(line);
  });
  if (!model.ok()) return fail(model.status());
  const bool parsed = !train.value().empty() && !train.value()[0].doc.tokens.empty() &&
                      train.value()[0].doc.tokens[0].head != Token::kNoHead;
  std::string header = "command=" + command + "\n" + "data=" + train_path +
                       " (PolNeAR, research corpus, no data licence stated)\n" +
                       "syntax=" + (parsed ? syntax->fingerprint() : std::string("none")) + "\n" +
                       "epochs=" + std::to_string(o.epochs) + "\n" + "scores=" + last + "\n";
  Status s = model->save(out_path, header);
  if (!s.ok()) return fail(s);
  log_line("wrote " + out_path);
  return kExitOk;
}

}  // namespace dateline::cli
