// SPDX-License-Identifier: Apache-2.0
// The pre-parse pass over HTML (html_limits.h). It tokenizes just enough of the markup to
// follow nesting the way a browser would for well-formed and typically sloppy pages: start
// and end tags, comments, declarations, and raw-text elements whose content is not markup.
// A stack of open elements (their name hashes) stands for the browser's: an end tag pops up
// to its element when that is among the top kEndTagSearch entries and is otherwise ignored,
// so unclosed inline elements inside a closed block do not make the count drift. Elements
// whose end tag is optional (p, li, td, ...) are not pushed at all: a new one closes the old
// one, so they never nest by themselves. Tags of elements at depth >= max_depth are cut out
// of the markup (in place: the write position never passes the read position).
#include "ingest/html_limits.h"

#include <cstring>
#include <string_view>

namespace dateline::ingest {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Element names are compared by a hash of their lower-cased letters (FNV-1a, 32 bits).
uint32_t name_hash(std::string_view name) {
  uint32_t h = 2166136261u;
  for (char c : name) h = (h ^ static_cast<unsigned char>(lower(c))) * 16777619u;
  return h;
}

bool name_in(std::string_view name, std::initializer_list<std::string_view> list) {
  for (std::string_view n : list) {
    if (n.size() != name.size()) continue;
    size_t k = 0;
    while (k < n.size() && lower(name[k]) == n[k]) ++k;
    if (k == n.size()) return true;
  }
  return false;
}

bool is_void(std::string_view name) {
  return name_in(
      name, {"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image",
             "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"});
}

// End tag optional: a new element of the kind closes the open one instead of nesting in it.
bool has_optional_end(std::string_view name) {
  return name_in(name, {"html",   "head",     "body",  "p",     "li",    "dt",       "dd",
                        "option", "optgroup", "rb",    "rt",    "rp",    "rtc",      "tr",
                        "td",     "th",       "thead", "tbody", "tfoot", "colgroup", "caption"});
}

// Content is text up to the element's end tag.
bool is_raw_text(std::string_view name) {
  return name_in(name,
                 {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"});
}

bool is_foreign_root(std::string_view name) { return name_in(name, {"svg", "math"}); }

// Offset of "</name" (case-insensitive) at or after `from`, or the end of `s`.
size_t find_end_tag(std::string_view s, size_t from, std::string_view name) {
  for (size_t i = s.find("</", from); i != std::string_view::npos; i = s.find("</", i + 2)) {
    if (s.size() - i - 2 < name.size()) break;
    size_t k = 0;
    while (k < name.size() && lower(s[i + 2 + k]) == lower(name[k])) ++k;
    if (k == name.size()) return i;
  }
  return s.size();
}

// One past the '>' that ends the tag whose name ends at `from` (quoted attribute values may
// hold '>'), or the end of `s` for a tag left open.
size_t tag_end(std::string_view s, size_t from) {
  bool after_equals = false;
  for (size_t i = from; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '>') return i + 1;
    if (c == '=') {
      after_equals = true;
      continue;
    }
    if (after_equals && (c == '"' || c == '\'')) {
      const size_t close = s.find(c, i + 1);
      if (close == std::string_view::npos) return s.size();
      i = close;
    }
    if (!is_space(c)) after_equals = false;
  }
  return s.size();
}

struct OpenElement {
  uint32_t hash;
  bool foreign_root;
};

}  // namespace

Status limit_html(std::string& markup, const std::string& path,
                  std::vector<Diagnostic>* diagnostics, const HtmlLimits& limits) {
  if (markup.size() > limits.max_bytes) {
    return error(ErrorCode::kBadInput, path + ": HTML page of " + std::to_string(markup.size()) +
                                           " bytes, over the limit of " +
                                           std::to_string(limits.max_bytes) +
                                           " bytes for HTML; skipped");
  }
  const std::string_view s = markup;  // read position i, write position out <= i
  const size_t n = s.size();
  std::vector<OpenElement> open;
  size_t foreign = 0;  // open svg/math elements
  size_t out = 0, i = 0, dropped = 0, first_dropped = 0;
  auto keep = [&](size_t from, size_t to) {
    if (out != from) std::memmove(&markup[out], &markup[from], to - from);
    out += to - from;
  };
  while (i < n) {
    const size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) {
      keep(i, n);
      break;
    }
    keep(i, lt);
    i = lt;
    if (s.substr(i, 4) == "<!--") {
      const size_t close = s.find("-->", i + 4);
      const size_t end = close == std::string_view::npos ? n : close + 3;
      keep(i, end);
      i = end;
      continue;
    }
    const bool closing = i + 1 < n && s[i + 1] == '/';
    const size_t name_begin = i + 1 + (closing ? 1 : 0);
    if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?')) {
      const size_t close = s.find('>', i + 2);
      const size_t end = close == std::string_view::npos ? n : close + 1;
      keep(i, end);
      i = end;
      continue;
    }
    if (name_begin >= n || !is_alpha(s[name_begin])) {  // a '<' in text
      keep(i, i + 1);
      ++i;
      continue;
    }
    size_t name_end = name_begin;
    while (name_end < n && !is_space(s[name_end]) && s[name_end] != '/' && s[name_end] != '>') {
      ++name_end;
    }
    const std::string_view name = s.substr(name_begin, name_end - name_begin);
    const size_t end = tag_end(s, name_end);
    bool drop = false;
    if (closing) {
      if (!is_void(name) && !has_optional_end(name) && !is_raw_text(name)) {
        const uint32_t h = name_hash(name);
        const size_t lowest = open.size() > kEndTagSearch ? open.size() - kEndTagSearch : 0;
        for (size_t k = open.size(); k-- > lowest;) {
          if (open[k].hash != h) continue;
          for (size_t j = k; j < open.size(); ++j) foreign -= open[j].foreign_root ? 1 : 0;
          drop = k >= limits.max_depth;
          open.resize(k);
          break;
        }
      }
    } else if (is_raw_text(name)) {
      // The start tag and the text up to the end tag, which the next round reads.
      const size_t content_end = find_end_tag(s, end, name);
      keep(i, content_end);
      i = content_end;
      continue;
    } else {
      const bool self_closed = end >= 2 && end <= n && s[end - 1] == '>' && s[end - 2] == '/';
      // HTML ignores "/>" on its own elements (<div/> opens a div); svg and math honour it.
      if (!is_void(name) && !has_optional_end(name) && !(self_closed && foreign > 0)) {
        drop = open.size() >= limits.max_depth;
        const bool root = is_foreign_root(name);
        open.push_back({name_hash(name), root});
        foreign += root ? 1 : 0;
      }
    }
    if (drop) {
      if (dropped++ == 0) first_dropped = i;
    } else {
      keep(i, end);
    }
    i = end;
  }
  markup.resize(out);
  if (dropped > 0) {
    diagnostics->push_back({"html_too_deep",
                            path + ": byte " + std::to_string(first_dropped) +
                                ": elements nested deeper than " +
                                std::to_string(limits.max_depth) + " levels; " +
                                std::to_string(dropped) + " tags ignored, their text kept",
                            static_cast<int64_t>(first_dropped)});
  }
  return ok_status();
}

}  // namespace dateline::ingest
