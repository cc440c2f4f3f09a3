// SPDX-License-Identifier: Apache-2.0
#include "entities/name_lists.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <functional>

#include "entities/gazetteer.h"
#include "text/file.h"
#include "text/tsv.h"

namespace dateline::entities {
namespace {

// Phrase key as the tokenizer will see it: lower-case ASCII, hyphens as words of their own
// ("Coca-Cola" is written "Coca - Cola" by UD tokenization), single spaces.
std::string phrase_key(std::string_view phrase) {
  std::string spaced;
  spaced.reserve(phrase.size() + 4);
  for (char c : phrase) {
    if (c == '-') {
      spaced += " - ";
    } else {
      spaced += c;
    }
  }
  std::string key, lower;
  size_t i = 0;
  while (i < spaced.size()) {
    while (i < spaced.size() && spaced[i] == ' ') ++i;
    size_t b = i;
    while (i < spaced.size() && spaced[i] != ' ') ++i;
    if (i == b) continue;
    lower_ascii(std::string_view(spaced).substr(b, i - b), lower);
    if (!key.empty()) key += ' ';
    key += lower;
  }
  return key;
}

// Reads the rows of a lexicon TSV, each with at least `min_fields` fields and a name.
Status for_each_row(const std::string& path, std::string_view content, size_t min_fields,
                    const std::function<void(const std::vector<std::string_view>&)>& row) {
  return text::for_each_tsv_row(content, [&](const auto& fields, int line) -> Status {
    if (fields.size() < min_fields || fields[0].empty()) {
      return error(ErrorCode::kBadInput, path + ":" + std::to_string(line) + ": expected " +
                                             std::to_string(min_fields) + " fields");
    }
    row(fields);
    return ok_status();
  });
}

template <typename T>
T number_or(std::string_view s, T fallback) {
  T v{};
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && end == s.data() + s.size() ? v : fallback;
}

}  // namespace

Result<NameLists> NameLists::load(const std::string& lexicons_dir, std::string* content_out) {
  NameLists lists;
  const std::string cities_path = lexicons_dir + "/geonames_cities.tsv";
  if (auto content = text::read_file(cities_path); content.ok()) {
    const size_t rows = static_cast<size_t>(std::count(content->begin(), content->end(), '\n'));
    lists.phrases_.reserve(rows);
    lists.cities_.reserve(rows);
    DL_RETURN_IF_ERROR(for_each_row(cities_path, *content, 6, [&](const auto& f) {
      const uint32_t population = number_or<uint32_t>(f[4], 0);
      Phrase* phrase =
          lists.add(f[0], kListCity | (population >= 100000 ? uint32_t{kListBigCity} : 0u));
      if (!phrase) return;
      if (phrase->city < 0) {
        phrase->city = static_cast<int32_t>(lists.cities_.size());
        lists.cities_.emplace_back();
      }
      CityInfo& best = lists.cities_[static_cast<size_t>(phrase->city)];
      if (best.geonames_id == 0 || population > best.population) {
        best.country = std::string(f[1]);
        best.latitude = number_or<double>(f[2], 0);
        best.longitude = number_or<double>(f[3], 0);
        best.population = population;
        best.geonames_id = number_or<uint32_t>(f[5], 1);
      }
    }));
    *content_out += *content;
  } else if (content.status().code() != ErrorCode::kNotFound) {
    return content.status();
  }
  const std::string wordnet_path = lexicons_dir + "/wordnet_names.tsv";
  if (auto content = text::read_file(wordnet_path); content.ok()) {
    DL_RETURN_IF_ERROR(for_each_row(wordnet_path, *content, 2, [&](const auto& f) {
      const std::string_view type = f[1];
      lists.add(f[0], type == "PER" ? kListPerson : type == "ORG" ? kListOrg : kListLocation);
    }));
    *content_out += *content;
  } else if (content.status().code() != ErrorCode::kNotFound) {
    return content.status();
  }
  return lists;
}

NameLists::Phrase* NameLists::add(std::string_view phrase, uint32_t bits) {
  std::string key = phrase_key(phrase);
  // One- and two-letter names ("Ai", "Y") would mostly match function words and initials.
  if (key.size() < 3) return nullptr;
  const size_t words = 1 + static_cast<size_t>(std::count(key.begin(), key.end(), ' '));
  if (words > 8) return nullptr;
  uint8_t& longest = first_words_[key.substr(0, key.find(' '))];
  longest = std::max<uint8_t>(longest, static_cast<uint8_t>(words));
  Phrase& entry = phrases_[std::move(key)];
  entry.bits |= bits;
  return &entry;
}

std::vector<uint32_t> NameLists::bits(std::span<const std::string_view> words) const {
  std::vector<uint32_t> out(words.size(), 0);
  if (phrases_.empty()) return out;
  std::string key, lower;
  for (size_t i = 0; i < words.size();) {
    lower_ascii(words[i], key);
    auto first = first_words_.find(key);
    if (first == first_words_.end()) {
      ++i;
      continue;
    }
    const size_t max_len = std::min<size_t>(first->second, words.size() - i);
    size_t best_len = 0;
    uint32_t best_bits = 0;
    for (size_t n = 1; n <= max_len; ++n) {
      if (n > 1) {
        lower_ascii(words[i + n - 1], lower);
        key += ' ';
        key += lower;
      }
      if (auto it = phrases_.find(key); it != phrases_.end()) {
        best_len = n;
        best_bits = it->second.bits;
      }
    }
    if (best_len == 0) {
      ++i;
      continue;
    }
    for (size_t k = 0; k < best_len; ++k) {
      out[i + k] |= best_bits;
      if (best_len > 1) out[i + k] |= k == 0 ? kListBegin : kListInside;
    }
    i += best_len;
  }
  return out;
}

const CityInfo* NameLists::city(std::string_view name) const {
  auto it = phrases_.find(phrase_key(name));
  if (it == phrases_.end() || it->second.city < 0) return nullptr;
  return &cities_[static_cast<size_t>(it->second.city)];
}

}  // namespace dateline::entities
