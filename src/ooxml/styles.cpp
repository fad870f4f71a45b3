// styles.xml: which paragraph styles are headings, and at which outline level.
#include <cctype>
#include <set>

#include "ooxml/reader.hpp"
#include "ooxml/xml.hpp"

namespace jixiao::ooxml {
namespace {

// "heading 2", "Heading2", "标题 2", "标题2" -> 2; anything else -> 0.
int level_from_name(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string prefix : {"heading", "标题"}) {
    if (name.rfind(prefix, 0) != 0) continue;
    std::string rest = name.substr(prefix.size());
    if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
    if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '0';
  }
  return 0;
}

struct StyleInfo {
  int own_level = -1;  // -1: says nothing; 0: explicitly body text
  std::string based_on;
};

}  // namespace

HeadingStyles read_heading_styles(const pugi::xml_document& styles) {
  std::map<std::string, StyleInfo> info;
  for (pugi::xml_node s : styles.document_element().children()) {
    if (!is(s, "w:style")) continue;
    std::string type = s.attribute("w:type").value();
    if (!type.empty() && type != "paragraph") continue;
    std::string id = s.attribute("w:styleId").value();
    StyleInfo si;
    if (auto outline = val(child(child(s, "w:pPr"), "w:outlineLvl"))) {
      int lvl = std::atoi(outline->c_str());
      si.own_level = (lvl >= 0 && lvl <= 8) ? lvl + 1 : 0;
    }
    if (si.own_level < 0) {
      int by_name = level_from_name(val(child(s, "w:name")).value_or(""));
      if (!by_name) by_name = level_from_name(id);
      if (by_name) si.own_level = by_name;
    }
    si.based_on = val(child(s, "w:basedOn")).value_or("");
    info[id] = si;
  }
  HeadingStyles levels;
  for (const auto& [id, si] : info) {
    // Follow basedOn, at most 16 steps: a cycle in a broken file must not hang us.
    const StyleInfo* cur = &si;
    for (int step = 0; step < 16 && cur->own_level < 0 && !cur->based_on.empty(); ++step) {
      auto it = info.find(cur->based_on);
      if (it == info.end()) break;
      cur = &it->second;
    }
    if (cur->own_level > 0) levels[id] = cur->own_level;
  }
  return levels;
}

int StyleLevels::level(const std::string& style_id) {
  read_now();
  auto it = levels_.find(style_id);
  return it == levels_.end() ? 0 : it->second;
}

void StyleLevels::load() {
  loaded_ = true;
  if (!read_) return;
  auto ignored = [&](const Message& why) {
    problem_ = Message{why.zh + "；已忽略样式，标题级别可能识别不全",
                       why.en + "; styles ignored, headings may be missed"};
  };
  std::string part_name;
  auto xml = read_(part_name);
  if (!xml) return ignored(xml.error().message);
  if (xml->empty()) return;  // no styles part, or an empty one: no heading styles
  auto doc = parse_part(std::move(*xml), part_name);
  if (!doc) return ignored(doc.error().message);
  levels_ = read_heading_styles((*doc)->doc);
}

}  // namespace jixiao::ooxml
