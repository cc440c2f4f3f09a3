// SPDX-License-Identifier: Apache-2.0
#include "events/entity_actors.h"

#include <algorithm>

#include "events/actor_coder.h"

namespace dateline::events {
namespace {

// The dictionary row of the whole phrase `name`, valid on `date`; nullptr when none covers it.
const ActorEntry* whole_phrase(const ActorDictionary& dict, std::string_view name,
                               std::string_view date) {
  const std::vector<Word> words = words_of_phrase(name);
  if (words.empty()) return nullptr;
  const ActorHit h = dict.longest_match(words, 0, date);
  return h.entry && h.end == words.size() ? h.entry : nullptr;
}

// Country and sector a phrase of words gives ("Gambian President" -> GMB, GOV; "former
// Florida governor" -> "", ELI). A former office holder is an elite (PLOVER sector ELI).
bool code_from_words(const ActorDictionary& dict, std::string_view text, std::string_view date,
                     std::string& country, std::string& sector, std::string& code,
                     std::string& source) {
  const std::vector<Word> words = words_of_phrase(text);
  const std::vector<ActorPhrase> phrases = find_actor_phrases(dict, words, date);
  for (const ActorPhrase& p : phrases) {
    if (p.sector.empty() && p.code.size() <= 3 && p.country.empty()) continue;
    country = p.country;
    sector = p.sector;
    code = p.code;
    source = p.source;
    for (const Word& w : words) {
      if (w.norm == "former" || w.norm == "ex") {
        sector = "ELI";
        if (code.size() > 3) code = code.substr(0, 3);
      }
    }
    return !sector.empty() || !country.empty() || !code.empty();
  }
  return false;
}

// True when the gazetteer typed the place only through an ISO 3166-2 subdivision name, which
// it marks as weak evidence ("Gulf" is also a province of Papua New Guinea); the entities
// layer writes the source into `why`.
bool weak_place(const Entity& e) {
  return e.why.find("gazetteer iso_3166-2:") != std::string::npos;
}

EntityActor code_entity(const ActorDictionary& dict, const Entity& e, std::string_view date,
                        const std::vector<std::string>& strong_countries /* sorted, unique */) {
  EntityActor a;
  a.entry.kind = ActorKind::kNamed;
  const std::string what = std::string(to_string(e.type)) + " '" + e.name + "'";
  if (e.type == EntityType::kGpe || e.type == EntityType::kLoc || e.type == EntityType::kNorp) {
    if (const ActorEntry* d = whole_phrase(dict, e.name, date); d && e.type == EntityType::kNorp) {
      a.entry = *d;  // "Republicans" -> USAPTY
      a.entry.source = "entities: " + what + " = " + d->source;
      a.participant = true;
      return a;
    }
    if (e.country.size() != 3) return a;
    // A subdivision name alone is trusted when it has two words ("New Jersey") or the
    // article names its country otherwise.
    if (weak_place(e) && e.name.find(' ') == std::string::npos &&
        !std::binary_search(strong_countries.begin(), strong_countries.end(), e.country)) {
      return a;
    }
    a.entry.kind = ActorKind::kCountry;
    a.entry.code = e.country;
    a.entry.source = "entities: " + what + " in " + e.country;
    a.participant = true;
    return a;
  }
  if (e.type != EntityType::kPerson && e.type != EntityType::kOrg) return a;
  a.participant = true;
  if (const ActorEntry* d = whole_phrase(dict, e.name, date)) {
    a.entry = *d;
    if (a.entry.kind == ActorKind::kCountry && e.type == EntityType::kPerson) {
      a.entry.kind = ActorKind::kNamed;  // "Jordan" the person is not the country
      a.entry.code.clear();
    } else {
      a.entry.source = "entities: " + what + " = " + d->source;
      return a;
    }
  }
  std::string country, sector, code, source;
  // A person's titles as the article states them, then an organisation's own words.
  for (const Title& t : e.titles) {
    if (!code_from_words(dict, t.text, date, country, sector, code, source)) continue;
    if (country.empty() && t.country.size() == 3) country = t.country;
    source = "title '" + t.text + "' (" + source + ")";
    break;
  }
  // An organisation's own words ("Mexican Interior Ministry"), a title inside a person's
  // name ("King Hassan").
  if (sector.empty() && code.empty() &&
      code_from_words(dict, e.name, date, country, sector, code, source)) {
    source = "words of the name (" + source + ")";
  }
  if (country.empty() && e.country.size() == 3) country = e.country;
  if (code.size() > 3) {
    a.entry.kind = ActorKind::kActor;
    a.entry.code = code;
  } else if (!country.empty()) {
    a.entry.kind = ActorKind::kActor;
    a.entry.code = country + sector;
  } else if (!sector.empty()) {
    a.entry.kind = ActorKind::kAgent;
    a.entry.code = sector;
  }
  if (a.entry.kind == ActorKind::kNamed) {
    a.entry.source =
        "entities: " + what + " named, but no dictionary row, title or country codes it";
  } else {
    a.entry.source = "entities: " + what + " by its " + source;
  }
  return a;
}

}  // namespace

std::vector<EntityActor> code_entities(const ActorDictionary& dict, const Document& doc,
                                       std::string_view date) {
  std::vector<std::string> strong_countries;
  for (const Entity& e : doc.entities) {
    if ((e.type == EntityType::kGpe || e.type == EntityType::kNorp) && e.country.size() == 3 &&
        !weak_place(e)) {
      strong_countries.push_back(e.country);
    }
  }
  // Sorted and unique: one look-up per weak place, not a scan of every entity.
  std::sort(strong_countries.begin(), strong_countries.end());
  strong_countries.erase(std::unique(strong_countries.begin(), strong_countries.end()),
                         strong_countries.end());
  std::vector<EntityActor> out;
  out.reserve(doc.entities.size());
  for (const Entity& e : doc.entities) out.push_back(code_entity(dict, e, date, strong_countries));
  return out;
}

std::vector<std::vector<uint32_t>> mentions_by_sentence(const Document& doc) {
  std::vector<std::vector<uint32_t>> out(doc.sentences.size());
  for (uint32_t i = 0; i < doc.mentions.size(); ++i) {
    const uint32_t s = doc.mentions[i].sentence;
    if (s < out.size()) out[s].push_back(i);
  }
  return out;
}

std::vector<ActorHit> entity_hits(const Document& doc, std::span<const uint32_t> mentions,
                                  const std::vector<Word>& words,
                                  std::span<const EntityActor> actors) {
  std::vector<const Mention*> in_sentence;
  for (uint32_t i : mentions) {
    const Mention& m = doc.mentions[i];
    if (m.entity < 0 || static_cast<size_t>(m.entity) >= actors.size()) continue;
    if (actors[static_cast<size_t>(m.entity)].participant) in_sentence.push_back(&m);
  }
  std::stable_sort(in_sentence.begin(), in_sentence.end(), [](const Mention* a, const Mention* b) {
    return a->span.begin < b->span.begin;
  });
  std::vector<ActorHit> hits;
  size_t w = 0;
  for (const Mention* mp : in_sentence) {
    const Mention& m = *mp;
    const EntityActor& a = actors[static_cast<size_t>(m.entity)];
    while (w < words.size() && words[w].span.end <= m.span.begin) ++w;
    uint32_t b = static_cast<uint32_t>(w), e = b;
    while (e < words.size() && words[e].span.begin < m.span.end) ++e;
    // Trailing punctuation or a possessive the mention took in is not part of the name.
    while (e > b && (words[e - 1].punct || words[e - 1].norm == "'s")) --e;
    if (e == b || words[b].span.begin < m.span.begin) continue;
    if (!hits.empty() && hits.back().end > b) continue;
    hits.push_back({b, e, &a.entry, m.entity});
  }
  return hits;
}

}  // namespace dateline::events
