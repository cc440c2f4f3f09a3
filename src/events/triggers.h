// SPDX-License-Identifier: Apache-2.0
#pragma once
// The first part of coding a sentence: its triggers (the words that carry an event, a light
// verb's noun or a modal's complement), their voice, negation and modality, and which of them
// is the complement of another ("agreed to cooperate" is one event). See sentence_coder.h for
// the whole; participants.h and event_builder.h take the triggers from here.

#include <cstdint>
#include <string>
#include <vector>

#include "dateline/document.h"
#include "dateline/plover.h"
#include "events/event_coder.h"
#include "events/sentence_parse.h"
#include "events/sentence_view.h"
#include "events/verb_dictionary.h"

namespace dateline::events {

/// Everything one sentence is coded from. References only; lives for one code_sentence().
struct CoderInput {
  const EventDictionaries& dicts;
  const Document& doc;
  const SentenceView& view;
  const SentenceParse& parse;
  const DocumentContext& ctx;
  const std::vector<Word>& words() const { return view.words; }
};

/// One trigger of a sentence. Word indices are into view.words.
struct Trigger {
  VerbMatch match;
  uint32_t begin = 0, end = 0;   ///< words of the action (light verb .. noun for nominals)
  uint32_t chain_begin = 0;      ///< first word of the auxiliary chain before it
  uint32_t object_begin = 0;     ///< where the object search starts
  uint32_t head_word = 0;        ///< the word the parse attaches arguments to (verb or noun)
  /// The event type: the dictionary entry's, or its CAMEO code's for imported entries, or
  /// the trigger model's when it decided (event_model.h). kNone for light and modal verbs.
  PloverType type = PloverType::kNone;
  std::string mode;              ///< PLOVER mode of `type`, "" for none
  std::string cameo;             ///< closest CAMEO code
  std::string decided_by;        ///< "" (the dictionary) or the model's reasons, for `why`
  bool passive = false;
  bool negated = false;
  std::string modality;
  int32_t controller = -1;       ///< trigger whose complement this is
  bool absorbed = false;         ///< folded into its controller's event
  int32_t actor = -1, target = -1;  ///< phrase indices
  bool actor_inherited = false;
  std::string actor_note, target_note;
  const VerbEntry& entry() const { return *match.entry; }
  bool is_event() const { return match.entry->role == VerbRole::kEvent; }
};

/// The dictionary's triggers of the sentence, in text order: each word's best pattern whose
/// context fits (a verb where a verb can stand, a nominal trigger after a light verb, "ready"
/// between "be" and "to"), with voice, negation and modality set.
std::vector<Trigger> find_triggers(const CoderInput& in);

/// Adds the reporting verbs of obligations laid on another actor ("X declared that China
/// must ...", "X said the US should ...") as REQUEST triggers, keeping text order.
void add_reported_obligations(const CoderInput& in, std::vector<Trigger>& triggers);

/// Links each trigger to the one whose complement it is: folded into a control verb's event
/// ("agreed to cooperate") or an event verb's ("summoned the ambassador to complain"), or put
/// in the mode of a modal verb ("is expected to advance").
void link_complements(const CoderInput& in, std::vector<Trigger>& triggers);

/// The trigger whose auxiliary chain or words cover word `w`, -1 when none.
int32_t trigger_at(const std::vector<Trigger>& triggers, uint32_t w);

/// True when a reporting clause follows the comma at word `k` (", a Jordanian official
/// confirmed"): the clause after it has its own participants.
bool reporting_after(const std::vector<Word>& words, uint32_t k);

/// Index of the first word of the auxiliary chain ("has not been", "would") ending before `i`.
uint32_t chain_start(const std::vector<Word>& words, uint32_t i);

}  // namespace dateline::events
