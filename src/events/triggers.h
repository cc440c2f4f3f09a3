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
  uint32_t begin = 0, end = 0;  ///< words of the action (light verb .. noun for nominals)
  uint32_t chain_begin = 0;     ///< first word of the auxiliary chain before it
  uint32_t object_begin = 0;    ///< where the object search starts
  uint32_t head_word = 0;       ///< the word the parse attaches arguments to (verb or noun)
  /// The event type: the dictionary entry's, or its CAMEO code's for imported entries, or
  /// the trigger model's when it decided (event_model.h). kNone for light and modal verbs.
  PloverType type = PloverType::kNone;
  std::string mode;        ///< PLOVER mode of `type`, "" for none
  std::string cameo;       ///< closest CAMEO code
  std::string decided_by;  ///< "" (the dictionary) or the model's reasons, for `why`
  bool passive = false;
  bool negated = false;
  std::string modality;
  std::string not_asserted;         ///< why the trigger makes no event ("a question"), or ""
  std::string background;           ///< why it is told as background ("a relative clause"), or ""
  int32_t controller = -1;          ///< trigger whose complement this is
  bool absorbed = false;            ///< folded into its controller's event
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

/// Adds every clause verb that no trigger covers as a candidate for the trigger model (its
/// entry is model_entry(), its type kNone until apply_model() decides), keeping text order.
/// Requires: in.parse.parsed().
void add_model_candidates(const CoderInput& in, std::vector<Trigger>& triggers);

/// The trigger model (in.dicts.model) decides every event trigger: no event (the trigger is
/// removed), or its type and closest CAMEO code; the dictionary's code stays where the model
/// agrees with the dictionary's type. `decided_by` names the features that weighed most.
/// Requires: in.dicts.model and in.parse.parsed().
void apply_model(const CoderInput& in, std::vector<Trigger>& triggers);

/// Marks (`not_asserted`) the event triggers that assert no event, which then make no event:
///  - hypotheticals: under "if", "unless" or "whether", the consequent of an "if" clause, or
///    a modal of possibility ("would support", "could help") outside a reported intention
///    ("said it would withdraw");
///  - questions: the sentence ends with "?";
///  - quotations: inside the content of a direct quotation (the speaker's words, not the
///    reporter's account).
/// Marks (`background`) the triggers told as background: in a relative clause ("the
/// senator, who resigned in 2012"), a participle describing a noun ("the deal negotiated by
/// ..."), a temporal clause ("after", "when", ...) or an apposition. These are events, dated
/// only by a time of their own clause, never by the publication date (event_builder.h).
/// Complements folded into another trigger are judged by their controller. Requires:
/// in.parse.parsed() and link_complements() done.
void mark_non_assertions(const CoderInput& in, std::vector<Trigger>& triggers);

/// The token whose clause trigger t stands in: a nominal trigger's light verb ("held
/// talks"), else its head word's. -1 when off the parse. Requires: in.parse.parsed().
int32_t clause_token(const CoderInput& in, const Trigger& t);

/// The entry of triggers proposed by the model alone (source "model").
const VerbEntry& model_entry();

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
