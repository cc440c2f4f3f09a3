// SPDX-License-Identifier: Apache-2.0
#include "model/manifest.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace dateline::model {
namespace {

TEST(Manifest, NamesEveryFileOnce) {
  std::set<std::string> files;
  for (const ModelSpec& s : model_manifest()) {
    EXPECT_TRUE(files.insert(s.file).second) << s.file;
    EXPECT_NE(std::string(model_kind_name(s.kind)), "unknown") << s.file;
    EXPECT_NE(std::string(s.role), "") << s.file;
    EXPECT_EQ(std::string(s.without).empty(), s.required) << s.file;
  }
}

// Folders holding some of the files: the first missing required one is the error; the
// missing optional ones are listed, only the segmenter's for a segment-only pipeline.
TEST(Manifest, ChecksAFolder) {
  const std::vector<std::string> all = {kSegmenterFile,   kTaggerFile,  kParserFile,
                                        kClustersFile,    kNerFile,     kNerClustersFile,
                                        kEncoderFile,     kAttributionFile, kRerankerFile, kEventTriggersFile};
  struct Case {
    const char* name;
    std::vector<std::string> present;
    bool segment_only;
    const char* missing_required;  // "" when none
    std::vector<std::string> missing_optional;
  };
  const Case cases[] = {
      {"complete", all, false, "", {}},
      {"empty",
       {},
       false,
       kTaggerFile,
       {kSegmenterFile, kNerFile, kNerClustersFile, kEncoderFile, kAttributionFile, kRerankerFile,
        kEventTriggersFile}},
      {"syntax only",
       {kTaggerFile, kParserFile, kClustersFile},
       false,
       "",
       {kSegmenterFile, kNerFile, kNerClustersFile, kEncoderFile, kAttributionFile, kRerankerFile,
        kEventTriggersFile}},
      {"no parser",
       {kTaggerFile, kClustersFile, kSegmenterFile},
       false,
       kParserFile,
       {kNerFile, kNerClustersFile, kEncoderFile, kAttributionFile, kRerankerFile, kEventTriggersFile}},
      {"segment only, empty", {}, true, "", {kSegmenterFile}},
      {"segment only, with model", {kSegmenterFile}, true, "", {}},
  };
  for (const Case& c : cases) {
    const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "manifest";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    for (const std::string& f : c.present) std::ofstream(dir / f) << "x";
    const ModelsCheck check = check_models_dir(dir.string(), c.segment_only);
    if (*c.missing_required) {
      EXPECT_EQ(check.required.code(), ErrorCode::kNotFound) << c.name;
      EXPECT_NE(check.required.message().find(std::string("/") + c.missing_required),
                std::string::npos)
          << c.name << ": " << check.required.message();
    } else {
      EXPECT_TRUE(check.required.ok()) << c.name << ": " << check.required.message();
    }
    std::vector<std::string> missing;
    for (const ModelSpec* s : check.missing_optional) missing.push_back(s->file);
    EXPECT_EQ(missing, c.missing_optional) << c.name;
    for (const ModelSpec* s : check.missing_optional) {
      const std::string m = missing_model_message(dir.string(), *s);
      EXPECT_NE(m.find(s->file), std::string::npos) << m;
      EXPECT_NE(m.find(s->without), std::string::npos) << m;
    }
    std::filesystem::remove_all(dir);
  }
}

}  // namespace
}  // namespace dateline::model
