// SPDX-License-Identifier: Apache-2.0
// Loading and looking up word clusters. The table is an open-addressing hash over one
// concatenated string of words, so a lookup costs one FNV-1a hash, usually one probe and one
// memcmp, and no allocation (the lower-cased fallback uses a stack buffer).
#include "clusters/word_clusters.h"

#include <algorithm>
#include <cstring>

#include "model/hash.h"

namespace dateline::clusters {
namespace {

using model::fnv1a;

}  // namespace

WordClusters WordClusters::build(std::vector<std::string> paths,
                                 const std::vector<std::string>& words,
                                 const std::vector<uint32_t>& word_cluster,
                                 model::ModelHeader header) {
  WordClusters c = build_table(std::move(paths), words, word_cluster, std::move(header));
  // The fingerprint is that of the encoded file, so a built and a loaded table agree.
  c.fingerprint_ = model::encoded_fingerprint(c.encode());
  return c;
}

WordClusters WordClusters::build_table(std::vector<std::string> paths,
                                       const std::vector<std::string>& words,
                                       const std::vector<uint32_t>& word_cluster,
                                       model::ModelHeader header) {
  WordClusters c;
  c.paths_ = std::move(paths);
  c.header_ = std::move(header);
  size_t cap = 16;
  while (cap < 2 * words.size() + 2) cap *= 2;
  c.slots_.assign(cap, Slot{});
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    const uint64_t h = fnv1a(w);
    size_t s = h & (cap - 1);
    bool duplicate = false;
    while (c.slots_[s].cluster != UINT32_MAX) {
      const Slot& o = c.slots_[s];
      if (o.hash == h && std::string_view(c.text_).substr(o.offset, o.length) == w) {
        duplicate = true;  // first occurrence wins
        break;
      }
      s = (s + 1) & (cap - 1);
    }
    if (duplicate || word_cluster[i] >= c.paths_.size()) continue;
    c.slots_[s] = Slot{h, static_cast<uint32_t>(c.text_.size()), static_cast<uint32_t>(w.size()),
                       word_cluster[i]};
    c.text_ += w;
    ++c.n_words_;
  }
  return c;
}

std::string WordClusters::payload() const {
  model::ByteWriter w;
  w.put_strings(paths_);
  // Words in text order (the order they were added), which is deterministic.
  std::vector<const Slot*> order;
  order.reserve(n_words_);
  for (const Slot& s : slots_) {
    if (s.cluster != UINT32_MAX) order.push_back(&s);
  }
  std::sort(order.begin(), order.end(),
            [](const Slot* a, const Slot* b) { return a->offset < b->offset; });
  std::vector<std::string> words;
  std::vector<uint32_t> ids;
  words.reserve(order.size());
  ids.reserve(order.size());
  for (const Slot* s : order) {
    words.emplace_back(std::string_view(text_).substr(s->offset, s->length));
    ids.push_back(s->cluster);
  }
  w.put_strings(words);
  w.put_vector(ids);
  return w.take();
}

std::string WordClusters::encode() const {
  return model::encode_model(model::ModelKind::kClusters, header_, payload());
}

Result<WordClusters> WordClusters::from_model(model::ModelFile file, const std::string& name) {
  model::ByteReader r(file.payload, name);
  std::vector<std::string> paths, words;
  std::vector<uint32_t> ids;
  DL_RETURN_IF_ERROR(r.get_strings(&paths, "cluster paths"));
  DL_RETURN_IF_ERROR(r.get_strings(&words, "words"));
  DL_RETURN_IF_ERROR(r.get_vector(&ids, "cluster indices"));
  if (ids.size() != words.size()) return r.corrupt("word and cluster tables differ in length");
  for (uint32_t id : ids) {
    if (id >= paths.size()) return r.corrupt("cluster index out of range");
  }
  if (!r.at_end()) return r.corrupt("trailing bytes after the word table");
  WordClusters c = build_table(std::move(paths), words, ids, std::move(file.header));
  c.fingerprint_ = file.fingerprint;
  return c;
}

Result<WordClusters> WordClusters::decode(std::string_view bytes, const std::string& name) {
  DL_ASSIGN_OR_RETURN(model::ModelFile file,
                      model::decode_model(bytes, model::ModelKind::kClusters, name));
  return from_model(std::move(file), name);
}

Result<WordClusters> WordClusters::load(const std::filesystem::path& file) {
  DL_ASSIGN_OR_RETURN(model::ModelFile m,
                      model::read_model_file(file.string(), model::ModelKind::kClusters));
  return from_model(std::move(m), file.string());
}

Status WordClusters::save(const std::string& path) const {
  return model::write_model_file(path, model::ModelKind::kClusters, header_, payload());
}

int WordClusters::find(std::string_view word) const {
  if (slots_.empty()) return -1;
  const uint64_t h = fnv1a(word);
  const size_t mask = slots_.size() - 1;
  for (size_t s = h & mask;; s = (s + 1) & mask) {
    const Slot& o = slots_[s];
    if (o.cluster == UINT32_MAX) return -1;
    if (o.hash == h && o.length == word.size() &&
        std::memcmp(text_.data() + o.offset, word.data(), word.size()) == 0) {
      return static_cast<int>(o.cluster);
    }
  }
}

int WordClusters::cluster(std::string_view word) const {
  int c = find(word);
  if (c >= 0) return c;
  char buf[128];
  if (word.size() > sizeof buf) return -1;
  bool changed = false;
  for (size_t i = 0; i < word.size(); ++i) {
    char ch = word[i];
    if (ch >= 'A' && ch <= 'Z') {
      ch = static_cast<char>(ch - 'A' + 'a');
      changed = true;
    }
    buf[i] = ch;
  }
  return changed ? find(std::string_view(buf, word.size())) : -1;
}

std::string_view WordClusters::path(std::string_view word) const {
  const int c = cluster(word);
  return c < 0 ? std::string_view() : std::string_view(paths_[static_cast<size_t>(c)]);
}

}  // namespace dateline::clusters
