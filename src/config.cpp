// .jixiao.json: read with nlohmann/json and checked key by key, as schemas/config.schema.json
// describes, so that a mistake is named rather than ignored.
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "jixiao/config.hpp"

namespace jixiao {
namespace {

using nlohmann::json;

Error bad(const std::string& path, const std::string& key, const std::string& zh, const std::string& en) {
  return Error{ErrorKind::bad_config,
               {"配置文件 " + path + " 中的“" + key + "”有误：" + zh,
                "in the configuration file " + path + ", \"" + key + "\": " + en}};
}

}  // namespace

bool is_rule_prefix(const std::string& p) {
  if (p.size() < 2 || p.compare(0, 2, "JX") != 0) return false;
  for (const RuleDoc& r : rule_catalogue())
    if (std::string(r.id).compare(0, p.size(), p) == 0) return true;
  return false;
}

namespace {

std::optional<Error> read_prefixes(const json& v, const std::string& path, const std::string& key,
                                   std::vector<std::string>& out) {
  if (!v.is_array()) return bad(path, key, "应为规则编号的数组", "must be an array of rule ids");
  for (const json& e : v) {
    if (!e.is_string() || !is_rule_prefix(e.get<std::string>()))
      return bad(path, key, "“" + e.dump() + "”不是规则编号或其前缀（如 JX101、JX2）",
                 e.dump() + " is not a rule id or a prefix of one (JX101, JX2)");
    out.push_back(e.get<std::string>());
  }
  return std::nullopt;
}

std::optional<Error> read_rule(const std::string& id, const json& v, const std::string& path, Config& config) {
  std::string key = "rules." + id;
  const RuleDoc* rule = find_rule(id);
  if (!rule) return bad(path, key, "没有这条规则（jixiao rules 列出全部规则）", "no such rule (jixiao rules lists them)");
  RuleSetting setting;
  auto severity = [&](const json& s, const std::string& k) -> std::optional<Error> {
    if (s.is_string() && s.get<std::string>() == "off") {
      setting.off = true;
      return std::nullopt;
    }
    if (!s.is_string() || !parse_severity(s.get<std::string>()))
      return bad(path, k, "应为 \"error\"、\"warning\"、\"info\" 或 \"off\"", "must be \"error\", \"warning\", \"info\" or \"off\"");
    setting.severity = parse_severity(s.get<std::string>());
    return std::nullopt;
  };
  if (v.is_string()) {
    if (auto e = severity(v, key)) return e;
  } else if (v.is_object()) {
    for (const auto& [k, value] : v.items()) {
      if (k == "severity") {
        if (auto e = severity(value, key + ".severity")) return e;
      } else if (id == "JX301" && k == "pattern") {
        if (!value.is_string()) return bad(path, key + ".pattern", "应为字符串", "must be a string");
        try {
          std::regex test(value.get<std::string>());
        } catch (const std::regex_error& e) {
          return bad(path, key + ".pattern", std::string("不是有效的正则表达式（") + e.what() + "）",
                     std::string("is not a valid regular expression (") + e.what() + ")");
        }
        setting.options["pattern"] = value.get<std::string>();
      } else if (id == "JX220" && k == "min") {
        if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > 1000)
          return bad(path, key + ".min", "应为 1 到 1000 的整数", "must be an integer from 1 to 1000");
        setting.options["min"] = std::to_string(value.get<long long>());
      } else if (id == "JX219" && k == "common") {
        if (!value.is_array()) return bad(path, key + ".common", "应为字符串数组", "must be an array of strings");
        std::string words;
        for (const auto& w : value) {
          if (!w.is_string() || w.get<std::string>().empty() || w.get<std::string>().find('\n') != std::string::npos)
            return bad(path, key + ".common", "应为字符串数组", "must be an array of strings");
          words += (words.empty() ? "" : "\n") + w.get<std::string>();
        }
        setting.options["common"] = words;
      } else if (id == "JX221" && k == "total") {
        if (!value.is_number() || !Decimal::parse(value.dump()) || value.get<double>() <= 0)
          return bad(path, key + ".total", "应为正数", "must be a positive number");
        setting.options["total"] = value.dump();
      } else {
        return bad(path, key + "." + k, "这条规则没有这个选项", "this rule has no such option");
      }
    }
  } else {
    return bad(path, key, "应为严重级别字符串或对象", "must be a severity string or an object");
  }
  config.rules[id] = setting;
  return std::nullopt;
}

}  // namespace

Expected<Config> parse_config(const std::string& text, const std::string& path) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    return Error{ErrorKind::bad_config,
                 {"配置文件 " + path + " 不是有效的 JSON（第 " + std::to_string(e.byte) + " 字节附近）",
                  "the configuration file " + path + " is not valid JSON (near byte " + std::to_string(e.byte) + ")"}};
  }
  if (!root.is_object()) return bad(path, "/", "顶层应为对象", "the top level must be an object");
  Config config;
  for (const auto& [key, v] : root.items()) {
    if (key == "$schema") continue;
    if (key == "profile") {
      std::string p = v.is_string() ? v.get<std::string>() : "";
      if (p == "auto") config.profile = Profile::auto_detect;
      else if (p == "2015") config.profile = Profile::y2015;
      else if (p == "2021") config.profile = Profile::y2021;
      else return bad(path, key, "应为 \"auto\"、\"2015\" 或 \"2021\"", "must be \"auto\", \"2015\" or \"2021\"");
    } else if (key == "year") {
      if (!v.is_number_integer() || v.get<int>() < 2000 || v.get<int>() > 2099)
        return bad(path, key, "应为 2000 到 2099 之间的整数", "must be an integer from 2000 to 2099");
      config.year = v.get<int>();
    } else if (key == "fail_on") {
      if (!v.is_string() || !parse_severity(v.get<std::string>()))
        return bad(path, key, "应为 \"error\"、\"warning\" 或 \"info\"", "must be \"error\", \"warning\" or \"info\"");
      config.fail_on = *parse_severity(v.get<std::string>());
    } else if (key == "select" || key == "ignore") {
      if (auto e = read_prefixes(v, path, key, key == "select" ? config.select : config.ignore)) return *e;
    } else if (key == "rules") {
      if (!v.is_object()) return bad(path, key, "应为以规则编号为键的对象", "must be an object keyed by rule id");
      for (const auto& [id, setting] : v.items())
        if (auto e = read_rule(id, setting, path, config)) return *e;
    } else {
      return bad(path, key, "不是已知的配置项（可用：profile、year、fail_on、select、ignore、rules）",
                 "is not a known key (known: profile, year, fail_on, select, ignore, rules)");
    }
  }
  return config;
}

Expected<Config> load_config(const std::string& path) {
  std::ifstream in(std::filesystem::u8path(path), std::ios::binary);
  if (!in)
    return Error{ErrorKind::bad_config, {"无法打开配置文件 " + path, "cannot open the configuration file " + path}};
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_config(buffer.str(), path);
}

std::optional<std::string> find_config(const std::string& input_path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(fs::u8path(input_path), ec).parent_path();
  for (int depth = 0; depth < 64 && !dir.empty(); ++depth) {
    fs::path candidate = dir / ".jixiao.json";
    if (fs::is_regular_file(candidate, ec)) return candidate.u8string();
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

}  // namespace jixiao
