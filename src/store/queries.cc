// SPDX-License-Identifier: Apache-2.0
// The read side of the store: counts and the query commands (people, entities, quotes,
// events, timeline). Filters on names and codes run in SQL over the indexed columns; date
// filters run here on day ranges (store/day_range.h), because a record's date may be partial
// ("2026-03") or missing, in which case the article's publication date stands in.
#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <set>

#include "dateline/store.h"
#include "store/day_range.h"
#include "store/people.h"
#include "store/store_impl.h"

namespace dateline {

using store::Stmt;

namespace {

// True when the days of `value` reach into [from, to] (either bound may be "").
bool in_range(const store::DayRange& days, const std::string& from, const std::string& to) {
  if (days.empty()) return from.empty() && to.empty();
  if (!from.empty() && days.hi < store::day_range(from).lo) return false;
  if (!to.empty() && days.lo > store::day_range(to).hi) return false;
  return true;
}

Status check_date(const std::string& value, const char* what) {
  if (value.empty() || !store::day_range(value).empty()) return ok_status();
  return Status(ErrorCode::kInvalidArgument, std::string(what) + ": '" + value +
                                                 "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
}

// A name filter is compared by its key (store/people.h); a value with no letter or digit
// ("%", "_", "'") has an empty key, which every name contains, so it would match everyone.
Status check_name_filter(std::string_view value, const char* what) {
  if (value.empty() || !store::name_key(value).empty()) return ok_status();
  return Status(ErrorCode::kInvalidArgument, std::string(what) + ": '" + std::string(value) +
                                                 "' has no letter or digit to match a name");
}

// "tariff talks" -> "\"tariff\" \"talks\"": every word must occur, FTS5 syntax neutralised.
// Control characters separate words like spaces.
std::string fts_query(std::string_view words) {
  auto is_gap = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isspace(u) || u < 0x20 || u == 0x7f;
  };
  std::string out;
  size_t i = 0;
  while (i < words.size()) {
    while (i < words.size() && is_gap(words[i])) ++i;
    size_t j = i;
    while (j < words.size() && !is_gap(words[j])) ++j;
    if (j > i) {
      if (!out.empty()) out += ' ';
      out += '"';
      for (char c : words.substr(i, j - i)) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    i = j;
  }
  return out;
}

std::string upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

int64_t count_list(std::string_view csv) {
  return csv.empty() ? 0 : 1 + std::count(csv.begin(), csv.end(), ',');
}

std::string clip(std::string s, size_t n) {
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole chars
  return s.substr(0, cut) + "...";
}

template <typename T>
void apply_limit(std::vector<T>& v, int limit) {
  if (limit > 0 && v.size() > static_cast<size_t>(limit)) v.resize(static_cast<size_t>(limit));
}

template <typename F>
Status each(Stmt& q, F&& row) {
  for (;;) {
    DL_ASSIGN_OR_RETURN(bool more, q.step());
    if (!more) return ok_status();
    DL_RETURN_IF_ERROR(row(q));
  }
}

// The date a record is placed at: its own, else its article's publication date.
const std::string& date_or(const std::string& date, const std::string& published) {
  return date.empty() ? published : date;
}

constexpr const char* kEventColumns =
    "SELECT e.date, e.actor_code, e.actor_text, e.target_code, e.target_text, e.plover, "
    "e.plover_mode, e.cameo, e.goldstein, e.quad_class, e.negated, e.modality, e.trigger_text, "
    "e.place_name, e.place_country, e.place_latitude, e.place_longitude, "
    "e.place_has_coordinates, a.url, a.id, a.content_hash, e.trigger_start, e.trigger_end, "
    "a.published, e.article, e.actor_entity, e.target_entity, e.sentence, "
    "coalesce(er.event_group, 0), coalesce(g.reports, 1) "
    "FROM events e JOIN articles a ON a.seq = e.article "
    "LEFT JOIN event_reports er ON er.article = e.article AND er.idx = e.idx "
    "LEFT JOIN event_groups g ON g.id = er.event_group ";

EventRecord event_from(const Stmt& q) {
  EventRecord r;
  r.date = q.text(0);
  r.actor_code = q.text(1);
  r.actor_text = q.text(2);
  r.target_code = q.text(3);
  r.target_text = q.text(4);
  r.plover = q.text(5);
  r.plover_mode = q.text(6);
  r.cameo = q.text(7);
  r.goldstein = q.real(8);
  r.quad_class = static_cast<int>(q.int64(9));
  r.negated = q.int64(10) != 0;
  r.modality = q.text(11);
  r.trigger = q.text(12);
  r.place_name = q.text(13);
  r.place_country = q.text(14);
  r.latitude = q.real(15);
  r.longitude = q.real(16);
  r.has_coordinates = q.int64(17) != 0;
  r.url = q.text(18);
  r.ref = {q.text(19), q.text(20), static_cast<uint32_t>(q.int64(21)),
           static_cast<uint32_t>(q.int64(22))};
  r.published = q.text(23);
  r.group = q.int64(28);
  r.reports = q.int64(29);
  const std::string& date = date_or(r.date, r.published);
  r.day = store::day_range(date).lo;
  r.precision = store::date_precision(date);
  return r;
}

constexpr const char* kQuoteColumns =
    "SELECT q.date, q.speaker_name, q.speaker_text, q.description, q.speaker_title, "
    "q.anonymous, q.kind, q.content, a.outlet, a.published, a.id, a.content_hash, "
    "(SELECT MIN(start) FROM quote_fragments f WHERE f.quote = q.id), "
    "(SELECT MAX(end) FROM quote_fragments f WHERE f.quote = q.id), q.article, "
    "q.speaker_entity, q.sentence, "
    // The cue's bytes: substr counts bytes in a BLOB, characters in TEXT.
    "CAST(substr(CAST(a.text AS BLOB), q.cue_start + 1, q.cue_end - q.cue_start) AS TEXT), "
    "coalesce(sr.statement, 0), coalesce(st.reports, 1) "
    "FROM quotes q JOIN articles a ON a.seq = q.article "
    "LEFT JOIN statement_reports sr ON sr.quote = q.id "
    "LEFT JOIN statements st ON st.id = sr.statement ";

QuoteRecord quote_from(const Stmt& q) {
  QuoteRecord r;
  r.date = q.text(0);
  r.speaker = !q.is_null(1) ? q.text(1) : !q.is_null(2) ? q.text(2) : q.text(3);
  r.title = q.text(4);
  r.anonymous = q.int64(5) != 0;
  r.kind = q.text(6);
  r.content = q.text(7);
  r.outlet = q.text(8);
  r.published = q.text(9);
  r.ref = {q.text(10), q.text(11), static_cast<uint32_t>(q.int64(12)),
           static_cast<uint32_t>(q.int64(13))};
  r.cue = q.text(17);
  r.statement = q.int64(18);
  r.reports = q.int64(19);
  return r;
}

// One row per group (statement or event): the report published first, ties in ingest order;
// rows of no group (a store written before schema 5) each stand alone.
template <typename T>
void keep_first_reports(std::vector<T>& rows, int64_t T::*group) {
  std::map<int64_t, size_t> first;  // group -> index in `kept`
  std::vector<T> kept;
  for (T& r : rows) {
    const int64_t g = r.*group;
    auto it = g == 0 ? first.end() : first.find(g);
    if (it == first.end()) {
      if (g != 0) first.emplace(g, kept.size());
      kept.push_back(std::move(r));
    } else if (!r.published.empty() &&
               (kept[it->second].published.empty() || r.published < kept[it->second].published)) {
      kept[it->second] = std::move(r);
    }
  }
  rows = std::move(kept);
}

// Sort key: the first day covered; records with no calendar date go last.
std::string sort_day(const std::string& date, const std::string& published) {
  store::DayRange days = store::day_range(date_or(date, published));
  return days.empty() ? std::string("~") : days.lo;
}

}  // namespace

Result<StoreStats> Store::stats() {
  StoreStats s;
  struct {
    int64_t* field;
    const char* sql;
  } const counts[] = {
      {&s.articles, "SELECT COUNT(*) FROM articles"},
      {&s.entities, "SELECT COUNT(*) FROM entities"},
      {&s.mentions, "SELECT COUNT(*) FROM mentions"},
      {&s.people, "SELECT COUNT(*) FROM people"},
      {&s.titles, "SELECT COUNT(*) FROM titles"},
      {&s.quotes, "SELECT COUNT(*) FROM quotes"},
      {&s.times, "SELECT COUNT(*) FROM times"},
      {&s.events, "SELECT COUNT(*) FROM events"},
      {&s.diagnostics, "SELECT COUNT(*) FROM diagnostics"},
      {&s.runs, "SELECT COUNT(*) FROM runs"},
  };
  for (const auto& c : counts) {
    DL_ASSIGN_OR_RETURN(*c.field, impl_->db.query_int(c.sql));
  }
  DL_ASSIGN_OR_RETURN(int64_t version, impl_->db.query_int("PRAGMA user_version"));
  s.schema_version = static_cast<int>(version);
  return s;
}

Status Store::for_each_event(const std::function<Status(const EventRecord&)>& fn) {
  DL_ASSIGN_OR_RETURN(Stmt q,
                      impl_->db.prepare(std::string(kEventColumns) + "ORDER BY e.article, e.idx"));
  return each(q, [&](const Stmt& row) { return fn(event_from(row)); });
}

Result<std::vector<PersonRecord>> Store::people(std::string_view name) {
  DL_RETURN_IF_ERROR(check_name_filter(name, "name"));
  const std::string key = store::name_key(name);
  DL_ASSIGN_OR_RETURN(
      Stmt q,
      impl_->db.prepare("SELECT p.id, p.name, COUNT(DISTINCT e.article), "
                        "SUM(CASE WHEN e.mentions = '' THEN 0 ELSE "
                        "length(e.mentions) - length(replace(e.mentions, ',', '')) + 1 END) "
                        "FROM people p JOIN entities e ON e.person = p.id "
                        "WHERE ?1 = '' OR p.name_key = ?1 OR p.surname_key = ?1 "
                        "OR instr(p.name_key, ?1) > 0 "
                        "GROUP BY p.id ORDER BY 3 DESC, 4 DESC, p.name"));
  q.bind(1, key);
  std::vector<PersonRecord> out;
  DL_RETURN_IF_ERROR(each(q, [&](const Stmt& row) {
    PersonRecord p;
    p.id = row.int64(0);
    p.name = row.text(1);
    p.articles = row.int64(2);
    p.mentions = row.int64(3);
    out.push_back(std::move(p));
    return ok_status();
  }));
  return out;
}

Result<PersonRecord> Store::person(int64_t id) {
  DL_ASSIGN_OR_RETURN(Stmt p, impl_->db.prepare("SELECT name FROM people WHERE id = ?1"));
  p.bind(1, id);
  DL_ASSIGN_OR_RETURN(bool found, p.step());
  if (!found) return Status(ErrorCode::kNotFound, "no person " + std::to_string(id));
  PersonRecord person;
  person.id = id;
  person.name = p.text(0);
  DL_ASSIGN_OR_RETURN(
      Stmt q,
      impl_->db.prepare("SELECT a.id, a.published, a.outlet, e.name, e.mentions, e.person_reason, "
                        "e.article, e.idx FROM entities e JOIN articles a ON a.seq = e.article "
                        "WHERE e.person = ?1 ORDER BY coalesce(a.published, ''), a.seq, e.idx"));
  DL_ASSIGN_OR_RETURN(Stmt titles,
                      impl_->db.prepare("SELECT title, organization FROM titles "
                                        "WHERE article = ?1 AND entity = ?2 ORDER BY idx"));
  q.bind(1, id);
  std::set<std::string> articles;
  DL_RETURN_IF_ERROR(each(q, [&](const Stmt& row) {
    PersonAppearance a;
    a.article_id = row.text(0);
    a.published = row.text(1);
    a.outlet = row.text(2);
    a.name = row.text(3);
    a.mentions = count_list(row.view(4));
    a.reason = row.text(5);
    // Stores written before the wording changed say "new: ..." for a first appearance.
    if (a.reason.rfind("new: ", 0) == 0) a.reason = "first seen: " + a.reason.substr(5);
    titles.bind(1, row.int64(6)).bind(2, row.int64(7));
    Status read = each(titles, [&](const Stmt& t) {
      a.titles.push_back(t.is_null(1) ? t.text(0) : t.text(0) + " (" + t.text(1) + ")");
      return ok_status();
    });
    titles.reset();
    if (!read.ok()) return read;
    person.mentions += a.mentions;
    articles.insert(std::to_string(row.int64(6)));
    person.appearances.push_back(std::move(a));
    return ok_status();
  }));
  person.articles = static_cast<int64_t>(articles.size());
  return person;
}

Result<std::vector<EntityRecord>> Store::entities(const EntityQuery& query) {
  DL_ASSIGN_OR_RETURN(
      Stmt q,
      impl_->db.prepare(
          "SELECT MIN(e.name), e.type, MAX(e.country), MAX(e.wikidata), "
          "COUNT(DISTINCT e.article), "
          "SUM(CASE WHEN e.mentions = '' THEN 0 ELSE "
          "length(e.mentions) - length(replace(e.mentions, ',', '')) + 1 END), "
          "MIN(a.published), MAX(a.published) "
          "FROM entities e JOIN articles a ON a.seq = e.article "
          "WHERE (?1 = '' OR e.type = ?1) AND (?2 = '' OR instr(lower(e.name), lower(?2)) > 0) "
          // lower() folds ASCII only, as SQLite's NOCASE does (and PostgreSQL's in a C locale)
          "GROUP BY lower(e.name), e.type "
          "ORDER BY 5 DESC, 6 DESC, 1 LIMIT ?3"));
  q.bind(1, upper(query.type)).bind(2, query.name);
  // No limit: the largest LIMIT both SQLite and PostgreSQL accept (neither takes -1 alike).
  q.bind(3, query.limit > 0 ? static_cast<int64_t>(query.limit)
                            : std::numeric_limits<int64_t>::max());
  std::vector<EntityRecord> out;
  DL_RETURN_IF_ERROR(each(q, [&](const Stmt& row) {
    EntityRecord e;
    e.name = row.text(0);
    e.type = row.text(1);
    e.country = row.text(2);
    e.wikidata = row.text(3);
    e.articles = row.int64(4);
    e.mentions = row.int64(5);
    e.first_published = row.text(6);
    e.last_published = row.text(7);
    out.push_back(std::move(e));
    return ok_status();
  }));
  return out;
}

Result<std::vector<QuoteRecord>> Store::quotes(const QuoteQuery& query) {
  DL_RETURN_IF_ERROR(check_date(query.since, "since"));
  DL_RETURN_IF_ERROR(check_name_filter(query.speaker, "speaker"));
  const std::string about = fts_query(query.about);
  if (!query.about.empty() && about.empty()) {
    return Status(ErrorCode::kInvalidArgument, "about: no words given");
  }
  // The speaker matches by the name or text as written, or through cross-article identity
  // (a quote by "he" resolved to an entity linked to the person named).
  DL_ASSIGN_OR_RETURN(
      Stmt q,
      impl_->db.prepare(
          std::string(kQuoteColumns) +
          "WHERE (?1 = '' OR instr(lower(coalesce(q.speaker_name, '')), lower(?1)) > 0 "
          "OR instr(lower(coalesce(q.speaker_text, '')), lower(?1)) > 0 "
          "OR EXISTS (SELECT 1 FROM entities e JOIN people p ON p.id = e.person "
          "WHERE e.article = q.article AND e.idx = q.speaker_entity "
          "AND (p.name_key = ?3 OR p.surname_key = ?3 OR instr(p.name_key, ?3) > 0))) "
          "AND (?2 = '' OR q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?2)) "
          "ORDER BY q.article, q.idx"));
  q.bind(1, query.speaker).bind(2, about).bind(3, store::name_key(query.speaker));
  std::vector<QuoteRecord> out;
  DL_RETURN_IF_ERROR(each(q, [&](const Stmt& row) {
    QuoteRecord r = quote_from(row);
    if (!query.since.empty() &&
        !in_range(store::day_range(date_or(r.date, r.published)), query.since, "")) {
      return ok_status();
    }
    out.push_back(std::move(r));
    return ok_status();
  }));
  if (!query.all_reports) keep_first_reports(out, &QuoteRecord::statement);
  std::stable_sort(out.begin(), out.end(), [](const QuoteRecord& a, const QuoteRecord& b) {
    return sort_day(a.date, a.published) < sort_day(b.date, b.published);
  });
  apply_limit(out, query.limit);
  return out;
}

Result<std::vector<EventRecord>> Store::events(const EventQuery& query) {
  DL_RETURN_IF_ERROR(check_date(query.from, "from"));
  DL_RETURN_IF_ERROR(check_date(query.to, "to"));
  std::string type = upper(query.type);
  const bool cameo = !type.empty() && std::all_of(type.begin(), type.end(),
                                                  [](char c) { return c >= '0' && c <= '9'; });
  DL_ASSIGN_OR_RETURN(
      Stmt q,
      impl_->db.prepare(std::string(kEventColumns) +
                        "WHERE (?1 = '' OR substr(coalesce(e.actor_code, ''), 1, length(?1)) = ?1) "
                        "AND (?2 = '' OR substr(coalesce(e.target_code, ''), 1, length(?2)) = ?2) "
                        "AND (?3 = '' OR e.plover = ?3) "
                        "AND (?4 = '' OR substr(e.cameo, 1, length(?4)) = ?4) "
                        "ORDER BY e.article, e.idx"));
  q.bind(1, upper(query.actor)).bind(2, upper(query.target));
  q.bind(3, cameo ? std::string() : type).bind(4, cameo ? type : std::string());
  std::vector<EventRecord> out;
  DL_RETURN_IF_ERROR(each(q, [&](const Stmt& row) {
    EventRecord r = event_from(row);
    if ((!query.from.empty() || !query.to.empty()) &&
        !in_range(store::day_range(date_or(r.date, r.published)), query.from, query.to)) {
      return ok_status();
    }
    out.push_back(std::move(r));
    return ok_status();
  }));
  if (!query.all_reports) keep_first_reports(out, &EventRecord::group);
  std::stable_sort(out.begin(), out.end(), [](const EventRecord& a, const EventRecord& b) {
    return sort_day(a.date, a.published) < sort_day(b.date, b.published);
  });
  apply_limit(out, query.limit);
  return out;
}

Result<std::vector<TimelineEntry>> Store::timeline(const TimelineQuery& query) {
  DL_RETURN_IF_ERROR(check_date(query.from, "from"));
  DL_RETURN_IF_ERROR(check_date(query.to, "to"));
  DL_RETURN_IF_ERROR(check_name_filter(query.entity, "entity"));
  const store::Db& db = impl_->db;
  // With --entity: the entities it names (by name, or a person by identity), and the
  // sentences that mention them; times count when they share a sentence with a mention.
  const bool filtered = !query.entity.empty();
  std::set<std::pair<int64_t, int64_t>> entities, sentences;
  if (filtered) {
    DL_ASSIGN_OR_RETURN(Stmt e,
                        db.prepare("SELECT e.article, e.idx FROM entities e LEFT JOIN people p "
                                   "ON p.id = e.person WHERE lower(e.name) = lower(?1) "
                                   "OR p.name_key = ?2 OR p.surname_key = ?2"));
    e.bind(1, query.entity).bind(2, store::name_key(query.entity));
    DL_RETURN_IF_ERROR(each(e, [&](const Stmt& row) {
      entities.insert({row.int64(0), row.int64(1)});
      return ok_status();
    }));
    DL_ASSIGN_OR_RETURN(Stmt m, db.prepare("SELECT sentence FROM mentions "
                                           "WHERE article = ?1 AND entity = ?2"));
    for (const std::pair<int64_t, int64_t>& entity : entities) {
      const int64_t article = entity.first;  // a plain variable: lambdas capture it (clang 14)
      m.bind(1, article).bind(2, entity.second);
      DL_RETURN_IF_ERROR(each(m, [&](const Stmt& row) {
        sentences.insert({article, row.int64(0)});
        return ok_status();
      }));
      m.reset();
    }
  }
  struct Keyed {
    TimelineEntry entry;
    int64_t article = 0;
  };
  std::vector<Keyed> out;
  auto add = [&](std::string date, const char* kind, std::string summary, ArticleRef ref,
                 int64_t article) {
    store::DayRange days = store::day_range(date);
    if (days.empty() || !in_range(days, query.from, query.to)) return;
    out.push_back({{std::move(date), days.lo, kind, std::move(summary), std::move(ref)}, article});
  };

  DL_ASSIGN_OR_RETURN(
      Stmt t, db.prepare("SELECT t.value, CAST(substr(CAST(a.text AS BLOB), t.start + 1, "
                         "t.end - t.start) AS TEXT), a.id, a.content_hash, t.start, t.end, "
                         "t.article, t.sentence FROM times t JOIN articles a ON a.seq = t.article "
                         "WHERE t.day_lo IS NOT NULL ORDER BY t.article, t.idx"));
  DL_RETURN_IF_ERROR(each(t, [&](const Stmt& row) {
    if (filtered && !sentences.count({row.int64(6), row.int64(7)})) return ok_status();
    add(row.text(0), "time", "\"" + row.text(1) + "\"",
        {row.text(2), row.text(3), static_cast<uint32_t>(row.int64(4)),
         static_cast<uint32_t>(row.int64(5))},
        row.int64(6));
    return ok_status();
  }));
  DL_ASSIGN_OR_RETURN(Stmt q, db.prepare(std::string(kQuoteColumns) + "ORDER BY q.article, q.idx"));
  DL_RETURN_IF_ERROR(each(q, [&](const Stmt& row) {
    if (filtered && !entities.count({row.int64(14), row.int64(15)})) return ok_status();
    QuoteRecord r = quote_from(row);
    std::string who = r.speaker.empty() ? "(unknown)" : r.speaker;
    add(date_or(r.date, r.published), "quote", who + ": \"" + clip(r.content, 100) + "\"", r.ref,
        row.int64(14));
    return ok_status();
  }));
  DL_ASSIGN_OR_RETURN(Stmt e, db.prepare(std::string(kEventColumns) + "ORDER BY e.article, e.idx"));
  DL_RETURN_IF_ERROR(each(e, [&](const Stmt& row) {
    if (filtered && !entities.count({row.int64(24), row.int64(25)}) &&
        !entities.count({row.int64(24), row.int64(26)})) {
      return ok_status();
    }
    EventRecord r = event_from(row);
    std::string summary = (r.actor_code.empty() ? r.actor_text : r.actor_code) + " " + r.plover +
                          (r.negated ? " (negated)" : "") + " " +
                          (r.target_code.empty() ? r.target_text : r.target_code) + " \"" +
                          r.trigger + "\"";
    add(date_or(r.date, r.published), "event", std::move(summary), r.ref, row.int64(24));
    return ok_status();
  }));
  std::stable_sort(out.begin(), out.end(), [](const Keyed& a, const Keyed& b) {
    if (a.entry.day != b.entry.day) return a.entry.day < b.entry.day;
    if (a.article != b.article) return a.article < b.article;
    return a.entry.ref.begin < b.entry.ref.begin;
  });
  std::vector<TimelineEntry> entries;
  entries.reserve(out.size());
  for (Keyed& k : out) entries.push_back(std::move(k.entry));
  apply_limit(entries, query.limit);
  return entries;
}

}  // namespace dateline
