// SPDX-License-Identifier: Apache-2.0
// Feature extraction of the named-entity model. Features are hashed to 64 bits from a
// template id and a string, so extraction allocates nothing per feature: the word, its shape,
// prefixes and suffixes, the surrounding words and shapes, gazetteer flags, name-list flags
// (GeoNames, WordNet; see name_lists.h) with the word's case class, Brown-cluster path
// prefixes when word clusters are attached, how the word is written elsewhere in its
// document (document_case_bits(), read only where the word's own case says little), POS tags
// when the caller provides them (no shipped model uses them).
#include "entities/ner_features.h"

#include <algorithm>
#include <array>
#include <bit>
#include <unordered_map>

#include "model/hash.h"
#include "text/utf8.h"

namespace dateline::entities {
namespace ner {
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
  kBias = 1,
  kWord,
  kLower,
  kShape,
  kPre1,
  kPre2,
  kPre3,
  kSuf1,
  kSuf2,
  kSuf3,
  kSuf4,
  kPrevWord,
  kNextWord,
  kPrev2Word,
  kNext2Word,
  kPrevShape,
  kNextShape,
  kShape3,
  kBigramPrev,
  kBigramNext,
  kFirstShape,
  kGaz,
  kGazPrev,
  kGazNext,
  kPos,
  kPosPrev,
  kPosNext,
  kPosShape,
  kLength,
  kPrevTag,
  kPrev2Tags,
  kPrevTagWord,
  kPrevTagShape,
  kPrevWordShape,
  kNextWordShape,
  kAllCapsSentence,
  kClus4,
  kClus6,
  kClus10,
  kClusFull,
  kClusPrev,
  kClusNext,
  kClusPrev4,
  kClusNext4,
  kGazShape,
  kInitialCap,
  kClusShape,
  kClusPrevCur,
  kClusCurNext,
  kDomainTag,
  kListShape,
  kListPrevNext,
  kDocCase,
  kDocCaseContext,
};

}  // namespace

void shape_of(std::string_view w, std::string& out) {
  out.clear();
  char last = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    char k;
    if (c >= 'A' && c <= 'Z')
      k = 'X';
    else if (c >= 'a' && c <= 'z')
      k = 'x';
    else if (c >= '0' && c <= '9')
      k = 'd';
    else if (c >= 0x80)
      k = 'u';
    else
      k = static_cast<char>(c);
    if (k != last || (k != 'x' && k != 'd' && k != 'u' && k != 'X')) out += k;
    last = k;
    if (out.size() > 8) break;
  }
}

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
  if (i > 0 && !sh.empty() && sh[0] == 'X')
    out.push_back(feat(kInitialCap, std::string_view(sh).substr(0, 2)));
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

void transition_features(const WordInfo& w, int prev, uint64_t out[3]) {
  static const uint64_t kPrevTagBase = feat(kPrevTag, "");
  auto with_label = [](uint64_t h, int p) {
    return model::fnv1a_step(h, static_cast<uint64_t>(p + 1) * 0xC2B2AE3D27D4EB4FULL);
  };
  out[0] = with_label(kPrevTagBase, prev);
  out[1] = with_label(w.label_word, prev);
  out[2] = with_label(w.label_shape, prev);
}

uint64_t domain_copy(uint64_t f, uint8_t domain) {
  return model::fnv1a_step(f, 0x9E3779B97F4A7C15ULL * (kDomainTag + domain));
}

}  // namespace ner

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
    if (t.kind == TitleWord::Kind::kHead || t.kind == TitleWord::Kind::kModifier)
      bits[i] |= kGazTitle;
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
    const char sentence_class = ner::sentence_case(sentences[k]);
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

}  // namespace dateline::entities
