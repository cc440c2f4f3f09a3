// SPDX-License-Identifier: Apache-2.0
// The analyst's views (dateline/views.h) as aggregates of the Store's public queries. They
// read quotes(), events() and person() rather than SQL of their own, so that every backend
// behind Store serves them and they count what those queries count: one statement or event
// across outlets, however many articles report it.
#include "dateline/views.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <tuple>
#include <utility>

#include "dates/civil_date.h"
#include "store/day_range.h"

namespace dateline {
namespace {

constexpr Filter kStatementSeriesFilters[] = {
    {"speaker", FilterKind::kText, "speaker name or part of it (people are merged)"},
    {"from", FilterKind::kDate, "statements dated on or after this date (ISO 8601)"},
    {"to", FilterKind::kDate, "statements dated on or before this date (ISO 8601)"},
    {"by", FilterKind::kText, "count by day, week or month (default: day)"},
};
constexpr Filter kEventSeriesFilters[] = {
    {"actor", FilterKind::kText, "actor code prefix (USA, USAGOV, MEXCRM)"},
    {"target", FilterKind::kText, "target code prefix"},
    {"type", FilterKind::kEventType, "PLOVER type (ASSAULT) or CAMEO code prefix (19)"},
    {"from", FilterKind::kDate, "events dated on or after this date (ISO 8601)"},
    {"to", FilterKind::kDate, "events dated on or before this date (ISO 8601)"},
    {"by", FilterKind::kText, "count by day, week or month (default: day)"},
};
constexpr Filter kNetworkFilters[] = {
    {"actor", FilterKind::kText, "actor code prefix (USA, USAGOV, MEXCRM)"},
    {"target", FilterKind::kText, "target code prefix"},
    {"type", FilterKind::kEventType, "PLOVER type (ASSAULT) or CAMEO code prefix (19)"},
    {"from", FilterKind::kDate, "events dated on or after this date (ISO 8601)"},
    {"to", FilterKind::kDate, "events dated on or before this date (ISO 8601)"},
};

/// Checks every value against its filter and hands the normalised ones to `set`; a name
/// that is not in the table is refused, naming what the query takes.
template <typename Set>
Status apply_filters(std::span<const Filter> filters, const FilterValues& values, Set&& set) {
  for (const auto& entry : values) {
    const std::string& name = entry.first;
    const Filter* filter = nullptr;
    for (const Filter& f : filters) {
      if (name == f.name) filter = &f;
    }
    if (filter == nullptr) {
      std::string list;
      for (const Filter& f : filters) {
        if (!list.empty()) list += ", ";
        list += f.name;
      }
      std::string message = "--" + name + ": not a filter of this query (it takes: ";
      message += list;
      message += ")";
      return Status(ErrorCode::kInvalidArgument, message);
    }
    if (entry.second.empty()) continue;
    std::string value = entry.second;
    DL_RETURN_IF_ERROR(check_filter(*filter, value));
    DL_RETURN_IF_ERROR(set(name, std::move(value)));
  }
  return ok_status();
}

Result<Period> parse_period(const std::string& value) {
  if (value == "day") return Period::kDay;
  if (value == "week") return Period::kWeek;
  if (value == "month") return Period::kMonth;
  return Status(ErrorCode::kInvalidArgument,
                "--by: '" + value + "' is not one of day, week, month");
}

/// The bucket of a day "YYYY-MM-DD" (as day_range() writes it).
std::string period_of(const std::string& day, Period by) {
  if (by == Period::kDay) return day;
  if (by == Period::kMonth) return day.substr(0, 7);
  const dates::CivilDate d{std::stoi(day.substr(0, 4)), std::stoi(day.substr(5, 2)),
                           std::stoi(day.substr(8, 2))};
  const dates::CivilDate monday = dates::add_days(d, 1 - dates::weekday(d));
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", monday.year, monday.month, monday.day);
  return out;
}

/// Counts by period for one series; `day` is "" for a record with no calendar date.
struct Tally {
  std::map<std::string, int64_t> counts;
  int64_t undated = 0;

  void add(const std::string& day, Period by) {
    if (day.empty()) {
      ++undated;
    } else {
      ++counts[period_of(day, by)];
    }
  }

  Series to_series(std::string name) const {
    Series s;
    s.name = std::move(name);
    s.undated = undated;
    s.total = undated;
    for (const auto& entry : counts) {
      s.points.push_back(SeriesPoint{entry.first, entry.second});
      s.total += entry.second;
    }
    return s;
  }
};

Result<std::vector<Series>> statement_series(Store& store, const SeriesQuery& query) {
  QuoteQuery q;
  q.speaker = query.speaker;
  q.since = query.from;
  DL_ASSIGN_OR_RETURN(std::vector<QuoteRecord> rows, store.quotes(q));
  const std::string last = query.to.empty() ? "" : store::day_range(query.to).hi;
  Tally tally;
  for (const QuoteRecord& r : rows) {
    const std::string day = store::day_range(r.date.empty() ? r.published : r.date).lo;
    if (!last.empty() && !day.empty() && day > last) continue;
    tally.add(day, query.by);
  }
  std::vector<Series> out;
  if (!rows.empty()) out.push_back(tally.to_series("statements"));
  return out;
}

Result<std::vector<Series>> event_series(Store& store, const SeriesQuery& query) {
  EventQuery q;
  q.actor = query.actor;
  q.target = query.target;
  q.type = query.type;
  q.from = query.from;
  q.to = query.to;
  DL_ASSIGN_OR_RETURN(std::vector<EventRecord> rows, store.events(q));
  std::map<std::string, Tally> by_type;
  for (const EventRecord& r : rows) by_type[r.plover].add(r.day, query.by);
  std::vector<Series> out;
  out.reserve(by_type.size());
  for (const auto& entry : by_type) out.push_back(entry.second.to_series(entry.first));
  return out;
}

/// An event's party as a node id: its code, else its text; "" when neither is known.
std::string party_id(const std::string& code, const std::string& text) {
  return code.empty() ? text : code;
}

}  // namespace

std::span<const Filter> statement_series_filters() { return kStatementSeriesFilters; }
std::span<const Filter> event_series_filters() { return kEventSeriesFilters; }
std::span<const Filter> network_filters() { return kNetworkFilters; }

Result<SeriesQuery> make_statement_series_query(const FilterValues& values) {
  SeriesQuery q;
  DL_RETURN_IF_ERROR(apply_filters(kStatementSeriesFilters, values,
                                   [&](std::string_view name, std::string v) -> Status {
                                     if (name == "speaker")
                                       q.speaker = std::move(v);
                                     else if (name == "from")
                                       q.from = std::move(v);
                                     else if (name == "to")
                                       q.to = std::move(v);
                                     else if (name == "by") {
                                       DL_ASSIGN_OR_RETURN(q.by, parse_period(v));
                                     }
                                     return ok_status();
                                   }));
  return q;
}

Result<SeriesQuery> make_event_series_query(const FilterValues& values) {
  SeriesQuery q;
  q.events = true;
  DL_RETURN_IF_ERROR(apply_filters(kEventSeriesFilters, values,
                                   [&](std::string_view name, std::string v) -> Status {
                                     if (name == "actor")
                                       q.actor = std::move(v);
                                     else if (name == "target")
                                       q.target = std::move(v);
                                     else if (name == "type")
                                       q.type = std::move(v);
                                     else if (name == "from")
                                       q.from = std::move(v);
                                     else if (name == "to")
                                       q.to = std::move(v);
                                     else if (name == "by") {
                                       DL_ASSIGN_OR_RETURN(q.by, parse_period(v));
                                     }
                                     return ok_status();
                                   }));
  return q;
}

Result<NetworkQuery> make_network_query(const FilterValues& values) {
  NetworkQuery q;
  DL_RETURN_IF_ERROR(
      apply_filters(kNetworkFilters, values, [&](std::string_view name, std::string v) -> Status {
        if (name == "actor")
          q.actor = std::move(v);
        else if (name == "target")
          q.target = std::move(v);
        else if (name == "type")
          q.type = std::move(v);
        else if (name == "from")
          q.from = std::move(v);
        else if (name == "to")
          q.to = std::move(v);
        return ok_status();
      }));
  return q;
}

Result<std::vector<Series>> series(Store& store, const SeriesQuery& query) {
  return query.events ? event_series(store, query) : statement_series(store, query);
}

Result<PersonView> person_view(Store& store, int64_t id) {
  PersonView view;
  DL_ASSIGN_OR_RETURN(view.person, store.person(id));
  std::map<std::string, size_t> role_index;
  for (const PersonAppearance& a : view.person.appearances) {
    for (const std::string& title : a.titles) {
      // "Mayor" and "mayor" are one role; the first spelling seen names it.
      std::string key = title;
      for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto [it, added] = role_index.emplace(std::move(key), view.roles.size());
      if (added) view.roles.push_back(RoleSpan{title, a.published, a.published, 0, {}});
      RoleSpan& role = view.roles[it->second];
      ++role.articles;
      if (!a.published.empty()) {
        if (role.first.empty() || a.published < role.first) role.first = a.published;
        if (a.published > role.last) role.last = a.published;
      }
      if (!a.outlet.empty() &&
          std::find(role.outlets.begin(), role.outlets.end(), a.outlet) == role.outlets.end()) {
        role.outlets.push_back(a.outlet);
      }
    }
  }
  std::stable_sort(view.roles.begin(), view.roles.end(), [](const RoleSpan& a, const RoleSpan& b) {
    return std::tie(a.first, a.title) < std::tie(b.first, b.title);
  });
  QuoteQuery statements;
  statements.speaker = view.person.name;
  DL_ASSIGN_OR_RETURN(view.statements, store.quotes(statements));
  return view;
}

Result<Network> network(Store& store, const NetworkQuery& query) {
  EventQuery q;
  q.actor = query.actor;
  q.target = query.target;
  q.type = query.type;
  q.from = query.from;
  q.to = query.to;
  DL_ASSIGN_OR_RETURN(std::vector<EventRecord> rows, store.events(q));
  Network net;
  std::map<std::string, NetworkNode> nodes;
  std::map<std::string, std::map<std::string, int64_t>> labels;  // id -> text -> count
  std::map<std::pair<std::string, std::string>, std::map<std::string, int64_t>> edges;
  for (const EventRecord& e : rows) {
    const std::string source = party_id(e.actor_code, e.actor_text);
    const std::string target = party_id(e.target_code, e.target_text);
    if (source.empty() || target.empty()) {
      ++net.skipped;
      continue;
    }
    ++net.events;
    ++edges[{source, target}][e.plover];
    ++nodes[source].events;
    if (target != source) ++nodes[target].events;
    if (!e.actor_text.empty()) ++labels[source][e.actor_text];
    if (!e.target_text.empty()) ++labels[target][e.target_text];
  }
  for (auto& entry : nodes) {
    NetworkNode node = entry.second;
    node.id = entry.first;
    node.label = node.id;
    int64_t best = 0;
    for (const auto& text : labels[node.id]) {
      if (text.second > best) {  // std::map order: ties keep the first text
        best = text.second;
        node.label = text.first;
      }
    }
    net.nodes.push_back(std::move(node));
  }
  for (const auto& entry : edges) {
    NetworkEdge edge{entry.first.first, entry.first.second, 0, {}};
    for (const auto& type : entry.second) {
      edge.weight += type.second;
      edge.types.emplace_back(type.first, type.second);
    }
    std::stable_sort(edge.types.begin(), edge.types.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    net.edges.push_back(std::move(edge));
  }
  std::stable_sort(net.nodes.begin(), net.nodes.end(),
                   [](const NetworkNode& a, const NetworkNode& b) { return a.events > b.events; });
  std::stable_sort(net.edges.begin(), net.edges.end(),
                   [](const NetworkEdge& a, const NetworkEdge& b) { return a.weight > b.weight; });
  return net;
}

}  // namespace dateline
