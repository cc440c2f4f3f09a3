// SPDX-License-Identifier: Apache-2.0
// Greedy arc-eager parsing with an averaged perceptron. The feature set is Zhang & Nivre's
// (2011) "rich non-local features": words and tags of the stack top, its head and
// grand-head, the buffer front and the next two words, the outermost dependents of s0 and b0,
// distance, valency and the label sets of their dependents. Word and tag hashes are computed
// once per sentence; a feature is one multiply-xor combination of them.
//
// Training uses the dynamic oracle (arc_eager.h): at each step the model's best move is
// compared with the best move of minimum cost; after the first epoch the parser follows its
// own (possibly wrong) move with probability 0.9, so it learns to act well after errors, which
// it will make at run time. The training data is tagged by jackknifed taggers, so tag errors
// look like those the parser will see.
#include "syntax/parser.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>

#include "model/hash.h"
#include "syntax/arc_eager.h"
#include "syntax/tagger.h"
#include "syntax/train_util.h"
#include "syntax/vocab.h"
#include "text/conllu.h"

namespace dateline::syntax {

using model::feature_key;
using model::hash_bytes;
using model::mix64;

struct ParserBuilder {
  static void set(Parser& p, std::vector<std::string> labels, uint16_t root, model::Weights w,
                  std::shared_ptr<const ClusterFeatures> clusters) {
    p.labels_ = std::move(labels);
    p.root_label_ = root;
    p.weights_ = std::move(w);
    p.clusters_ = std::move(clusters);
  }
};

uint64_t tag_hash(std::string_view upos, std::string_view xpos) {
  std::string s;
  s.reserve(upos.size() + xpos.size() + 1);
  s.append(upos);
  s += '\t';
  s.append(xpos);
  return hash_bytes(s);
}

namespace {

constexpr int kMaxFeatures = 96;
constexpr uint64_t kNone = 0x6e6f6e65, kRootWord = 0x726f6f74;

// hash_bytes() of the word lower-cased with every digit 0, without a copy.
uint64_t norm_hash(std::string_view w) {
  const uint64_t h = model::fnv1a_mapped(w, [](unsigned char c) -> unsigned char {
    return c >= '0' && c <= '9' ? '0' : model::ascii_lower(c);
  });
  return h ? h : 1;
}

/// Per-sentence inputs: index 0 is the root.
/// c4, c6, cf: hashes of the 4-bit, 6-bit and whole cluster paths (only with clusters).
struct Sentence {
  std::vector<uint64_t> w, p, wp;
  std::vector<uint64_t> c4, c6, cf;
  void fill(std::span<const std::string_view> words, std::span<const uint64_t> tags,
            const ClusterFeatures* clusters = nullptr) {
    const size_t n = words.size();
    w.resize(n + 1);
    p.resize(n + 1);
    wp.resize(n + 1);
    w[0] = kRootWord;
    p[0] = kRootWord;
    for (size_t i = 0; i < n; ++i) {
      w[i + 1] = norm_hash(words[i]);
      p[i + 1] = tags[i];
    }
    for (size_t i = 0; i <= n; ++i) wp[i] = mix64(w[i] ^ (p[i] * 0x9e3779b97f4a7c15ULL));
    if (!clusters) return;
    c4.resize(n + 1);
    c6.resize(n + 1);
    cf.resize(n + 1);
    c4[0] = c6[0] = cf[0] = kRootWord;
    for (size_t i = 0; i < n; ++i) {
      const ClusterFeatures::Hashes& h = clusters->prefixes(words[i]);
      c4[i + 1] = h[0];
      c6[i + 1] = h[1];
      cf[i + 1] = h[3];
    }
  }
};

int extract(const Sentence& x, const ArcEagerState& st, uint64_t* f, bool use_clusters) {
  auto word_at = [&](int i) { return i < 0 ? kNone : x.w[i]; };
  auto tag_at = [&](int i) { return i < 0 ? kNone : x.p[i]; };
  auto word_tag_at = [&](int i) { return i < 0 ? kNone : x.wp[i]; };
  auto label_at = [&](int i) -> uint64_t { return i < 0 || st.label[i] < 0 ? 255 : st.label[i]; };
  const int n = st.n;
  const int s0 = st.s0();
  const int s1 = st.stack.size() > 1 ? st.stack[st.stack.size() - 2] : -1;
  const int n0 = st.b <= n ? st.b : -1;
  const int n1 = st.b + 1 <= n ? st.b + 1 : -1;
  const int n2 = st.b + 2 <= n ? st.b + 2 : -1;
  const int s0h = st.head[s0];
  const int s0h2 = s0h >= 0 ? st.head[s0h] : -1;
  const int s0l = st.l1[s0], s0l2 = st.l2[s0], s0r = st.r1[s0], s0r2 = st.r2[s0];
  const int n0l = n0 >= 0 ? st.l1[n0] : -1, n0l2 = n0 >= 0 ? st.l2[n0] : -1;
  const uint64_t d = n0 >= 0 ? std::min(n0 - s0, 10) : 0;
  const uint64_t s0vl = st.n_left[s0], s0vr = st.n_right[s0];
  const uint64_t n0vl = n0 >= 0 ? st.n_left[n0] : 0;
  const uint64_t s0sl = st.left_labels[s0] + 1, s0sr = st.right_labels[s0] + 1;
  const uint64_t n0sl = n0 >= 0 ? st.left_labels[n0] + 1 : 0;
  int k = 0;
  auto add = [&](uint32_t t, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    f[k++] = feature_key(200 + t, a, b, c);
  };
  add(0, 1);
  add(1, word_tag_at(s0));
  add(2, word_at(s0));
  add(3, tag_at(s0));
  add(4, word_tag_at(n0));
  add(5, word_at(n0));
  add(6, tag_at(n0));
  add(7, word_tag_at(n1));
  add(8, word_at(n1));
  add(9, tag_at(n1));
  add(10, word_tag_at(n2));
  add(11, word_at(n2));
  add(12, tag_at(n2));
  add(13, word_tag_at(s0), word_tag_at(n0));
  add(14, word_tag_at(s0), word_at(n0));
  add(15, word_at(s0), word_tag_at(n0));
  add(16, word_tag_at(s0), tag_at(n0));
  add(17, tag_at(s0), word_tag_at(n0));
  add(18, word_at(s0), word_at(n0));
  add(19, tag_at(s0), tag_at(n0));
  add(20, tag_at(n0), tag_at(n1));
  add(21, tag_at(n0), tag_at(n1), tag_at(n2));
  add(22, tag_at(s0), tag_at(n0), tag_at(n1));
  add(23, tag_at(s0h), tag_at(s0), tag_at(n0));
  add(24, tag_at(s0), tag_at(s0l), tag_at(n0));
  add(25, tag_at(s0), tag_at(s0r), tag_at(n0));
  add(26, tag_at(s0), tag_at(n0), tag_at(n0l));
  add(27, word_at(s0), d);
  add(28, tag_at(s0), d);
  add(29, word_at(n0), d);
  add(30, tag_at(n0), d);
  add(31, word_at(s0), word_at(n0), d);
  add(32, tag_at(s0), tag_at(n0), d);
  add(33, word_at(s0), s0vr);
  add(34, tag_at(s0), s0vr);
  add(35, word_at(s0), s0vl);
  add(36, tag_at(s0), s0vl);
  add(37, word_at(n0), n0vl);
  add(38, tag_at(n0), n0vl);
  add(39, word_at(s0h));
  add(40, tag_at(s0h));
  add(41, label_at(s0));
  add(42, word_at(s0l));
  add(43, tag_at(s0l));
  add(44, label_at(s0l));
  add(45, word_at(s0r));
  add(46, tag_at(s0r));
  add(47, label_at(s0r));
  add(48, word_at(n0l));
  add(49, tag_at(n0l));
  add(50, label_at(n0l));
  add(51, word_at(s0h2));
  add(52, tag_at(s0h2));
  add(53, label_at(s0h));
  add(54, word_at(s0l2));
  add(55, tag_at(s0l2));
  add(56, label_at(s0l2));
  add(57, word_at(s0r2));
  add(58, tag_at(s0r2));
  add(59, label_at(s0r2));
  add(60, word_at(n0l2));
  add(61, tag_at(n0l2));
  add(62, label_at(n0l2));
  add(63, tag_at(s0), tag_at(s0l), tag_at(s0l2));
  add(64, tag_at(s0), tag_at(s0r), tag_at(s0r2));
  add(65, tag_at(s0), tag_at(s0h), tag_at(s0h2));
  add(66, tag_at(n0), tag_at(n0l), tag_at(n0l2));
  add(67, word_at(s0), s0sr);
  add(68, tag_at(s0), s0sr);
  add(69, word_at(s0), s0sl);
  add(70, tag_at(s0), s0sl);
  add(71, word_at(n0), n0sl);
  add(72, tag_at(n0), n0sl);
  add(73, tag_at(s1), tag_at(s0), tag_at(n0));
  add(74, word_tag_at(s1));
  add(75, tag_at(s0), tag_at(n0), s0h >= 0 ? 2 : 1);
  add(76, word_at(s0), word_at(n0), tag_at(n1));
  add(77, tag_at(s1), tag_at(s0), s0h >= 0 ? 2 : 1);
  if (!use_clusters) return k;
  // Koo, Carreras & Collins (2008): cluster prefixes in place of words for s0, n0, n1, alone
  // and in the word-pair templates, so rare heads and dependents share evidence.
  auto prefix4_at = [&](int i) { return i < 0 ? kNone : x.c4[i]; };
  auto prefix6_at = [&](int i) { return i < 0 ? kNone : x.c6[i]; };
  auto cluster_at = [&](int i) { return i < 0 ? kNone : x.cf[i]; };
  add(78, cluster_at(s0));
  add(79, prefix4_at(s0));
  add(80, cluster_at(n0));
  add(81, prefix4_at(n0));
  add(82, cluster_at(n1));
  add(83, prefix6_at(s0), prefix6_at(n0));
  add(84, cluster_at(s0), tag_at(n0));
  add(85, tag_at(s0), cluster_at(n0));
  add(86, cluster_at(s0), cluster_at(n0));
  add(87, prefix4_at(s0), prefix4_at(n0), tag_at(n1));
  add(88, prefix6_at(n1), tag_at(n0));
  add(89, cluster_at(s0), d);
  add(90, cluster_at(n0), tag_at(s0), tag_at(n1));
  add(91, prefix6_at(s0), tag_at(s0), prefix6_at(n0));
  return k;
}

/// Marks the valid classes; returns how many there are.
int valid_moves(const ArcEagerState& st, const TransitionCodec& codec, int root, bool* ok) {
  // can() only tells the root label from the others, so four calls cover every label
  // (instead of two per label at every move). `other` is any non-root label.
  const int other = root == 0 ? 1 : 0;
  const bool left = st.can(Move::kLeft, other, root), left_root = st.can(Move::kLeft, root, root);
  const bool right = st.can(Move::kRight, other, root);
  const bool right_root = st.can(Move::kRight, root, root);
  ok[0] = st.can(Move::kShift, -1, root);
  ok[1] = st.can(Move::kReduce, -1, root);
  std::fill(ok + codec.left(0), ok + codec.left(codec.n_labels), left);
  std::fill(ok + codec.right(0), ok + codec.right(codec.n_labels), right);
  ok[codec.left(root)] = left_root;
  ok[codec.right(root)] = right_root;
  int count = ok[0] + ok[1];
  count += (codec.n_labels - 1) * (left + right) + left_root + right_root;
  return count;
}

int fallback_label(const std::vector<std::string>& labels) {
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] == "parataxis") return static_cast<int>(i);
  }
  return 0;
}

}  // namespace

void Parser::parse(std::span<const std::string_view> words, std::span<const uint64_t> tags,
                   std::vector<ParsedWord>* out) const {
  const int n = static_cast<int>(words.size());
  out->assign(n, ParsedWord{});
  if (n == 0) return;
  // Per-thread scratch: its vectors keep their capacity from one sentence to the next, so
  // parsing allocates nothing once the thread has seen its longest sentence.
  struct Scratch {
    Sentence x;
    ArcEagerState st{0};
    std::vector<int32_t> scores;
    std::vector<uint8_t> ok_bytes;
  };
  thread_local Scratch scratch;
  Sentence& x = scratch.x;
  x.fill(words, tags, clusters_.get());
  const bool use_clusters = clusters_ != nullptr;
  ArcEagerState& st = scratch.st;
  st.reset(n);
  const TransitionCodec codec{n_labels()};
  const int nc = codec.n_classes();
  std::vector<int32_t>& scores = scratch.scores;
  scores.resize(nc);
  scratch.ok_bytes.resize(nc);
  bool* ok = reinterpret_cast<bool*>(scratch.ok_bytes.data());
  uint64_t keys[kMaxFeatures];
  while (!st.done()) {
    int nk = extract(x, st, keys, use_clusters);
    std::fill(scores.begin(), scores.end(), 0);
    weights_.score({keys, static_cast<size_t>(nk)}, scores.data());
    valid_moves(st, codec, root_label_, ok);
    int best = model::argmax(scores.data(), nc, ok);
    st.apply(codec.move(best), codec.label(best));
  }
  st.finish(root_label_, fallback_label(labels_));
  for (int i = 1; i <= n; ++i) {
    (*out)[i - 1].head = st.head[i] - 1;  // root (0) becomes -1
    (*out)[i - 1].label = static_cast<uint16_t>(st.label[i]);
  }
}

Status Parser::combine(std::span<const Parser* const> others) {
  std::vector<const model::Weights*> parts = {&weights_};
  for (const Parser* p : others) {
    if (p->labels_ != labels_ || p->root_label_ != root_label_) {
      return error(ErrorCode::kInvalidArgument, "parsers to combine have different relations");
    }
    if (!same_clusters(clusters_.get(), p->clusters_.get()) ||
        model::header_value(p->header_, "features") != model::header_value(header_, "features")) {
      return error(ErrorCode::kInvalidArgument,
                   "parsers to combine use different features or clusters");
    }
    parts.push_back(&p->weights_);
  }
  weights_ = model::Weights::sum(parts);
  return ok_status();
}

void Parser::save_payload(model::ByteWriter& w) const {
  w.put_strings(labels_);
  w.put(root_label_);
  weights_.save(w);
}

Status Parser::load_payload(model::ByteReader& r) {
  DL_RETURN_IF_ERROR(r.get_strings(&labels_, "labels"));
  DL_RETURN_IF_ERROR(r.get(&root_label_, "root label"));
  if (labels_.empty() || labels_.size() > 4000 || root_label_ >= labels_.size() ||
      labels_[root_label_] != "root") {
    return r.corrupt("bad label table");
  }
  for (const std::string& label : labels_) {
    if (!is_known_deprel(label)) return r.corrupt("unknown dependency relation '" + label + "'");
  }
  DL_RETURN_IF_ERROR(weights_.load(r));
  if (weights_.n_classes() != TransitionCodec{n_labels()}.n_classes()) {
    return r.corrupt("weights do not match the label table");
  }
  if (!r.at_end()) return r.corrupt("trailing bytes in the parser payload");
  return ok_status();
}

Result<Parser> Parser::from_model(const model::ModelFile& file, const std::string& name) {
  Parser p;
  model::ByteReader r(file.payload, name);
  DL_RETURN_IF_ERROR(p.load_payload(r));
  p.header_ = file.header;
  p.fingerprint_ = file.fingerprint;
  DL_ASSIGN_OR_RETURN(p.clusters_, clusters_for_model(file.header, name));
  return p;
}

Result<Parser> Parser::load(const std::string& path) {
  DL_ASSIGN_OR_RETURN(model::ModelFile file,
                      model::read_model_file(path, model::ModelKind::kParser));
  return from_model(file, path);
}

// ---------------------------------------------------------------------------------------
// Training

namespace {

struct TrainSentence {
  std::vector<std::string_view> words;
  std::vector<uint64_t> tags;  ///< predicted
  std::vector<int> gold_head;  ///< 1-based, index 0 unused
  std::vector<int> gold_label;
};

void tag_sentences(const Tagger& tagger, const std::vector<text::ConlluSentence>& sents,
                   size_t begin, size_t end, std::vector<TrainSentence>* out) {
  std::vector<TaggedWord> tagged;
  for (size_t i = begin; i < end; ++i) {
    TrainSentence& t = (*out)[i];
    tagger.tag(t.words, &tagged);
    t.tags.resize(tagged.size());
    for (size_t j = 0; j < tagged.size(); ++j) {
      t.tags[j] = tag_hash(tagger.upos(tagged[j]), tagger.xpos(tagged[j]));
    }
  }
  (void)sents;
}

struct LasScores {
  size_t words = 0, uas = 0, las = 0;
  double pct(size_t k) const {
    return words ? 100.0 * static_cast<double>(k) / static_cast<double>(words) : 0;
  }
};

LasScores score_parser(const Parser& parser, const std::vector<TrainSentence>& dev,
                       const std::vector<std::string>& labels) {
  LasScores s;
  std::vector<ParsedWord> out;
  for (const auto& t : dev) {
    parser.parse(t.words, t.tags, &out);
    for (size_t i = 0; i < out.size(); ++i) {
      if (t.words[i].empty()) continue;
      ++s.words;
      if (out[i].head + 1 != t.gold_head[i + 1]) continue;
      ++s.uas;
      // LAS as CoNLL 2018 counts it: universal relation only.
      const std::string& p = labels[out[i].label];
      const std::string& g = labels[t.gold_label[i + 1]];
      if (p.substr(0, p.find(':')) == g.substr(0, g.find(':'))) ++s.las;
    }
  }
  return s;
}

Status write_parser(const ParserTrainOptions& o, const Tagger& tagger, const Parser& parser,
                    int epoch, const LasScores& s) {
  char scores_line[200];
  std::snprintf(scores_line, sizeof scores_line,
                "dev (gold tokens, predicted tags): UAS %.2f LAS %.2f", s.pct(s.uas),
                s.pct(s.las));
  model::ModelHeader header = {
      {"component", "parser (arc-eager, dynamic oracle, averaged perceptron)"},
      {"command", o.command},
      {"train", join_basenames(o.train_files)},
      {"dev", join_basenames(o.dev_files)},
      {"tagger", model::header_value(tagger.header(), "command")},
      {"tagger_fingerprint", tagger.fingerprint()},
      {"seed", std::to_string(o.seed)},
      {"epochs", std::to_string(o.epochs)},
      {"jackknife", std::to_string(o.jackknife)},
      {"prune", std::to_string(o.prune)},
      {"best_epoch", std::to_string(epoch)},
      {"scores", scores_line},
  };
  if (parser.clusters()) {
    header.emplace_back(kClustersHeaderKey, parser.clusters()->fingerprint());
    header.emplace_back("features", "zhang-nivre-78+clusters-v1");
  }
  model::ByteWriter payload;
  parser.save_payload(payload);
  return model::write_model_file(o.out, model::ModelKind::kParser, header, payload.bytes());
}

}  // namespace

namespace {

Status train_and_write_parser(const ParserTrainOptions& o) {
  auto log = [&](const std::string& s) {
    if (o.log) o.log(s);
  };
  DL_ASSIGN_OR_RETURN(auto train, read_treebanks(o.train_files));
  DL_ASSIGN_OR_RETURN(auto dev, read_treebanks(o.dev_files));
  DL_ASSIGN_OR_RETURN(Tagger tagger, Tagger::load(o.tagger));
  if (train.empty()) return error(ErrorCode::kInvalidArgument, "no training sentences");
  std::shared_ptr<const ClusterFeatures> clusters;
  if (!o.clusters.empty()) {
    DL_ASSIGN_OR_RETURN(clusters, ClusterFeatures::load(o.clusters));
  }
  // Jackknife taggers mirror the run-time tagger: cluster features and the clause-context
  // templates when it has them.
  std::shared_ptr<const ClusterFeatures> fold_clusters;
  if (tagger.clusters()) {
    if (clusters && clusters->fingerprint() == tagger.clusters()->fingerprint()) {
      fold_clusters = clusters;
    } else {
      DL_ASSIGN_OR_RETURN(fold_clusters,
                          clusters_for_model(tagger.header(), o.tagger));
    }
  }

  // Labels, most frequent first.
  std::map<std::string, int> label_count;
  for (const auto& s : train) {
    for (const auto& w : s.words) ++label_count[w.deprel];
  }
  std::vector<std::pair<int, std::string>> by_count;
  by_count.reserve(label_count.size());
  for (const auto& [l, c] : label_count) by_count.push_back({-c, l});
  std::sort(by_count.begin(), by_count.end());
  std::vector<std::string> labels;
  std::map<std::string, int> label_id;
  for (const auto& [c, l] : by_count) {
    label_id[l] = static_cast<int>(labels.size());
    labels.push_back(l);
  }
  if (!label_id.count("root")) return error(ErrorCode::kInvalidArgument, "no root relation");
  const int root = label_id["root"];
  const TransitionCodec codec{static_cast<int>(labels.size())};
  const int nc = codec.n_classes();

  auto convert = [&](const std::vector<text::ConlluSentence>& sents) {
    std::vector<TrainSentence> out(sents.size());
    for (size_t i = 0; i < sents.size(); ++i) {
      TrainSentence& t = out[i];
      t.gold_head.assign(1, 0);
      t.gold_label.assign(1, 0);
      for (const auto& w : sents[i].words) {
        t.words.push_back(w.form);
        t.gold_head.push_back(w.head);
        auto it = label_id.find(w.deprel);
        t.gold_label.push_back(it == label_id.end() ? 0 : it->second);
      }
    }
    return out;
  };
  std::vector<TrainSentence> gold = convert(train), dev_gold = convert(dev);
  tag_sentences(tagger, dev, 0, dev.size(), &dev_gold);
  if (o.jackknife > 1) {
    // Contiguous folds (documents stay together); fold k is tagged by a tagger trained on
    // the other folds.
    const size_t folds = static_cast<size_t>(o.jackknife);
    for (size_t k = 0; k < folds; ++k) {
      size_t begin = train.size() * k / folds, end = train.size() * (k + 1) / folds;
      std::vector<text::ConlluSentence> rest;
      for (size_t i = 0; i < train.size(); ++i) {
        if (i < begin || i >= end) rest.push_back(train[i]);
      }
      DL_ASSIGN_OR_RETURN(Tagger fold, fit_tagger(rest, {}, o.tagger_epochs, o.seed + k + 1,
                                                  nullptr, nullptr, nullptr, fold_clusters,
                                                  tagger.verb_context()));
      tag_sentences(fold, train, begin, end, &gold);
      log("parser: jackknife fold " + std::to_string(k + 1) + "/" + std::to_string(folds) +
          " tagged");
    }
  } else {
    tag_sentences(tagger, train, 0, train.size(), &gold);
  }
  {
    size_t right = 0, total = 0;
    for (size_t i = 0; i < train.size(); ++i) {
      for (size_t j = 0; j < train[i].words.size(); ++j) {
        const auto& w = train[i].words[j];
        right += gold[i].tags[j] == tag_hash(w.upos, w.xpos);
        ++total;
      }
    }
    char line[160];
    std::snprintf(
        line, sizeof line, "parser: %zu training sentences, %zu labels, training tags %.2f%% right",
        train.size(), labels.size(),
        100.0 * static_cast<double>(right) / static_cast<double>(std::max<size_t>(total, 1)));
    log(line);
  }

  model::PerceptronTrainer trainer(nc);
  std::mt19937_64 rng(o.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<size_t> order(gold.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<float> scores(nc);
  std::vector<uint8_t> ok_bytes(nc);
  bool* ok = reinterpret_cast<bool*>(ok_bytes.data());
  std::vector<int> cost(nc);
  uint64_t keys[kMaxFeatures];
  Parser parser;
  LasScores best;
  int best_epoch = 0;
  constexpr double kExplore = 0.9;
  for (int epoch = 1; epoch <= o.epochs; ++epoch) {
    shuffle(order, rng);
    size_t errors = 0, moves = 0;
    for (size_t si : order) {
      const TrainSentence& t = gold[si];
      const int n = static_cast<int>(t.words.size());
      Sentence x;
      x.fill(t.words, t.tags, clusters.get());
      ArcEagerState st(n);
      while (!st.done()) {
        int nk = extract(x, st, keys, clusters != nullptr);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.score({keys, static_cast<size_t>(nk)}, scores.data());
        valid_moves(st, codec, root, ok);
        MoveCosts mc = move_costs(st, t.gold_head);
        const int s = st.s0(), b = st.b;
        int min_cost = 1 << 30;
        for (int c = 0; c < nc; ++c) {
          if (!ok[c]) continue;
          const int l = codec.label(c);
          switch (codec.move(c)) {
            case Move::kShift: cost[c] = mc.shift; break;
            case Move::kReduce: cost[c] = mc.reduce; break;
            case Move::kLeft: cost[c] = mc.left + (t.gold_head[s] == b && t.gold_label[s] != l); break;
            case Move::kRight: cost[c] = mc.right + (t.gold_head[b] == s && t.gold_label[b] != l); break;
          }
          min_cost = std::min(min_cost, cost[c]);
        }
        int guess = model::argmax(scores.data(), nc, ok);
        int best_gold = -1;
        for (int c = 0; c < nc; ++c) {
          if (ok[c] && cost[c] == min_cost && (best_gold < 0 || scores[c] > scores[best_gold])) {
            best_gold = c;
          }
        }
        int next = best_gold;
        if (cost[guess] != min_cost) {
          trainer.update({keys, static_cast<size_t>(nk)}, best_gold, guess);
          ++errors;
          if (epoch > 1 && coin(rng) < kExplore) next = guess;
        }
        trainer.tick();
        ++moves;
        st.apply(codec.move(next), codec.label(next));
      }
    }
    ParserBuilder::set(parser, labels, static_cast<uint16_t>(root), trainer.freeze(o.prune),
                       clusters);
    LasScores s = score_parser(parser, dev_gold, labels);
    char line[240];
    std::snprintf(
        line, sizeof line,
        "parser epoch %d: %.2f%% wrong moves, %zu features (%zu kept, %zu weights), "
        "dev UAS %.2f LAS %.2f",
        epoch,
        100.0 * static_cast<double>(errors) / static_cast<double>(std::max<size_t>(moves, 1)),
        trainer.n_features(), parser.n_features(), parser.n_weights(), s.pct(s.uas), s.pct(s.las));
    log(line);
    if (s.las > best.las || best_epoch == 0) {
      best = s;
      best_epoch = epoch;
      // Written at every improvement, so an interrupted run leaves its best model so far.
      DL_RETURN_IF_ERROR(write_parser(o, tagger, parser, epoch, s));
    }
  }
  char line[160];
  std::snprintf(line, sizeof line, "parser: kept epoch %d, dev UAS %.2f LAS %.2f; wrote %s",
                best_epoch, best.pct(best.uas), best.pct(best.las), o.out.c_str());
  log(line);
  return ok_status();
}

}  // namespace

}  // namespace dateline::syntax

namespace dateline {

Status train_parser(const ParserTrainOptions& options) {
  return syntax::train_and_write_parser(options);
}

}  // namespace dateline
