// SPDX-License-Identifier: Apache-2.0
// The event stage: loads the dictionaries once, then codes each article in two passes over
// its sentences. The first pass finds the actor phrases of every sentence and counts the
// countries that act in the article (its principal actor stands in for the missing agent of
// a passive: "cartels were designated as terrorist organisations"). The second pass gives
// sector-only phrases a country from their context and codes the events sentence by sentence
// (sentence_coder.cc), in text order, so "local authorities" can refer back to the place the
// story is in.
#include "events/event_coder.h"

#include <filesystem>

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

Status EventCoder::annotate(Document& doc) const {
  if (!dicts_) return ok_status();
  DocumentContext ctx;
  ctx.date = doc.meta.published;
  std::vector<SentenceView> views;
  views.reserve(doc.sentences.size());
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    if (doc.sentences[s].boilerplate) continue;
    views.push_back(view_sentence(*dicts_, doc, s, ctx.date));
    count_actors(views.back(), ctx);
  }
  for (SentenceView& v : views) {
    resolve_phrases(doc, v, ctx);
    code_sentence(*dicts_, doc, v, ctx, doc.events);
  }
  return ok_status();
}

}  // namespace dateline::events
