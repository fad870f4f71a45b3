// The streaming reader: WordprocessingML text straight to blocks, in one pass, without a tree.
// It gives exactly what parsing, normalising and reading the tree gives (the differential tests
// hold it to that), and gives up, returning null, on anything it was not built for.
#include <algorithm>
#include <array>
#include <cstring>

#include "ooxml/reader.hpp"
#include "ooxml/xml.hpp"
#include "util/text.hpp"

namespace jixiao::ooxml {
namespace {

// The element names the reader acts on; everything else is `other`.
enum class Tag : std::uint8_t {
  other, body, p, t, tbl, tr, tc, pPr, trPr, tcPr, tblGrid, gridCol, gridBefore,
  gridAfter, gridSpan, vMerge, hMerge, pStyle, outlineLvl, altChunk, tab, br, hyphen, sym,
  fldChar, not_text,  // pPr is not text either, but is read on a body paragraph
  unwrap,             // sdt, sdtContent, smartTag, customXml, hyperlink, fldSimple, ins, moveTo,
                      // dir, bdo, mc:Choice, mc:Fallback: their content stands in their place
  remove,             // sdtPr, sdtEndPr, smartTagPr, customXmlPr, moveFrom: gone with content
  del,                // removed too, and on a row's properties it deletes the row
  alternate,          // mc:AlternateContent: its mc:Fallback stands in its place, else its
                      // first mc:Choice
};

struct Name {
  std::string_view local;
  Tag tag;
};

constexpr Name kWordNames[] = {
    {"p", Tag::p},
    {"t", Tag::t},
    {"tr", Tag::tr},
    {"tc", Tag::tc},
    {"br", Tag::br},
    {"cr", Tag::br},
    {"rt", Tag::not_text},
    {"tbl", Tag::tbl},
    {"pPr", Tag::pPr},
    {"rPr", Tag::not_text},
    {"tab", Tag::tab},
    {"sym", Tag::sym},
    {"del", Tag::del},
    {"ins", Tag::unwrap},
    {"sdt", Tag::unwrap},
    {"dir", Tag::unwrap},
    {"bdo", Tag::unwrap},
    {"body", Tag::body},
    {"trPr", Tag::trPr},
    {"tcPr", Tag::tcPr},
    {"ptab", Tag::tab},
    {"pict", Tag::not_text},
    {"sdtPr", Tag::remove},
    {"pStyle", Tag::pStyle},
    {"vMerge", Tag::vMerge},
    {"hMerge", Tag::hMerge},
    {"object", Tag::not_text},
    {"moveTo", Tag::unwrap},
    {"gridCol", Tag::gridCol},
    {"tblGrid", Tag::tblGrid},
    {"drawing", Tag::not_text},
    {"fldChar", Tag::fldChar},
    {"fldData", Tag::not_text},
    {"delText", Tag::not_text},
    {"gridSpan", Tag::gridSpan},
    {"altChunk", Tag::altChunk},
    {"smartTag", Tag::unwrap},
    {"sdtEndPr", Tag::remove},
    {"moveFrom", Tag::remove},
    {"gridAfter", Tag::gridAfter},
    {"instrText", Tag::not_text},
    {"customXml", Tag::unwrap},
    {"hyperlink", Tag::unwrap},
    {"fldSimple", Tag::unwrap},
    {"gridBefore", Tag::gridBefore},
    {"outlineLvl", Tag::outlineLvl},
    {"sdtContent", Tag::unwrap},
    {"smartTagPr", Tag::remove},
    {"customXmlPr", Tag::remove},
    {"delInstrText", Tag::not_text},
    {"noBreakHyphen", Tag::hyphen},
};

// A slot for a name from its length and its first, second and last letters; kWordSlots holds
// each known name in its slot, so that a name is found with one comparison. (That no two known
// names share a slot is checked when compiling, below.)
constexpr std::size_t slot_of(std::string_view n) {
  unsigned second = n.size() > 1 ? static_cast<unsigned char>(n[1]) : 0;
  return (n.size() + static_cast<unsigned char>(n[0]) * 3u + static_cast<unsigned char>(n[n.size() - 1]) * 9u +
          second * 8u) & 255u;
}

struct Slots {
  const Name* slot[256] = {};
  bool distinct = true;
};

constexpr Slots make_slots() {
  Slots s;
  for (const Name& n : kWordNames) {
    std::size_t k = slot_of(n.local);
    if (s.slot[k]) s.distinct = false;
    s.slot[k] = &n;
  }
  return s;
}

constexpr Slots kWordSlots = make_slots();
static_assert(kWordSlots.distinct, "two of Word's names share a slot: change slot_of");

// Whether an end tag's name is its start tag's: names are short, compared here without a call.
inline bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

Tag word_tag(std::string_view n) {
  if (n.empty()) return Tag::other;
  const Name* k = kWordSlots.slot[slot_of(n)];
  return k && same_name(k->local, n) ? k->tag : Tag::other;
}

// The elements whose attributes are read; the others' are only checked.
bool reads_attributes(Tag tag) {
  switch (tag) {
    case Tag::pStyle: case Tag::outlineLvl: case Tag::gridBefore: case Tag::gridAfter:
    case Tag::gridSpan: case Tag::vMerge: case Tag::hMerge: case Tag::sym: case Tag::fldChar:
      return true;
    default:
      return false;
  }
}

Tag tag_of(std::string_view name) {
  if (name.size() > 2 && name[0] == 'w' && name[1] == ':') return word_tag(name.substr(2));
  if (name.size() > 3 && name[0] == 'm' && name[1] == 'c' && name[2] == ':') {
    std::string_view local = name.substr(3);
    if (local == "AlternateContent") return Tag::alternate;
    if (local == "Choice" || local == "Fallback") return Tag::unwrap;
  }
  return Tag::other;
}

// What an open element is to the reader. Children of an unwrapped element belong to the
// context of the element it stands in.
enum class Ctx : std::uint8_t {
  skip, root, body, para_top, para_cell, para_inner, text, ppr, tbl, grid, tr,
  trpr,      // the row's first w:trPr, read for gridBefore and gridAfter
  trpr_raw,  // the row's first w:trPr written as its own child, when that is another: only a
             // w:del in it matters (it deletes the row)
  tc, tcpr, unwrapped,
  alternate,  // mc:AlternateContent: one child stands in its place
};

struct Frame {
  // Every member set here, one by one: a frame is made for nearly every element read.
  Frame(std::string_view n, Ctx c)
      : name(n), table(nullptr), owner(0), row(0), depth(0), ctx(c), seen_props(false),
        first_raw_trpr(false), seen_a(false), seen_b(false), seen_c(false), deleted(false),
        has_fallback(false) {}
  std::string_view name;
  RawTable* table;          // tbl and everything in it: the table being read
  std::uint32_t owner;      // the frame whose context this element's children belong to
  std::uint32_t row;        // trpr, trpr_raw: the row's frame
  std::int32_t depth;       // tbl, tr, tc: nesting depth of the table, 1 at the body
  Ctx ctx;
  bool seen_props : 1;      // para_top: its w:pPr; tr: its w:trPr; tc: its w:tcPr; tbl: its
                            // w:tblGrid; root: its w:body
  bool first_raw_trpr : 1;  // tr: a w:trPr was its own child; trpr: it was the first
  bool seen_a : 1, seen_b : 1, seen_c : 1;  // the first of each property read;
                                            // tc: seen_a, a paragraph was read
  bool deleted : 1;         // tr: its properties mark it deleted
  bool has_fallback : 1;    // alternate: an mc:Fallback is among its children
};

struct Attribute {
  std::string_view name, value;
};

// Character classes, as pugixml has them: what may start a name, continue one, or space.
enum : std::uint8_t { kNameStart = 1, kName = 2, kSpace = 4 };
constexpr std::array<std::uint8_t, 256> kClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
    bool name = start || (c >= '0' && c <= '9') || c == '-' || c == '.';
    t[c] = static_cast<std::uint8_t>((start ? kNameStart : 0) | (name ? kName : 0) |
                                     ((c == ' ' || c == '\t' || c == '\n' || c == '\r') ? kSpace : 0));
  }
  return t;
}();
inline bool name_start(unsigned char c) { return kClass[c] & kNameStart; }
inline bool space(char c) { return kClass[static_cast<unsigned char>(c)] & kSpace; }


struct GiveUp {};  // thrown to abandon the stream: the tree reader takes over

class StreamReader {
public:
  StreamReader(std::string_view xml, const ReadLimits& limits)
      : s_(xml.data()), end_(xml.data() + xml.size()), limits_(limits), placer_(limits, body_) {}

  Body read() {
    if (std::memchr(s_, '\0', static_cast<std::size_t>(end_ - s_))) throw GiveUp{};
    // Only spaces may follow the root's end tag: the text read ends at its '>', which then
    // stops every scan for a name or for spaces without a bounds check of its own.
    while (end_ > s_ && space(end_[-1])) --end_;
    if (end_ == s_ || end_[-1] != '>') throw GiveUp{};
    prolog();
    frames_.reserve(64);
    const char* p = s_;
    bool closed_root = false;
    while (!closed_root) {
      const char* lt = p;
      p = next_tag(p);
      if (text_sink_ && frames_.back().ctx == Ctx::text) text(lt, p - 1);
      if (*p == '/') {
        p = end_tag(p + 1);
        closed_root = frames_.empty();
      } else if (*p == '!' || *p == '?') {
        throw GiveUp{};  // a comment, CDATA, a DOCTYPE or a processing instruction
      } else {
        p = start_tag(p);
        closed_root = frames_.empty();
      }
    }
    for (; p < end_; ++p)
      if (!space(*p)) throw GiveUp{};
    return std::move(body_);
  }

private:
  // An optional BOM and XML declaration (in UTF-8), then the root: nothing else is taken.
  void prolog() {
    if (end_ - s_ >= 3 && std::memcmp(s_, "\xEF\xBB\xBF", 3) == 0) s_ += 3;
    if (end_ - s_ >= 5 && std::memcmp(s_, "<?xml", 5) == 0 && (end_ - s_ > 5 && space(s_[5]))) {
      std::string_view rest(s_, static_cast<std::size_t>(end_ - s_));
      std::size_t close = rest.find("?>");
      if (close == std::string_view::npos) throw GiveUp{};
      std::string_view decl = rest.substr(0, close);
      std::size_t enc = decl.find("encoding");
      if (enc != std::string_view::npos) {
        std::string_view e = decl.substr(enc + 8);
        std::size_t q = e.find_first_of("\"'");
        if (q == std::string_view::npos || e.size() < q + 6) throw GiveUp{};
        std::string_view v = e.substr(q + 1, 6);
        if (!(v == "UTF-8\"" || v == "UTF-8'" || v == "utf-8\"" || v == "utf-8'")) throw GiveUp{};
      }
      s_ += close + 2;
    }
    while (s_ < end_ && space(*s_)) ++s_;
    if (end_ - s_ < 2 || s_[0] != '<' || !name_start(static_cast<unsigned char>(s_[1]))) throw GiveUp{};
  }

  const char* name(const char* p, std::string_view& out) const {
    const char* start = p;
    if (p >= end_ || !name_start(static_cast<unsigned char>(*p))) throw GiveUp{};
    while (kClass[static_cast<unsigned char>(*p)] & kName) ++p;  // stops at the final '>' 
    out = std::string_view(start, static_cast<std::size_t>(p - start));
    return p;
  }

  // The rest of an end tag, after "</", which must close `open`; the position after its '>'.
  const char* closing(const char* p, std::string_view open) const {
    // The name is compared as it was opened, byte for byte, and must end where that one does.
    if (static_cast<std::size_t>(end_ - p) <= open.size()) throw GiveUp{};
    for (std::size_t i = 0; i < open.size(); ++i)
      if (p[i] != open[i]) throw GiveUp{};
    p += open.size();
    if (kClass[static_cast<unsigned char>(*p)] & kName) throw GiveUp{};
    while (space(*p)) ++p;  // stops at the final '>' at the latest
    if (*p != '>') throw GiveUp{};
    return p + 1;
  }

  const char* end_tag(const char* p) {
    if (frames_.empty()) throw GiveUp{};
    p = closing(p, frames_.back().name);
    close(frames_.size() - 1);
    frames_.pop_back();
    return p;
  }

  // The position after the next '<'.
  const char* next_tag(const char* p) const {
    const char* lt = (p < end_ && *p == '<')
                         ? p
                         : static_cast<const char*>(std::memchr(p, '<', static_cast<std::size_t>(end_ - p)));
    if (!lt || lt + 1 >= end_) throw GiveUp{};  // the root never closes
    return lt + 1;
  }

  // An element nothing is read from, from after its start tag to after its end tag: only
  // checked to be well-formed, as the tree reader would check it.
  const char* skip_subtree(const char* p, std::string_view outer) {
    skipped_.clear();
    skipped_.push_back(outer);
    for (;;) {
      p = next_tag(p);
      std::string_view n;
      if (*p == '/') {
        p = closing(p + 1, skipped_.back());
        skipped_.pop_back();
        if (skipped_.empty()) return p;
        continue;
      }
      if (*p == '!' || *p == '?') throw GiveUp{};
      p = name(p, n);
      bool empty = false;
      p = attributes<false>(p, empty, false);
      if (!empty) skipped_.push_back(n);
    }
  }

  // Attributes (into attrs_ when Keep); the position after the tag, and whether it closed itself.
  template <bool Keep = true>
  const char* attributes(const char* p, bool& empty, bool check_declarations) {
    if (Keep) attrs_.clear();
    for (;;) {
      bool spaced = false;
      while (space(*p)) {
        ++p;
        spaced = true;
      }
      if (p >= end_) throw GiveUp{};
      if (*p == '>') {
        empty = false;
        return p + 1;
      }
      if (*p == '/') {
        if (p + 1 >= end_ || p[1] != '>') throw GiveUp{};
        empty = true;
        return p + 2;
      }
      if (!spaced) throw GiveUp{};
      std::string_view n;
      p = name(p, n);
      while (space(*p)) ++p;
      if (p >= end_ || *p != '=') throw GiveUp{};
      ++p;
      while (space(*p)) ++p;
      if (p >= end_ || (*p != '"' && *p != '\'')) throw GiveUp{};
      // The value, up to its closing quote; a '<' in it is not well-formed.
      const char quote = *p;
      const char* q = p + 1;
      while (q < end_ && *q != quote && *q != '<') ++q;
      if (q >= end_ || *q != quote) throw GiveUp{};
      std::string_view v(p + 1, static_cast<std::size_t>(q - p - 1));
      if (check_declarations && n.size() >= 5 && n[0] == 'x' && n[1] == 'm' && n[2] == 'l' && n[3] == 'n' && n[4] == 's')
        throw GiveUp{};
      if (Keep) attrs_.push_back({n, v});
      p = q + 1;
    }
  }

  // A w: attribute's value, as written; only plain values are taken (no references or
  // line breaks, which the tree reader would rewrite).
  std::optional<std::string_view> attribute(std::string_view name) const {
    for (const Attribute& a : attrs_)
      if (a.name == name) {
        for (char c : a.value)
          if (c == '&' || c == '\t' || c == '\n' || c == '\r') throw GiveUp{};
        return a.value;
      }
    return std::nullopt;
  }

  int int_attribute(int fallback) const {
    auto v = attribute("w:val");
    if (!v) return fallback;
    return int_value(std::string(*v).c_str(), fallback);
  }

  const char* start_tag(const char* p) {
    std::string_view n;
    p = name(p, n);
    if (frames_.empty()) return root(p, n);
    const std::uint32_t parent = static_cast<std::uint32_t>(frames_.size() - 1);
    const std::uint32_t owner = frames_[parent].owner;
    const Ctx context = frames_[owner].ctx;
    bool empty = false;
    if (context == Ctx::text) throw GiveUp{};  // markup inside w:t: the tree keeps its text otherwise
    Tag tag = tag_of(n);
    p = reads_attributes(tag) ? attributes<true>(p, empty, true) : attributes<false>(p, empty, true);
    Frame f(n, Ctx::skip);
    if (frames_[parent].ctx == Ctx::alternate) {
      // The kept child's content stands in the place of mc:AlternateContent; the others go.
      Frame& alt = frames_[parent];
      bool keep = !alt.seen_a && (alt.has_fallback ? n == "mc:Fallback" : n == "mc:Choice");
      if (keep) alt.seen_a = true;
      f.ctx = keep ? Ctx::unwrapped : Ctx::skip;
    } else switch (tag) {
      case Tag::alternate:
        f.ctx = Ctx::alternate;
        f.has_fallback = !empty && fallback_follows(p);
        break;
      case Tag::unwrap: f.ctx = Ctx::unwrapped; break;
      case Tag::remove: break;
      case Tag::del:
        if (frames_[parent].first_raw_trpr &&
            (frames_[parent].ctx == Ctx::trpr || frames_[parent].ctx == Ctx::trpr_raw))
          frames_[frames_[parent].row].deleted = true;
        break;
      default: f.ctx = child_context(owner, parent, tag, f); break;
    }
    if (f.ctx == Ctx::skip) return empty ? p : skip_subtree(p, n);
    if (f.ctx == Ctx::text && !empty) {
      // The usual run text, <w:t>characters</w:t>, is read here without a frame of its own.
      const char* lt = static_cast<const char*>(std::memchr(p, '<', static_cast<std::size_t>(end_ - p)));
      if (lt && end_ - lt >= 6 && std::memcmp(lt, "</w:t", 5) == 0) {
        const char* q = lt + 5;
        while (space(*q)) ++q;  // stops at the final '>' at the latest
        if (*q == '>') {
          text(p, lt);
          return q + 1;
        }
      }
    }
    f.owner = (f.ctx == Ctx::unwrapped || f.ctx == Ctx::alternate) ? owner : static_cast<std::uint32_t>(frames_.size());
    frames_.push_back(f);
    opened(frames_.size() - 1);
    if (empty) {
      close(frames_.size() - 1);
      frames_.pop_back();
    }
    return p;
  }

  // Whether the element whose content starts at `p` has an mc:Fallback child: read ahead to its
  // end tag, which the main pass then reads again.
  bool fallback_follows(const char* p) {
    int depth = 0;
    for (;;) {
      p = next_tag(p);
      std::string_view n;
      if (*p == '/') {
        p = name(p + 1, n);
        if (--depth < 0) return false;
        continue;
      }
      if (*p == '!' || *p == '?') throw GiveUp{};
      p = name(p, n);
      if (depth == 0 && n == "mc:Fallback") return true;
      bool empty = false;
      p = attributes<false>(p, empty, false);
      if (!empty) ++depth;
    }
  }

  const char* root(const char* p, std::string_view n) {
    bool empty = false;
    p = attributes(p, empty, false);
    std::vector<std::pair<std::string_view, std::string_view>> declarations;
    for (const Attribute& a : attrs_) {
      if (a.name.substr(0, 5) != "xmlns") continue;
      if (a.value.find('&') != std::string_view::npos) throw GiveUp{};
      if (a.name.size() == 5) declarations.emplace_back("", a.value);
      else if (a.name[5] == ':') declarations.emplace_back(a.name.substr(6), a.value);
    }
    if (n != "w:document" || !root_keeps_names(n, declarations) || empty) throw GiveUp{};
    frames_.emplace_back(n, Ctx::root);
    return p;
  }

  Ctx child_context(std::uint32_t owner, std::uint32_t parent, Tag tag, Frame& f) {
    Frame& o = frames_[owner];
    f.table = o.table;  // inside a table, every element reads into it
    f.depth = o.depth;
    switch (o.ctx) {
      case Ctx::root:
        if (tag == Tag::body && !o.seen_props) {
          o.seen_props = true;
          return Ctx::body;
        }
        return Ctx::skip;
      case Ctx::body:
        if (tag == Tag::p) return Ctx::para_top;
        if (tag == Tag::tbl) {
          f.depth = 1;
          return Ctx::tbl;
        }
        if (tag == Tag::altChunk) alt_chunk_notice(placer_);
        return Ctx::skip;
      case Ctx::para_top:
      case Ctx::para_cell:
      case Ctx::para_inner:
        return in_paragraph(o, tag);
      case Ctx::ppr:
        if (tag == Tag::pStyle && !o.seen_a) {
          o.seen_a = true;
          paragraph_->style = std::string(attribute("w:val").value_or(""));
        } else if (tag == Tag::outlineLvl && !o.seen_b) {
          o.seen_b = true;
          paragraph_->outline_level = level_of_outline(int_attribute(9));
        }
        return Ctx::skip;
      case Ctx::tbl:
        if (tag == Tag::tblGrid && !o.seen_props) {
          o.seen_props = true;
          return Ctx::grid;
        }
        return tag == Tag::tr ? Ctx::tr : Ctx::skip;
      case Ctx::grid:
        if (tag == Tag::gridCol) ++o.table->grid;
        return Ctx::skip;
      case Ctx::tr:
        if (tag == Tag::trPr) {
          Frame& raw_parent = frames_[parent];
          if (parent == owner && !raw_parent.first_raw_trpr) {
            raw_parent.first_raw_trpr = true;
            f.first_raw_trpr = true;
          }
          f.row = owner;
          if (!o.seen_props) {
            o.seen_props = true;
            return Ctx::trpr;
          }
          return f.first_raw_trpr ? Ctx::trpr_raw : Ctx::skip;
        }
        return tag == Tag::tc ? Ctx::tc : Ctx::skip;
      case Ctx::trpr:
      case Ctx::trpr_raw:
        if (o.ctx == Ctx::trpr) {
          RawRow& row = o.table->rows.back();
          if (tag == Tag::gridBefore && !o.seen_a) {
            o.seen_a = true;
            row.before = int_attribute(0);
          } else if (tag == Tag::gridAfter && !o.seen_b) {
            o.seen_b = true;
            row.after = int_attribute(0);
          }
        }
        return Ctx::skip;
      case Ctx::tc:
        if (tag == Tag::tcPr && !o.seen_props) {
          o.seen_props = true;
          return Ctx::tcpr;
        }
        if (tag == Tag::p) return Ctx::para_cell;
        if (tag == Tag::tbl) {
          RawCell& cell = o.table->rows.back().cells.back();
          const int depth = o.depth;
          if (depth >= limits_.max_table_depth) {
            cell.nested.push_back(nullptr);
            return Ctx::skip;
          }
          f.depth = depth + 1;
          return Ctx::tbl;
        }
        return Ctx::skip;
      case Ctx::tcpr: {
        RawCell& cell = o.table->rows.back().cells.back();
        if (tag == Tag::gridSpan && !o.seen_a) {
          o.seen_a = true;
          cell.span = int_attribute(1);
        } else if (tag == Tag::vMerge && !o.seen_b) {
          o.seen_b = true;
          cell.vmerge = attribute("w:val").value_or("continue") == "restart" ? RawCell::restart : RawCell::cont;
        } else if (tag == Tag::hMerge && !o.seen_c) {
          o.seen_c = true;
          cell.h_continue = attribute("w:val").value_or("") == "continue";
        }
        return Ctx::skip;
      }
      default: return Ctx::skip;
    }
  }

  Ctx in_paragraph(Frame& o, Tag tag) {
    switch (tag) {
      case Tag::pPr:
        if (o.ctx == Ctx::para_top && !o.seen_props) {
          o.seen_props = true;
          return Ctx::ppr;
        }
        return Ctx::skip;
      case Tag::not_text: return Ctx::skip;
      case Tag::t: return Ctx::text;
      case Tag::tr: throw GiveUp{};  // a row inside a paragraph: the tree reader's business
      case Tag::tab: emit('\t'); break;
      case Tag::br: emit('\n'); break;
      case Tag::hyphen: emit('-'); break;
      case Tag::sym: {
        std::string code(attribute("w:char").value_or(""));
        char32_t c = static_cast<char32_t>(std::strtoul(code.c_str(), nullptr, 16));
        if (c && emitting()) text::append_utf8(*text_sink_, c);
        break;
      }
      case Tag::fldChar: {
        std::string_view type = attribute("w:fldCharType").value_or("");
        if (type == "begin") {
          fields_.push_back(false);
          ++unseparated_;
        } else if (type == "separate" && !fields_.empty()) {
          if (!fields_.back()) --unseparated_;
          fields_.back() = true;
        } else if (type == "end" && !fields_.empty()) {
          if (!fields_.back()) --unseparated_;
          fields_.pop_back();
        }
        break;
      }
      default: break;
    }
    return Ctx::para_inner;
  }

  bool emitting() const { return unseparated_ == 0; }
  void emit(char c) {
    if (emitting()) *text_sink_ += c;
  }

  void start_paragraph(std::string* sink) {
    text_sink_ = sink;
    fields_.clear();
    unseparated_ = 0;
  }

  // What opening an element starts.
  void opened(std::size_t at) {
    Frame& f = frames_[at];
    switch (f.ctx) {
      case Ctx::para_top: {
        Block b;
        body_.blocks.push_back(std::move(b));
        paragraph_ = &body_.blocks.back().paragraph;
        start_paragraph(&paragraph_->text);
        break;
      }
      case Ctx::para_cell: {
        RawCell& cell = f.table->rows.back().cells.back();
        Frame& cell_frame = frames_[frames_[at - 1].owner];
        if (cell_frame.seen_a) cell.text += '\n';
        cell_frame.seen_a = true;
        start_paragraph(&cell.text);
        break;
      }
      case Ctx::tbl:
        if (f.depth == 1) {
          top_table_ = std::make_unique<RawTable>();
          f.table = top_table_.get();
        } else {
          RawCell& cell = f.table->rows.back().cells.back();
          cell.nested.push_back(std::make_unique<RawTable>());
          f.table = cell.nested.back().get();
        }
        break;
      case Ctx::tr: {
        // Room for the cells the grid has (or the row above had), within reason.
        std::vector<RawRow>& rows = f.table->rows;
        std::size_t expected = f.table->grid > 0 ? static_cast<std::size_t>(f.table->grid)
                               : rows.empty() ? 4 : rows.back().cells.size();
        rows.emplace_back();
        rows.back().cells.reserve(std::min<std::size_t>(expected, 64));
        break;
      }
      case Ctx::tc:
        f.table->rows.back().cells.emplace_back();
        break;
      default: break;
    }
  }

  // What closing an element ends.
  void close(std::size_t at) {
    Frame& f = frames_[at];
    switch (f.ctx) {
      case Ctx::para_top:
      case Ctx::para_cell:
        text_sink_ = nullptr;
        break;
      case Ctx::tbl:
        if (f.depth == 1) {
          Block b;
          b.kind = Block::Kind::table;
          b.table = placer_.table(*top_table_, 1);
          body_.blocks.push_back(std::move(b));
          top_table_.reset();
        }
        break;
      case Ctx::tr:
        if (f.deleted) f.table->rows.pop_back();
        break;
      default: break;
    }
  }

  // Character data inside w:t, with the five entities and character references resolved.
  void text(const char* from, const char* to) {
    if (!emitting()) return;
    std::string& out = *text_sink_;
    while (from < to) {
      const char* amp = static_cast<const char*>(std::memchr(from, '&', static_cast<std::size_t>(to - from)));
      const char* stop = amp ? amp : to;
      if (std::memchr(from, '\r', static_cast<std::size_t>(stop - from))) throw GiveUp{};
      out.append(from, stop);
      if (!amp) return;
      const char* semi = static_cast<const char*>(std::memchr(amp, ';', static_cast<std::size_t>(to - amp)));
      if (!semi) throw GiveUp{};
      std::string_view ref(amp + 1, static_cast<std::size_t>(semi - amp - 1));
      if (ref == "lt") out += '<';
      else if (ref == "gt") out += '>';
      else if (ref == "amp") out += '&';
      else if (ref == "quot") out += '"';
      else if (ref == "apos") out += '\'';
      else out_char_reference(out, ref);
      from = semi + 1;
    }
  }

  static void out_char_reference(std::string& out, std::string_view ref) {
    if (ref.size() < 2 || ref[0] != '#') throw GiveUp{};
    bool hex = ref[1] == 'x';
    std::string_view digits = ref.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 6) throw GiveUp{};
    unsigned long code = 0;
    for (char c : digits) {
      int d = (c >= '0' && c <= '9') ? c - '0'
              : hex && (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : hex && (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (d < 0) throw GiveUp{};
      code = code * (hex ? 16 : 10) + static_cast<unsigned long>(d);
    }
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) throw GiveUp{};
    text::append_utf8(out, static_cast<char32_t>(code));
  }

  const char* s_;
  const char* end_;
  const ReadLimits& limits_;
  Body body_;
  Placer placer_;
  std::vector<Frame> frames_;
  std::vector<Attribute> attrs_;
  std::vector<std::string_view> skipped_;  // names open in a skipped subtree
  std::unique_ptr<RawTable> top_table_;
  Paragraph* paragraph_ = nullptr;
  std::string* text_sink_ = nullptr;
  std::vector<bool> fields_;
  int unseparated_ = 0;
};

}  // namespace

std::optional<Body> read_blocks_streaming(std::string_view xml, const ReadLimits& limits) {
  try {
    return StreamReader(xml, limits).read();
  } catch (const GiveUp&) {
    return std::nullopt;
  }
}

}  // namespace jixiao::ooxml
