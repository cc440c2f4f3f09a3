// SPDX-License-Identifier: Apache-2.0
// Named-entity recognition as greedy sequence labelling with an averaged perceptron.
//
// Each word gets one BILOU label (O, or B/I/L/U-TYPE). Features are hashed to 64 bits from a
// template id and a string, so extraction allocates nothing per feature: the word, its shape
// ("Xxxx", "XX.", "dd"), prefixes and suffixes, the surrounding words and shapes, gazetteer
// flags, POS tags when the syntax stage provides them, and the two previously chosen labels.
// Decoding is greedy and constrained to valid BILOU sequences; training runs the same decoder
// and updates on every wrong label (Collins 2002, averaged with the lazy "timestamp" trick),
// which is the recipe of many fast taggers (e.g. spaCy v1's, the Stanford/UDPipe greedy
// taggers): accuracy close to a CRF at a fraction of the cost.
//
// File format (all integers little-endian):
//   "DLNERMDL" | u32 format version | u32 header length | header (key=value lines:
//   fingerprint, command, data, scores) | payload
//   payload: u32 number of types, each u32 length + bytes | u64 number of features, each
//            u64 hash, u8 non-zero count, then (u8 label, f32 weight) pairs.
// The fingerprint is the FNV-1a hash of the payload, checked on load (corruption).
#include "entities/ner_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#include "text/utf8.h"

namespace dateline::entities {
namespace {

constexpr char kMagic[8] = {'D', 'L', 'N', 'E', 'R', 'M', 'D', 'L'};

constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

inline uint64_t mix(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}
inline uint64_t feat(uint32_t tmpl, std::string_view s) {
  uint64_t h = kFnvOffset ^ (static_cast<uint64_t>(tmpl) * 0x9E3779B97F4A7C15ULL);
  h *= kFnvPrime;
  return mix(h, s);
}
inline uint64_t feat2(uint32_t tmpl, std::string_view a, std::string_view b) {
  uint64_t h = feat(tmpl, a);
  h ^= 0xFF;
  h *= kFnvPrime;
  return mix(h, b);
}

// Word shape with runs collapsed: "McDonald" -> "XxXx", "U.S." -> "X.X.", "2026" -> "d".
void shape_of(std::string_view w, std::string& out) {
  out.clear();
  char last = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    char k;
    if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if (c >= '0' && c <= '9') k = 'd';
    else if (c >= 0x80) k = 'u';
    else k = static_cast<char>(c);
    if (k != last || (k != 'x' && k != 'd' && k != 'u' && k != 'X')) out += k;
    last = k;
    if (out.size() > 8) break;
  }
}

// Byte length of the first / last `n` code points (at most the word).
size_t prefix_bytes(std::string_view w, int n) {
  size_t pos = 0;
  for (int k = 0; k < n && pos < w.size(); ++k) {
    size_t len = 1;
    text::decode(w, pos, &len);
    pos += len;
  }
  return pos;
}
size_t suffix_bytes(std::string_view w, int n) {
  size_t pos = w.size();
  for (int k = 0; k < n && pos > 0; ++k) {
    size_t len = 1;
    text::decode_before(w, pos, &len);
    pos -= len;
  }
  return w.size() - pos;
}

enum Template : uint32_t {
  kBias = 1, kWord, kLower, kShape, kPre1, kPre2, kPre3, kSuf1, kSuf2, kSuf3, kSuf4,
  kPrevWord, kNextWord, kPrev2Word, kNext2Word, kPrevShape, kNextShape, kShape3,
  kBigramPrev, kBigramNext, kFirstShape, kGaz, kGazPrev, kGazNext, kPos, kPosPrev, kPosNext,
  kPosShape, kLength, kPrevTag, kPrev2Tags, kPrevTagWord, kPrevTagShape, kPrevWordShape,
  kNextWordShape, kAllCapsSentence,
};

struct WordInfo {
  std::string lower, shape;
};

// The features of position i that do not depend on previous labels.
void static_features(std::span<const WordInfo> info, const NerInput& in, size_t i,
                     bool lower_sentence, std::vector<uint64_t>& out) {
  const size_t n = info.size();
  const std::string_view w = in.words[i];
  const std::string& lw = info[i].lower;
  const std::string& sh = info[i].shape;
  static const std::string kBos = "<s>", kEos = "</s>";
  const std::string& pl = i > 0 ? info[i - 1].lower : kBos;
  const std::string& nl = i + 1 < n ? info[i + 1].lower : kEos;
  const std::string& ps = i > 0 ? info[i - 1].shape : kBos;
  const std::string& ns = i + 1 < n ? info[i + 1].shape : kEos;
  out.push_back(feat(kBias, ""));
  out.push_back(feat(kWord, w));
  out.push_back(feat(kLower, lw));
  out.push_back(feat(kShape, sh));
  out.push_back(feat(kPre1, std::string_view(w).substr(0, prefix_bytes(w, 1))));
  out.push_back(feat(kPre2, std::string_view(lw).substr(0, prefix_bytes(lw, 2))));
  out.push_back(feat(kPre3, std::string_view(lw).substr(0, prefix_bytes(lw, 3))));
  out.push_back(feat(kSuf1, std::string_view(lw).substr(lw.size() - suffix_bytes(lw, 1))));
  out.push_back(feat(kSuf2, std::string_view(lw).substr(lw.size() - suffix_bytes(lw, 2))));
  out.push_back(feat(kSuf3, std::string_view(lw).substr(lw.size() - suffix_bytes(lw, 3))));
  out.push_back(feat(kSuf4, std::string_view(lw).substr(lw.size() - suffix_bytes(lw, 4))));
  out.push_back(feat(kPrevWord, pl));
  out.push_back(feat(kNextWord, nl));
  out.push_back(feat(kPrev2Word, i > 1 ? std::string_view(info[i - 2].lower) : kBos));
  out.push_back(feat(kNext2Word, i + 2 < n ? std::string_view(info[i + 2].lower) : kEos));
  out.push_back(feat(kPrevShape, ps));
  out.push_back(feat(kNextShape, ns));
  out.push_back(mix(feat2(kShape3, ps, sh) ^ 0xFE, ns));
  out.push_back(feat2(kBigramPrev, pl, lw));
  out.push_back(feat2(kBigramNext, lw, nl));
  out.push_back(feat2(kPrevWordShape, pl, sh));
  out.push_back(feat2(kNextWordShape, sh, nl));
  if (i == 0) out.push_back(feat(kFirstShape, sh));
  if (lower_sentence) out.push_back(feat(kAllCapsSentence, sh));
  char len[2] = {static_cast<char>('0' + std::min<size_t>(w.size(), 9)), 0};
  out.push_back(feat(kLength, std::string_view(len, 1)));
  if (!in.gazetteer.empty()) {
    for (int bit = 0; bit < 8; ++bit) {
      char b[2] = {static_cast<char>('a' + bit), 0};
      if (in.gazetteer[i] & (1u << bit)) out.push_back(feat(kGaz, std::string_view(b, 1)));
      if (i > 0 && (in.gazetteer[i - 1] & (1u << bit)))
        out.push_back(feat(kGazPrev, std::string_view(b, 1)));
      if (i + 1 < n && (in.gazetteer[i + 1] & (1u << bit)))
        out.push_back(feat(kGazNext, std::string_view(b, 1)));
    }
  }
  if (!in.upos.empty()) {
    out.push_back(feat(kPos, in.upos[i]));
    out.push_back(feat(kPosPrev, i > 0 ? in.upos[i - 1] : kBos));
    out.push_back(feat(kPosNext, i + 1 < n ? in.upos[i + 1] : kEos));
    out.push_back(feat2(kPosShape, in.upos[i], sh));
  }
}

// Mostly-lower-case sentences (web text, headlines in capitals) make capitalisation a weaker
// cue; the model learns how much weaker from this flag.
bool is_lower_sentence(std::span<const std::string_view> words) {
  int caps = 0, letters = 0;
  for (std::string_view w : words) {
    if (w.empty()) continue;
    unsigned char c = static_cast<unsigned char>(w[0]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++letters;
      caps += c >= 'A' && c <= 'Z';
    }
  }
  return letters >= 4 && caps == 0;
}

void prepare(const NerInput& in, std::vector<WordInfo>& info) {
  info.resize(in.words.size());
  for (size_t i = 0; i < in.words.size(); ++i) {
    lower_ascii(in.words[i], info[i].lower);
    shape_of(in.words[i], info[i].shape);
  }
}

// Label ids: 0 = O; for type t: 1+4t = B, 2+4t = I, 3+4t = L, 4+4t = U.
inline int label_kind(int label) { return label == 0 ? -1 : (label - 1) % 4; }
inline int label_type(int label) { return label == 0 ? -1 : (label - 1) / 4; }
enum { kB = 0, kI = 1, kL = 2, kU = 3 };

bool allowed(int prev, int label, bool last) {
  int pk = label_kind(prev), lk = label_kind(label);
  bool inside = pk == kB || pk == kI;  // an open entity must continue
  if (inside) {
    if (lk != kI && lk != kL) return false;
    if (label_type(label) != label_type(prev)) return false;
  } else if (lk == kI || lk == kL) {
    return false;
  }
  if (last && (lk == kB || lk == kI)) return false;
  return true;
}

void dynamic_features(const std::vector<WordInfo>& info, size_t i, int prev, int prev2,
                      std::vector<uint64_t>& out) {
  char p[2] = {static_cast<char>('A' + prev), 0};
  char pp[3] = {static_cast<char>('A' + prev2), static_cast<char>('A' + prev), 0};
  out.push_back(feat(kPrevTag, std::string_view(p, 1)));
  out.push_back(feat(kPrev2Tags, std::string_view(pp, 2)));
  out.push_back(feat2(kPrevTagWord, std::string_view(p, 1), info[i].lower));
  out.push_back(feat2(kPrevTagShape, std::string_view(p, 1), info[i].shape));
}

std::vector<NerSpan> spans_from_labels(const std::vector<int>& labels,
                                       const std::vector<std::string>& types) {
  std::vector<NerSpan> spans;
  int open = -1;
  for (size_t i = 0; i < labels.size(); ++i) {
    int k = label_kind(labels[i]);
    if (k == kU) spans.push_back({uint32_t(i), uint32_t(i + 1), types[label_type(labels[i])]});
    if (k == kB) open = static_cast<int>(i);
    if (k == kL && open >= 0) {
      spans.push_back({uint32_t(open), uint32_t(i + 1), types[label_type(labels[i])]});
      open = -1;
    }
  }
  return spans;
}

std::vector<int> labels_from_spans(size_t n, const std::vector<NerSpan>& spans,
                                   const std::vector<std::string>& types) {
  std::vector<int> labels(n, 0);
  for (const NerSpan& s : spans) {
    auto it = std::find(types.begin(), types.end(), s.type);
    if (it == types.end() || s.end <= s.begin || s.end > n) continue;
    int t = static_cast<int>(it - types.begin());
    if (s.end - s.begin == 1) {
      labels[s.begin] = 1 + 4 * t + kU;
    } else {
      labels[s.begin] = 1 + 4 * t + kB;
      for (uint32_t k = s.begin + 1; k + 1 < s.end; ++k) labels[k] = 1 + 4 * t + kI;
      labels[s.end - 1] = 1 + 4 * t + kL;
    }
  }
  return labels;
}

template <typename T>
void put(std::string& out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));
  out.append(buf, sizeof(T));
}

struct Reader {
  std::string_view data;
  size_t pos = 0;
  bool failed = false;
  template <typename T>
  T get() {
    T v{};
    if (pos + sizeof(T) > data.size()) {
      failed = true;
      return v;
    }
    std::memcpy(&v, data.data() + pos, sizeof(T));
    pos += sizeof(T);
    return v;
  }
  std::string_view bytes(size_t n) {
    if (pos + n > data.size()) {
      failed = true;
      return {};
    }
    std::string_view v = data.substr(pos, n);
    pos += n;
    return v;
  }
};

}  // namespace

std::vector<uint8_t> gazetteer_bits(const Gazetteer& gazetteer,
                                    std::span<const std::string_view> words) {
  std::vector<uint8_t> bits(words.size(), 0);
  std::string lower;
  for (size_t i = 0; i < words.size();) {
    Gazetteer::Match m = gazetteer.longest_match(words, i);
    if (m.entry >= 0) {
      const GazetteerEntry& e = gazetteer.entries()[m.entry];
      uint8_t b = e.kind == GazetteerKind::kOrganization ? kGazOrg
                  : e.kind == GazetteerKind::kDemonym    ? kGazDemonym
                                                         : kGazPlace;
      if (e.weak) b |= kGazWeak;
      for (uint32_t k = 0; k < m.length; ++k) bits[i + k] |= b;
      if (m.length > 1) bits[i] |= kGazBegin;
      i += m.length;
      continue;
    }
    ++i;
  }
  for (size_t i = 0; i < words.size(); ++i) {
    lower_ascii(words[i], lower);
    TitleWord t = gazetteer.title_word(lower);
    if (t.kind == TitleWord::Kind::kHead || t.kind == TitleWord::Kind::kModifier) bits[i] |= kGazTitle;
    if (t.kind == TitleWord::Kind::kHonorific) bits[i] |= kGazHonorific;
    if (gazetteer.given_name_gender(words[i])) bits[i] |= kGazGivenName;
  }
  return bits;
}

void NerModel::set_types(std::vector<std::string> types) {
  types_ = std::move(types);
  num_labels_ = 1 + 4 * types_.size();
}

void NerModel::score(const std::vector<uint64_t>& features, float* out) const {
  std::fill(out, out + num_labels_, 0.0f);
  for (uint64_t f : features) {
    auto it = rows_.find(f);
    if (it == rows_.end()) continue;
    const float* w = &weights_[static_cast<size_t>(it->second) * num_labels_];
    for (size_t l = 0; l < num_labels_; ++l) out[l] += w[l];
  }
}

std::vector<NerSpan> NerModel::predict(const NerInput& in) const {
  const size_t n = in.words.size();
  if (n == 0 || types_.empty()) return {};
  std::vector<WordInfo> info;
  prepare(in, info);
  bool lower = is_lower_sentence(in.words);
  std::vector<int> labels(n, 0);
  std::vector<uint64_t> features;
  std::vector<float> scores(num_labels_);
  int prev = 0, prev2 = 0;
  for (size_t i = 0; i < n; ++i) {
    features.clear();
    static_features(info, in, i, lower, features);
    dynamic_features(info, i, prev, prev2, features);
    score(features, scores.data());
    int best = -1;
    for (size_t l = 0; l < num_labels_; ++l) {
      if (!allowed(prev, static_cast<int>(l), i + 1 == n)) continue;
      if (best < 0 || scores[l] > scores[best]) best = static_cast<int>(l);
    }
    labels[i] = best;
    prev2 = prev;
    prev = best;
  }
  return spans_from_labels(labels, types_);
}

std::vector<NerSpan> NerModel::predict(const NerExample& ex, const Gazetteer& gazetteer,
                                       bool use_pos) const {
  std::vector<std::string_view> words(ex.words.begin(), ex.words.end());
  std::vector<std::string_view> upos;
  if (use_pos && ex.upos.size() == ex.words.size()) upos.assign(ex.upos.begin(), ex.upos.end());
  std::vector<uint8_t> bits = gazetteer_bits(gazetteer, words);
  return predict(NerInput{words, upos, bits});
}

NerModel NerModel::train(const std::vector<NerExample>& examples, const Gazetteer& gazetteer,
                         const NerTrainOptions& options) {
  NerModel model;
  std::vector<std::string> types;
  for (const NerExample& ex : examples)
    for (const NerSpan& s : ex.spans)
      if (std::find(types.begin(), types.end(), s.type) == types.end()) types.push_back(s.type);
  std::sort(types.begin(), types.end());
  model.set_types(types);
  const size_t L = model.num_labels_;

  // Static features are computed once per word; only label features change between passes.
  struct Prepared {
    std::vector<WordInfo> info;
    std::vector<std::vector<uint64_t>> features;
    std::vector<int> gold;
  };
  std::vector<Prepared> data(examples.size());
  for (size_t e = 0; e < examples.size(); ++e) {
    const NerExample& ex = examples[e];
    std::vector<std::string_view> words(ex.words.begin(), ex.words.end());
    std::vector<std::string_view> upos;
    if (ex.upos.size() == ex.words.size()) upos.assign(ex.upos.begin(), ex.upos.end());
    std::vector<uint8_t> bits = gazetteer_bits(gazetteer, words);
    NerInput in{words, upos, bits};
    Prepared& p = data[e];
    prepare(in, p.info);
    bool lower = is_lower_sentence(words);
    p.features.resize(words.size());
    for (size_t i = 0; i < words.size(); ++i) static_features(p.info, in, i, lower, p.features[i]);
    p.gold = labels_from_spans(words.size(), ex.spans, types);
  }

  // Averaged perceptron with lazy averaging: total += w * (now - stamp) before each change.
  std::vector<float> w, total;
  std::vector<uint32_t> stamp, count;
  std::unordered_map<uint64_t, uint32_t>& rows = model.rows_;
  uint32_t now = 0;
  auto row_of = [&](uint64_t f) -> uint32_t {
    auto [it, inserted] = rows.emplace(f, static_cast<uint32_t>(rows.size()));
    if (inserted) {
      w.resize(w.size() + L, 0);
      total.resize(total.size() + L, 0);
      stamp.resize(stamp.size() + L, 0);
      count.push_back(0);
    }
    return it->second;
  };
  auto update = [&](uint32_t row, size_t label, float delta) {
    size_t k = static_cast<size_t>(row) * L + label;
    total[k] += w[k] * static_cast<float>(now - stamp[k]);
    stamp[k] = now;
    w[k] += delta;
  };

  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::vector<uint64_t> features;
  std::vector<float> scores(L);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t right = 0, all = 0;
    for (size_t e : order) {
      Prepared& p = data[e];
      int prev = 0, prev2 = 0;
      const size_t n = p.gold.size();
      for (size_t i = 0; i < n; ++i) {
        ++now;
        features = p.features[i];
        dynamic_features(p.info, i, prev, prev2, features);
        std::fill(scores.begin(), scores.end(), 0.0f);
        for (uint64_t f : features) {
          auto it = rows.find(f);
          if (it == rows.end()) continue;
          const float* wr = &w[static_cast<size_t>(it->second) * L];
          for (size_t l = 0; l < L; ++l) scores[l] += wr[l];
        }
        int best = -1;
        for (size_t l = 0; l < L; ++l) {
          if (!allowed(prev, static_cast<int>(l), i + 1 == n)) continue;
          if (best < 0 || scores[l] > scores[best]) best = static_cast<int>(l);
        }
        int gold = p.gold[i];
        ++all;
        if (best == gold) {
          ++right;
        } else {
          for (uint64_t f : features) {
            uint32_t r = row_of(f);
            ++count[r];
            update(r, static_cast<size_t>(gold), 1.0f);
            update(r, static_cast<size_t>(best), -1.0f);
          }
        }
        prev2 = prev;
        prev = best;
      }
    }
    if (options.progress) options.progress(epoch, all ? double(right) / double(all) : 0);
  }

  // Average, drop rare and all-zero features, and store rows densely.
  std::vector<std::pair<uint64_t, uint32_t>> kept;
  kept.reserve(rows.size());
  for (const auto& [f, r] : rows) {
    if (static_cast<int>(count[r]) < options.min_feature_count) continue;
    bool nonzero = false;
    for (size_t l = 0; l < L; ++l) {
      size_t k = static_cast<size_t>(r) * L + l;
      total[k] += w[k] * static_cast<float>(now - stamp[k]);
      stamp[k] = now;
      float avg = total[k] / static_cast<float>(now);
      if (std::fabs(avg) < 1e-4f) avg = 0;
      w[k] = avg;
      nonzero |= avg != 0;
    }
    if (nonzero) kept.emplace_back(f, r);
  }
  std::sort(kept.begin(), kept.end());
  std::unordered_map<uint64_t, uint32_t> new_rows;
  std::vector<float> new_weights(kept.size() * L);
  for (size_t i = 0; i < kept.size(); ++i) {
    new_rows.emplace(kept[i].first, static_cast<uint32_t>(i));
    std::memcpy(&new_weights[i * L], &w[static_cast<size_t>(kept[i].second) * L], L * sizeof(float));
  }
  model.rows_ = std::move(new_rows);
  model.weights_ = std::move(new_weights);
  return model;
}

std::string NerModel::serialize() {
  const size_t L = num_labels_;
  std::string payload;
  put<uint32_t>(payload, static_cast<uint32_t>(types_.size()));
  for (const std::string& t : types_) {
    put<uint32_t>(payload, static_cast<uint32_t>(t.size()));
    payload += t;
  }
  std::vector<std::pair<uint64_t, uint32_t>> sorted(rows_.begin(), rows_.end());
  std::sort(sorted.begin(), sorted.end());
  put<uint64_t>(payload, sorted.size());
  for (const auto& [f, r] : sorted) {
    put<uint64_t>(payload, f);
    const float* wr = &weights_[static_cast<size_t>(r) * L];
    uint8_t nnz = 0;
    for (size_t l = 0; l < L; ++l) nnz += wr[l] != 0;
    put<uint8_t>(payload, nnz);
    for (size_t l = 0; l < L; ++l) {
      if (wr[l] == 0) continue;
      put<uint8_t>(payload, static_cast<uint8_t>(l));
      put<float>(payload, wr[l]);
    }
  }
  info_.fingerprint = text::content_hash(payload);
  auto clean = [](std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
  };
  std::string header = "fingerprint=" + info_.fingerprint + "\ncommand=" + clean(info_.command) +
                       "\ndata=" + clean(info_.data) + "\nscores=" + clean(info_.scores) + "\n";
  std::string out(kMagic, sizeof(kMagic));
  put<uint32_t>(out, kFormatVersion);
  put<uint32_t>(out, static_cast<uint32_t>(header.size()));
  out += header;
  out += payload;
  return out;
}

Status NerModel::save(const std::string& path) {
  std::string bytes = serialize();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return error(ErrorCode::kIo, path + ": cannot write");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return error(ErrorCode::kIo, path + ": write failed");
  return ok_status();
}

Result<NerModel> NerModel::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return error(ErrorCode::kNotFound, path + ": cannot open NER model");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), path);
}

Result<NerModel> NerModel::parse(std::string_view bytes, const std::string& name) {
  auto corrupt = [&](const std::string& what) {
    return error(ErrorCode::kDataLoss, name + ": " + what);
  };
  Reader r{bytes};
  std::string_view magic = r.bytes(sizeof(kMagic));
  if (r.failed || magic != std::string_view(kMagic, sizeof(kMagic))) {
    return corrupt("not a dateline NER model (bad magic number)");
  }
  uint32_t version = r.get<uint32_t>();
  if (r.failed) return corrupt("truncated header");
  if (version > kFormatVersion) {
    return corrupt("format version " + std::to_string(version) + " is newer than this build (" +
                   std::to_string(kFormatVersion) + ")");
  }
  uint32_t header_len = r.get<uint32_t>();
  std::string_view header = r.bytes(header_len);
  if (r.failed) return corrupt("truncated header");
  NerModel model;
  size_t pos = 0;
  while (pos < header.size()) {
    size_t nl = header.find('\n', pos);
    if (nl == std::string_view::npos) nl = header.size();
    std::string_view line = header.substr(pos, nl - pos);
    size_t eq = line.find('=');
    if (eq != std::string_view::npos) {
      std::string_view key = line.substr(0, eq), value = line.substr(eq + 1);
      if (key == "fingerprint") model.info_.fingerprint = value;
      if (key == "command") model.info_.command = value;
      if (key == "data") model.info_.data = value;
      if (key == "scores") model.info_.scores = value;
    }
    pos = nl + 1;
  }
  std::string_view payload = bytes.substr(r.pos);
  if (text::content_hash(payload) != model.info_.fingerprint) {
    return corrupt("fingerprint mismatch (file corrupt or truncated)");
  }
  Reader p{payload};
  uint32_t num_types = p.get<uint32_t>();
  if (p.failed || num_types > 60) return corrupt("bad type count");
  std::vector<std::string> types;
  for (uint32_t t = 0; t < num_types; ++t) {
    uint32_t len = p.get<uint32_t>();
    std::string_view s = p.bytes(len);
    if (p.failed) return corrupt("truncated types");
    types.emplace_back(s);
  }
  model.set_types(std::move(types));
  const size_t L = model.num_labels_;
  uint64_t num_features = p.get<uint64_t>();
  if (p.failed || num_features > payload.size()) return corrupt("bad feature count");
  model.rows_.reserve(num_features);
  model.weights_.assign(num_features * L, 0.0f);
  for (uint64_t i = 0; i < num_features; ++i) {
    uint64_t f = p.get<uint64_t>();
    uint8_t nnz = p.get<uint8_t>();
    for (uint8_t k = 0; k < nnz; ++k) {
      uint8_t label = p.get<uint8_t>();
      float v = p.get<float>();
      if (p.failed || label >= L) return corrupt("bad weight record");
      model.weights_[i * L + label] = v;
    }
    if (p.failed) return corrupt("truncated weights");
    model.rows_.emplace(f, static_cast<uint32_t>(i));
  }
  if (p.pos != payload.size()) return corrupt("trailing bytes");
  return model;
}

void NerScore::add(const std::vector<NerSpan>& gold, const std::vector<NerSpan>& predicted) {
  auto counts = [&](const std::string& type) -> Counts& {
    for (auto& [t, c] : by_type)
      if (t == type) return c;
    by_type.emplace_back(type, Counts{});
    std::sort(by_type.begin(), by_type.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [t, c] : by_type)
      if (t == type) return c;
    return overall;  // unreachable
  };
  for (const NerSpan& g : gold) {
    ++counts(g.type).gold;
    ++overall.gold;
  }
  for (const NerSpan& s : predicted) {
    ++counts(s.type).predicted;
    ++overall.predicted;
    if (std::find(gold.begin(), gold.end(), s) != gold.end()) {
      ++counts(s.type).correct;
      ++overall.correct;
    }
  }
}

std::string NerScore::to_string() const {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-8s %6s %6s %6s %7s %7s %7s\n", "type", "gold", "pred",
                "right", "P", "R", "F1");
  out += line;
  auto row = [&](const std::string& name, const Counts& c) {
    std::snprintf(line, sizeof line, "%-8s %6d %6d %6d %7.2f %7.2f %7.2f\n", name.c_str(), c.gold,
                  c.predicted, c.correct, c.precision(), c.recall(), c.f1());
    out += line;
  };
  for (const auto& [t, c] : by_type) row(t, c);
  row("overall", overall);
  return out;
}

}  // namespace dateline::entities
