// The JSON writer's strings against nlohmann/json's escaping (an independent writer), on texts
// long and short enough for the writer's sixteen-byte path and its byte-at-a-time one alike.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <vector>

#include "emit/json_writer.hpp"

using namespace jixiao;

namespace {

// Pieces of text as they come in forms: ASCII, what JSON escapes, Chinese, and the UTF-8 forms
// the writer reads the long way (two and four bytes, E0 and ED leads).
const std::vector<std::string> kValid = {"a", "Z", "9", " ", "%", "\"", "\\", "\n", "\t", "\r", "\b", "\f",
                                         std::string(1, '\x01'), std::string(1, '\x1f'), "\x7f", "指", "标",
                                         "≥", "％", "“", "”", "、", "é", "\xC2\xA0", "😀", "\xE0\xA0\x80",
                                         "\xED\x9F\xBF", "\xEF\xBF\xBD", "\xEE\x80\x80", "<", ">", "&"};
// Bytes that are no character where they stand: each is written as one U+FFFD.
const std::vector<std::string> kInvalid = {"\x80", "\xBF", "\xC0", "\xE4", "\xE4\xB8", "\xED\xA0\x80",
                                           "\xF0\x9F\x98", "\xF5", "\xFF", "\xC0\x80"};

std::string written(std::string_view s) {
  std::string out;
  emit::append_json(out, s);
  return out;
}

}  // namespace

TEST_CASE("the JSON writer escapes as nlohmann/json does, at every length and alignment") {
  std::mt19937 random(20261206);
  for (int round = 0; round < 20000; ++round) {
    const std::size_t pieces = random() % 40;
    std::string text;
    for (std::size_t k = 0; k < pieces; ++k) text += kValid[random() % kValid.size()];
    INFO(nlohmann::json(text).dump());
    CHECK(written(text) == nlohmann::json(text).dump());
  }
}

TEST_CASE("the JSON writer writes each byte that is no character as U+FFFD, wherever it falls") {
  std::mt19937 random(61202026);
  for (int round = 0; round < 20000; ++round) {
    const std::size_t pieces = 1 + random() % 40;
    std::string text, expected;
    bool after_invalid = false;
    for (std::size_t k = 0; k < pieces; ++k) {
      // A piece never begins with a continuation byte after an invalid one (E4 B8 then BF is 丿):
      // none of kValid does, and kInvalid's first two are left out there.
      if (random() % 4 == 0) {
        const std::size_t from = after_invalid ? 2 : 0;
        const std::string& bad = kInvalid[from + random() % (kInvalid.size() - from)];
        after_invalid = true;
        text += bad;
        for (std::size_t b = 0; b < bad.size(); ++b) expected += "\xEF\xBF\xBD";
      } else {
        const std::string& good = kValid[random() % kValid.size()];
        after_invalid = false;
        text += good;
        expected += good;
      }
    }
    INFO(nlohmann::json(expected).dump());
    CHECK(written(text) == nlohmann::json(expected).dump());
  }
}

TEST_CASE("the review page's writer also escapes < > & in long texts") {
  std::string text;
  for (int k = 0; k < 10; ++k) text += "指标<b>&amp;</b>";
  emit::JsonWriter w(true, 0, true);
  w.string(text);
  std::string out = w.finish();
  CHECK(out.find('<') == std::string::npos);
  CHECK(out.find('>') == std::string::npos);
  CHECK(out.find('&') == std::string::npos);
  CHECK(nlohmann::json::parse(out) == text);
}
