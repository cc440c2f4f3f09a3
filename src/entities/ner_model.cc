// SPDX-License-Identifier: Apache-2.0
// Named-entity recognition as sequence labelling with a structured averaged perceptron.
//
// Each word gets one BILOU label (O, or B/I/L/U-TYPE). Features are hashed to 64 bits from a
// template id and a string, so extraction allocates nothing per feature: the word, its shape
// ("Xxxx", "XX.", "dd"), prefixes and suffixes, the surrounding words and shapes, gazetteer
// flags, name-list flags (GeoNames, WordNet; see name_lists.h) with the word's case class,
// Brown-cluster path prefixes when word clusters are attached, how the word is written
// elsewhere in its document (document_case_bits(), read only where the word's own case says
// little), POS tags when the caller provides them (no shipped model uses them). Those "static"
// features score each label of a word once; the label of the previous word enters through three
// first-order templates (previous label, previous label x word, previous label x shape), so the
// best label sequence is found exactly by Viterbi over BILOU labels with the invalid transitions (I
// after O, B after B,
// ...) forbidden, O(n L^2) with L = 13 for PER/ORG/LOC. Greedy left-to-right decoding (the
// previous version) commits to a B or an O before seeing the next word, which cost whole
// multi-word names; Viterbi does not.
//
// Training is Collins' (2002) structured perceptron: decode a sentence with the current
// weights and, where the best sequence differs from the gold one, reward the gold and
// penalise the predicted features (the averaged perceptron of model/perceptron.h, one
// averaging step per sentence).
// Examples from other corpora than the target (domain != 0) also update a domain-tagged
// copy of every static feature (Daume's "frustratingly easy" adaptation, asymmetric: target
// sentences use only the shared copy, so run time pays nothing for it).
//
// Decoding subtracts a constant from O's score at every word (outside_bias, chosen on dev by
// the trainer): a perceptron trained on sparse names prefers O, so it trades precision for
// recall until F1 peaks.
//
// Weights are the int16 table of model/perceptron.h (a row of labels per feature key); the
// decoder sums them in integers and runs Viterbi in doubles, so a score does not depend on
// the order of the features. The file format is in ner_model.h.
#include "entities/ner_model.h"

#include <algorithm>
#include <array>
#include <bit>
#include <random>
#include <unordered_map>

#include "model/hash.h"
#include "text/utf8.h"

namespace dateline::entities {
namespace {

// The seed of every feature hash (FNV-1a continued from it, model/hash.h). It is not the FNV
// offset basis, but the shipped model was trained with it: changing it means retraining.
constexpr uint64_t kFeatureSeed = 1469598103934665603ULL;

inline uint64_t feat(uint32_t tmpl, std::string_view s) {
  return model::fnv1a(
      s, model::fnv1a_step(kFeatureSeed, static_cast<uint64_t>(tmpl) * 0x9E3779B97F4A7C15ULL));
}
inline uint64_t feat2(uint32_t tmpl, std::string_view a, std::string_view b) {
  return model::fnv1a(b, model::fnv1a_step(feat(tmpl, a), 0xFF));
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

// Template ids are part of the feature hashes: append, never renumber (kPrev2Tags, the
// greedy decoder's second-order template, is unused but keeps its slot).
enum Template : uint32_t {
  kBias = 1, kWord, kLower, kShape, kPre1, kPre2, kPre3, kSuf1, kSuf2, kSuf3, kSuf4,
  kPrevWord, kNextWord, kPrev2Word, kNext2Word, kPrevShape, kNextShape, kShape3,
  kBigramPrev, kBigramNext, kFirstShape, kGaz, kGazPrev, kGazNext, kPos, kPosPrev, kPosNext,
  kPosShape, kLength, kPrevTag, kPrev2Tags, kPrevTagWord, kPrevTagShape, kPrevWordShape,
  kNextWordShape, kAllCapsSentence, kClus4, kClus6, kClus10, kClusFull, kClusPrev,
  kClusNext, kClusPrev4, kClusNext4, kGazShape, kInitialCap, kClusShape, kClusPrevCur,
  kClusCurNext, kDomainTag, kListShape, kListPrevNext, kDocCase, kDocCaseContext,
};

struct WordInfo {
  std::string lower, shape;
  std::string_view cluster;  // Brown path, empty when unknown or no clusters
  // Hashes of the word and shape templates that the previous label is combined with: the
  // decoder asks for them once per previous label, so they are hashed once per word.
  uint64_t label_word = 0, label_shape = 0;
};

// The features of position i that do not depend on previous labels.
void static_features(std::span<const WordInfo> info, const NerInput& in, size_t i,
                     char sentence_class, std::vector<uint64_t>& out) {
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
  out.push_back(model::fnv1a(ns, feat2(kShape3, ps, sh) ^ 0xFE));
  out.push_back(feat2(kBigramPrev, pl, lw));
  out.push_back(feat2(kBigramNext, lw, nl));
  out.push_back(feat2(kPrevWordShape, pl, sh));
  out.push_back(feat2(kNextWordShape, sh, nl));
  if (i == 0) out.push_back(feat(kFirstShape, sh));
  if (sentence_class) {
    out.push_back(feat2(kAllCapsSentence, std::string_view(&sentence_class, 1), sh));
  }
  char len[2] = {static_cast<char>('0' + std::min<size_t>(w.size(), 9)), 0};
  out.push_back(feat(kLength, std::string_view(len, 1)));
  if (!in.gazetteer.empty()) {
    for (int bit = 0; bit < kGazListShift + kNameListBits; ++bit) {
      char b[2] = {static_cast<char>('a' + bit), 0};
      if (in.gazetteer[i] & (1u << bit)) out.push_back(feat(kGaz, std::string_view(b, 1)));
      if (i > 0 && (in.gazetteer[i - 1] & (1u << bit)))
        out.push_back(feat(kGazPrev, std::string_view(b, 1)));
      if (i + 1 < n && (in.gazetteer[i + 1] & (1u << bit)))
        out.push_back(feat(kGazNext, std::string_view(b, 1)));
    }
  }
  if (!in.gazetteer.empty() && (in.gazetteer[i] & 0xFF)) {
    char b[2] = {static_cast<char>(in.gazetteer[i] & 0xFF), 0};
    out.push_back(feat2(kGazShape, std::string_view(b, 1), sh));
  }
  // Name-list evidence is only as good as the word's case ("Reading" the town, "reading"
  // the verb), so the lists enter combined with the shape and with their neighbours' lists.
  if (!in.gazetteer.empty()) {
    const uint32_t lists = in.gazetteer[i] >> kGazListShift;
    const std::string_view case_class = std::string_view(sh).substr(0, 2);
    if (lists) {
      const char b[2] = {static_cast<char>(lists & 0xFF), static_cast<char>(lists >> 8)};
      out.push_back(feat2(kListShape, std::string_view(b, 2), case_class));
    }
    const uint32_t prev = i > 0 ? in.gazetteer[i - 1] >> kGazListShift : 0;
    const uint32_t next = i + 1 < n ? in.gazetteer[i + 1] >> kGazListShift : 0;
    if (lists | prev | next) {
      const char b[4] = {static_cast<char>(prev & 0xFF), static_cast<char>(prev >> 8),
                         static_cast<char>(next & 0xFF), static_cast<char>(next >> 8)};
      out.push_back(feat2(kListPrevNext, std::string_view(b, 4), case_class));
    }
  }
  // Only where the sentence itself says little: a lower-case or all-capitals word, a
  // sentence start, or a sentence in one case.
  const bool own_case_says_name = i > 0 && sentence_class == 0 && !sh.empty() && sh[0] == 'X';
  if (!in.document.empty() && in.document[i] && !own_case_says_name) {
    const char bits = static_cast<char>('0' + in.document[i]);
    const char context[4] = {bits, i == 0 ? '^' : '-', sentence_class ? sentence_class : '.', 0};
    const std::string_view case_class = std::string_view(sh).substr(0, 2);
    out.push_back(feat2(kDocCase, std::string_view(&bits, 1), case_class));
    out.push_back(feat2(kDocCaseContext, std::string_view(context, 3), case_class));
  }
  // Capitalised away from the sentence start: the strongest name cue in edited text.
  if (i > 0 && !sh.empty() && sh[0] == 'X') out.push_back(feat(kInitialCap, std::string_view(sh).substr(0, 2)));
  if (!info[i].cluster.empty() || (i > 0 && !info[i - 1].cluster.empty()) ||
      (i + 1 < n && !info[i + 1].cluster.empty())) {
    auto prefix = [](std::string_view c, size_t k) { return c.substr(0, std::min(k, c.size())); };
    std::string_view c = info[i].cluster.empty() ? std::string_view("-") : info[i].cluster;
    std::string_view pc = i > 0 && !info[i - 1].cluster.empty() ? info[i - 1].cluster : "-";
    std::string_view nc = i + 1 < n && !info[i + 1].cluster.empty() ? info[i + 1].cluster : "-";
    out.push_back(feat(kClus4, prefix(c, 4)));
    out.push_back(feat(kClus6, prefix(c, 6)));
    out.push_back(feat(kClus10, prefix(c, 10)));
    out.push_back(feat(kClusFull, c));
    out.push_back(feat(kClusPrev, prefix(pc, 6)));
    out.push_back(feat(kClusNext, prefix(nc, 6)));
    out.push_back(feat(kClusPrev4, prefix(pc, 4)));
    out.push_back(feat(kClusNext4, prefix(nc, 4)));
    // Conjunctions: a capitalised word of a "name" cluster, and the cluster bigrams.
    out.push_back(feat2(kClusShape, prefix(c, 6), sh));
    out.push_back(feat2(kClusPrevCur, prefix(pc, 6), prefix(c, 6)));
    out.push_back(feat2(kClusCurNext, prefix(c, 6), prefix(nc, 6)));
  }
  if (!in.upos.empty()) {
    out.push_back(feat(kPos, in.upos[i]));
    out.push_back(feat(kPosPrev, i > 0 ? in.upos[i - 1] : kBos));
    out.push_back(feat(kPosNext, i + 1 < n ? in.upos[i + 1] : kEos));
    out.push_back(feat2(kPosShape, in.upos[i], sh));
  }
}

// Sentences written all in lower case (web text) or with every word capitalised (headings,
// signatures, text in capitals) make capitalisation a weaker cue; the model learns how much
// weaker from this class: 'l' lower, 't' title or upper case, 0 ordinary.
char sentence_case(std::span<const std::string_view> words) {
  int caps = 0, letters = 0;
  for (std::string_view w : words) {
    if (w.empty()) continue;
    unsigned char c = static_cast<unsigned char>(w[0]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++letters;
      caps += c >= 'A' && c <= 'Z';
    }
  }
  if (letters >= 4 && caps == 0) return 'l';
  if (letters >= 3 && caps == letters) return 't';
  return 0;
}

void prepare(const NerInput& in, const clusters::WordClusters* clusters,
             std::vector<WordInfo>& info) {
  info.resize(in.words.size());
  for (size_t i = 0; i < in.words.size(); ++i) {
    lower_ascii(in.words[i], info[i].lower);
    shape_of(in.words[i], info[i].shape);
    info[i].cluster = clusters ? clusters->path(in.words[i]) : std::string_view();
    info[i].label_word = feat(kPrevTagWord, info[i].lower);
    info[i].label_shape = feat(kPrevTagShape, info[i].shape);
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

// The first-order features of label `label` at word i after label `prev` (kStart before the
// first word): previous label, previous label x word, previous label x shape.
constexpr int kStart = 63;
inline uint64_t with_label(uint64_t h, int prev) {
  return model::fnv1a_step(h, static_cast<uint64_t>(prev + 1) * 0xC2B2AE3D27D4EB4FULL);
}
inline void transition_features(const WordInfo& w, int prev, uint64_t out[3]) {
  static const uint64_t kPrevTagBase = feat(kPrevTag, "");
  out[0] = with_label(kPrevTagBase, prev);
  out[1] = with_label(w.label_word, prev);
  out[2] = with_label(w.label_shape, prev);
}

// A copy of feature f that only examples of `domain` update.
inline uint64_t domain_copy(uint64_t f, uint8_t domain) {
  return model::fnv1a_step(f, 0x9E3779B97F4A7C15ULL * (kDomainTag + domain));
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

}  // namespace

std::vector<uint32_t> gazetteer_bits(const Gazetteer& gazetteer,
                                     std::span<const std::string_view> words) {
  std::vector<uint32_t> bits = gazetteer.name_lists().bits(words);
  for (uint32_t& b : bits) b <<= kGazListShift;
  std::string lower;
  for (size_t i = 0; i < words.size();) {
    Gazetteer::Match m = gazetteer.longest_match(words, i);
    if (m.entry >= 0) {
      const GazetteerEntry& e = gazetteer.entries()[m.entry];
      uint32_t b = e.kind == GazetteerKind::kOrganization ? kGazOrg
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

namespace {
// The case bit of one spelling, 0 for words without letters and capitalised sentence starts
// (every sentence capitalises its first word, and headings every word).
uint8_t case_of(std::string_view w, bool sentence_start, char sentence_class) {
  int upper = 0, lower = 0;
  for (unsigned char c : w) {
    upper += c >= 'A' && c <= 'Z';
    lower += c >= 'a' && c <= 'z';
  }
  if (upper == 0) return lower ? kDocLowerCase : 0;
  if (lower == 0) return upper >= 2 ? kDocUpperCase : 0;
  const unsigned char first = static_cast<unsigned char>(w[0]);
  if (first < 'A' || first > 'Z' || sentence_start || sentence_class == 't') return 0;
  return kDocCapitalised;
}
}  // namespace

std::vector<std::vector<uint8_t>> document_case_bits(
    std::span<const std::vector<std::string_view>> sentences) {
  // Occurrences per lower-cased spelling and case, to subtract each word's own.
  std::unordered_map<std::string, std::array<uint32_t, 3>> counts;
  std::vector<std::vector<uint8_t>> own(sentences.size());
  std::string lower;
  for (size_t k = 0; k < sentences.size(); ++k) {
    const char sentence_class = sentence_case(sentences[k]);
    own[k].resize(sentences[k].size());
    for (size_t i = 0; i < sentences[k].size(); ++i) {
      own[k][i] = case_of(sentences[k][i], i == 0, sentence_class);
      if (!own[k][i]) continue;
      lower_ascii(sentences[k][i], lower);
      ++counts[lower][std::countr_zero(own[k][i])];
    }
  }
  std::vector<std::vector<uint8_t>> bits(sentences.size());
  for (size_t k = 0; k < sentences.size(); ++k) {
    bits[k].assign(sentences[k].size(), 0);
    for (size_t i = 0; i < sentences[k].size(); ++i) {
      lower_ascii(sentences[k][i], lower);
      auto it = counts.find(lower);
      if (it == counts.end()) continue;
      for (int c = 0; c < 3; ++c) {
        const uint32_t self = own[k][i] == (1u << c) ? 1 : 0;
        if (it->second[static_cast<size_t>(c)] > self) bits[k][i] |= static_cast<uint8_t>(1u << c);
      }
    }
  }
  return bits;
}

size_t document_end(std::span<const NerExample> examples, size_t begin) {
  size_t end = begin + 1;
  while (end < examples.size() && examples[begin].document != 0 &&
         examples[end].document == examples[begin].document)
    ++end;
  return end;
}

std::vector<std::vector<uint8_t>> document_case_bits(std::span<const NerExample> examples) {
  std::vector<std::vector<uint8_t>> bits;
  bits.reserve(examples.size());
  for (size_t begin = 0; begin < examples.size();) {
    const size_t end = document_end(examples, begin);
    std::vector<std::vector<std::string_view>> words(end - begin);
    for (size_t k = begin; k < end; ++k)
      words[k - begin].assign(examples[k].words.begin(), examples[k].words.end());
    for (std::vector<uint8_t>& b : document_case_bits(words)) bits.push_back(std::move(b));
    begin = end;
  }
  return bits;
}

void NerModel::set_types(std::vector<std::string> types) {
  types_ = std::move(types);
  num_labels_ = 1 + 4 * types_.size();
}

bool NerModel::attach_clusters(std::shared_ptr<const clusters::WordClusters> clusters) {
  clusters_ = nullptr;
  if (clusters && !clusters->empty() && !info_.clusters.empty() &&
      clusters->fingerprint() == info_.clusters) {
    clusters_ = std::move(clusters);
  }
  return clusters_ != nullptr;
}

namespace {

// Exact best label sequence under the BILOU constraints. emit[i * L + l] is the static score
// of label l at word i; trans(i, prev, out) adds the first-order scores of every label at word
// i after `prev` to out[0..L). Scratch vectors are the caller's (no allocation per sentence
// once they have grown). T is float while training (current weights) and double at run time
// (sums of int16 weights, exact in a double).
template <typename T>
struct ViterbiScratch {
  std::vector<T> delta, t;
  std::vector<int> back;
  std::vector<uint8_t> ok;  // allowed(prev, label, last) for prev in [0, L] (L = start)
};

template <typename T, typename Trans>
void viterbi(size_t n, size_t L, const T* emit, Trans&& trans, ViterbiScratch<T>& s,
             std::vector<int>& labels) {
  constexpr T kNone = -1e30f;
  s.delta.assign(n * L, kNone);
  s.back.assign(n * L, 0);
  s.t.resize(L);
  if (s.ok.size() != (L + 1) * L * 2) {
    s.ok.resize((L + 1) * L * 2);
    for (size_t p = 0; p <= L; ++p)
      for (size_t l = 0; l < L; ++l)
        for (int last = 0; last < 2; ++last)
          s.ok[(p * L + l) * 2 + last] =
              allowed(p == L ? kStart : static_cast<int>(p), static_cast<int>(l), last != 0);
  }
  for (size_t i = 0; i < n; ++i) {
    const bool last = i + 1 == n;
    const size_t nprev = i == 0 ? 1 : L;
    for (size_t pi = 0; pi < nprev; ++pi) {
      const int prev = i == 0 ? kStart : static_cast<int>(pi);
      const T base = i == 0 ? T(0) : s.delta[(i - 1) * L + pi];
      if (base <= kNone) continue;
      std::fill(s.t.begin(), s.t.end(), T(0));
      trans(i, prev, s.t.data());
      const uint8_t* ok = &s.ok[((i == 0 ? L : pi) * L) * 2 + (last ? 1 : 0)];
      for (size_t l = 0; l < L; ++l) {
        if (!ok[l * 2]) continue;
        T v = base + s.t[l] + emit[i * L + l];
        if (v > s.delta[i * L + l]) {
          s.delta[i * L + l] = v;
          s.back[i * L + l] = prev;
        }
      }
    }
  }
  labels.assign(n, 0);
  size_t best = 0;
  for (size_t l = 1; l < L; ++l)
    if (s.delta[(n - 1) * L + l] > s.delta[(n - 1) * L + best]) best = l;
  for (size_t i = n; i-- > 0;) {
    labels[i] = static_cast<int>(best);
    if (i > 0) best = static_cast<size_t>(s.back[i * L + best]);
  }
}

}  // namespace

std::vector<NerSpan> NerModel::predict(const NerInput& in) const {
  const size_t n = in.words.size();
  if (n == 0 || types_.empty()) return {};
  const size_t L = num_labels_;
  std::vector<WordInfo> info;
  prepare(in, clusters_.get(), info);
  const char lower = sentence_case(in.words);
  // Static scores in int16 units; the outside bias is in the trainer's units.
  const double bias = static_cast<double>(info_.outside_bias) / weights_.scale();
  std::vector<double> emit(n * L);
  std::vector<int32_t> sums(L);
  std::vector<uint64_t> features;
  features.reserve(64);
  for (size_t i = 0; i < n; ++i) {
    features.clear();
    static_features(info, in, i, lower, features);
    std::fill(sums.begin(), sums.end(), 0);
    weights_.score(features, sums.data());
    for (size_t l = 0; l < L; ++l) emit[i * L + l] = sums[l];
    emit[i * L] -= bias;
  }
  ViterbiScratch<double> scratch;
  std::vector<int> labels;
  viterbi(
      n, L, emit.data(),
      [&](size_t i, int prev, double* out) {
        uint64_t tf[3];
        transition_features(info[i], prev, tf);
        std::fill(sums.begin(), sums.end(), 0);
        weights_.score(tf, sums.data());
        for (size_t l = 0; l < L; ++l) out[l] += sums[l];
      },
      scratch, labels);
  return spans_from_labels(labels, types_);
}

std::vector<NerSpan> NerModel::predict(const NerExample& ex, const Gazetteer& gazetteer,
                                       bool use_pos, std::span<const uint8_t> document) const {
  std::vector<std::string_view> words(ex.words.begin(), ex.words.end());
  std::vector<std::string_view> upos;
  if (use_pos && ex.upos.size() == ex.words.size()) upos.assign(ex.upos.begin(), ex.upos.end());
  std::vector<uint32_t> bits = gazetteer_bits(gazetteer, words);
  return predict(NerInput{words, upos, bits, document});
}

NerModel NerModel::train(const std::vector<NerExample>& examples, const Gazetteer& gazetteer,
                         const NerTrainOptions& options) {
  if (options.average_seeds > 1) {
    NerTrainOptions one = options;
    one.average_seeds = 1;
    std::vector<NerModel> runs;
    for (int k = 0; k < options.average_seeds; ++k) {
      one.seed = options.seed + static_cast<uint64_t>(k);
      runs.push_back(train(examples, gazetteer, one));
    }
    // Union of the features, weights averaged (one requantised table).
    std::vector<const model::Weights*> parts;
    for (const NerModel& m : runs) parts.push_back(&m.weights_);
    NerModel merged = std::move(runs.front());
    merged.weights_ = model::Weights::sum(parts, 1.0f / static_cast<float>(parts.size()));
    return merged;
  }
  NerModel model;
  std::vector<std::string> types;
  for (const NerExample& ex : examples)
    for (const NerSpan& s : ex.spans)
      if (std::find(types.begin(), types.end(), s.type) == types.end()) types.push_back(s.type);
  std::sort(types.begin(), types.end());
  model.set_types(types);
  model.info_.seed = std::to_string(options.seed);
  const size_t L = model.num_labels_;
  const clusters::WordClusters* clusters =
      options.clusters && !options.clusters->empty() ? options.clusters.get() : nullptr;

  // Static features are computed once per word; only the label sequence changes.
  struct Prepared {
    std::vector<WordInfo> info;
    std::vector<std::vector<uint64_t>> features;
    std::vector<int> gold;
    float weight = 1.0f;
  };
  std::vector<Prepared> data(examples.size());
  const std::vector<std::vector<uint8_t>> document_bits =
      options.document_case ? document_case_bits(examples) : std::vector<std::vector<uint8_t>>();
  for (size_t e = 0; e < examples.size(); ++e) {
    const NerExample& ex = examples[e];
    std::vector<std::string_view> words(ex.words.begin(), ex.words.end());
    std::vector<std::string_view> upos;
    if (ex.upos.size() == ex.words.size()) upos.assign(ex.upos.begin(), ex.upos.end());
    std::vector<uint32_t> bits = gazetteer_bits(gazetteer, words);
    NerInput in{words, upos, bits};
    if (options.document_case) in.document = document_bits[e];
    Prepared& p = data[e];
    prepare(in, clusters, p.info);
    const char lower = sentence_case(words);
    p.features.resize(words.size());
    for (size_t i = 0; i < words.size(); ++i) {
      static_features(p.info, in, i, lower, p.features[i]);
      if (ex.domain != 0) {
        const size_t shared = p.features[i].size();
        for (size_t k = 0; k < shared; ++k)
          p.features[i].push_back(domain_copy(p.features[i][k], ex.domain));
      }
    }
    p.gold = labels_from_spans(words.size(), ex.spans, types);
    p.weight = ex.domain != 0 ? options.source_weight : 1.0f;
  }

  model::PerceptronTrainer trainer(static_cast<int>(L));
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::vector<float> emit;
  std::vector<int> pred;
  ViterbiScratch<float> scratch;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t right = 0, all = 0;
    for (size_t e : order) {
      Prepared& p = data[e];
      const size_t n = p.gold.size();
      if (n == 0) continue;
      emit.assign(n * L, 0.0f);
      for (size_t i = 0; i < n; ++i) trainer.score(p.features[i], &emit[i * L]);
      viterbi(n, L, emit.data(), [&](size_t i, int prev, float* out) {
        uint64_t tf[3];
        transition_features(p.info[i], prev, tf);
        trainer.score(tf, out);
      }, scratch, pred);
      for (size_t i = 0; i < n; ++i) {
        ++all;
        right += pred[i] == p.gold[i];
      }
      if (pred != p.gold) {
        for (size_t i = 0; i < n; ++i) {
          const int g = p.gold[i], b = pred[i];
          if (g != b) {
            trainer.add(p.features[i], g, p.weight);
            trainer.add(p.features[i], b, -p.weight);
          }
          const int gp = i == 0 ? kStart : p.gold[i - 1];
          const int bp = i == 0 ? kStart : pred[i - 1];
          if (g != b || gp != bp) {
            uint64_t tf[3];
            transition_features(p.info[i], gp, tf);
            trainer.add(tf, g, p.weight);
            transition_features(p.info[i], bp, tf);
            trainer.add(tf, b, -p.weight);
          }
        }
      }
      trainer.tick();
    }
    if (options.progress) options.progress(epoch, all ? double(right) / double(all) : 0);
  }
  // Averaged weights under 1e-4 are noise of the averaging.
  model.weights_ =
      trainer.freeze(1e-4f, static_cast<uint32_t>(std::max(1, options.min_feature_count)));
  if (clusters) {
    model.info_.clusters = clusters->fingerprint();
    model.clusters_ = options.clusters;
  }
  return model;
}

NerModel::NerModel(std::vector<std::string> types, model::Weights weights, NerModelInfo info)
    : weights_(std::move(weights)), info_(std::move(info)) {
  set_types(std::move(types));
}

namespace {

// Header keys of a NER model file (model::ModelHeader).
constexpr const char* kClustersKey = "clusters";
constexpr const char* kClustersFileKey = "clusters_file";

}  // namespace

std::string NerModel::serialize() {
  model::ByteWriter w;
  w.put_strings(types_);
  w.put(info_.outside_bias);
  weights_.save(w);
  const model::ModelHeader header = {
      {model::kHeaderCommand, info_.command}, {model::kHeaderData, info_.data},
      {model::kHeaderSeed, info_.seed},       {model::kHeaderScores, info_.scores},
      {kClustersKey, info_.clusters},         {kClustersFileKey, info_.clusters_file},
  };
  std::string bytes = model::encode_model(model::ModelKind::kNer, header, w.bytes());
  info_.fingerprint = model::encoded_fingerprint(bytes);
  return bytes;
}

Status NerModel::save(const std::string& path) {
  return model::write_encoded_model(path, serialize());
}

Result<NerModel> NerModel::load(const std::string& path) {
  DL_ASSIGN_OR_RETURN(std::string bytes, model::read_model_bytes(path));
  return parse(bytes, path);
}

Result<NerModel> NerModel::parse(std::string_view bytes, const std::string& name) {
  DL_ASSIGN_OR_RETURN(model::ModelFile file,
                      model::decode_model(bytes, model::ModelKind::kNer, name));
  model::ByteReader r(file.payload, name);
  std::vector<std::string> types;
  NerModelInfo info;
  DL_RETURN_IF_ERROR(r.get_strings(&types, "entity types"));
  DL_RETURN_IF_ERROR(r.get(&info.outside_bias, "outside bias"));
  model::Weights weights;
  DL_RETURN_IF_ERROR(weights.load(r));
  if (types.empty() || types.size() > 60) return r.corrupt("bad entity type count");
  if (weights.n_classes() != static_cast<int>(1 + 4 * types.size())) {
    return r.corrupt("weights do not match the entity types");
  }
  if (!r.at_end()) return r.corrupt("trailing bytes in the NER payload");
  info.command = model::header_value(file.header, model::kHeaderCommand);
  info.data = model::header_value(file.header, model::kHeaderData);
  info.seed = model::header_value(file.header, model::kHeaderSeed);
  info.scores = model::header_value(file.header, model::kHeaderScores);
  info.clusters = model::header_value(file.header, kClustersKey);
  info.clusters_file = model::header_value(file.header, kClustersFileKey);
  if (!info.clusters.empty() && info.clusters_file.empty()) {
    return r.corrupt("the header names clusters but no clusters file");
  }
  info.fingerprint = file.fingerprint;
  return NerModel(std::move(types), std::move(weights), std::move(info));
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
