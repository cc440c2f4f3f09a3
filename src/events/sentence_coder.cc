// SPDX-License-Identifier: Apache-2.0
// Coding one sentence, in three parts: triggers (triggers.cc: which words carry an event, their
// voice, negation and modality, and which triggers are complements of others), participants
// (participants.cc: actor and target from word order and the dependency parse) and events
// (event_builder.cc: type after the intent rule, implicit participants, place, date, why).
// This file holds what comes before them: the sentence's words and actor phrases, and the
// context that gives sector-only phrases a country.
#include "events/sentence_coder.h"

#include "events/event_builder.h"
#include "events/event_features.h"
#include "events/participants.h"
#include "events/sentence_parse.h"
#include "events/triggers.h"
#include "events/word_classes.h"

namespace dateline::events {

SentenceView view_sentence(const EventDictionaries& dicts, const Document& doc, uint32_t s,
                           const std::string& date, std::span<const EntityActor> entity_actors,
                           std::span<const uint32_t> mentions) {
  SentenceView v;
  v.index = s;
  const Sentence& sent = doc.sentences[s];
  v.words = split_words(doc, sent.token_begin, sent.token_end);
  const std::vector<ActorHit> extra = entity_hits(doc, mentions, v.words, entity_actors);
  v.phrases = find_actor_phrases(dicts.actors, v.words, date, &dicts.verbs, extra);
  v.phrase_at.assign(v.words.size(), -1);
  for (size_t p = 0; p < v.phrases.size(); ++p) {
    for (uint32_t k = v.phrases[p].begin; k < v.phrases[p].end; ++k) {
      v.phrase_at[k] = static_cast<int32_t>(p);
    }
  }
  return v;
}

void count_actors(const SentenceView& view, DocumentContext& ctx) {
  for (const ActorPhrase& p : view.phrases) {
    if (p.country.empty()) continue;
    const bool place = p.begin > 0 && one_of(view.words[p.begin - 1].norm, kPlacePrepositions);
    if (!place) ++ctx.actor_counts[p.country];
    // "Moroccan King Hassan": the code his other mentions ("he", "Hassan") take.
    if (p.named && p.entity >= 0 && !ctx.entity_codes.contains(p.entity)) {
      ctx.entity_codes[p.entity] = {p.country, p.sector, p.code, p.source};
    }
  }
}

namespace {

// The article's principal country: the one that names actors most often (ties by code).
std::string principal_country(const DocumentContext& ctx) {
  std::string best;
  int best_n = 0;
  for (const auto& [c, n] : ctx.actor_counts) {
    if (c.size() != 3 || c == "IGO" || c == "NGO" || c == "IMG") continue;
    if (n > best_n || (n == best_n && c < best)) {
      best = c;
      best_n = n;
    }
  }
  return best;
}

}  // namespace

void resolve_phrases(const Document& doc, SentenceView& view, DocumentContext& ctx) {
  const std::vector<Word>& words = view.words;
  for (size_t pi = 0; pi < view.phrases.size(); ++pi) {
    ActorPhrase& p = view.phrases[pi];
    const bool place = p.begin > 0 && one_of(words[p.begin - 1].norm, kPlacePrepositions);
    if (p.entity >= 0 && p.country.empty()) {
      if (auto it = ctx.entity_codes.find(p.entity); it != ctx.entity_codes.end()) {
        const DocumentContext::EntityCode& c = it->second;
        p.country = c.country;
        if (p.sector.empty()) p.sector = c.sector;
        if (p.code.empty() && c.code.size() > 3) p.code = c.code;
        p.source += " + the code its entity has elsewhere in the article (" + c.source + ")";
      }
    }
    if (p.people || p.ethnic) {
      // "Albanians of southern Serbia", "ethnic Turks in Sweden": the people where they live.
      uint32_t n = p.end;
      // "guerrillas operating in Macedonia", "Kurds living in Turkey", "Serbs based in ..."
      if (n + 1 < words.size() && words[n + 1].norm == "in" &&
          (words[n].norm.ends_with("ing") || words[n].norm == "based")) {
        ++n;
      }
      if (n < words.size() && (words[n].norm == "in" || words[n].norm == "of")) {
        ++n;
        while (n < words.size() && n <= p.end + 3 && !words[n].capitalized && !words[n].punct) ++n;
        const int32_t q = n < words.size() ? view.phrase_at[n] : -1;
        const ActorPhrase* home = q >= 0 && static_cast<size_t>(q) != pi
                                      ? &view.phrases[static_cast<size_t>(q)]
                                      : nullptr;
        if (home && !home->country.empty() && home->sector.empty()) {
          p.country = home->country;
          p.code.clear();
          if (p.sector.empty()) p.sector = "CVL";
          p.source += " + country from residence";
        }
      }
    }
    if (p.country.empty()) {
      std::string how;
      // "forces in Guinea", "the government of Mexico"
      if (p.end + 1 < words.size() && pi + 1 < view.phrases.size() &&
          view.phrases[pi + 1].begin == p.end + 1 &&
          (words[p.end].norm == "in" || words[p.end].norm == "of" ||
           words[p.end].norm == "from") &&
          !view.phrases[pi + 1].country.empty()) {
        p.country = view.phrases[pi + 1].country;
        how = "postmodifier";
      } else if (p.begin > 0 && one_of(words[p.begin - 1].norm, kPossessives)) {
        // "its government", "whose administration": the nearest coded actor before it.
        for (size_t q = pi; q-- > 0;) {
          if (!view.phrases[q].country.empty()) {
            p.country = view.phrases[q].country;
            break;
          }
        }
        if (p.country.empty()) p.country = ctx.last_country;
        how = "owner";
      } else if (p.local && !ctx.last_place_country.empty()) {
        p.country = ctx.last_place_country;
        how = "local: the story's place";
      } else if (!p.ethnic) {
        const Span s{words[p.begin].span.begin, words[p.end - 1].span.end};
        for (uint32_t mi : ctx.mentions_of(view.index)) {
          const Mention& m = doc.mentions[mi];
          if (m.span.overlaps(s) && m.entity >= 0 &&
              !doc.entities[static_cast<size_t>(m.entity)].country.empty()) {
            p.country = doc.entities[static_cast<size_t>(m.entity)].country;
            how = "entities layer";
            break;
          }
        }
      }
      // A person or organisation known only by a sector ("Sen. Ted Cruz"): the country the
      // article is about.
      if (p.country.empty() && p.named && !p.sector.empty()) {
        p.country = principal_country(ctx);
        how = "the article's principal country";
      }
      if (!p.country.empty()) p.source += " + country from " + how;
    }
    if (!p.country.empty()) {
      if (place) {
        ctx.last_place_country = p.country;
      } else {
        ctx.last_country = p.country;
      }
    }
  }
}

void code_sentence(const EventDictionaries& dicts, const Document& doc, const SentenceView& view,
                   const DocumentContext& ctx, std::vector<Event>& out) {
  const SentenceParse parse(doc, view);
  const CoderInput in{dicts, doc, view, parse, ctx};
  std::vector<Trigger> triggers = find_triggers(in);
  if (dicts.model && parse.parsed()) {
    add_model_candidates(in, triggers);
    apply_model(in, triggers);
  }
  add_reported_obligations(in, triggers);
  link_complements(in, triggers);
  if (parse.parsed()) mark_non_assertions(in, triggers);
  find_participants(in, triggers);
  build_events(in, triggers, out);
}

void collect_candidates(const EventDictionaries& dicts, const Document& doc,
                        const SentenceView& view, const DocumentContext& ctx, bool names,
                        std::vector<TriggerCandidate>& out) {
  const SentenceParse parse(doc, view);
  if (!parse.parsed()) return;
  const CoderInput in{dicts, doc, view, parse, ctx};
  std::vector<Trigger> triggers = find_triggers(in);
  add_model_candidates(in, triggers);
  for (const Trigger& t : triggers) {
    if (!t.is_event()) continue;
    TriggerCandidate c;
    c.sentence = view.index;
    c.head = view.words[t.head_word].span;
    c.trigger = {view.words[t.begin].span.begin, view.words[t.end - 1].span.end};
    const Word& w = view.words[t.head_word];
    c.lemma = !w.lemma.empty() ? w.lemma : w.norm;
    c.dictionary_type = t.type;
    c.dictionary_cameo = t.cameo;
    trigger_features(in, t, c.keys, names ? &c.names : nullptr);
    out.push_back(std::move(c));
  }
}

}  // namespace dateline::events
