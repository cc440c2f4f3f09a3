// SPDX-License-Identifier: Apache-2.0
#include "syntax/train_util.h"

#include "syntax/vocab.h"

namespace dateline::syntax {

Result<std::vector<text::ConlluSentence>> read_treebanks(const std::vector<std::string>& paths) {
  std::vector<text::ConlluSentence> all;
  for (const auto& p : paths) {
    DL_ASSIGN_OR_RETURN(auto part, text::read_conllu(p));
    DL_RETURN_IF_ERROR(check_vocabulary(part, p));
    for (auto& s : part) all.push_back(std::move(s));
  }
  return all;
}

std::string join_basenames(const std::vector<std::string>& paths) {
  std::string out;
  for (const auto& p : paths) {
    size_t slash = p.find_last_of('/');
    if (!out.empty()) out += ' ';
    out += slash == std::string::npos ? p : p.substr(slash + 1);
  }
  return out;
}

void shuffle(std::vector<size_t>& v, std::mt19937_64& rng) {
  for (size_t i = v.size(); i > 1; --i) {
    size_t j = rng() % i;
    std::swap(v[i - 1], v[j]);
  }
}

}  // namespace dateline::syntax
