// SPDX-License-Identifier: Apache-2.0
#include "events/petrarch_importer.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <unordered_map>

#include "events/tsv.h"

namespace dateline::events {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "UNITED STATES" -> "United states": capitalised, so CaseRule::kCapitalized applies.
std::string title_case(const std::string& s) {
  std::string out = lower(s);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string_view strip_comment(std::string_view s) {
  size_t hash = s.find('#');
  return hash == std::string_view::npos ? s : s.substr(0, hash);
}

// The text inside the first [...] of `s`, or "".
std::string_view bracket(std::string_view s) {
  size_t b = s.find('[');
  if (b == std::string_view::npos) return {};
  size_t e = s.find_first_of("]}", b);
  return e == std::string_view::npos ? std::string_view() : s.substr(b + 1, e - b - 1);
}

std::vector<std::string> split_ws(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// "021231" or "20021231" -> "2002-12-31".
std::string iso_date(std::string_view d) {
  std::string digits;
  for (char c : d) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  }
  if (digits.size() == 6) {
    const int yy = std::stoi(digits.substr(0, 2));
    digits = (yy > 30 ? "19" : "20") + digits;
  }
  if (digits.size() != 8) return "";
  return digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2);
}

// Parses "CODE", "CODE 990101-021231", "CODE >990101", "CODE <021231".
ActorEntry parse_code(std::string_view inside, const std::string& source) {
  ActorEntry e;
  e.kind = ActorKind::kActor;
  e.source = source;
  std::vector<std::string> parts = split_ws(inside);
  if (parts.empty()) return e;
  e.code = parts[0];
  if (parts.size() > 1) {
    const std::string& r = parts[1];
    if (r[0] == '>') {
      e.valid.emplace_back(iso_date(r.substr(1)), "");
    } else if (r[0] == '<') {
      e.valid.emplace_back("", iso_date(r.substr(1)));
    } else if (size_t dash = r.find('-'); dash != std::string::npos) {
      e.valid.emplace_back(iso_date(r.substr(0, dash)), iso_date(r.substr(dash + 1)));
    }
  }
  if (e.code.size() == 3) e.kind = ActorKind::kCountry;
  return e;
}

// A TABARI phrase ("UNITED_STATES_", "U.N._") as words: '_' separates, the trailing '_' marks
// a complete word and is dropped.
std::string phrase_text(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '_' || c == '+') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

Status import_phoenix_actors(const std::string& path, ActorDictionary& actors, ImportStats& stats) {
  const std::string file = base_name(path);
  std::vector<std::string> pending;  // names waiting for their code lines
  std::vector<ActorEntry> codes;
  int pending_line = 0;
  auto flush = [&] {
    if (!pending.empty() && !codes.empty()) {
      // The code without a date range (or the latest one) is the default reading.
      for (const std::string& name : pending) {
        for (const ActorEntry& e : codes) {
          ActorEntry copy = e;
          copy.source = file + ":" + std::to_string(pending_line);
          // Phoenix names are in capitals: short ones ("US", "UN") must stay in capitals
          // in the text, longer ones must be capitalised ("Ruritania", not "ruritania").
          actors.add(name.size() <= 3 ? name : title_case(name), copy);
          ++stats.actors;
        }
      }
    }
    pending.clear();
    codes.clear();
  };
  return for_each_line(path, [&](std::string_view raw, int line) -> Status {
    std::string_view s = strip_comment(raw);
    if (trim(s).empty()) return ok_status();
    const bool indented = std::isspace(static_cast<unsigned char>(s[0]));
    std::string_view t = trim(s);
    if (indented && t.front() == '[') {
      codes.push_back(parse_code(bracket(t), file));
      return ok_status();
    }
    if (t.front() == '+') {
      std::string_view name = t.substr(1);
      name = trim(name.substr(0, name.find('[')));
      pending.push_back(phrase_text(name));
      std::string_view inside = bracket(t);
      if (!inside.empty()) codes.push_back(parse_code(inside, file));
      return ok_status();
    }
    // A new name: finish the previous block.
    flush();
    pending_line = line;
    std::string_view name = trim(t.substr(0, t.find('[')));
    pending.push_back(phrase_text(name));
    std::string_view inside = bracket(t);
    if (!inside.empty()) codes.push_back(parse_code(inside, file));
    return ok_status();
  }).ok()
             ? (flush(), ok_status())
             : error(ErrorCode::kNotFound, path + ": cannot open");
}

Status import_phoenix_agents(const std::string& path, ActorDictionary& actors, ImportStats& stats) {
  const std::string file = base_name(path);
  std::unordered_map<std::string, std::vector<std::string>> subst;  // "!PERSON!" -> words
  return for_each_line(path, [&](std::string_view raw, int line) -> Status {
    std::string_view s = trim(strip_comment(raw));
    if (s.empty()) return ok_status();
    if (s.front() == '!' && s.find('=') != std::string_view::npos) {
      size_t eq = s.find('=');
      std::string key(trim(s.substr(0, eq)));
      for (std::string w : split_ws(s.substr(eq + 1))) {
        if (!w.empty() && w.back() == ',') w.pop_back();
        if (!w.empty()) subst[key].push_back(w);
      }
      return ok_status();
    }
    std::string_view code = bracket(s);
    if (code.empty()) return ok_status();
    std::string sector(code);
    sector.erase(std::remove(sector.begin(), sector.end(), '~'), sector.end());
    if (sector.size() < 3) return ok_status();
    std::string_view names = trim(s.substr(0, s.find('[')));
    std::vector<std::string> forms;
    size_t brace = names.find('{');
    forms.push_back(std::string(trim(names.substr(0, brace))));
    if (brace != std::string_view::npos) {
      size_t close = names.find('}', brace);
      for (const std::string& p : split_ws(names.substr(brace + 1, close - brace - 1))) {
        forms.push_back(p);
      }
    } else if (!forms[0].empty() && forms[0].find('!') == std::string::npos) {
      forms.push_back(forms[0] + "S");  // the regular plural
    }
    ActorEntry e;
    e.kind = ActorKind::kAgent;
    e.code = sector.substr(0, 3);
    e.source = file + ":" + std::to_string(line);
    for (const std::string& f : forms) {
      size_t bang = f.find('!');
      if (bang != std::string::npos) {
        size_t end = f.find('!', bang + 1);
        if (end == std::string::npos) continue;
        auto it = subst.find(f.substr(bang, end - bang + 1));
        if (it == subst.end()) continue;
        for (const std::string& w : it->second) {
          actors.add(lower(phrase_text(f.substr(0, bang) + w + f.substr(end + 1))), e);
          ++stats.agents;
        }
      } else {
        actors.add(lower(phrase_text(f)), e);
        ++stats.agents;
      }
    }
    return ok_status();
  });
}

Status import_petrarch_verbs(const std::string& path, VerbDictionary& verbs, ImportStats& stats) {
  const std::string file = base_name(path);
  std::unordered_map<std::string, std::vector<std::string>> synsets;
  std::string synset;            // the &SET being read
  std::string block_code;        // code of the current --- block ---
  std::vector<std::string> block_verbs;  // lemmas of the block (lower case)
  bool in_verbs = false;
  return for_each_line(path, [&](std::string_view raw, int line) -> Status {
    if (trim(raw).starts_with("####### VERB PATTERNS")) in_verbs = true;
    std::string_view s = trim(strip_comment(raw));
    const std::string src = file + ":" + std::to_string(line);
    if (s.empty()) {
      synset.clear();
      return ok_status();
    }
    if (s.front() == '&') {
      synset = std::string(s.substr(1));
      return ok_status();
    }
    if (!in_verbs) {
      if (!synset.empty() && s.front() == '+') synsets[synset].push_back(lower(phrase_text(s.substr(1))));
      return ok_status();
    }
    if (s.starts_with("---")) {
      block_code = std::string(bracket(s));
      block_verbs.clear();
      return ok_status();
    }
    if (s.front() == '-') {
      // A pattern: "- PRE * POST [code]".
      std::string code(bracket(s));
      if (size_t colon = code.find(':'); colon != std::string::npos) code = code.substr(0, colon);
      std::string_view body = trim(s.substr(1, s.find('[') == std::string_view::npos
                                                   ? std::string_view::npos
                                                   : s.find('[') - 1));
      std::vector<std::string> pre, post;
      bool after = false;
      for (std::string w : split_ws(body)) {
        if (w == "*") {
          after = true;
          continue;
        }
        if (w == "+" || w == "$" || w == "^" || w == "%") continue;
        while (!w.empty() && (w[0] == '+' || w[0] == '$' || w[0] == '^' || w[0] == '%')) w.erase(0, 1);
        if (w.empty()) continue;
        if (w[0] == '&') {
          auto it = synsets.find(w.substr(1));
          if (it == synsets.end() || it->second.empty()) continue;
          w = it->second[0];  // a synset stands for its first member
        }
        for (const std::string& part : split_ws(phrase_text(w))) (after ? post : pre).push_back(lower(part));
      }
      if (post.empty() && pre.empty()) return ok_status();
      for (const std::string& lemma : block_verbs) {
        VerbEntry e;
        e.lemma = lemma;
        e.object_words = post;
        e.pre_words = pre;
        e.cameo = code == "---" ? "" : code;
        e.no_event = code == "---";
        e.priority = 0;
        e.source = src;
        verbs.add(std::move(e), {});
        ++stats.patterns;
      }
      return ok_status();
    }
    // A verb line: "VERB [code] {FORMS}", "+WAGE_WAR", "RE_+OPEN".
    std::string_view head = s.substr(0, s.find_first_of("[{"));
    head = trim(head);
    if (head.empty()) return ok_status();
    std::string code(bracket(s));
    if (code.empty()) code = block_code;
    if (size_t colon = code.find(':'); colon != std::string::npos) code = code.substr(0, colon);
    std::vector<std::string> words = split_ws(phrase_text(head));
    // The verb is the word marked '+', else the first.
    size_t verb_at = 0;
    {
      std::string h(head);
      size_t plus = h.find('+');
      if (plus != std::string::npos && plus > 0) {
        verb_at = std::count(h.begin(), h.begin() + static_cast<long>(plus), '_');
      }
    }
    if (verb_at >= words.size()) verb_at = 0;
    VerbEntry e;
    e.lemma = lower(words[verb_at]);
    for (size_t k = verb_at + 1; k < words.size(); ++k) e.particles.push_back(lower(words[k]));
    if (verb_at > 0) {
      for (size_t k = 0; k < verb_at; ++k) e.pre_words.push_back(lower(words[k]));
    }
    e.cameo = code == "---" ? "" : code;
    e.no_event = code == "---" || code.empty();
    e.priority = 0;
    e.source = src;
    std::vector<std::string> irregular;
    if (size_t b = s.find('{'); b != std::string_view::npos) {
      size_t close = s.find('}', b);
      for (const std::string& f : split_ws(s.substr(b + 1, close == std::string_view::npos ? close : close - b - 1))) {
        std::vector<std::string> fw = split_ws(phrase_text(f));
        if (!fw.empty()) irregular.push_back(lower(fw[std::min(verb_at, fw.size() - 1)]));
      }
    }
    block_verbs.push_back(e.lemma);
    verbs.add(std::move(e), irregular);
    ++stats.verbs;
    return ok_status();
  });
}

Status import_petrarch_dir(const std::string& dir, VerbDictionary& verbs, ActorDictionary& actors,
                           ImportStats& stats) {
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& f : std::filesystem::directory_iterator(dir, ec)) {
    if (f.is_regular_file()) files.push_back(f.path().string());
  }
  if (ec) return error(ErrorCode::kNotFound, dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  bool any = false;
  for (const std::string& f : files) {
    const std::string name = base_name(f);
    if (name.find("verbpatterns") != std::string::npos) {
      DL_RETURN_IF_ERROR(import_petrarch_verbs(f, verbs, stats));
      any = true;
    } else if (name.find(".actors.") != std::string::npos && name.find("Validate") == std::string::npos) {
      DL_RETURN_IF_ERROR(import_phoenix_actors(f, actors, stats));
      any = true;
    } else if (name.find("agents") != std::string::npos && name.find("Validate") == std::string::npos) {
      DL_RETURN_IF_ERROR(import_phoenix_agents(f, actors, stats));
      any = true;
    }
  }
  if (!any) return error(ErrorCode::kNotFound, dir + ": no PETRARCH/Phoenix dictionaries found");
  return ok_status();
}

}  // namespace dateline::events
