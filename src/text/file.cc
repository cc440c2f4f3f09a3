// SPDX-License-Identifier: Apache-2.0
#include "text/file.h"

#include <fstream>
#include <sstream>

namespace dateline::text {

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return error(ErrorCode::kNotFound, path + ": cannot open");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return error(ErrorCode::kDataLoss, path + ": read error");
  return content.str();
}

}  // namespace dateline::text
