// SPDX-License-Identifier: Apache-2.0
#include "events/tsv.h"

#include <fstream>

#include "model/hash.h"
#include "text/file.h"
#include "text/tsv.h"

namespace dateline::events {

Status for_each_line(const std::string& path,
                     const std::function<Status(std::string_view, int)>& line) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return error(ErrorCode::kNotFound, path + ": cannot open");
  std::string s;
  int n = 0;
  while (std::getline(in, s)) {
    ++n;
    if (!s.empty() && s.back() == '\r') s.pop_back();
    DL_RETURN_IF_ERROR(line(s, n));
  }
  return ok_status();
}

Status for_each_tsv_row(const std::string& path,
                        const std::function<Status(const std::vector<std::string_view>&, int)>& row) {
  DL_ASSIGN_OR_RETURN(std::string content, text::read_file(path));
  return text::for_each_tsv_row(content, row);
}

std::string base_name(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

void hash_file_into(const std::string& path, uint64_t& hash) {
  std::ifstream in(path, std::ios::binary);
  char buf[8192];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    hash = model::fnv1a(std::string_view(buf, static_cast<size_t>(in.gcount())), hash);
  }
}

}  // namespace dateline::events
