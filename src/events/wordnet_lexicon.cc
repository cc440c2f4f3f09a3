// SPDX-License-Identifier: Apache-2.0
#include "events/wordnet_lexicon.h"

#include <algorithm>

#include "events/tsv.h"
#include "model/hash.h"

namespace dateline::events {
namespace {

std::vector<std::string_view> split_commas(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    const size_t c = s.find(',');
    out.push_back(s.substr(0, c));
    if (c == std::string_view::npos) break;
    s.remove_prefix(c + 1);
  }
  return out;
}

}  // namespace

Result<WordNetLexicon> WordNetLexicon::load(const std::string& path) {
  WordNetLexicon lex;
  std::string key;
  Status s = for_each_tsv_row(path, [&](const std::vector<std::string_view>& f, int line) {
    if (f.size() < 3 || (f[1] != "v" && f[1] != "n") || f[0].empty()) {
      return error(ErrorCode::kBadInput,
                   path + ":" + std::to_string(line) + ": want lemma, v|n, lexnames, hypernyms");
    }
    Range r;
    r.begin = static_cast<uint32_t>(lex.values_.size());
    bool first = true;
    for (std::string_view file : split_commas(f[2])) {
      lex.values_.push_back(model::hash_bytes("lex:" + std::string(file)));
      if (first) {
        auto it = std::find(lex.files_.begin(), lex.files_.end(), file);
        r.first_file = static_cast<uint32_t>(it - lex.files_.begin());
        if (it == lex.files_.end()) lex.files_.emplace_back(file);
        first = false;
      }
    }
    if (f.size() > 3) {
      for (std::string_view h : split_commas(f[3])) {
        if (!h.empty()) lex.values_.push_back(model::hash_bytes("hyp:" + std::string(h)));
      }
    }
    r.count = static_cast<uint32_t>(lex.values_.size()) - r.begin;
    key.assign(f[1]);
    key += ' ';
    key += f[0];
    lex.index_[key] = r;
    return ok_status();
  });
  if (!s.ok()) return s;
  return lex;
}

std::span<const uint64_t> WordNetLexicon::find(char pos, std::string_view lemma) const {
  std::string key;
  key.reserve(lemma.size() + 2);
  key += pos;
  key += ' ';
  key += lemma;
  auto it = index_.find(key);
  if (it == index_.end()) return {};
  return std::span<const uint64_t>(values_).subspan(it->second.begin, it->second.count);
}

std::string_view WordNetLexicon::noun_file(std::string_view lemma) const {
  std::string key = "n ";
  key += lemma;
  auto it = index_.find(key);
  if (it == index_.end() || it->second.count == 0) return {};
  return files_[it->second.first_file];
}

}  // namespace dateline::events
