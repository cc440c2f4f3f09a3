// SPDX-License-Identifier: Apache-2.0
// dateline train attribution --train TRAIN.jsonl [--dev DEV.jsonl] --out MODEL
//   or, for the content-boundary reranker: ... --content-reranker-out RERANKER.model
// Trains the attribution tagger on PolNeAR-style JSON Lines. Each article is segmented and
// parsed exactly as `dateline extract` will do it, so the model learns on the features it
// will see.
#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "commands.h"
#include "dateline/pipeline.h"
#include "ingest/reader.h"
#include "quotes/attribution_finder.h"
#include "quotes/content_reranker.h"
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

// Reranker examples of `articles` tagged by `tagger`: each attribution with a cue and one
// content span, matched by cue overlap to a gold attribution with one content fragment,
// gives an example when one of its candidates is exactly the gold content.
void rerank_examples(const std::vector<quotes::AnnotatedArticle>& articles,
                     const std::vector<size_t>& which, const quotes::AttributionTagger& tagger,
                     const quotes::CueLexicon& lexicon, std::vector<quotes::RerankExample>& out,
                     int& attributions) {
  auto trim = [](const std::string& t, Span s) {
    auto sp = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    while (s.begin < s.end && sp(t[s.begin])) ++s.begin;
    while (s.end > s.begin && sp(t[s.end - 1])) --s.end;
    return s;
  };
  std::vector<quotes::ContentCandidate> cands;
  for (size_t k : which) {
    const quotes::AnnotatedArticle& art = articles[k];
    const Document& doc = art.doc;
    quotes::WordView view = quotes::build_word_view(doc);
    if (view.words.empty()) continue;
    auto regions = quotes::pair_quote_marks(view, doc.text);
    auto found = quotes::tagged_attributions(doc, view, regions, tagger, lexicon, true);
    quotes::RerankContext ctx = quotes::make_rerank_context(doc, view);
    const auto& w = view.words;
    for (const quotes::WordAttribution& a : found) {
      if (!a.has_cue() || a.content.size() != 1) continue;
      ++attributions;
      const Span cue{w[a.cue_begin].span.begin, w[a.cue_end - 1].span.end};
      const quotes::GoldAttribution* g = nullptr;
      for (const quotes::GoldAttribution& x : art.gold) {
        for (const Span& c : x.cue) {
          if (c.overlaps(cue) && x.content.size() == 1) g = &x;
        }
      }
      if (!g) continue;
      const Span gold = trim(doc.text, g->content[0]);
      const quotes::ContentCandidate orig{a.content[0].first, a.content[0].second};
      quotes::content_candidates(ctx, a, orig, cands);
      int hit = -1;
      for (size_t i = 0; i < cands.size() && hit < 0; ++i) {
        const Span s{w[cands[i].begin].span.begin, w[cands[i].end - 1].span.end};
        if (trim(doc.text, s) == gold) hit = int(i);
      }
      if (hit < 0 || cands.size() < 2) continue;
      quotes::RerankExample x;
      x.gold = uint32_t(hit);
      x.feats.resize(cands.size());
      for (size_t i = 0; i < cands.size(); ++i) {
        quotes::ContentReranker::features(ctx, a, orig, cands[i], x.feats[i]);
      }
      out.push_back(std::move(x));
    }
  }
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
  std::string reranker_out, tagger_path;
  int folds = 2, rounds = 2, reranker_epochs = 5, reranker_seeds = 3;
  app.add_option("--out", out_path, "model file to write");
  app.add_option("--content-reranker-out", reranker_out,
                 "train the content-boundary reranker instead of the tagger and write it here "
                 "(train examples from taggers trained on the other folds)");
  app.add_option("--tagger", tagger_path,
                 "tagger whose output the reranker is scored on for dev (default: "
                 "MODELS/attribution.model)");
  app.add_option("--folds", folds, "reranker: jackknife folds over train")->capture_default_str();
  app.add_option("--rounds", rounds, "reranker: jackknife rounds (each a new split)")
      ->capture_default_str();
  app.add_option("--reranker-epochs", reranker_epochs, "reranker: perceptron epochs")
      ->capture_default_str();
  app.add_option("--reranker-seeds", reranker_seeds,
                 "reranker: average the weights of this many shuffling seeds")
      ->capture_default_str();
  app.add_option("--models", models_dir, "folder of the syntax models used for features")
      ->capture_default_str();
  app.add_flag("--no-syntax", no_syntax, "train without parse features");
  app.add_option("--epochs", o.epochs, "training epochs")->capture_default_str();
  app.add_option("--bits", o.bits, "log2 of the feature hash table size")->capture_default_str();
  app.add_option("--seed", o.seed, "shuffling seed")->capture_default_str();
  app.add_flag("--content-end-tag", o.content_end_tag,
               "add the content-end tag and clause-boundary features (experimental)");
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  if (models_dir.empty()) models_dir = default_models_dir();
  const std::string command = command_line("train attribution", argc, argv);
  const std::string data = train_path + " (PolNeAR, research corpus, no data licence stated)";

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
  if (!reranker_out.empty()) {
    auto lexicon = quotes::CueLexicon::load(default_lexicons_dir() + "/attribution.tsv");
    if (!lexicon.ok()) return fail(lexicon.status());
    const auto& tr = train.value();
    std::vector<quotes::RerankExample> train_x, dev_x;
    int n_train = 0, n_dev = 0;
    // Each round splits train differently (and seeds its taggers differently), so the
    // reranker sees more varied tagger errors.
    for (int round = 0; round < std::max(rounds, 1); ++round) {
      std::vector<size_t> order(tr.size());
      for (size_t i = 0; i < order.size(); ++i) order[i] = i;
      if (round > 0) std::shuffle(order.begin(), order.end(), std::mt19937(o.seed + round));
      quotes::TrainerOptions fo = o;
      fo.seed = o.seed + uint32_t(round);
      for (int f = 0; f < folds; ++f) {
        std::vector<quotes::AnnotatedArticle> rest;
        std::vector<size_t> held;
        for (size_t k = 0; k < order.size(); ++k) {
          if (int(k % size_t(folds)) == f) {
            held.push_back(order[k]);
          } else {
            rest.push_back(tr[order[k]]);
          }
        }
        log_line("round " + std::to_string(round + 1) + " fold " + std::to_string(f + 1) +
                 ": training a tagger on " + std::to_string(rest.size()) + " articles");
        auto t = quotes::train_tagger(rest, {}, fo, [](const std::string&) {});
        if (!t.ok()) return fail(t.status());
        rerank_examples(tr, held, t.value(), lexicon.value(), train_x, n_train);
      }
    }
    if (!dev.empty()) {
      auto t = quotes::AttributionTagger::load(
          tagger_path.empty() ? models_dir + "/attribution.model" : tagger_path);
      if (!t.ok()) return fail(t.status());
      std::vector<size_t> all(dev.size());
      for (size_t i = 0; i < all.size(); ++i) all[i] = i;
      rerank_examples(dev, all, t.value(), lexicon.value(), dev_x, n_dev);
    }
    log_line("reranker examples: train " + std::to_string(train_x.size()) + " of " +
             std::to_string(n_train) + " attributions, dev " + std::to_string(dev_x.size()) +
             " of " + std::to_string(n_dev));
    // Averaging the weights of a few shuffling seeds: single runs differ by +-0.5 F1.
    std::vector<quotes::ContentReranker> runs;
    for (int k = 0; k < std::max(reranker_seeds, 1); ++k) {
      std::vector<std::string> seed_log;
      runs.push_back(quotes::train_content_reranker(train_x, dev_x, reranker_epochs,
                                                    o.seed + uint32_t(k), seed_log));
      log_line("seed " + std::to_string(o.seed + uint32_t(k)) + ":");
      for (const std::string& l : seed_log) log_line("  " + l);
    }
    quotes::ContentReranker r = quotes::ContentReranker::average(runs);
    int orig = 0;
    for (const auto& x : dev_x) orig += x.gold == 0;
    std::vector<std::string> dev_log{
        "averaged: dev exact " + std::to_string(quotes::count_exact(r, dev_x)) + " of " +
        std::to_string(dev_x.size()) + " (tagger span " + std::to_string(orig) + ")"};
    log_line(dev_log.back());
    r.set_header({{model::kHeaderCommand, command},
                  {model::kHeaderData, data},
                  {model::kHeaderSeed, std::to_string(o.seed)},
                  {"training", "epochs=" + std::to_string(reranker_epochs) +
                                   " seeds=" + std::to_string(reranker_seeds) + " folds=" +
                                   std::to_string(folds) + " rounds=" + std::to_string(rounds)},
                  {model::kHeaderScores, dev_log.back()}});
    Status s = r.save(reranker_out);
    if (!s.ok()) return fail(s);
    log_line("wrote " + reranker_out);
    return kExitOk;
  }
  if (out_path.empty()) return fail(error(ErrorCode::kInvalidArgument, "--out is required"));
  std::string last;
  auto model = quotes::train_tagger(train.value(), dev, o, [&](const std::string& line) {
    last = line;
    log_line(line);
  });
  if (!model.ok()) return fail(model.status());
  const bool parsed = !train.value().empty() && !train.value()[0].doc.tokens.empty() &&
                      train.value()[0].doc.tokens[0].head != Token::kNoHead;
  model->set_header({{model::kHeaderCommand, command},
                     {model::kHeaderData, data},
                     {model::kHeaderSeed, std::to_string(o.seed)},
                     {"syntax", parsed ? syntax->fingerprint() : std::string("none")},
                     {"epochs", std::to_string(o.epochs)},
                     {model::kHeaderScores, last}});
  Status s = model->save(out_path);
  if (!s.ok()) return fail(s);
  log_line("wrote " + out_path);
  return kExitOk;
}

}  // namespace dateline::cli
