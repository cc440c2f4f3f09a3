// SPDX-License-Identifier: Apache-2.0
// dateline export [--db PATH] --format jsonl|gdelt-tsv: every stored article (jsonl, in
// ingest order, byte-identical to extract) or every event as a GDELT-like TSV row.
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "store_flags.h"

namespace dateline::cli {
namespace {

// TSV cells hold no tabs or line breaks.
std::string cell(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

// GDELT's SQLDATE is YYYYMMDD; partial dates keep the digits they have ("202603").
std::string sqldate(const std::string& iso) {
  std::string out;
  for (char c : iso.substr(0, 10)) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

int run_export(int argc, char** argv) {
  CLI::App app{"Print every stored article (jsonl) or event (gdelt-tsv)"};
  app.name("dateline export");
  std::string format = "jsonl";
  bool header = true;
  DbFlags db;
  app.add_option("--format", format,
                 "jsonl (articles, as extract prints them) or gdelt-tsv (events)")
      ->check(CLI::IsMember({"jsonl", "gdelt-tsv"}));
  app.add_flag("!--no-header", header, "gdelt-tsv: omit the column names line");
  db.add_to(app);
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  Result<Store> store = db.open_for_reading();
  if (!store.ok()) return fail_setup(store.status());
  Status s;
  if (format == "jsonl") {
    s = store->for_each_article([](const StoredArticle& a) {
      std::cout << a.json << '\n';
      return ok_status();
    });
  } else {
    if (header) {
      std::cout << "SQLDATE\tActor1Code\tActor2Code\tEventCode\tQuadClass\tGoldsteinScale\t"
                   "PloverType\tNegated\tActionGeo_CountryCode\tActionGeo_Lat\tActionGeo_Long\t"
                   "ArticleId\tSOURCEURL\n";
    }
    s = store->for_each_event([](const EventRecord& e) {
      std::cout << sqldate(e.date.empty() ? e.published : e.date) << '\t' << cell(e.actor_code)
                << '\t' << cell(e.target_code) << '\t' << cell(e.cameo) << '\t' << e.quad_class
                << '\t' << number(e.goldstein) << '\t' << cell(e.plover) << '\t'
                << (e.negated ? 1 : 0) << '\t' << cell(e.place_country) << '\t'
                << (e.has_coordinates ? number(e.latitude) : "") << '\t'
                << (e.has_coordinates ? number(e.longitude) : "") << '\t' << cell(e.ref.article_id)
                << '\t' << cell(e.url) << '\n';
      return ok_status();
    });
  }
  std::cout.flush();
  return s.ok() ? kExitOk : fail(s);
}

}  // namespace dateline::cli
