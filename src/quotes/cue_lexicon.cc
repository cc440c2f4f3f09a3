// SPDX-License-Identifier: Apache-2.0
#include "quotes/cue_lexicon.h"

#include <fstream>
#include <sstream>
#include <vector>

#include "model/hash.h"

namespace dateline::quotes {
namespace {

CueClass parse_class(std::string_view s) {
  if (s == "speech") return CueClass::kSpeech;
  if (s == "thought") return CueClass::kThought;
  if (s == "tell") return CueClass::kTell;
  if (s == "noun") return CueClass::kNoun;
  if (s == "anonymous") return CueClass::kAnonymous;
  if (s == "group") return CueClass::kGroup;
  return CueClass::kNone;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Regular English inflections of a verb lemma. Irregular forms are listed in the file.
void inflect(const std::string& lemma, std::vector<std::string>& out) {
  out.push_back(lemma);
  if (lemma.size() < 2) return;
  const char last = lemma.back();
  const char before = lemma[lemma.size() - 2];
  if (last == 'e') {
    out.push_back(lemma + "s");
    out.push_back(lemma + "d");
    out.push_back(lemma.substr(0, lemma.size() - 1) + "ing");
  } else if (last == 'y' && !is_vowel(before)) {
    const std::string stem = lemma.substr(0, lemma.size() - 1);
    out.push_back(stem + "ies");
    out.push_back(stem + "ied");
    out.push_back(lemma + "ing");
  } else if (last == 's' || last == 'h' || last == 'x' || last == 'z') {
    out.push_back(lemma + "es");
    out.push_back(lemma + "ed");
    out.push_back(lemma + "ing");
  } else {
    out.push_back(lemma + "s");
    out.push_back(lemma + "ed");
    out.push_back(lemma + "ing");
  }
}

}  // namespace

Result<CueLexicon> CueLexicon::parse(std::string_view tsv, const std::string& origin) {
  CueLexicon lex;
  size_t line_no = 0;
  std::vector<std::string> forms;
  for (size_t pos = 0; pos < tsv.size();) {
    size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv.size();
    std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return error(ErrorCode::kDataLoss,
                   origin + ":" + std::to_string(line_no) + ": expected form<TAB>class");
    }
    const std::string form(line.substr(0, tab));
    const CueClass cls = parse_class(line.substr(tab + 1));
    if (cls == CueClass::kNone) {
      return error(ErrorCode::kDataLoss,
                   origin + ":" + std::to_string(line_no) + ": unknown class");
    }
    forms.clear();
    if (cls == CueClass::kSpeech || cls == CueClass::kThought || cls == CueClass::kTell) {
      inflect(form, forms);
    } else {
      forms.push_back(form);
    }
    for (const std::string& f : forms) lex.forms_.emplace(f, cls);  // first listing wins
  }
  lex.fingerprint_ = model::content_hash(tsv);
  return lex;
}

Result<CueLexicon> CueLexicon::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return error(ErrorCode::kNotFound, path + ": cannot open the attribution lexicon");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), path);
}

CueClass CueLexicon::lookup(std::string_view lower) const {
  auto it = forms_.find(std::string(lower));
  return it == forms_.end() ? CueClass::kNone : it->second;
}

}  // namespace dateline::quotes
