// SPDX-License-Identifier: Apache-2.0
// One-off converter: the model files of the six pre-kernel formats (tagger and parser in
// model container version 1, DLCLUST word clusters, DLSB boundary model, DLNERMDL NER model,
// DLQUOTE attribution tagger, DLCRANK content reranker) into model container version 2
// (src/model/model_file.h), with the same weights:
//
//   build/dev/tools/upgrade_models OLD_DIR NEW_DIR
//
// Weights already stored as int16 (tagger, parser, attribution tagger) are copied as they
// are; float weights (boundary model, NER, reranker) are quantised to int16 on one scale per
// table, as the trainers now do. Every converted model is loaded back through its component's
// loader. Headers keep their keys and gain `converted` (the old file's format and hash);
// models that read word clusters get the new clusters fingerprint. A file already in NEW_DIR
// (a model retrained with today's trainer) is kept when its payload equals the converted
// one, so that its header holds the real training command; otherwise the tool stops.
//
// The old readers live only here: nobody outside this repository has files of the old
// formats, so the library reads the container alone. This file is deleted once the
// committed models are converted; `git show <commit>:tools/upgrade_models.cc` keeps it.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "clusters/word_clusters.h"
#include "entities/ner_model.h"
#include "model/bytes.h"
#include "model/hash.h"
#include "model/model_file.h"
#include "model/perceptron.h"
#include "quotes/content_reranker.h"
#include "quotes/tagger.h"
#include "segment/boundary_model.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"

namespace dateline {
namespace {

using model::ByteReader;
using model::ByteWriter;
using model::ModelHeader;
using model::ModelKind;

// `how`: "int16 weights copied" or "float weights quantised to int16".
std::string converted_note(const std::string& old_format, std::string_view bytes, const char* how) {
  return "converted from " + old_format + " (FNV-1a of the old file " + model::content_hash(bytes) +
         ") by tools/upgrade_models.cc, " + how;
}

// "key=value" lines (the DLNERMDL, DLQUOTE and DLCRANK headers).
ModelHeader parse_lines(std::string_view text) {
  ModelHeader h;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(pos, nl - pos);
    const size_t eq = line.find('=');
    if (eq != std::string_view::npos) {
      h.emplace_back(std::string(line.substr(0, eq)), std::string(line.substr(eq + 1)));
    }
    pos = nl + 1;
  }
  return h;
}

Status expect_magic(ByteReader& r, std::string_view magic) {
  std::string got(magic.size(), '\0');
  for (char& c : got) DL_RETURN_IF_ERROR(r.get(&c, "magic"));
  if (got != magic) return r.corrupt("not a " + std::string(magic.substr(0, 7)) + " file");
  return ok_status();
}

// Copies a version-1 weight table (u32 classes, f32 scale, keys, lens, entries) and writes
// it with the version-2 layout byte (hashed).
Status copy_weights(ByteReader& r, ByteWriter& w) {
  uint32_t classes = 0;
  float scale = 0;
  std::vector<uint64_t> keys;
  std::vector<uint32_t> lens;
  std::vector<model::Weights::Entry> entries;
  DL_RETURN_IF_ERROR(r.get(&classes, "classes"));
  DL_RETURN_IF_ERROR(r.get(&scale, "scale"));
  DL_RETURN_IF_ERROR(r.get_vector(&keys, "keys"));
  DL_RETURN_IF_ERROR(r.get_vector(&lens, "lens"));
  DL_RETURN_IF_ERROR(r.get_vector(&entries, "entries"));
  model::Weights::from_rows(static_cast<int>(classes), scale, keys, lens, entries).save(w);
  return ok_status();
}

struct Container1 {
  uint32_t kind = 0;
  ModelHeader header;
  std::string payload;
};

// Model container version 1: the version-2 layout with version 1 (tagger, parser only).
Result<Container1> read_container1(const std::string& bytes, const std::string& name) {
  ByteReader r(bytes, name);
  DL_RETURN_IF_ERROR(expect_magic(r, std::string_view("DLMODEL\0", 8)));
  uint32_t version = 0, n = 0;
  Container1 c;
  DL_RETURN_IF_ERROR(r.get(&version, "version"));
  if (version != 1) return r.corrupt("not container version 1");
  DL_RETURN_IF_ERROR(r.get(&c.kind, "kind"));
  DL_RETURN_IF_ERROR(r.get(&n, "header"));
  for (uint32_t i = 0; i < n; ++i) {
    std::string k, v;
    DL_RETURN_IF_ERROR(r.get_string(&k, "key"));
    DL_RETURN_IF_ERROR(r.get_string(&v, "value"));
    c.header.emplace_back(std::move(k), std::move(v));
  }
  uint64_t size = 0;
  DL_RETURN_IF_ERROR(r.get(&size, "payload size"));
  if (bytes.size() != r.pos() + size + 8) return r.corrupt("bad payload size");
  if (model::fnv1a(std::string_view(bytes).substr(0, r.pos() + size)) != [&] {
        uint64_t v = 0;
        std::memcpy(&v, bytes.data() + r.pos() + size, 8);
        return v;
      }()) {
    return r.corrupt("checksum mismatch");
  }
  c.payload = bytes.substr(r.pos(), size);
  return c;
}

// Tagger payload: UPOS, XPOS, FEATS strings, FEATS candidates, two weight tables, lemmatizer.
Result<std::string> tagger_payload(const std::string& old, const std::string& name) {
  ByteReader r(old, name);
  ByteWriter w;
  for (const char* what : {"upos", "xpos", "feats"}) {
    std::vector<std::string> v;
    DL_RETURN_IF_ERROR(r.get_strings(&v, what));
    w.put_strings(v);
  }
  uint64_t n = 0;
  DL_RETURN_IF_ERROR(r.get(&n, "candidates"));
  w.put(n);
  for (uint64_t i = 0; i < n; ++i) {
    std::vector<uint16_t> c;
    DL_RETURN_IF_ERROR(r.get_vector(&c, "candidates"));
    w.put_vector(c);
  }
  DL_RETURN_IF_ERROR(copy_weights(r, w));
  DL_RETURN_IF_ERROR(copy_weights(r, w));
  std::string out = w.take();
  out += old.substr(r.pos());  // the lemmatizer, unchanged
  return out;
}

Result<std::string> parser_payload(const std::string& old, const std::string& name) {
  ByteReader r(old, name);
  ByteWriter w;
  std::vector<std::string> labels;
  uint16_t root = 0;
  DL_RETURN_IF_ERROR(r.get_strings(&labels, "labels"));
  DL_RETURN_IF_ERROR(r.get(&root, "root"));
  w.put_strings(labels);
  w.put(root);
  DL_RETURN_IF_ERROR(copy_weights(r, w));
  if (!r.at_end()) return r.corrupt("trailing bytes");
  return w.take();
}

Result<std::string> read_all(const std::string& path) { return model::read_model_bytes(path); }

// Moves `converted` onto `kept` unless `kept` exists; then its payload must be the same.
Status keep_or_replace(const std::string& converted, const std::string& kept) {
  DL_ASSIGN_OR_RETURN(model::ModelFile c, model::read_any_model_file(converted));
  Result<model::ModelFile> k = model::read_any_model_file(kept);
  if (!k.ok()) {
    if (k.status().code() != ErrorCode::kNotFound) return k.status();
    if (std::rename(converted.c_str(), kept.c_str()) != 0) {
      return error(ErrorCode::kIo, kept + ": cannot write");
    }
    return ok_status();
  }
  std::remove(converted.c_str());
  if (k->kind != c.kind || k->payload != c.payload) {
    return error(ErrorCode::kDataLoss, kept + ": exists with other weights than the old model");
  }
  std::fprintf(stderr, "%s: kept (retrained, same payload)\n", kept.c_str());
  return ok_status();
}

struct Converter {
  std::string in, out;
  std::string clusters_fp, glove_fp;  // new fingerprints

  Status clusters(const std::string& file, std::string* fingerprint) {
    const std::string src = in + "/" + file;
    DL_ASSIGN_OR_RETURN(std::string bytes, read_all(src));
    ByteReader r(bytes, src);
    DL_RETURN_IF_ERROR(expect_magic(r, std::string_view("DLCLUST\0", 8)));
    uint32_t version = 0, n = 0;
    DL_RETURN_IF_ERROR(r.get(&version, "version"));
    ModelHeader header;
    DL_RETURN_IF_ERROR(r.get(&n, "header"));
    for (uint32_t i = 0; i < n; ++i) {
      std::string k, v;
      DL_RETURN_IF_ERROR(r.get_string(&k, "key"));
      DL_RETURN_IF_ERROR(r.get_string(&v, "value"));
      header.emplace_back(std::move(k), std::move(v));
    }
    std::vector<std::string> paths, words;
    std::vector<uint32_t> ids;
    DL_RETURN_IF_ERROR(r.get(&n, "paths"));
    paths.resize(n);
    for (auto& p : paths) DL_RETURN_IF_ERROR(r.get_string(&p, "path"));
    DL_RETURN_IF_ERROR(r.get(&n, "words"));
    words.resize(n);
    ids.resize(n);
    for (uint32_t i = 0; i < n; ++i) {
      DL_RETURN_IF_ERROR(r.get_string(&words[i], "word"));
      DL_RETURN_IF_ERROR(r.get(&ids[i], "cluster"));
    }
    if (r.pos() + 8 != bytes.size()) return r.corrupt("bad size");
    model::set_header_value(header, "converted",
                            converted_note("DLCLUST 1", bytes, "table copied"));
    const clusters::WordClusters c =
        clusters::WordClusters::build(std::move(paths), words, ids, std::move(header));
    DL_RETURN_IF_ERROR(c.save(out + "/" + file + ".new"));
    DL_RETURN_IF_ERROR(keep_or_replace(out + "/" + file + ".new", out + "/" + file));
    DL_ASSIGN_OR_RETURN(clusters::WordClusters back,
                        clusters::WordClusters::load(out + "/" + file));
    if (back.n_words() != c.n_words()) return error(ErrorCode::kInternal, file + ": differs");
    *fingerprint = back.fingerprint();
    std::fprintf(stderr, "%s: %zu words, fingerprint %s\n", file.c_str(), c.n_words(),
                 fingerprint->c_str());
    return ok_status();
  }

  template <typename Model>
  Status syntax_model(const std::string& file, ModelKind kind,
                      Result<std::string> (*payload)(const std::string&, const std::string&)) {
    const std::string src = in + "/" + file, dst = out + "/" + file;
    DL_ASSIGN_OR_RETURN(std::string bytes, read_all(src));
    DL_ASSIGN_OR_RETURN(Container1 c, read_container1(bytes, src));
    if (c.kind != static_cast<uint32_t>(kind)) return error(ErrorCode::kDataLoss, src + ": kind");
    DL_ASSIGN_OR_RETURN(std::string p, payload(c.payload, src));
    if (!model::header_value(c.header, "clusters").empty()) {
      model::set_header_value(c.header, "clusters", clusters_fp);
    }
    model::set_header_value(c.header, "converted",
                            converted_note("model container 1", bytes, "int16 weights copied"));
    DL_RETURN_IF_ERROR(model::write_model_file(dst, kind, c.header, p));
    DL_ASSIGN_OR_RETURN(Model m, Model::load(dst));  // reads the clusters beside it
    std::fprintf(stderr, "%s: fingerprint %s\n", file.c_str(), m.fingerprint().c_str());
    return ok_status();
  }

  Status segmenter() {
    const std::string src = in + "/segmenter.dlsb", dst = out + "/segmenter.dlsb";
    DL_ASSIGN_OR_RETURN(std::string bytes, read_all(src));
    ByteReader r(bytes, src);
    uint32_t magic = 0, version = 0, bits = 0, n = 0;
    DL_RETURN_IF_ERROR(r.get(&magic, "magic"));
    DL_RETURN_IF_ERROR(r.get(&version, "version"));
    DL_RETURN_IF_ERROR(r.get(&bits, "bits"));
    DL_RETURN_IF_ERROR(r.get(&n, "entries"));
    if (magic != 0x42534C44 || version != 1) return r.corrupt("not a DLSB 1 file");
    std::vector<uint64_t> keys;
    std::vector<uint32_t> lens;
    std::vector<model::FloatEntry> entries;
    for (uint32_t k = 0; k < n; ++k) {
      uint32_t x = 0;
      float w = 0;
      DL_RETURN_IF_ERROR(r.get(&x, "index"));
      DL_RETURN_IF_ERROR(r.get(&w, "weight"));
      keys.push_back(uint64_t{x} + 1);
      lens.push_back(1);
      entries.push_back({0, w});
    }
    if (!r.at_end()) return r.corrupt("trailing bytes");
    // The file had no header: the command and scores of models/README.md and
    // `dateline eval segment` on the dev files with this model.
    const std::string d = "../shared/data/ud/";
    ModelHeader header = {
        {model::kHeaderCommand, "dateline train segmenter --train " + d +
                                    "en_ewt-ud-train.conllu " + d +
                                    "en_gum-ud-train.conllu --dev " + d + "en_ewt-ud-dev.conllu " +
                                    d + "en_gum-ud-dev.conllu --out models/segmenter.dlsb"},
        {model::kHeaderData, d + "en_ewt-ud-train.conllu, " + d + "en_gum-ud-train.conllu"},
        {model::kHeaderSeed, "1"},
        {"epochs", "10"},
        {model::kHeaderScores,
         "en_ewt-ud-dev: Tokens F1 99.61 Words F1 99.28 Sentences F1 89.56; en_gum-ud-dev: "
         "Tokens F1 99.88 Words F1 99.88 Sentences F1 96.03"},
        {"converted", converted_note("DLSB 1", bytes, "float weights quantised to int16")},
    };
    segment::BoundaryModel m(bits, model::Weights::from_float_rows(1, keys, lens, entries, 0.0f),
                             header);
    DL_RETURN_IF_ERROR(m.save(dst + ".new"));
    DL_RETURN_IF_ERROR(keep_or_replace(dst + ".new", dst));
    DL_ASSIGN_OR_RETURN(segment::BoundaryModel back, segment::BoundaryModel::load(dst));
    std::fprintf(stderr, "segmenter.dlsb: %u nonzero weights, fingerprint %s\n", n,
                 back.fingerprint().c_str());
    return ok_status();
  }

  Status ner() {
    const std::string src = in + "/en_ner.dlm", dst = out + "/en_ner.dlm";
    DL_ASSIGN_OR_RETURN(std::string bytes, read_all(src));
    ByteReader r(bytes, src);
    DL_RETURN_IF_ERROR(expect_magic(r, "DLNERMDL"));
    uint32_t version = 0, header_len = 0;
    DL_RETURN_IF_ERROR(r.get(&version, "version"));
    DL_RETURN_IF_ERROR(r.get(&header_len, "header"));
    if (version != 2) return r.corrupt("not DLNERMDL 2");
    const ModelHeader old = parse_lines(std::string_view(bytes).substr(r.pos(), header_len));
    const std::string payload = bytes.substr(r.pos() + header_len);
    if (model::content_hash(payload) != model::header_value(old, "fingerprint")) {
      return r.corrupt("fingerprint mismatch");
    }
    ByteReader p(payload, src);
    uint32_t n_types = 0;
    DL_RETURN_IF_ERROR(p.get(&n_types, "types"));
    std::vector<std::string> types(n_types);
    for (auto& t : types) {
      uint32_t len = 0;
      DL_RETURN_IF_ERROR(p.get(&len, "type"));
      t.resize(len);
      for (char& c : t) DL_RETURN_IF_ERROR(p.get(&c, "type"));
    }
    uint64_t n_features = 0;
    DL_RETURN_IF_ERROR(p.get(&n_features, "features"));
    std::vector<uint64_t> keys;
    std::vector<uint32_t> lens;
    std::vector<model::FloatEntry> entries;
    for (uint64_t i = 0; i < n_features; ++i) {
      uint64_t key = 0;
      uint8_t nnz = 0;
      DL_RETURN_IF_ERROR(p.get(&key, "key"));
      DL_RETURN_IF_ERROR(p.get(&nnz, "row"));
      for (uint8_t k = 0; k < nnz; ++k) {
        uint8_t label = 0;
        float w = 0;
        DL_RETURN_IF_ERROR(p.get(&label, "label"));
        DL_RETURN_IF_ERROR(p.get(&w, "weight"));
        entries.push_back({label, w});
      }
      keys.push_back(key);
      lens.push_back(nnz);
    }
    if (!p.at_end()) return p.corrupt("trailing bytes");
    entities::NerModelInfo info;
    info.command = model::header_value(old, "command");
    info.data = model::header_value(old, "data");
    info.seed = "1";  // the command's --seed
    info.scores = model::header_value(old, "scores");
    info.clusters = glove_fp;
    info.clusters_file = model::header_value(old, "clusters_file");
    info.outside_bias = std::stof(model::header_value(old, "outside_bias"));
    const int classes = static_cast<int>(1 + 4 * types.size());
    entities::NerModel m(types, model::Weights::from_float_rows(classes, keys, lens, entries, 0.0f),
                         info);
    DL_RETURN_IF_ERROR(m.save(dst));
    // The converted note goes into the header through a second write.
    DL_ASSIGN_OR_RETURN(model::ModelFile f, model::read_model_file(dst, ModelKind::kNer));
    model::set_header_value(
        f.header, "converted",
        converted_note("DLNERMDL 2", bytes, "float weights quantised to int16"));
    DL_RETURN_IF_ERROR(model::write_model_file(dst, ModelKind::kNer, f.header, f.payload));
    DL_ASSIGN_OR_RETURN(entities::NerModel back, entities::NerModel::load(dst));
    std::fprintf(stderr, "en_ner.dlm: %zu features, fingerprint %s\n", back.weights().n_features(),
                 back.info().fingerprint.c_str());
    return ok_status();
  }

  Status attribution() {
    const std::string src = in + "/attribution.model", dst = out + "/attribution.model";
    DL_ASSIGN_OR_RETURN(std::string bytes, read_all(src));
    ByteReader r(bytes, src);
    DL_RETURN_IF_ERROR(expect_magic(r, "DLQUOTE\n"));
    uint32_t version = 0, header_len = 0, bits = 0, ntags = 0, n_priors = 0;
    DL_RETURN_IF_ERROR(r.get(&version, "version"));
    DL_RETURN_IF_ERROR(r.get(&header_len, "header"));
    ModelHeader header = parse_lines(std::string_view(bytes).substr(r.pos(), header_len));
    ByteReader p(std::string_view(bytes).substr(r.pos() + header_len), src);
    DL_RETURN_IF_ERROR(p.get(&bits, "bits"));
    DL_RETURN_IF_ERROR(p.get(&ntags, "tags"));
    if (!(version == 2 && ntags == 7) && !(version == 3 && ntags == 8)) {
      return r.corrupt("not DLQUOTE 2 or 3");
    }
    ByteWriter w;
    w.put(bits);
    w.put(static_cast<uint8_t>(version == 3));
    DL_RETURN_IF_ERROR(p.get(&n_priors, "priors"));
    std::vector<std::pair<std::string, float>> priors(n_priors);
    for (auto& [form, prior] : priors) {
      uint16_t len = 0;
      DL_RETURN_IF_ERROR(p.get(&len, "prior"));
      form.resize(len);
      for (char& c : form) DL_RETURN_IF_ERROR(p.get(&c, "prior"));
      DL_RETURN_IF_ERROR(p.get(&prior, "prior"));
    }
    std::sort(priors.begin(), priors.end());
    w.put(static_cast<uint64_t>(priors.size()));
    for (const auto& [form, prior] : priors) {
      w.put_string(form);
      w.put(prior);
    }
    // The file's rows 0..ntags (row ntags: the start) into rows 0..kTags (row kTags: start).
    float trans[quotes::kTags + 1][quotes::kTags] = {};
    for (uint32_t row = 0; row <= ntags; ++row) {
      for (uint32_t t = 0; t < ntags; ++t) {
        DL_RETURN_IF_ERROR(p.get(&trans[row == ntags ? quotes::kTags : row][t], "transitions"));
      }
    }
    for (const auto& row : trans) {
      for (float t : row) w.put(t);
    }
    float scale = 0;
    DL_RETURN_IF_ERROR(p.get(&scale, "scale"));
    std::vector<uint64_t> keys;
    std::vector<uint32_t> lens;
    std::vector<model::Weights::Entry> entries;
    for (uint64_t bucket = 0; bucket < (uint64_t{1} << bits); ++bucket) {
      keys.push_back(bucket + 1);
      lens.push_back(ntags);
      for (uint32_t t = 0; t < ntags; ++t) {
        int16_t q = 0;
        DL_RETURN_IF_ERROR(p.get(&q, "weights"));
        entries.push_back({static_cast<uint16_t>(t), q});
      }
    }
    if (!p.at_end()) return p.corrupt("trailing bytes");
    model::Weights::from_rows(static_cast<int>(ntags), scale, keys, lens, entries).save(w);
    model::set_header_value(
        header, "converted",
        converted_note("DLQUOTE " + std::to_string(version), bytes, "int16 weights copied"));
    DL_RETURN_IF_ERROR(model::write_model_file(dst, ModelKind::kAttribution, header, w.bytes()));
    DL_ASSIGN_OR_RETURN(quotes::AttributionTagger back, quotes::AttributionTagger::load(dst));
    std::fprintf(stderr, "attribution.model: %zu buckets in use, fingerprint %s\n",
                 back.weights().n_features(), back.fingerprint().c_str());
    return ok_status();
  }

  Status reranker() {
    const std::string src = in + "/content_reranker.model", dst = out + "/content_reranker.model";
    DL_ASSIGN_OR_RETURN(std::string bytes, read_all(src));
    ByteReader r(bytes, src);
    DL_RETURN_IF_ERROR(expect_magic(r, "DLCRANK\n"));
    uint32_t version = 0, header_len = 0, bits = 0;
    DL_RETURN_IF_ERROR(r.get(&version, "version"));
    DL_RETURN_IF_ERROR(r.get(&header_len, "header"));
    ModelHeader header = parse_lines(std::string_view(bytes).substr(r.pos(), header_len));
    ByteReader p(std::string_view(bytes).substr(r.pos() + header_len), src);
    DL_RETURN_IF_ERROR(p.get(&bits, "bits"));
    if (version != 1 || bits != quotes::ContentReranker::kBits) return r.corrupt("not DLCRANK 1");
    std::vector<uint64_t> keys;
    std::vector<uint32_t> lens;
    std::vector<model::FloatEntry> entries;
    for (uint64_t bucket = 0; bucket < (uint64_t{1} << bits); ++bucket) {
      float w = 0;
      DL_RETURN_IF_ERROR(p.get(&w, "weights"));
      if (w == 0) continue;
      keys.push_back(bucket + 1);
      lens.push_back(1);
      entries.push_back({0, w});
    }
    if (!p.at_end()) return p.corrupt("trailing bytes");
    // The old header kept training settings on one line; give them their own key.
    ModelHeader renamed;
    for (auto& [k, v] : header) {
      if (k == "epochs") {
        renamed.emplace_back("training", "epochs=" + v);
      } else {
        renamed.emplace_back(k, v);
      }
    }
    model::set_header_value(renamed, "converted",
                            converted_note("DLCRANK 1", bytes, "float weights quantised to int16"));
    quotes::ContentReranker m(model::Weights::from_float_rows(1, keys, lens, entries, 0.0f));
    m.set_header(renamed);
    DL_RETURN_IF_ERROR(m.save(dst));
    DL_ASSIGN_OR_RETURN(quotes::ContentReranker back, quotes::ContentReranker::load(dst));
    std::fprintf(stderr, "content_reranker.model: %zu weights, fingerprint %s\n",
                 back.weights().n_features(), back.fingerprint().c_str());
    return ok_status();
  }

  Status run() {
    DL_RETURN_IF_ERROR(clusters("en_clusters.dlc", &clusters_fp));
    DL_RETURN_IF_ERROR(clusters("en_glove_clusters.dlc", &glove_fp));
    DL_RETURN_IF_ERROR(
        syntax_model<syntax::Tagger>("en_tagger.dlm", ModelKind::kTagger, tagger_payload));
    DL_RETURN_IF_ERROR(
        syntax_model<syntax::Parser>("en_parser.dlm", ModelKind::kParser, parser_payload));
    DL_RETURN_IF_ERROR(segmenter());
    DL_RETURN_IF_ERROR(ner());
    DL_RETURN_IF_ERROR(attribution());
    return reranker();
  }
};

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: upgrade_models OLD_DIR NEW_DIR\n");
    return 2;
  }
  dateline::Converter c{argv[1], argv[2], "", ""};
  const dateline::Status s = c.run();
  if (!s.ok()) {
    std::fprintf(stderr, "upgrade_models: %s\n", s.to_string().c_str());
    return 1;
  }
  return 0;
}
