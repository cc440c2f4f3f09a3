// SPDX-License-Identifier: Apache-2.0
#include "dates/lexicon.h"

#include <string>
#include <unordered_map>

namespace dateline::dates {
namespace {

WordInfo tag(Tag t) {
  WordInfo w;
  w.tag = t;
  return w;
}
WordInfo month(int m, bool abbrev = false, bool ambiguous = false) {
  WordInfo w;
  w.month = static_cast<uint8_t>(m);
  w.abbrev = abbrev;
  w.ambiguous = ambiguous;
  return w;
}
WordInfo weekday(int d, bool abbrev = false, bool plural = false) {
  WordInfo w;
  w.weekday = static_cast<uint8_t>(d);
  w.abbrev = abbrev;
  w.plural = plural;
  return w;
}
WordInfo number(int n) {
  WordInfo w;
  w.number = static_cast<int16_t>(n);
  return w;
}
WordInfo ordinal(int n) {
  WordInfo w;
  w.ordinal = static_cast<uint8_t>(n);
  return w;
}
WordInfo unit(Unit u, bool plural = false) {
  WordInfo w;
  w.unit = u;
  w.plural = plural;
  return w;
}
WordInfo pod(const char* code) {
  WordInfo w;
  w.pod = code;
  return w;
}
WordInfo pods(const char* code) {
  WordInfo w = pod(code);
  w.plural = true;
  return w;
}
WordInfo season(const char* code, bool ambiguous = false) {
  WordInfo w;
  w.season = code;
  w.ambiguous = ambiguous;
  return w;
}

struct Entry {
  const char* word;
  WordInfo info;
};

// Every entry below is general English; nothing is specific to one article.
const Entry kEntries[] = {
    {"january", month(1)}, {"february", month(2)}, {"march", month(3, false, true)},
    {"april", month(4)}, {"may", month(5, false, true)}, {"june", month(6)},
    {"july", month(7)}, {"august", month(8, false, true)}, {"september", month(9)},
    {"october", month(10)}, {"november", month(11)}, {"december", month(12)},
    {"jan", month(1, true)}, {"feb", month(2, true)}, {"mar", month(3, true, true)},
    {"apr", month(4, true)}, {"jun", month(6, true)}, {"jul", month(7, true)},
    {"aug", month(8, true)}, {"sep", month(9, true)}, {"sept", month(9, true)},
    {"oct", month(10, true)}, {"nov", month(11, true)}, {"dec", month(12, true)},

    {"monday", weekday(1)}, {"tuesday", weekday(2)}, {"wednesday", weekday(3)},
    {"thursday", weekday(4)}, {"friday", weekday(5)}, {"saturday", weekday(6)},
    {"sunday", weekday(7)},
    {"mondays", weekday(1, false, true)}, {"tuesdays", weekday(2, false, true)},
    {"wednesdays", weekday(3, false, true)}, {"thursdays", weekday(4, false, true)},
    {"fridays", weekday(5, false, true)}, {"saturdays", weekday(6, false, true)},
    {"sundays", weekday(7, false, true)},
    {"mon", weekday(1, true)}, {"tue", weekday(2, true)}, {"tues", weekday(2, true)},
    {"wed", weekday(3, true)}, {"thu", weekday(4, true)}, {"thur", weekday(4, true)},
    {"thurs", weekday(4, true)}, {"fri", weekday(5, true)}, {"sat", weekday(6, true)},

    {"zero", number(0)}, {"one", number(1)}, {"two", number(2)}, {"three", number(3)},
    {"four", number(4)}, {"five", number(5)}, {"six", number(6)}, {"seven", number(7)},
    {"eight", number(8)}, {"nine", number(9)}, {"ten", number(10)}, {"eleven", number(11)},
    {"twelve", number(12)}, {"thirteen", number(13)}, {"fourteen", number(14)},
    {"fifteen", number(15)}, {"sixteen", number(16)}, {"seventeen", number(17)},
    {"eighteen", number(18)}, {"nineteen", number(19)}, {"twenty", number(20)},
    {"thirty", number(30)}, {"forty", number(40)}, {"fifty", number(50)},
    {"sixty", number(60)}, {"seventy", number(70)}, {"eighty", number(80)},
    {"ninety", number(90)}, {"hundred", number(100)}, {"dozen", number(12)},

    {"first", ordinal(1)}, {"second", ordinal(2)}, {"third", ordinal(3)},
    {"fourth", ordinal(4)}, {"fifth", ordinal(5)}, {"sixth", ordinal(6)},
    {"seventh", ordinal(7)}, {"eighth", ordinal(8)}, {"ninth", ordinal(9)},
    {"tenth", ordinal(10)}, {"eleventh", ordinal(11)}, {"twelfth", ordinal(12)},
    {"thirteenth", ordinal(13)}, {"fourteenth", ordinal(14)}, {"fifteenth", ordinal(15)},
    {"sixteenth", ordinal(16)}, {"seventeenth", ordinal(17)}, {"eighteenth", ordinal(18)},
    {"nineteenth", ordinal(19)}, {"twentieth", ordinal(20)}, {"thirtieth", ordinal(30)},

    {"seconds", unit(Unit::kSecond, true)}, {"minute", unit(Unit::kMinute)},
    {"minutes", unit(Unit::kMinute, true)}, {"hour", unit(Unit::kHour)},
    {"hours", unit(Unit::kHour, true)}, {"day", unit(Unit::kDay)},
    {"days", unit(Unit::kDay, true)}, {"week", unit(Unit::kWeek)},
    {"weeks", unit(Unit::kWeek, true)}, {"weekend", unit(Unit::kWeekend)},
    {"weekends", unit(Unit::kWeekend, true)}, {"fortnight", unit(Unit::kFortnight)},
    {"month", unit(Unit::kMonth)}, {"months", unit(Unit::kMonth, true)},
    {"quarter", unit(Unit::kQuarter)}, {"quarters", unit(Unit::kQuarter, true)},
    {"year", unit(Unit::kYear)}, {"years", unit(Unit::kYear, true)},
    {"decade", unit(Unit::kDecade)}, {"decades", unit(Unit::kDecade, true)},
    {"century", unit(Unit::kCentury)}, {"centuries", unit(Unit::kCentury, true)},
    {"millennium", unit(Unit::kMillennium)}, {"mins", unit(Unit::kMinute, true)},
    {"min", unit(Unit::kMinute)}, {"hrs", unit(Unit::kHour, true)},
    {"yr", unit(Unit::kYear)}, {"yrs", unit(Unit::kYear, true)},

    {"morning", pod("MO")}, {"mornings", pods("MO")}, {"afternoon", pod("AF")},
    {"evening", pod("EV")}, {"evenings", pods("EV")}, {"afternoons", pods("AF")}, {"night", pod("NI")}, {"nights", pods("NI")},
    {"overnight", pod("NI")}, {"daytime", pod("DT")},

    {"spring", season("SP", true)}, {"summer", season("SU")}, {"fall", season("FA", true)},
    {"autumn", season("FA")}, {"winter", season("WI")},

    {"today", tag(Tag::kToday)}, {"tonight", tag(Tag::kTonight)},
    {"yesterday", tag(Tag::kYesterday)}, {"tomorrow", tag(Tag::kTomorrow)},
    {"now", tag(Tag::kNow)}, {"currently", tag(Tag::kNow)}, {"nowadays", tag(Tag::kNow)},
    {"presently", tag(Tag::kNow)}, {"current", tag(Tag::kCurrent)},
    {"recently", tag(Tag::kRecently)}, {"lately", tag(Tag::kRecently)},
    {"recent", tag(Tag::kRecent)}, {"soon", tag(Tag::kSoon)},
    {"future", tag(Tag::kFuture)}, {"past", tag(Tag::kPast)},
    {"last", tag(Tag::kLast)}, {"next", tag(Tag::kNext)}, {"this", tag(Tag::kThis)},
    {"coming", tag(Tag::kComing)}, {"previous", tag(Tag::kPrevious)},
    {"preceding", tag(Tag::kPrevious)}, {"prior", tag(Tag::kPrevious)},
    {"following", tag(Tag::kFollowing)}, {"upcoming", tag(Tag::kUpcoming)},
    {"early", tag(Tag::kEarly)}, {"late", tag(Tag::kLate)}, {"mid", tag(Tag::kMid)},
    {"middle", tag(Tag::kMiddle)}, {"beginning", tag(Tag::kBeginning)},
    {"start", tag(Tag::kStart)}, {"end", tag(Tag::kEnd)},
    {"earlier", tag(Tag::kEarlier)}, {"later", tag(Tag::kLater)}, {"ago", tag(Tag::kAgo)},
    {"before", tag(Tag::kBefore)}, {"after", tag(Tag::kAfter)}, {"hence", tag(Tag::kHence)},
    {"every", tag(Tag::kEvery)}, {"each", tag(Tag::kEach)}, {"per", tag(Tag::kPer)},
    {"the", tag(Tag::kThe)}, {"a", tag(Tag::kA)}, {"an", tag(Tag::kA)}, {"of", tag(Tag::kOf)},
    {"in", tag(Tag::kIn)}, {"on", tag(Tag::kOn)}, {"at", tag(Tag::kAt)},
    {"from", tag(Tag::kFrom)}, {"to", tag(Tag::kTo)}, {"through", tag(Tag::kThrough)},
    {"until", tag(Tag::kUntil)}, {"till", tag(Tag::kUntil)}, {"since", tag(Tag::kSince)},
    {"by", tag(Tag::kBy)}, {"for", tag(Tag::kFor)}, {"during", tag(Tag::kDuring)},
    {"within", tag(Tag::kWithin)}, {"over", tag(Tag::kOver)}, {"and", tag(Tag::kAnd)},
    {"between", tag(Tag::kBetween)}, {"about", tag(Tag::kAbout)},
    {"around", tag(Tag::kAbout)}, {"approximately", tag(Tag::kAbout)},
    {"roughly", tag(Tag::kAbout)}, {"some", tag(Tag::kSome)}, {"nearly", tag(Tag::kNearly)},
    {"almost", tag(Tag::kNearly)}, {"more", tag(Tag::kMore)}, {"less", tag(Tag::kLess)},
    {"fewer", tag(Tag::kLess)}, {"than", tag(Tag::kThan)}, {"least", tag(Tag::kAtLeast)},
    {"up", tag(Tag::kUp)}, {"several", tag(Tag::kSeveral)}, {"few", tag(Tag::kFew)},
    {"many", tag(Tag::kMany)}, {"couple", tag(Tag::kCouple)}, {"half", tag(Tag::kHalf)},
    {"once", tag(Tag::kOnce)}, {"twice", tag(Tag::kTwice)}, {"times", tag(Tag::kTimes)},
    {"fiscal", tag(Tag::kFiscal)},
    {"am", tag(Tag::kAm)}, {"pm", tag(Tag::kPm)}, {"o'clock", tag(Tag::kOclock)},
    {"noon", tag(Tag::kNoon)}, {"midday", tag(Tag::kNoon)}, {"midnight", tag(Tag::kMidnight)},
    {"est", tag(Tag::kTimezone)}, {"edt", tag(Tag::kTimezone)}, {"gmt", tag(Tag::kTimezone)},
    {"utc", tag(Tag::kTimezone)}, {"pst", tag(Tag::kTimezone)}, {"pdt", tag(Tag::kTimezone)},
    {"cst", tag(Tag::kTimezone)}, {"cdt", tag(Tag::kTimezone)}, {"bst", tag(Tag::kTimezone)},
    {"cet", tag(Tag::kTimezone)}, {"ist", tag(Tag::kTimezone)}, {"et", tag(Tag::kTimezone)},
    {"pt", tag(Tag::kTimezone)},
    {"will", tag(Tag::kWill)}, {"'ll", tag(Tag::kWill)}, {"ll", tag(Tag::kWill)},
    {"wo", tag(Tag::kWill)}, {"would", tag(Tag::kWould)}, {"shall", tag(Tag::kShall)},
    {"going", tag(Tag::kGoing)}, {"expected", tag(Tag::kExpected)},
    {"expects", tag(Tag::kExpected)}, {"scheduled", tag(Tag::kScheduled)},
    {"due", tag(Tag::kScheduled)}, {"slated", tag(Tag::kScheduled)},
    {"plans", tag(Tag::kPlan)}, {"plan", tag(Tag::kPlan)}, {"planned", tag(Tag::kPlan)},
    {"published", tag(Tag::kCredit)}, {"updated", tag(Tag::kCredit)},
    {"posted", tag(Tag::kCredit)}, {"copyright", tag(Tag::kCredit)},
    {"daily", tag(Tag::kDaily)}, {"weekly", tag(Tag::kWeekly)},
    {"monthly", tag(Tag::kMonthly)}, {"quarterly", tag(Tag::kQuarterly)},
    {"annually", tag(Tag::kYearly)}, {"yearly", tag(Tag::kYearly)},
    {"annual", tag(Tag::kYearly)}, {"hourly", tag(Tag::kHourly)},
};

using Table = std::unordered_map<std::string_view, WordInfo>;

Table build_table() {
  Table t;
  t.reserve(sizeof kEntries / sizeof kEntries[0] * 2);
  for (const Entry& e : kEntries) {
    auto [it, inserted] = t.emplace(e.word, e.info);
    if (!inserted) {
      // A word with two meanings ("second": ordinal and unit) keeps both.
      WordInfo& w = it->second;
      if (e.info.unit != Unit::kNone) w.unit = e.info.unit;
      if (e.info.ordinal) w.ordinal = e.info.ordinal;
      if (e.info.tag != Tag::kNone) w.tag = e.info.tag;
    }
  }
  t["second"].unit = Unit::kSecond;
  return t;
}

}  // namespace

const WordInfo* lookup_word(std::string_view lower) {
  static const Table kTable = build_table();
  auto it = kTable.find(lower);
  return it == kTable.end() ? nullptr : &it->second;
}

const char* unit_code(Unit unit) {
  switch (unit) {
    case Unit::kSecond: return "S";
    case Unit::kMinute: return "M";
    case Unit::kHour: return "H";
    case Unit::kDay: return "D";
    case Unit::kWeekend: return "WE";
    case Unit::kWeek: return "W";
    case Unit::kFortnight: return "W";
    case Unit::kMonth: return "M";
    case Unit::kQuarter: return "Q";
    case Unit::kHalfYear: return "M";
    case Unit::kYear: return "Y";
    case Unit::kDecade: return "DE";
    case Unit::kCentury: return "CE";
    case Unit::kMillennium: return "ML";
    case Unit::kNone: break;
  }
  return "";
}

bool is_time_unit(Unit unit) {
  return unit == Unit::kSecond || unit == Unit::kMinute || unit == Unit::kHour;
}

const char* lexicon_version() { return "dates-lexicon-1"; }

}  // namespace dateline::dates
