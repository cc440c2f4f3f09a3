// SPDX-License-Identifier: Apache-2.0
// Schema migrations. Migration N takes a database from user_version N-1 to N; it runs in one
// transaction together with the user_version update, so a database is always at exactly one
// version. Never edit a released migration: add the next one (docs/STORE.md lists them).
//
// Conventions: spans are two INTEGER columns (start, end) of UTF-8 byte offsets into
// articles.text, exactly the Document's Span fields; child rows are keyed by
// (article, idx) where idx is the record's index in the Document's vector, so the rows map
// back to a Document one to one; every row carries `run` (the runs row that wrote it).
//
// The migrations are written in SQLite's SQL; a PostgreSQL store runs the same migrations
// rewritten by store/dialect.h, except where SQLite needs a workaround PostgreSQL does not
// (rebuilding a table to change a CHECK constraint, json_extract): those have their
// PostgreSQL text beside them in kPostgresMigrations.
#include "store/schema.h"

#include <string>

namespace dateline::store {
namespace {

constexpr const char* kMigrations[] = {
    // 1: the initial schema.
    R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  started TEXT NOT NULL,
  finished TEXT,
  engine_version TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  command TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
  articles_read INTEGER NOT NULL DEFAULT 0,
  stored INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  id TEXT NOT NULL,
  path TEXT NOT NULL,
  url TEXT, title TEXT, outlet TEXT, published TEXT, dateline TEXT, byline TEXT,
  language TEXT NOT NULL,
  provenance TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  engine_fingerprint TEXT NOT NULL,
  text TEXT NOT NULL,
  tokens BLOB NOT NULL,
  json TEXT NOT NULL,
  run INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX articles_by_id ON articles(id);
CREATE INDEX articles_by_published ON articles(published);
CREATE TABLE diagnostics (
  id INTEGER PRIMARY KEY,
  article INTEGER REFERENCES articles(seq),
  idx INTEGER,
  input TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  byte INTEGER,
  run INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX diagnostics_by_article ON diagnostics(article);
CREATE TABLE paragraphs (
  article INTEGER NOT NULL REFERENCES articles(seq), idx INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, boilerplate INTEGER NOT NULL,
  run INTEGER NOT NULL REFERENCES runs(id),
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE TABLE sentences (
  article INTEGER NOT NULL REFERENCES articles(seq), idx INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, paragraph INTEGER NOT NULL,
  token_begin INTEGER NOT NULL, token_end INTEGER NOT NULL, boilerplate INTEGER NOT NULL,
  run INTEGER NOT NULL REFERENCES runs(id),
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  surname_key TEXT NOT NULL,
  run INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX people_by_name_key ON people(name_key);
CREATE INDEX people_by_surname_key ON people(surname_key);
CREATE TABLE entities (
  article INTEGER NOT NULL REFERENCES articles(seq), idx INTEGER NOT NULL,
  name TEXT NOT NULL, type TEXT NOT NULL, country TEXT, wikidata TEXT,
  latitude REAL NOT NULL, longitude REAL NOT NULL, has_coordinates INTEGER NOT NULL,
  mentions TEXT NOT NULL,
  why TEXT NOT NULL,
  person INTEGER REFERENCES people(id),
  person_reason TEXT,
  run INTEGER NOT NULL REFERENCES runs(id),
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE INDEX entities_by_person ON entities(person);
CREATE INDEX entities_by_name ON entities(name COLLATE NOCASE);
CREATE TABLE mentions (
  article INTEGER NOT NULL REFERENCES articles(seq), idx INTEGER NOT NULL,
  entity INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  sentence INTEGER NOT NULL, kind TEXT NOT NULL, why TEXT NOT NULL,
  run INTEGER NOT NULL REFERENCES runs(id),
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE TABLE titles (
  article INTEGER NOT NULL REFERENCES articles(seq), entity INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  title TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  organization TEXT, country TEXT, why TEXT NOT NULL,
  published TEXT,
  run INTEGER NOT NULL REFERENCES runs(id),
  PRIMARY KEY (article, entity, idx)
) WITHOUT ROWID;
CREATE TABLE times (
  article INTEGER NOT NULL REFERENCES articles(seq), idx INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, type TEXT NOT NULL,
  value TEXT, anchor TEXT, resolved INTEGER NOT NULL, sentence INTEGER NOT NULL,
  why TEXT NOT NULL,
  day_lo TEXT, day_hi TEXT,
  run INTEGER NOT NULL REFERENCES runs(id),
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE INDEX times_by_day ON times(day_lo);
CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(seq), idx INTEGER NOT NULL,
  kind TEXT NOT NULL, mode TEXT NOT NULL,
  speaker_name TEXT, speaker_text TEXT,
  speaker_start INTEGER NOT NULL, speaker_end INTEGER NOT NULL,
  speaker_title TEXT, speaker_entity INTEGER NOT NULL,
  anonymous INTEGER NOT NULL, description TEXT,
  cue_start INTEGER NOT NULL, cue_end INTEGER NOT NULL,
  content TEXT NOT NULL,
  addressee_start INTEGER NOT NULL, addressee_end INTEGER NOT NULL,
  date TEXT, date_source TEXT NOT NULL, time INTEGER NOT NULL,
  sentence INTEGER NOT NULL, why TEXT NOT NULL,
  day_lo TEXT, day_hi TEXT,
  run INTEGER NOT NULL REFERENCES runs(id),
  UNIQUE (article, idx)
);
CREATE INDEX quotes_by_speaker ON quotes(speaker_name COLLATE NOCASE);
CREATE INDEX quotes_by_day ON quotes(day_lo);
CREATE TABLE quote_fragments (
  quote INTEGER NOT NULL REFERENCES quotes(id), idx INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  run INTEGER NOT NULL REFERENCES runs(id),
  PRIMARY KEY (quote, idx)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE quotes_fts USING fts5(
  content, content='', tokenize='porter unicode61 remove_diacritics 2');
CREATE TABLE events (
  article INTEGER NOT NULL REFERENCES articles(seq), idx INTEGER NOT NULL,
  actor_code TEXT, actor_text TEXT, actor_start INTEGER NOT NULL, actor_end INTEGER NOT NULL,
  actor_entity INTEGER NOT NULL,
  target_code TEXT, target_text TEXT, target_start INTEGER NOT NULL,
  target_end INTEGER NOT NULL, target_entity INTEGER NOT NULL,
  trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT,
  plover TEXT NOT NULL, plover_mode TEXT, cameo TEXT NOT NULL,
  goldstein REAL NOT NULL, quad_class INTEGER NOT NULL,
  negated INTEGER NOT NULL, modality TEXT,
  date TEXT, date_source TEXT NOT NULL, time INTEGER NOT NULL,
  place_name TEXT, place_country TEXT, place_start INTEGER NOT NULL,
  place_end INTEGER NOT NULL, place_latitude REAL NOT NULL, place_longitude REAL NOT NULL,
  place_has_coordinates INTEGER NOT NULL,
  sentence INTEGER NOT NULL, why TEXT NOT NULL,
  day_lo TEXT, day_hi TEXT,
  run INTEGER NOT NULL REFERENCES runs(id),
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE INDEX events_by_actor ON events(actor_code);
CREATE INDEX events_by_target ON events(target_code);
CREATE INDEX events_by_plover ON events(plover);
CREATE INDEX events_by_day ON events(day_lo);
)sql",
    // 2: TIMEX3 mod of time expressions ("START" for "early 2025").
    R"sql(
ALTER TABLE times ADD COLUMN mod TEXT;
)sql",
    // 3: runs.owner (the process running it, so that the next open can tell a run whose
    // process died from one still going) and the status 'interrupted'. SQLite cannot alter a
    // CHECK constraint, so the table is rebuilt (foreign keys are off during migrations).
    R"sql(
CREATE TABLE runs_new (
  id INTEGER PRIMARY KEY,
  started TEXT NOT NULL,
  finished TEXT,
  engine_version TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  command TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
  articles_read INTEGER NOT NULL DEFAULT 0,
  stored INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  owner TEXT
);
INSERT INTO runs_new (id, started, finished, engine_version, fingerprint, schema_version, command,
                      status, articles_read, stored, duplicates, failed)
  SELECT id, started, finished, engine_version, fingerprint, schema_version, command, status,
         articles_read, stored, duplicates, failed FROM runs;
DROP TABLE runs;
ALTER TABLE runs_new RENAME TO runs;
)sql",
    // 4: the compact store (issue #19). The JSON that extract prints is rebuilt from the
    // tables (load_document) instead of kept as a second copy of every article; the two
    // article fields only that copy held move to columns first. Indexes that no query uses
    // go (the queries filter with `?1 = '' OR ...`, substrings and prefixes, which scan; the
    // ones kept serve look-ups by id, content hash, article, person and name key).
    R"sql(
DROP INDEX IF EXISTS articles_by_published;
DROP INDEX IF EXISTS entities_by_name;
DROP INDEX IF EXISTS quotes_by_speaker;
DROP INDEX IF EXISTS quotes_by_day;
DROP INDEX IF EXISTS times_by_day;
DROP INDEX IF EXISTS events_by_actor;
DROP INDEX IF EXISTS events_by_target;
DROP INDEX IF EXISTS events_by_plover;
DROP INDEX IF EXISTS events_by_day;
ALTER TABLE articles ADD COLUMN modified TEXT;
ALTER TABLE articles ADD COLUMN crawled TEXT;
UPDATE articles SET modified = nullif(json_extract(json, '$.doc.modified'), ''),
                    crawled = nullif(json_extract(json, '$.doc.crawled'), '');
ALTER TABLE articles DROP COLUMN json;
)sql",
    // 5: one record per statement and per event across outlets (store/statements.h): the
    // quotations of one speaker whose words match, and the events with the same actor, type,
    // target and day, each with the rows that report it.
    R"sql(
CREATE TABLE statements (
  id INTEGER PRIMARY KEY,
  speaker_key TEXT NOT NULL,
  signature BLOB NOT NULL,
  reports INTEGER NOT NULL DEFAULT 0,
  run INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX statements_by_speaker ON statements(speaker_key);
CREATE TABLE statement_reports (
  quote INTEGER PRIMARY KEY REFERENCES quotes(id),
  statement INTEGER NOT NULL REFERENCES statements(id),
  similarity REAL NOT NULL,
  run INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX statement_reports_by_statement ON statement_reports(statement);
CREATE TABLE event_groups (
  id INTEGER PRIMARY KEY,
  group_key TEXT NOT NULL UNIQUE,
  reports INTEGER NOT NULL DEFAULT 0,
  run INTEGER NOT NULL REFERENCES runs(id)
);
CREATE TABLE event_reports (
  article INTEGER NOT NULL, idx INTEGER NOT NULL,
  event_group INTEGER NOT NULL REFERENCES event_groups(id),
  run INTEGER NOT NULL REFERENCES runs(id),
  PRIMARY KEY (article, idx),
  FOREIGN KEY (article, idx) REFERENCES events(article, idx)
);
CREATE INDEX event_reports_by_group ON event_reports(event_group);
)sql",
};

constexpr int kLatest = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));

// PostgreSQL's own text for the migrations that need one (nullptr: kMigrations rewritten).
constexpr const char* kPostgresMigrations[kLatest] = {
    nullptr,
    nullptr,
    // 3: PostgreSQL alters a CHECK constraint in place (the table keeps its references).
    R"sql(
ALTER TABLE runs DROP CONSTRAINT runs_status_check;
ALTER TABLE runs ADD CONSTRAINT runs_status_check
  CHECK (status IN ('running', 'completed', 'failed', 'interrupted'));
ALTER TABLE runs ADD COLUMN owner TEXT;
)sql",
    // 4: as SQLite's, with PostgreSQL's JSON operators.
    R"sql(
DROP INDEX IF EXISTS articles_by_published;
DROP INDEX IF EXISTS entities_by_name;
DROP INDEX IF EXISTS quotes_by_speaker;
DROP INDEX IF EXISTS quotes_by_day;
DROP INDEX IF EXISTS times_by_day;
DROP INDEX IF EXISTS events_by_actor;
DROP INDEX IF EXISTS events_by_target;
DROP INDEX IF EXISTS events_by_plover;
DROP INDEX IF EXISTS events_by_day;
ALTER TABLE articles ADD COLUMN modified TEXT;
ALTER TABLE articles ADD COLUMN crawled TEXT;
UPDATE articles SET modified = nullif(json::jsonb #>> '{doc,modified}', ''),
                    crawled = nullif(json::jsonb #>> '{doc,crawled}', '');
ALTER TABLE articles DROP COLUMN json;
)sql",
    nullptr,
};

// The key of the session lock that serialises migrations of one PostgreSQL database.
constexpr const char* kPostgresMigrationLock = "SELECT pg_advisory_lock(7301019)";
constexpr const char* kPostgresMigrationUnlock = "SELECT pg_advisory_unlock(7301019)";

// PostgreSQL has no user_version: the version is the one row of dateline_schema, made here.
Status ensure_postgres_version_table(const Db& db) {
  return db.exec(
      "CREATE TABLE IF NOT EXISTS dateline_schema (version INTEGER NOT NULL);"
      "INSERT INTO dateline_schema (version) SELECT 0 "
      "WHERE NOT EXISTS (SELECT 1 FROM dateline_schema)");
}

Status run_migrations(const Db& db, const std::string& path, int version, int target) {
  const bool postgres = db.backend() == Backend::kPostgres;
  for (int v = version; v < target; ++v) {
    // BEGIN IMMEDIATE takes the write lock first, so two processes migrating at once
    // serialise; the second then sees the new user_version and does nothing.
    DL_RETURN_IF_ERROR(db.exec("BEGIN IMMEDIATE"));
    DL_ASSIGN_OR_RETURN(int64_t now, db.query_int("PRAGMA user_version"));
    if (now > v) {
      DL_RETURN_IF_ERROR(db.exec("COMMIT"));
      v = static_cast<int>(now) - 1;
      continue;
    }
    Status s = db.exec(postgres && kPostgresMigrations[v] ? kPostgresMigrations[v] : kMigrations[v]);
    if (s.ok() && !postgres) {  // PostgreSQL checks foreign keys as it goes
      Result<int64_t> broken = db.query_int("SELECT count(*) FROM pragma_foreign_key_check");
      if (!broken.ok()) {
        s = broken.status();
      } else if (broken.value() > 0) {
        s = Status(ErrorCode::kInternal,
                   std::to_string(broken.value()) + " rows would lose the row they reference");
      }
    }
    if (s.ok()) {
      s = db.exec(("PRAGMA user_version = " + std::to_string(v + 1)).c_str());
    }
    if (!s.ok()) {
      (void)db.exec("ROLLBACK");
      return Status(s.code(),
                    path + ": migration " + std::to_string(v + 1) + " failed: " + s.message());
    }
    DL_RETURN_IF_ERROR(db.exec("COMMIT"));
  }
  return ok_status();
}

// Checks the version as migrate() does for SQLite, then runs what is missing.
Status check_version(const std::string& path, int64_t version) {
  if (version > kLatest) {
    return Status(ErrorCode::kDataLoss, path + ": database schema version " +
                                            std::to_string(version) +
                                            " is newer than this dateline knows (" +
                                            std::to_string(kLatest) + "); use a newer dateline");
  }
  return ok_status();
}

Status migrate_postgres(const Db& db, const std::string& path, int target) {
  DL_ASSIGN_OR_RETURN(int64_t version, db.query_int("PRAGMA user_version"));
  DL_RETURN_IF_ERROR(check_version(path, version));
  if (version >= target) return ok_status();
  return run_migrations(db, path, static_cast<int>(version), target);
}

}  // namespace

int latest_schema_version() { return kLatest; }

Status migrate(const Db& db, const std::string& path, bool read_only, int target) {
  if (target < 0 || target > kLatest) target = kLatest;
  if (db.backend() == Backend::kPostgres) {
    if (read_only) {
      // to_regclass looks on the search path, as the store's own statements do.
      DL_ASSIGN_OR_RETURN(
          int64_t exists,
          db.query_int("SELECT count(*) WHERE to_regclass('dateline_schema') IS NOT NULL"));
      if (exists == 0) {
        return Status(ErrorCode::kNotFound,
                      path + ": no dateline store in this database (run dateline ingest first)");
      }
    } else {
      // Two processes opening a new database at once: the lock makes the second wait
      // for the first's migrations, then find nothing to do.
      DL_RETURN_IF_ERROR(db.exec(kPostgresMigrationLock));
      Status made = ensure_postgres_version_table(db);
      Status migrated = made.ok() ? migrate_postgres(db, path, target) : made;
      Status unlocked = db.exec(kPostgresMigrationUnlock);
      return migrated.ok() ? unlocked : migrated;
    }
  }
  DL_ASSIGN_OR_RETURN(int64_t version, db.query_int("PRAGMA user_version"));
  if (version > kLatest) {
    return Status(ErrorCode::kDataLoss, path + ": database schema version " +
                                            std::to_string(version) +
                                            " is newer than this dateline knows (" +
                                            std::to_string(kLatest) + "); use a newer dateline");
  }
  if (version < 0) {
    return Status(ErrorCode::kDataLoss,
                  path + ": invalid database schema version " + std::to_string(version));
  }
  if (version >= target) return ok_status();
  if (read_only) {
    return Status(ErrorCode::kInvalidArgument,
                  path + ": database schema version " + std::to_string(version) +
                      " needs migrating to " + std::to_string(kLatest) +
                      "; open it once for writing (e.g. dateline ingest)");
  }
  // A migration may rebuild a table that others reference (SQLite's documented way to change
  // a constraint): foreign keys are off while migrations run, which can only be switched
  // outside a transaction, and checked before each commit.
  DL_RETURN_IF_ERROR(db.exec("PRAGMA foreign_keys = OFF"));
  Status migrated = run_migrations(db, path, static_cast<int>(version), target);
  Status restored = db.exec("PRAGMA foreign_keys = ON");
  DL_RETURN_IF_ERROR(migrated.ok() ? restored : migrated);
  // Migration 4 dropped the largest column of a store that had articles: give the space
  // back to the file system once (a fresh store, version 0, has nothing to give back).
  if (version > 0 && version < 4 && target >= 4) DL_RETURN_IF_ERROR(db.exec("VACUUM"));
  return ok_status();
}

}  // namespace dateline::store
