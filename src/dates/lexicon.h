// SPDX-License-Identifier: Apache-2.0
#pragma once
// The closed-class English vocabulary of time expressions: month and weekday names, number
// words, calendar units, parts of the day, seasons and the function words the grammar keys
// on ("last", "ago", "every"). It is a code table, not a data file: the list is part of the
// grammar (each word's meaning is read by a rule in recognizer.cc), it changes only together
// with that code, and a table compiled in cannot be missing at run time. docs/DATES.md says
// why in full.

#include <cstdint>
#include <string_view>

namespace dateline::dates {

/// Calendar units, in increasing size.
enum class Unit : uint8_t {
  kNone,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeekend,
  kWeek,
  kFortnight,
  kMonth,
  kQuarter,
  kHalfYear,
  kYear,
  kDecade,
  kCentury,
  kMillennium,
};

/// Function words and fixed expressions the grammar needs to recognise.
enum class Tag : uint8_t {
  kNone,
  kToday, kTonight, kYesterday, kTomorrow,
  kNow,       // "now", "currently", "nowadays", "presently"
  kCurrent,   // "current" (adjective; PRESENT_REF alone)
  kRecently,  // "recently", "lately"
  kRecent,    // "recent" (adjective)
  kSoon,      // "soon" -> FUTURE_REF
  kFuture, kPastNoun,  // "future", "past" as nouns after "the"
  kLast, kNext, kThis, kComing, kPrevious, kPast, kFollowing, kUpcoming,
  kEarly, kLate, kMid, kMiddle, kBeginning, kStart, kEnd,
  kEarlier, kLater, kAgo, kBefore, kAfter, kHence,
  kEvery, kEach, kPer,
  kThe, kA, kOf, kIn, kOn, kAt, kFrom, kTo, kThrough, kUntil, kSince, kBy, kFor, kDuring,
  kWithin, kOver, kAnd, kBetween,
  kAbout, kNearly, kMore, kLess, kThan, kAtLeast, kUp, kSome, kSeveral, kFew, kMany,
  kCouple, kHalf, kOnce, kTwice, kTimes,
  kFiscal, kWeekendWord,
  kAm, kPm, kOclock, kNoon, kMidnight, kTimezone,
  kWill, kWould, kShall, kGoing, kExpected, kScheduled, kPlan,
  kCredit,    // "published", "updated", "posted", "copyright": credit lines, not stories
  kDaily, kWeekly, kMonthly, kQuarterly, kYearly, kHourly,
  kDayWord,   // "day" as in "that day", "the day": only inside larger patterns
};

/// What the lexicon knows about one lower-cased word. Fields that do not apply are 0.
struct WordInfo {
  Tag tag = Tag::kNone;
  Unit unit = Unit::kNone;   ///< "week", "weeks", "48-hour"'s "hour"
  bool plural = false;       ///< "weeks", "mondays"
  bool abbrev = false;       ///< "sept", "thu": only with a period or in a date
  bool ambiguous = false;    ///< "may", "march", "fall", "sun": also common words
  uint8_t month = 0;         ///< 1..12
  uint8_t weekday = 0;       ///< ISO 1 = Monday .. 7 = Sunday
  uint8_t ordinal = 0;       ///< "third" = 3, "twentieth" = 20
  int16_t number = -1;       ///< cardinal value of a number word, -1 when none
  const char* pod = nullptr;     ///< TIMEX3 part of day: "MO", "AF", "EV", "NI", "DT"
  const char* season = nullptr;  ///< TIMEX3 season: "SP", "SU", "FA", "WI"
};

/// Looks a lower-cased ASCII word up; returns nullptr when it has no time meaning.
/// Thread-safe: the table is built once, on first use, and never modified.
const WordInfo* lookup_word(std::string_view lower);

/// TIMEX3 unit letter(s) of a duration: "Y", "M", "W", "D", "H", "DE", "CE", "Q".
const char* unit_code(Unit unit);
/// True for units below a day (written after "T" in a TIMEX3 duration).
bool is_time_unit(Unit unit);

/// A stable hash of the table contents, part of the stage fingerprint.
const char* lexicon_version();

}  // namespace dateline::dates
