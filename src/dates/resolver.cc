// SPDX-License-Identifier: Apache-2.0
// Anchoring rules. Expressions without a year pick the occurrence nearest the anchor in the
// direction the words ("last", "next") or, failing them, the tense give: a past-tense
// "Thursday" is the latest Thursday on or before the anchor, a future one the first on or
// after it (same-day references are the commonest in news: "said Friday" in Friday's paper).
// A bare month with no tense counts as past, since news reports what happened; a month and
// day with no tense take the nearest occurrence, since such dates announce events as often
// as they report them.
#include "dates/resolver.h"

#include <cstdio>
#include <cstdlib>

namespace dateline::dates {
namespace {

int season_index(const char* s) {
  switch (s[0]) {
    case 'S': return s[1] == 'P' ? 0 : 1;  // SP, SU
    case 'F': return 2;
    default: return 3;                     // WI
  }
}

const char* season_code(int index) {
  static const char* kCodes[] = {"SP", "SU", "FA", "WI"};
  return kCodes[index];
}

// Picks the year for a yearless (month, day) given the anchor. `dir` -1/+1 strict
// before/after, 0 with the tense.
int year_for_day(int month, int day, const PartialDate& a, int dir, Tense tense) {
  if (!a.has_month()) return a.year;
  const int am = a.month, ad = a.has_day() ? a.day : 0;
  // Compare (month, day) with the anchor; with a month-only anchor, days compare equal.
  auto cmp = [&](int y) {
    (void)y;
    if (month != am) return month < am ? -1 : 1;
    if (!ad || !day) return 0;
    return day < ad ? -1 : day > ad ? 1 : 0;
  };
  const int c = cmp(a.year);
  if (dir == Frame::kSameYear) return a.year;
  if (dir < 0) return c < 0 ? a.year : a.year - 1;
  if (dir > 0) return c > 0 ? a.year : a.year + 1;
  if (!day) {
    // A month name: the tense decides; without one, the nearer of the last and next
    // occurrence (ties to the past).
    if (tense == Tense::kFuture) return c >= 0 ? a.year : a.year + 1;
    if (tense == Tense::kPast) return c <= 0 ? a.year : a.year - 1;
    const int back = (am - month + 12) % 12, ahead = (month - am + 12) % 12;
    return ahead < back ? (c >= 0 ? a.year : a.year + 1) : (c <= 0 ? a.year : a.year - 1);
  }
  if (!ad) return c <= 0 ? a.year : a.year - 1;
  // A month and day: the nearest occurrence. Dates are announced as often as reported,
  // and the nearby verb is too often another clause's ("said ... will be paid Nov. 21").
  const CivilDate anchor = a.date();
  int best = a.year;
  int64_t best_dist = -1;
  for (int y = a.year - 1; y <= a.year + 1; ++y) {
    const int d = day > days_in_month(y, month) ? days_in_month(y, month) : day;
    const int64_t dist = std::llabs(to_days({y, month, d}) - to_days(anchor));
    if (best_dist < 0 || dist < best_dist) {
      best_dist = dist;
      best = y;
    }
  }
  return best;
}

std::string with_time(std::string value, const Frame& f) {
  if (value.size() != 10) return value;  // only a day can carry a time of day
  if (f.hour >= 0) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "T%02d:%02d", f.hour, f.minute < 0 ? 0 : f.minute);
    value += buf;
  } else if (f.pod) {
    value += 'T';
    value += f.pod;
  }
  return value;
}

}  // namespace

bool needs_tense(const Frame& f) {
  switch (f.kind) {
    case FrameKind::kDate: return f.year == Frame::kNoYear && !f.year_from_anchor && f.dir == 0;
    case FrameKind::kWeekday: return f.dir == 0;
    case FrameKind::kQuarter: return false;
    case FrameKind::kSeason: return f.year == Frame::kNoYear && f.dir == 0;
    case FrameKind::kWeekend: return true;
    case FrameKind::kRelative: return f.past_shift;
    case FrameKind::kLiteral: return false;
  }
  return false;
}

Resolution resolve(const Frame& f, const PartialDate& a, Tense tense, const Discourse& discourse) {
  Resolution r;
  auto unresolved = [&r]() {
    r.value.clear();
    r.resolved = false;
    return r;
  };
  char buf[32];
  switch (f.kind) {
    case FrameKind::kLiteral:
      r.value = f.literal;
      return r;

    case FrameKind::kDate: {
      int year = f.year;
      if (f.year_from_anchor) {
        r.relative = true;
        if (!a.has_year()) return unresolved();
        year = a.year + f.year_offset;
      } else if (year == Frame::kNoYear) {
        r.relative = true;
        if (!a.has_year()) return unresolved();
        if (f.holiday >= 0) {
          const CivilDate h = holiday_date(f.holiday, a.year);
          year = year_for_day(h.month, h.day, a, f.dir, tense);
        } else {
          year = year_for_day(f.month, f.day, a, f.dir, tense);
        }
      }
      if (f.holiday >= 0) {
        r.value = with_time(format_day(holiday_date(f.holiday, year)), f);
      } else if (f.day) {
        const int d = f.day > days_in_month(year, f.month) ? days_in_month(year, f.month) : f.day;
        r.value = with_time(format_day({year, f.month, d}), f);
      } else if (f.month) {
        r.value = format_month(year, f.month);
      } else {
        r.value = format_year(year);
      }
      return r;
    }

    case FrameKind::kWeekday: {
      r.relative = true;
      if (!a.has_day()) return unresolved();
      const int aw = weekday(a.date());
      int delta;
      if (f.dir < 0) {
        delta = -((aw - f.weekday + 7) % 7);
        if (delta == 0) delta = -7;
      } else if (f.dir > 0) {
        delta = (f.weekday - aw + 7) % 7;
        if (delta == 0) delta = 7;
      } else if (tense == Tense::kFuture) {
        delta = (f.weekday - aw + 7) % 7;
      } else {
        delta = -((aw - f.weekday + 7) % 7);
      }
      r.value = with_time(format_day(add_days(a.date(), delta)), f);
      return r;
    }

    case FrameKind::kWeekend: {
      r.relative = true;
      if (!a.has_day()) return unresolved();
      const int aw = weekday(a.date());
      const int weeks = tense == Tense::kFuture || aw >= 6 ? 0 : -1;
      r.value = format_week(iso_week(add_days(a.date(), 7 * weeks))) + "-WE";
      return r;
    }

    case FrameKind::kRelative: {
      r.relative = true;
      int amount = f.amount;
      if (f.past_shift && tense != Tense::kFuture) amount -= 1;
      if (f.reference_period && discourse.quarter) {
        std::snprintf(buf, sizeof buf, "%04d-Q%d", discourse.quarter_year + amount, discourse.quarter);
        r.value = buf;
        return r;
      }
      switch (f.unit) {
        case Unit::kDay:
          if (!a.has_day()) return unresolved();
          r.value = with_time(format_day(add_days(a.date(), amount)), f);
          return r;
        case Unit::kWeek:
          if (!a.has_day()) return unresolved();
          r.value = format_week(iso_week(add_days(a.date(), 7 * static_cast<int64_t>(amount))));
          return r;
        case Unit::kWeekend:
          if (!a.has_day()) return unresolved();
          r.value = format_week(iso_week(add_days(a.date(), 7 * static_cast<int64_t>(amount)))) + "-WE";
          return r;
        case Unit::kMonth: {
          if (!a.has_month()) return unresolved();
          const CivilDate d = add_months({a.year, a.month, 1}, amount);
          r.value = format_month(d.year, d.month);
          return r;
        }
        case Unit::kQuarter: case Unit::kHalfYear: {
          if (!a.has_month()) return unresolved();
          const int per = f.unit == Unit::kQuarter ? 4 : 2;
          const int64_t k = static_cast<int64_t>(a.year) * per + (a.month - 1) / (12 / per) + amount;
          const int64_t y = k >= 0 ? k / per : (k - per + 1) / per;
          std::snprintf(buf, sizeof buf, "%04lld-%c%lld", static_cast<long long>(y),
                        per == 4 ? 'Q' : 'H', static_cast<long long>(k - y * per + 1));
          r.value = buf;
          return r;
        }
        case Unit::kYear:
          if (!a.has_year()) return unresolved();
          r.value = format_year(a.year + amount);
          return r;
        case Unit::kDecade:
          if (!a.has_year()) return unresolved();
          std::snprintf(buf, sizeof buf, "%03d", a.year / 10 + amount);
          r.value = buf;
          return r;
        case Unit::kCentury:
          if (!a.has_year()) return unresolved();
          std::snprintf(buf, sizeof buf, "%02d", a.year / 100 + amount);
          r.value = buf;
          return r;
        case Unit::kMillennium:
          if (!a.has_year()) return unresolved();
          std::snprintf(buf, sizeof buf, "%d", a.year / 1000 + amount);
          r.value = buf;
          return r;
        default:
          return unresolved();
      }
    }

    case FrameKind::kQuarter: {
      const int per = f.unit == Unit::kHalfYear ? 2 : 4;
      int year = f.year;
      if (f.year_from_anchor) {
        r.relative = true;
        if (!a.has_year()) return unresolved();
        year = a.year + f.year_offset;
      } else if (year == Frame::kNoYear) {
        // Quarters are reported after they end: the latest one with that number, whatever
        // the tense ("expects third-quarter profit" in November is about the past quarter).
        r.relative = true;
        if (!a.has_year()) return unresolved();
        year = a.year;
        if (a.has_month() && f.part > (a.month - 1) / (12 / per) + 1) --year;
      }
      std::snprintf(buf, sizeof buf, "%04d-%c%d", year, per == 4 ? 'Q' : 'H', f.part);
      r.value = buf;
      return r;
    }

    case FrameKind::kSeason: {
      const int t = season_index(f.season);
      if (f.year != Frame::kNoYear) {
        r.value = format_year(f.year) + "-" + season_code(t);
        return r;
      }
      r.relative = true;
      if (!a.has_year()) return unresolved();
      if (!a.has_month()) {
        r.value = format_year(a.year) + "-" + season_code(t);
        return r;
      }
      // Seasons as a sequence: year*4 + index; winter starts in December and holds
      // January and February of the next year.
      const int am = a.month;
      const int ai = am == 12 || am <= 2 ? 3 : (am - 3) / 3;
      const int ay = am <= 2 ? a.year - 1 : a.year;
      const int ka = ay * 4 + ai;
      int k = ay * 4 + t;
      const bool future = f.dir > 0 || (f.dir == 0 && tense == Tense::kFuture);
      if (f.dir == Frame::kSameYear) {
        k = a.year * 4 + t;
      } else if (f.dir < 0) {
        while (k >= ka) k -= 4;
      } else if (f.dir > 0) {
        while (k <= ka) k += 4;
      } else if (future) {
        while (k < ka) k += 4;
      } else {
        while (k > ka) k -= 4;
      }
      const int y = k >= 0 ? k / 4 : (k - 3) / 4;
      r.value = format_year(y) + "-" + season_code(t);
      return r;
    }
  }
  return unresolved();
}

}  // namespace dateline::dates
