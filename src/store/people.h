// SPDX-License-Identifier: Apache-2.0
#pragma once
// Cross-article identity of people: which stored person a PERSON entity of a new article is.
// The rules are deliberately conservative (a wrong merge mixes two people's statements and
// roles, a missed merge only splits one person's history in two):
//   1. the same full name (two or more words, compared case-, accent- and punctuation-
//      insensitively) is the same person;
//   2. a surname alone, or a full name meeting a person known only by that surname, is that
//      person only when a title of each is compatible ("Foreign Minister" ~ "Portuguese
//      foreign minister") and exactly one person qualifies;
//   1b. a full name equal to a stored one but for middle initials ("Donald J. Trump" and
//      "Donald Trump"; not "George H. W. Bush" and "George W. Bush") is that person when
//      exactly one person qualifies;
//   3. anything else is a new person ("first seen").
// A title written before the name ("President Trump", "Sen. Warren") is not part of the
// name's key and counts as one of its roles.
// Every decision carries the reason, which `dateline people` shows.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::store {

/// A role as the store compares it.
struct RoleKey {
  std::string title, organization, country;
};

/// Case-folded, accent-free, punctuation-free words of a name, one space apart
/// ("José  O'Neill-Díaz" -> "jose oneill diaz"); leading honorifics ("Mr.", "Dr.") and titles
/// ("President", "Sen.") removed, the last word always kept.
std::string name_key(std::string_view name);

/// The title words written before a name, folded ("Sen. Elizabeth Warren" -> "sen"), "" when
/// none; name_key() leaves them out.
std::string name_title(std::string_view name);

/// The words of `s` separated by spaces (runs of spaces are one separator).
std::vector<std::string> split_words(std::string_view s);

/// Case-folded, accent-free words of any text, one space apart, punctuation dropped (the
/// folding name_key() uses, without removing titles).
std::string folded_words(std::string_view text);

/// The surname of a name key: its last word, skipping generational suffixes ("jr", "iii").
std::string surname_of(std::string_view key);

/// True when two roles can be the same position: the same head noun ("minister"), one's
/// words contained in the other's (ignoring "former", "acting", ...), the same rank words
/// ("vice", "deputy", "prime"), and no conflicting country or organization.
bool titles_compatible(const RoleKey& a, const RoleKey& b);

/// A stored person the decision may pick.
struct PersonCandidate {
  int64_t id = 0;
  std::string name_key;
  std::vector<RoleKey> roles;  ///< every title any linked entity had
};

struct PersonDecision {
  int64_t person = 0;         ///< the candidate's id, or 0 for a new person
  bool upgrade_name = false;  ///< the candidate was known by surname only: take this fuller name
  std::string reason;
};

/// Decides for an entity named `name` with `roles`. `candidates` are the stored people
/// whose name_key or surname equals this name's key or surname (the caller's index lookup).
PersonDecision decide_person(std::string_view name, const std::vector<RoleKey>& roles,
                             const std::vector<PersonCandidate>& candidates);

}  // namespace dateline::store
