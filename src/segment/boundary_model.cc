// SPDX-License-Identifier: Apache-2.0
// Boundary model design. Every word boundary inside a paragraph is a candidate, since web text
// ends many sentences with no mark at all. Features are hashed (FNV-1a, then a finaliser) into
// 2^bits buckets, so scoring allocates nothing: the current, previous and next words
// (lower-cased), their shapes, the rule verdict of sentence_splitter.cc, whether white space
// follows, and how many words the current sentence already has. Decoding is greedy left to
// right. Training is the averaged perceptron of model/perceptron.h with one class (a score
// above 0 ends a sentence) and the gold history for the sentence length feature.
//
// File: a model container (model/model_file.h) of kind kSegmenter; payload u32 hash bits,
// then the one-class weight table keyed by bucket + 1.
#include "segment/boundary_model.h"

#include <algorithm>
#include <numeric>
#include <random>

#include "model/hash.h"
#include "segment/chars.h"
#include "text/utf8.h"

namespace dateline::segment {
namespace {

// The seed of the word-form hashes (FNV-1a of the lower-cased form continued from it). It
// is not the FNV offset basis, but the shipped model was trained with it.
constexpr uint64_t kFormSeed = 1469598103934665603ULL;
constexpr size_t kMaxFeatures = 32;

constexpr uint64_t mix(uint64_t h, uint64_t v) { return model::fnv1a_step(h, v); }

// Fibonacci hashing: one multiply, the well-mixed high bits index the table (bits <= 24).
uint32_t finish(uint64_t h, uint32_t mask) {
  return static_cast<uint32_t>((h * 0x9E3779B97F4A7C15ULL) >> 40) & mask;
}

// A coarse word shape: first character class, all capitals, digits, dots, length bucket.
uint32_t shape_of(std::string_view text, const RawToken& t) {
  std::string_view s = text.substr(t.begin, t.end - t.begin);
  CodePoint c = code_point_at(text, t.begin);
  uint32_t first = is_upper(c.c) ? 1 : is_lower(c.c) ? 2 : is_ascii_digit(c.c) ? 3
                   : is_punct(c.c) ? 4 : 5;
  bool all_upper = s.size() > 1, digit = false, dot = false;
  for (char ch : s) {
    all_upper &= !(ch >= 'a' && ch <= 'z');
    digit |= ch >= '0' && ch <= '9';
    dot |= ch == '.';
  }
  uint32_t len = s.size() < 4 ? static_cast<uint32_t>(s.size()) : 4;
  return first | (all_upper ? 8u : 0u) | (digit ? 16u : 0u) | (dot ? 32u : 0u) | (len << 6);
}

uint32_t length_bucket(size_t n) {
  return n <= 3 ? static_cast<uint32_t>(n) : n <= 5 ? 4 : n <= 10 ? 5 : n <= 20 ? 6 : n <= 40 ? 7 : 8;
}

}  // namespace

void rule_verdicts(std::string_view text, std::span<const RawToken> toks,
                   std::vector<BoundaryRule>& out) {
  out.assign(toks.size(), BoundaryRule::kNone);
  for (size_t i = 0; i < toks.size(); ++i) {
    size_t last = i;
    BoundaryRule r = rule_at(text, toks, i, &last);
    if (r == BoundaryRule::kNone) continue;
    for (size_t k = i; k < last; ++k) out[k] = BoundaryRule::kBeforeCloser;
    out[last] = r;
    i = last;
  }
}

void BoundaryModel::Context::fill(std::string_view text, std::span<const RawToken> toks) {
  rule_verdicts(text, toks, rules);
  forms.resize(toks.size());
  shapes.resize(toks.size());
  for (size_t i = 0; i < toks.size(); ++i) {
    forms[i] =
        model::fnv1a_lower(text.substr(toks[i].begin, toks[i].end - toks[i].begin), kFormSeed);
    shapes[i] = shape_of(text, toks[i]);
  }
}

size_t BoundaryModel::features(const Context& c, std::span<const RawToken> toks, size_t i,
                               size_t since, uint64_t* f) const {
  const uint32_t mask = (1u << bits_) - 1;
  const size_t n = toks.size();
  const uint64_t cur = c.forms[i];
  const uint64_t nxt = i + 1 < n ? c.forms[i + 1] : 7;
  const uint64_t prv = i > 0 ? c.forms[i - 1] : 11;
  const uint64_t nxt2 = i + 2 < n ? c.forms[i + 2] : 13;
  const uint32_t scur = c.shapes[i];
  const uint32_t snxt = i + 1 < n ? c.shapes[i + 1] : 1000;
  const uint32_t sprv = i > 0 ? c.shapes[i - 1] : 1000;
  const uint32_t snxt2 = i + 2 < n ? c.shapes[i + 2] : snxt == 1000 ? 0 : c.shapes[n - 1];
  const auto rule = static_cast<uint32_t>(c.rules[i]);
  const auto rprv = i > 0 ? static_cast<uint32_t>(c.rules[i - 1]) : 99u;
  const uint32_t len = length_bucket(since);
  const uint32_t space = toks[i].space_after ? 1 : 0;
  const uint32_t left = static_cast<uint32_t>(std::min<size_t>(n - 1 - i, 3));
  size_t k = 0;
  auto add = [&](uint64_t h) { f[k++] = uint64_t{finish(h, mask)} + 1; };
  add(mix(1, 0));
  add(mix(mix(2, 0), rule));
  add(mix(mix(mix(3, 0), rule), snxt));
  add(mix(4, cur));
  add(mix(5, nxt));
  add(mix(mix(6, cur), nxt));
  add(mix(mix(7, prv), cur));
  add(mix(mix(mix(8, 0), scur), snxt));
  add(mix(mix(9, nxt), snxt2));
  add(mix(mix(mix(10, 0), space), snxt));
  add(mix(mix(11, 0), len));
  add(mix(mix(mix(12, 0), len), rule));
  add(mix(mix(13, cur), snxt));
  add(mix(mix(14, nxt), scur));
  add(mix(mix(15, cur), rprv));
  add(mix(mix(16, 0), toks[i].fused_with_next ? 1 : 0));
  add(mix(mix(mix(17, 0), left), snxt));
  add(mix(mix(mix(18, 0), sprv), scur));
  add(mix(mix(19, nxt), nxt2));
  add(mix(mix(mix(20, 0), len), snxt));
  add(mix(mix(mix(21, cur), rule), space));
  return k;
}

void BoundaryModel::split(std::string_view text, std::span<const RawToken> toks,
                          std::vector<uint32_t>& ends) const {
  const size_t n = toks.size();
  if (n == 0) return;
  thread_local Context context;
  context.fill(text, toks);
  uint64_t f[kMaxFeatures];
  size_t start = 0;
  for (size_t i = 0; i + 1 < n; ++i) {
    if (toks[i].fused_with_next) continue;
    int32_t score = 0;
    weights_.score({f, features(context, toks, i, i - start + 1, f)}, &score);
    if (score > 0) {
      ends.push_back(static_cast<uint32_t>(i + 1));
      start = i + 1;
    }
  }
  ends.push_back(static_cast<uint32_t>(n));
}

BoundaryModel BoundaryModel::train(std::vector<BoundaryExample>& examples,
                                   const BoundaryTrainOptions& options,
                                   const std::function<void(int, double)>& progress) {
  BoundaryModel m;
  m.bits_ = options.hash_bits;
  model::PerceptronTrainer trainer(1);
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  Context context;
  uint64_t f[kMaxFeatures];
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t errors = 0, seen = 0;
    for (size_t e : order) {
      BoundaryExample& ex = examples[e];
      std::span<const RawToken> toks(ex.tokens);
      context.fill(ex.text, toks);
      size_t start = 0;
      for (size_t i = 0; i + 1 < toks.size(); ++i) {
        if (toks[i].fused_with_next) continue;
        const std::span<const uint64_t> keys(f, m.features(context, toks, i, i - start + 1, f));
        float s = 0;
        trainer.score(keys, &s);
        const int y = ex.gold_end[i] ? 1 : -1;
        ++seen;
        if (static_cast<float>(y) * s <= 0) {
          ++errors;
          trainer.add(keys, 0, static_cast<float>(y));
        }
        trainer.tick();
        if (ex.gold_end[i]) start = i + 1;
      }
    }
    if (progress) progress(epoch, seen ? double(errors) / double(seen) : 0.0);
  }
  m.weights_ = trainer.freeze(0.0f);
  return m;
}

BoundaryModel::BoundaryModel(uint32_t bits, model::Weights weights, model::ModelHeader header)
    : bits_(bits), weights_(std::move(weights)), header_(std::move(header)) {}

void BoundaryModel::save_payload(model::ByteWriter& w) const {
  w.put(bits_);
  weights_.save(w);
}

std::string BoundaryModel::fingerprint() const {
  if (!fingerprint_.empty()) return fingerprint_;
  model::ByteWriter w;
  save_payload(w);
  return model::encoded_fingerprint(
      model::encode_model(model::ModelKind::kSegmenter, header_, w.bytes()));
}

Status BoundaryModel::save(const std::string& path) {
  model::ByteWriter w;
  save_payload(w);
  DL_RETURN_IF_ERROR(
      model::write_model_file(path, model::ModelKind::kSegmenter, header_, w.bytes()));
  fingerprint_ = model::encoded_fingerprint(
      model::encode_model(model::ModelKind::kSegmenter, header_, w.bytes()));
  return ok_status();
}

Result<BoundaryModel> BoundaryModel::from_model(const model::ModelFile& file,
                                                const std::string& name) {
  model::ByteReader r(file.payload, name);
  BoundaryModel m;
  DL_RETURN_IF_ERROR(r.get(&m.bits_, "hash bits"));
  if (m.bits_ < 8 || m.bits_ > 24) return r.corrupt("hash bits out of range");
  DL_RETURN_IF_ERROR(m.weights_.load(r));
  if (m.weights_.n_classes() != 1) return r.corrupt("a boundary model has one class");
  if (!r.at_end()) return r.corrupt("trailing bytes in the segmenter payload");
  m.header_ = file.header;
  m.fingerprint_ = file.fingerprint;
  return m;
}

Result<BoundaryModel> BoundaryModel::load(const std::string& path) {
  DL_ASSIGN_OR_RETURN(model::ModelFile file,
                      model::read_model_file(path, model::ModelKind::kSegmenter));
  return from_model(file, path);
}

}  // namespace dateline::segment
