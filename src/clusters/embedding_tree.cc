// SPDX-License-Identifier: Apache-2.0
// Divisive clustering of word vectors into a binary tree.
//
// Brown clusters learned from the 2.4M tokens of the project's own training text know ~38k
// words; pre-trained vectors (GloVe 6B: Wikipedia + Gigaword, 6 billion tokens) know 340k.
// The tagger, parser and NER read clusters only through bit-string prefixes, so the vectors
// are turned into the same kind of tree (Turian, Ratinov & Bengio 2010 and Guo et al. 2014
// found clustered embeddings better features for linear models than the raw dimensions).
//
// Each node is split by the sign of its words' projection on the node's principal direction
// (PDDP: power iteration on the centred vectors, from a fixed start), then refined by a few
// 2-means steps on the unit vectors. No random numbers, so the tree is a function of the file.
#include "clusters/embedding_tree.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "clusters/word_clusters.h"
#include "text/file.h"

namespace dateline::clusters {
namespace {

Status malformed(const std::string& file, const std::string& where, const std::string& what) {
  return error(ErrorCode::kDataLoss, file + ": " + where + ": " + what);
}

Result<Embeddings> read_wink_json(const std::string& file, const std::string& bytes,
                                  size_t max_words) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(bytes);
  } catch (const nlohmann::json::parse_error& e) {
    return malformed(file, "byte " + std::to_string(e.byte), "invalid JSON");
  }
  const auto dims = doc.find("dimensions");
  const auto words = doc.find("words");
  const auto vectors = doc.find("vectors");
  if (dims == doc.end() || !dims->is_number_unsigned() || words == doc.end() ||
      !words->is_array() || vectors == doc.end() || !vectors->is_object()) {
    return malformed(file, "top level", "expected \"dimensions\", \"words\" and \"vectors\"");
  }
  Embeddings e;
  e.dimensions = dims->get<int>();
  if (e.dimensions <= 0) return malformed(file, "dimensions", "must be positive");
  for (const auto& w : *words) {
    if (max_words > 0 && e.words.size() == max_words) break;
    if (!w.is_string()) return malformed(file, "words", "a word is not a string");
    const std::string& word = w.get_ref<const std::string&>();
    const auto v = vectors->find(word);
    if (v == vectors->end() || !v->is_array() ||
        v->size() < static_cast<size_t>(e.dimensions)) {
      return malformed(file, "vectors[\"" + word + "\"]", "missing or too short");
    }
    for (int d = 0; d < e.dimensions; ++d) {
      const auto& x = (*v)[static_cast<size_t>(d)];
      if (!x.is_number()) return malformed(file, "vectors[\"" + word + "\"]", "not a number");
      e.values.push_back(x.get<float>());
    }
    e.words.push_back(word);
  }
  return e;
}

Result<Embeddings> read_text_vectors(const std::string& file, std::string_view bytes,
                                     size_t max_words) {
  Embeddings e;
  size_t line_no = 0;
  size_t p = 0;
  while (p < bytes.size() && (max_words == 0 || e.words.size() < max_words)) {
    size_t end = bytes.find('\n', p);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(p, end - p);
    p = end + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty()) continue;
    std::vector<std::string_view> fields;
    for (size_t q = 0; q <= line.size();) {
      size_t s = line.find(' ', q);
      if (s == std::string_view::npos) s = line.size();
      fields.push_back(line.substr(q, s - q));
      q = s + 1;
    }
    if (line_no == 1 && fields.size() == 2) continue;  // word2vec "count dimensions"
    const int dims = static_cast<int>(fields.size()) - 1;
    if (dims <= 0) return malformed(file, "line " + std::to_string(line_no), "no vector");
    if (e.dimensions == 0) e.dimensions = dims;
    if (dims != e.dimensions) {
      return malformed(file, "line " + std::to_string(line_no),
                       std::to_string(dims) + " values, expected " +
                           std::to_string(e.dimensions));
    }
    for (size_t i = 1; i < fields.size(); ++i) {
      float x = 0;
      const auto r = std::from_chars(fields[i].data(), fields[i].data() + fields[i].size(), x);
      if (r.ec != std::errc() || r.ptr != fields[i].data() + fields[i].size()) {
        return malformed(file, "line " + std::to_string(line_no), "bad number");
      }
      e.values.push_back(x);
    }
    e.words.emplace_back(fields[0]);
  }
  return e;
}

// Rows of one node; the tree is built depth-first over index ranges of `order`.
class TreeBuilder {
 public:
  TreeBuilder(const Embeddings& e, int depth, int min_leaf)
      : dims_(static_cast<size_t>(e.dimensions)),
        unit_(e.values),
        depth_(depth),
        min_leaf_(static_cast<size_t>(std::max(1, min_leaf))),
        paths_(e.words.size()) {
    for (size_t r = 0; r < e.words.size(); ++r) {
      float* v = &unit_[r * dims_];
      double n = 0;
      for (size_t d = 0; d < dims_; ++d) n += double{v[d]} * v[d];
      const float inv = n > 0 ? static_cast<float>(1 / std::sqrt(n)) : 0.f;
      for (size_t d = 0; d < dims_; ++d) v[d] *= inv;
    }
  }

  std::vector<std::string> build() {
    std::vector<uint32_t> order(paths_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
    split(order, 0, order.size(), "");
    return std::move(paths_);
  }

 private:
  const float* row(uint32_t r) const { return &unit_[size_t{r} * dims_]; }

  std::vector<double> mean(const std::vector<uint32_t>& order, size_t b, size_t e) const {
    std::vector<double> m(dims_, 0.0);
    for (size_t i = b; i < e; ++i) {
      const float* v = row(order[i]);
      for (size_t d = 0; d < dims_; ++d) m[d] += v[d];
    }
    for (double& x : m) x /= static_cast<double>(e - b);
    return m;
  }

  // Top eigenvector of the node's covariance by power iteration, started from a fixed
  // vector so the result does not depend on anything but the data.
  std::vector<double> principal_direction(const std::vector<uint32_t>& order, size_t b,
                                          size_t e, const std::vector<double>& centre) const {
    std::vector<double> dir(dims_);
    for (size_t d = 0; d < dims_; ++d) dir[d] = 1.0 / std::sqrt(double(dims_)) * (d % 2 ? -1 : 1);
    std::vector<double> next(dims_);
    for (int it = 0; it < 12; ++it) {
      std::fill(next.begin(), next.end(), 0.0);
      for (size_t i = b; i < e; ++i) {
        const float* v = row(order[i]);
        double proj = 0;
        for (size_t d = 0; d < dims_; ++d) proj += (v[d] - centre[d]) * dir[d];
        for (size_t d = 0; d < dims_; ++d) next[d] += proj * (v[d] - centre[d]);
      }
      double n = 0;
      for (double x : next) n += x * x;
      if (n <= 0) break;
      n = std::sqrt(n);
      for (size_t d = 0; d < dims_; ++d) dir[d] = next[d] / n;
    }
    return dir;
  }

  // Returns the split point: rows [b, mid) go left ("0"), [mid, e) right ("1").
  size_t bisect(std::vector<uint32_t>& order, size_t b, size_t e) const {
    const std::vector<double> centre = mean(order, b, e);
    const std::vector<double> dir = principal_direction(order, b, e, centre);
    std::vector<uint8_t> side(e - b);
    for (size_t i = b; i < e; ++i) {
      const float* v = row(order[i]);
      double proj = 0;
      for (size_t d = 0; d < dims_; ++d) proj += (v[d] - centre[d]) * dir[d];
      side[i - b] = proj > 0;
    }
    // 2-means refinement: each row joins the nearer of the two side means.
    std::vector<double> c0(dims_), c1(dims_);
    for (int it = 0; it < 4; ++it) {
      std::fill(c0.begin(), c0.end(), 0.0);
      std::fill(c1.begin(), c1.end(), 0.0);
      size_t n0 = 0, n1 = 0;
      for (size_t i = b; i < e; ++i) {
        const float* v = row(order[i]);
        std::vector<double>& c = side[i - b] ? c1 : c0;
        (side[i - b] ? n1 : n0) += 1;
        for (size_t d = 0; d < dims_; ++d) c[d] += v[d];
      }
      if (n0 == 0 || n1 == 0) break;
      for (size_t d = 0; d < dims_; ++d) {
        c0[d] /= static_cast<double>(n0);
        c1[d] /= static_cast<double>(n1);
      }
      size_t moved = 0;
      for (size_t i = b; i < e; ++i) {
        const float* v = row(order[i]);
        double d0 = 0, d1 = 0;
        for (size_t d = 0; d < dims_; ++d) {
          d0 += (v[d] - c0[d]) * (v[d] - c0[d]);
          d1 += (v[d] - c1[d]) * (v[d] - c1[d]);
        }
        const uint8_t s = d1 < d0;
        moved += s != side[i - b];
        side[i - b] = s;
      }
      if (moved == 0) break;
    }
    // Stable partition keeps file (frequency) order inside each child.
    std::vector<uint32_t> left, right;
    for (size_t i = b; i < e; ++i) (side[i - b] ? right : left).push_back(order[i]);
    std::copy(left.begin(), left.end(), order.begin() + static_cast<std::ptrdiff_t>(b));
    std::copy(right.begin(), right.end(),
              order.begin() + static_cast<std::ptrdiff_t>(b + left.size()));
    return b + left.size();
  }

  void split(std::vector<uint32_t>& order, size_t b, size_t e, const std::string& path) {
    const bool leaf = static_cast<int>(path.size()) >= depth_ || e - b < 2 * min_leaf_;
    const size_t mid = leaf ? b : bisect(order, b, e);
    if (leaf || mid == b || mid == e) {
      const std::string p = path.empty() ? "0" : path;
      for (size_t i = b; i < e; ++i) paths_[order[i]] = p;
      return;
    }
    split(order, b, mid, path + "0");
    split(order, mid, e, path + "1");
  }

  size_t dims_;
  std::vector<float> unit_;
  int depth_;
  size_t min_leaf_;
  std::vector<std::string> paths_;
};

}  // namespace

Result<Embeddings> read_embeddings(const std::string& file, size_t max_words) {
  DL_ASSIGN_OR_RETURN(std::string bytes, text::read_file(file));
  const size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return malformed(file, "byte 0", "empty file");
  Result<Embeddings> e = bytes[first] == '{' ? read_wink_json(file, bytes, max_words)
                                             : read_text_vectors(file, bytes, max_words);
  if (e.ok() && e->words.empty()) return malformed(file, "byte 0", "no word vectors");
  return e;
}

std::vector<std::string> embedding_paths(const Embeddings& e, int depth, int min_leaf) {
  return TreeBuilder(e, depth, min_leaf).build();
}

namespace {

Status train_and_write_tree(const EmbeddingClustersOptions& o) {
  auto log = [&](const std::string& s) {
    if (o.log) o.log(s);
  };
  if (o.depth < 1 || o.depth > 30) {
    return error(ErrorCode::kInvalidArgument, "depth: must be in [1, 30]");
  }
  if (o.out.empty()) return error(ErrorCode::kInvalidArgument, "out: no output file given");
  DL_ASSIGN_OR_RETURN(Embeddings e, read_embeddings(o.embeddings, o.max_words));
  log("clusters: " + std::to_string(e.words.size()) + " vectors of " +
      std::to_string(e.dimensions) + " dimensions from " + o.embeddings);
  const std::vector<std::string> word_paths = embedding_paths(e, o.depth, o.min_leaf);

  // Distinct paths in order of first use (the most frequent word's cluster first).
  std::vector<std::string> paths;
  std::vector<uint32_t> word_cluster;
  std::unordered_map<std::string, uint32_t> index;
  for (const std::string& p : word_paths) {
    auto [it, added] = index.emplace(p, static_cast<uint32_t>(paths.size()));
    if (added) paths.push_back(p);
    word_cluster.push_back(it->second);
  }
  log("clusters: tree of " + std::to_string(paths.size()) + " leaves");
  const size_t slash = o.embeddings.find_last_of('/');
  std::vector<std::pair<std::string, std::string>> header = {
      {"command", o.command},
      {"algorithm", "divisive clustering of unit word vectors (PDDP + 2-means), depth " +
                        std::to_string(o.depth) + ", min leaf " + std::to_string(o.min_leaf)},
      {"data", slash == std::string::npos ? o.embeddings : o.embeddings.substr(slash + 1)},
      {"words", std::to_string(e.words.size())},
      {"dimensions", std::to_string(e.dimensions)},
      {"clusters", std::to_string(paths.size())},
  };
  WordClusters table = WordClusters::build(std::move(paths), e.words, word_cluster, header);
  DL_RETURN_IF_ERROR(table.save(o.out));
  log("clusters: wrote " + o.out + " (" + std::to_string(table.n_words()) +
      " words, fingerprint " + table.fingerprint() + ")");
  return ok_status();
}

}  // namespace

}  // namespace dateline::clusters

namespace dateline {

Status train_embedding_clusters(const EmbeddingClustersOptions& options) {
  return clusters::train_and_write_tree(options);
}

}  // namespace dateline
