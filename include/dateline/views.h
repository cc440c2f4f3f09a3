// SPDX-License-Identifier: Apache-2.0
#pragma once
/// @file
/// The analyst's views over a Store: a person with their role history and statements, a
/// time series of statements or events, and the network of who acts on whom. Each view is
/// an aggregate of the Store's own queries (quotes(), events(), person()), so it counts what
/// they count: statements and events, one per record across outlets, not reports.
///
/// Queries are built from the same kind of filter table as dateline/filters.h, so the API
/// checks a view's parameters with the same messages as the other queries.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "dateline/filters.h"
#include "dateline/status.h"
#include "dateline/store.h"

namespace dateline {

/// A role a person held, as the articles give it: one title ("Harbour Minister"), the
/// first and last publication dates of the articles that give it, and how many do.
struct RoleSpan {
  /// "title (organization)" as PersonAppearance::titles has it, its first spelling (titles
  /// that differ only in ASCII case are one role)
  std::string title;
  std::string first, last;  ///< publication dates, "" when the articles have none
  int64_t articles = 0;
  std::vector<std::string> outlets;  ///< distinct, in order of first appearance
};

/// A person's page: who, the roles over time, every appearance and their statements.
struct PersonView {
  PersonRecord person;                  ///< with appearances, by publication date
  std::vector<RoleSpan> roles;          ///< ordered by first date, then title
  std::vector<QuoteRecord> statements;  ///< one row per statement, by date
};

/// Requires: `id` is a people row id. Errors: kNotFound when there is no such person.
Result<PersonView> person_view(Store& store, int64_t id);

/// The bucket a series counts by: a day, an ISO week (keyed by its Monday) or a month.
enum class Period { kDay, kWeek, kMonth };

/// What a series counts: a speaker's statements (SeriesQuery::speaker) or events, one
/// series per PLOVER type.
struct SeriesQuery {
  bool events = false;        ///< false: statements; true: events
  std::string speaker;        ///< statements: as QuoteQuery::speaker ("" for everyone)
  std::string actor, target;  ///< events: as EventQuery
  std::string type;           ///< events: PLOVER type or CAMEO prefix ("" for all)
  std::string from, to;       ///< ISO dates, inclusive; "" for open
  Period by = Period::kDay;
};

/// One bucket: its key ("2026-03-02" for a day or a week's Monday, "2026-03" for a month)
/// and how many statements or events fall in it.
struct SeriesPoint {
  std::string period;
  int64_t count = 0;
};

/// One line of a chart: "statements", or a PLOVER type; points in period order, only the
/// periods with a count (records without a calendar date are left out and counted in
/// `undated`).
struct Series {
  std::string name;
  std::vector<SeriesPoint> points;
  int64_t total = 0, undated = 0;
};

/// Series sorted by name. Errors: as Store::quotes() and Store::events().
Result<std::vector<Series>> series(Store& store, const SeriesQuery& query);

/// Who acts on whom: events whose actor and target are both known, as edges between actors.
struct NetworkQuery {
  std::string type;           ///< PLOVER type or CAMEO prefix ("" for all)
  std::string actor, target;  ///< code prefixes, as EventQuery
  std::string from, to;       ///< ISO dates, inclusive
};

/// An actor: its CAMEO code when it has one, else its text; the most frequent text as label.
struct NetworkNode {
  std::string id, label;
  int64_t events = 0;  ///< events it takes part in, as actor or target
};

/// Events of `source` on `target`; weight is their number, types counts them by PLOVER type.
struct NetworkEdge {
  std::string source, target;
  int64_t weight = 0;
  std::vector<std::pair<std::string, int64_t>> types;  ///< by count, then name
};

struct Network {
  std::vector<NetworkNode> nodes;  ///< by events, then id
  std::vector<NetworkEdge> edges;  ///< by weight, then source, then target
  int64_t events = 0;              ///< events drawn (both parties known)
  int64_t skipped = 0;             ///< events matched but left out: actor or target unknown
};

Result<Network> network(Store& store, const NetworkQuery& query);

std::span<const Filter> statement_series_filters();  ///< speaker, from, to, by
std::span<const Filter> event_series_filters();      ///< actor, target, type, from, to, by
std::span<const Filter> network_filters();           ///< actor, target, type, from, to

/// Queries from values, checked as dateline/filters.h checks them; `by` is day, week or
/// month. Errors: kInvalidArgument naming the first bad flag.
Result<SeriesQuery> make_statement_series_query(const FilterValues& values);
Result<SeriesQuery> make_event_series_query(const FilterValues& values);
Result<NetworkQuery> make_network_query(const FilterValues& values);

}  // namespace dateline
