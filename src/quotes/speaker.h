// SPDX-License-Identifier: Apache-2.0
#pragma once
// Speaker resolution: from the source span of an attribution to the person or group it
// names, through the entities layer (mentions, including pronouns and surnames, point to
// entities with full names and titles). Also flags unnamed sources ("three people familiar
// with the talks", "officials") and finds the addressee of tell-verbs.

#include "dateline/document.h"
#include "quotes/cue_lexicon.h"
#include "quotes/words.h"

namespace dateline::quotes {

/// The Speaker for `source` (byte span, may be empty) of an attribution whose cue is at
/// byte `at`. Requires: doc.mentions/entities as the entities stage leaves them (may be
/// empty: then a capitalised run of words inside the source stands for the name).
Speaker resolve_speaker(const Document& doc, const WordView& view, Span source, uint32_t at,
                        const CueLexicon& lexicon);

/// True when the source names nobody: its words hold no name and its head noun is one of
/// the lexicon's anonymous or group nouns ("officials", "people familiar with...").
bool is_anonymous_source(const Document& doc, const WordView& view, Span source,
                         const CueLexicon& lexicon);

/// The addressee of a tell-class cue ("told Latin American defense leaders"): the words
/// after the cue up to "that", a clause break or `stop` (the content's start), else empty.
Span find_addressee(const Document& doc, const WordView& view, Span cue, uint32_t stop,
                    const CueLexicon& lexicon);

}  // namespace dateline::quotes
