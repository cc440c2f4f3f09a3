// SPDX-License-Identifier: Apache-2.0
// Pipeline::analyse(): text in memory to a Document, as a program embedding the library
// calls it.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "dateline/json.h"
#include "dateline/pipeline.h"
#include "dateline/reader.h"

namespace dateline {
namespace {

const Pipeline& pipeline() {
  static const Pipeline kPipeline = [] {
    auto r = Pipeline::create({});
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return std::move(r).value();
  }();
  return kPipeline;
}

TEST(Analyse, GivesWhatReadingTheFileGives) {
  const std::string path = std::string(DL_SOURCE_DIR) + "/examples/articles/harbor_talks.txt";
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  Document from_file;
  read_articles(
      {path}, {}, [&](Document&& d) { from_file = std::move(d); },
      [](const Status& s) { ADD_FAILURE() << s.to_string(); });
  ASSERT_TRUE(pipeline().process(from_file).ok());

  DocumentMeta meta;
  meta.path = path;
  meta.id = from_file.meta.id;
  auto got = pipeline().analyse(bytes.str(), meta);
  ASSERT_TRUE(got.ok()) << got.status().to_string();
  EXPECT_FALSE(got.value().quotes.empty());
  EXPECT_EQ(to_json(got.value(), {}), to_json(from_file, {}));
}

TEST(Analyse, MetadataAndFailures) {
  struct Case {
    const char* text;
    const char* published;
    ErrorCode code;
    const char* want_published;  // when ok
    const char* message_part;    // when not
  };
  const Case cases[] = {
      {"The mayor said on Monday that the bridge would reopen.", "2026-03-06", ErrorCode::kOk,
       "2026-03-06", ""},
      {"The mayor said on Monday that the bridge would reopen.", "March 6, 2026", ErrorCode::kOk,
       "2026-03-06", ""},
      {"The mayor spoke.", "yesterday", ErrorCode::kInvalidArgument, "", "published"},
      {"", "", ErrorCode::kBadInput, "", "text"},
      {"   \n\n  ", "", ErrorCode::kBadInput, "", "text"},
  };
  for (const Case& c : cases) {
    DocumentMeta meta;
    meta.published = c.published;
    meta.title = "Bridge";
    auto got = pipeline().analyse(c.text, meta);
    if (c.code == ErrorCode::kOk) {
      ASSERT_TRUE(got.ok()) << c.text << ": " << got.status().to_string();
      EXPECT_EQ(got.value().meta.published, c.want_published);
      EXPECT_EQ(got.value().meta.title, "Bridge");
      EXPECT_FALSE(got.value().tokens.empty());
      EXPECT_FALSE(got.value().times.empty()) << c.text;
    } else {
      ASSERT_FALSE(got.ok()) << c.text;
      EXPECT_EQ(got.status().code(), c.code) << c.text;
      EXPECT_NE(got.status().to_string().find(c.message_part), std::string::npos)
          << got.status().to_string();
      EXPECT_EQ(got.status().to_string().find("--"), std::string::npos)
          << "library errors name fields, not flags: " << got.status().to_string();
    }
  }
}

TEST(Analyse, InvalidUtf8IsRepairedAndReported) {
  auto got = pipeline().analyse("The minister said \xFF the port was open.", {});
  ASSERT_TRUE(got.ok()) << got.status().to_string();
  bool reported = false;
  for (const Diagnostic& d : got.value().diagnostics) reported |= d.code == "invalid_utf8";
  EXPECT_TRUE(reported);
  EXPECT_NE(got.value().text.find("\xEF\xBF\xBD"), std::string::npos);
}

}  // namespace
}  // namespace dateline
