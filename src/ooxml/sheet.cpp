// A sheet part's rows, cells and merged ranges, read two ways into one SheetSink: the scanner, in
// one pass over the text without a tree (a sheet's tree cost more to build and walk than the
// rest of reading the workbook), and the tree walk for what the scanner gives up on. Elements
// are matched by their local names as written, both ways alike.
#include "ooxml/sheet.hpp"

#include <cstring>
#include <vector>

#include "ooxml/lex.hpp"

namespace jixiao::ooxml {
namespace {

using namespace lex;  // Cursor, GiveUp and the character classes

// A name's local part: after the first colon, as the tree reader's named() has it.
[[gnu::always_inline]] inline std::string_view local(std::string_view name) {
  for (std::size_t i = 0; i < name.size(); ++i)
    if (name[i] == ':') return name.substr(i + 1);
  return name;
}

// A child element just started: its name as written, its local part, whether it closed itself.
struct Child {
  std::string_view name, local;
  bool empty;
};

class SheetScanner : public Cursor {
public:
  SheetScanner(std::string_view xml, SheetSink* sink) : Cursor(xml), sink_(sink) {}

  void read() {
    bool data = false, merges = false;  // the first of each is read, as the tree reader reads it
    each_root_child([&](const Child& c) {
      if (!data && c.local == "sheetData") {
        data = true;
        if (!c.empty) children(c.name, [&](const Child& row) { read_row(row); });
      } else if (!merges && c.local == "mergeCells") {
        merges = true;
        if (!c.empty) children(c.name, [&](const Child& m) { read_merge(m); });
      } else {
        skip(c);
      }
    });
  }

  // The shared strings part: each x:si's text, in order.
  void read_strings(std::vector<std::string>& out) {
    each_root_child([&](const Child& c) {
      if (c.local != "si") return skip(c);
      out.emplace_back();
      item_text(c, out.back());
    });
  }

private:
  // The whole part: each child of its root (whatever the root is named, as the tree reader
  // takes it), then nothing but spaces.
  template <class F>
  void each_root_child(F&& f) {
    std::string_view root;
    bool empty = false;
    p_ = attributes<false>(name(open(), root), empty, false);
    if (!empty) children(root, f);
    close();
  }

  // Each child of the element `open`, its start tag read (the attributes of x:c, x:row and
  // x:mergeCell kept in attrs_): `f` reads or skips it, leaving the cursor after its end. Text
  // between children is passed over, as the tree reader passes over it.
  template <class F>
  void children(std::string_view open, F&& f) {
    for (;;) {
      const char* p = next_tag(p_);
      if (*p == '/') {
        p_ = closing(p + 1, open);
        return;
      }
      if (*p == '!' || *p == '?') throw GiveUp{};  // a comment, CDATA or a processing instruction
      Child c;
      p = name(p, c.name);
      c.local = local(c.name);
      // Attributes are kept only where they are read (most elements of a sheet are c and row).
      const bool keep = c.local == "c" || c.local == "row" || c.local == "mergeCell";
      p_ = keep ? attributes<true>(p, c.empty, false) : attributes<false>(p, c.empty, false);
      f(c);
    }
  }

  void skip(const Child& c) {
    if (!c.empty) p_ = skip_subtree(p_, c.name);
  }

  // A number written in plain digits (what the tree's as_int reads alike); else gives up.
  static long digits(std::string_view v) {
    if (v.empty() || v.size() > 9) throw GiveUp{};
    long n = 0;
    for (char c : v) {
      if (c < '0' || c > '9') throw GiveUp{};
      n = n * 10 + (c - '0');
    }
    return n;
  }

  void read_row(const Child& row) {
    if (row.local != "row") return skip(row);
    const Attribute* r = kept_attribute("r");
    if (!sink_->row(r != nullptr, r ? digits(r->value) : 0)) throw GiveUp{};
    if (!row.empty)
      children(row.name, [&](const Child& c) {
        if (c.local == "c") read_cell(c);
        else skip(c);
      });
  }

  void read_cell(const Child& cell) {
    cell_.has_r = cell_.has_value = cell_.has_formula = false;
    cell_.r = cell_.type = {};
    cell_.style = 0;
    cell_.value.clear();
    cell_.inline_text.clear();
    if (const Attribute* r = kept_attribute("r")) {
      cell_.has_r = true;
      cell_.r = r->value;
    }
    if (const Attribute* t = kept_attribute("t")) cell_.type = t->value;
    if (const Attribute* s = kept_attribute("s")) cell_.style = static_cast<int>(digits(s->value));
    bool has_inline = false;
    if (!cell.empty)
      children(cell.name, [&](const Child& c) {
        if (!cell_.has_value && c.local == "v") {
          cell_.has_value = true;
          element_text(c.name, c.empty, &cell_.value);
        } else if (!has_inline && c.local == "is") {
          has_inline = true;
          if (cell_.type == "inlineStr") item_text(c, cell_.inline_text);
          else skip(c);
        } else {
          cell_.has_formula = cell_.has_formula || c.local == "f";
          skip(c);
        }
      });
    if (!sink_->cell(cell_)) throw GiveUp{};
  }

  // A string item's text: its own x:t, or each run's first x:t (phonetic guides left out).
  void item_text(const Child& item, std::string& out) {
    if (item.empty) return;
    children(item.name, [&](const Child& c) {
      if (c.local == "t") return element_text(c.name, c.empty, &out);
      if (c.local != "r" || c.empty) return skip(c);
      bool first = true;
      children(c.name, [&](const Child& t) {
        if (first && t.local == "t") {
          first = false;
          element_text(t.name, t.empty, &out);
        } else {
          skip(t);
        }
      });
    });
  }

  void read_merge(const Child& m) {
    if (m.local == "mergeCell") {
      const Attribute* ref = kept_attribute("ref");
      if (!sink_->merge(ref ? ref->value : std::string_view())) throw GiveUp{};
    }
    skip(m);
  }

  SheetSink* sink_;  // none for the shared strings
  CellXml cell_;  // reused from cell to cell: its strings keep their room
};

}  // namespace

bool scan_sheet(std::string_view xml, SheetSink& sink) {
  try {
    SheetScanner(xml, &sink).read();
    return true;
  } catch (const GiveUp&) {
    return false;
  }
}

bool scan_strings(std::string_view xml, std::vector<std::string>& out) {
  try {
    SheetScanner(xml, nullptr).read_strings(out);
    return true;
  } catch (const GiveUp&) {
    out.clear();
    return false;
  }
}

// --- The tree -------------------------------------------------------------------------------

// SpreadsheetML names compared by their local part, as written (whatever prefix the writer bound:
// usually none): a pass renaming every element of a sheet cost more than parsing it.
// Read in place, without measuring the name first: this is asked of every element of a sheet.
bool named(const pugi::xml_node& n, std::string_view local) {
  const char* name = n.name();
  std::size_t i = 0;
  while (i < local.size() && name[i] == local[i]) ++i;
  if (i == local.size() && name[i] == '\0') return true;  // unprefixed, as most writers leave it
  const char* colon = std::strchr(name, ':');
  if (!colon) return false;
  const char* rest = colon + 1;
  for (i = 0; i < local.size(); ++i)
    if (rest[i] != local[i]) return false;
  return rest[i] == '\0';
}

// Children are walked sibling to sibling (one call a step: children()'s range took four), the
// name asked first (text has none) and the kind only of a match.
pugi::xml_node first(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (named(c, local) && c.type() == pugi::node_element) return c;
  return {};
}

// A string item's text: its own x:t, or its runs' (phonetic guides, x:rPh, left out).
std::string item_text(const pugi::xml_node& item) {
  std::string out;
  for (pugi::xml_node n = item.first_child(); n; n = n.next_sibling()) {
    if (named(n, "t")) out += n.child_value();
    else if (named(n, "r")) out += first(n, "t").child_value();
  }
  return out;
}

namespace {

// A cell element of the tree as the scanner hands one on.
void cell_xml(const pugi::xml_node& c, CellXml& out) {
  out = CellXml{};
  bool typed = false, styled = false;
  for (pugi::xml_attribute a = c.first_attribute(); a; a = a.next_attribute()) {
    const char* name = a.name();
    if (name[0] == 'r' && name[1] == '\0' && !out.has_r) {
      out.has_r = true;
      out.r = a.value();
    } else if (name[0] == 't' && name[1] == '\0' && !typed) {
      typed = true;
      out.type = a.value();
    } else if (name[0] == 's' && name[1] == '\0' && !styled) {
      styled = true;
      out.style = a.as_int(0);
    }
  }
  pugi::xml_node inline_string;
  for (pugi::xml_node n = c.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_element) continue;
    if (!out.has_value && named(n, "v")) {
      out.has_value = true;
      out.value = n.child_value();
    } else if (!inline_string && named(n, "is")) {
      inline_string = n;
    } else if (named(n, "f")) {
      out.has_formula = true;
    }
  }
  if (out.type == "inlineStr") out.inline_text = item_text(inline_string);
}

}  // namespace

// The tree's rows, cells and merged ranges, in the order of the text.
void walk_sheet(const pugi::xml_node& root, SheetSink& grid) {
  CellXml cell;
  for (pugi::xml_node r = first(root, "sheetData").first_child(); r; r = r.next_sibling()) {
    if (!named(r, "row")) continue;
    const pugi::xml_attribute number = r.attribute("r");
    if (!grid.row(bool(number), number.as_int(0))) return;
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
      if (!named(c, "c")) continue;
      cell_xml(c, cell);
      if (!grid.cell(cell)) return;
    }
  }
  for (pugi::xml_node m : first(root, "mergeCells").children())
    if (named(m, "mergeCell") && !grid.merge(m.attribute("ref").value())) return;
}

}  // namespace jixiao::ooxml
