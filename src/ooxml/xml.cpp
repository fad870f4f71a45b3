// XML parts as pugixml trees: parsing (never expanding a DTD or an entity), errors that name the
// part, its line and column, and names made canonical whatever prefixes the writer chose.
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "ooxml/elements.hpp"
#include "ooxml/xml.hpp"

namespace jixiao::ooxml {
namespace {

const char* canonical_prefix(std::string_view uri) {
  static const struct {
    const char* uri;
    const char* prefix;
  } known[] = {
      {"http://schemas.openxmlformats.org/wordprocessingml/2006/main", "w"},
      {"http://purl.oclc.org/ooxml/wordprocessingml/main", "w"},
      {"http://schemas.openxmlformats.org/officeDocument/2006/relationships", "r"},
      {"http://purl.oclc.org/ooxml/officeDocument/relationships", "r"},
      {"http://schemas.openxmlformats.org/markup-compatibility/2006", "mc"},
      {"http://schemas.openxmlformats.org/package/2006/relationships", "pr"},
      {"http://schemas.microsoft.com/office/word/2003/wordml", "w2003"},
  };
  for (const auto& k : known)
    if (uri == k.uri) return k.prefix;
  return "x";
}

struct Binding {
  std::string_view prefix;  // "" for the default namespace; points into the document
  const char* canonical;
  int depth;
  bool renames;  // names under it change: a known namespace under another prefix, or a known
                 // prefix bound to a foreign namespace
};

bool renames(std::string_view prefix, const char* canonical) {
  if (prefix == canonical) return false;
  if (std::strcmp(canonical, "x") != 0) return true;
  for (const char* known : {"w", "r", "mc", "pr", "w2003", ""})
    if (prefix == known) return true;
  return false;
}

// The bindings in scope, with the last lookup remembered: nearly every name in a document
// uses the same prefix, and a root element may declare thirty.
class Scope {
public:
  void bind(std::string_view prefix, const char* canonical, int depth) {
    bool r = renames(prefix, canonical);
    bindings_.push_back({prefix, canonical, depth, r});
    renaming_ += r;
    cached_ = false;
  }
  void leave(int depth) {
    while (!bindings_.empty() && bindings_.back().depth >= depth) {
      renaming_ -= bindings_.back().renames;
      bindings_.pop_back();
      cached_ = false;
    }
  }
  // Whether any name in scope changes at all: in the usual document none does, and the walk
  // then only looks for namespace declarations. Names under foreign prefixes stay as they are
  // then, which no reader here looks at.
  bool renaming() const { return renaming_ > 0; }
  const char* resolve(std::string_view prefix) {
    if (cached_ && prefix == cached_prefix_) return cached_canonical_;
    const char* found = prefix.empty() ? "" : "x";
    if (prefix == "xml") found = "xml";
    else
      for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it)
        if (it->prefix == prefix) {
          found = it->canonical;
          break;
        }
    cached_ = true;
    cached_prefix_ = prefix;
    cached_canonical_ = found;
    return found;
  }

private:
  std::vector<Binding> bindings_;
  int renaming_ = 0;
  bool cached_ = false;
  std::string_view cached_prefix_;
  const char* cached_canonical_ = "";
};

// Renames `name` to its canonical form; nothing happens (and nothing is allocated) when the
// writer already used the canonical prefix, as almost all do.
template <class Node>
void canonicalise(Scope& scope, Node node, bool is_attribute) {
  const char* name = node.name();
  const char* colon = std::strchr(name, ':');
  std::string_view prefix = colon ? std::string_view(name, static_cast<std::size_t>(colon - name)) : std::string_view();
  const char* local = colon ? colon + 1 : name;
  // Unprefixed attributes are in no namespace, whatever the default namespace is.
  const char* canonical = (is_attribute && !colon) ? "" : scope.resolve(prefix);
  if (prefix == canonical) return;
  std::string renamed = *canonical ? std::string(canonical) + ":" + local : std::string(local);
  node.set_name(renamed.c_str());
}

std::string describe_zh(pugi::xml_parse_status status) {
  switch (status) {
    case pugi::status_end_element_mismatch: return "开始标签与结束标签不匹配，内容可能被截断";
    case pugi::status_unrecognized_tag: return "无法识别的标签";
    case pugi::status_bad_start_element: return "开始标签有误";
    case pugi::status_bad_end_element: return "结束标签有误";
    case pugi::status_bad_attribute: return "属性有误";
    case pugi::status_bad_pcdata: return "文字内容有误";
    case pugi::status_no_document_element: return "没有根元素（部件为空）";
    case pugi::status_bad_pi: return "处理指令有误";
    case pugi::status_bad_comment: return "注释有误";
    case pugi::status_bad_cdata: return "CDATA 段有误";
    case pugi::status_bad_doctype: return "文档类型声明有误";
    case pugi::status_out_of_memory: return "内存不足";
    default: return "无法解析";
  }
}

}  // namespace

void canonicalize_names(pugi::xml_document& doc) {
  Scope scope;
  pugi::xml_node node = doc.first_child();
  int depth = 1;
  while (node) {
    if (node.type() == pugi::node_element) {
      for (pugi::xml_attribute a : node.attributes()) {
        const char* n = a.name();
        if (n[0] != 'x' || std::strncmp(n, "xmlns", 5) != 0) continue;
        if (n[5] == '\0') scope.bind("", canonical_prefix(a.value()), depth);
        else if (n[5] == ':') scope.bind(n + 6, canonical_prefix(a.value()), depth);
      }
      if (scope.renaming()) {
        canonicalise(scope, node, false);
        for (pugi::xml_attribute a : node.attributes()) {
          if (std::strncmp(a.name(), "xmlns", 5) == 0) continue;
          canonicalise(scope, a, true);
        }
      }
      if (pugi::xml_node first = node.first_child()) {
        node = first;
        ++depth;
        continue;
      }
    }
    for (;;) {
      scope.leave(depth);
      if (pugi::xml_node next = node.next_sibling()) {
        node = next;
        break;
      }
      node = node.parent();
      if (--depth == 0) {
        node = {};
        break;
      }
    }
  }
}

pugi::xml_node after_subtree(pugi::xml_node node, const pugi::xml_node& root) {
  while (node && node != root) {
    if (pugi::xml_node next = node.next_sibling()) return next;
    node = node.parent();
  }
  return {};
}

pugi::xml_node child(const pugi::xml_node& node, const char* canonical) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (is(c, canonical)) return c;
  return {};
}

std::optional<std::string> val(const pugi::xml_node& node) {
  if (!node) return std::nullopt;
  pugi::xml_attribute a = node.attribute("w:val");
  if (!a) return std::nullopt;
  return std::string(a.value());
}

namespace {

// Whether namespaces are declared anywhere below the root element: scanned in the text before
// parsing, a memchr-speed search. (A mention of "xmlns" in the text only costs the full walk.)
bool declarations_below_root(const std::string& xml) {
  std::size_t at = 0;
  while ((at = xml.find('<', at)) != std::string::npos && at + 1 < xml.size() &&
         (xml[at + 1] == '?' || xml[at + 1] == '!'))
    ++at;
  if (at == std::string::npos) return true;
  std::size_t root_end = xml.find('>', at);
  return root_end == std::string::npos || xml.find("xmlns", root_end) != std::string::npos;
}

// Whether the root's own declarations rename anything.
bool root_renames(const pugi::xml_node& root) {
  std::vector<std::pair<std::string_view, std::string_view>> declarations;
  for (pugi::xml_attribute a : root.attributes()) {
    const char* n = a.name();
    if (std::strncmp(n, "xmlns", 5) != 0) continue;
    if (n[5] == '\0') declarations.emplace_back("", a.value());
    else if (n[5] == ':') declarations.emplace_back(n + 6, a.value());
  }
  return !root_keeps_names(root.name(), declarations);
}

}  // namespace

bool root_keeps_names(std::string_view name,
                      const std::vector<std::pair<std::string_view, std::string_view>>& declarations) {
  Scope scope;
  for (const auto& [prefix, uri] : declarations) scope.bind(prefix, canonical_prefix(uri), 1);
  std::size_t colon = name.find(':');
  std::string_view prefix = colon == std::string_view::npos ? std::string_view() : name.substr(0, colon);
  return !scope.renaming() && prefix == scope.resolve(prefix);
}

Expected<std::unique_ptr<ParsedPart>> parse_part(std::string xml, const std::string& part_name, bool canonical) {
  // Asked of the text before it is parsed in place (which rewrites it), and only where names
  // are to be made canonical: a workbook's parts are read as written.
  const bool nested_declarations = canonical && declarations_below_root(xml);
  auto part = std::make_unique<ParsedPart>();
  part->text = std::move(xml);
  // No parse_doctype: a DTD is skipped, never expanded; pugixml knows no custom entities.
  unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single;
  // Parsing in place rewrites the text as it goes, but not its line breaks before the error:
  // line and column are counted in what is left.
  pugi::xml_parse_result r = part->doc.load_buffer_inplace(part->text.data(), part->text.size(), options);
  if (!r) {
    const std::string& xml = part->text;
    std::size_t line = 1, col = 1;
    std::size_t end = std::min<std::size_t>(static_cast<std::size_t>(r.offset), xml.size());
    for (std::size_t i = 0; i < end; ++i) {
      if (xml[i] == '\n') {
        ++line;
        col = 1;
      } else if ((static_cast<unsigned char>(xml[i]) & 0xc0) != 0x80) {
        ++col;
      }
    }
    std::string where = std::to_string(line), column = std::to_string(col);
    std::string why_zh = describe_zh(r.status);
    return Error{ErrorKind::bad_xml,
                 {part_name + " 第 " + where + " 行第 " + column + " 列的 XML 格式错误（" +
                      why_zh + "）：文件已损坏，请用 Word 或 WPS 打开后重新保存",
                  "malformed XML in " + part_name + " at line " + where + ", column " + column +
                      " (" + r.description() + "): the file is damaged; open it in Word or WPS "
                      "and save it again"}};
  }
  // Nearly every document binds the canonical prefixes once, at the root: then no name
  // changes and the walk over every element is skipped.
  if (canonical && (nested_declarations || root_renames(part->doc.document_element()))) canonicalize_names(part->doc);
  return part;
}

}  // namespace jixiao::ooxml
