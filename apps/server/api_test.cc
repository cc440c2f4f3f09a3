// SPDX-License-Identifier: Apache-2.0
// The API handlers, called without sockets.
#include "api.h"

#include <gtest/gtest.h>

#include "dateline/json.h"
#include "dateline/reader.h"

namespace dateline::server {
namespace {

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto p = Pipeline::create({});
    ASSERT_TRUE(p.ok()) << p.status().to_string();
    pipeline_ = new Pipeline(std::move(p).value());
  }
  static void TearDownTestSuite() { delete pipeline_; }
  static Pipeline* pipeline_;
};
Pipeline* ApiTest::pipeline_ = nullptr;

TEST_F(ApiTest, RoutesAndErrors) {
  Api api(*pipeline_);
  static const struct {
    const char* method;
    const char* path;
    int status;
  } kCases[] = {
      {"GET", "/api/health", 200},
      {"GET", "/api/nowhere", 404},
      {"GET", "/api/extract", 405},
  };
  for (const auto& c : kCases) {
    ApiResponse r = api.handle({c.method, c.path, {}, "", ""});
    EXPECT_EQ(r.status, c.status) << c.method << " " << c.path << ": " << r.body;
  }
}

TEST_F(ApiTest, ExtractIsByteIdenticalToTheLibraryEncoder) {
  Api api(*pipeline_);
  const std::string article =
      "Mayor Lena Park said on Monday that the bridge would reopen in May.\n";
  ApiResponse r = api.handle({"POST", "/api/extract", {{"name", "bridge.txt"}}, "text/plain",
                              article});
  ASSERT_EQ(r.status, 200) << r.body;

  std::string expected;
  read_article_bytes(article, "bridge.txt", "text/plain", {},
                     [&](Document&& doc) {
                       ASSERT_TRUE(pipeline_->process(doc).ok());
                       expected += to_json(doc, {}) + "\n";
                     },
                     [](const Status& s) { FAIL() << s.to_string(); });
  EXPECT_EQ(r.body, expected);
}

TEST_F(ApiTest, ExtractRejectsAnEmptyBody) {
  Api api(*pipeline_);
  ApiResponse r = api.handle({"POST", "/api/extract", {}, "text/plain", ""});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("\"code\":\"bad_input\""), std::string::npos) << r.body;
}

}  // namespace
}  // namespace dateline::server
