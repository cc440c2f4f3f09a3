// SPDX-License-Identifier: Apache-2.0
#pragma once
/// @file
/// The filters of the store's query commands, in one table per query: the CLI makes its
/// flags from it (`--speaker`, `--limit`, ...) and the HTTP API its parameters (`speaker=`,
/// `limit=`), and both turn the values given into a query with the same checks, so a value
/// the API refuses the CLI refuses too, with the same message.
///
/// Messages name the filter as a CLI flag ("--limit: '0' is not a whole number of at least
/// 1"); the API drops the leading "--".

#include <map>
#include <span>
#include <string>

#include "dateline/status.h"
#include "dateline/store.h"

namespace dateline {

/// What a filter's value must be.
enum class FilterKind {
  kText,        ///< any text (names and words; the store checks that a name has a letter)
  kDate,        ///< an ISO date of any precision: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, ...
  kLimit,       ///< a whole number >= 1
  kEventType,   ///< a PLOVER event type (ASSAULT) or a CAMEO code prefix (19); any case
  kEntityType,  ///< PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, OTHER; any case
  kSwitch,      ///< on or off: "true"/"1" or "false"/"0" (a CLI flag without a value)
};

/// One filter of a query: its name (flag without "--", API parameter), kind and help line.
struct Filter {
  const char* name;
  FilterKind kind;
  const char* help;
};

/// Values as given, by filter name. A value that is absent or empty means "no filter".
using FilterValues = std::map<std::string, std::string, std::less<>>;

std::span<const Filter> quote_filters();     ///< speaker, about, since, limit, reports
std::span<const Filter> event_filters();     ///< actor, target, type, from, to, limit, reports
std::span<const Filter> entity_filters();    ///< type, name, limit
std::span<const Filter> people_filters();    ///< name, limit
std::span<const Filter> timeline_filters();  ///< from, to, entity, limit

/// Checks one value against its kind; `value` is normalised in place (types upper-cased).
/// Errors: kInvalidArgument naming the filter ("limit: '0' is not a whole number of at
/// least 1"); the CLI shows the name as its flag, the API as its parameter.
Status check_filter(const Filter& filter, std::string& value);

/// The queries from checked values. Errors: kInvalidArgument naming the first bad filter, or
/// a name that is not a filter of that query.
Result<QuoteQuery> make_quote_query(const FilterValues& values);
Result<EventQuery> make_event_query(const FilterValues& values);
Result<EntityQuery> make_entity_query(const FilterValues& values);
Result<PeopleQuery> make_people_query(const FilterValues& values);
Result<TimelineQuery> make_timeline_query(const FilterValues& values);

}  // namespace dateline
