// SPDX-License-Identifier: Apache-2.0
// Training the attribution tagger and the content-boundary reranker on PolNeAR-style JSON
// Lines (dateline/training.h). Each article is segmented and parsed exactly as the pipeline
// does it, so the model learns on the features it will see. The reranker learns from the
// output of taggers that did not see the article: each jackknife round splits train into
// folds, trains a tagger on all folds but one and collects examples on the held-out fold.
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "dateline/training.h"
#include "ingest/reader.h"
#include "quotes/attribution_finder.h"
#include "quotes/content_reranker.h"
#include "quotes/polnear.h"
#include "quotes/trainer.h"
#include "segment/segmenter.h"
#include "syntax/syntax_annotator.h"

namespace dateline::quotes {
namespace {

Result<std::vector<AnnotatedArticle>> prepare(const std::string& path,
                                                      const segment::Segmenter& segmenter,
                                                      const syntax::SyntaxAnnotator* syntax) {
  DL_ASSIGN_OR_RETURN(std::vector<PolnearArticle> articles, read_polnear(path));
  std::vector<AnnotatedArticle> out;
  out.reserve(articles.size());
  for (PolnearArticle& a : articles) {
    AnnotatedArticle x;
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
void rerank_examples(const std::vector<AnnotatedArticle>& articles,
                     const std::vector<size_t>& which, const AttributionTagger& tagger,
                     const CueLexicon& lexicon, std::vector<RerankExample>& out,
                     int& attributions) {
  auto trim = [](const std::string& t, Span s) {
    auto sp = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    while (s.begin < s.end && sp(t[s.begin])) ++s.begin;
    while (s.end > s.begin && sp(t[s.end - 1])) --s.end;
    return s;
  };
  std::vector<ContentCandidate> cands;
  for (size_t k : which) {
    const AnnotatedArticle& art = articles[k];
    const Document& doc = art.doc;
    WordView view = build_word_view(doc);
    if (view.words.empty()) continue;
    auto regions = pair_quote_marks(view, doc.text);
    auto found = tagged_attributions(doc, view, regions, tagger, lexicon, true);
    RerankContext ctx = make_rerank_context(doc, view);
    const auto& w = view.words;
    for (const WordAttribution& a : found) {
      if (!a.has_cue() || a.content.size() != 1) continue;
      ++attributions;
      const Span cue{w[a.cue_begin].span.begin, w[a.cue_end - 1].span.end};
      const GoldAttribution* g = nullptr;
      for (const GoldAttribution& x : art.gold) {
        for (const Span& c : x.cue) {
          if (c.overlaps(cue) && x.content.size() == 1) g = &x;
        }
      }
      if (!g) continue;
      const Span gold = trim(doc.text, g->content[0]);
      const ContentCandidate orig{a.content[0].first, a.content[0].second};
      content_candidates(ctx, a, orig, cands);
      int hit = -1;
      for (size_t i = 0; i < cands.size() && hit < 0; ++i) {
        const Span s{w[cands[i].begin].span.begin, w[cands[i].end - 1].span.end};
        if (trim(doc.text, s) == gold) hit = int(i);
      }
      if (hit < 0 || cands.size() < 2) continue;
      RerankExample x;
      x.gold = uint32_t(hit);
      x.feats.resize(cands.size());
      for (size_t i = 0; i < cands.size(); ++i) {
        ContentReranker::features(ctx, a, orig, cands[i], x.feats[i]);
      }
      out.push_back(std::move(x));
    }
  }
}

// The reranker's examples, from jackknife taggers on train and the given tagger on dev;
// writes the averaged reranker with its dev score in the header.
Status train_reranker(const AttributionTrainOptions& o, const std::vector<AnnotatedArticle>& tr,
                      const std::vector<AnnotatedArticle>& dev, const TrainerOptions& to,
                      const std::string& data, const TrainingLog& log) {
  const std::string lexicons = o.lexicons_dir;
  DL_ASSIGN_OR_RETURN(CueLexicon lexicon, CueLexicon::load(lexicons + "/attribution.tsv"));
  std::vector<RerankExample> train_x, dev_x;
  int n_train = 0, n_dev = 0;
  const int folds = std::max(o.folds, 1);
  // Each round splits train differently (and seeds its taggers differently), so the
  // reranker sees more varied tagger errors.
  for (int round = 0; round < std::max(o.rounds, 1); ++round) {
    std::vector<size_t> order(tr.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (round > 0) std::shuffle(order.begin(), order.end(), std::mt19937(to.seed + round));
    TrainerOptions fo = to;
    fo.seed = to.seed + uint32_t(round);
    for (int f = 0; f < folds; ++f) {
      std::vector<AnnotatedArticle> rest;
      std::vector<size_t> held;
      for (size_t k = 0; k < order.size(); ++k) {
        if (int(k % size_t(folds)) == f) {
          held.push_back(order[k]);
        } else {
          rest.push_back(tr[order[k]]);
        }
      }
      log("round " + std::to_string(round + 1) + " fold " + std::to_string(f + 1) +
          ": training a tagger on " + std::to_string(rest.size()) + " articles");
      DL_ASSIGN_OR_RETURN(AttributionTagger t,
                          train_tagger(rest, {}, fo, [](const std::string&) {}));
      rerank_examples(tr, held, t, lexicon, train_x, n_train);
    }
  }
  if (!dev.empty()) {
    DL_ASSIGN_OR_RETURN(
        AttributionTagger t,
        AttributionTagger::load(o.tagger.empty() ? o.models_dir + "/attribution.model"
                                                 : o.tagger));
    std::vector<size_t> all(dev.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    rerank_examples(dev, all, t, lexicon, dev_x, n_dev);
  }
  log("reranker examples: train " + std::to_string(train_x.size()) + " of " +
      std::to_string(n_train) + " attributions, dev " + std::to_string(dev_x.size()) + " of " +
      std::to_string(n_dev));
  // Averaging the weights of a few shuffling seeds: single runs differ by +-0.5 F1.
  std::vector<ContentReranker> runs;
  for (int k = 0; k < std::max(o.reranker_seeds, 1); ++k) {
    std::vector<std::string> seed_log;
    runs.push_back(train_content_reranker(train_x, dev_x, o.reranker_epochs,
                                          to.seed + uint32_t(k), seed_log));
    log("seed " + std::to_string(to.seed + uint32_t(k)) + ":");
    for (const std::string& l : seed_log) log("  " + l);
  }
  ContentReranker r = ContentReranker::average(runs);
  int orig = 0;
  for (const auto& x : dev_x) orig += x.gold == 0;
  const std::string dev_line = "averaged: dev exact " + std::to_string(count_exact(r, dev_x)) +
                               " of " + std::to_string(dev_x.size()) + " (tagger span " +
                               std::to_string(orig) + ")";
  log(dev_line);
  r.set_header({{model::kHeaderCommand, o.command},
                {model::kHeaderData, data},
                {model::kHeaderSeed, std::to_string(to.seed)},
                {"training", "epochs=" + std::to_string(o.reranker_epochs) +
                                 " seeds=" + std::to_string(o.reranker_seeds) +
                                 " folds=" + std::to_string(o.folds) +
                                 " rounds=" + std::to_string(o.rounds)},
                {model::kHeaderScores, dev_line}});
  DL_RETURN_IF_ERROR(r.save(o.reranker_out));
  log("wrote " + o.reranker_out);
  return ok_status();
}

}  // namespace
}  // namespace dateline::quotes

namespace dateline {

static_assert(kAttributionDefaultBits == quotes::AttributionTagger::kDefaultBits,
              "the public default is the tagger's");

Status train_attribution(const AttributionTrainOptions& o) {
  using quotes::AnnotatedArticle;
  const TrainingLog log = [&](const std::string& line) {
    if (o.log) o.log(line);
  };
  if (o.out.empty() && o.reranker_out.empty()) {
    return error(ErrorCode::kInvalidArgument, "out: required (or reranker_out)");
  }
  quotes::TrainerOptions to;
  to.epochs = o.epochs;
  to.bits = o.bits;
  to.seed = o.seed;
  to.content_end_tag = o.content_end_tag;
  const std::string data = o.train + " (PolNeAR, research corpus, no data licence stated)";

  segment::Segmenter segmenter;
  DL_ASSIGN_OR_RETURN(syntax::SyntaxAnnotator syntax, syntax::SyntaxAnnotator::load({o.models_dir}));
  const syntax::SyntaxAnnotator* parser = o.syntax ? &syntax : nullptr;
  log("reading and analysing " + o.train);
  DL_ASSIGN_OR_RETURN(std::vector<AnnotatedArticle> train,
                      quotes::prepare(o.train, segmenter, parser));
  std::vector<AnnotatedArticle> dev;
  if (!o.dev.empty()) {
    DL_ASSIGN_OR_RETURN(dev, quotes::prepare(o.dev, segmenter, parser));
  }
  if (!o.reranker_out.empty()) return quotes::train_reranker(o, train, dev, to, data, log);

  std::string last;
  DL_ASSIGN_OR_RETURN(quotes::AttributionTagger model,
                      quotes::train_tagger(train, dev, to, [&](const std::string& line) {
                        last = line;
                        log(line);
                      }));
  const bool parsed = !train.empty() && !train[0].doc.tokens.empty() &&
                      train[0].doc.tokens[0].head != Token::kNoHead;
  model.set_header({{model::kHeaderCommand, o.command},
                    {model::kHeaderData, data},
                    {model::kHeaderSeed, std::to_string(o.seed)},
                    {"syntax", parsed ? syntax.fingerprint() : std::string("none")},
                    {"epochs", std::to_string(o.epochs)},
                    {model::kHeaderScores, last}});
  DL_RETURN_IF_ERROR(model.save(o.out));
  log("wrote " + o.out);
  return ok_status();
}

}  // namespace dateline
