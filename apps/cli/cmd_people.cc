// SPDX-License-Identifier: Apache-2.0
// dateline people [NAME] [--db PATH]: people known across articles. Without NAME, a list;
// with NAME, each matching person's appearances by publication date: the name as written,
// the titles held then, and why that article's entity was taken to be this person.
#include <cstdio>

#include "commands.h"
#include "store_flags.h"

namespace dateline::cli {

int run_people(int argc, char** argv) {
  CLI::App app{"List people across articles, or one person's articles and role history"};
  app.name("dateline people");
  FilterValues filters;
  DbFlags db;
  add_filter_flags(app, people_filters(), filters, "name");
  db.add_to(app);
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  Result<PeopleQuery> query = make_people_query(filters);
  if (!query.ok()) return fail(as_flag_error(query.status()));
  const std::string& name = query->name;
  const int limit = query->limit;
  Result<Store> store = db.open_for_reading();
  if (!store.ok()) return fail_setup(store.status());
  Result<std::vector<PersonRecord>> people = store->people(name);
  if (!people.ok()) return fail(people.status());
  if (limit > 0 && people->size() > static_cast<size_t>(limit))
    people->resize(static_cast<size_t>(limit));
  if (name.empty()) {
    std::printf("%-6s %-32s %8s %8s\n", "id", "name", "articles", "mentions");
    for (const PersonRecord& p : people.value()) {
      std::printf("%-6lld %-32s %8lld %8lld\n", static_cast<long long>(p.id), p.name.c_str(),
                  static_cast<long long>(p.articles), static_cast<long long>(p.mentions));
    }
    return kExitOk;
  }
  if (people->empty()) {
    std::fprintf(stderr, "dateline: no person matches '%s'\n", name.c_str());
    return kExitSomeInputsFailed;
  }
  for (const PersonRecord& summary : people.value()) {
    Result<PersonRecord> p = store->person(summary.id);
    if (!p.ok()) return fail(p.status());
    std::printf("%s  (person %lld: %lld articles, %lld mentions)\n", p->name.c_str(),
                static_cast<long long>(p->id), static_cast<long long>(p->articles),
                static_cast<long long>(p->mentions));
    for (const PersonAppearance& a : p->appearances) {
      std::string titles;
      for (const std::string& t : a.titles) titles += (titles.empty() ? "" : "; ") + t;
      std::printf("  %-10s  %-20s %-18s as \"%s\"%s%s%s  -- %s\n", or_dash(a.published).c_str(),
                  a.article_id.c_str(), or_dash(a.outlet).c_str(), a.name.c_str(),
                  titles.empty() ? "" : "  [", titles.c_str(), titles.empty() ? "" : "]",
                  a.reason.c_str());
    }
  }
  return kExitOk;
}

}  // namespace dateline::cli
