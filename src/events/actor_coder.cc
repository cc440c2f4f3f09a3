// SPDX-License-Identifier: Apache-2.0
// Actor coding works in two steps. First every dictionary hit is found, longest first:
// countries, named actors and agents (sector words). Then hits that belong to one noun phrase
// are merged: they may be separated by a few filler words (articles, "of", "'s", titles,
// unknown capitalised names, a small set of adjectives), and the phrase also takes in
// determiners and quantifiers on its left. The code of a merged phrase is the dictionary's
// full actor code when there is one (a sector added to a bare country code), else country +
// the sector of the last agent (the phrase head in English).
#include "events/actor_coder.h"

#include <array>

namespace dateline::events {
namespace {

constexpr std::array<std::string_view, 45> kFillers = {
    "member",
    "the",      "of",       "'s",      "senior",   "top",       "local",     "foreign",
    "former",   "deputy",   "chief",   "new",      "main",      "ruling",    "armed",
    "federal",  "national", "central", "regional", "provincial", "state",    "some",
    "several",  "many",     "two",     "three",    "four",      "five",      "six",
    "traditional", "interim", "acting", "rebel",  "military",  "elite",     "special",
    "security", "defence",  "defense", "high-ranking", "high-level", "western", "israeli-backed",
    "pro-government", "anti-government"};

constexpr std::array<std::string_view, 18> kLeftModifiers = {
    "the", "a", "an", "some", "several", "many", "two", "three", "four", "five", "six",
    "senior", "top", "local", "former", "both", "all", "other"};

bool in(std::string_view w, const auto& list) {
  for (std::string_view x : list) {
    if (w == x) return true;
  }
  return false;
}

bool is_organisation_prefix(std::string_view code) {
  return code.starts_with("IGO") || code.starts_with("NGO") || code.starts_with("IMG");
}

}  // namespace

std::string ActorPhrase::final_code() const {
  if (!code.empty()) {
    if (code.size() == 3 && !sector.empty()) return code + sector;
    return code;
  }
  if (country.empty()) return "";
  return country + sector;
}

bool is_phrase_filler(const Word& w, bool between_countries) {
  if (w.punct) return w.norm == "-";
  if (in(w.norm, kFillers)) return true;
  if (between_countries && w.norm == "and") return true;
  if (w.capitalized) return true;  // unknown names and titles: "President Donald Trump"
  if (!w.norm.empty() && std::isdigit(static_cast<unsigned char>(w.norm[0]))) return true;
  return false;
}

constexpr std::array<std::string_view, 26> kFunctionWords = {
    "in", "on", "at", "to", "with", "by", "for", "from", "that", "which", "who", "has", "have",
    "had", "is", "are", "was", "were", "will", "would", "and", "or", "but", "as", "said", "not"};

// An unknown lower-case modifier between a country and its sector word.
bool is_modifier(const Word& w, const std::vector<Word>& words, size_t i,
                 const VerbDictionary* verbs) {
  if (!verbs || w.punct || w.capitalized || w.norm.empty()) return false;
  if (!std::isalpha(static_cast<unsigned char>(w.norm[0]))) return false;
  if (in(w.norm, kFunctionWords)) return false;
  if (!w.upos.empty()) return w.upos == "ADJ" || w.upos == "NOUN";
  return verbs->matches(words, i).empty();
}

// Dictionary hits and the entities layer's, in text order (see find_actor_phrases()).
std::vector<ActorHit> join_hits(std::vector<ActorHit> hits, std::span<const ActorHit> extra) {
  if (extra.empty()) return hits;
  std::vector<ActorHit> out;
  out.reserve(hits.size() + extra.size());
  std::vector<bool> dropped(hits.size(), false);
  std::vector<const ActorHit*> kept;
  for (const ActorHit& x : extra) {
    bool overlaps = false, replaces = x.entry->kind != ActorKind::kNamed && !x.entry->code.empty();
    for (const ActorHit& h : hits) {
      if (h.begin >= x.end || h.end <= x.begin) continue;
      overlaps = true;
      const bool inside = h.begin >= x.begin && h.end <= x.end && h.end - h.begin < x.end - x.begin;
      if (!inside || h.entry->kind != ActorKind::kCountry) replaces = false;
    }
    if (!overlaps) {
      kept.push_back(&x);
    } else if (replaces) {
      for (size_t k = 0; k < hits.size(); ++k) {
        if (hits[k].begin < x.end && hits[k].end > x.begin) dropped[k] = true;
      }
      kept.push_back(&x);
    }
  }
  size_t a = 0;
  for (size_t k = 0; k <= hits.size(); ++k) {
    while (a < kept.size() && (k == hits.size() || kept[a]->begin < hits[k].begin)) {
      out.push_back(*kept[a++]);
    }
    if (k < hits.size() && !dropped[k]) out.push_back(hits[k]);
  }
  return out;
}

std::vector<ActorPhrase> find_actor_phrases(const ActorDictionary& dict,
                                            const std::vector<Word>& words, std::string_view date,
                                            const VerbDictionary* verbs,
                                            std::span<const ActorHit> entity_hits) {
  std::vector<ActorHit> hits;
  for (size_t i = 0; i < words.size();) {
    ActorHit h = dict.longest_match(words, i, date);
    // A sector word the tagger reads as an adjective modifies a thing, not an actor ("a
    // general strike", "a military offensive"); as a filler it still joins a phrase
    // ("Palestinian security forces").
    if (h.entry && h.entry->kind == ActorKind::kAgent && h.end == h.begin + 1 &&
        words[i].upos == "ADJ") {
      h.entry = nullptr;
    }
    if (h.entry) {
      hits.push_back(h);
      i = h.end;
    } else {
      ++i;
    }
  }
  hits = join_hits(std::move(hits), entity_hits);
  std::vector<ActorPhrase> phrases;
  size_t h = 0;
  while (h < hits.size()) {
    // Merge hits [h, g) that are separated only by filler words (at most three).
    size_t g = h + 1;
    while (g < hits.size()) {
      const uint32_t gap_b = hits[g - 1].end, gap_e = hits[g].begin;
      if (gap_e - gap_b > 3) break;
      const bool countries = hits[g - 1].entry->kind != ActorKind::kAgent &&
                             hits[g].entry->kind != ActorKind::kAgent;
      const bool to_agent = hits[g - 1].entry->kind != ActorKind::kAgent &&
                            hits[g].entry->kind == ActorKind::kAgent;
      bool ok = true;
      int modifiers = 0;
      for (uint32_t k = gap_b; k < gap_e; ++k) {
        if (is_phrase_filler(words[k], countries)) continue;
        if (to_agent && ++modifiers <= 2 && is_modifier(words[k], words, k, verbs)) continue;
        ok = false;
        break;
      }
      // Two complete actors side by side are two phrases ("Israel Lebanon"), except
      // title + name or country + organisation.
      if (!ok) break;
      ++g;
    }
    ActorPhrase p;
    p.begin = hits[h].begin;
    p.end = hits[g - 1].end;
    for (size_t k = h; k < g; ++k) {
      const ActorEntry& e = *hits[k].entry;
      if (!p.source.empty()) p.source += " + ";
      p.source += e.source;
      if (hits[k].entity >= 0 && p.entity < 0) p.entity = hits[k].entity;
      if (hits[k].entity >= 0 && e.kind != ActorKind::kCountry) p.named = true;
      switch (e.kind) {
        case ActorKind::kNamed:
          break;
        case ActorKind::kActor:
          if (p.code.empty()) p.code = e.code;
          if (p.country.empty()) p.country = e.code.substr(0, 3);
          break;
        case ActorKind::kCountry:
          // "NATO-member Norway", "EU member Poland": an organisation modifying a country
          // is a description; the country is the head.
          if (!p.code.empty() && is_organisation_prefix(p.code) && e.code.size() == 3 &&
              !is_organisation_prefix(e.code)) {
            p.code.clear();
            p.country.clear();
          }
          if (p.country.empty()) p.country = e.code.substr(0, 3);
          if (p.code.empty() && e.code.size() > 3) p.code = e.code;
          break;
        case ActorKind::kAgent:
          p.sector = e.code;  // the last agent is the head: "Defence Secretary" after "US"
          break;
      }
    }
    // Determiners, numbers and a few adjectives on the left belong to the phrase.
    while (p.begin > 0) {
      const Word& w = words[p.begin - 1];
      const bool num = !w.norm.empty() && std::isdigit(static_cast<unsigned char>(w.norm[0]));
      if (!in(w.norm, kLeftModifiers) && !num) break;
      if (w.norm == "local") p.local = true;
      --p.begin;
    }
    for (uint32_t k = p.begin; k < p.end; ++k) {
      if (words[k].norm == "local") p.local = true;
    }
    // A plural demonym alone ("Albanians", "Serbs", whose singular is a demonym too) names a
    // people; after "ethnic" it names an ethnic group, whose country is where it lives.
    if (hits[h].entry->kind == ActorKind::kCountry && hits[h].end == hits[h].begin + 1) {
      const std::string& n = words[hits[h].begin].norm;
      const bool people = n.size() > 3 && n.back() == 's' &&
                          dict.has_country(std::string_view(n).substr(0, n.size() - 1));
      if (people && g == h + 1) p.people = true;
      // "the Serbs of Croatia": the people of the country named after them.
      if (people && g > h + 1 && hits[h + 1].entry->kind == ActorKind::kCountry &&
          hits[h + 1].begin > hits[h].end &&
          (words[hits[h + 1].begin - 1].norm == "of" ||
           words[hits[h + 1].begin - 1].norm == "in")) {
        p.country = hits[h + 1].entry->code.substr(0, 3);
        p.code.clear();
        if (p.sector.empty()) p.sector = "CVL";
        p.source += " (people of the country named after them)";
      }
      if (hits[h].begin > 0 && words[hits[h].begin - 1].norm == "ethnic" &&
          (g == h + 1 || p.code.empty())) {
        p.ethnic = true;
        p.country.clear();
        p.code.clear();
        if (p.sector.empty()) p.sector = "CVL";
        p.source += " (ethnic group)";
      }
    }
    phrases.push_back(std::move(p));
    h = g;
  }
  return phrases;
}

}  // namespace dateline::events
