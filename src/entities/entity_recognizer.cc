// SPDX-License-Identifier: Apache-2.0
#include "entities/entity_recognizer.h"

#include <algorithm>
#include <filesystem>

#include "entities/coreference.h"
#include "text/utf8.h"

namespace dateline::entities {

Result<EntityRecognizer> EntityRecognizer::load(const EntityRecognizerOptions& options) {
  EntityRecognizer r;
  DL_ASSIGN_OR_RETURN(r.gazetteer_, Gazetteer::load(options.lexicons_dir, options.iso_codes_dir));
  std::string path = options.models_dir + "/" + options.model_file;
  std::error_code ec;
  if (!options.models_dir.empty() && std::filesystem::exists(path, ec)) {
    DL_ASSIGN_OR_RETURN(r.model_, NerModel::load(path));
  }
  // Word clusters the model was trained with: optional (a missing file only costs accuracy),
  // but a corrupt one is an error like a corrupt model.
  std::string clusters_path = options.models_dir + "/" + clusters::kClustersFile;
  if (!r.model_.empty() && !r.model_.info().clusters.empty() && !options.models_dir.empty() &&
      std::filesystem::exists(clusters_path, ec)) {
    DL_ASSIGN_OR_RETURN(clusters::WordClusters c, clusters::WordClusters::load(clusters_path));
    r.model_.attach_clusters(std::make_shared<const clusters::WordClusters>(std::move(c)));
  }
  r.fingerprint_ = text::content_hash(r.gazetteer_.fingerprint() + "|" +
                                      r.model_.info().fingerprint +
                                      (r.model_.uses_clusters() ? "|" + r.model_.info().clusters : ""));
  return r;
}

std::vector<Name> EntityRecognizer::find_names(std::span<const std::string_view> words,
                                               std::span<const std::string_view> upos) const {
  return entities::find_names(gazetteer_, model_.empty() ? nullptr : &model_, words, upos);
}

namespace {

// A person named in full once is often written by surname alone later, and a per-sentence
// model misses some of those ("Miller, despite his rhetoric, ..."). Any capitalised word
// outside a name that is the surname of a full person name of the same article becomes a
// person name too (one sense per discourse).
void propagate_surnames(std::vector<AnalysedSentence>& sentences) {
  std::vector<std::string_view> surnames;
  for (const AnalysedSentence& s : sentences)
    for (const Name& n : s.names)
      if (n.type == EntityType::kPerson &&
          (n.end - n.begin >= 2 || n.why == "rule: capitalised name after a title"))
        surnames.push_back(s.words[n.end - 1].text);
  if (surnames.empty()) return;
  for (AnalysedSentence& s : sentences) {
    std::vector<Name> added;
    size_t next = 0;
    for (uint32_t i = 0; i < s.words.size(); ++i) {
      while (next < s.names.size() && s.names[next].end <= i) ++next;
      if (next < s.names.size() && s.names[next].begin <= i) continue;
      std::string_view w = s.words[i].text;
      if (!is_capitalized(w) || std::find(surnames.begin(), surnames.end(), w) == surnames.end())
        continue;
      added.push_back({i, i + 1, EntityType::kPerson, -1, "surname of a person named in the article"});
    }
    if (added.empty()) continue;
    s.names.insert(s.names.end(), added.begin(), added.end());
    std::sort(s.names.begin(), s.names.end(),
              [](const Name& a, const Name& b) { return a.begin < b.begin; });
  }
}

}  // namespace

Status EntityRecognizer::annotate(Document& doc) const {
  std::vector<AnalysedSentence> sentences;
  sentences.reserve(doc.sentences.size());
  std::vector<std::string_view> texts;
  for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    if (s.boilerplate || s.token_end > doc.tokens.size()) continue;
    AnalysedSentence a;
    a.index = i;
    a.words = sentence_words(doc, s);
    texts.clear();
    for (const Word& w : a.words) texts.push_back(w.text);
    a.names = find_names(texts);
    sentences.push_back(std::move(a));
  }
  propagate_surnames(sentences);
  link_entities(gazetteer_, sentences, doc);
  return ok_status();
}

}  // namespace dateline::entities
