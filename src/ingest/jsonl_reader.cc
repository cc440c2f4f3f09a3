// SPDX-License-Identifier: Apache-2.0
// JSON Lines: one article object per line. Each line is parsed with a SAX handler that keeps
// only the top-level string fields we use, so the large arrays corpora put next to the text
// (PolNeAR's "attributions") are never built into a DOM, and a syntax error comes back with
// its column instead of as an exception.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "ingest/date_parser.h"
#include "ingest/metadata.h"
#include "ingest/reader.h"

namespace dateline::ingest {
namespace {

using Json = nlohmann::json;

// The top-level fields of one article object, as strings (numbers are printed).
struct LineFields {
  bool has_text = false;
  std::string text, id, doc, url, title, outlet, publisher, published, date, byline, author,
      dateline, language;
  /// Fields we read that were given as something else than a string or number: the name
  /// and what it was ("an object"). They are ignored with a diagnostic.
  std::vector<std::pair<std::string, const char*>> wrong_type;
};

class FieldCollector {
 public:
  explicit FieldCollector(LineFields* fields) : fields_(fields) {}

  bool null() { return scalar(nullptr); }  // null stands for an absent field
  bool boolean(bool) {
    note_wrong_type("a boolean");
    return scalar(nullptr);
  }
  bool number_integer(Json::number_integer_t v) {
    std::string s = std::to_string(v);
    return scalar(&s);
  }
  bool number_unsigned(Json::number_unsigned_t v) {
    std::string s = std::to_string(v);
    return scalar(&s);
  }
  bool number_float(Json::number_float_t, const Json::string_t& raw) {
    std::string s = raw;
    return scalar(&s);
  }
  bool string(Json::string_t& v) {
    if (depth_ == 1) {
      if (key_ == "text") fields_->has_text = true;
      if (std::string* slot = slot_for(key_)) *slot = std::move(v);
    }
    return true;
  }
  bool binary(Json::binary_t&) { return scalar(nullptr); }
  bool start_object(std::size_t) {
    if (depth_ == 0) top_is_object_ = true;
    note_wrong_type("an object");
    ++depth_;
    return true;
  }
  bool key(Json::string_t& k) {
    if (depth_ == 1) key_ = k;
    return true;
  }
  bool end_object() {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) {
    note_wrong_type("an array");
    ++depth_;
    return true;
  }
  bool end_array() {
    --depth_;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    error_column_ = position;
    error_ = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error ..."
    // -> "syntax error ...": the position is reported by us, with the file's line.
    if (size_t colon = error_.find(": "); colon != std::string::npos) {
      error_.erase(0, colon + 2);
    }
    return false;
  }

  bool top_is_object() const { return top_is_object_; }
  size_t error_column() const { return error_column_; }
  const std::string& error() const { return error_; }

 private:
  bool scalar(std::string* printed) {
    if (depth_ == 1 && printed && key_ != "text") {
      if (std::string* slot = slot_for(key_)) *slot = std::move(*printed);
    }
    return true;
  }

  // A field we read, given as a value we cannot use ("text" has its own error).
  void note_wrong_type(const char* what) {
    if (depth_ == 1 && key_ != "text" && slot_for(key_))
      fields_->wrong_type.push_back({key_, what});
  }

  std::string* slot_for(const std::string& key) {
    LineFields& f = *fields_;
    static const struct {
      const char* key;
      std::string LineFields::*member;
    } kSlots[] = {
        {"text", &LineFields::text},
        {"id", &LineFields::id},
        {"doc", &LineFields::doc},
        {"url", &LineFields::url},
        {"title", &LineFields::title},
        {"outlet", &LineFields::outlet},
        {"publisher", &LineFields::publisher},
        {"published", &LineFields::published},
        {"date", &LineFields::date},
        {"byline", &LineFields::byline},
        {"author", &LineFields::author},
        {"dateline", &LineFields::dateline},
        {"language", &LineFields::language},
    };
    for (const auto& s : kSlots) {
      if (key == s.key) return &(f.*(s.member));
    }
    return nullptr;
  }

  LineFields* fields_;
  int depth_ = 0;
  bool top_is_object_ = false;
  std::string key_;
  size_t error_column_ = 0;
  std::string error_;
};

const std::string& first_of(const std::string& a, const std::string& b) {
  return a.empty() ? b : a;
}

// Builds the article of one parsed line, or the reason it is not one.
Result<Document> line_document(LineFields& f, std::vector<Diagnostic>&& repairs,
                               const std::string& where) {
  if (!f.has_text) {
    return error(ErrorCode::kBadInput, where + ": no string field \"text\"; line skipped");
  }
  if (f.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return error(ErrorCode::kBadInput, where + ": \"text\" is empty; line skipped");
  }
  Document doc;
  doc.text = std::move(f.text);
  doc.diagnostics = std::move(repairs);
  doc.meta.path = where;
  for (const auto& [field, what] : f.wrong_type) {
    std::string message = where;
    message.append(": \"").append(field).append("\" is ").append(what);
    message += ", not a string; ignored";
    doc.diagnostics.push_back({"bad_field", std::move(message), -1});
  }
  DocumentMeta& m = doc.meta;
  if (const std::string& id = first_of(f.id, f.doc); !id.empty()) m.id = id;
  if (!f.url.empty()) set_meta(m, "url", f.url, "input");
  if (!f.title.empty()) set_meta(m, "title", f.title, "input");
  if (const std::string& o = first_of(f.outlet, f.publisher); !o.empty()) {
    set_meta(m, "outlet", o, "input");
  }
  if (const std::string& p = first_of(f.published, f.date); !p.empty()) {
    std::string iso = normalize_date(p);
    if (iso.empty()) {
      doc.diagnostics.push_back(
          {"bad_date", where + ": publication date \"" + p + "\" is not a date; ignored", -1});
    } else {
      set_meta(m, "published", iso, "input");
    }
  }
  if (const std::string& b = first_of(f.byline, f.author); !b.empty()) {
    set_meta(m, "byline", b, "input");
  }
  if (!f.dateline.empty()) set_meta(m, "dateline", f.dateline, "input");
  if (!f.language.empty()) set_meta(m, "language", f.language, "input");
  return doc;
}

// True when `raw` is one JSON document written over several lines (a pretty-printed object
// or array) rather than JSON Lines: its first line is not JSON by itself, and either the
// whole is, or that line only opens an object or array. Reading it line by line would give
// one error (or junk article) per line.
bool is_multi_line_document(std::string_view raw) {
  const size_t start = raw.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return false;
  const size_t nl = raw.find('\n', start);
  if (nl == std::string_view::npos) return false;
  std::string_view first = raw.substr(start, nl - start);
  while (!first.empty() && (first.back() == ' ' || first.back() == '\t' || first.back() == '\r')) {
    first.remove_suffix(1);
  }
  if (Json::accept(first)) return false;
  return first == "{" || first == "[" || Json::accept(raw.substr(start));
}

Status multi_line_document_error(const std::string& path) {
  return error(ErrorCode::kBadInput,
               path +
                   ":1: a JSON document over several lines, not JSON Lines; nothing read "
                   "from it. Write one article object per line (jq -c '.[]' for an "
                   "array, jq -c . for one object)");
}

}  // namespace

void read_json_line(std::string_view line, size_t line_no, size_t line_start,
                    const std::string& path, const ReaderOptions& options,
                    const ArticleSink& on_article, const PositionedErrorSink& on_error) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.find_first_not_of(" \t") == std::string_view::npos) return;

  const InputPosition at{path, line_no, line_start};
  const std::string where = path + ":" + std::to_string(line_no);
  if (line.size() > options.max_input_bytes) {
    on_error(
        error(ErrorCode::kBadInput,
              where + ": " + std::to_string(line.size()) + " bytes, over the limit of " +
                  std::to_string(options.max_input_bytes) + " bytes for one article; line skipped"),
        at);
    return;
  }
  std::vector<Diagnostic> repairs;
  std::string repaired = repair_input(line, where, line_start, &repairs);

  LineFields fields;
  FieldCollector sax(&fields);
  bool parsed = Json::sax_parse(repaired, &sax, Json::input_format_t::json, true);
  if (!parsed) {
    on_error(error(ErrorCode::kBadInput,
                   where + ": column " + std::to_string(sax.error_column()) + " (byte " +
                       std::to_string(line_start + sax.error_column() - (sax.error_column() > 0)) +
                       "): invalid JSON: " + sax.error() + "; line skipped"),
             at);
    return;
  }
  if (!sax.top_is_object()) {
    on_error(error(ErrorCode::kBadInput,
                   where + ": not a JSON object (one article object per line); line skipped"),
             at);
    return;
  }
  Result<Document> doc = line_document(fields, std::move(repairs), where);
  if (!doc.ok()) {
    on_error(doc.status(), at);
    return;
  }
  if (doc->meta.id.empty() && path != "-") {
    // "file:LINE" for lines that bring no id of their own.
    doc->meta.id = std::filesystem::path(path).stem().string() + ":" + std::to_string(line_no);
  }
  set_identity(doc.value(), path);
  finish_document(doc.value(), options);
  on_article(std::move(doc).value());
}

void read_json_lines(std::string_view raw, const std::string& path, const ReaderOptions& options,
                     const ArticleSink& on_article, const PositionedErrorSink& on_error) {
  size_t line_no = 0;
  size_t pos = 0;
  if (raw.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  if (is_multi_line_document(raw.substr(pos))) {
    on_error(multi_line_document_error(path), {path, 1, pos});
    return;
  }
  while (pos < raw.size()) {
    ++line_no;
    size_t nl = raw.find('\n', pos);
    size_t end = nl == std::string_view::npos ? raw.size() : nl;
    const size_t line_start = pos;
    pos = nl == std::string_view::npos ? raw.size() : nl + 1;
    read_json_line(raw.substr(line_start, end - line_start), line_no, line_start, path, options,
                   on_article, on_error);
  }
}

}  // namespace dateline::ingest
