// SPDX-License-Identifier: Apache-2.0
#include "events/verb_dictionary.h"

#include <algorithm>

#include "events/tsv.h"

namespace dateline::events {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// "ban", "stop", "shell"? no: a final consonant is doubled after a single vowel in a short
// word ("ban" -> "banned") but not after two vowels ("aid" -> "aided") or w/x/y.
bool doubles(std::string_view w) {
  if (w.size() < 3 || w.size() > 4) return false;
  char a = w[w.size() - 3], b = w[w.size() - 2], c = w[w.size() - 1];
  return !is_vowel(a) && is_vowel(b) && !is_vowel(c) && c != 'w' && c != 'x' && c != 'y';
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t e = s.find(sep, start);
    if (e == std::string_view::npos) e = s.size();
    if (e > start) out.emplace_back(s.substr(start, e - start));
    start = e + 1;
  }
  return out;
}

}  // namespace

std::vector<std::pair<std::string, FormKind>> inflect(std::string_view lemma) {
  std::string w(lemma);
  std::vector<std::pair<std::string, FormKind>> out;
  if (w.empty()) return out;
  const char last = w.back();
  const bool cons_y = w.size() > 1 && last == 'y' && !is_vowel(w[w.size() - 2]);
  // third person
  if (last == 's' || last == 'x' || last == 'z' || w.ends_with("ch") || w.ends_with("sh")) {
    out.emplace_back(w + "es", FormKind::kThirdPerson);
  } else if (cons_y) {
    out.emplace_back(w.substr(0, w.size() - 1) + "ies", FormKind::kThirdPerson);
  } else {
    out.emplace_back(w + "s", FormKind::kThirdPerson);
  }
  // past and participle
  std::string past;
  if (last == 'e') {
    past = w + "d";
  } else if (cons_y) {
    past = w.substr(0, w.size() - 1) + "ied";
  } else if (doubles(w)) {
    past = w + last + "ed";
  } else {
    past = w + "ed";
  }
  out.emplace_back(past, FormKind::kPast);
  // gerund
  std::string ger;
  if (w.ends_with("ie")) {
    ger = w.substr(0, w.size() - 2) + "ying";
  } else if (last == 'e' && w.size() > 2 && !w.ends_with("ee") && !w.ends_with("ye") &&
             !w.ends_with("oe")) {
    ger = w.substr(0, w.size() - 1) + "ing";
  } else if (doubles(w)) {
    ger = w + last + "ing";
  } else {
    ger = w + "ing";
  }
  out.emplace_back(ger, FormKind::kGerund);
  return out;
}

void VerbDictionary::add(VerbEntry entry, const std::vector<std::string>& irregular) {
  const auto id = static_cast<uint32_t>(entries_.size());
  auto index = [&](const std::string& form, FormKind kind) {
    auto& refs = forms_[form];
    for (const FormRef& r : refs) {
      if (r.entry == id) return;
    }
    refs.push_back({id, kind});
  };
  if (!entry.no_base) index(entry.lemma, FormKind::kBase);
  if (!entry.adjective) {
    if (entry.noun) {
      // plural of a nominal trigger
      if (!entry.lemma.ends_with("s")) index(entry.lemma + "s", FormKind::kThirdPerson);
    } else {
      for (auto& [form, kind] : inflect(entry.lemma)) index(form, kind);
    }
  }
  for (const std::string& form : irregular) index(form, FormKind::kIrregular);
  entries_.push_back(std::move(entry));
}

bool VerbDictionary::has_lemma(std::string_view lemma) const {
  auto it = forms_.find(std::string(lemma));
  if (it == forms_.end()) return false;
  for (const FormRef& r : it->second) {
    if (r.kind == FormKind::kBase) return true;
  }
  return false;
}

Status VerbDictionary::load_tsv(const std::string& path) {
  const std::string file = base_name(path);
  return for_each_tsv_row(path, [&](const std::vector<std::string_view>& f, int line) -> Status {
    auto bad = [&](const std::string& why) {
      return error(ErrorCode::kBadInput, path + ":" + std::to_string(line) + ": " + why);
    };
    if (f.size() < 2) return bad("want pattern, plover");
    VerbEntry e;
    std::string_view pattern = f[0];
    if (pattern.starts_with("n:")) {
      e.noun = true;
      pattern.remove_prefix(2);
    }
    std::vector<std::string> words = split(pattern, ' ');
    if (words.empty()) return ok_status();
    bool after_star = false;
    for (size_t k = 0; k < words.size(); ++k) {
      if (k == 0) {
        e.lemma = words[0];
      } else if (words[k] == "*") {
        after_star = true;
      } else if (after_star) {
        e.object_words.push_back(words[k]);
      } else {
        e.particles.push_back(words[k]);
      }
    }
    const std::string_view type = f[1];
    if (type == "LIGHT") {
      e.role = VerbRole::kLight;
    } else if (type == "MODAL") {
      e.role = VerbRole::kModal;
    } else if (std::optional<PloverType> t = plover_type_from_name(type)) {
      e.plover = *t;
    } else {
      return bad("'" + std::string(type) + "' is not a PLOVER type (nor LIGHT or MODAL)");
    }
    if (f.size() > 2) e.mode = std::string(f[2]);
    if (f.size() > 3) e.cameo = std::string(f[3]);
    if (e.role == VerbRole::kEvent) {
      if (!is_plover_mode(e.plover, e.mode)) {
        return bad("'" + e.mode + "' is not a mode of " + std::string(to_string(e.plover)));
      }
      if (!e.cameo.empty() && plover_type_of_cameo(e.cameo) != e.plover) {
        return bad("CAMEO " + e.cameo + " is not a code of " + std::string(to_string(e.plover)));
      }
    }
    std::vector<std::string> irregular;
    if (f.size() > 4) {
      for (const std::string& flag : split(f[4], ',')) {
        if (flag == "control") {
          e.control = true;
        } else if (flag == "nobase") {
          e.no_base = true;
        } else if (flag == "adjective") {
          e.adjective = true;
        } else if (flag.starts_with("forms=")) {
          irregular.push_back(flag.substr(6));
        } else if (!irregular.empty() && flag.find('=') == std::string::npos) {
          irregular.push_back(flag);  // forms=a,b: the list continues after the comma
        } else {
          return bad("unknown flag '" + flag + "'");
        }
      }
    }
    e.priority = 10;
    e.source = file + ":" + std::to_string(line);
    add(std::move(e), irregular);
    return ok_status();
  });
}

std::vector<VerbMatch> VerbDictionary::matches(const std::vector<Word>& words, size_t i) const {
  std::vector<VerbMatch> out;
  if (i >= words.size() || words[i].punct) return out;
  auto collect = [&](const std::string& key, bool by_lemma) {
    auto it = forms_.find(key);
    if (it == forms_.end()) return;
    for (const FormRef& ref : it->second) {
      const VerbEntry& e = entries_[ref.entry];
      VerbMatch m;
      m.entry = &e;
      m.kind = by_lemma ? FormKind::kBase : ref.kind;
      m.begin = static_cast<uint32_t>(i);
      size_t j = i + 1;
      bool ok = true;
      for (const std::string& p : e.particles) {
        if (j < words.size() && words[j].norm == p) {
          ++j;
        } else {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      m.end = static_cast<uint32_t>(j);
      // Object words: in order, within 6 words, not across a clause break.
      size_t k = j;
      for (const std::string& o : e.object_words) {
        size_t limit = std::min(words.size(), k + 6);
        bool found = false;
        for (; k < limit; ++k) {
          const std::string& n = words[k].norm;
          if (n == "." || n == ";" || n == ",") break;
          if (n == o || (o.size() >= 4 && n.starts_with(o) && n.size() <= o.size() + 2)) {
            found = true;
            ++k;
            break;
          }
        }
        if (!found) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      // PETRARCH pre-verb words: in order, within 6 words before the verb.
      if (!e.pre_words.empty()) {
        size_t b = i;
        for (auto p = e.pre_words.rbegin(); p != e.pre_words.rend() && ok; ++p) {
          bool found = false;
          size_t lo = b >= 6 ? b - 6 : 0;
          while (b > lo) {
            --b;
            if (words[b].norm == *p) {
              found = true;
              break;
            }
          }
          ok = found;
        }
        if (!ok) continue;
      }
      m.object_end = static_cast<uint32_t>(e.object_words.empty() ? j : k);
      out.push_back(m);
    }
  };
  collect(words[i].norm, false);
  if (!words[i].lemma.empty() && words[i].lemma != words[i].norm) collect(words[i].lemma, true);
  auto score = [](const VerbMatch& m) {
    const VerbEntry& e = *m.entry;
    return static_cast<int>(e.particles.size()) * 100 +
           static_cast<int>(e.object_words.size() + e.pre_words.size()) * 50 + e.priority;
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const VerbMatch& a, const VerbMatch& b) { return score(a) > score(b); });
  return out;
}

}  // namespace dateline::events
