// SPDX-License-Identifier: Apache-2.0
#pragma once
// Store::Impl, shared by store.cc (open, write, read back) and queries.cc (query commands).

#include <string>

#include "dateline/store.h"
#include "store/db.h"

namespace dateline {

struct Store::Impl {
  store::Db db;
  std::string path;
  bool read_only = false;
  bool in_batch = false;

  // Statements of put(), prepared on first use and reused for every document.
  bool writers_ready = false;
  store::Stmt has_hash, insert_article, insert_diagnostic, insert_paragraph, insert_sentence,
      insert_entity, insert_mention, insert_title, insert_time, insert_quote, insert_fragment,
      insert_quote_fts, insert_event, insert_person, people_by_key, roles_of_person, upgrade_person;

  Status prepare_writers();
  Status put_rows(const Document& doc, int64_t run);
  Status link_people(const Document& doc, int64_t article, int64_t run,
                     std::vector<std::pair<int64_t, std::string>>& links);
};

}  // namespace dateline
