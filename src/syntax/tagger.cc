// SPDX-License-Identifier: Apache-2.0
// Features follow the classic greedy perceptron taggers (Collins 2002; Honnibal's
// "a good part-of-speech tagger in about 200 lines"): the word, its affixes and shape, the
// words around it, and the two previous decisions. Every string is hashed once per word
// (hash_words) and templates combine those hashes, so tagging does no allocation per word.
#include "syntax/tagger.h"

#include <algorithm>
#include <cstring>

#include "model/hash.h"
#include "syntax/vocab.h"

namespace dateline::syntax {

using model::feature_key;
using model::hash_bytes;
namespace {

constexpr uint64_t kBos = 0x5a17'0001, kEos = 0x5a17'0002;

std::string shape_of(std::string_view w) {
  std::string s;
  char last = 0;
  int run = 0;
  for (unsigned char c : w) {
    char k;
    if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if (c >= '0' && c <= '9') k = 'd';
    else if (c >= 0x80) k = (c >= 0xc0) ? 'u' : 0;  // one mark per non-ASCII character
    else k = static_cast<char>(c);
    if (!k) continue;
    run = (k == last) ? run + 1 : 1;
    last = k;
    if (run <= 2) s += k;
  }
  return s;
}

}  // namespace

void hash_words(std::span<const std::string_view> words, std::vector<WordHashes>* out,
                const ClusterFeatures* clusters) {
  out->resize(words.size());
  std::string lower;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    WordHashes& h = (*out)[i];
    lower.assign(w);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    h.form = hash_bytes(w);
    std::string norm = lower;
    for (char& c : norm) {
      if (c >= '0' && c <= '9') c = '0';
    }
    h.norm = hash_bytes(norm);
    h.shape = hash_bytes(shape_of(w));
    std::string_view lv(lower);
    for (int k = 0; k < 3; ++k) h.prefix[k] = hash_bytes(lv.substr(0, k + 1));
    for (int k = 0; k < 4; ++k) {
      size_t n = std::min<size_t>(k + 1, lv.size());
      h.suffix[k] = hash_bytes(lv.substr(lv.size() - n));
    }
    h.upper_initial = !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
    if (clusters) h.cluster = clusters->prefixes(w);
  }
}

int tag_features(const std::vector<WordHashes>& h, int i, int prev1, int prev2, uint64_t* keys,
                 bool use_clusters, int verb_seen) {
  const int n = static_cast<int>(h.size());
  auto norm = [&](int j) { return j < 0 ? kBos : j >= n ? kEos : h[j].norm; };
  auto shape = [&](int j) { return j < 0 ? kBos : j >= n ? kEos : h[j].shape; };
  auto suf3 = [&](int j) { return j < 0 ? kBos : j >= n ? kEos : h[j].suffix[2]; };
  const WordHashes& w = h[i];
  const uint64_t p1 = static_cast<uint64_t>(prev1) + 1, p2 = static_cast<uint64_t>(prev2) + 1;
  int k = 0;
  keys[k++] = feature_key(0, 1);
  keys[k++] = feature_key(1, w.norm);
  for (int s = 0; s < 4; ++s) keys[k++] = feature_key(2 + s, w.suffix[s]);
  for (int s = 0; s < 3; ++s) keys[k++] = feature_key(6 + s, w.prefix[s]);
  keys[k++] = feature_key(9, w.shape);
  keys[k++] = feature_key(10, norm(i - 1));
  keys[k++] = feature_key(11, norm(i + 1));
  keys[k++] = feature_key(12, norm(i - 2));
  keys[k++] = feature_key(13, norm(i + 2));
  keys[k++] = feature_key(14, p1);
  keys[k++] = feature_key(15, p2);
  keys[k++] = feature_key(16, p1, p2);
  keys[k++] = feature_key(17, p1, w.norm);
  keys[k++] = feature_key(18, suf3(i + 1));
  keys[k++] = feature_key(19, suf3(i - 1));
  keys[k++] = feature_key(20, w.norm, norm(i + 1));
  keys[k++] = feature_key(21, norm(i - 1), w.norm);
  keys[k++] = feature_key(22, shape(i + 1));
  keys[k++] = feature_key(23, shape(i - 1));
  keys[k++] = feature_key(24, p1, w.suffix[2]);
  keys[k++] = feature_key(25, i == 0 ? 1 : 2, w.shape);
  keys[k++] = feature_key(26, norm(i + 1), norm(i + 2));
  keys[k++] = feature_key(27, p1, norm(i + 1));
  keys[k++] = feature_key(28, w.form);
  keys[k++] = feature_key(29, w.norm, shape(i + 1));
  if (verb_seen >= 0) {
    // Whether the clause has had its verb yet: left-to-right tagging sees only two tags
    // back, so after a long or coordinated subject a past form reads as an adjective
    // ("Israel and Lebanon renewed talks"); before any verb it is most often the verb.
    const uint64_t v = static_cast<uint64_t>(verb_seen) + 1;
    keys[k++] = feature_key(30, v, p1);
    keys[k++] = feature_key(31, v, w.suffix[1]);
    keys[k++] = feature_key(32, v, p1, w.suffix[2]);
    keys[k++] = feature_key(33, v, w.norm);
  }
  if (!use_clusters) return k;
  // Cluster prefixes (4, 6, 10 bits, whole path) back off from rare words to their
  // distributional class; the neighbours' classes and the previous tag with the next word's
  // class disambiguate e.g. noun/verb readings.
  constexpr uint64_t kBosC = 0x5a17'0011, kEosC = 0x5a17'0012;
  auto cl = [&](int j, int p) { return j < 0 ? kBosC : j >= n ? kEosC : h[j].cluster[p]; };
  for (int p = 0; p < ClusterFeatures::kPrefixes; ++p) keys[k++] = feature_key(40 + p, cl(i, p));
  keys[k++] = feature_key(44, cl(i - 1, 1));
  keys[k++] = feature_key(45, cl(i - 1, 3));
  keys[k++] = feature_key(46, cl(i + 1, 1));
  keys[k++] = feature_key(47, cl(i + 1, 3));
  keys[k++] = feature_key(48, p1, cl(i + 1, 3));
  keys[k++] = feature_key(49, cl(i, 3), cl(i + 1, 3));
  keys[k++] = feature_key(50, cl(i - 1, 3), cl(i, 3));
  keys[k++] = feature_key(51, cl(i + 2, 2));
  keys[k++] = feature_key(52, w.suffix[2], cl(i, 2));
  return k;
}

int feats_features(const std::vector<WordHashes>& h, std::span<const TaggedWord> tags, int i,
                   uint64_t* keys) {
  const int n = static_cast<int>(h.size());
  auto norm = [&](int j) { return j < 0 ? kBos : j >= n ? kEos : h[j].norm; };
  auto tag = [&](int j) -> uint64_t { return j < 0 || j >= n ? 0xffff : tags[j].tag; };
  const uint64_t t = tags[i].tag + 1;
  const WordHashes& w = h[i];
  int k = 0;
  keys[k++] = feature_key(100, t);
  keys[k++] = feature_key(101, t, w.norm);
  for (int s = 0; s < 3; ++s) keys[k++] = feature_key(102 + s, t, w.suffix[s]);
  keys[k++] = feature_key(105, t, norm(i - 1));
  keys[k++] = feature_key(106, t, norm(i + 1));
  keys[k++] = feature_key(107, t, tag(i - 1));
  keys[k++] = feature_key(108, t, tag(i + 1));
  keys[k++] = feature_key(109, t, tag(i - 1), tag(i + 1));
  keys[k++] = feature_key(110, t, w.shape);
  keys[k++] = feature_key(111, t, tag(i - 2));
  keys[k++] = feature_key(112, t, w.form);
  return k;
}

void Tagger::tag(std::span<const std::string_view> words, std::vector<TaggedWord>* out) const {
  const int n = static_cast<int>(words.size());
  out->assign(n, TaggedWord{});
  if (n == 0) return;
  // Per-thread scratch that keeps its capacity: no allocation per sentence.
  thread_local std::vector<WordHashes> h;
  thread_local std::vector<int32_t> scores;
  hash_words(words, &h, clusters_.get());
  const int nt = n_tags();
  scores.resize(std::max<size_t>(nt, feats_.size()));
  uint64_t keys[kMaxTagFeatures];
  int prev1 = nt, prev2 = nt;
  int verb_seen = verb_context_ ? 0 : -1;
  for (int i = 0; i < n; ++i) {
    int nk = tag_features(h, i, prev1, prev2, keys, clusters_ != nullptr, verb_seen);
    std::fill(scores.begin(), scores.begin() + nt, 0);
    tag_weights_.score({keys, static_cast<size_t>(nk)}, scores.data());
    int best = model::argmax(scores.data(), nt);
    (*out)[i].tag = static_cast<uint16_t>(best);
    if (verb_seen == 0 && verbal_[best]) verb_seen = 1;
    prev2 = prev1;
    prev1 = best;
  }
  for (int i = 0; i < n; ++i) {
    const auto& cands = feats_of_tag_[(*out)[i].tag];
    if (cands.size() <= 1) {
      (*out)[i].feats = cands.empty() ? 0 : cands[0];
      continue;
    }
    int nk = feats_features(h, *out, i, keys);
    std::fill(scores.begin(), scores.begin() + static_cast<std::ptrdiff_t>(feats_.size()), 0);
    feats_weights_.score({keys, static_cast<size_t>(nk)}, scores.data());
    uint16_t best = cands[0];
    for (uint16_t c : cands) {
      if (scores[c] > scores[best]) best = c;
    }
    (*out)[i].feats = best;
  }
}

Status Tagger::combine(std::span<const Tagger* const> others) {
  std::vector<const model::Weights*> tags = {&tag_weights_}, feats = {&feats_weights_};
  for (const Tagger* t : others) {
    if (t->upos_ != upos_ || t->xpos_ != xpos_ || t->feats_ != feats_ ||
        t->feats_of_tag_ != feats_of_tag_) {
      return error(ErrorCode::kInvalidArgument, "taggers to combine have different tag tables");
    }
    if (!same_clusters(clusters_.get(), t->clusters_.get()) ||
        t->verb_context_ != verb_context_) {
      return error(ErrorCode::kInvalidArgument,
                   "taggers to combine use different features or clusters");
    }
    tags.push_back(&t->tag_weights_);
    feats.push_back(&t->feats_weights_);
  }
  tag_weights_ = model::Weights::sum(tags);
  feats_weights_ = model::Weights::sum(feats);
  return ok_status();
}

void Tagger::set_verbal_classes() {
  verbal_.resize(upos_.size());
  for (size_t c = 0; c < upos_.size(); ++c) verbal_[c] = is_verbal(upos_[c]);
}

void Tagger::save_payload(model::ByteWriter& w) const {
  w.put_strings(upos_);
  w.put_strings(xpos_);
  w.put_strings(feats_);
  w.put(static_cast<uint64_t>(feats_of_tag_.size()));
  for (const auto& c : feats_of_tag_) w.put_vector(c);
  tag_weights_.save(w);
  feats_weights_.save(w);
  lemmatizer_.save(w);
}

Status Tagger::load_payload(model::ByteReader& r) {
  DL_RETURN_IF_ERROR(r.get_strings(&upos_, "UPOS tags"));
  DL_RETURN_IF_ERROR(r.get_strings(&xpos_, "XPOS tags"));
  DL_RETURN_IF_ERROR(r.get_strings(&feats_, "FEATS values"));
  uint64_t n = 0;
  DL_RETURN_IF_ERROR(r.get(&n, "FEATS candidates"));
  if (upos_.empty() || n != upos_.size() || xpos_.size() != upos_.size() || feats_.empty()) {
    return r.corrupt("inconsistent tag tables");
  }
  for (const std::string& tag : upos_) {
    if (!parse_upos(tag)) return r.corrupt("unknown UPOS tag '" + tag + "'");
  }
  feats_of_tag_.resize(n);
  for (auto& c : feats_of_tag_) {
    DL_RETURN_IF_ERROR(r.get_vector(&c, "FEATS candidates"));
    for (uint16_t f : c) {
      if (f >= feats_.size()) return r.corrupt("FEATS index out of range");
    }
  }
  DL_RETURN_IF_ERROR(tag_weights_.load(r));
  DL_RETURN_IF_ERROR(feats_weights_.load(r));
  if (tag_weights_.n_classes() != n_tags() ||
      feats_weights_.n_classes() != static_cast<int>(feats_.size())) {
    return r.corrupt("weight tables do not match the tag tables");
  }
  DL_RETURN_IF_ERROR(lemmatizer_.load(r));
  if (!r.at_end()) return r.corrupt("trailing bytes in the tagger payload");
  set_verbal_classes();
  return ok_status();
}

Result<Tagger> Tagger::from_model(const model::ModelFile& file, const std::string& name) {
  Tagger t;
  model::ByteReader r(file.payload, name);
  DL_RETURN_IF_ERROR(t.load_payload(r));
  t.header_ = file.header;
  t.fingerprint_ = file.fingerprint;
  DL_ASSIGN_OR_RETURN(t.clusters_, clusters_for_model(file.header, name));
  t.verb_context_ =
      model::header_value(file.header, "features").find(kVerbContextFeatures) != std::string::npos;
  return t;
}

Result<Tagger> Tagger::load(const std::string& path) {
  DL_ASSIGN_OR_RETURN(model::ModelFile file,
                      model::read_model_file(path, model::ModelKind::kTagger));
  return from_model(file, path);
}

}  // namespace dateline::syntax
