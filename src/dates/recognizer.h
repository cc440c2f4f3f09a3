// SPDX-License-Identifier: Apache-2.0
#pragma once
// Recognition of English time expressions: a word lexer over one sentence and a grammar of
// hand-written patterns that turns word sequences into Frames, the meaning of an expression
// before it is anchored ("last month" = anchor month - 1). Resolution against the anchor and
// the tense is in resolver.h.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"
#include "dates/civil_date.h"
#include "dates/lexicon.h"

namespace dateline::dates {

/// One word of a sentence as the grammar sees it: a maximal run of letters, a maximal run
/// of digits, or one punctuation character. Splitting digits from letters ("6th", "1990s",
/// "10am") and at hyphens ("48-hour") makes the grammar independent of the tokenizer.
struct Word {
  Span span;
  std::string_view lower;        ///< lower-cased text (ASCII folding; other bytes as is)
  const WordInfo* info = nullptr;  ///< lexicon entry, nullptr when none
  int32_t token = -1;            ///< index of the Document token containing it, or -1
  int32_t number = -1;           ///< value when all digits (up to 9 of them), else -1
  uint8_t digits = 0;            ///< number of digits when all digits
  char punct = 0;                ///< normalised punctuation ('-' for dashes, '\'' for ’)
  bool space_before = true;      ///< white space separates it from the previous word
  bool capitalized = false;      ///< first letter upper case
};

/// Splits `span` of doc.text into Words. `lower` is doc.text lower-cased (same length).
/// Token indices are taken from doc.tokens[token_begin, token_end).
/// Ensures: `out` is cleared first; words are in text order and do not overlap.
void split_words(const Document& doc, std::string_view lower, Span span, uint32_t token_begin,
                 uint32_t token_end, std::vector<Word>* out);

/// How an expression's value is computed.
enum class FrameKind : uint8_t {
  kLiteral,   ///< `literal` is the value; nothing to anchor ("1998", "P3Y", "PAST_REF")
  kDate,      ///< year/month/day, the year possibly missing ("March 6", "January")
  kWeekday,   ///< a weekday near the anchor
  kRelative,  ///< the anchor moved by `amount` `unit`s, at that unit's granularity
  kQuarter,   ///< quarter (or half, for Unit::kHalfYear) `part` of `year`, year possibly missing
  kSeason,    ///< `season` of `year`, year possibly missing
  kWeekend,   ///< "the weekend": this week's or last week's, by tense
};

/// The meaning of one recognised expression, before anchoring.
struct Frame {
  static constexpr int kNoYear = -100000;
  static constexpr int kSameYear = 2;
  FrameKind kind = FrameKind::kLiteral;
  TimeType type = TimeType::kDate;
  std::string literal;        ///< kLiteral: the value
  int year = kNoYear;         ///< given year, kNoYear when the text gives none
  int month = 0, day = 0;     ///< 0 = not given
  int weekday = 0;            ///< ISO weekday for kWeekday
  Unit unit = Unit::kNone;    ///< kRelative granularity; kQuarter: kQuarter or kHalfYear
  int amount = 0;             ///< kRelative offset in units
  int part = 0;               ///< kQuarter: 1..4 (or 1..2 for halves)
  const char* season = nullptr;
  int holiday = -1;           ///< index into the holiday table (recognizer.cc), -1 if none
  /// kDate, kQuarter: the year is the anchor's plus this offset ("July last year",
  /// "next year's first quarter"); only meaningful when year_from_anchor.
  bool year_from_anchor = false;
  int year_offset = 0;
  /// kRelative in years ("a year earlier", "year-ago"): when the story has been talking
  /// about a quarter, the same quarter of that year (business news compares periods).
  bool reference_period = false;
  /// kRelative: move one unit further back when the governing verb is in the past tense
  /// ("the quarter" in "profit rose in the quarter" is the last completed one).
  bool past_shift = false;
  /// Direction fixed by the words: -1 "last March" (strictly before the anchor), +1 "next
  /// Friday" (strictly after), kSameYear "this March" (the anchor's year), 0 = chosen by
  /// the tense of the governing verb.
  int dir = 0;
  int hour = -1, minute = -1;  ///< time of day, when given
  const char* pod = nullptr;   ///< part of day ("MO"), when given instead of a clock time
  const char* mod = nullptr;   ///< TIMEX3 mod: "START", "MID", "END", "APPROX", ...
  const char* rule = "";       ///< short name of the pattern that matched, for `why`
};

/// A recognised expression: words [first, end) of the sentence and its meaning.
struct Match {
  uint32_t first = 0;
  uint32_t end = 0;
  Frame frame;
};

/// Finds the time expressions among `words`, left to right, longest match first.
/// Ensures: matches do not overlap and are in text order; `out` is appended to.
void recognize(const std::vector<Word>& words, std::vector<Match>* out);

/// The date of holiday `index` in `year` ("Thanksgiving" 2026 = 2026-11-26).
/// Requires: 0 <= index < number of holidays in the table.
CivilDate holiday_date(int index, int year);

}  // namespace dateline::dates
