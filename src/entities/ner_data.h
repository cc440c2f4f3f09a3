// SPDX-License-Identifier: Apache-2.0
#pragma once
// Readers for named-entity corpora: IOB2/CoNLL token-per-line files (UNER, wikigold, re3d)
// and the Entity= annotations of GUM's CoNLL-U.

#include <map>
#include <string>
#include <vector>

#include "dateline/status.h"
#include "entities/ner_model.h"
#include "text/conllu.h"

namespace dateline::entities {

/// Maps a corpus's entity labels to the model's ("Person" -> "PER"). Labels not in the map
/// are dropped (read as O), which is how UNER's OTH and stray "B-O" tags are handled.
using NerTypeMap = std::map<std::string, std::string>;

/// PER/ORG/LOC as UNER writes them plus the spellings of re3d, wikigold, GUM, BTC and
/// WNUT17 (its "corporation" and "group" are organisations in UNER's sense).
NerTypeMap default_ner_type_map();

/// Reads a token-per-line file: UNER's "idx<TAB>token<TAB>tag..." or CoNLL's
/// "token ... tag" (tag last), sentences separated by blank lines, "# key = value" comments
/// and -DOCSTART- lines skipped. Tags are IOB2 (IOB1 "I-" starts are accepted).
Result<std::vector<NerExample>> read_iob(const std::string& path, const NerTypeMap& map);

/// One mention of GUM's Entity= annotation: words [begin, end) of its sentence.
struct GumMention {
  uint32_t begin = 0, end = 0;
  std::string id;    ///< coreference chain id, unique within a document
  std::string type;  ///< "person", "place", "organization", ...
  bool named = false;  ///< carries a Wikipedia identity
};

/// The Entity= mentions of one sentence, in closing order.
std::vector<GumMention> gum_mentions(const text::ConlluSentence& sentence);

/// Reads GUM CoNLL-U and keeps the *named* mentions (those with a Wikipedia identity whose
/// first and last words are proper nouns) of the mapped types, outermost only, with the
/// gold UPOS of each word.
Result<std::vector<NerExample>> read_gum_names(const std::string& path, const NerTypeMap& map);

}  // namespace dateline::entities
