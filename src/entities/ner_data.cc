// SPDX-License-Identifier: Apache-2.0
#include "entities/ner_data.h"

#include <algorithm>
#include <fstream>
#include <sstream>


namespace dateline::entities {
namespace {

std::vector<std::string> split_fields(const std::string& line) {
  std::vector<std::string> fields;
  char sep = line.find('\t') != std::string::npos ? '\t' : ' ';
  size_t start = 0;
  while (start <= line.size()) {
    size_t end = line.find(sep, start);
    if (end == std::string::npos) end = line.size();
    if (end > start || sep == '\t') fields.push_back(line.substr(start, end - start));
    start = end + 1;
  }
  return fields;
}

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Turns IOB tags into spans of mapped types.
std::vector<NerSpan> decode_iob(const std::vector<std::string>& tags, const NerTypeMap& map) {
  std::vector<NerSpan> spans;
  int open = -1;
  std::string open_type;
  auto close = [&](size_t end) {
    if (open >= 0) {
      auto it = map.find(open_type);
      if (it != map.end()) spans.push_back({uint32_t(open), uint32_t(end), it->second});
    }
    open = -1;
  };
  for (size_t i = 0; i < tags.size(); ++i) {
    const std::string& tag = tags[i];
    if (tag.size() < 3 || tag[1] != '-' || tag.substr(2) == "O") {
      close(i);
      continue;
    }
    std::string type = tag.substr(2);
    if (tag[0] == 'B' || tag[0] == 'S' || tag[0] == 'U' || open < 0 || type != open_type) {
      close(i);
      open = static_cast<int>(i);
      open_type = type;
    }
    if (tag[0] == 'E' || tag[0] == 'L' || tag[0] == 'S' || tag[0] == 'U') close(i + 1);
  }
  close(tags.size());
  return spans;
}

}  // namespace

NerTypeMap default_ner_type_map() {
  return {{"PER", "PER"},          {"ORG", "ORG"},          {"LOC", "LOC"},
          {"Person", "PER"},       {"Organisation", "ORG"}, {"Location", "LOC"},
          {"person", "PER"},       {"organization", "ORG"}, {"place", "LOC"},
          {"PERSON", "PER"},       {"GPE", "LOC"},          {"FAC", "LOC"},
          {"geo-loc", "LOC"},      {"company", "ORG"},      {"location", "LOC"},
          {"corporation", "ORG"},  {"group", "ORG"}};
}

Result<std::vector<NerExample>> read_iob(const std::string& path, const NerTypeMap& map) {
  std::ifstream in(path);
  if (!in) return error(ErrorCode::kNotFound, path + ": cannot open");
  std::vector<NerExample> out;
  NerExample ex;
  std::vector<std::string> tags;
  // Files without document marks (tweets, wikigold) make each sentence a document.
  uint32_t document = 0;
  bool marked = false, new_document = false;
  auto flush = [&]() {
    if (!ex.words.empty()) {
      ex.spans = decode_iob(tags, map);
      if (!marked || new_document) ++document;
      new_document = false;
      ex.document = document;
      out.push_back(std::move(ex));
    }
    ex = NerExample();
    tags.clear();
  };
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line.rfind("# newdoc", 0) == 0 || line.rfind("-DOCSTART-", 0) == 0) {
      flush();
      marked = new_document = true;
      continue;
    }
    if (line.rfind("# ", 0) == 0 && line.find(" = ") != std::string::npos) continue;
    std::vector<std::string> f = split_fields(line);
    if (f.size() < 2) {
      return error(ErrorCode::kBadInput, path + ":" + std::to_string(number) +
                                             ": expected a token and a tag");
    }
    if (f.size() >= 3 && all_digits(f[0]) && (f[2] == "O" || (f[2].size() > 2 && f[2][1] == '-'))) {
      ex.words.push_back(f[1]);
      tags.push_back(f[2]);
    } else {
      ex.words.push_back(f[0]);
      tags.push_back(f.back());
    }
  }
  flush();
  return out;
}

std::vector<GumMention> gum_mentions(const text::ConlluSentence& s) {
  // Entity=(ID-type-infstat-...-identity ... ID): brackets open and close mentions; a
  // mention with 8 or more dash-separated fields carries a Wikipedia identity (named).
  std::vector<GumMention> open, found;
  for (size_t i = 0; i < s.words.size(); ++i) {
    const std::string& misc = s.words[i].misc;
    size_t at = misc.find("Entity=");
    if (at == std::string::npos) continue;
    size_t end = misc.find('|', at);
    std::string value =
        misc.substr(at + 7, end == std::string::npos ? std::string::npos : end - at - 7);
    size_t p = 0;
    while (p < value.size()) {
      if (value[p] == '(') {
        size_t q = p + 1;
        while (q < value.size() && value[q] != '(' && value[q] != ')') ++q;
        std::string body = value.substr(p + 1, q - p - 1);
        std::vector<std::string> parts;
        size_t b = 0;
        while (true) {
          size_t dash = body.find('-', b);
          parts.push_back(body.substr(b, dash == std::string::npos ? std::string::npos : dash - b));
          if (dash == std::string::npos) break;
          b = dash + 1;
        }
        GumMention m;
        m.id = parts[0];
        m.type = parts.size() > 1 ? parts[1] : "";
        m.named = parts.size() >= 8;
        m.begin = static_cast<uint32_t>(i);
        p = q;
        if (p < value.size() && value[p] == ')') {  // "(12-person-...)" closes on this word
          m.end = static_cast<uint32_t>(i + 1);
          found.push_back(m);
          ++p;
        } else {
          open.push_back(m);
        }
      } else {
        size_t q = p;
        while (q < value.size() && value[q] != ')' && value[q] != '(') ++q;
        std::string id = value.substr(p, q - p);
        for (size_t k = open.size(); k-- > 0;) {
          if (open[k].id == id) {
            open[k].end = static_cast<uint32_t>(i + 1);
            found.push_back(open[k]);
            open.erase(open.begin() + static_cast<long>(k));
            break;
          }
        }
        p = q < value.size() && value[q] == ')' ? q + 1 : q;
      }
    }
  }
  return found;
}

Result<std::vector<NerExample>> read_gum_names(const std::string& path, const NerTypeMap& map) {
  DL_ASSIGN_OR_RETURN(auto sentences, text::read_conllu(path));
  std::vector<NerExample> out;
  for (const text::ConlluSentence& s : sentences) {
    NerExample ex;
    for (const text::ConlluWord& w : s.words) {
      ex.words.push_back(w.form);
      ex.upos.push_back(w.upos);
    }
    std::vector<GumMention> found = gum_mentions(s);
    // Named, mapped, proper-noun bounded, outermost.
    std::vector<NerSpan> kept;
    for (const GumMention& f : found) {
      if (!f.named) continue;
      auto it = map.find(f.type);
      if (it == map.end()) continue;
      uint32_t b = f.begin, e = f.end;
      while (b < e && s.words[b].upos != "PROPN") ++b;  // "the", "Dr." stay outside? only non-PROPN
      if (b >= e || s.words[e - 1].upos != "PROPN") continue;
      kept.push_back({b, e, it->second});
    }
    std::sort(kept.begin(), kept.end(), [](const NerSpan& a, const NerSpan& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    uint32_t covered = 0;
    for (const NerSpan& k : kept) {
      if (k.begin < covered) continue;
      ex.spans.push_back(k);
      covered = k.end;
    }
    out.push_back(std::move(ex));
  }
  return out;
}

}  // namespace dateline::entities
