// SPDX-License-Identifier: Apache-2.0
// dateline export [--db PATH] --format jsonl|gdelt-tsv|csv [--table T]: every stored article
// (jsonl, in ingest order, byte-identical to extract), every event as a row in GDELT's
// column order (gdelt-tsv), or one table of records as CSV (quotes, events, people,
// entities; RFC 4180 quoting).
#include <cstdio>
#include <iostream>
#include <string_view>
#include <unordered_set>

#include "commands.h"
#include "store_flags.h"

namespace dateline::cli {
namespace {

// TSV cells hold no tabs or line breaks.
std::string tsv_cell(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

// RFC 4180: a field with a comma, quote mark or line break is quoted, quote marks doubled.
std::string csv_cell(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

void csv_row(std::initializer_list<std::string_view> cells) {
  std::string line;
  bool first = true;
  for (std::string_view c : cells) {
    if (!first) line += ',';
    first = false;
    line += csv_cell(c);
  }
  std::cout << line << "\r\n";
}

// GDELT's SQLDATE: YYYYMMDD, the first day the date covers ("2026-W10" -> "20260302").
std::string sqldate(const std::string& day) {
  std::string out;
  for (char c : day) {
    if (c != '-') out += c;
  }
  return out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string num(int64_t v) { return std::to_string(v); }

Status export_gdelt(Store& store, bool header) {
  if (header) {
    std::cout << "SQLDATE\tActor1Code\tActor1Name\tActor2Code\tActor2Name\tEventCode\t"
                 "EventRootCode\tQuadClass\tGoldsteinScale\tNumMentions\tActionGeo_FullName\t"
                 "ActionGeo_CountryCode\tActionGeo_Lat\tActionGeo_Long\tSOURCEURL\t"
                 "DatePrecision\tPloverType\tNegated\tArticleId\n";
  }
  // One row per event (same actor, type, target and day in any article): its first stored
  // report, with NumMentions the count of all.
  std::unordered_set<int64_t> seen;
  return store.for_each_event([&seen](const EventRecord& e) {
    if (e.group != 0 && !seen.insert(e.group).second) return ok_status();
    std::cout << sqldate(e.day) << '\t' << tsv_cell(e.actor_code) << '\t' << tsv_cell(e.actor_text)
              << '\t' << tsv_cell(e.target_code) << '\t' << tsv_cell(e.target_text) << '\t'
              << tsv_cell(e.cameo) << '\t' << tsv_cell(e.cameo.substr(0, 2)) << '\t' << e.quad_class
              << '\t' << number(e.goldstein) << '\t' << e.reports << '\t' << tsv_cell(e.place_name)
              << '\t' << tsv_cell(e.place_country) << '\t'
              << (e.has_coordinates ? number(e.latitude) : "") << '\t'
              << (e.has_coordinates ? number(e.longitude) : "") << '\t' << tsv_cell(e.url) << '\t'
              << e.precision << '\t' << tsv_cell(e.plover) << '\t' << (e.negated ? 1 : 0) << '\t'
              << tsv_cell(e.ref.article_id) << '\n';
    return ok_status();
  });
}

Status export_csv(Store& store, const std::string& table) {
  if (table == "quotes") {
    QuoteQuery every;
    every.all_reports = true;
    DL_ASSIGN_OR_RETURN(std::vector<QuoteRecord> rows, store.quotes(every));
    csv_row({"statement", "reports", "date", "published", "speaker", "title", "anonymous", "kind",
             "cue", "content", "outlet", "article_id", "begin", "end"});
    for (const QuoteRecord& q : rows) {
      csv_row({num(q.statement), num(q.reports), q.date, q.published, q.speaker, q.title,
               q.anonymous ? "1" : "0", q.kind, q.cue, q.content, q.outlet, q.ref.article_id,
               num(q.ref.begin), num(q.ref.end)});
    }
  } else if (table == "events") {
    EventQuery every;
    every.all_reports = true;
    DL_ASSIGN_OR_RETURN(std::vector<EventRecord> rows, store.events(every));
    csv_row({"event",       "reports",     "date",       "day",        "precision",
             "published",   "actor_code",  "actor_text", "plover",     "plover_mode",
             "cameo",       "quad_class",  "goldstein",  "negated",    "modality",
             "target_code", "target_text", "trigger",    "place_name", "place_country",
             "latitude",    "longitude",   "url",        "article_id", "begin",
             "end"});
    for (const EventRecord& e : rows) {
      csv_row({num(e.group),
               num(e.reports),
               e.date,
               e.day,
               e.precision,
               e.published,
               e.actor_code,
               e.actor_text,
               e.plover,
               e.plover_mode,
               e.cameo,
               num(e.quad_class),
               number(e.goldstein),
               e.negated ? "1" : "0",
               e.modality,
               e.target_code,
               e.target_text,
               e.trigger,
               e.place_name,
               e.place_country,
               e.has_coordinates ? number(e.latitude) : "",
               e.has_coordinates ? number(e.longitude) : "",
               e.url,
               e.ref.article_id,
               num(e.ref.begin),
               num(e.ref.end)});
    }
  } else if (table == "people") {
    DL_ASSIGN_OR_RETURN(std::vector<PersonRecord> rows, store.people(""));
    csv_row({"id", "name", "articles", "mentions"});
    for (const PersonRecord& p : rows) {
      csv_row({num(p.id), p.name, num(p.articles), num(p.mentions)});
    }
  } else {
    DL_ASSIGN_OR_RETURN(std::vector<EntityRecord> rows, store.entities({}));
    csv_row({"name", "type", "country", "wikidata", "articles", "mentions", "first_published",
             "last_published"});
    for (const EntityRecord& e : rows) {
      csv_row({e.name, e.type, e.country, e.wikidata, num(e.articles), num(e.mentions),
               e.first_published, e.last_published});
    }
  }
  return ok_status();
}

}  // namespace

int run_export(int argc, char** argv) {
  CLI::App app{"Print every stored article (jsonl), event (gdelt-tsv) or table of records (csv)"};
  app.name("dateline export");
  std::string format = "jsonl";
  std::string table;
  bool header = true;
  DbFlags db;
  app.add_option("--format", format,
                 "jsonl (articles, as extract prints them), gdelt-tsv (events) or csv")
      ->check(CLI::IsMember({"jsonl", "gdelt-tsv", "csv"}));
  app.add_option("--table", table, "csv: quotes, events, people or entities")
      ->check(CLI::IsMember({"quotes", "events", "people", "entities"}));
  app.add_flag("!--no-header", header, "gdelt-tsv: omit the column names line");
  db.add_to(app);
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  if ((format == "csv") != !table.empty()) {
    return fail(error(ErrorCode::kInvalidArgument,
                      format == "csv" ? "--table: csv exports one table: give --table quotes, "
                                        "events, people or entities"
                                      : "--table: only --format csv takes a table"));
  }
  Result<Store> store = db.open_for_reading();
  if (!store.ok()) return fail_setup(store.status());
  Status s;
  if (format == "jsonl") {
    s = store->for_each_article([](const StoredArticle& a) {
      std::cout << a.json << '\n';
      return ok_status();
    });
  } else if (format == "gdelt-tsv") {
    s = export_gdelt(*store, header);
  } else {
    s = export_csv(*store, table);
  }
  std::cout.flush();
  return s.ok() ? kExitOk : fail(s);
}

}  // namespace dateline::cli
