// SPDX-License-Identifier: Apache-2.0
// The event stage: loads the dictionaries once, then codes each article in two passes over
// its sentences. The first pass finds the actor phrases of every sentence and counts the
// countries that act in the article (its principal actor stands in for the missing agent of
// a passive: "cartels were designated as terrorist organisations"). The second pass gives
// sector-only phrases a country from their context and codes the events sentence by sentence
// (sentence_coder.cc), in text order, so "local authorities" can refer back to the place the
// story is in.
#include "events/event_coder.h"

#include <algorithm>
#include <filesystem>

#include "events/entity_actors.h"
#include "events/petrarch_importer.h"
#include "events/sentence_coder.h"
#include "events/tsv.h"
#include "model/hash.h"

namespace dateline::events {

Result<EventCoder> EventCoder::load(const EventCoderOptions& options) {
  auto dicts = std::make_unique<EventDictionaries>();
  uint64_t hash = 1469598103934665603ULL;
  if (!options.dictionaries_dir.empty()) {
    ImportStats stats;
    DL_RETURN_IF_ERROR(import_petrarch_dir(options.dictionaries_dir, dicts->verbs, dicts->actors, stats));
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(options.dictionaries_dir, ec)) {
      if (f.is_regular_file()) hash_file_into(f.path().string(), hash);
    }
  }
  const std::string dir = options.lexicons_dir.empty() ? "." : options.lexicons_dir;
  // The project's own lexicons load last, so their entries win over imported ones.
  DL_RETURN_IF_ERROR(dicts->actors.load_actors_tsv(dir + "/actors.tsv"));
  DL_RETURN_IF_ERROR(dicts->actors.load_agents_tsv(dir + "/agents.tsv"));
  DL_RETURN_IF_ERROR(dicts->verbs.load_tsv(dir + "/verbs.tsv"));
  DL_ASSIGN_OR_RETURN(dicts->cameo, CameoTable::load(dir + "/cameo.tsv"));
  for (const char* f : {"/actors.tsv", "/agents.tsv", "/verbs.tsv", "/cameo.tsv"}) {
    hash_file_into(dir + f, hash);
  }
  if (!options.models_dir.empty()) {
    const std::string model_path = options.models_dir + "/" + kTriggerModelFile;
    Result<TriggerModel> model = options.features_only
                                     ? Result<TriggerModel>(error(ErrorCode::kNotFound, ""))
                                     : TriggerModel::load(model_path);
    if (!model.ok() && model.status().code() != ErrorCode::kNotFound) return model.status();
    if (model.ok() || options.features_only) {
      // The model reads WordNet and word-cluster features: both are required with it.
      DL_ASSIGN_OR_RETURN(dicts->wordnet, WordNetLexicon::load(dir + "/wordnet_events.tsv"));
      hash_file_into(dir + "/wordnet_events.tsv", hash);
      DL_ASSIGN_OR_RETURN(dicts->clusters, clusters::WordClusters::load(options.models_dir + "/" +
                                                                        clusters::kClustersFile));
    }
    if (model.ok()) {
      hash_file_into(model_path, hash);
      dicts->model = std::move(model).value();
    }
  }
  EventCoder coder;
  coder.dicts_ = std::move(dicts);
  coder.fingerprint_ = model::hex16(hash);
  return coder;
}

EventCoder EventCoder::from_dictionaries(EventDictionaries dictionaries, std::string fingerprint) {
  EventCoder coder;
  coder.dicts_ = std::make_unique<EventDictionaries>(std::move(dictionaries));
  coder.fingerprint_ = std::move(fingerprint);
  return coder;
}

// The two passes over an article (see the file comment), calling code(view, ctx) for each
// sentence of the second.
template <typename F>
void EventCoder::for_each_sentence(const Document& doc, F&& code) const {
  DocumentContext ctx;
  ctx.date = doc.meta.published;
  const std::vector<EntityActor> entity_actors = code_entities(dicts_->actors, doc, ctx.date);
  ctx.mentions_by_sentence = mentions_by_sentence(doc);
  ctx.quotes_by_sentence.resize(doc.sentences.size());
  for (uint32_t q = 0; q < doc.quotes.size(); ++q) {
    std::vector<Span> spans = doc.quotes[q].content;
    if (!doc.quotes[q].cue.empty()) spans.push_back(doc.quotes[q].cue);
    for (const Span& sp : spans) {
      // Sentences are in text order: the first that ends after the span's start, onwards.
      auto it = std::partition_point(doc.sentences.begin(), doc.sentences.end(),
                                     [&](const Sentence& s) { return s.span.end <= sp.begin; });
      for (; it != doc.sentences.end() && it->span.begin < sp.end; ++it) {
        std::vector<uint32_t>& list = ctx.quotes_by_sentence[static_cast<size_t>(it - doc.sentences.begin())];
        if (list.empty() || list.back() != q) list.push_back(q);
      }
    }
  }
  std::vector<SentenceView> views;
  views.reserve(doc.sentences.size());
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    if (doc.sentences[s].boilerplate) continue;
    views.push_back(view_sentence(*dicts_, doc, s, ctx.date, entity_actors, ctx.mentions_of(s)));
    count_actors(views.back(), ctx);
  }
  for (SentenceView& v : views) {
    resolve_phrases(doc, v, ctx);
    code(v, ctx);
  }
}

Status EventCoder::annotate(Document& doc) const {
  if (!dicts_) return ok_status();
  std::vector<Event> events;
  for_each_sentence(doc, [&](const SentenceView& v, const DocumentContext& ctx) {
    code_sentence(*dicts_, doc, v, ctx, events);
  });
  doc.events = std::move(events);
  return ok_status();
}

std::vector<TriggerCandidate> EventCoder::candidates(const Document& doc, bool names) const {
  std::vector<TriggerCandidate> out;
  if (!dicts_) return out;
  for_each_sentence(doc, [&](const SentenceView& v, const DocumentContext& ctx) {
    collect_candidates(*dicts_, doc, v, ctx, names, out);
  });
  return out;
}

}  // namespace dateline::events
