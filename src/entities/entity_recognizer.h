// SPDX-License-Identifier: Apache-2.0
#pragma once
// Named entities, titles and roles, and person coreference inside an article.
//
// The stage runs in three steps (see name_finder.h, titles.h, coreference.h):
//  1. names: a BILOU averaged-perceptron model (models/en_ner.dlm) proposes PER/ORG/LOC spans
//     per sentence; gazetteers type them further (GPE, LOC, FAC, NORP, EVENT) and add the
//     countries, cities and known organisations it missed;
//  2. titles stated around each person name (premodifiers, appositives, possessive roles);
//  3. coreference: names, surnames, pronouns and title-only descriptions are linked into
//     entities with all their mentions.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"
#include "entities/gazetteer.h"
#include "entities/name_finder.h"
#include "entities/ner_model.h"
#include "model/manifest.h"

namespace dateline::entities {

struct EntityRecognizerOptions {
  std::string models_dir;    ///< holds en_ner.dlm; without it names come from rules only
  std::string lexicons_dir;  ///< places.tsv, organizations.tsv, demonyms.tsv, titles.tsv, ...
  std::string iso_codes_dir = "/usr/share/iso-codes/json";  ///< Debian iso-codes
  std::string model_file = model::kNerFile;                 ///< relative to models_dir
  /// The token encoder with the NER head, relative to models_dir; "" = not used. Optional:
  /// without the file the linear model scores names alone.
  std::string encoder_file = model::kEncoderFile;
  /// How the encoder's head and the linear model combine (chosen on UNER dev, docs/ENTITIES.md).
  NerMix ner_mix;
};

/// Built once from its model and lexicons, then immutable: annotate() is const and one
/// instance may serve many threads.
class EntityRecognizer {
 public:
  /// Loads the lexicons (a missing or malformed lexicon is an error) and the NER model and
  /// the token encoder when their files exist (a corrupt or too new model file is an error;
  /// a missing one is not: the caller warns, see model/manifest.h). With the encoder alone
  /// (no en_ner.dlm), names are scored by its head.
  static Result<EntityRecognizer> load(const EntityRecognizerOptions& options);

  /// Replaces doc.entities and doc.mentions. Requires: doc is segmented. Boilerplate
  /// sentences are skipped. A failure on this article is returned and the pipeline records
  /// it as a Diagnostic.
  Status annotate(Document& doc) const;
  /// The same, reading the document's TokenView built by the caller (the Pipeline builds it
  /// once for every stage).
  Status annotate(Document& doc, const segment::TokenView& tokens) const;

  /// Typed names over given words, e.g. the gold tokens of an evaluation file.
  /// `document`: the sentence's document_case_bits(), empty when it is read alone.
  std::vector<Name> find_names(std::span<const std::string_view> words,
                               std::span<const std::string_view> upos = {},
                               std::span<const uint8_t> document = {}) const;

  bool has_model() const { return !model_.empty(); }
  const NerModel& model() const { return model_; }
  const Gazetteer& gazetteer() const { return gazetteer_; }

  /// Hex fingerprint of the model and lexicons this instance was built from.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  Gazetteer gazetteer_;
  NerModel model_;
  std::string fingerprint_;
};

}  // namespace dateline::entities
