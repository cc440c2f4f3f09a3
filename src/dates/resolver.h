// SPDX-License-Identifier: Apache-2.0
#pragma once
// Anchoring: turns a Frame (the meaning of an expression, from recognizer.h) into a TIMEX3
// value, given the anchor date (usually the publication date, possibly partial) and the
// tense of the verb that governs the expression.

#include <string>

#include "dates/civil_date.h"
#include "dates/recognizer.h"

namespace dateline::dates {

/// The tense of the clause around an expression; it decides whether "Thursday" or "January"
/// is the last one or the next one. Unknown falls back to the past, as news mostly reports.
enum class Tense { kUnknown, kPast, kPresent, kFuture };

struct Resolution {
  std::string value;      ///< TIMEX3 value, "" when unresolved
  bool resolved = true;   ///< false when the anchor is missing or too coarse
  bool relative = false;  ///< the value depends on the anchor
};

/// Requires: nothing (any Frame, any anchor). Ensures: when `resolved` is false, `value`
/// is empty; a partial anchor resolves only what its precision allows ("last month" needs
/// the anchor's month, "Thursday" its day).
/// What the story has been talking about, for expressions that refer to it.
struct Discourse {
  int quarter_year = Frame::kNoYear;  ///< the last quarter named ("the third quarter")
  int quarter = 0;                    ///< 1..4, 0 when none yet
};

Resolution resolve(const Frame& frame, const PartialDate& anchor, Tense tense,
                   const Discourse& discourse = {});

/// True when the value of `frame` depends on the tense (weekday and month names, seasons,
/// quarters without a year, "the weekend").
bool needs_tense(const Frame& frame);

}  // namespace dateline::dates
