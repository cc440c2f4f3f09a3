// SPDX-License-Identifier: Apache-2.0
#include "text/conllu.h"

#include <charconv>

#include "text/file.h"
#include "text/tsv.h"

namespace dateline::text {
namespace {

bool parse_int(std::string_view s, int* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

bool no_space_after(std::string_view misc) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    std::string_view item = misc.substr(pos, bar == std::string_view::npos ? bar : bar - pos);
    if (item == "SpaceAfter=No") return true;
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return false;
}

std::vector<ConlluSentence::SurfaceToken> ConlluSentence::surface_tokens() const {
  std::vector<SurfaceToken> out;
  size_t mw = 0;
  for (int i = 0; i < static_cast<int>(words.size());) {
    if (mw < multiwords.size() && multiwords[mw].first == i + 1) {
      const ConlluMultiword& m = multiwords[mw++];
      out.push_back({m.form, !no_space_after(m.misc), m.first - 1, m.last - 1});
      i = m.last;
    } else {
      out.push_back({words[i].form, !no_space_after(words[i].misc), i, i});
      ++i;
    }
  }
  return out;
}

Result<std::vector<ConlluSentence>> parse_conllu(std::string_view content,
                                                 const std::string& name) {
  std::vector<ConlluSentence> out;
  ConlluSentence cur;
  bool pending_doc = false, pending_par = false;
  size_t line_no = 0, pos = 0;
  auto flush = [&] {
    if (cur.words.empty()) return;
    cur.new_doc = pending_doc;
    cur.new_par = pending_par || pending_doc;
    pending_doc = pending_par = false;
    out.push_back(std::move(cur));
    cur = ConlluSentence();
  };
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    std::string_view line =
        content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      if (line.starts_with("# newdoc")) pending_doc = true;
      if (line.starts_with("# newpar")) pending_par = true;
      if (line.starts_with("# sent_id = ")) cur.sent_id = line.substr(12);
      if (line.starts_with("# text = ")) cur.text = line.substr(9);
      continue;
    }
    auto cols = split_tabs(line);
    if (cols.size() != 10) {
      return error(ErrorCode::kBadInput, name + ":" + std::to_string(line_no) +
                                             ": expected 10 tab-separated columns, found " +
                                             std::to_string(cols.size()));
    }
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      ConlluMultiword m;
      if (!parse_int(id.substr(0, dash), &m.first) || !parse_int(id.substr(dash + 1), &m.last)) {
        return error(ErrorCode::kBadInput,
                     name + ":" + std::to_string(line_no) + ": bad multiword id");
      }
      m.form = cols[1];
      m.misc = cols[9];
      cur.multiwords.push_back(std::move(m));
      continue;
    }
    ConlluWord w;
    w.form = cols[1];
    w.lemma = cols[2];
    w.upos = cols[3];
    w.xpos = cols[4];
    w.feats = cols[5] == "_" ? "" : std::string(cols[5]);
    if (cols[6] != "_" && !parse_int(cols[6], &w.head)) {
      return error(ErrorCode::kBadInput, name + ":" + std::to_string(line_no) + ": bad head");
    }
    w.deprel = cols[7];
    w.misc = cols[9] == "_" ? "" : std::string(cols[9]);
    w.line = static_cast<int>(line_no);
    cur.words.push_back(std::move(w));
  }
  flush();
  return out;
}

Result<std::vector<ConlluSentence>> read_conllu(const std::string& path) {
  DL_ASSIGN_OR_RETURN(std::string content, read_file(path));
  return parse_conllu(content, path);
}

std::string write_conllu(const std::vector<ConlluSentence>& sentences) {
  std::string out;
  auto field = [](const std::string& s) { return s.empty() ? std::string("_") : s; };
  for (const ConlluSentence& s : sentences) {
    if (!s.sent_id.empty()) out += "# sent_id = " + s.sent_id + "\n";
    if (!s.text.empty()) out += "# text = " + s.text + "\n";
    size_t mw = 0;
    for (size_t i = 0; i < s.words.size(); ++i) {
      while (mw < s.multiwords.size() && s.multiwords[mw].first == static_cast<int>(i) + 1) {
        const auto& m = s.multiwords[mw++];
        out += std::to_string(m.first) + "-" + std::to_string(m.last) + "\t" + m.form +
               "\t_\t_\t_\t_\t_\t_\t_\t" + field(m.misc) + "\n";
      }
      const ConlluWord& w = s.words[i];
      out += std::to_string(i + 1) + "\t" + w.form + "\t" + field(w.lemma) + "\t" +
             field(w.upos) + "\t" + field(w.xpos) + "\t" + field(w.feats) + "\t" +
             std::to_string(w.head) + "\t" + field(w.deprel) + "\t_\t" + field(w.misc) + "\n";
    }
    out += "\n";
  }
  return out;
}

std::string raw_text(const std::vector<ConlluSentence>& sentences) {
  std::string out;
  for (size_t si = 0; si < sentences.size(); ++si) {
    const ConlluSentence& s = sentences[si];
    if (si > 0) out += s.new_par ? "\n\n" : " ";
    auto toks = s.surface_tokens();
    for (size_t i = 0; i < toks.size(); ++i) {
      out += toks[i].form;
      if (i + 1 < toks.size() && toks[i].space_after) out += ' ';
    }
  }
  out += "\n";
  return out;
}

}  // namespace dateline::text
