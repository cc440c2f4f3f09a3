// SPDX-License-Identifier: Apache-2.0
#include "ingest/charset.h"

#include <iconv.h>

#include <cerrno>
#include <cstring>

#include "ingest/ascii.h"
#include "ingest/reader.h"
#include "text/utf8.h"

namespace dateline::ingest {
namespace {

// How far into a page a charset declaration is looked for. The HTML standard's prescan
// stops at 1024 bytes; pages in the wild put long scripts and comments first.
constexpr size_t kPrescanBytes = 8192;

// The value after "charset=" in a MIME type or a meta content attribute, or "".
std::string charset_parameter(std::string_view s) {
  for (size_t i = 0; i + 7 <= s.size(); ++i) {
    if (!starts_with_ci(s, i, "charset")) continue;
    size_t j = i + 7;
    while (j < s.size() && is_ascii_space(s[j])) ++j;
    if (j >= s.size() || s[j] != '=') continue;
    ++j;
    while (j < s.size() && is_ascii_space(s[j])) ++j;
    if (j < s.size() && (s[j] == '"' || s[j] == '\'')) ++j;
    size_t b = j;
    while (j < s.size() && !is_ascii_space(s[j]) && s[j] != ';' && s[j] != '"' && s[j] != '\'' &&
           s[j] != ',') {
      ++j;
    }
    return std::string(s.substr(b, j - b));
  }
  return "";
}

// Attributes of the tag starting at `at` (just after its name), up to '>'.
struct TagAttributes {
  std::string charset, http_equiv, content;
  size_t end = 0;  // index after '>'
};

TagAttributes read_attributes(std::string_view s, size_t at) {
  TagAttributes a;
  size_t i = at;
  while (i < s.size() && s[i] != '>') {
    while (i < s.size() && (is_ascii_space(s[i]) || s[i] == '/')) ++i;
    size_t nb = i;
    while (i < s.size() && !is_ascii_space(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
    std::string name = lower_ascii(s.substr(nb, i - nb));
    while (i < s.size() && is_ascii_space(s[i])) ++i;
    std::string value;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && is_ascii_space(s[i])) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        char q = s[i++];
        size_t vb = i;
        while (i < s.size() && s[i] != q) ++i;
        value = std::string(s.substr(vb, i - vb));
        if (i < s.size()) ++i;
      } else {
        size_t vb = i;
        while (i < s.size() && !is_ascii_space(s[i]) && s[i] != '>') ++i;
        value = std::string(s.substr(vb, i - vb));
      }
    }
    if (name.empty() && i < s.size() && s[i] != '>') ++i;  // a stray character
    if (name == "charset") a.charset = value;
    if (name == "http-equiv") a.http_equiv = lower_ascii(value);
    if (name == "content") a.content = value;
  }
  a.end = i < s.size() ? i + 1 : i;
  return a;
}

bool is_ascii_only(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

void add_diagnostic(std::vector<Diagnostic>* out, const char* code, std::string message) {
  if (out) out->push_back({code, std::move(message), -1});
}

}  // namespace

std::string declared_charset(std::string_view html) {
  std::string_view s = html.substr(0, kPrescanBytes);
  size_t start = 0;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
  while (start < s.size() && is_ascii_space(s[start])) ++start;
  if (starts_with_ci(s, start, "<?xml")) {
    size_t end = s.find("?>", start);
    std::string_view decl = s.substr(start, end == std::string_view::npos ? 200 : end - start);
    for (size_t i = 0; i + 8 <= decl.size(); ++i) {
      if (!starts_with_ci(decl, i, "encoding")) continue;
      size_t j = i + 8;
      while (j < decl.size() && (is_ascii_space(decl[j]) || decl[j] == '=')) ++j;
      if (j < decl.size() && (decl[j] == '"' || decl[j] == '\'')) {
        char q = decl[j++];
        size_t e = decl.find(q, j);
        if (e != std::string_view::npos) return std::string(decl.substr(j, e - j));
      }
    }
  }
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '<') continue;
    if (s.compare(i, 4, "<!--") == 0) {
      size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 2;
      continue;
    }
    if (!starts_with_ci(s, i + 1, "meta") || i + 5 >= s.size() ||
        !(is_ascii_space(s[i + 5]) || s[i + 5] == '/')) {
      continue;
    }
    TagAttributes a = read_attributes(s, i + 5);
    if (!a.charset.empty()) return a.charset;
    if (a.http_equiv == "content-type") {
      if (std::string c = charset_parameter(a.content); !c.empty()) return c;
    }
    i = a.end == 0 ? i : a.end - 1;
  }
  return "";
}

std::string content_type_charset(std::string_view content_type) {
  size_t semi = content_type.find(';');
  if (semi == std::string_view::npos) return "";
  return charset_parameter(content_type.substr(semi + 1));
}

std::string canonical_charset(std::string_view label) {
  std::string l;
  for (char c : label) {
    if (!is_ascii_space(c)) l.push_back(lower_ascii(c));
  }
  if (l.empty()) return "";
  // The WHATWG Encoding Standard's labels for the encodings pages use most.
  static const struct {
    std::string_view label;
    std::string_view name;
  } kLabels[] = {
      {"utf-8", "UTF-8"},
      {"utf8", "UTF-8"},
      {"unicode-1-1-utf-8", "UTF-8"},
      {"x-unicode20utf8", "UTF-8"},
      // A page whose <meta> says UTF-16 was read as ASCII to find that <meta>: it is not.
      {"utf-16", "UTF-8"},
      {"utf-16le", "UTF-8"},
      {"utf-16be", "UTF-8"},
      {"iso-8859-1", "WINDOWS-1252"},
      {"iso8859-1", "WINDOWS-1252"},
      {"iso_8859-1", "WINDOWS-1252"},
      {"latin1", "WINDOWS-1252"},
      {"l1", "WINDOWS-1252"},
      {"ascii", "WINDOWS-1252"},
      {"us-ascii", "WINDOWS-1252"},
      {"cp1252", "WINDOWS-1252"},
      {"x-cp1252", "WINDOWS-1252"},
      {"windows-1252", "WINDOWS-1252"},
      {"cp819", "WINDOWS-1252"},
      {"ibm819", "WINDOWS-1252"},
      {"iso-ir-100", "WINDOWS-1252"},
      {"iso-8859-9", "WINDOWS-1254"},
      {"latin5", "WINDOWS-1254"},
      {"iso-8859-11", "WINDOWS-874"},
      {"tis-620", "WINDOWS-874"},
      {"gb2312", "GBK"},
      {"gbk", "GBK"},
      {"x-gbk", "GBK"},
      {"chinese", "GBK"},
      {"csgb2312", "GBK"},
      {"gb18030", "GB18030"},
      {"big5", "BIG5-HKSCS"},
      {"big5-hkscs", "BIG5-HKSCS"},
      {"x-x-big5", "BIG5-HKSCS"},
      {"shift_jis", "CP932"},
      {"shift-jis", "CP932"},
      {"sjis", "CP932"},
      {"x-sjis", "CP932"},
      {"ms_kanji", "CP932"},
      {"windows-31j", "CP932"},
      {"euc-kr", "CP949"},
      {"ks_c_5601-1987", "CP949"},
      {"windows-949", "CP949"},
      {"euc-jp", "EUC-JP"},
      {"iso-2022-jp", "ISO-2022-JP"},
      {"koi8-r", "KOI8-R"},
      {"koi8-u", "KOI8-U"},
      {"macintosh", "MACINTOSH"},
      {"x-mac-roman", "MACINTOSH"},
  };
  for (const auto& [lab, name] : kLabels) {
    if (l == lab) return std::string(name);
  }
  // windows-125x, iso-8859-x and the like: iconv knows them by their own names.
  std::string upper;
  for (char c : l) upper.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  iconv_t cd = iconv_open("UTF-8", upper.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return "";
  iconv_close(cd);
  return upper;
}

std::string to_utf8(std::string_view raw, const std::string& charset, std::vector<size_t>* bad) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return text::repair_utf8(raw, bad);
  std::string out(raw.size() + raw.size() / 2 + 16, '\0');
  char* in = const_cast<char*>(raw.data());  // iconv's interface; it does not write the input
  size_t in_left = raw.size();
  char* o = out.data();
  size_t o_left = out.size();
  auto grow = [&](size_t need) {
    if (o_left >= need) return;
    const size_t used = static_cast<size_t>(o - out.data());
    out.resize(out.size() * 2 + need);
    o = out.data() + used;
    o_left = out.size() - used;
  };
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &o, &o_left) != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      grow(out.size());
      continue;
    }
    // EILSEQ (a byte that is not valid in the charset) or EINVAL (a sequence cut short at
    // the end): one U+FFFD for the byte, then go on after it.
    if (bad) bad->push_back(static_cast<size_t>(in - raw.data()));
    grow(3);
    std::memcpy(o, "\xEF\xBF\xBD", 3);
    o += 3;
    o_left -= 3;
    ++in;
    --in_left;
  }
  grow(16);
  iconv(cd, nullptr, nullptr, &o, &o_left);  // the shift back of stateful encodings
  iconv_close(cd);
  out.resize(static_cast<size_t>(o - out.data()));
  return out;
}

DecodedPage decode_page(std::string_view raw, std::string_view http_charset,
                        const std::string& path, std::vector<Diagnostic>* diagnostics) {
  DecodedPage page;
  std::string label;
  if (raw.substr(0, 3) == "\xEF\xBB\xBF") {
    raw.remove_prefix(3);
    page.charset = "UTF-8";
    page.decision = "bom";
  } else if (raw.substr(0, 2) == "\xFF\xFE" || raw.substr(0, 2) == "\xFE\xFF") {
    page.charset = raw[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    page.decision = "bom";
    raw.remove_prefix(2);
  } else {
    for (auto [given, decision] : {std::pair<std::string, const char*>(http_charset, "http"),
                                   {declared_charset(raw), "meta"}}) {
      if (given.empty()) continue;
      std::string name = canonical_charset(given);
      if (name.empty()) {
        add_diagnostic(diagnostics, "charset_unknown",
                       path + ": charset \"" + given + "\" (" + decision +
                           ") is not one dateline can read; ignored");
        continue;
      }
      page.charset = name;
      page.decision = decision;
      label = given;
      break;
    }
  }
  const bool valid_utf8 = text::find_invalid_utf8(raw) == std::string_view::npos;
  if (page.charset.empty()) {
    page.charset = valid_utf8 ? "UTF-8" : "WINDOWS-1252";
    page.decision = valid_utf8 ? "default" : "guess";
    if (!valid_utf8) {
      add_diagnostic(diagnostics, "charset_guessed",
                     path + ": no charset declared and not valid UTF-8; read as windows-1252");
    }
  } else if (page.charset != "UTF-8" && valid_utf8 && !is_ascii_only(raw) &&
             page.charset.rfind("UTF-16", 0) != 0) {
    // Text in a single- or double-byte charset is next to never valid UTF-8 once it uses
    // non-ASCII letters; a page that is, was mislabelled (often by a server default).
    add_diagnostic(
        diagnostics, "charset_mismatch",
        path + ": declared charset \"" + label + "\" but the page is valid UTF-8; read as UTF-8");
    page.charset = "UTF-8";
    page.decision = "content";
  }
  if (page.charset == "UTF-8") {
    page.html = repair_input(raw, path, page.decision == "bom" ? 3 : 0, diagnostics);
    return page;
  }
  std::vector<size_t> bad;
  page.html = to_utf8(raw, page.charset, &bad);
  report_bad_bytes(bad, path, page.decision == "bom" ? 2 : 0, "not valid " + page.charset,
                   diagnostics);
  return page;
}

}  // namespace dateline::ingest
