// SPDX-License-Identifier: Apache-2.0
// Word clusters: exchange algorithm + agglomerative hierarchy.
//
// The objective is Brown et al.'s (1992) class-bigram likelihood: with N(c,d) the number of
// bigrams whose left word is in class c and right word in class d, and L(c), R(d) the row and
// column sums, maximise  sum_cd f(N(c,d)) - sum_c f(L(c)) - sum_d f(R(d)),  f(x) = x ln x
// (the average mutual information between adjacent classes, up to constants).
//
// 1. Flat classes by the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998):
//    the C most frequent words seed C classes, every other word joins the best class in
//    frequency order (counting bigrams among words already placed, which is Liang's 2005
//    windowed initialisation in spirit), then passes over the vocabulary move each word to the
//    class that raises the objective most, until fewer than 0.1% of words move. Moving a word
//    costs O(C x its distinct neighbour classes), so a pass over ~50k types and ~3M tokens takes
//    seconds, where Brown/Liang agglomeration over the vocabulary costs O(V C^2).
// 2. A binary hierarchy over the C classes by Brown's greedy agglomeration: repeatedly merge the
//    pair whose merge loses the least objective (O(C) per pair, O(C^4/4) in all: seconds for
//    C = 256). The merge tree gives each class its bit-string path (first-merged child "0").
// Ties are broken by index everywhere and the inputs are read in the given order, so the
// result is deterministic.
#include "dateline/training.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "clusters/word_clusters.h"
#include "dateline/document.h"
#include "segment/segmenter.h"
#include "text/file.h"

namespace dateline::clusters {
namespace {

using Sentences = std::vector<std::vector<std::string>>;
using text::read_file;

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t p = 0;
  while (p < s.size()) {
    size_t e = s.find('\n', p);
    if (e == std::string_view::npos) e = s.size();
    std::string_view l = s.substr(p, e - p);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    p = e + 1;
  }
  return lines;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The JSON string starting at s[p] == '"'; false when malformed.
bool json_string(std::string_view s, size_t p, std::string* out) {
  out->clear();
  for (++p; p < s.size(); ++p) {
    char c = s[p];
    if (c == '"') return true;
    if (c != '\\') {
      *out += c;
      continue;
    }
    if (++p >= s.size()) return false;
    switch (s[p]) {
      case 'n': *out += '\n'; break;
      case 't': *out += '\t'; break;
      case 'r': *out += '\r'; break;
      case 'b': case 'f': *out += ' '; break;
      case 'u': {
        auto read4 = [&](size_t q, uint32_t* v) {
          if (q + 4 > s.size()) return false;
          *v = 0;
          for (size_t k = q; k < q + 4; ++k) {
            int h = hex_value(s[k]);
            if (h < 0) return false;
            *v = *v * 16 + static_cast<uint32_t>(h);
          }
          return true;
        };
        uint32_t cp = 0;
        if (!read4(p + 1, &cp)) return false;
        p += 4;
        if (cp >= 0xd800 && cp < 0xdc00 && p + 6 < s.size() && s[p + 1] == '\\' &&
            s[p + 2] == 'u') {
          uint32_t lo = 0;
          if (read4(p + 3, &lo) && lo >= 0xdc00 && lo < 0xe000) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            p += 6;
          }
        }
        if (cp >= 0xd800 && cp < 0xe000) cp = 0xfffd;
        append_utf8(*out, cp);
        break;
      }
      default: *out += s[p];
    }
  }
  return false;
}

// The value of the top-level key "text" of a JSON object line (the first occurrence of the
// key followed by a string value).
bool json_text_field(std::string_view line, std::string* out) {
  size_t p = 0;
  while ((p = line.find("\"text\"", p)) != std::string_view::npos) {
    size_t q = p + 6;
    while (q < line.size() && (line[q] == ' ' || line[q] == '\t')) ++q;
    if (q < line.size() && line[q] == ':') {
      ++q;
      while (q < line.size() && (line[q] == ' ' || line[q] == '\t')) ++q;
      if (q < line.size() && line[q] == '"') return json_string(line, q, out);
    }
    p += 6;
  }
  return false;
}

// RFC 4180 CSV rows (quoted fields may span lines).
std::vector<std::vector<std::string>> csv_rows(std::string_view s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(std::move(field));
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

std::string strip_markup(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '<') {
      size_t e = s.find('>', i);
      if (e == std::string_view::npos) break;
      out += ' ';
      i = e;
    } else if (c == '&') {
      size_t e = s.find(';', i);
      std::string_view ent = e == std::string_view::npos ? "" : s.substr(i + 1, e - i - 1);
      if (ent == "amp") out += '&';
      else if (ent == "lt") out += '<';
      else if (ent == "gt") out += '>';
      else if (ent == "quot") out += '"';
      else if (ent == "apos") out += '\'';
      else {
        out += c;
        continue;
      }
      i = e;
    } else {
      out += c;
    }
  }
  return out;
}

void tokenize_text(const segment::Segmenter& seg, std::string text, Sentences* out) {
  Document doc;
  doc.text = std::move(text);
  seg.segment(doc);
  for (const Sentence& s : doc.sentences) {
    std::vector<std::string> words;
    for (uint32_t t = s.token_begin; t < s.token_end && t < doc.tokens.size(); ++t) {
      words.emplace_back(doc.slice(doc.tokens[t].span));
    }
    if (!words.empty()) out->push_back(std::move(words));
  }
}

Status read_corpus(const ClustersTrainOptions& o, Sentences* out) {
  const segment::Segmenter seg;
  for (const std::string& f : o.conllu) {
    DL_ASSIGN_OR_RETURN(std::string text, read_file(f));
    std::vector<std::string> words;
    for (std::string_view l : split_lines(text)) {
      if (l.empty()) {
        if (!words.empty()) out->push_back(std::move(words));
        words.clear();
        continue;
      }
      if (l[0] == '#') continue;
      size_t t1 = l.find('\t');
      if (t1 == std::string_view::npos) continue;
      std::string_view id = l.substr(0, t1);
      if (id.find_first_of("-.") != std::string_view::npos) continue;
      size_t t2 = l.find('\t', t1 + 1);
      words.emplace_back(l.substr(t1 + 1, t2 == std::string_view::npos ? l.npos : t2 - t1 - 1));
    }
    if (!words.empty()) out->push_back(std::move(words));
  }
  for (const std::string& f : o.conll) {
    DL_ASSIGN_OR_RETURN(std::string text, read_file(f));
    std::vector<std::string> words;
    for (std::string_view l : split_lines(text)) {
      size_t e = l.find_first_of(" \t");
      std::string_view w = l.substr(0, e);
      if (w.empty() || w.starts_with("-DOCSTART-")) {
        if (!words.empty()) out->push_back(std::move(words));
        words.clear();
        continue;
      }
      words.emplace_back(w);
    }
    if (!words.empty()) out->push_back(std::move(words));
  }
  for (const std::string& f : o.jsonl) {
    DL_ASSIGN_OR_RETURN(std::string text, read_file(f));
    std::string doc;
    for (std::string_view l : split_lines(text)) {
      if (json_text_field(l, &doc)) tokenize_text(seg, doc, out);
    }
  }
  for (const std::string& f : o.csv) {
    DL_ASSIGN_OR_RETURN(std::string text, read_file(f));
    auto rows = csv_rows(text);
    if (rows.empty()) continue;
    auto it = std::find(rows[0].begin(), rows[0].end(), "text");
    if (it == rows[0].end()) {
      return error(ErrorCode::kInvalidArgument, f + ": no \"text\" column in the header row");
    }
    const size_t col = static_cast<size_t>(it - rows[0].begin());
    for (size_t r = 1; r < rows.size(); ++r) {
      if (col < rows[r].size()) tokenize_text(seg, rows[r][col], out);
    }
  }
  for (const std::string& f : o.xml) {
    DL_ASSIGN_OR_RETURN(std::string text, read_file(f));
    tokenize_text(seg, strip_markup(text), out);
  }
  return ok_status();
}

// f(x) = x ln x with a table for small counts (most class-bigram cells are small).
class XLogX {
 public:
  XLogX() : table_(kSize) {
    for (size_t i = 1; i < kSize; ++i) table_[i] = static_cast<double>(i) * std::log(double(i));
  }
  double operator()(int64_t x) const {
    DL_DCHECK(x >= 0);
    if (x < static_cast<int64_t>(kSize)) return table_[static_cast<size_t>(x)];
    const double d = static_cast<double>(x);
    return d * std::log(d);
  }

 private:
  static constexpr size_t kSize = 1 << 16;
  std::vector<double> table_;
};

struct Neighbour {
  uint32_t word;
  uint32_t count;
};

// Bigram statistics of the clustered vocabulary (word 0 is <unk>).
struct Bigrams {
  std::vector<std::vector<Neighbour>> next, prev;  // excluding the word itself
  std::vector<int64_t> self;                       // count of (w, w)
  std::vector<int64_t> left, right;                // bigrams with w on the left / right
};

class Exchange {
 public:
  Exchange(const Bigrams& g, int n_classes)
      : g_(g), c_(n_classes), m_(static_cast<size_t>(c_) * c_, 0), l_(c_, 0), r_(c_, 0),
        size_(c_, 0), cls_(g.next.size(), -1), rc_(c_, 0), lc_(c_, 0) {}

  // Places word w in class c (w must be unplaced).
  void add(uint32_t w, int c) {
    gather(w);
    apply(w, c, +1);
  }

  // Moves w to its best class; returns whether it moved.
  bool move(uint32_t w) {
    const int a = cls_[w];
    if (size_[a] == 1) return false;  // never empty a class
    gather(w);
    apply(w, a, -1);
    const int b = best(w, a);
    apply(w, b, +1);
    return b != a;
  }

  // Unplaced w's best class given the placed words.
  int best_new(uint32_t w) {
    gather(w);
    return best(w, -1);
  }

  double objective() const {
    double s = 0;
    for (int64_t v : m_) s += f_(v);
    for (int c = 0; c < c_; ++c) s -= f_(l_[c]) + f_(r_[c]);
    return s;
  }

  int cls(uint32_t w) const { return cls_[w]; }
  const std::vector<int64_t>& matrix() const { return m_; }

 private:
  int64_t& m(int a, int b) { return m_[static_cast<size_t>(a) * c_ + b]; }

  // rc_[d] / lc_[c]: bigrams from w to placed words of class d / from class c to w.
  void gather(uint32_t w) {
    for (int d : touched_r_) rc_[d] = 0;
    for (int c : touched_l_) lc_[c] = 0;
    touched_r_.clear();
    touched_l_.clear();
    // The marginals are per-word constants (all of w's bigrams), even while some neighbours
    // are still unplaced during initialisation.
    wl_ = g_.left[w];
    wr_ = g_.right[w];
    for (const Neighbour& n : g_.next[w]) {
      const int d = cls_[n.word];
      if (d < 0) continue;
      if (rc_[d] == 0) touched_r_.push_back(d);
      rc_[d] += n.count;
    }
    for (const Neighbour& n : g_.prev[w]) {
      const int c = cls_[n.word];
      if (c < 0) continue;
      if (lc_[c] == 0) touched_l_.push_back(c);
      lc_[c] += n.count;
    }
    std::sort(touched_r_.begin(), touched_r_.end());
    std::sort(touched_l_.begin(), touched_l_.end());
  }

  void apply(uint32_t w, int a, int sign) {
    for (int d : touched_r_) m(a, d) += sign * rc_[d];
    for (int c : touched_l_) m(c, a) += sign * lc_[c];
    m(a, a) += sign * g_.self[w];
    l_[a] += sign * wl_;
    r_[a] += sign * wr_;
    size_[a] += sign;
    cls_[w] = sign > 0 ? a : -1;
  }

  // The class gaining most from w (gathered); `keep` wins ties.
  int best(uint32_t w, int keep) {
    const int64_t self = g_.self[w];
    double best_gain = -1e300;
    int best_c = 0;
    for (int b = 0; b < c_; ++b) {
      double gain = 0;
      for (int d : touched_r_) {
        if (d == b) continue;
        const int64_t v = m(b, d);
        gain += f_(v + rc_[d]) - f_(v);
      }
      for (int c : touched_l_) {
        if (c == b) continue;
        const int64_t v = m(c, b);
        gain += f_(v + lc_[c]) - f_(v);
      }
      const int64_t bb = m(b, b);
      gain += f_(bb + rc_[b] + lc_[b] + self) - f_(bb);
      gain -= f_(l_[b] + wl_) - f_(l_[b]) + f_(r_[b] + wr_) - f_(r_[b]);
      if (gain > best_gain + 1e-9 || (b == keep && gain >= best_gain - 1e-9)) {
        best_gain = gain;
        best_c = b;
      }
    }
    return best_c;
  }

  const Bigrams& g_;
  const int c_;
  XLogX f_;
  std::vector<int64_t> m_, l_, r_, size_;
  std::vector<int> cls_;
  std::vector<int64_t> rc_, lc_;
  std::vector<int> touched_r_, touched_l_;
  int64_t wl_ = 0, wr_ = 0;
};

// Brown's greedy agglomeration over the flat classes; returns each class's bit path.
std::vector<std::string> build_hierarchy(std::vector<int64_t> m, int c) {
  XLogX f;
  auto at = [&](int a, int b) -> int64_t& { return m[static_cast<size_t>(a) * c + b]; };
  std::vector<int64_t> l(c, 0), r(c, 0);
  for (int a = 0; a < c; ++a) {
    for (int b = 0; b < c; ++b) {
      l[a] += at(a, b);
      r[b] += at(a, b);
    }
  }
  // Tree nodes: leaves 0..c-1, then internal nodes.
  std::vector<std::pair<int, int>> children(c, {-1, -1});
  std::vector<int> node(c);
  for (int a = 0; a < c; ++a) node[a] = a;
  std::vector<int> active(c);
  for (int a = 0; a < c; ++a) active[a] = a;
  while (active.size() > 1) {
    double best = -1e300;
    size_t bi = 0, bj = 1;
    for (size_t i = 0; i < active.size(); ++i) {
      const int a = active[i];
      for (size_t j = i + 1; j < active.size(); ++j) {
        const int b = active[j];
        double d = 0;
        for (int k : active) {
          if (k == a || k == b) continue;
          const int64_t x = at(a, k), y = at(b, k);
          if (x && y) d += f(x + y) - f(x) - f(y);
          const int64_t u = at(k, a), v = at(k, b);
          if (u && v) d += f(u + v) - f(u) - f(v);
        }
        d += f(at(a, a) + at(a, b) + at(b, a) + at(b, b)) - f(at(a, a)) - f(at(a, b)) -
             f(at(b, a)) - f(at(b, b));
        d -= f(l[a] + l[b]) - f(l[a]) - f(l[b]) + f(r[a] + r[b]) - f(r[a]) - f(r[b]);
        if (d > best + 1e-9) {
          best = d;
          bi = i;
          bj = j;
        }
      }
    }
    const int a = active[bi], b = active[bj];
    for (int k : active) {
      if (k == a || k == b) continue;
      at(a, k) += at(b, k);
      at(k, a) += at(k, b);
    }
    at(a, a) += at(a, b) + at(b, a) + at(b, b);
    l[a] += l[b];
    r[a] += r[b];
    children.emplace_back(node[a], node[b]);
    node[a] = static_cast<int>(children.size()) - 1;
    active.erase(active.begin() + static_cast<std::ptrdiff_t>(bj));
  }
  std::vector<std::string> path(children.size());
  std::vector<std::string> out(c);
  // Children are created after their parents' indices are known: walk from the root down.
  for (int n = static_cast<int>(children.size()) - 1; n >= 0; --n) {
    auto [x, y] = children[n];
    if (x < 0) continue;
    path[x] = path[n] + '0';
    path[y] = path[n] + '1';
  }
  for (int a = 0; a < c; ++a) out[a] = path[a].empty() ? "0" : path[a];
  return out;
}

}  // namespace

namespace {

Status train_and_write_clusters(const ClustersTrainOptions& o) {
  auto log = [&](const std::string& s) {
    if (o.log) o.log(s);
  };
  if (o.clusters < 2 || o.clusters > 4096) {
    return error(ErrorCode::kInvalidArgument, "clusters: must be in [2, 4096]");
  }
  if (o.out.empty()) return error(ErrorCode::kInvalidArgument, "out: no output file given");
  Sentences corpus;
  DL_RETURN_IF_ERROR(read_corpus(o, &corpus));

  // Vocabulary by frequency (ties by byte order), rare words folded into <unk> = 0.
  std::unordered_map<std::string, int64_t> counts;
  int64_t n_tokens = 0;
  for (const auto& s : corpus) {
    for (const std::string& w : s) ++counts[w];
    n_tokens += static_cast<int64_t>(s.size());
  }
  std::vector<std::pair<std::string, int64_t>> vocab;
  for (auto& [w, n] : counts) {
    if (n >= o.min_count) vocab.emplace_back(w, n);
  }
  std::sort(vocab.begin(), vocab.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::unordered_map<std::string, uint32_t> id;
  for (size_t i = 0; i < vocab.size(); ++i) id.emplace(vocab[i].first, i + 1);
  const size_t n_words = vocab.size() + 1;
  log("clusters: " + std::to_string(corpus.size()) + " sentences, " + std::to_string(n_tokens) +
      " tokens, " + std::to_string(counts.size()) + " types, " + std::to_string(vocab.size()) +
      " with count >= " + std::to_string(o.min_count));
  if (vocab.size() < static_cast<size_t>(o.clusters)) {
    return error(ErrorCode::kInvalidArgument, "fewer words than clusters");
  }

  Bigrams g;
  {
    std::unordered_map<uint64_t, uint32_t> pairs;
    for (const auto& s : corpus) {
      uint32_t prev = UINT32_MAX;
      for (const std::string& w : s) {
        auto it = id.find(w);
        const uint32_t cur = it == id.end() ? 0 : it->second;
        if (prev != UINT32_MAX) ++pairs[(uint64_t{prev} << 32) | cur];
        prev = cur;
      }
    }
    corpus.clear();
    corpus.shrink_to_fit();
    g.next.resize(n_words);
    g.prev.resize(n_words);
    g.self.assign(n_words, 0);
    g.left.assign(n_words, 0);
    g.right.assign(n_words, 0);
    for (const auto& [key, n] : pairs) {
      const uint32_t a = static_cast<uint32_t>(key >> 32), b = static_cast<uint32_t>(key);
      g.left[a] += n;
      g.right[b] += n;
      if (a == b) {
        g.self[a] += n;
      } else {
        g.next[a].push_back({b, n});
        g.prev[b].push_back({a, n});
      }
    }
    auto by_word = [](const Neighbour& x, const Neighbour& y) { return x.word < y.word; };
    for (size_t w = 0; w < n_words; ++w) {
      std::sort(g.next[w].begin(), g.next[w].end(), by_word);
      std::sort(g.prev[w].begin(), g.prev[w].end(), by_word);
    }
    log("clusters: " + std::to_string(pairs.size()) + " bigram types");
  }

  // Order of placement and of exchange passes: frequency order, <unk> last.
  std::vector<uint32_t> order;
  for (uint32_t w = 1; w < n_words; ++w) order.push_back(w);
  order.push_back(0);
  const int c = o.clusters;
  Exchange ex(g, c);
  for (int i = 0; i < c; ++i) ex.add(order[static_cast<size_t>(i)], i);
  for (size_t i = static_cast<size_t>(c); i < order.size(); ++i) {
    ex.add(order[i], ex.best_new(order[i]));
  }
  log("clusters: initial objective " + std::to_string(ex.objective()));
  int passes = 0;
  for (; passes < o.iterations; ++passes) {
    size_t moved = 0;
    for (uint32_t w : order) moved += ex.move(w);
    log("clusters: pass " + std::to_string(passes + 1) + ": " + std::to_string(moved) +
        " words moved, objective " + std::to_string(ex.objective()));
    if (moved * 1000 < order.size()) {
      ++passes;
      break;
    }
  }
  const double objective = ex.objective();
  std::vector<std::string> paths = build_hierarchy(ex.matrix(), c);
  log("clusters: hierarchy built");

  std::vector<std::string> words;
  std::vector<uint32_t> word_cluster;
  for (size_t i = 0; i < vocab.size(); ++i) {
    words.push_back(vocab[i].first);
    word_cluster.push_back(static_cast<uint32_t>(ex.cls(static_cast<uint32_t>(i + 1))));
  }
  std::string data;
  for (const auto* files : {&o.conllu, &o.conll, &o.jsonl, &o.csv, &o.xml}) {
    for (const std::string& f : *files) {
      const size_t slash = f.find_last_of('/');
      data += (data.empty() ? "" : " ") + (slash == std::string::npos ? f : f.substr(slash + 1));
    }
  }
  std::vector<std::pair<std::string, std::string>> header = {
      {"command", o.command},
      {"algorithm", "exchange (class-bigram likelihood) + Brown agglomerative hierarchy"},
      {"data", data},
      {"tokens", std::to_string(n_tokens)},
      {"words", std::to_string(vocab.size())},
      {"clusters", std::to_string(c)},
      {"min_count", std::to_string(o.min_count)},
      {"passes", std::to_string(passes)},
      {"objective", std::to_string(objective / static_cast<double>(n_tokens))},
  };
  WordClusters table = WordClusters::build(std::move(paths), words, word_cluster, header);
  DL_RETURN_IF_ERROR(table.save(o.out));
  log("clusters: wrote " + o.out + " (" + std::to_string(vocab.size()) + " words, fingerprint " +
      table.fingerprint() + ")");
  return ok_status();
}

}  // namespace

}  // namespace dateline::clusters

namespace dateline {

Status train_clusters(const ClustersTrainOptions& options) {
  return clusters::train_and_write_clusters(options);
}

}  // namespace dateline
