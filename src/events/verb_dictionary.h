// SPDX-License-Identifier: Apache-2.0
#pragma once
// The action dictionary: verb lemmas and patterns ("blow up", "send * delegation") and
// nominal triggers ("ultimatum") with their PLOVER type and mode and closest CAMEO code.
// Every inflected form is indexed, so lookups need no lemmatizer; when the syntax layer gives
// a lemma it is looked up as well. Loaded from data/lexicons/verbs.tsv and optionally from
// PETRARCH's CAMEO verb patterns (petrarch_importer.h).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dateline/plover.h"
#include "dateline/status.h"
#include "events/word_view.h"

namespace dateline::events {

enum class VerbRole : uint8_t {
  kEvent,  ///< makes an event of its PLOVER type
  kLight,  ///< "hold", "deliver": carries a nominal trigger in its object
  kModal,  ///< "expect", "plan": puts its complement in a mode (`mode` names it)
};

/// Which inflection of the lemma a form is; used to tell verbs from nouns without a tagger.
enum class FormKind : uint8_t { kBase, kThirdPerson, kPast, kParticiple, kGerund, kIrregular };

struct VerbEntry {
  std::string lemma;                      ///< the inflected word, in its base form
  std::vector<std::string> particles;     ///< words right after the verb ("up", "with")
  std::vector<std::string> object_words;  ///< words of the object, in order, within a window
  std::vector<std::string> pre_words;     ///< PETRARCH: words before the verb, in order
  VerbRole role = VerbRole::kEvent;
  bool noun = false;       ///< a nominal trigger ("ultimatum")
  bool adjective = false;  ///< "ready to", "willing to": needs a form of "be" before it
  bool control = false;    ///< its "to ..."/"that ..." complement belongs to this event
  bool no_event = false;   ///< PETRARCH "[---]": this pattern blocks an event
  bool no_base = false;    ///< only inflected forms trigger ("pressed", not "press": a noun)
  /// kNone for light and modal verbs, and for imported entries whose type is their CAMEO
  /// code's (the coder maps it through cameo.tsv).
  PloverType plover = PloverType::kNone;
  std::string mode;        ///< a PLOVER mode of `plover`; for a modal verb the modality it adds
  std::string cameo;       ///< closest CAMEO code, "" when none
  int priority = 0;        ///< the project's own entries outrank imported ones
  std::string source;      ///< "verbs.tsv:12" or "CAMEO.verbpatterns.150430.txt:1561"
};

/// A form's reading: the entry and which inflection the form is.
struct FormRef {
  uint32_t entry = 0;
  FormKind kind = FormKind::kBase;
};

/// The best entry for words starting at a position.
struct VerbMatch {
  const VerbEntry* entry = nullptr;
  FormKind kind = FormKind::kBase;
  uint32_t begin = 0, end = 0;  ///< trigger words: the verb and its particles
  uint32_t object_end = 0;      ///< one past the last object word matched, or `end`
};

/// Immutable once loaded; lookups are const and thread-safe.
class VerbDictionary {
 public:
  /// Adds an entry under every inflection of `entry.lemma` plus `irregular` forms.
  void add(VerbEntry entry, const std::vector<std::string>& irregular);

  /// Loads data/lexicons/verbs.tsv (pattern, plover, mode, cameo, flags). Every row is
  /// checked against the PLOVER vocabulary (dateline/plover.h): an unknown type, a mode the
  /// type does not define, a CAMEO code of another type or an unknown flag is kBadInput
  /// naming file:line.
  Status load_tsv(const std::string& path);

  /// All entries whose inflected word is words[i] (by form or lemma), best pattern first:
  /// longest particles, then most object words, then priority. Checks particles and object
  /// words against the sentence; entries whose pattern does not fit are left out.
  std::vector<VerbMatch> matches(const std::vector<Word>& words, size_t i) const;

  /// True when the lemma has any entry (for tests and the importer).
  bool has_lemma(std::string_view lemma) const;

  size_t size() const { return entries_.size(); }
  /// Every entry, in the order added (the trainer turns imported ones into examples).
  const std::vector<VerbEntry>& entries() const { return entries_; }

 private:
  std::vector<VerbEntry> entries_;
  std::unordered_map<std::string, std::vector<FormRef>> forms_;
};

/// Regular inflections of an English verb: {3rd person, past, gerund}. Doubles a final
/// consonant after one short vowel in short words ("ban" -> "banned").
std::vector<std::pair<std::string, FormKind>> inflect(std::string_view lemma);

}  // namespace dateline::events
