// SPDX-License-Identifier: Apache-2.0
// Person coreference inside one article, rule-based in the manner of the deterministic
// sieves of Lee et al. (2013), reduced to what news needs:
//  1. names: a name joins the most recent person whose name it equals or whose surname
//     (last word) it is; a longer name of the same person ("Donald Trump" after "Trump")
//     joins and becomes the entity's name;
//  2. an ORG or place name that is a known person's surname ("the Trump administration")
//     is that person;
//  3. title-only descriptions ("the president", "the adviser") join the most recent person
//     holding a title with that head word within the last 10 sentences;
//  4. he/him/his/she/her resolve to a person of compatible gender (given name, honorific,
//     gendered title, or an earlier pronoun) in the same or the two previous sentences,
//     preferring the same sentence, then a subject (parsed nsubj, or the first person of
//     the sentence), then the nearest.
// Other names merge by gazetteer identity (US = United States) or by their spelling.
#include "entities/coreference.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "entities/titles.h"

namespace dateline::entities {
namespace {

// Towns smaller than this share their names with too many other places and words for the
// largest GeoNames place of the name to be a safe guess.
constexpr uint32_t kMinGeoNamesPopulation = 15000;

// The GeoNames place a place name without a gazetteer entry most likely means, or null.
const CityInfo* place_of(const Gazetteer& gazetteer, EntityType type, std::string_view name) {
  if (type != EntityType::kGpe && type != EntityType::kLoc) return nullptr;
  const CityInfo* city = gazetteer.name_lists().city(name);
  return city && city->population >= kMinGeoNamesPopulation ? city : nullptr;
}

struct Draft {
  Entity entity;
  std::vector<std::string> words;  // of the longest name, for matching
  uint32_t name_size = 0;          // bytes of the longest name
  char gender = 0;
  uint32_t last_sentence = 0;
  size_t last_order = 0;           // position of its latest mention, for recency
};

struct MentionDraft {
  Mention mention;
  size_t words = 0;  // name words, 0 for pronouns and nominals
};

std::vector<std::string> name_words(std::span<const Word> words, const Name& n) {
  std::vector<std::string> out;
  for (uint32_t k = n.begin; k < n.end; ++k) {
    std::string_view w = words[k].text;
    if (w == "." || w == ",") continue;
    out.emplace_back(w);
  }
  return out;
}

std::string normal_key(std::string_view s) {
  std::string lower;
  lower_ascii(s, lower);
  if (lower.rfind("the ", 0) == 0) lower = lower.substr(4);
  std::string out;
  for (char c : lower)
    if (c != '.') out += c;
  return out;
}

// How well the name `w` fits person `e`: 0 no, 3 same, 2 surname, 1 given name only.
[[maybe_unused]] int person_match(const std::vector<std::string>& w,
                                  const std::vector<std::string>& e) {
  if (w.empty() || e.empty()) return 0;
  if (w == e) return 3;
  if (w.size() == 1) {
    if (w[0] == e.back()) return 2;
    if (e.size() > 1 && w[0] == e.front()) return 1;
    return 0;
  }
  if (e.size() == 1 && w.back() == e[0]) return 2;  // a fuller form of a known surname
  if (w.front() == e.front() && w.back() == e.back()) return 3;  // with/without middle name
  return 0;
}

// The people found so far, indexed for the sieves' look-ups so that each costs O(log n)
// rather than a pass over every person of the article (an article naming thousands of
// people made linking quadratic). A person is filed under the keys of its name words, and
// under the head of each title it holds; each key keeps its people ordered by their last
// mention, so "the most recent person whose surname is X" is the last of one set. The
// sieves' answers are the same as scanning every person with person_match() and keeping
// the best score, then the most recent.
class PersonIndex {
 public:
  enum Kind : char {
    kSingle = '1',     ///< a one-word name: its word
    kBack = 'b',       ///< a longer name: its last word
    kFront = 'f',      ///< a longer name: its first word
    kFrontBack = 'x',  ///< a longer name: first and last word
    kTitleHead = 't',  ///< the head word of a title held
  };

  /// The person with key `kind`+`key` mentioned last, or -1.
  int32_t most_recent(Kind kind, std::string_view key) const {
    auto it = people_.find(make_key(kind, key));
    return it == people_.end() || it->second.empty() ? -1 : it->second.rbegin()->second;
  }

  /// Files person `d` (mentioned last at `order`) under the keys of its name `words`,
  /// replacing the keys of its previous name.
  void set_name(int32_t d, const std::vector<std::string>& words, size_t order) {
    Keys& keys = keys_of(d);
    for (std::string& k : keys.name) people_[k].erase({order, d});
    keys.name.clear();
    if (words.size() == 1) {
      keys.name.push_back(make_key(kSingle, words[0]));
    } else if (words.size() > 1) {
      keys.name.push_back(make_key(kBack, words.back()));
      keys.name.push_back(make_key(kFront, words.front()));
      keys.name.push_back(make_key(kFrontBack, words.front() + "|" + words.back()));
    }
    for (const std::string& k : keys.name) people_[k].insert({order, d});
  }

  /// Files person `d` under the head word of a title it holds.
  void add_title_head(int32_t d, std::string_view head, size_t order) {
    Keys& keys = keys_of(d);
    std::string k = make_key(kTitleHead, head);
    if (std::find(keys.titles.begin(), keys.titles.end(), k) != keys.titles.end()) return;
    people_[k].insert({order, d});
    keys.titles.push_back(std::move(k));
  }

  /// Person `d`, last mentioned at `old_order`, is mentioned again at `order`.
  void touch(int32_t d, size_t old_order, size_t order) {
    if (size_t(d) >= keys_.size()) return;
    for (const auto* list : {&keys_[size_t(d)].name, &keys_[size_t(d)].titles}) {
      for (const std::string& k : *list) {
        auto& set = people_[k];
        set.erase({old_order, d});
        set.insert({order, d});
      }
    }
  }

 private:
  struct Keys {
    std::vector<std::string> name, titles;
  };
  static std::string make_key(Kind kind, std::string_view key) {
    return std::string(1, char(kind)) + std::string(key);
  }
  Keys& keys_of(int32_t d) {
    if (keys_.size() <= size_t(d)) keys_.resize(size_t(d) + 1);
    return keys_[size_t(d)];
  }
  std::unordered_map<std::string, std::set<std::pair<size_t, int32_t>>> people_;
  std::vector<Keys> keys_;  ///< by person
};

bool is_subject(const Document& doc, const Word& w) {
  if (w.token < 0) return false;
  const std::string& rel = doc.tokens[w.token].deprel;
  return rel == "nsubj" || rel == "nsubj:pass";
}

}  // namespace

char pronoun_gender(std::string_view lower) {
  if (lower == "he" || lower == "him" || lower == "his" || lower == "himself") return 'm';
  if (lower == "she" || lower == "her" || lower == "hers" || lower == "herself") return 'f';
  return 0;
}

void link_entities(const Gazetteer& gazetteer, std::span<const AnalysedSentence> sentences,
                   Document& doc) {
  std::vector<Draft> drafts;
  std::vector<MentionDraft> mentions;
  std::map<std::string, int32_t> by_key;  // non-person identity -> draft
  size_t order = 0;
  std::string lower;

  PersonIndex people;  // the person drafts, for the sieves' look-ups
  auto add_mention = [&](int32_t entity, const AnalysedSentence& s, Span span, MentionKind kind,
                         size_t words, std::string why) {
    Mention m;
    m.span = span;
    m.entity = entity;
    m.sentence = s.index;
    m.kind = kind;
    m.why = std::move(why);
    mentions.push_back({std::move(m), words});
    drafts[entity].last_sentence = s.index;
    const size_t old_order = drafts[entity].last_order;
    drafts[entity].last_order = ++order;
    if (drafts[entity].entity.type == EntityType::kPerson) people.touch(entity, old_order, order);
  };

  // A person mention seen so far, for pronoun and nominal resolution.
  struct Seen {
    int32_t entity;
    uint32_t sentence;  // position in `sentences`
    uint32_t word;
    bool subject;
  };
  std::vector<Seen> seen;

  for (uint32_t si = 0; si < sentences.size(); ++si) {
    const AnalysedSentence& s = sentences[si];
    std::span<const Word> words = s.words;
    bool first_person_in_sentence = true;
    size_t next_name = 0;
    for (uint32_t wi = 0; wi < words.size(); ++wi) {
      // Names starting here.
      if (next_name < s.names.size() && s.names[next_name].begin == wi) {
        const Name& n = s.names[next_name];
        size_t name_index = next_name++;
        Span span{words[n.begin].span.begin, words[n.end - 1].span.end};
        std::vector<std::string> nw = name_words(words, n);
        EntityType type = n.type;
        // Sieve 1: the person whose name fits best (person_match(): same name 3, surname 2,
        // given name 1), the most recent of those. Sieve 2: a single-word non-person name
        // that is a known person's surname.
        int32_t best = -1;
        int best_score = 0;
        bool strong_place = n.gazetteer_entry >= 0 && !gazetteer.entries()[n.gazetteer_entry].weak;
        if (nw.empty()) {
          // no words to match
        } else if (type != EntityType::kPerson) {
          if (nw.size() == 1 && !strong_place) {
            best = people.most_recent(PersonIndex::kBack, nw[0]);
            best_score = best >= 0 ? 2 : 0;
          }
        } else if (nw.size() == 1) {
          static constexpr std::pair<PersonIndex::Kind, int> kBySingleWord[] = {
              {PersonIndex::kSingle, 3}, {PersonIndex::kBack, 2}, {PersonIndex::kFront, 1}};
          for (const auto& [kind, score] : kBySingleWord) {
            best = people.most_recent(kind, nw[0]);
            if (best >= 0) {
              best_score = score;
              break;
            }
          }
        } else {
          best = people.most_recent(PersonIndex::kFrontBack, nw.front() + "|" + nw.back());
          best_score = 3;
          if (best < 0) {
            best = people.most_recent(PersonIndex::kSingle, nw.back());
            best_score = 2;
          }
          if (best < 0) best_score = 0;
        }
        DL_DCHECK(best < 0 || person_match(nw, drafts[size_t(best)].words) == best_score);
        if (best >= 0) type = EntityType::kPerson;
        if (type == EntityType::kPerson) {
          if (best < 0) {
            Draft d;
            d.entity.type = EntityType::kPerson;
            d.entity.why = n.why;
            drafts.push_back(std::move(d));
            best = static_cast<int32_t>(drafts.size() - 1);
          }
          Draft& d = drafts[best];
          if (span.size() > d.name_size && nw.size() >= d.words.size()) {
            d.entity.name = std::string(doc.slice(span));
            d.words = nw;
            d.name_size = span.size();
            if (nw.size() > 1 && !d.gender) d.gender = gazetteer.given_name_gender(nw.front());
            people.set_name(best, d.words, d.last_order);
          }
          // An honorific right before the name tells the gender ("Ms. Sheinbaum").
          if (n.begin > 0) {
            lower_ascii(words[n.begin - 1].text, lower);
            TitleWord tw = gazetteer.title_word(lower);
            if (tw.gender) d.gender = tw.gender;
          }
          for (Title& t : find_titles(doc, gazetteer, words, s.names, name_index)) {
            std::string key = normal_key(t.text);
            bool dup = false;
            for (const Title& old : d.entity.titles) dup |= normal_key(old.text) == key;
            std::string head = title_head(gazetteer, t.text);
            if (!d.gender && !head.empty()) d.gender = gazetteer.title_word(head).gender;
            if (!dup) {
              people.add_title_head(best, head, d.last_order);
              d.entity.titles.push_back(std::move(t));
            }
          }
          add_mention(best, s, span, MentionKind::kName, nw.size(),
                      best_score == 0 ? n.why : "name: same person as an earlier name");
          seen.push_back({best, si, wi, is_subject(doc, words[n.end - 1]) || first_person_in_sentence});
          first_person_in_sentence = false;
        } else {
          std::string key;
          const GazetteerEntry* ge =
              n.gazetteer_entry >= 0 ? &gazetteer.entries()[n.gazetteer_entry] : nullptr;
          if (ge && !ge->wikidata.empty()) key = "wd:" + ge->wikidata;
          // An acronym defined in the article is keyed by the name it stands for.
          else key = std::string(to_string(type)) + ":" +
                     normal_key(n.long_form.empty() ? doc.slice(span) : n.long_form);
          auto [it, inserted] = by_key.emplace(key, static_cast<int32_t>(drafts.size()));
          if (inserted) {
            Draft d;
            d.entity.type = type;
            d.entity.why = n.why;
            if (ge) {
              d.entity.country = ge->country;
              d.entity.wikidata = ge->wikidata;
              d.entity.latitude = ge->latitude;
              d.entity.longitude = ge->longitude;
              d.entity.has_coordinates = ge->has_coordinates;
            } else if (const CityInfo* city = place_of(gazetteer, type, doc.slice(span))) {
              d.entity.country = city->country;
              d.entity.latitude = city->latitude;
              d.entity.longitude = city->longitude;
              d.entity.has_coordinates = true;
              d.entity.why += "; GeoNames " + std::to_string(city->geonames_id) +
                              " (largest place of that name, population " +
                              std::to_string(city->population) + ")";
            }
            drafts.push_back(std::move(d));
          }
          Draft& d = drafts[it->second];
          // The fullest spelling names the entity, but a leading "the" is not part of it.
          std::string_view text = doc.slice(span);
          // Equal lengths: prefer a spelling that is not all capitals ("Miami" over "MIAMI").
          bool caps = std::none_of(d.entity.name.begin(), d.entity.name.end(),
                                   [](char ch) { return ch >= 'a' && ch <= 'z'; });
          if (span.size() > d.name_size || (span.size() == d.name_size && caps)) {
            d.entity.name = std::string(text);
            d.name_size = span.size();
          }
          add_mention(it->second, s, span, MentionKind::kName, nw.size(), n.why);
        }
        wi = n.end - 1;
        continue;
      }

      lower_ascii(words[wi].text, lower);
      // Sieve 4: pronouns.
      if (char g = pronoun_gender(lower); g) {
        int32_t best = -1;
        double best_score = -1e9;
        for (size_t k = seen.size(); k-- > 0;) {
          const Seen& c = seen[k];
          if (si - c.sentence > 2) break;  // `seen` is in text order
          char eg = drafts[c.entity].gender;
          if (eg && eg != g) continue;
          double score = -3.0 * (si - c.sentence);
          if (c.subject) score += 1.0;
          if (c.sentence == si) score += 0.5 - 0.01 * (wi - c.word);
          else score -= 0.001 * c.word;
          if (score > best_score) {
            best_score = score;
            best = c.entity;
          }
        }
        if (best >= 0) {
          if (!drafts[best].gender) drafts[best].gender = g;
          add_mention(best, s, words[wi].span, MentionKind::kPronoun, 0,
                      "pronoun: nearest compatible person, subject preferred");
          seen.push_back({best, si, wi, is_subject(doc, words[wi]) || first_person_in_sentence});
          first_person_in_sentence = false;
        }
        continue;
      }
      // Sieve 3: "the [modifiers] <title head>", not followed by "of" or a name.
      if (lower == "the" && wi + 1 < words.size()) {
        uint32_t k = wi + 1;
        std::string w;
        while (k < words.size()) {
          lower_ascii(words[k].text, w);
          TitleWord tw = gazetteer.title_word(w);
          if (tw.kind == TitleWord::Kind::kModifier && k + 1 < words.size()) {
            ++k;
            continue;
          }
          break;
        }
        if (k >= words.size()) continue;
        lower_ascii(words[k].text, w);
        if (gazetteer.title_word(w).kind != TitleWord::Kind::kHead) continue;
        if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') continue;  // plural
        bool followed = k + 1 < words.size() &&
                        (words[k + 1].text == "of" || is_capitalized(words[k + 1].text) ||
                         words[k + 1].text == "'s" || words[k + 1].text == "\xE2\x80\x99s");
        if (followed) continue;
        // The person last mentioned among those holding a title with this head: mentions
        // come in text order, so no other holder was mentioned within 10 sentences if the
        // last one was not.
        int32_t best = people.most_recent(PersonIndex::kTitleHead, w);
        if (best >= 0 && s.index - drafts[size_t(best)].last_sentence > 10) best = -1;
        if (best >= 0) {
          add_mention(best, s, {words[wi].span.begin, words[k].span.end}, MentionKind::kNominal,
                      0, "nominal: the person last named with the title '" + w + "'");
          seen.push_back({best, si, wi, first_person_in_sentence});
          first_person_in_sentence = false;
          wi = k;
        }
      }
    }
  }

  // Name mentions shorter than the entity's name are partial.
  for (MentionDraft& m : mentions) {
    if (m.mention.kind == MentionKind::kName && drafts[m.mention.entity].entity.type == EntityType::kPerson &&
        m.words < drafts[m.mention.entity].words.size()) {
      m.mention.kind = MentionKind::kPartial;
    }
  }

  // Order entities by first mention and mentions by position.
  std::stable_sort(mentions.begin(), mentions.end(), [](const MentionDraft& a, const MentionDraft& b) {
    return a.mention.span.begin < b.mention.span.begin;
  });
  std::vector<int32_t> new_index(drafts.size(), -1);
  doc.entities.clear();
  doc.mentions.clear();
  for (MentionDraft& m : mentions) {
    int32_t& e = new_index[m.mention.entity];
    if (e < 0) {
      e = static_cast<int32_t>(doc.entities.size());
      doc.entities.push_back(std::move(drafts[m.mention.entity].entity));
    }
    m.mention.entity = e;
    doc.entities[e].mentions.push_back(static_cast<int32_t>(doc.mentions.size()));
    doc.mentions.push_back(std::move(m.mention));
  }
}

}  // namespace dateline::entities
