// SPDX-License-Identifier: Apache-2.0
// The query filters' table (dateline/filters.h): one row per filter, read by the CLI to make
// its flags and by the API to check its parameters, and the checks both go through.
#include "dateline/filters.h"
#include "dateline/plover.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <string_view>

#include "store/day_range.h"

namespace dateline {
namespace {

constexpr Filter kQuoteFilters[] = {
    {"speaker", FilterKind::kText, "speaker name or part of it (people are merged)"},
    {"about", FilterKind::kText, "words that must all occur in the statement"},
    {"since", FilterKind::kDate, "statements dated on or after this date (ISO 8601)"},
    {"limit", FilterKind::kLimit, "at most this many rows (1 or more)"},
    {"reports", FilterKind::kSwitch,
     "every report of each statement (default: one row per statement, with its count)"},
};
constexpr Filter kEventFilters[] = {
    {"actor", FilterKind::kText, "actor code prefix (USA, USAGOV, MEXCRM)"},
    {"target", FilterKind::kText, "target code prefix"},
    {"type", FilterKind::kEventType, "PLOVER type (ASSAULT) or CAMEO code prefix (19)"},
    {"from", FilterKind::kDate, "events dated on or after this date (ISO 8601)"},
    {"to", FilterKind::kDate, "events dated on or before this date (ISO 8601)"},
    {"limit", FilterKind::kLimit, "at most this many rows (1 or more)"},
    {"reports", FilterKind::kSwitch,
     "every report of each event (default: one row per event, with its count)"},
};
constexpr Filter kEntityFilters[] = {
    {"type", FilterKind::kEntityType, "PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, OTHER"},
    {"name", FilterKind::kText, "only names containing this text"},
    {"limit", FilterKind::kLimit, "at most this many rows (1 or more)"},
};
constexpr Filter kPeopleFilters[] = {
    {"name", FilterKind::kText, "full name, surname or part of a name"},
    {"limit", FilterKind::kLimit, "at most this many people (1 or more)"},
};
constexpr Filter kTimelineFilters[] = {
    {"from", FilterKind::kDate, "first date (ISO 8601, inclusive)"},
    {"to", FilterKind::kDate, "last date (ISO 8601, inclusive)"},
    {"entity", FilterKind::kText, "only records about this entity or person"},
    {"limit", FilterKind::kLimit, "at most this many rows (1 or more)"},
};

std::string upper_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

Status bad(const Filter& f, const std::string& value, std::string_view why) {
  return Status(ErrorCode::kInvalidArgument,
                std::string(f.name) + ": '" + value + "' " + std::string(why));
}

// Checks every value and calls `set(name, value)` for the non-empty ones.
template <typename Set>
Status apply(std::span<const Filter> filters, const FilterValues& values, Set&& set) {
  for (const auto& entry : values) {
    // Named, not a structured binding: clang 14 cannot capture a binding in the lambda below.
    const std::string& name = entry.first;
    const std::string& given = entry.second;
    auto it = std::find_if(filters.begin(), filters.end(),
                           [&](const Filter& f) { return name == f.name; });
    if (it == filters.end()) {
      std::string list;
      for (const Filter& f : filters) list += (list.empty() ? "" : ", ") + std::string(f.name);
      std::string message = name;
      message += ": not a filter of this query (it takes: ";
      message += list;
      message += ")";
      return Status(ErrorCode::kInvalidArgument, message);
    }
    if (given.empty()) continue;
    std::string value = given;
    DL_RETURN_IF_ERROR(check_filter(*it, value));
    if (!value.empty()) set(std::string_view(it->name), std::move(value));
  }
  return ok_status();
}

int to_limit(const std::string& value) {
  int n = 0;
  std::from_chars(value.data(), value.data() + value.size(), n);
  return n;
}

}  // namespace

std::span<const Filter> quote_filters() { return kQuoteFilters; }
std::span<const Filter> event_filters() { return kEventFilters; }
std::span<const Filter> entity_filters() { return kEntityFilters; }
std::span<const Filter> people_filters() { return kPeopleFilters; }
std::span<const Filter> timeline_filters() { return kTimelineFilters; }

Status check_filter(const Filter& filter, std::string& value) {
  switch (filter.kind) {
    case FilterKind::kText:
      return ok_status();
    case FilterKind::kDate:
      if (store::day_range(value).empty()) {
        return bad(filter, value, "is not a date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Qn)");
      }
      return ok_status();
    case FilterKind::kLimit: {
      int n = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || end != value.data() + value.size() || n < 1) {
        return bad(filter, value, "is not a whole number of at least 1");
      }
      return ok_status();
    }
    case FilterKind::kEventType: {
      // The closed PLOVER vocabulary (dateline/plover.h) decides; its message lists the types.
      value = upper_ascii(std::move(value));
      if (Status s = check_event_type_filter(value); !s.ok()) {
        const std::string& message = s.message();
        const size_t why = message.find("is neither");
        return bad(filter, value, why == std::string::npos ? message : message.substr(why));
      }
      return ok_status();
    }
    case FilterKind::kSwitch:
      if (value == "true" || value == "1") {
        value = "1";
        return ok_status();
      }
      if (value == "false" || value == "0") {
        value = "";
        return ok_status();
      }
      return bad(filter, value, "is not true, false, 1 or 0");
    case FilterKind::kEntityType: {
      static constexpr EntityType kTypes[] = {
          EntityType::kPerson, EntityType::kOrg, EntityType::kGpe,   EntityType::kLoc,
          EntityType::kNorp,   EntityType::kFac, EntityType::kEvent, EntityType::kOther};
      value = upper_ascii(std::move(value));
      std::string names;
      for (EntityType t : kTypes) {
        if (value == to_string(t)) return ok_status();
        names += (names.empty() ? "" : ", ") + std::string(to_string(t));
      }
      return bad(filter, value, "is not one of " + names);
    }
  }
  return ok_status();
}

Result<QuoteQuery> make_quote_query(const FilterValues& values) {
  QuoteQuery q;
  DL_RETURN_IF_ERROR(apply(kQuoteFilters, values, [&](std::string_view name, std::string v) {
    if (name == "speaker") {
      q.speaker = std::move(v);
    } else if (name == "about") {
      q.about = std::move(v);
    } else if (name == "since") {
      q.since = std::move(v);
    } else if (name == "limit") {
      q.limit = to_limit(v);
    } else if (name == "reports") {
      q.all_reports = true;
    }
  }));
  return q;
}

Result<EventQuery> make_event_query(const FilterValues& values) {
  EventQuery q;
  DL_RETURN_IF_ERROR(apply(kEventFilters, values, [&](std::string_view name, std::string v) {
    if (name == "actor") {
      q.actor = std::move(v);
    } else if (name == "target") {
      q.target = std::move(v);
    } else if (name == "type") {
      q.type = std::move(v);
    } else if (name == "from") {
      q.from = std::move(v);
    } else if (name == "to") {
      q.to = std::move(v);
    } else if (name == "limit") {
      q.limit = to_limit(v);
    } else if (name == "reports") {
      q.all_reports = true;
    }
  }));
  return q;
}

Result<EntityQuery> make_entity_query(const FilterValues& values) {
  EntityQuery q;
  DL_RETURN_IF_ERROR(apply(kEntityFilters, values, [&](std::string_view name, std::string v) {
    if (name == "type") {
      q.type = std::move(v);
    } else if (name == "name") {
      q.name = std::move(v);
    } else if (name == "limit") {
      q.limit = to_limit(v);
    }
  }));
  return q;
}

Result<PeopleQuery> make_people_query(const FilterValues& values) {
  PeopleQuery q;
  DL_RETURN_IF_ERROR(apply(kPeopleFilters, values, [&](std::string_view name, std::string v) {
    if (name == "name") {
      q.name = std::move(v);
    } else if (name == "limit") {
      q.limit = to_limit(v);
    }
  }));
  return q;
}

Result<TimelineQuery> make_timeline_query(const FilterValues& values) {
  TimelineQuery q;
  DL_RETURN_IF_ERROR(apply(kTimelineFilters, values, [&](std::string_view name, std::string v) {
    if (name == "from") {
      q.from = std::move(v);
    } else if (name == "to") {
      q.to = std::move(v);
    } else if (name == "entity") {
      q.entity = std::move(v);
    } else if (name == "limit") {
      q.limit = to_limit(v);
    }
  }));
  return q;
}

}  // namespace dateline
