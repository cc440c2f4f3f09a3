// SPDX-License-Identifier: Apache-2.0
#pragma once
// Titles and roles stated for a person: premodifiers ("US Defence Secretary Pete Hegseth"),
// appositives ("Ryan Berg, director of the Americas Programme at the Center for ...") and
// possessive roles ("Sebastian Gorka, Trump's senior director for counterterrorism").

#include <span>
#include <string>
#include <vector>

#include "dateline/document.h"
#include "entities/gazetteer.h"
#include "entities/name_finder.h"

namespace dateline::entities {

/// Titles stated around the person name `person` (an index into `names`) of one sentence.
/// `words` and `names` are that sentence's (see sentence_words() and find_names()).
/// Ensures: each Title has a non-empty text whose span lies inside the sentence; its
/// organization and country are set when the title names them.
std::vector<Title> find_titles(const Document& doc, const Gazetteer& gazetteer,
                               std::span<const Word> words, std::span<const Name> names,
                               size_t person);

/// The lower-case head word of a title ("secretary" for "US Defence Secretary"): the last
/// title-lexicon head word before "of"/"for" ("director" for "director of the Programme").
std::string title_head(const Gazetteer& gazetteer, std::string_view title);

}  // namespace dateline::entities
