// The streaming reader: WordprocessingML text straight to blocks, in one pass, without a tree.
// It gives exactly what parsing, normalising and reading the tree gives (the differential tests
// hold it to that), and gives up, returning null, on anything it was not built for.
#include <algorithm>
#include <array>
#include <cstring>
#include <deque>

#include "ooxml/elements.hpp"
#include "ooxml/reader.hpp"
#include "ooxml/xml.hpp"
#include "util/text.hpp"

namespace jixiao::ooxml {
namespace {

// Names of up to 8 letters (most of Word's), packed into a 64-bit key with their first letter
// lowest, found with one multiplication and one comparison: the reader's most frequent
// question. kShortNames holds each in its slot (no two share one: checked when compiling).
constexpr std::uint64_t pack(std::string_view n) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < n.size(); ++i) key |= std::uint64_t(static_cast<unsigned char>(n[i])) << (8 * i);
  return key;
}
constexpr std::size_t short_slot(std::uint64_t key) { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 56); }

struct ShortNames {
  std::uint64_t key[256] = {};  // 0: no name (a name's first letter is never 0)
  Tag tag[256] = {};
  bool distinct = true;
};

constexpr ShortNames make_short_names() {
  ShortNames s;
  for (const Name& n : kWordNames) {
    if (n.local.size() > 8) continue;
    std::size_t k = short_slot(pack(n.local));
    if (s.key[k]) s.distinct = false;
    s.key[k] = pack(n.local);
    s.tag[k] = n.tag;
  }
  return s;
}

constexpr ShortNames kShortNames = make_short_names();
static_assert(kShortNames.distinct, "two of Word's short names share a slot: change short_slot");

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
    const char* p = root(s_ + 1);
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

  // Whether the n bytes at `a` are those at `b`, where both lie before end_ (b earlier than a).
  // Names (w:p, w:tcPr …) are compared a word of 8 bytes at a time where 8 bytes remain after
  // `a`, the last word masked to what is left of the name.
  bool same_name(const char* a, const char* b, std::size_t n) const {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (end_ - a >= static_cast<std::ptrdiff_t>(n) + 8) {
      for (;; a += 8, b += 8, n -= 8) {
        std::uint64_t x, y;
        std::memcpy(&x, a, 8);
        std::memcpy(&y, b, 8);
        if (n < 8) return ((x ^ y) & ((std::uint64_t(1) << (8 * n)) - 1)) == 0;
        if (x != y) return false;
        if (n == 8) return true;
      }
    }
#endif
    return std::memcmp(a, b, n) == 0;
  }

  // The rest of an end tag, after "</", which must close `open`; the position after its '>'.
  const char* closing(const char* p, std::string_view open) const {
    // The name is compared as it was opened, byte for byte, and must end where that one does.
    const std::size_t n = open.size();
    if (static_cast<std::size_t>(end_ - p) <= n) throw GiveUp{};
    if (!same_name(p, open.data(), n)) throw GiveUp{};
    p += n;
    if (kClass[static_cast<unsigned char>(*p)] & kName) throw GiveUp{};
    while (space(*p)) ++p;  // stops at the final '>' at the latest
    if (*p != '>') throw GiveUp{};
    return p + 1;
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
  // The text ends at a '>', which stops every scan for spaces or a name before the end; only
  // a value, which may hold '>', is scanned with a bound.
  template <bool Keep = true>
  [[gnu::noinline]] const char* attributes(const char* p, bool& empty, bool check_declarations) {
    if (Keep) attrs_.clear();
    for (;;) {
      const char* before = p;
      while (space(*p)) ++p;
      if (*p == '>') {
        empty = false;
        return p + 1;
      }
      if (*p == '/') {
        if (p[1] != '>') throw GiveUp{};  // p + 1 < end_: the final '>' is not a '/'
        empty = true;
        return p + 2;
      }
      if (p == before || !name_start(static_cast<unsigned char>(*p))) throw GiveUp{};
      const char* name_start_at = p;
      do ++p;
      while (kClass[static_cast<unsigned char>(*p)] & kName);
      const std::string_view n(name_start_at, static_cast<std::size_t>(p - name_start_at));
      while (space(*p)) ++p;
      if (*p != '=') throw GiveUp{};
      do ++p;
      while (space(*p));
      const char quote = *p;
      if (quote != '"' && quote != '\'') throw GiveUp{};
      // The value, up to its closing quote; a '<' in it is not well-formed.
      const char* q = p + 1;
      while (q < end_ && *q != quote && *q != '<') ++q;
      if (q >= end_ || *q != quote) throw GiveUp{};
      if (check_declarations && n.size() >= 5 && n[0] == 'x' && n[1] == 'm' && n[2] == 'l' && n[3] == 'n' && n[4] == 's')
        throw GiveUp{};
      if (Keep) attrs_.push_back({n, std::string_view(p + 1, static_cast<std::size_t>(q - p - 1))});
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

  // The reader descends the document as it nests: each kind of element has a function that
  // reads its children, with what that kind of element remembers while open (its first
  // properties, its table, its row). An element whose content stands in its place (w:sdt,
  // w:ins, w:hyperlink, the kept child of mc:AlternateContent …) has its children read by the
  // same function, with the same state. Deeper than this, the tree reader takes over.
  static constexpr int kMaxDepth = 400;

  // What a name is to the reader: tag_of, with w: names of up to 8 letters read as one 64-bit
  // word when 8 bytes follow them in the text (on a little-endian machine).
  Tag tag(std::string_view name) const {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const std::size_t local = name.size() - 2;
    if (name.size() > 2 && local <= 8 && name[0] == 'w' && name[1] == ':' && end_ - name.data() >= 10) {
      std::uint64_t key;
      std::memcpy(&key, name.data() + 2, 8);
      if (local < 8) key &= (std::uint64_t(1) << (8 * local)) - 1;
      const std::size_t k = short_slot(key);
      return kShortNames.key[k] == key ? kShortNames.tag[k] : Tag::other;
    }
#endif
    return tag_of(name);
  }

  // A child's start tag, after its name: its attributes are read (kept when its kind reads them).
  // Most tags (w:p, w:r, w:t, w:tc …) have none: their '>' is taken here, without a call.
  const char* start(const char* p, Tag tag, bool& empty) {
    const bool keep = reads_attributes(tag);
    if (*p == '>') {
      if (keep) attrs_.clear();
      empty = false;
      return p + 1;
    }
    return keep ? attributes<true>(p, empty, true) : attributes<false>(p, empty, true);
  }

  // The children of an element up to its end tag (named `end_name`), whose content starts at
  // `p`: w:sdt and the like stand in their place, w:sdtPr and the like go with their content, and
  // every other child goes to `on(p, name, tag, empty, direct)`, which reads it and returns the
  // position after it. `direct`: the children are the element's own, not those of an element
  // standing in its place. `deletes` (a row's first w:trPr, when written as its own child): set
  // by a w:del among its own children. Returns the position after the end tag.
  template <class On>
  const char* children(const char* p, std::string_view end_name, bool direct, bool* deletes, On& on) {
    if (++depth_ > kMaxDepth) throw GiveUp{};
    for (;;) {
      p = next_tag(p);
      if (*p == '/') {
        --depth_;
        return closing(p + 1, end_name);
      }
      if (*p == '!' || *p == '?') throw GiveUp{};  // a comment, CDATA, a DOCTYPE or a processing instruction
      std::string_view n;
      p = name(p, n);
      const Tag t = tag(n);
      bool empty = false;
      p = start(p, t, empty);
      switch (t) {
        case Tag::unwrap:
          if (!empty) p = children(p, n, false, nullptr, on);
          break;
        case Tag::alternate:
          if (!empty) p = alternate(p, n, on);
          break;
        case Tag::del:
          if (deletes && direct) *deletes = true;
          [[fallthrough]];
        case Tag::remove:
          if (!empty) p = skip_subtree(p, n);
          break;
        default:
          p = on(p, n, t, empty, direct);
      }
    }
  }

  // mc:AlternateContent: its mc:Fallback stands in its place, else its first mc:Choice; the
  // other children go.
  template <class On>
  const char* alternate(const char* p, std::string_view end_name, On& on) {
    if (++depth_ > kMaxDepth) throw GiveUp{};
    const bool has_fallback = fallback_follows(p);
    bool kept = false;
    for (;;) {
      p = next_tag(p);
      if (*p == '/') {
        --depth_;
        return closing(p + 1, end_name);
      }
      if (*p == '!' || *p == '?') throw GiveUp{};
      std::string_view n;
      p = name(p, n);
      bool empty = false;
      p = start(p, tag(n), empty);
      const bool keep = !kept && (has_fallback ? n == "mc:Fallback" : n == "mc:Choice");
      if (keep) {
        kept = true;
        if (!empty) p = children(p, n, false, nullptr, on);
      } else if (!empty) {
        p = skip_subtree(p, n);
      }
    }
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

  const char* skip(const char* p, std::string_view n, bool empty) { return empty ? p : skip_subtree(p, n); }

  // w:document, after "<": its first w:body is read, nothing else.
  const char* root(const char* p) {
    std::string_view n;
    p = name(p, n);
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
    bool seen_body = false;
    auto on = [&](const char* q, std::string_view child, Tag tag, bool child_empty, bool) {
      if (tag != Tag::body || seen_body) return skip(q, child, child_empty);
      seen_body = true;
      return child_empty ? q : body(q, child);
    };
    return children(p, n, true, nullptr, on);
  }

  const char* body(const char* p, std::string_view n) {
    auto on = [&](const char* q, std::string_view child, Tag tag, bool empty, bool) {
      switch (tag) {
        case Tag::p: return top_paragraph(q, child, empty);
        case Tag::tbl: return table(q, child, empty, nullptr, 1);
        case Tag::altChunk: alt_chunk_notice(placer_); [[fallthrough]];
        default: return skip(q, child, empty);
      }
    };
    return children(p, n, true, nullptr, on);
  }

  const char* top_paragraph(const char* p, std::string_view n, bool empty) {
    body_.blocks.emplace_back();
    paragraph_ = &body_.blocks.back().paragraph;
    start_paragraph(&paragraph_->text);
    if (!empty) {
      bool seen_ppr = false;
      p = paragraph(p, n, &seen_ppr);
    }
    text_sink_ = nullptr;
    return p;
  }

  // A paragraph's content (and that of everything in it but w:pPr, w:rPr and the like).
  // `seen_ppr`: for a body paragraph's own content, whether its first w:pPr was met; null where
  // a w:pPr is not read (in a cell, or deeper in the paragraph).
  const char* paragraph(const char* p, std::string_view n, bool* seen_ppr) {
    auto on = [&](const char* q, std::string_view child, Tag tag, bool empty, bool) {
      switch (tag) {
        case Tag::pPr:
          if (!seen_ppr || *seen_ppr) return skip(q, child, empty);
          *seen_ppr = true;
          return empty ? q : paragraph_properties(q, child);
        case Tag::not_text: return skip(q, child, empty);
        case Tag::t: return empty ? q : run_text(q, child);
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
      // Anything else (w:r, w:fldSimple's kin, w:bookmarkStart …) is read as paragraph content.
      return empty ? q : paragraph(q, child, nullptr);
    };
    return children(p, n, true, nullptr, on);
  }

  // w:t: its character data, nothing else.
  const char* run_text(const char* p, std::string_view n) {
    const char* lt = static_cast<const char*>(std::memchr(p, '<', static_cast<std::size_t>(end_ - p)));
    if (!lt || lt + 1 >= end_ || lt[1] != '/') throw GiveUp{};  // markup inside w:t
    text(p, lt);
    return closing(lt + 2, n);
  }

  const char* paragraph_properties(const char* p, std::string_view n) {
    bool seen_style = false, seen_outline = false;
    auto on = [&](const char* q, std::string_view child, Tag tag, bool empty, bool) {
      if (tag == Tag::pStyle && !seen_style) {
        seen_style = true;
        paragraph_->style = std::string(attribute("w:val").value_or(""));
      } else if (tag == Tag::outlineLvl && !seen_outline) {
        seen_outline = true;
        paragraph_->outline_level = level_of_outline(int_attribute(9));
      }
      return skip(q, child, empty);
    };
    return children(p, n, true, nullptr, on);
  }

  // A w:tbl at `depth` (1 in the body); `cell` holds it when it is nested.
  const char* table(const char* p, std::string_view n, bool empty, RawCell* cell, int depth) {
    RawTable* t;
    if (depth == 1) {
      // One raw table serves every table of the body in turn, its arrays kept.
      top_table_.clear();
      t = &top_table_;
    } else {
      cell->nested.push_back(std::make_unique<RawTable>());
      t = cell->nested.back().get();
    }
    if (!empty) {
      bool seen_grid = false;
      auto on = [&](const char* q, std::string_view child, Tag tag, bool child_empty, bool) {
        if (tag == Tag::tblGrid && !seen_grid) {
          seen_grid = true;
          return child_empty ? q : grid(q, child, *t);
        }
        if (tag == Tag::tr) return row(q, child, child_empty, *t, depth);
        return skip(q, child, child_empty);
      };
      p = children(p, n, true, nullptr, on);
    }
    if (depth == 1) {
      Block b;
      b.kind = Block::Kind::table;
      b.table = placer_.table(top_table_, 1);
      body_.blocks.push_back(std::move(b));
    }
    return p;
  }

  const char* grid(const char* p, std::string_view n, RawTable& t) {
    auto on = [&](const char* q, std::string_view child, Tag tag, bool empty, bool) {
      if (tag == Tag::gridCol) ++t.grid;
      return skip(q, child, empty);
    };
    return children(p, n, true, nullptr, on);
  }

  const char* row(const char* p, std::string_view n, bool empty, RawTable& t, int depth) {
    t.rows.emplace_back();
    t.rows.back().first = t.cells.size();
    if (empty) return p;
    bool seen_props = false, seen_raw_props = false, deleted = false;
    auto on = [&](const char* q, std::string_view child, Tag tag, bool child_empty, bool direct) {
      if (tag == Tag::trPr) {
        // The first w:trPr gives gridBefore and gridAfter; a w:del among the children of the
        // first one written as the row's own child deletes the row.
        const bool first_raw = direct && !seen_raw_props;
        if (first_raw) seen_raw_props = true;
        const bool read = !seen_props;
        seen_props = true;
        if (!read && !first_raw) return skip(q, child, child_empty);
        return child_empty ? q : row_properties(q, child, t.rows.back(), read, first_raw ? &deleted : nullptr);
      }
      if (tag == Tag::tc) return cell(q, child, child_empty, t, depth);
      return skip(q, child, child_empty);
    };
    p = children(p, n, true, nullptr, on);
    if (deleted) {
      t.cells.resize(t.rows.back().first);
      t.rows.pop_back();
    }
    return p;
  }

  // A w:trPr: gridBefore and gridAfter read when `read`; `deletes` as in children().
  const char* row_properties(const char* p, std::string_view n, RawRow& r, bool read, bool* deletes) {
    bool seen_before = false, seen_after = false;
    auto on = [&](const char* q, std::string_view child, Tag tag, bool empty, bool) {
      if (read && tag == Tag::gridBefore && !seen_before) {
        seen_before = true;
        r.before = int_attribute(0);
      } else if (read && tag == Tag::gridAfter && !seen_after) {
        seen_after = true;
        r.after = int_attribute(0);
      }
      return skip(q, child, empty);
    };
    return children(p, n, true, deletes, on);
  }

  const char* cell(const char* p, std::string_view n, bool empty, RawTable& t, int depth) {
    t.cells.emplace_back();
    ++t.rows.back().count;
    if (empty) return p;
    // The text gathers in a buffer of the cell's table depth (kept from cell to cell, and a
    // deque's elements stay put as deeper ones are added), then goes to the body's store.
    while (cell_text_.size() < static_cast<std::size_t>(depth)) cell_text_.emplace_back();
    std::string& text = cell_text_[static_cast<std::size_t>(depth) - 1];
    text.clear();
    bool seen_props = false, seen_paragraph = false;
    auto on = [&](const char* q, std::string_view child, Tag tag, bool child_empty, bool) {
      RawCell& c = t.cells.back();
      switch (tag) {
        case Tag::tcPr:
          if (seen_props) break;
          seen_props = true;
          return child_empty ? q : cell_properties(q, child, c);
        case Tag::p:
          if (seen_paragraph) text += '\n';
          seen_paragraph = true;
          start_paragraph(&text);
          if (!child_empty) q = paragraph(q, child, nullptr);
          text_sink_ = nullptr;
          return q;
        case Tag::tbl:
          if (depth >= limits_.max_table_depth) {
            c.nested.push_back(nullptr);
            break;
          }
          return table(q, child, child_empty, &c, depth + 1);
        default: break;
      }
      return skip(q, child, child_empty);
    };
    p = children(p, n, true, nullptr, on);
    t.cells.back().text = body_.texts.add(text);
    return p;
  }

  const char* cell_properties(const char* p, std::string_view n, RawCell& c) {
    bool seen_span = false, seen_vmerge = false, seen_hmerge = false;
    auto on = [&](const char* q, std::string_view child, Tag tag, bool empty, bool) {
      if (tag == Tag::gridSpan && !seen_span) {
        seen_span = true;
        c.span = int_attribute(1);
      } else if (tag == Tag::vMerge && !seen_vmerge) {
        seen_vmerge = true;
        c.vmerge = attribute("w:val").value_or("continue") == "restart" ? RawCell::restart : RawCell::cont;
      } else if (tag == Tag::hMerge && !seen_hmerge) {
        seen_hmerge = true;
        c.h_continue = attribute("w:val").value_or("") == "continue";
      }
      return skip(q, child, empty);
    };
    return children(p, n, true, nullptr, on);
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
  std::vector<Attribute> attrs_;
  std::vector<std::string_view> skipped_;  // names open in a skipped subtree
  std::deque<std::string> cell_text_;       // the text of the cell open at each table depth
  RawTable top_table_;  // the body's table being read
  Paragraph* paragraph_ = nullptr;
  std::string* text_sink_ = nullptr;
  std::vector<bool> fields_;
  int unseparated_ = 0;
  int depth_ = 0;  // functions reading children, open
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
