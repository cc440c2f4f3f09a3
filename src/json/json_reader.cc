// SPDX-License-Identifier: Apache-2.0
// from_json(): the writer's inverse for `dateline extract --with record`, so that extracted
// JSON Lines can be stored (`dateline import`) without analysing the articles again.
//
// Each field is read with its type checked and each span and index checked against the
// text and the lists it points into, so that a truncated or edited line is refused with the
// field named instead of storing rows that point nowhere. Parsing does not throw: nlohmann
// is asked for a discarded value on a syntax error, and types are tested before `get`.
#include <cmath>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>

#include "dateline/json.h"
#include "model/hash.h"

namespace dateline {
namespace {

using Json = nlohmann::ordered_json;

// Reads the fields of one record; the first problem found is kept in `problem_` and every
// later read returns a default, so the caller checks once at the end.
class RecordReader {
 public:
  explicit RecordReader(size_t text_size) : text_size_(text_size) {}

  bool failed() const { return !problem_.empty(); }
  const std::string& problem() const { return problem_; }

  void fail(const std::string& field, const std::string& what) {
    if (problem_.empty()) problem_ = "\"" + field + "\" " + what;
  }

  // A member of `obj`: null when absent. `field` names it in messages ("quotes[3].cue").
  const Json& member(const Json& obj, const char* key) {
    static const Json kNull;
    if (!obj.is_object()) return kNull;
    auto it = obj.find(key);
    return it == obj.end() ? kNull : *it;
  }

  // A string, or "" for null.
  std::string str(const Json& obj, const char* key, const std::string& field) {
    const Json& v = member(obj, key);
    if (v.is_null()) return "";
    if (!v.is_string()) {
      fail(field + "." + key, "is not a string");
      return "";
    }
    return v.get<std::string>();
  }

  bool boolean(const Json& obj, const char* key, const std::string& field) {
    const Json& v = member(obj, key);
    if (v.is_null()) return false;
    if (!v.is_boolean()) {
      fail(field + "." + key, "is not true or false");
      return false;
    }
    return v.get<bool>();
  }

  double number(const Json& obj, const char* key, const std::string& field) {
    const Json& v = member(obj, key);
    if (v.is_null()) return 0;
    if (!v.is_number()) {
      fail(field + "." + key, "is not a number");
      return 0;
    }
    return v.get<double>();
  }

  // An integer in [lo, hi], or `absent` for null.
  int64_t integer(const Json& obj, const char* key, const std::string& field, int64_t lo,
                  int64_t hi, int64_t absent = 0) {
    return integer_value(member(obj, key), field + "." + key, lo, hi, absent);
  }

  int64_t integer_value(const Json& v, const std::string& field, int64_t lo, int64_t hi,
                        int64_t absent = 0) {
    if (v.is_null()) return absent;
    if (!v.is_number_integer()) {
      fail(field, "is not an integer");
      return absent;
    }
    // Unsigned values over int64's range are out of range too; print them as they were.
    const bool huge = v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(hi);
    const int64_t n = huge ? hi : v.get<int64_t>();
    if (huge || n < lo || n > hi) {
      fail(field,
           "is " + v.dump() + ", outside [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
      return absent;
    }
    return n;
  }

  // {start, end} of `obj` (or the members named), an empty span when null.
  Span span(const Json& obj, const std::string& field, const char* start = "start",
            const char* end = "end") {
    const auto size = static_cast<int64_t>(text_size_);
    Span s;
    s.begin = static_cast<uint32_t>(integer(obj, start, field, 0, size));
    s.end = static_cast<uint32_t>(integer(obj, end, field, 0, size));
    if (s.end < s.begin) fail(field, "ends before it starts");
    return s;
  }

  const Json& array(const Json& obj, const char* key, const std::string& field) {
    static const Json kEmpty = Json::array();
    const Json& v = member(obj, key);
    if (v.is_null()) return kEmpty;
    if (!v.is_array()) {
      fail(field + key, "is not an array");
      return kEmpty;
    }
    return v;
  }

  // The enumerator whose to_string() is the field's value.
  template <typename E>
  E name_of(const Json& obj, const char* key, const std::string& field,
            std::initializer_list<E> values) {
    const std::string name = str(obj, key, field);
    for (E v : values) {
      if (name == to_string(v)) return v;
    }
    fail(field + "." + key, "is \"" + name + "\", not one of the names it can have");
    return *values.begin();
  }

 private:
  size_t text_size_;
  std::string problem_;
};

constexpr int64_t kMaxIndex = std::numeric_limits<int32_t>::max();

std::string at(const char* list, size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

void read_meta(RecordReader& r, const Json& d, Document& doc) {
  DocumentMeta& m = doc.meta;
  const std::string f = "doc";
  m.id = r.str(d, "id", f);
  m.path = r.str(d, "path", f);
  m.url = r.str(d, "url", f);
  m.title = r.str(d, "title", f);
  m.outlet = r.str(d, "outlet", f);
  m.published = r.str(d, "published", f);
  m.modified = r.str(d, "modified", f);
  m.crawled = r.str(d, "crawled", f);
  m.dateline = r.str(d, "dateline", f);
  m.byline = r.str(d, "byline", f);
  m.language = r.str(d, "language", f);
  doc.content_hash = r.str(d, "content_hash", f);
  if (doc.content_hash.empty()) r.fail("doc.content_hash", "is missing");
  const Json& provenance = r.member(d, "provenance");
  if (provenance.is_object()) {
    for (const auto& [field, source] : provenance.items()) {
      if (!source.is_string()) {
        r.fail("doc.provenance." + field, "is not a string");
        continue;
      }
      m.provenance.emplace_back(field, source.get<std::string>());
    }
  } else if (!provenance.is_null()) {
    r.fail("doc.provenance", "is not an object");
  }
  const Json& engine = r.member(d, "engine");
  doc.engine_version = r.str(engine, "version", "doc.engine");
  doc.engine_fingerprint = r.str(engine, "fingerprint", "doc.engine");
}

void read_layers(RecordReader& r, const Json& j, Document& doc) {
  const Json& paragraphs = r.array(j, "paragraphs", "");
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const std::string f = at("paragraphs", i);
    doc.paragraphs.push_back(
        {r.span(paragraphs[i], f), r.boolean(paragraphs[i], "boilerplate", f)});
  }
  const Json& tokens = r.array(j, "tokens", "");
  const Json& sentences = r.array(j, "sentences", "");
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Json& s = sentences[i];
    const std::string f = at("sentences", i);
    Sentence out;
    out.span = r.span(s, f);
    out.paragraph = static_cast<uint32_t>(
        r.integer(s, "paragraph", f, 0,
                  std::max<int64_t>(0, static_cast<int64_t>(doc.paragraphs.size()) - 1)));
    const Json& range = r.member(s, "tokens");
    if (!range.is_array() || range.size() != 2) {
      r.fail(f + ".tokens", "is not [first, end)");
    } else {
      const auto n = static_cast<int64_t>(tokens.size());
      out.token_begin = static_cast<uint32_t>(r.integer_value(range[0], f + ".tokens", 0, n));
      out.token_end = static_cast<uint32_t>(r.integer_value(range[1], f + ".tokens", 0, n));
    }
    out.boilerplate = r.boolean(s, "boilerplate", f);
    doc.sentences.push_back(out);
  }
  const int64_t last_sentence =
      std::max<int64_t>(0, static_cast<int64_t>(doc.sentences.size()) - 1);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Json& t = tokens[i];
    const std::string f = at("tokens", i);
    Token out;
    out.span = r.span(t, f);
    out.sentence = static_cast<uint32_t>(r.integer(t, "sentence", f, 0, last_sentence));
    out.space_after = r.boolean(t, "space_after", f);
    out.fused_with_next = r.boolean(t, "fused_with_next", f);
    out.upos = r.str(t, "upos", f);
    out.xpos = r.str(t, "xpos", f);
    out.feats = r.str(t, "feats", f);
    out.lemma = r.str(t, "lemma", f);
    out.head = static_cast<int32_t>(r.integer(
        t, "head", f, Token::kNoHead, static_cast<int64_t>(tokens.size()) - 1, Token::kNoHead));
    out.deprel = r.str(t, "deprel", f);
    doc.tokens.push_back(std::move(out));
  }
}

void read_entities(RecordReader& r, const Json& j, Document& doc) {
  const Json& mentions = r.array(j, "mentions", "");
  const Json& entities = r.array(j, "entities", "");
  const auto last_entity = static_cast<int64_t>(entities.size()) - 1;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Json& m = mentions[i];
    const std::string f = at("mentions", i);
    Mention out;
    out.span = r.span(m, f);
    out.entity = static_cast<int32_t>(r.integer(m, "entity", f, -1, last_entity, -1));
    out.sentence = static_cast<uint32_t>(r.integer(m, "sentence", f, 0, kMaxIndex));
    out.kind = r.name_of(
        m, "kind", f,
        {MentionKind::kName, MentionKind::kPartial, MentionKind::kPronoun, MentionKind::kNominal});
    out.why = r.str(m, "why", f);
    doc.mentions.push_back(std::move(out));
  }
  const auto last_mention = static_cast<int64_t>(doc.mentions.size()) - 1;
  for (size_t i = 0; i < entities.size(); ++i) {
    const Json& e = entities[i];
    const std::string f = at("entities", i);
    Entity out;
    out.name = r.str(e, "name", f);
    out.type =
        r.name_of(e, "type", f,
                  {EntityType::kPerson, EntityType::kOrg, EntityType::kGpe, EntityType::kLoc,
                   EntityType::kNorp, EntityType::kFac, EntityType::kEvent, EntityType::kOther});
    const Json& roles = r.array(e, "roles", f + ".");
    for (size_t k = 0; k < roles.size(); ++k) {
      const std::string rf = f + "." + at("roles", k);
      Title t;
      t.text = r.str(roles[k], "title", rf);
      t.span = r.span(roles[k], rf);
      t.organization = r.str(roles[k], "organization", rf);
      t.country = r.str(roles[k], "country", rf);
      t.why = r.str(roles[k], "why", rf);
      out.titles.push_back(std::move(t));
    }
    const Json& own = r.array(e, "mentions", f + ".");
    for (size_t k = 0; k < own.size(); ++k) {
      const std::string mf = f + "." + at("mentions", k);
      if (r.member(own[k], "index").is_null())
        r.fail(mf + ".index", "is missing (not --with record)");
      out.mentions.push_back(static_cast<int32_t>(r.integer(own[k], "index", mf, 0, last_mention)));
    }
    out.country = r.str(e, "country", f);
    out.wikidata = r.str(e, "wikidata", f);
    const Json& where = r.member(e, "coordinates");
    out.has_coordinates = !where.is_null();
    out.latitude = r.number(where, "lat", f + ".coordinates");
    out.longitude = r.number(where, "lon", f + ".coordinates");
    out.why = r.str(e, "why", f);
    doc.entities.push_back(std::move(out));
  }
}

void read_times(RecordReader& r, const Json& j, Document& doc) {
  const Json& times = r.array(j, "times", "");
  for (size_t i = 0; i < times.size(); ++i) {
    const Json& t = times[i];
    const std::string f = at("times", i);
    TimeExpression out;
    out.span = r.span(t, f);
    out.type = r.name_of(t, "type", f,
                         {TimeType::kDate, TimeType::kTime, TimeType::kDuration, TimeType::kSet});
    out.value = r.str(t, "value", f);
    out.anchor = r.str(t, "anchor", f);
    out.mod = r.str(t, "mod", f);
    out.resolved = r.boolean(t, "resolved", f);
    out.sentence = static_cast<uint32_t>(r.integer(t, "sentence", f, 0, kMaxIndex));
    out.why = r.str(t, "why", f);
    doc.times.push_back(std::move(out));
  }
}

DateSource date_source(RecordReader& r, const Json& obj, const std::string& f) {
  return r.name_of(obj, "date_source", f,
                   {DateSource::kNone, DateSource::kExpression, DateSource::kPublication});
}

void read_quotes(RecordReader& r, const Json& j, Document& doc) {
  const Json& quotes = r.array(j, "quotes", "");
  const auto last_entity = static_cast<int64_t>(doc.entities.size()) - 1;
  const auto last_time = static_cast<int64_t>(doc.times.size()) - 1;
  for (size_t i = 0; i < quotes.size(); ++i) {
    const Json& q = quotes[i];
    const std::string f = at("quotes", i);
    Quote out;
    out.kind =
        r.name_of(q, "kind", f, {QuoteKind::kDirect, QuoteKind::kMixed, QuoteKind::kIndirect});
    out.mode = r.name_of(q, "mode", f, {QuoteMode::kSpeech, QuoteMode::kThought});
    const Json& s = r.member(q, "speaker");
    const std::string sf = f + ".speaker";
    out.speaker.span = r.span(s, sf);
    out.speaker.text = r.str(s, "text", sf);
    out.speaker.name = r.str(s, "name", sf);
    out.speaker.title = r.str(s, "title", sf);
    out.speaker.entity = static_cast<int32_t>(r.integer(s, "entity", sf, -1, last_entity, -1));
    out.speaker.anonymous = r.boolean(s, "anonymous", sf);
    out.speaker.description = r.str(s, "description", sf);
    out.cue = r.span(r.member(q, "cue"), f + ".cue");
    const Json& spans = r.array(r.member(q, "content"), "spans", f + ".content.");
    for (size_t k = 0; k < spans.size(); ++k) {
      const std::string cf = f + ".content." + at("spans", k);
      if (!spans[k].is_array() || spans[k].size() != 2) {
        r.fail(cf, "is not [start, end]");
        continue;
      }
      const auto size = static_cast<int64_t>(doc.text.size());
      Span c{static_cast<uint32_t>(r.integer_value(spans[k][0], cf, 0, size)),
             static_cast<uint32_t>(r.integer_value(spans[k][1], cf, 0, size))};
      if (c.end < c.begin) r.fail(cf, "ends before it starts");
      out.content.push_back(c);
    }
    out.addressee = r.span(r.member(q, "addressee"), f + ".addressee");
    out.date = r.str(q, "date", f);
    out.date_source = date_source(r, q, f);
    out.time = static_cast<int32_t>(r.integer(q, "time", f, -1, last_time, -1));
    out.sentence = static_cast<uint32_t>(r.integer(q, "sentence", f, 0, kMaxIndex));
    out.why = r.str(q, "why", f);
    doc.quotes.push_back(std::move(out));
  }
}

EventParticipant participant(RecordReader& r, const Json& p, const std::string& f,
                             int64_t last_entity) {
  EventParticipant out;
  if (p.is_null()) return out;
  out.code = r.str(p, "code", f);
  out.text = r.str(p, "text", f);
  out.span = r.span(p, f);
  out.entity = static_cast<int32_t>(r.integer(p, "entity", f, -1, last_entity, -1));
  return out;
}

void read_events(RecordReader& r, const Json& j, Document& doc) {
  const Json& events = r.array(j, "events", "");
  const auto last_entity = static_cast<int64_t>(doc.entities.size()) - 1;
  const auto last_time = static_cast<int64_t>(doc.times.size()) - 1;
  for (size_t i = 0; i < events.size(); ++i) {
    const Json& e = events[i];
    const std::string f = at("events", i);
    Event out;
    out.actor = participant(r, r.member(e, "actor"), f + ".actor", last_entity);
    out.target = participant(r, r.member(e, "target"), f + ".target", last_entity);
    const Json& action = r.member(e, "action");
    const std::string af = f + ".action";
    out.trigger = r.span(action, af);
    out.trigger_text = r.str(action, "text", af);
    out.plover = r.str(action, "plover", af);
    out.plover_mode = r.str(action, "plover_mode", af);
    out.cameo = r.str(action, "cameo", af);
    out.goldstein = r.number(action, "goldstein", af);
    out.quad_class = static_cast<int>(r.integer(action, "quad_class", af, 0, 4));
    out.negated = r.boolean(e, "negated", f);
    out.modality = r.str(e, "modality", f);
    out.date = r.str(e, "date", f);
    out.date_source = date_source(r, e, f);
    out.time = static_cast<int32_t>(r.integer(e, "time", f, -1, last_time, -1));
    const Json& place = r.member(e, "place");
    if (!place.is_null()) {
      const std::string pf = f + ".place";
      out.place.name = r.str(place, "name", pf);
      out.place.country = r.str(place, "country", pf);
      out.place.span = r.span(place, pf);
      const Json& where = r.member(place, "coordinates");
      out.place.has_coordinates = !where.is_null();
      out.place.latitude = r.number(where, "lat", pf + ".coordinates");
      out.place.longitude = r.number(where, "lon", pf + ".coordinates");
    }
    out.sentence = static_cast<uint32_t>(r.integer(e, "sentence", f, 0, kMaxIndex));
    out.why = r.str(e, "why", f);
    doc.events.push_back(std::move(out));
  }
}

void read_diagnostics(RecordReader& r, const Json& j, Document& doc) {
  const Json& diagnostics = r.array(j, "diagnostics", "");
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const Json& d = diagnostics[i];
    const std::string f = at("diagnostics", i);
    doc.diagnostics.push_back(
        {r.str(d, "code", f), r.str(d, "message", f),
         r.integer(d, "byte", f, 0, std::numeric_limits<int64_t>::max(), -1)});
  }
}

}  // namespace

Result<Document> from_json(std::string_view json, const std::string& where) {
  auto bad = [&](const std::string& what) {
    return error(ErrorCode::kBadInput, where + ": " + what);
  };
  const Json j = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return bad("not valid JSON");
  if (!j.is_object()) return bad("not a JSON object");
  if (j.contains("error")) return bad("an error line of extract, not an article");
  const auto text = j.find("text");
  if (text == j.end() || !text->is_string()) {
    return bad("no \"text\": extract the articles with --with record to import them");
  }
  Document doc;
  doc.text = text->get<std::string>();
  RecordReader r(doc.text.size());
  read_meta(r, r.member(j, "doc"), doc);
  if (r.integer(r.member(j, "doc"), "bytes", "doc", 0, std::numeric_limits<int64_t>::max()) !=
      static_cast<int64_t>(doc.text.size())) {
    r.fail("doc.bytes", "is not the length of \"text\"");
  }
  // The store's identity of the article: an edited text under its old hash would be stored
  // as the article it was, and a later ingest of the true one skipped as a duplicate.
  if (!r.failed() && doc.content_hash != model::content_hash(doc.text)) {
    r.fail("doc.content_hash", "is not the hash of \"text\"");
  }
  read_diagnostics(r, j, doc);
  read_layers(r, j, doc);
  read_entities(r, j, doc);
  read_times(r, j, doc);
  read_quotes(r, j, doc);
  read_events(r, j, doc);
  if (r.failed()) return bad(r.problem());
  return doc;
}

}  // namespace dateline
