// SPDX-License-Identifier: Apache-2.0
#pragma once
// Calendar dates as news pages write them in metadata: credit lines ("March 6th, 2026"),
// HTML meta tags ("2026-03-06T10:15:00+05:00"), RFC 822 feeds ("Fri, 06 Mar 2026"), date
// stamps on pages ("19.10.2019, 15:30 Uhr", "6 mars 2026"), JSONL fields. This is the ingest
// module's own small parser for *absolute* dates only; relative expressions ("last Tuesday")
// are the dates stage's business.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dateline::ingest {

/// A date as precise as written, with the time of day and its UTC offset when given.
struct DateTime {
  int year = 0;
  int month = 0;  ///< 1-12, 0 when only the year is known
  int day = 0;    ///< 1-31, 0 when not known
  int hour = -1;  ///< 0-23, -1 when no time of day is given
  int minute = 0;
  int second = 0;
  bool has_offset = false;  ///< the time's UTC offset is known ("Z", "+02:00", "EST")
  int offset_minutes = 0;   ///< east of UTC

  /// "2026-03-06", "2026-03", "2026"; with a time "2026-03-06T18:09:00-07:00" (local time
  /// and its offset; "Z" for UTC) or "2026-03-06T18:09:00" when the offset is unknown.
  std::string iso() const;
  /// The date part of iso().
  std::string date_iso() const;
  /// Minutes since 1970-01-01T00:00Z, when day, time and offset are all known.
  std::optional<int64_t> utc_minutes() const;
};

/// How to read what is ambiguous.
struct DateReading {
  /// "03/04/2026" is 3 April (true) or March 4 (false); dates with a number over 12 are read
  /// the only way they can be.
  bool day_first = false;
  /// Month and weekday names in German, French, Spanish, Italian, Portuguese and Dutch as well
  /// as English ("19. Oktober 2019", "4 de mayo de 2022"). Off for English running text, where
  /// "Mars" and "Mai" are words.
  bool european_names = false;
};

/// A date found in a string: its ISO 8601 form, as precise as written ("2026-03-06",
/// "2026-03", "2026"), and the half-open byte range [begin, end) it was read from.
struct FoundDate {
  std::string iso;
  size_t begin = 0;
  size_t end = 0;
};

/// Reads the whole of `s` (surrounding white space allowed) as one date, with an optional
/// time of day and zone: "March 6th, 2026", "6 March 2026", "Friday, March 6, 2026 6:09 PM
/// EST", "2026-03-06T10:00:00Z", "Fri, 06 Mar 2026 10:15:00 +0100", "06.03.2026, 15:30 Uhr",
/// "2026/03/06", "20260306", "March 2026", "2026". False when `s` is not one date (including
/// impossible ones such as "February 30, 2026").
bool parse_date_time(std::string_view s, DateTime* out, const DateReading& reading = {});

/// Finds the first date in `s` that has at least a month and a year, starting at a word
/// boundary, with the time of day that follows it if any. Bare years are not reported (too
/// many numbers look like years). Sets [*begin, *end) to the bytes read.
bool find_date_time(std::string_view s, DateTime* out, size_t* begin, size_t* end,
                    const DateReading& reading = {});

/// parse_date_time()'s date, as ISO ("2026-03-06", "2026-03", "2026"), or "" when `s` is
/// not a date. Times of day are dropped.
std::string normalize_date(std::string_view s);

/// find_date_time() with the date part only.
bool find_date(std::string_view s, FoundDate* found);

}  // namespace dateline::ingest
