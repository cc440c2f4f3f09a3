// SPDX-License-Identifier: Apache-2.0
#pragma once
// Closed classes of English words the event coder reads (determiners, prepositions,
// auxiliaries, ...), and small predicates over the coder's words. Shared by the parts of the
// sentence coder (triggers, participants, events).

#include <array>
#include <string>
#include <string_view>

#include "dateline/plover.h"
#include "events/word_view.h"

namespace dateline::events {

template <size_t N>
bool one_of(std::string_view w, const std::array<std::string_view, N>& list) {
  for (std::string_view x : list) {
    if (w == x) return true;
  }
  return false;
}

inline constexpr std::array<std::string_view, 20> kDeterminers = {
    "the",   "a",     "an", "its", "their", "his", "her",  "our",   "my",   "your",
    "these", "those", "'s", "'",   "no",    "any", "such", "every", "each", "this"};
inline constexpr std::array<std::string_view, 21> kPrepositions = {
    "of",     "for",     "with",    "in",      "on",      "at",     "by",
    "from",   "about",   "into",    "against", "under",   "over",   "after",
    "before", "between", "without", "toward",  "towards", "during", "to"};
inline constexpr std::array<std::string_view, 10> kPlacePrepositions = {
    "in", "at", "near", "inside", "outside", "across", "throughout", "around", "within", "off"};
inline constexpr std::array<std::string_view, 13> kBe = {
    "be", "is", "are", "was", "were", "been", "being", "am", "'re", "get", "gets", "got", "gotten"};
inline constexpr std::array<std::string_view, 22> kAuxiliaries = {
    "be", "is",   "are", "was",  "were",  "been", "being", "am",  "has",   "have",  "had",
    "do", "does", "did", "will", "would", "can",  "could", "may", "might", "shall", "should"};
inline constexpr std::array<std::string_view, 10> kModals = {
    "will", "would", "can", "could", "may", "might", "shall", "should", "must", "'ll"};
inline constexpr std::array<std::string_view, 24> kAdverbs = {
    "not",  "n't",     "never", "also",       "already",    "still",      "just", "so",
    "far",  "again",   "now",   "officially", "reportedly", "jointly",    "once", "further",
    "even", "finally", "then",  "soon",       "recently",   "previously", "only", "allegedly"};
inline constexpr std::array<std::string_view, 13> kReportingVerbs = {
    "said",      "says",   "told",   "reported", "announced", "confirmed", "added",
    "according", "quoted", "stated", "claimed",  "declared",  "say"};
inline constexpr std::array<std::string_view, 16> kPartitives = {
    "group", "groups", "members",  "member",    "some",   "many",   "most", "all",
    "one",   "dozens", "hundreds", "thousands", "scores", "number", "team", "part"};
inline constexpr std::array<std::string_view, 5> kPossessives = {"its", "their", "his", "her",
                                                                 "whose"};
// Prepositions of adjuncts, not of participants: "following the deaths of two Israelis".
inline constexpr std::array<std::string_view, 16> kNonArgumentCases = {
    "following", "after", "before", "during", "despite", "since",     "until",   "amid",
    "because",   "than",  "like",   "as",     "via",     "including", "besides", "ago"};
inline constexpr std::array<std::string_view, 12> kSubordinators = {
    "as",    "when",     "while",  "after",   "before", "because",
    "since", "although", "though", "whereas", "until",  "unless"};
// Verbs that report an obligation laid on another actor as a demand.
inline constexpr std::array<std::string_view, 12> kObligationReporters = {
    "said",    "says",   "declared", "declares",   "concluded", "insisted",
    "insists", "stated", "stressed", "maintained", "argued",    "reiterated"};
inline constexpr std::array<std::string_view, 4> kRelativePronouns = {"who", "which", "that",
                                                                      "whom"};
inline constexpr std::array<std::string_view, 19> kTimeWords = {
    "january",   "february",  "march",   "april",    "may",      "june",   "july",
    "august",    "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday",  "friday",  "saturday", "sunday"};

/// True when the space-separated `list` holds the word `w` ("would never" has "never").
bool has_word(const std::string& list, std::string_view w);

/// The conflictual types (whose announced intent is a threat rather than an agreement).
bool is_conflict(PloverType type);

/// ".", ";", ":", "?", "!": ends a clause for every participant search.
bool is_hard_boundary(const Word& w);

/// A listed adverb or a lower-case word in "-ly" ("reportedly", not "Italy").
bool is_adverb(const Word& w);

}  // namespace dateline::events
