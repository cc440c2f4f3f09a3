// SPDX-License-Identifier: Apache-2.0
#pragma once
// Turns the names found in each sentence into the article's entities and mentions: people
// are linked by full name and surname, pronouns and title-only descriptions ("the
// president") are resolved to people, titles are attached, and other names are merged by
// gazetteer identity or by spelling.

#include <span>
#include <vector>

#include "dateline/document.h"
#include "entities/gazetteer.h"
#include "entities/name_finder.h"

namespace dateline::entities {

/// One sentence as the entity stage analysed it.
struct AnalysedSentence {
  uint32_t index = 0;       ///< into Document::sentences
  std::vector<Word> words;
  std::vector<Name> names;  ///< sorted, non-overlapping
};

/// Replaces doc.entities and doc.mentions with those built from `sentences` (in text order).
/// Ensures: every mention belongs to exactly one entity; each entity's mentions are in text
/// order; entities are ordered by their first mention; Entity::name is the longest name;
/// doc.mentions are in text order. Cost: O(n log n) in the article's words (the people found
/// so far are indexed by name words and title heads; pronouns look back two sentences).
void link_entities(const Gazetteer& gazetteer, std::span<const AnalysedSentence> sentences,
                   Document& doc);

/// 'm', 'f' or 0: the grammatical gender of a third-person pronoun ("his" -> 'm'), or 0
/// when `lower` is not one.
char pronoun_gender(std::string_view lower);

}  // namespace dateline::entities
