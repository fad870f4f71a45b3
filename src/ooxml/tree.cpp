// The tree: a parsed, canonical pugixml document as a Source of elements for the one
// WordprocessingML handler (word.hpp). It serves every part the scanner gives up on; it knows
// XML's tree, not Word.
#include "ooxml/package.hpp"
#include "ooxml/word.hpp"
#include "ooxml/xml.hpp"

namespace jixiao::ooxml {
namespace {

class Tree {
public:
  struct Element {
    pugi::xml_node node;
    std::string_view name;
    Tag tag = Tag::other;
    bool empty = false;
  };

  static Element element(pugi::xml_node node) {
    return {node, node.name(), tag_of(node.name()), !node.first_child()};
  }

  template <class F>
  void each_child(const Element& e, F&& f) {
    for (pugi::xml_node c = e.node.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element) f(element(c));
  }

  void skip(const Element&) {}

  std::optional<std::string_view> attribute(const Element& e, const char* name) const {
    pugi::xml_attribute a = e.node.attribute(name);
    if (!a) return std::nullopt;
    return std::string_view(a.value());
  }

  bool has_child(const Element& e, const char* name) const { return bool(child(e.node, name)); }

  void text(const Element& e, std::string* out) const {
    if (!out) return;
    for (pugi::xml_node t = e.node.first_child(); t; t = t.next_sibling())
      if (t.type() == pugi::node_pcdata || t.type() == pugi::node_cdata) *out += t.value();
  }
};

}  // namespace

Body read_blocks(const pugi::xml_document& document, const ReadLimits& limits) {
  Tree tree;
  WordHandler<Tree> handler(tree, limits);
  return handler.read(Tree::element(document.document_element()));
}

Expected<Body> read_document_part(std::string_view xml, const std::string& part, const ReadLimits& limits) {
  if (auto body = read_blocks_streaming(xml, limits)) return std::move(*body);
  auto doc = parse_part(std::string(xml), part);
  if (!doc) return doc.error();
  pugi::xml_node root = (*doc)->doc.document_element();
  if (is(root, "w2003:wordDocument")) return word2003_xml_error();
  if (!is(root, "w:document"))
    return no_main_part(part + " 不是 Word 正文（根元素为 " + root.name() + "）",
                        part + " is not a WordprocessingML document (its root is " + root.name() + ")");
  return read_blocks((*doc)->doc, limits);
}

}  // namespace jixiao::ooxml
