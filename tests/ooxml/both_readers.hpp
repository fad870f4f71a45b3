#pragma once
// The handler's two sources side by side: the scanner over the text and the tree (parse,
// canonicalise, walk). Both feed the one handler (ooxml/word.hpp); tests hold the sources to
// the same blocks, byte for byte.
#include <optional>
#include <string>

#include "jixiao/blocks.hpp"
#include "jixiao/pipeline.hpp"
#include "ooxml/reader.hpp"
#include "ooxml/xml.hpp"

namespace jixiao::test {

inline void dump_table(std::string& out, const ooxml::Table& t, const std::string& indent) {
  out += indent + "table " + std::to_string(t.index) + " columns " + std::to_string(t.columns) + "\n";
  for (int r = 0; r < t.rows; ++r) {
    for (int col = 0; col < t.columns; ++col) {
      const ooxml::Cell& c = t.at(r, col);
      out += indent + " cell " + std::to_string(static_cast<int>(c.role)) + " " +
             std::to_string(c.origin_row) + "," + std::to_string(c.origin_col) + " span " +
             std::to_string(c.row_span) + "x" + std::to_string(c.col_span) + " [" + std::string(c.text) + "]\n";
      for (const ooxml::Table& n : c.nested) dump_table(out, n, indent + "  ");
    }
    out += indent + " /row\n";
  }
}

// Everything a Body holds, as text: two bodies are the same when their dumps are.
inline std::string dump(const ooxml::Body& b) {
  std::string out;
  for (const ooxml::Block& block : b.blocks) {
    if (block.kind == ooxml::Block::Kind::paragraph)
      out += "p style [" + block.paragraph.style + "] outline " +
             std::to_string(block.paragraph.outline_level) + " [" + block.paragraph.text + "]\n";
    else
      dump_table(out, block.table, "");
  }
  for (const ooxml::Notice& n : b.notices)
    out += "notice " + std::to_string(n.table) + ":" + std::to_string(n.row) + " " + n.message.en + "\n";
  return out;
}

// The blocks through the tree source, or the parser's error message.
inline std::string tree_dump(const std::string& xml, const ReadLimits& limits = {}) {
  auto doc = ooxml::parse_part(xml, "word/document.xml");
  if (!doc) return "error " + doc.error().message.en;
  return dump(ooxml::read_blocks((*doc)->doc, limits));
}

// The blocks through the scanner; nothing when it gave the part to the tree.
inline std::optional<std::string> stream_dump(const std::string& xml, const ReadLimits& limits = {}) {
  auto body = ooxml::read_blocks_streaming(xml, limits);
  if (!body) return std::nullopt;
  return dump(*body);
}

}  // namespace jixiao::test
