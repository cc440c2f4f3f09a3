// SPDX-License-Identifier: Apache-2.0
#pragma once
// The entity stage's view of a sentence (words) and the first step of the stage: finding
// typed names in it with the sequence model, the gazetteers and a few head-word rules.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"
#include "entities/gazetteer.h"
#include "entities/ner_model.h"

namespace dateline::entities {

/// A word as this stage sees it: usually one token, but a token holding a glued function
/// word ("theWhite" -> "the" + "White") or a possessive ("Trump's" -> "Trump" + "'s") is
/// split into two words with their own byte spans.
struct Word {
  Span span;
  std::string_view text;  ///< a view into Document::text
  int32_t token = -1;     ///< the document token it comes from
};

/// Words of sentence `s`, in order. Views point into doc.text.
std::vector<Word> sentence_words(const Document& doc, const Sentence& s);

/// A typed name found in a sentence: words [begin, end).
struct Name {
  uint32_t begin = 0, end = 0;
  EntityType type = EntityType::kOther;
  int32_t gazetteer_entry = -1;  ///< the gazetteer entry that matches exactly, or -1
  std::string why;
  /// For an acronym defined in the article, the words of the name it stands for, one space
  /// apart ("Center for Strategic and International Studies"), so that both are one entity.
  std::string long_form;
};

/// Finds names in one sentence. `model` may be null (no model file): names then come from
/// the gazetteers and capitalisation rules only. `upos` may be empty; `document` is the
/// sentence's document_case_bits() (empty when it is read alone).
/// Ensures: names are sorted and do not overlap.
std::vector<Name> find_names(const Gazetteer& gazetteer, const NerModel* model,
                             std::span<const std::string_view> words,
                             std::span<const std::string_view> upos,
                             std::span<const uint8_t> document = {});

/// The article-level steps after find_names(), "one sense per discourse": `words[k]` and
/// `names[k]` are sentence k's words and names (sorted, non-overlapping), and the steps only
/// add names over words no name covers.
///  1. An acronym in brackets right after a name of two words or more whose initials it
///     spells ("Housing Authority of New Orleans (HANO)") is a name of the same type, and
///     it and every name spelt like it get that name as their `long_form`.
///  2. A word sequence that the sentence steps named somewhere in the article (with a
///     capital letter in it) is named wherever else it occurs with the same spelling, with
///     its most frequent type: a per-sentence model finds "Mozilla" in one sentence and
///     misses it in the next.
///  3. A capitalised word that is the surname of a person named in full (or after a title)
///     is that person ("Miller, despite his rhetoric, ...").
/// Ensures: every names[k] stays sorted and non-overlapping. Cost: O(n log n) in the words
/// of the article (names by spelling in a map, candidates by first word, surnames in a set).
void propagate_names(std::span<const std::vector<std::string_view>> words,
                     std::span<std::vector<Name>> names);

/// True when the word starts with a capital letter (ASCII or any non-ASCII initial).
bool is_capitalized(std::string_view word);

}  // namespace dateline::entities
