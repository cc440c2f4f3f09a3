// SPDX-License-Identifier: Apache-2.0
#include "events/training_data.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "events/tsv.h"

namespace dateline::events {
namespace {

Status bad(const std::string& path, int line, const std::string& why) {
  return error(ErrorCode::kBadInput, path + ":" + std::to_string(line) + ": " + why);
}

// "ASSAULT", "ASSAULT:190", "NONE" -> type and code; false when unknown or inconsistent.
bool parse_label(std::string_view label, PloverType& type, std::string& cameo) {
  const size_t colon = label.find(':');
  const std::string_view name = label.substr(0, colon);
  cameo = colon == std::string_view::npos ? "" : std::string(label.substr(colon + 1));
  if (name == "NONE") {
    type = PloverType::kNone;
    return cameo.empty();
  }
  std::optional<PloverType> t = plover_type_from_name(name);
  if (!t) return false;
  type = *t;
  return cameo.empty() || plover_type_of_cameo(cameo) == type;
}

std::string iso_date(std::string d) {
  if (d.size() == 8 && d.find('-') == std::string::npos) {
    return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
  }
  return d;
}

}  // namespace

Result<std::vector<MarkedText>> read_codebook(const std::string& path) {
  std::vector<MarkedText> out;
  const std::string file = base_name(path);
  Status s = for_each_line(path, [&](std::string_view line, int n) -> Status {
    if (line.empty() || line[0] == '#') return ok_status();
    MarkedText t;
    t.id = file + ":" + std::to_string(n);
    for (size_t i = 0; i < line.size();) {
      if (line[i] != '[') {
        t.text += line[i++];
        continue;
      }
      const size_t close = line.find(']', i);
      const size_t space = line.find(' ', i);
      if (close == std::string_view::npos || space == std::string_view::npos || space > close) {
        return bad(path, n, "unclosed or empty mark at column " + std::to_string(i + 1));
      }
      MarkedText::Mark m;
      if (!parse_label(line.substr(i + 1, space - i - 1), m.type, m.cameo)) {
        return bad(path, n,
                   "'" + std::string(line.substr(i + 1, space - i - 1)) +
                       "' is not NONE, a PLOVER type or TYPE:CAMEO of that type");
      }
      const std::string_view inner = line.substr(space + 1, close - space - 1);
      const size_t head_len = std::min(inner.find(' '), inner.size());
      m.head = {static_cast<uint32_t>(t.text.size()),
                static_cast<uint32_t>(t.text.size() + head_len)};
      if (m.head.empty()) return bad(path, n, "a mark without a word");
      t.text += inner;
      t.marks.push_back(m);
      i = close + 1;
    }
    out.push_back(std::move(t));
    return ok_status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<CodedRecord>> read_coded_records(const std::string& path) {
  std::vector<CodedRecord> out;
  Status s = for_each_line(path, [&](std::string_view line, int n) -> Status {
    if (line.empty()) return ok_status();
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text"))
      return bad(path, n, "not a record");
    CodedRecord r;
    r.id = j.value("id", "");
    r.text = j.value("text", "");
    r.date = iso_date(j.value("date", ""));
    for (const char* key : {"expected_ud2", "expected_petr1"}) {
      if (!j.contains(key) || !j[key].is_array() || j[key].empty()) continue;
      for (const auto& e : j[key]) {
        if (e.is_object() && e.contains("code") && e["code"].is_string()) {
          r.cameo.push_back(e["code"].get<std::string>());
        }
      }
      break;
    }
    out.push_back(std::move(r));
    return ok_status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<LabelledStory>> read_labelled_stories(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return error(ErrorCode::kNotFound, path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string data = ss.str();
  // RFC 4180 rows: fields separated by commas, quoted fields may hold commas, newlines and "".
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  int line = 1;
  for (size_t i = 0; i < data.size(); ++i) {
    const char c = data[i];
    if (quoted) {
      if (c == '"' && i + 1 < data.size() && data[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      ++line;
    } else {
      field += c;
    }
  }
  if (quoted) return bad(path, line, "unclosed quoted field");
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  if (rows.empty()) return bad(path, 1, "no header");
  int c_text = -1, c_label = -1, c_mode = -1;
  for (size_t k = 0; k < rows[0].size(); ++k) {
    if (rows[0][k] == "text") c_text = static_cast<int>(k);
    if (rows[0][k] == "label") c_label = static_cast<int>(k);
    if (rows[0][k] == "mode") c_mode = static_cast<int>(k);
  }
  if (c_text < 0 || c_label < 0) return bad(path, 1, "want columns text and label");
  std::vector<LabelledStory> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& f = rows[r];
    if (f.size() == 1 && f[0].empty()) continue;
    if (f.size() <= static_cast<size_t>(std::max(c_text, c_label))) {
      return bad(path, static_cast<int>(r + 1), "row " + std::to_string(r) + " has too few fields");
    }
    LabelledStory st;
    st.id = base_name(path) + "#" + std::to_string(r);
    st.text = f[static_cast<size_t>(c_text)];
    std::optional<PloverType> t = plover_type_from_name(f[static_cast<size_t>(c_label)]);
    if (!t)
      return bad(path, static_cast<int>(r + 1), "row " + std::to_string(r) + ": unknown type");
    st.type = *t;
    if (c_mode >= 0 && static_cast<size_t>(c_mode) < f.size())
      st.mode = f[static_cast<size_t>(c_mode)];
    out.push_back(std::move(st));
  }
  return out;
}

Result<std::vector<JudgedEvent>> read_judged_events(const std::string& path) {
  std::vector<JudgedEvent> out;
  Status s = for_each_tsv_row(path, [&](const std::vector<std::string_view>& f, int n) -> Status {
    if (f.size() < 8)
      return bad(path, n, "want doc, begin, end, event, type, cameo, actor, target[, note]");
    JudgedEvent j;
    j.line = n;
    j.doc = std::string(f[0]);
    j.trigger.begin = static_cast<uint32_t>(std::strtoul(std::string(f[1]).c_str(), nullptr, 10));
    j.trigger.end = static_cast<uint32_t>(std::strtoul(std::string(f[2]).c_str(), nullptr, 10));
    if (j.trigger.empty()) return bad(path, n, "empty trigger span");
    if (f[3] != "0" && f[3] != "1") return bad(path, n, "event must be 1 or 0");
    j.event = f[3] == "1";
    if (f[4] != "-") {
      std::string cameo;
      if (!parse_label(f[4], j.type, cameo) || j.type == PloverType::kNone) {
        return bad(path, n, "'" + std::string(f[4]) + "' is not a PLOVER type");
      }
    }
    if (j.event == (j.type == PloverType::kNone)) {
      return bad(path, n, "an event needs a type and a non-event none");
    }
    j.cameo = f[5] == "-" ? "" : std::string(f[5]);
    if (!j.cameo.empty() && plover_type_of_cameo(j.cameo) != j.type) {
      return bad(path, n,
                 "CAMEO " + j.cameo + " is not a code of " + std::string(to_string(j.type)));
    }
    j.actor = std::string(f[6]);
    j.target = std::string(f[7]);
    if (f.size() > 8) j.note = std::string(f[8]);
    out.push_back(std::move(j));
    return ok_status();
  });
  if (!s.ok()) return s;
  return out;
}

bool code_accepted(std::string_view code, std::string_view accepted) {
  while (true) {
    const size_t bar = accepted.find('|');
    const std::string_view alt = accepted.substr(0, bar);
    if (alt == "-") {
      if (code.empty()) return true;
    } else if (!alt.empty() && !code.empty()) {
      if (alt.size() == 3 ? code.substr(0, 3) == alt : code == alt) return true;
    }
    if (bar == std::string_view::npos) return false;
    accepted.remove_prefix(bar + 1);
  }
}

Result<std::vector<TextRecord>> read_text_records(const std::string& path) {
  std::vector<TextRecord> out;
  Status s = for_each_line(path, [&](std::string_view line, int n) -> Status {
    if (line.empty()) return ok_status();
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) {
      return bad(path, n, "not an article with a text");
    }
    TextRecord r;
    r.id = j.contains("doc") ? j.value("doc", "") : j.value("id", "");
    r.text = j["text"].get<std::string>();
    r.date = iso_date(j.contains("date") ? j.value("date", "") : j.value("published", ""));
    out.push_back(std::move(r));
    return ok_status();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace dateline::events
