// SPDX-License-Identifier: Apache-2.0
#pragma once
// Scoring person coreference against GUM's coreference chains (Entity= in CoNLL-U MISC).

#include <string>
#include <vector>

#include "entities/entity_recognizer.h"
#include "text/conllu.h"

namespace dateline::entities {

struct CorefScore {
  struct Counts {
    int links = 0;    ///< predicted links (mention -> previous mention of its entity) scored
    int correct = 0;  ///< both ends in the same gold person chain
    double accuracy() const { return links ? 100.0 * correct / links : 0; }
  };
  Counts name, pronoun, nominal;  ///< by the kind of the later mention
  int gold_pronouns = 0;          ///< gold he/she/him/his/her... with a named antecedent
  int pronouns_resolved = 0;      ///< of those, linked to a mention of the right chain
  int documents = 0;
  std::string to_string() const;
};

/// Rebuilds each GUM document from its gold words (one token per word, sentences as given,
/// no syntax), runs the recognizer, and scores its person links: a link from a mention to
/// the previous mention of its entity is correct when both align (by last word) with gold
/// person mentions of the same chain. Links whose ends do not align are not scored.
CorefScore evaluate_coreference(const EntityRecognizer& recognizer,
                                const std::vector<text::ConlluSentence>& gold);

}  // namespace dateline::entities
