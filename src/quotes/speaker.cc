// SPDX-License-Identifier: Apache-2.0
// Speaker resolution. The entities layer does the hard part (coreference of "he" and
// "Miller" to Stephen Miller); here we pick, among the mentions inside a source span, the
// one that names the source: a person before an organisation, a name before a pronoun,
// the first in text order. The title is the one the article gives the person last before
// the statement (titles change: "adviser" then "deputy chief of staff").
#include "quotes/speaker.h"

#include <algorithm>

namespace dateline::quotes {
namespace {

bool capitalized(std::string_view t) { return !t.empty() && t[0] >= 'A' && t[0] <= 'Z'; }

bool is_function_word(const std::string& lower) {
  static const char* const kWords[] = {"the", "a", "an", "this", "that", "these", "those",
                                       "his", "her", "their", "its", "our", "my", "i", "as",
                                       "according", "in", "but", "and", "some", "many"};
  for (const char* w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

int mention_rank(const Document& doc, const Mention& m) {
  int r = 0;
  if (m.entity >= 0 && size_t(m.entity) < doc.entities.size()) {
    const EntityType t = doc.entities[m.entity].type;
    r += t == EntityType::kPerson ? 0 : (t == EntityType::kOrg || t == EntityType::kNorp) ? 10 : 20;
  } else {
    r += 30;
  }
  switch (m.kind) {
    case MentionKind::kName: break;
    case MentionKind::kPartial: r += 1; break;
    case MentionKind::kPronoun: r += 2; break;
    case MentionKind::kNominal: r += 3; break;
  }
  return r;
}

// Word indices whose spans lie inside `s`.
std::pair<uint32_t, uint32_t> words_in(const WordView& view, Span s) {
  auto lo = std::lower_bound(view.words.begin(), view.words.end(), s.begin,
                             [](const Word& w, uint32_t b) { return w.span.begin < b; });
  uint32_t b = uint32_t(lo - view.words.begin()), e = b;
  while (e < view.words.size() && view.words[e].span.end <= s.end) ++e;
  return {b, e};
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
  return out;
}

}  // namespace

SpeakerResolver::SpeakerResolver(const Document& doc, const WordView& view,
                                 const CueLexicon& lexicon)
    : doc_(doc), view_(view), lexicon_(lexicon) {
  by_position_.resize(doc.mentions.size());
  for (size_t k = 0; k < by_position_.size(); ++k) by_position_[k] = int32_t(k);
  std::sort(by_position_.begin(), by_position_.end(), [&](int32_t a, int32_t b) {
    const uint32_t x = doc.mentions[size_t(a)].span.begin, y = doc.mentions[size_t(b)].span.begin;
    return x != y ? x < y : a < b;
  });
  for (size_t k = 0; k < doc.entities.size(); ++k) {
    const Entity& ent = doc.entities[k];
    const size_t space = ent.name.rfind(' ');
    if (ent.type != EntityType::kPerson || space == std::string::npos) continue;
    person_by_surname_.try_emplace(ascii_lower(std::string_view(ent.name).substr(space + 1)),
                                   int32_t(k));
  }
  const auto& w = view.words;
  for (uint32_t i = 1; i < w.size(); ++i) {
    if (capitalized(doc.slice(w[i - 1].span)) && !is_function_word(w[i - 1].lower) &&
        !w[i - 1].sentence_end && lexicon.lookup(w[i - 1].lower) == CueClass::kNone) {
      first_name_pair_.try_emplace(w[i].lower, i);
    }
  }
}

std::vector<int32_t> SpeakerResolver::mentions_in(Span source) const {
  std::vector<int32_t> out;
  auto it = std::lower_bound(
      by_position_.begin(), by_position_.end(), source.begin,
      [&](int32_t m, uint32_t b) { return doc_.mentions[size_t(m)].span.begin < b; });
  for (; it != by_position_.end() && doc_.mentions[size_t(*it)].span.begin <= source.end; ++it) {
    if (source.contains(doc_.mentions[size_t(*it)].span)) out.push_back(*it);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool SpeakerResolver::is_anonymous(Span source) const {
  if (source.empty()) return false;
  const Document& doc = doc_;
  for (int32_t k : mentions_in(source)) {
    const Mention& m = doc.mentions[size_t(k)];
    if (m.kind != MentionKind::kNominal && m.entity >= 0) {
      const EntityType t = doc.entities[m.entity].type;
      if (t == EntityType::kPerson || t == EntityType::kOrg) return false;
    }
  }
  auto [b, e] = words_in(view_, source);
  bool anonymous_head = false;
  for (uint32_t i = b; i < e; ++i) {
    const Word& w = view_.words[i];
    // Words after a post-modifier start ("people familiar with X") do not name the source.
    if (i > b && (w.lower == "familiar" || w.lower == "close" || w.lower == "with" ||
                  w.lower == "who" || w.lower == "of" || w.lower == "from" || w.lower == "in")) {
      break;
    }
    std::string_view t = doc.slice(w.span);
    if (capitalized(t) && !(i == b && w.sentence_start) && !is_function_word(w.lower) &&
        lexicon_.lookup(w.lower) == CueClass::kNone) {
      return false;  // a name goes with the noun: "White House officials" are identified
    }
    const CueClass c = lexicon_.lookup(w.lower);
    if (c == CueClass::kAnonymous || c == CueClass::kGroup) anonymous_head = true;
  }
  return anonymous_head;
}

Speaker SpeakerResolver::resolve(Span source, uint32_t at) const {
  const Document& doc = doc_;
  const WordView& view = view_;
  Speaker sp;
  if (source.empty()) return sp;
  sp.span = source;
  sp.text = std::string(doc.slice(source));
  const Mention* best = nullptr;
  int best_rank = 1 << 30;
  for (int32_t k : mentions_in(source)) {
    const Mention& m = doc.mentions[size_t(k)];
    const int r = mention_rank(doc, m);
    if (r < best_rank) {
      best = &m;
      best_rank = r;
    }
  }
  auto use_entity = [&](int32_t index) {
    const Entity& e = doc.entities[size_t(index)];
    sp.entity = index;
    sp.name = e.name;
    const Title* title = nullptr;
    for (const Title& t : e.titles) {
      if (t.span.begin <= at || t.span.empty()) title = &t;
    }
    if (!title && !e.titles.empty()) title = &e.titles.front();
    if (title) sp.title = title->text;
  };
  const bool person = best && best->entity >= 0 && size_t(best->entity) < doc.entities.size() &&
                      doc.entities[best->entity].type == EntityType::kPerson;
  if (person) {
    use_entity(best->entity);
  } else if (!is_anonymous(source)) {
    // The entities layer found no person here: a run of capitalised words inside the
    // source, preferring the one that ends the source or stands before a comma ("Miller,
    // the adviser"). A lone surname is completed from a person entity whose name ends with
    // it, else from an earlier capitalised pair in the article that ends with it.
    auto [b, e] = words_in(view, source);
    uint32_t rb = 0, re = 0;
    bool run_ends = false;  // the run ends the source or stands before a comma
    for (uint32_t i = b; i < e;) {
      if (!capitalized(doc.slice(view.words[i].span)) || is_function_word(view.words[i].lower)) {
        ++i;
        continue;
      }
      uint32_t j = i;
      while (j < e && capitalized(doc.slice(view.words[j].span)) &&
             !is_function_word(view.words[j].lower)) {
        ++j;
      }
      const bool ends = j == e || view.words[j].lower == "," || view.words[j].punct;
      if (re == rb || ends) {
        rb = i;
        re = j;
        run_ends = ends;
      }
      if (ends) break;
      i = j;
    }
    // A capitalised word that only modifies a common noun ("the Mexican government",
    // "the Kremlin spokesman") is no surname: the group is named by the phrase itself,
    // without its determiner.
    if (re > rb && !run_ends) {
      uint32_t first = b;
      while (first < e && is_function_word(view.words[first].lower)) ++first;
      uint32_t last = e;
      while (last > first && view.words[last - 1].punct) --last;
      if (last > first) {
        sp.name = std::string(doc.text.substr(
            view.words[first].span.begin,
            view.words[last - 1].span.end - view.words[first].span.begin));
      }
    }
    if (sp.name.empty() && re == rb + 1) {
      const std::string& surname = view.words[rb].lower;
      if (auto named = person_by_surname_.find(surname); named != person_by_surname_.end()) {
        use_entity(named->second);
      }
      // The first capitalised pair ending with the surname, when it comes before the source.
      if (auto pair = first_name_pair_.find(surname);
          sp.name.empty() && pair != first_name_pair_.end() &&
          view.words[pair->second].span.begin < source.begin) {
        const uint32_t i = pair->second;
        sp.name = std::string(doc.text.substr(
            view.words[i - 1].span.begin, view.words[i].span.end - view.words[i - 1].span.begin));
      }
    }
    if (sp.name.empty() && re > rb && !(best && best->entity >= 0)) {
      sp.name = std::string(doc.text.substr(
          view.words[rb].span.begin, view.words[re - 1].span.end - view.words[rb].span.begin));
    }
    if (sp.name.empty() && best && best->entity >= 0 &&
        size_t(best->entity) < doc.entities.size()) {
      use_entity(best->entity);
    }
  }
  if (sp.name.empty() && is_anonymous(source)) {
    sp.anonymous = true;
    sp.description = sp.text;
  }
  return sp;
}

Span find_addressee(const Document& doc, const WordView& view, Span cue, uint32_t stop,
                    const CueLexicon& lexicon) {
  (void)doc;
  auto [b, e] = words_in(view, cue);
  if (e == b || e >= view.words.size()) return {};
  bool tell = false;
  for (uint32_t i = b; i < e; ++i) tell |= lexicon.lookup(view.words[i].lower) == CueClass::kTell;
  if (!tell) return {};
  uint32_t j = e;
  while (j < view.words.size() && j - e < 12) {
    const Word& w = view.words[j];
    if (w.span.begin >= stop || w.lower == "that" || w.punct || w.sentence_start) break;
    ++j;
  }
  if (j == e) return {};
  return {view.words[e].span.begin, view.words[j - 1].span.end};
}

}  // namespace dateline::quotes
