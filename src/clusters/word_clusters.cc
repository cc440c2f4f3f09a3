// SPDX-License-Identifier: Apache-2.0
// Loading and looking up word clusters. The table is an open-addressing hash over one
// concatenated string of words, so a lookup costs one FNV-1a hash, usually one probe and one
// memcmp, and no allocation (the lower-cased fallback uses a stack buffer).
#include "clusters/word_clusters.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

#include "model/hash.h"

namespace dateline::clusters {
namespace {

using model::fnv1a;
using model::hex16;

void put_u32(std::string& out, uint32_t v) {
  char b[4];
  std::memcpy(b, &v, 4);
  out.append(b, 4);
}
void put_str(std::string& out, std::string_view s) {
  put_u32(out, static_cast<uint32_t>(s.size()));
  out.append(s);
}

// Bounds-checked reader; every failure is kDataLoss naming the file and the field.
class Reader {
 public:
  Reader(std::string_view b, const std::string& name) : b_(b), name_(name) {}
  Status u32(uint32_t* v, const char* what) {
    if (b_.size() - pos_ < 4) return truncated(what);
    std::memcpy(v, b_.data() + pos_, 4);
    pos_ += 4;
    return ok_status();
  }
  Status str(std::string* s, const char* what) {
    uint32_t n = 0;
    DL_RETURN_IF_ERROR(u32(&n, what));
    if (b_.size() - pos_ < n) return truncated(what);
    s->assign(b_.substr(pos_, n));
    pos_ += n;
    return ok_status();
  }
  size_t pos() const { return pos_; }

 private:
  Status truncated(const char* what) const {
    return error(ErrorCode::kDataLoss,
                 name_ + ": truncated at byte " + std::to_string(pos_) + " reading " + what);
  }
  std::string_view b_;
  size_t pos_ = 0;
  const std::string& name_;
};

}  // namespace

WordClusters WordClusters::build(std::vector<std::string> paths,
                                 const std::vector<std::string>& words,
                                 const std::vector<uint32_t>& word_cluster,
                                 std::vector<std::pair<std::string, std::string>> header) {
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
  // The fingerprint is that of the encoded file, so a built and a loaded table agree.
  const std::string bytes = c.encode();
  uint64_t sum = 0;
  std::memcpy(&sum, bytes.data() + bytes.size() - 8, 8);
  c.fingerprint_ = hex16(sum);
  return c;
}

std::string WordClusters::encode() const {
  std::string out(kClustersMagic, sizeof kClustersMagic);
  put_u32(out, kClustersFormatVersion);
  put_u32(out, static_cast<uint32_t>(header_.size()));
  for (const auto& [k, v] : header_) {
    put_str(out, k);
    put_str(out, v);
  }
  put_u32(out, static_cast<uint32_t>(paths_.size()));
  for (const std::string& p : paths_) put_str(out, p);
  // Words in text order (the order they were added), which is deterministic.
  std::vector<const Slot*> order;
  order.reserve(n_words_);
  for (const Slot& s : slots_) {
    if (s.cluster != UINT32_MAX) order.push_back(&s);
  }
  std::sort(order.begin(), order.end(),
            [](const Slot* a, const Slot* b) { return a->offset < b->offset; });
  put_u32(out, static_cast<uint32_t>(order.size()));
  for (const Slot* s : order) {
    put_str(out, std::string_view(text_).substr(s->offset, s->length));
    put_u32(out, s->cluster);
  }
  const uint64_t sum = fnv1a(out);
  char b[8];
  std::memcpy(b, &sum, 8);
  out.append(b, 8);
  return out;
}

Result<WordClusters> WordClusters::decode(std::string_view bytes, const std::string& name) {
  if (bytes.size() < sizeof kClustersMagic + 4 + 8 ||
      std::memcmp(bytes.data(), kClustersMagic, sizeof kClustersMagic) != 0) {
    return error(ErrorCode::kDataLoss, name + ": not a dateline clusters file (bad magic)");
  }
  uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + bytes.size() - 8, 8);
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  Reader r(body, name);
  uint32_t version = 0;
  for (int i = 0; i < 2; ++i) DL_RETURN_IF_ERROR(r.u32(&version, "magic"));  // checked above
  DL_RETURN_IF_ERROR(r.u32(&version, "format version"));
  if (version == 0 || version > kClustersFormatVersion) {
    return error(ErrorCode::kDataLoss, name + ": clusters format version " +
                                           std::to_string(version) + " is newer than " +
                                           std::to_string(kClustersFormatVersion));
  }
  if (fnv1a(body) != stored) {
    return error(ErrorCode::kDataLoss, name + ": checksum mismatch (damaged file)");
  }
  uint32_t n = 0;
  std::vector<std::pair<std::string, std::string>> header;
  DL_RETURN_IF_ERROR(r.u32(&n, "header size"));
  for (uint32_t i = 0; i < n; ++i) {
    std::string k, v;
    DL_RETURN_IF_ERROR(r.str(&k, "header key"));
    DL_RETURN_IF_ERROR(r.str(&v, "header value"));
    header.emplace_back(std::move(k), std::move(v));
  }
  std::vector<std::string> paths;
  DL_RETURN_IF_ERROR(r.u32(&n, "path count"));
  if (n > body.size()) return error(ErrorCode::kDataLoss, name + ": bad path count");
  paths.resize(n);
  for (uint32_t i = 0; i < n; ++i) DL_RETURN_IF_ERROR(r.str(&paths[i], "path"));
  DL_RETURN_IF_ERROR(r.u32(&n, "word count"));
  if (n > body.size()) return error(ErrorCode::kDataLoss, name + ": bad word count");
  std::vector<std::string> words(n);
  std::vector<uint32_t> ids(n);
  for (uint32_t i = 0; i < n; ++i) {
    DL_RETURN_IF_ERROR(r.str(&words[i], "word"));
    DL_RETURN_IF_ERROR(r.u32(&ids[i], "cluster index"));
    if (ids[i] >= paths.size()) {
      return error(ErrorCode::kDataLoss, name + ": cluster index out of range");
    }
  }
  if (r.pos() != body.size()) {
    return error(ErrorCode::kDataLoss, name + ": trailing bytes after the word table");
  }
  WordClusters c = build(std::move(paths), words, ids, std::move(header));
  c.fingerprint_ = hex16(stored);
  return c;
}

Result<WordClusters> WordClusters::load(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    return error(ErrorCode::kNotFound, file.string() + ": no such clusters file");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return error(ErrorCode::kIo, file.string() + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  return decode(ss.str(), file.string());
}

Status WordClusters::save(const std::string& path) const {
  const std::string bytes = encode();
  std::ofstream out(path, std::ios::binary);
  if (!out) return error(ErrorCode::kIo, path + ": cannot write");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) return error(ErrorCode::kIo, path + ": write failed");
  return ok_status();
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
