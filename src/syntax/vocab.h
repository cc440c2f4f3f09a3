// SPDX-License-Identifier: Apache-2.0
#pragma once
// The closed vocabularies of the syntax layer: the 17 universal POS tags and the 37
// universal dependency relations of Universal Dependencies v2, with the English subtypes
// of the UD English treebanks ("nsubj:pass", "obl:tmod", ...). Treebanks read for training
// or evaluation and the label tables of model files are checked against them, so a typo in
// a file is an error naming the file and line, not a phantom class.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "dateline/status.h"
#include "text/conllu.h"

namespace dateline::syntax {

enum class Upos : uint8_t {
  kAdj,
  kAdp,
  kAdv,
  kAux,
  kCconj,
  kDet,
  kIntj,
  kNoun,
  kNum,
  kPart,
  kPron,
  kPropn,
  kPunct,
  kSconj,
  kSym,
  kVerb,
  kX,
};
inline constexpr int kUposCount = 17;

/// The tag of a name ("NOUN"); nullopt for anything else.
std::optional<Upos> parse_upos(std::string_view name);
std::string_view upos_name(Upos tag);

/// The universal relations (the part of a label before any ':').
enum class Deprel : uint8_t {
  kAcl,
  kAdvcl,
  kAdvmod,
  kAmod,
  kAppos,
  kAux,
  kCase,
  kCc,
  kCcomp,
  kClf,
  kCompound,
  kConj,
  kCop,
  kCsubj,
  kDep,
  kDet,
  kDiscourse,
  kDislocated,
  kExpl,
  kFixed,
  kFlat,
  kGoeswith,
  kIobj,
  kList,
  kMark,
  kNmod,
  kNsubj,
  kNummod,
  kObj,
  kObl,
  kOrphan,
  kParataxis,
  kPunct,
  kReparandum,
  kRoot,
  kVocative,
  kXcomp,
};
inline constexpr int kDeprelCount = 37;

/// The universal relation of a label: "nsubj:pass" -> kNsubj when the label is known
/// (is_known_deprel); nullopt otherwise.
std::optional<Deprel> parse_deprel(std::string_view label);
std::string_view deprel_name(Deprel rel);
/// A universal relation, or one with a subtype of the English treebanks.
bool is_known_deprel(std::string_view label);
/// The subtyped labels accepted besides the universal relations ("acl:relcl", ...).
std::span<const std::string_view> deprel_subtypes();

/// Checks the UPOS and DEPREL column of every word of `sentences`, read from `file`:
/// kBadInput "<file>:<line>: unknown UPOS tag 'NOUNS'" at the first unknown value.
Status check_vocabulary(std::span<const text::ConlluSentence> sentences, const std::string& file);

}  // namespace dateline::syntax
