// SPDX-License-Identifier: Apache-2.0
// Feature extraction, Viterbi decoding and the model file (format in tagger.h) of the
// attribution tagger. Features are hashed into 2^bits buckets; the weights are the int16
// table of model/perceptron.h keyed by bucket + 1 (direct layout: 16 MB at 2^20 buckets).
#include "quotes/tagger.h"

#include <algorithm>
#include <limits>

#include "model/hash.h"

namespace dateline::quotes {
namespace {

// FNV-1a over a feature template id and its values: strings end with 0x1F, integers are
// their four little-endian bytes.
class Hasher {
 public:
  explicit Hasher(uint8_t tmpl) : h_(model::fnv1a_step(model::kFnvBasis, tmpl)) {}
  Hasher& add(std::string_view s) {
    h_ = model::fnv1a_step(model::fnv1a(s, h_), 0x1F);
    return *this;
  }
  Hasher& add(int v) {
    const uint32_t x = uint32_t(v);
    for (int i = 0; i < 4; ++i) h_ = model::fnv1a_step(h_, uint8_t(x >> (8 * i)));
    return *this;
  }
  /// The feature's key: its bucket among mask + 1, plus 1 (0 is no feature).
  uint64_t get(uint32_t mask) const {
    uint64_t x = h_ ^ (h_ >> 29);
    return uint64_t{uint32_t(x) & mask} + 1;
  }

 private:
  uint64_t h_;
};

int bucket(int d) {
  if (d <= 0) return 0;
  if (d <= 3) return d;
  if (d <= 6) return 4;
  if (d <= 12) return 5;
  if (d <= 25) return 6;
  return 7;
}

int prior_bucket(float p) {
  if (p <= 0) return 0;
  if (p < 0.05f) return 1;
  if (p < 0.2f) return 2;
  if (p < 0.5f) return 3;
  if (p < 0.8f) return 4;
  return 5;
}

std::string_view shape(const Document& doc, const Word& w) {
  std::string_view t = doc.slice(w.span);
  if (w.mark != MarkKind::kNone) return "Q";
  if (w.punct) return t.size() == 1 ? t : "P";
  const char c = t[0];
  if (c >= '0' && c <= '9') return "d";
  if (c >= 'A' && c <= 'Z') {
    bool all_caps = t.size() > 1;
    for (char x : t) all_caps &= !(x >= 'a' && x <= 'z');
    return all_caps ? "XX" : "Xx";
  }
  return "x";
}

std::string_view suffix3(const std::string& s) {
  return s.size() > 3 ? std::string_view(s).substr(s.size() - 3) : std::string_view(s);
}

constexpr float kCueThreshold = 0.2f;

bool has_syntax(const Document& doc) {
  return !doc.tokens.empty() && doc.tokens[0].head != Token::kNoHead;
}

}  // namespace

float AttributionTagger::cue_prior(const std::string& lower) const {
  auto it = cue_prior_.find(lower);
  return it == cue_prior_.end() ? 0.0f : it->second;
}

std::vector<RoleSpan> spans_from_tags(const std::vector<uint8_t>& tags, uint32_t offset) {
  std::vector<RoleSpan> out;
  for (uint32_t i = 0; i < tags.size();) {
    if (tags[i] == kOut) {
      ++i;
      continue;
    }
    const Role role = tag_role(tags[i]);
    uint32_t j = i + 1;
    while (j < tags.size() && tags[j] == inside_tag(role)) ++j;
    if (role == Role::kContent && j < tags.size() && tags[j] == kContentEnd) ++j;
    out.push_back({role, offset + i, offset + j});
    i = j;
  }
  return out;
}

void AttributionTagger::features(const TaggerInput& in, const Unit& unit,
                                 std::vector<uint64_t>& out) const {
  const Document& doc = *in.doc;
  const std::vector<Word>& words = in.view->words;
  const uint32_t n = unit.end - unit.begin;
  const uint32_t mask = (1u << bits_) - 1;
  constexpr int F = features_per_word();
  out.assign(size_t(n) * F, 0);

  // Cue priors and the nearest likely cue on each side.
  std::vector<float> prior(n);
  std::vector<int32_t> left(n, -1), right(n, -1);
  for (uint32_t i = 0; i < n; ++i) prior[i] = cue_prior(words[unit.begin + i].lower);
  for (int32_t i = 0, last = -1; i < int32_t(n); ++i) {
    left[i] = last;
    if (prior[i] >= kCueThreshold) last = i;
  }
  for (int32_t i = int32_t(n) - 1, last = -1; i >= 0; --i) {
    right[i] = last;
    if (prior[i] >= kCueThreshold) last = i;
  }
  // Commas before each word (prefix counts), so that the commas between a word and its
  // nearest cues cost O(1) rather than a scan: O(n) per unit, not O(n^2).
  std::vector<uint32_t> commas_before(n + 1, 0);
  for (uint32_t i = 0; i < n; ++i) {
    commas_before[i + 1] = commas_before[i] + (words[unit.begin + i].lower == "," ? 1 : 0);
  }
  // Commas strictly between words a and b (a < b).
  auto commas_between = [&](int32_t a, int32_t b) {
    return b > a + 1 ? int(commas_before[size_t(b)] - commas_before[size_t(a) + 1]) : 0;
  };
  // Distance (in words) to the sentence end and from its start.
  std::vector<uint16_t> to_end(n), from_start(n);
  for (uint32_t i = 0, s = 0; i < n; ++i) {
    if (words[unit.begin + i].sentence_start) s = i;
    from_start[i] = uint16_t(std::min<uint32_t>(i - s, 60000));
  }
  for (int32_t i = int32_t(n) - 1, e = int32_t(n) - 1; i >= 0; --i) {
    if (words[unit.begin + i].sentence_end) e = i;
    to_end[i] = uint16_t(std::min<int32_t>(e - i, 60000));
  }
  // Syntax: the unit word that carries each token's word form (its first non-punctuation
  // piece), so that heads can be followed from word to word.
  // Tokens of a unit are contiguous, so a vector over [t0, t1] maps them (no hashing).
  const bool syntax = has_syntax(doc);
  int32_t t0 = 0, t1 = -1;
  if (syntax) {
    t0 = INT32_MAX;
    for (uint32_t i = 0; i < n; ++i) {
      const int32_t tok = words[unit.begin + i].token;
      if (tok < 0) continue;
      t0 = std::min(t0, tok);
      t1 = std::max(t1, tok);
    }
  }
  constexpr uint32_t kNoWord = UINT32_MAX;
  std::vector<uint32_t> token_word(t1 >= t0 ? size_t(t1 - t0 + 1) : 0, kNoWord);
  auto word_of = [&](int32_t tok) {
    return tok >= t0 && tok <= t1 ? token_word[size_t(tok - t0)] : kNoWord;
  };
  if (syntax) {
    for (uint32_t i = 0; i < n; ++i) {
      const Word& w = words[unit.begin + i];
      if (w.token < 0 || word_of(w.token) != kNoWord) continue;
      if (!w.punct || doc.slice(doc.tokens[w.token].span).size() == w.span.size()) {
        token_word[size_t(w.token - t0)] = i;
      }
    }
  }

  // Syntax: each token's subtree extent (lowest and highest token index below it, within
  // the unit), and for each word the constituent through which it hangs from the nearest
  // likely cue above it (the cue's child on the path; -1 = none): nsubj -> source,
  // ccomp/parataxis -> content. Computed once per unit, O(words x depth).
  std::vector<int32_t> constituent(n, -1);
  std::vector<int32_t> sub_lo, sub_hi;
  if (syntax) {
    if (t1 >= t0) {
      sub_lo.resize(size_t(t1 - t0 + 1));
      sub_hi.resize(size_t(t1 - t0 + 1));
      for (int32_t t = t0; t <= t1; ++t) sub_lo[t - t0] = sub_hi[t - t0] = t;
      for (int32_t t = t0; t <= t1; ++t) {
        int32_t cur = doc.tokens[t].head;
        for (int step = 0; step < 40 && cur >= t0 && cur <= t1; ++step) {
          sub_lo[cur - t0] = std::min(sub_lo[cur - t0], t);
          sub_hi[cur - t0] = std::max(sub_hi[cur - t0], t);
          cur = doc.tokens[cur].head;
        }
      }
    }
    for (uint32_t i = 0; i < n; ++i) {
      int32_t cur = words[unit.begin + i].token;
      for (int step = 0; step < 8 && cur >= 0; ++step) {
        const int32_t head = doc.tokens[cur].head;
        if (head < t0 || head >= t0 + int32_t(sub_lo.size())) break;
        const uint32_t hw = word_of(head);
        if (hw == kNoWord) break;
        if (prior[hw] >= kCueThreshold) {
          constituent[i] = cur;
          break;
        }
        cur = head;
      }
    }
  }

  // Syntax: for each word, the clausal constituent (ccomp, advcl, conj, parataxis, xcomp,
  // acl) that it closes or opens, the nearest one above it: reported clauses end where
  // such a clause ends far more often than mid-clause. 0 = none; else a small code.
  std::vector<uint8_t> clause_end(end_tags_ ? n : 0, 0), clause_start(end_tags_ ? n : 0, 0);
  if (end_tags_ && syntax && !sub_lo.empty()) {
    auto clause_code = [](std::string_view rel) -> uint8_t {
      if (rel.substr(0, 5) == "ccomp") return 1;
      if (rel.substr(0, 5) == "advcl") return 2;
      if (rel.substr(0, 4) == "conj") return 3;
      if (rel.substr(0, 9) == "parataxis") return 4;
      if (rel.substr(0, 5) == "xcomp") return 5;
      if (rel.substr(0, 3) == "acl") return 6;
      if (rel == "root") return 7;
      return 0;
    };
    for (uint32_t i = 0; i < n; ++i) {
      const int32_t tok = words[unit.begin + i].token;
      if (tok < t0 || tok > t1 || word_of(tok) != i) continue;
      int32_t cur = tok;
      for (int step = 0; step < 40 && cur >= t0 && cur <= t1; ++step) {
        const uint8_t code = clause_code(doc.tokens[cur].deprel);
        if (code != 0) {
          if (clause_end[i] == 0 && sub_hi[cur - t0] == tok) clause_end[i] = code;
          if (clause_start[i] == 0 && sub_lo[cur - t0] == tok) clause_start[i] = code;
        }
        cur = doc.tokens[cur].head;
      }
    }
  }

  static const std::string kNone = "<none>";
  static const std::string kStart = "<s>";
  static const std::string kEnd = "</s>";
  auto lw = [&](int32_t i) -> const std::string& {
    if (i < 0) return kStart;
    if (i >= int32_t(n)) return kEnd;
    return words[unit.begin + i].lower;
  };

  for (uint32_t i = 0; i < n; ++i) {
    const Word& w = words[unit.begin + i];
    uint64_t* f = &out[size_t(i) * F];
    int k = 0;
    const int depth = std::min<int>(w.quote_depth, 2);
    const bool first_in =
        i > 0 && words[unit.begin + i - 1].mark != MarkKind::kNone && w.quote_depth > 0;
    const bool last_in =
        i + 1 < n && words[unit.begin + i + 1].mark != MarkKind::kNone && w.quote_depth > 0;
    int region_words = 0;
    if (w.quote >= 0) region_words = bucket(int((*in.regions)[w.quote].words));
    const int pb = prior_bucket(prior[i]);
    const int dl = left[i] < 0 ? 9 : bucket(int(i) - left[i]);
    const int dr = right[i] < 0 ? 9 : bucket(right[i] - int(i));
    const bool sentence_between_left =
        left[i] >= 0 && words[unit.begin + left[i]].sentence != w.sentence;
    const bool sentence_between_right =
        right[i] >= 0 && words[unit.begin + right[i]].sentence != w.sentence;
    const int commas_left_all = left[i] >= 0 ? commas_between(left[i], int32_t(i)) : 0;
    const bool comma_left = commas_left_all > 0;
    // Commas between the word and the nearest likely cue on its right, and how close
    // that cue is to its sentence end: "<content>, officials said." and "<content>, three
    // people familiar with the talks told the outlet." put the content left of a comma
    // and the cue near the end.
    int commas_right = 0;
    int cue_to_end = 9;
    if (right[i] >= 0) {
      commas_right = std::min(commas_between(int32_t(i), right[i]), 2);
      cue_to_end = bucket(to_end[right[i]]);
    }
    const int commas_left = std::min(commas_left_all, 2);
    std::string_view sh = shape(doc, w);
    std::string_view shl = i > 0 ? shape(doc, words[unit.begin + i - 1]) : "<s>";
    std::string_view shr = i + 1 < n ? shape(doc, words[unit.begin + i + 1]) : "</s>";

    f[k++] = Hasher(0).get(mask);
    f[k++] = Hasher(1).add(w.lower).get(mask);
    f[k++] = Hasher(2).add(lw(int32_t(i) - 1)).get(mask);
    f[k++] = Hasher(3).add(lw(int32_t(i) + 1)).get(mask);
    f[k++] = Hasher(4).add(lw(int32_t(i) - 2)).get(mask);
    f[k++] = Hasher(5).add(lw(int32_t(i) + 2)).get(mask);
    f[k++] = Hasher(6).add(lw(int32_t(i) - 1)).add(w.lower).get(mask);
    f[k++] = Hasher(7).add(w.lower).add(lw(int32_t(i) + 1)).get(mask);
    f[k++] = Hasher(8).add(suffix3(w.lower)).get(mask);
    f[k++] = Hasher(9).add(sh).get(mask);
    f[k++] = Hasher(10).add(shl).add(sh).add(shr).get(mask);
    f[k++] = Hasher(11).add(depth).add(int(w.mark)).add(int(first_in)).add(int(last_in)).get(mask);
    f[k++] =
        Hasher(12).add(depth).add(region_words).add(int(first_in) + 2 * int(last_in)).get(mask);
    f[k++] = Hasher(13).add(dl).add(depth > 0).add(int(sentence_between_left)).get(mask);
    f[k++] = Hasher(14).add(dr).add(depth > 0).add(int(sentence_between_right)).get(mask);
    f[k++] = Hasher(15).add(dl > 6 ? kNone : lw(left[i])).add(dl).get(mask);
    f[k++] = Hasher(16).add(dr > 6 ? kNone : lw(right[i])).add(dr).get(mask);
    f[k++] = Hasher(17).add(pb).add(depth > 0).get(mask);
    f[k++] = Hasher(18).add(pb).add(lw(int32_t(i) + 1)).get(mask);
    f[k++] = Hasher(19).add(int(w.sentence_start) + 2 * int(w.sentence_end)).add(sh).get(mask);
    f[k++] = Hasher(20).add(bucket(to_end[i])).add(depth > 0).get(mask);
    f[k++] = Hasher(21).add(bucket(from_start[i])).add(dl).get(mask);
    f[k++] = Hasher(22).add(int(comma_left)).add(dl).add(dr).get(mask);
    f[k++] = Hasher(23).add(dl).add(dr).add(depth > 0).add(bucket(to_end[i])).get(mask);
    f[k++] = Hasher(24).add(depth > 0).add(sh).add(shl).get(mask);
    f[k++] = Hasher(25).add(pb).add(lw(int32_t(i) - 1)).get(mask);
    f[k++] = Hasher(39)
                 .add(commas_right)
                 .add(dr)
                 .add(cue_to_end)
                 .add(depth > 0)
                 .add(int(sentence_between_right))
                 .get(mask);
    f[k++] = Hasher(40).add(commas_left).add(dl).add(commas_right).add(dr).get(mask);
    // Syntax features; constant placeholders when the document has no parse.
    if (syntax && w.token >= 0) {
      const Token& t = doc.tokens[w.token];
      const bool main_piece = word_of(w.token) == i;
      std::string_view upos = main_piece ? std::string_view(t.upos) : sh;
      std::string_view deprel = main_piece ? std::string_view(t.deprel) : "punct";
      std::string_view head_upos = "ROOT";
      if (t.head >= 0 && size_t(t.head) < doc.tokens.size()) head_upos = doc.tokens[t.head].upos;
      f[k++] = Hasher(26).add(upos).get(mask);
      f[k++] = Hasher(27).add(upos).add(i + 1 < n ? lw(int32_t(i) + 1) : kEnd).get(mask);
      f[k++] = Hasher(28).add(deprel).add(head_upos).get(mask);
      f[k++] = Hasher(29)
                   .add(main_piece ? std::string_view(t.lemma) : std::string_view(w.lower))
                   .get(mask);
      // The relation under which this word hangs from the nearest likely cue above it.
      std::string_view rel = "none";
      int dir = 0;
      std::string_view cue_word = "none";
      const int32_t root = constituent[i];
      if (root >= 0) {
        rel = doc.tokens[root].deprel;
        const uint32_t cue_i = word_of(doc.tokens[root].head);
        dir = cue_i < i ? 1 : 2;
        cue_word = words[unit.begin + cue_i].lower;
      }
      // Where the word sits in that constituent (its edges are the span edges PolNeAR
      // marks far more often than not), and whether its neighbours share it.
      int edge = 0;
      if (root >= 0) {
        edge = (w.token == sub_lo[root - t0] ? 1 : 0) + (w.token == sub_hi[root - t0] ? 2 : 0);
      }
      const int same_prev = i > 0 && constituent[i - 1] == root ? 1 : 0;
      const int same_next = i + 1 < n && constituent[i + 1] == root ? 1 : 0;
      std::string_view prev_rel = "none";
      if (i > 0 && constituent[i - 1] >= 0) prev_rel = doc.tokens[constituent[i - 1]].deprel;
      std::string_view head_lemma = "ROOT", head_deprel = "ROOT";
      if (t.head >= 0 && size_t(t.head) < doc.tokens.size()) {
        head_lemma = doc.tokens[t.head].lemma;
        head_deprel = doc.tokens[t.head].deprel;
      }
      f[k++] = Hasher(30).add(rel).add(dir).get(mask);
      f[k++] = Hasher(31).add(rel).add(dir).add(cue_word).get(mask);
      f[k++] = Hasher(32).add(rel).add(deprel).add(pb).get(mask);
      f[k++] = Hasher(33).add(deprel).add(depth > 0).add(dl).get(mask);
      f[k++] = Hasher(34).add(rel).add(dir).add(edge).get(mask);
      f[k++] = Hasher(35).add(rel).add(dir).add(same_prev).add(same_next).add(depth > 0).get(mask);
      f[k++] = Hasher(36).add(deprel).add(head_lemma).get(mask);
      f[k++] = Hasher(37).add(deprel).add(head_deprel).add(rel).get(mask);
      f[k++] = Hasher(38).add(prev_rel).add(rel).add(edge).get(mask);
    } else {
      for (int t = 26; t < 39; ++t) f[k++] = Hasher(uint8_t(t)).get(mask);
    }
    // Boundary features (with the content-end tag): does a clause end here or start at the next
    // word, and what follows (punctuation, the sentence end, a likely cue close by on the right).
    // A model without the tag never scores them: constant keys, no hashing cost.
    if (!end_tags_) {
      f[k++] = 0;
      f[k++] = 0;
      DL_DCHECK(k == F);
      continue;
    }
    const int next_start = i + 1 < n ? clause_start[i + 1] : 8;
    f[k++] = Hasher(41)
                 .add(clause_end[i])
                 .add(next_start)
                 .add(lw(int32_t(i) + 1))
                 .add(depth > 0)
                 .get(mask);
    f[k++] =
        Hasher(42).add(clause_end[i]).add(bucket(to_end[i])).add(dr).add(commas_right).get(mask);
    DL_DCHECK(k == F);
  }
}

void AttributionTagger::decode(const std::vector<float>& scores, size_t n,
                               std::vector<uint8_t>& tags) const {
  tags.assign(n, kOut);
  if (n == 0) return;
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  std::vector<float> best(n * kTags, kNeg);
  std::vector<uint8_t> back(n * kTags, 0);
  const bool end_tags = end_tags_;
  constexpr int content_inside = inside_tag(Role::kContent);
  auto allowed = [end_tags](int prev, int cur) {
    if (cur == kContentEnd && !end_tags) return false;
    // With end tags a content's inside words run up to its end tag.
    if (end_tags && prev == content_inside && cur != content_inside && cur != kContentEnd) {
      return false;
    }
    if (cur == kOut || is_begin(uint8_t(cur))) return true;
    // An inside (or end) tag continues a span of its own role only; an end closes it.
    return prev != kTags && prev != kOut && prev != kContentEnd &&
           tag_role(uint8_t(prev)) == tag_role(uint8_t(cur));
  };
  for (int t = 0; t < kTags; ++t) {
    if (allowed(kTags, t)) best[t] = transitions_[kTags][t] + scores[t];
  }
  for (size_t i = 1; i < n; ++i) {
    for (int t = 0; t < kTags; ++t) {
      float b = kNeg;
      uint8_t arg = 0;
      for (int p = 0; p < kTags; ++p) {
        if (!allowed(p, t)) continue;
        const float v = best[(i - 1) * kTags + p] + transitions_[p][t];
        if (v > b) {
          b = v;
          arg = uint8_t(p);
        }
      }
      best[i * kTags + t] = b + scores[i * kTags + t];
      back[i * kTags + t] = arg;
    }
  }
  int t = 0;
  for (int k = 1; k < kTags; ++k) {
    if (end_tags && k == content_inside) continue;  // a content ends on its end tag
    if (best[(n - 1) * kTags + k] > best[(n - 1) * kTags + t]) t = k;
  }
  for (size_t i = n; i-- > 0;) {
    tags[i] = uint8_t(t);
    t = back[i * kTags + t];
  }
}

void AttributionTagger::tag(const TaggerInput& in, const Unit& unit,
                            std::vector<uint8_t>& tags) const {
  const size_t n = unit.end - unit.begin;
  std::vector<uint64_t> feats;
  features(in, unit, feats);
  std::vector<float> scores(n * kTags);
  constexpr size_t F = features_per_word();
  const size_t scored = static_cast<size_t>(scored_features());
  const float scale = weights_.scale();
  for (size_t i = 0; i < n; ++i) {
    int32_t sums[kTags] = {};
    weights_.score({&feats[i * F], scored}, sums);
    for (int t = 0; t < kTags; ++t) scores[i * kTags + t] = static_cast<float>(sums[t]) * scale;
  }
  decode(scores, n, tags);
}

void AttributionTagger::save_payload(model::ByteWriter& w) const {
  w.put(bits_);
  w.put(static_cast<uint8_t>(end_tags_));
  std::vector<std::pair<std::string, float>> priors(cue_prior_.begin(), cue_prior_.end());
  std::sort(priors.begin(), priors.end());
  w.put(static_cast<uint64_t>(priors.size()));
  for (const auto& [form, p] : priors) {
    w.put_string(form);
    w.put(p);
  }
  for (const auto& row : transitions_) {
    for (float t : row) w.put(t);
  }
  weights_.save(w);
}

Status AttributionTagger::save(const std::string& path) {
  model::ByteWriter w;
  save_payload(w);
  const std::string bytes = model::encode_model(model::ModelKind::kAttribution, header_, w.bytes());
  DL_RETURN_IF_ERROR(model::write_encoded_model(path, bytes));
  fingerprint_ = model::encoded_fingerprint(bytes);
  return ok_status();
}

Result<AttributionTagger> AttributionTagger::from_model(const model::ModelFile& file,
                                                        const std::string& name) {
  model::ByteReader r(file.payload, name);
  AttributionTagger m;
  uint8_t end_tags = 0;
  uint64_t n_priors = 0;
  DL_RETURN_IF_ERROR(r.get(&m.bits_, "hash bits"));
  DL_RETURN_IF_ERROR(r.get(&end_tags, "content-end tags"));
  if (m.bits_ < 8 || m.bits_ > 26 || end_tags > 1) return r.corrupt("bad dimensions");
  m.end_tags_ = end_tags != 0;
  DL_RETURN_IF_ERROR(r.get(&n_priors, "cue-prior count"));
  for (uint64_t i = 0; i < n_priors; ++i) {
    std::string form;
    float p = 0;
    DL_RETURN_IF_ERROR(r.get_string(&form, "cue prior"));
    DL_RETURN_IF_ERROR(r.get(&p, "cue prior"));
    m.cue_prior_.emplace(std::move(form), p);
  }
  for (auto& row : m.transitions_) {
    for (float& t : row) DL_RETURN_IF_ERROR(r.get(&t, "transitions"));
  }
  DL_RETURN_IF_ERROR(m.weights_.load(r));
  if (m.weights_.n_classes() != (m.end_tags_ ? kTags : kTags - 1)) {
    return r.corrupt("weights do not match the tag set");
  }
  if (!r.at_end()) return r.corrupt("trailing bytes in the attribution payload");
  m.header_ = file.header;
  m.fingerprint_ = file.fingerprint;
  return m;
}

Result<AttributionTagger> AttributionTagger::load(const std::string& path) {
  DL_ASSIGN_OR_RETURN(model::ModelFile file,
                      model::read_model_file(path, model::ModelKind::kAttribution));
  return from_model(file, path);
}

}  // namespace dateline::quotes
