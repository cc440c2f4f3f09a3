// SPDX-License-Identifier: Apache-2.0
#pragma once
// One record per statement and per event across outlets. GDELT counts reports, not events:
// the same quotation in three outlets is three rows. Here each stored quotation joins a
// statement: the earlier quotations of the same speaker (the same cross-article person,
// else the same name) whose words match, exactly or nearly. Near is judged by MinHash over
// word shingles (Broder 1997): each quotation's normalised words give 3-word shingles, each
// of kSignatureSize seeded hashes keeps its minimum, and the share of equal minima estimates
// the Jaccard similarity of the two shingle sets; at kSameStatement or more, the two are one
// statement. Events join a group by an exact key: actor, type, target and day.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/status.h"
#include "store/db.h"

namespace dateline::store {

inline constexpr size_t kSignatureSize = 64;
inline constexpr double kSameStatement = 0.7;

/// The MinHash signature of a text's normalised words (folded_words()): 3-word shingles,
/// or the whole when it has fewer than three words. Empty text: all minima are ~0u.
std::vector<uint32_t> minhash(std::string_view text);

/// The estimated Jaccard similarity of two signatures of kSignatureSize: the share of equal
/// minima, in [0, 1].
double similarity(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

/// The key grouping events: "actor|type|target|day", where actor and target are the codes
/// (else the folded text), type the PLOVER type (else the CAMEO code), and day the single
/// day the date (else `published`) covers, or the date as written when it covers more.
std::string event_group_key(std::string_view actor_code, std::string_view actor_text,
                            std::string_view plover, std::string_view cameo,
                            std::string_view target_code, std::string_view target_text,
                            std::string_view date, std::string_view published);

/// Joins the quotations and events of the stored article `article` (rows already written,
/// people already linked) to their statements and event groups, creating those that are
/// new. Runs inside put()'s transaction.
Status group_reports(const Db& db, int64_t article, int64_t run);

}  // namespace dateline::store
