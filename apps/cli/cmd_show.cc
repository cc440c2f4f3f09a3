// SPDX-License-Identifier: Apache-2.0
// dateline show ID [--db PATH] [--format json|text]: one stored article, printed exactly as
// extract printed it (json: the stored bytes; text: to_text() of the rebuilt Document).
#include <iostream>

#include "commands.h"
#include "dateline/json.h"
#include "store_flags.h"

namespace dateline::cli {

int run_show(int argc, char** argv) {
  CLI::App app{"Print one stored article by id or content hash"};
  app.name("dateline show");
  std::string key;
  std::string format = "json";
  DbFlags db;
  app.add_option("id", key, "article id or content hash")->required();
  app.add_option("--format", format, "json (the stored JSON line) or text")
      ->check(CLI::IsMember({"json", "jsonl", "text"}));
  db.add_to(app);
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  Result<Store> store = db.open_for_reading();
  if (!store.ok()) return fail_setup(store.status());
  Result<StoredArticle> article = store->find_article(key);
  if (!article.ok()) return fail(article.status());
  if (format == "text") {
    Result<Document> doc = store->load_document(article.value());
    if (!doc.ok()) return fail(doc.status());
    std::cout << to_text(doc.value()) << "\n";
  } else {
    std::cout << article->json << "\n";
  }
  std::cout.flush();
  return kExitOk;
}

}  // namespace dateline::cli
