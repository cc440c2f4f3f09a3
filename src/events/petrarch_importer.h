// SPDX-License-Identifier: Apache-2.0
#pragma once
// Importer for PETRARCH / Phoenix dictionaries (the public TABARI-format files of the Open
// Event Data Alliance), so a user can code with them at run time (`--dictionaries DIR`).
// They are never shipped with dateline.
//
// Formats read (see PETRARCH's PETRreader.py for the reference reader):
//  - verb patterns (CAMEO.verbpatterns.*.txt): "&SYNSET" blocks of "+WORD" lines, then verb
//    blocks "--- NAME [code] ---", each with verb lines "VERB [code] {IRREGULAR FORMS} # note"
//    ("+WAGE_WAR": the '+' word is the verb, the others literal; "RE_+OPEN") and pattern lines
//    "- PRE * POST [code] # note" where '*' is the verb, '+' the target, '$' the source,
//    '^' and '%' skip markers, '&X' a synset, and '_' joins words that must be adjacent.
//  - actors (Phoenix.*.actors.txt): "NAME_ [CODE]" or "NAME_" followed by "+SYNONYM" lines and
//    tab-indented "[CODE DATE-DATE]" lines; "# ..." comments.
//  - agents (Phoenix.agents.txt): "WORD_WORD [~SEC]" (suffix sector) or "[SEC~]"; "{PLURAL}";
//    "!PERSON! = MAN, MEN" substitution sets.

#include <string>

#include "dateline/status.h"
#include "events/actor_dictionary.h"
#include "events/verb_dictionary.h"

namespace dateline::events {

/// Counts of what an import added, for logs and tests.
struct ImportStats {
  size_t verbs = 0;     ///< verb entries (one per verb per block)
  size_t patterns = 0;  ///< pattern entries
  size_t actors = 0;    ///< actor phrases
  size_t agents = 0;    ///< agent phrases
};

/// Adds the verbs and patterns of a PETRARCH verb dictionary to `verbs`. Entries get priority
/// 0 so the project's own lexicon wins where both cover the same lemma and pattern; `cameo`
/// entries are left for the coder to map to PLOVER.
Status import_petrarch_verbs(const std::string& path, VerbDictionary& verbs, ImportStats& stats);

/// Adds the actors of a Phoenix .actors file. Codes with date ranges keep their ranges
/// (YYMMDD or YYYYMMDD, converted to ISO).
Status import_phoenix_actors(const std::string& path, ActorDictionary& actors, ImportStats& stats);

/// Adds the agents of a Phoenix agents file.
Status import_phoenix_agents(const std::string& path, ActorDictionary& actors, ImportStats& stats);

/// Imports every dictionary found in `dir`: files whose names contain "verbpatterns",
/// ".actors." and "agents". Returns kNotFound when `dir` holds none of them.
Status import_petrarch_dir(const std::string& dir, VerbDictionary& verbs, ActorDictionary& actors,
                           ImportStats& stats);

}  // namespace dateline::events
