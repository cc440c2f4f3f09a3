// SPDX-License-Identifier: Apache-2.0
#include "entities/name_lists.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "entities/test_util.h"

namespace dateline::entities {
namespace {

TEST(NameLists, LongestCaseInsensitiveMatches) {
  NameLists lists;
  lists.add("Lake Ashburn", kListLocation);
  lists.add("Ashburn", kListCity);
  lists.add("Port Vell", kListCity | kListBigCity);
  lists.add("Brightwater-Mills", kListOrg);
  lists.add("Al", kListCity);  // too short: ignored
  struct Case {
    const char* text;
    std::vector<uint32_t> bits;
  };
  const uint32_t kBeginLoc = kListLocation | kListBegin, kInLoc = kListLocation | kListInside;
  const uint32_t kBig = kListCity | kListBigCity;
  const Case kCases[] = {
      {"near Lake Ashburn today", {0, kBeginLoc, kInLoc, 0}},
      {"near lake ashburn", {0, kBeginLoc, kInLoc}},
      {"Ashburn lake", {kListCity, 0}},
      {"in port vell", {0, kBig | kListBegin, kBig | kListInside}},
      {"in Port", {0, 0}},
      {"Brightwater - Mills staff",
       {kListOrg | kListBegin, kListOrg | kListInside, kListOrg | kListInside, 0}},
      {"Al said", {0, 0}},
      {"", {}},
  };
  std::vector<std::string> store;
  for (const Case& c : kCases) {
    std::vector<std::string_view> words = testing::split_words(c.text, store);
    EXPECT_EQ(lists.bits(words), c.bits) << c.text;
  }
}

TEST(NameLists, LoadsListsAndKeepsTheLargestPlace) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "dateline_name_lists_test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream cities(dir / "geonames_cities.tsv");
    cities << "# name: test\n"
           << "Ashburn\tUSA\t39.04\t-77.49\t43511\t4744870\n"
           << "Ashburn\tGBR\t51.0\t-1.0\t2500\t1\n"
           << "Port Vell\tESP\t41.37\t2.18\t250000\t7\n";
    std::ofstream wordnet(dir / "wordnet_names.tsv");
    wordnet << "# name: test\nLake Ashburn\tLOC\tlake\t1\nHollis Board\tORG\tagency\t2\n";
  }
  std::string content;
  auto lists = NameLists::load(dir.string(), &content);
  ASSERT_TRUE(lists.ok()) << lists.status().to_string();
  EXPECT_FALSE(content.empty());
  const CityInfo* ashburn = lists->city("ASHBURN");
  ASSERT_NE(ashburn, nullptr);
  EXPECT_EQ(ashburn->country, "USA");
  EXPECT_EQ(ashburn->geonames_id, 4744870u);
  EXPECT_EQ(lists->city("Nowhere"), nullptr);
  std::vector<std::string> store;
  EXPECT_EQ(lists->bits(testing::split_words("the hollis board", store)),
            (std::vector<uint32_t>{0, kListOrg | kListBegin, kListOrg | kListInside}));

  {
    std::ofstream broken(dir / "wordnet_names.tsv");
    broken << "# name: test\nNo type column\n";
  }
  auto bad = NameLists::load(dir.string(), &content);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kBadInput);
  EXPECT_NE(bad.status().to_string().find("wordnet_names.tsv:2"), std::string::npos);

  std::filesystem::remove_all(dir);
  auto none = NameLists::load(dir.string(), &content);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace dateline::entities
