// SPDX-License-Identifier: Apache-2.0
#include "api.h"

#include <algorithm>
#include <charconv>
#include <sstream>
#include <string_view>

#include <nlohmann/json.hpp>

#include "dateline/filters.h"
#include "dateline/json.h"
#include "dateline/plover.h"
#include "dateline/reader.h"
#include "dateline/version.h"
#include "dateline/views.h"

namespace dateline::server {
namespace {

// ordered_json keeps the fields in the order written here (as the CLI prints them).
using Json = nlohmann::ordered_json;

// Invalid UTF-8 in a value (a request parameter echoed in a message) becomes U+FFFD, so
// that every body is valid JSON.
std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

ApiResponse error_body(int status, std::string_view code, std::string_view message) {
  ApiResponse r;
  r.status = status;
  r.body = dump(Json{{"error", Json{{"code", code}, {"message", message}}}});
  return r;
}

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return 200;
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kBadInput: return 400;
    case ErrorCode::kNotFound: return 404;
    default: return 500;
  }
}

std::string query_or(const ApiRequest& r, const std::string& key, const std::string& fallback) {
  auto it = r.query.find(key);
  return it == r.query.end() ? fallback : it->second;
}

/// Same flags as the CLI's --with: "tokens,sentences,syntax" (any of them, comma-separated).
Result<JsonOptions> json_options_from(const ApiRequest& r) {
  const std::string with = query_or(r, "with", "");
  JsonOptions o;
  size_t start = 0;
  while (start < with.size()) {
    size_t comma = with.find(',', start);
    if (comma == std::string::npos) comma = with.size();
    const std::string_view item = std::string_view(with).substr(start, comma - start);
    if (item == "tokens") {
      o.with_tokens = true;
    } else if (item == "sentences") {
      o.with_sentences = true;
    } else if (item == "syntax") {
      o.with_syntax = true;
    } else if (!item.empty()) {
      return error(ErrorCode::kInvalidArgument,
                   "with: '" + std::string(item) + "' is not one of tokens, sentences, syntax");
    }
    start = comma + 1;
  }
  return o;
}

ApiResponse json_response(const Json& j) {
  ApiResponse r;
  r.body = dump(j);
  return r;
}

/// A parameter the endpoint does not know is refused rather than ignored: a typo such as
/// `speakr=` would otherwise silently return everything. Values must be printable UTF-8.
Status check_params(const ApiRequest& r, const std::vector<std::string_view>& known) {
  for (const auto& [key, value] : r.query) {
    DL_RETURN_IF_ERROR(check_text(key, "parameter name"));
    DL_RETURN_IF_ERROR(check_text(value, key));
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      std::string list;
      for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      std::string message = "unknown parameter '";
      message += key;
      message += "' (this endpoint takes: ";
      message += list;
      message += ")";
      return error(ErrorCode::kInvalidArgument, message);
    }
  }
  return ok_status();
}

/// The endpoint's query from its filters (dateline/filters.h), checked as the CLI checks its
/// flags, with a parameter the query does not take refused. An absent limit is kDefaultLimit;
/// above kMaxLimit is refused. The query asks for one row more than the limit, so that
/// list_response() can tell the client that there is more.
template <typename Query>
Result<Query> query_from(const ApiRequest& r, std::span<const Filter> filters,
                         Result<Query> (*make)(const FilterValues&), int* limit) {
  std::vector<std::string_view> names;
  for (const Filter& f : filters) names.push_back(f.name);
  DL_RETURN_IF_ERROR(check_params(r, names));
  const FilterValues values(r.query.begin(), r.query.end());
  DL_ASSIGN_OR_RETURN(Query query, make(values));
  *limit = query.limit > 0 ? query.limit : Api::kDefaultLimit;
  if (*limit > Api::kMaxLimit) {
    return error(ErrorCode::kInvalidArgument, "limit: '" + values.at("limit") +
                                                  "' is not a number from 1 to " +
                                                  std::to_string(Api::kMaxLimit));
  }
  query.limit = *limit + 1;
  return query;
}

/// Store queries name a bad value by its field, which is the API's parameter ("since: ...").
ApiResponse query_error(const Status& s) { return error_response(s); }

Json ref_json(const ArticleRef& ref) {
  return Json{{"article_id", ref.article_id},
              {"content_hash", ref.content_hash},
              {"begin", ref.begin},
              {"end", ref.end}};
}

Json quote_json(const QuoteRecord& q) {
  return Json{{"date", q.date},
              {"published", q.published},
              {"speaker", q.speaker},
              {"title", q.title},
              {"anonymous", q.anonymous},
              {"kind", q.kind},
              {"cue", q.cue},
              {"content", q.content},
              {"outlet", q.outlet},
              {"statement", q.statement},
              {"reports", q.reports},
              {"ref", ref_json(q.ref)}};
}

Json appearance_json(const PersonAppearance& a) {
  return Json{{"article_id", a.article_id}, {"published", a.published}, {"outlet", a.outlet},
              {"name", a.name},             {"mentions", a.mentions},   {"titles", a.titles},
              {"reason", a.reason}};
}

/// {"<name>": [...], "count": n, "truncated": bool}; `rows` holds at most limit + 1 items so
/// that the client learns that there is more.
template <typename T, typename F>
ApiResponse list_response(const char* name, std::vector<T>& rows, int limit, F&& to_json_row) {
  const bool truncated = rows.size() > static_cast<size_t>(limit);
  if (truncated) rows.resize(static_cast<size_t>(limit));
  Json items = Json::array();
  for (const T& row : rows) items.push_back(to_json_row(row));
  return json_response(
      Json{{name, std::move(items)}, {"count", rows.size()}, {"truncated", truncated}});
}

}  // namespace

const Api::Route Api::kRoutes[] = {
    {"GET", "/api/health", &Api::health, false},     {"POST", "/api/extract", &Api::extract, false},
    {"GET", "/api/quotes", &Api::quotes, false},     {"GET", "/api/people", &Api::people, false},
    {"GET", "/api/entities", &Api::entities, false}, {"GET", "/api/events", &Api::events, false},
    {"GET", "/api/timeline", &Api::timeline, false}, {"GET", "/api/articles/", &Api::article, true},
    {"GET", "/api/filters", &Api::filters, false},   {"GET", "/api/people/", &Api::person, true},
    {"GET", "/api/series/statements", &Api::statement_series, false},
    {"GET", "/api/series/events", &Api::event_series, false},
    {"GET", "/api/network", &Api::network, false},
};

ApiResponse error_response(const Status& status) {
  const int code = http_status(status.code());
  if (code < 500) return error_body(code, error_code_name(status.code()), status.message());
  ApiResponse r = error_body(code, "internal", "internal error; the server's log has the details");
  r.log = status.to_string();
  return r;
}

ApiResponse http_error(int status, std::string_view message) {
  static const struct {
    int status;
    const char* code;
  } kCodes[] = {
      {400, "bad_request"},           {403, "forbidden"},        {404, "not_found"},
      {405, "method_not_allowed"},    {408, "request_timeout"},  {411, "length_required"},
      {413, "payload_too_large"},     {414, "uri_too_long"},     {415, "unsupported_media_type"},
      {416, "range_not_satisfiable"}, {431, "header_too_large"}, {503, "unavailable"}};
  const char* code = status >= 500 ? "internal" : "bad_request";
  for (const auto& c : kCodes) {
    if (c.status == status) code = c.code;
  }
  return error_body(status, code, message);
}

Status check_text(std::string_view value, std::string_view what) {
  if (const size_t bad = find_invalid_utf8(value); bad != std::string_view::npos) {
    return error(ErrorCode::kInvalidArgument,
                 std::string(what) + ": not valid UTF-8 (byte " + std::to_string(bad) + ")");
  }
  for (size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c < 0x20 || c == 0x7f) {
      return error(ErrorCode::kInvalidArgument, std::string(what) + ": control character " +
                                                    std::to_string(c) + " at byte " +
                                                    std::to_string(i));
    }
  }
  return ok_status();
}

ApiResponse Api::handle(const ApiRequest& request) const {
  if (Status s = check_text(request.path, "request path"); !s.ok()) return error_response(s);
  bool path_known = false;
  for (const Route& route : kRoutes) {
    const std::string_view path = route.path;
    if (route.prefix ? request.path.size() <= path.size() || request.path.rfind(path, 0) != 0
                     : request.path != path) {
      continue;
    }
    path_known = true;
    if (request.method == route.method) return (this->*route.handler)(request);
  }
  if (path_known) {
    ApiResponse r = error_response(
        error(ErrorCode::kInvalidArgument, request.method + " is not allowed on " + request.path));
    r.status = 405;
    return r;
  }
  return error_response(error(ErrorCode::kNotFound, "no such endpoint: " + request.path));
}

ApiResponse Api::health(const ApiRequest&) const {
  ApiResponse r;
  r.body = std::string("{\"status\":\"ok\",\"version\":\"") + kVersion +
           "\",\"fingerprint\":\"" + pipeline_.fingerprint() + "\"}";
  return r;
}

// POST /api/extract: the body is one article (plain text, HTML, or JSON objects one a line,
// by Content-Type). Answers JSON Lines, one object per article, byte-identical to
// `dateline extract --format jsonl`; a body with no readable article is a 400.
ApiResponse Api::extract(const ApiRequest& request) const {
  if (Status s = check_params(request, {"name", "published", "with"}); !s.ok()) {
    return error_response(s);
  }
  ReaderOptions reader;
  reader.max_input_bytes = max_body_bytes_;
  if (const std::string published = query_or(request, "published", ""); !published.empty()) {
    Result<std::string> iso = parse_publication_date(published, "published");
    if (!iso.ok()) return error_response(iso.status());
    reader.default_published = std::move(iso).value();
  }
  Result<JsonOptions> json_options = json_options_from(request);
  if (!json_options.ok()) return error_response(json_options.status());
  const JsonOptions& json = json_options.value();
  std::string name = query_or(request, "name", "request");
  std::ostringstream out;
  size_t articles = 0;
  Status first_error;
  read_article_bytes(
      request.body, name, request.content_type, reader,
      [&](Document&& doc) {
        (void)pipeline_.process(doc);
        out << to_json(doc, json) << "\n";
        ++articles;
      },
      [&](const Status& s) {
        if (first_error.ok()) first_error = s;
      });
  if (articles == 0) {
    return error_response(first_error.ok() ? error(ErrorCode::kBadInput, name + ": no article")
                                            : first_error);
  }
  ApiResponse r;
  r.content_type = "application/x-ndjson";
  r.body = out.str();
  return r;
}

// Store endpoints. Each request opens its own read-only connection instead of sharing one
// Store behind a mutex: a Store is one SQLite connection and not thread-safe, and a mutex
// would serialise every query of the server's worker threads, whereas separate connections
// read in parallel (WAL mode) and each one sees what `dateline ingest` committed since. Opening
// costs well under a millisecond against queries that scan tables.
Result<Store> Api::open_store() const {
  if (db_path_.empty())
    return error(ErrorCode::kNotFound, "this server has no store (start it with --db FILE)");
  StoreOptions options;
  options.path = db_path_;
  options.read_only = true;
  return Store::open(options);
}

namespace {

/// The store could not be opened: the service is there, its data is not (503). The client
/// learns which of the two cases it is; the path and SQLite's words go to the log.
ApiResponse store_unavailable(const Status& s) {
  ApiResponse r = http_error(503, s.code() == ErrorCode::kNotFound
                                      ? "this server has no store yet (run dateline ingest)"
                                      : "the store cannot be read; the server's log has why");
  r.log = s.to_string();
  return r;
}

}  // namespace

// GET /api/quotes?speaker=&about=&since=&limit=: as `dateline quotes`.
ApiResponse Api::quotes(const ApiRequest& request) const {
  int limit = 0;
  Result<QuoteQuery> query = query_from(request, quote_filters(), make_quote_query, &limit);
  if (!query.ok()) return error_response(query.status());
  Result<Store> store = open_store();
  if (!store.ok()) return store_unavailable(store.status());
  Result<std::vector<QuoteRecord>> rows = store->quotes(*query);
  if (!rows.ok()) return query_error(rows.status());
  return list_response("quotes", *rows, limit, quote_json);
}

// GET /api/people?name=&limit=: without a name, the list of people; with one, each matching
// person with their appearances (article, date, name as written, titles then, link reason).
ApiResponse Api::people(const ApiRequest& request) const {
  int limit = 0;
  Result<PeopleQuery> query = query_from(request, people_filters(), make_people_query, &limit);
  if (!query.ok()) return error_response(query.status());
  const std::string& name = query->name;
  Result<Store> store = open_store();
  if (!store.ok()) return store_unavailable(store.status());
  Result<std::vector<PersonRecord>> rows = store->people(name);
  if (!rows.ok()) return query_error(rows.status());
  if (!name.empty()) {
    const size_t n = std::min(rows->size(), static_cast<size_t>(limit));
    for (size_t i = 0; i < n; ++i) {
      Result<PersonRecord> full = store->person((*rows)[i].id);
      if (!full.ok()) return error_response(full.status());
      (*rows)[i] = std::move(full).value();
    }
  }
  const bool with_appearances = !name.empty();
  return list_response("people", *rows, limit, [&](const PersonRecord& p) {
    Json j{{"id", p.id}, {"name", p.name}, {"articles", p.articles}, {"mentions", p.mentions}};
    if (with_appearances) {
      Json apps = Json::array();
      for (const PersonAppearance& a : p.appearances) apps.push_back(appearance_json(a));
      j["appearances"] = std::move(apps);
    }
    return j;
  });
}

// GET /api/entities?type=&name=&limit=: as `dateline entities`, most frequent first.
ApiResponse Api::entities(const ApiRequest& request) const {
  int limit = 0;
  Result<EntityQuery> query = query_from(request, entity_filters(), make_entity_query, &limit);
  if (!query.ok()) return error_response(query.status());
  Result<Store> store = open_store();
  if (!store.ok()) return store_unavailable(store.status());
  Result<std::vector<EntityRecord>> rows = store->entities(*query);
  if (!rows.ok()) return query_error(rows.status());
  return list_response("entities", *rows, limit, [](const EntityRecord& e) {
    return Json{{"name", e.name},
                {"type", e.type},
                {"country", e.country},
                {"wikidata", e.wikidata},
                {"articles", e.articles},
                {"mentions", e.mentions},
                {"first_published", e.first_published},
                {"last_published", e.last_published}};
  });
}

// GET /api/events?actor=&target=&type=&from=&to=&limit=: as `dateline events`.
ApiResponse Api::events(const ApiRequest& request) const {
  int limit = 0;
  Result<EventQuery> query = query_from(request, event_filters(), make_event_query, &limit);
  if (!query.ok()) return error_response(query.status());
  Result<Store> store = open_store();
  if (!store.ok()) return store_unavailable(store.status());
  Result<std::vector<EventRecord>> rows = store->events(*query);
  if (!rows.ok()) return query_error(rows.status());
  return list_response("events", *rows, limit, [](const EventRecord& e) {
    Json j{{"date", e.date},
           {"day", e.day},
           {"precision", e.precision},
           {"published", e.published},
           {"actor_code", e.actor_code},
           {"actor_text", e.actor_text},
           {"target_code", e.target_code},
           {"target_text", e.target_text},
           {"plover", e.plover},
           {"plover_mode", e.plover_mode},
           {"cameo", e.cameo},
           {"goldstein", e.goldstein},
           {"quad_class", e.quad_class},
           {"negated", e.negated},
           {"modality", e.modality},
           {"trigger", e.trigger},
           {"place_name", e.place_name},
           {"place_country", e.place_country},
           {"url", e.url},
           {"event", e.group},
           {"reports", e.reports},
           {"ref", ref_json(e.ref)}};
    if (e.has_coordinates) j["coordinates"] = Json{{"lat", e.latitude}, {"lon", e.longitude}};
    return j;
  });
}

// GET /api/timeline?from=&to=&entity=&limit=: as `dateline timeline`.
ApiResponse Api::timeline(const ApiRequest& request) const {
  int limit = 0;
  Result<TimelineQuery> query =
      query_from(request, timeline_filters(), make_timeline_query, &limit);
  if (!query.ok()) return error_response(query.status());
  Result<Store> store = open_store();
  if (!store.ok()) return store_unavailable(store.status());
  Result<std::vector<TimelineEntry>> rows = store->timeline(*query);
  if (!rows.ok()) return query_error(rows.status());
  return list_response("timeline", *rows, limit, [](const TimelineEntry& t) {
    return Json{{"date", t.date},
                {"day", t.day},
                {"kind", t.kind},
                {"summary", t.summary},
                {"ref", ref_json(t.ref)}};
  });
}

// GET /api/filters: the filter table (dateline/filters.h) of each store endpoint, so that a
// client (the page) offers exactly the filters the CLI and the API take.
ApiResponse Api::filters(const ApiRequest& request) const {
  if (Status s = check_params(request, {}); !s.ok()) return error_response(s);
  static constexpr const char* kKinds[] = {"text",       "date",        "limit",
                                           "event_type", "entity_type", "switch"};
  auto list = [&](std::span<const Filter> table) {
    Json items = Json::array();
    for (const Filter& f : table) {
      items.push_back(
          Json{{"name", f.name}, {"kind", kKinds[static_cast<int>(f.kind)]}, {"help", f.help}});
    }
    return items;
  };
  return json_response(Json{{"quotes", list(quote_filters())},
                            {"events", list(event_filters())},
                            {"entities", list(entity_filters())},
                            {"people", list(people_filters())},
                            {"timeline", list(timeline_filters())},
                            {"series/statements", list(statement_series_filters())},
                            {"series/events", list(event_series_filters())},
                            {"network", list(network_filters())}});
}

// GET /api/articles/{id or content hash}?with=&text=: the article's JSON exactly as extract
// printed it; `with` adds what extract's --with adds (sentences, tokens), and text=true puts
// the article's text first, as "text", for a page that shows the records in place.
ApiResponse Api::article(const ApiRequest& request) const {
  if (Status s = check_params(request, {"with", "text"}); !s.ok()) return error_response(s);
  Result<JsonOptions> json_options = json_options_from(request);
  if (!json_options.ok()) return error_response(json_options.status());
  std::string text_switch = query_or(request, "text", "");
  const Filter text_filter{"text", FilterKind::kSwitch, ""};
  if (!text_switch.empty()) {
    if (Status s = check_filter(text_filter, text_switch); !s.ok()) {
      return error_response(Status(s.code(), s.message().substr(2)));
    }
  }
  const bool with_text = text_switch == "1";
  const std::string key = request.path.substr(std::string_view("/api/articles/").size());
  Result<Store> store = open_store();
  if (!store.ok()) return store_unavailable(store.status());
  Result<StoredArticle> a = store->find_article(key);
  if (!a.ok()) {
    if (a.status().code() != ErrorCode::kNotFound) return error_response(a.status());
    // The store's message names the database file; the client needs only the key.
    return error_response(
        error(ErrorCode::kNotFound, "no article with id or content hash '" + key + "'"));
  }
  ApiResponse r;
  if (request.query.empty()) {
    r.body = a->json;
    return r;
  }
  Result<Document> doc = store->load_document(*a);
  if (!doc.ok()) return error_response(doc.status());
  r.body = to_json(*doc, *json_options);
  if (with_text) r.body = "{\"text\":" + dump(Json(doc->text)) + "," + r.body.substr(1);
  return r;
}

// GET /api/people/{id}: one person's page (dateline/views.h): appearances, the roles the
// articles give them over time, and their statements.
ApiResponse Api::person(const ApiRequest& request) const {
  if (Status s = check_params(request, {}); !s.ok()) return error_response(s);
  const std::string key = request.path.substr(std::string_view("/api/people/").size());
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
  if (ec != std::errc() || end != key.data() + key.size() || id < 1) {
    return error_response(
        error(ErrorCode::kInvalidArgument, "person id: '" + key + "' is not a whole number"));
  }
  Result<Store> store = open_store();
  if (!store.ok()) return store_unavailable(store.status());
  Result<PersonView> view = person_view(*store, id);
  if (!view.ok()) {
    if (view.status().code() != ErrorCode::kNotFound) return error_response(view.status());
    return error_response(error(ErrorCode::kNotFound, "no person with id " + key));
  }
  const PersonRecord& p = view->person;
  Json roles = Json::array();
  for (const RoleSpan& role : view->roles) {
    roles.push_back(Json{{"title", role.title},
                         {"first", role.first},
                         {"last", role.last},
                         {"articles", role.articles},
                         {"outlets", role.outlets}});
  }
  Json appearances = Json::array();
  for (const PersonAppearance& a : p.appearances) appearances.push_back(appearance_json(a));
  Json statements = Json::array();
  for (const QuoteRecord& q : view->statements) statements.push_back(quote_json(q));
  return json_response(Json{{"id", p.id},
                            {"name", p.name},
                            {"articles", p.articles},
                            {"mentions", p.mentions},
                            {"roles", std::move(roles)},
                            {"appearances", std::move(appearances)},
                            {"statements", std::move(statements)}});
}

namespace {

ApiResponse series_response(const SeriesQuery& query, const std::vector<Series>& rows) {
  static constexpr const char* kPeriods[] = {"day", "week", "month"};
  Json items = Json::array();
  for (const Series& s : rows) {
    Json points = Json::array();
    for (const SeriesPoint& p : s.points) {
      points.push_back(Json{{"period", p.period}, {"count", p.count}});
    }
    items.push_back(Json{{"name", s.name},
                         {"total", s.total},
                         {"undated", s.undated},
                         {"points", std::move(points)}});
  }
  return json_response(
      Json{{"by", kPeriods[static_cast<int>(query.by)]}, {"series", std::move(items)}});
}

/// A view's query from its filter table; unlike query_from() there is no limit.
template <typename Query>
Result<Query> view_query(const ApiRequest& r, std::span<const Filter> filters,
                         Result<Query> (*make)(const FilterValues&)) {
  std::vector<std::string_view> names;
  for (const Filter& f : filters) names.push_back(f.name);
  DL_RETURN_IF_ERROR(check_params(r, names));
  Result<Query> query = make(FilterValues(r.query.begin(), r.query.end()));
  if (!query.ok()) return Status(query.status().code(), query.status().message().substr(2));
  return query;
}

}  // namespace

// GET /api/series/statements?speaker=&from=&to=&by=: statements per day, week or month.
ApiResponse Api::statement_series(const ApiRequest& request) const {
  Result<SeriesQuery> query =
      view_query(request, statement_series_filters(), make_statement_series_query);
  if (!query.ok()) return error_response(query.status());
  Result<Store> store = open_store();
  if (!store.ok()) return store_unavailable(store.status());
  Result<std::vector<Series>> rows = series(*store, *query);
  if (!rows.ok()) return query_error(rows.status());
  return series_response(*query, *rows);
}

// GET /api/series/events?actor=&target=&type=&from=&to=&by=: events per period, one series
// per PLOVER type.
ApiResponse Api::event_series(const ApiRequest& request) const {
  Result<SeriesQuery> query = view_query(request, event_series_filters(), make_event_series_query);
  if (!query.ok()) return error_response(query.status());
  Result<Store> store = open_store();
  if (!store.ok()) return store_unavailable(store.status());
  Result<std::vector<Series>> rows = series(*store, *query);
  if (!rows.ok()) return query_error(rows.status());
  return series_response(*query, *rows);
}

// GET /api/network?actor=&target=&type=&from=&to=: actors as nodes, events as weighted edges.
ApiResponse Api::network(const ApiRequest& request) const {
  Result<NetworkQuery> query = view_query(request, network_filters(), make_network_query);
  if (!query.ok()) return error_response(query.status());
  Result<Store> store = open_store();
  if (!store.ok()) return store_unavailable(store.status());
  Result<Network> net = dateline::network(*store, *query);
  if (!net.ok()) return query_error(net.status());
  Json nodes = Json::array();
  for (const NetworkNode& n : net->nodes) {
    nodes.push_back(Json{{"id", n.id}, {"label", n.label}, {"events", n.events}});
  }
  Json edges = Json::array();
  for (const NetworkEdge& e : net->edges) {
    Json types = Json::object();
    for (const auto& t : e.types) types[t.first] = t.second;
    edges.push_back(Json{
        {"source", e.source}, {"target", e.target}, {"weight", e.weight}, {"types", types}});
  }
  return json_response(Json{{"nodes", std::move(nodes)},
                            {"edges", std::move(edges)},
                            {"events", net->events},
                            {"skipped", net->skipped}});
}

}  // namespace dateline::server
