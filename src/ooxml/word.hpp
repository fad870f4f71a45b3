#pragma once
// The one handler of WordprocessingML: what Word's elements mean for the blocks (tracked
// changes, content controls, mc:AlternateContent, runs, fields and symbols, paragraph styles and
// outline levels, grids, row and cell properties, deleted rows, nested tables). It reads from a
// Source, of which there are two: the scanner over the part's text (scan.cpp), for the usual
// document, and a walk over a parsed, canonical pugixml tree (tree.cpp), for everything else.
// A reading feature is written here, once, for both.
//
// A Source gives Elements (a canonical name such as "w:p", its Tag, whether it is empty) and:
//   each_child(e, f)      calls f(child) for each child element of e, in order; f consumes it
//   skip(e)               consumes e without reading it
//   attribute(e, name)    an attribute's value, asked before e is consumed
//   has_child(e, name)    whether e has a child element of that name, asked before consuming
//   text(e, out)          consumes a w:t, appending its character data to *out (when not null)
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ooxml/elements.hpp"
#include "ooxml/reader.hpp"
#include "util/text.hpp"

namespace jixiao::ooxml {

// Elements nested deeper than this (counting every element the handler descends into) are
// skipped with a notice: the handler recurses as the document nests.
constexpr int kMaxElementDepth = 1000;

// The notice for content nested deeper than kMaxElementDepth.
void too_deep_notice(Placer& placer);

template <class Source>
class WordHandler {
public:
  using Element = typename Source::Element;

  WordHandler(Source& source, const ReadLimits& limits)
      : src_(source), limits_(limits), placer_(limits, body_) {}

  // The document element's content: its first w:body is read, nothing else.
  Body read(const Element& root) {
    bool seen_body = false;
    auto on = [&](const Element& c, bool) {
      if (c.tag != Tag::body || seen_body) return src_.skip(c);
      seen_body = true;
      body(c);
    };
    children(root, true, nullptr, on);
    return std::move(body_);
  }

private:
  // The children of `e`: w:sdt and the like stand in their place (their children go to the same
  // `on`, with `direct` false), w:sdtPr and the like go with their content, mc:AlternateContent
  // keeps one branch, and every other child goes to on(child, direct). `deletes`: set by a w:del
  // among e's own children (a row's first w:trPr deletes its row so).
  template <class On>
  void children(const Element& e, bool direct, bool* deletes, On& on) {
    // The same for every child: their own content is read deeper, and depth_ comes back.
    const bool too_deep = ++depth_ > kMaxElementDepth;
    src_.each_child(e, [&](const Element& c) {
      if (too_deep) {
        if (!warned_depth_) too_deep_notice(placer_);
        warned_depth_ = true;
        return src_.skip(c);
      }
      // The structural tags come last in Tag: one comparison passes the usual element on.
      if (__builtin_expect(c.tag < Tag::unwrap, 1)) return on(c, direct);
      switch (c.tag) {
        case Tag::unwrap: return children(c, false, nullptr, on);
        case Tag::alternate: return alternate(c, on);
        case Tag::del:
          if (deletes && direct) *deletes = true;
          [[fallthrough]];
        default: return src_.skip(c);  // Tag::remove
      }
    });
    --depth_;
  }

  // mc:AlternateContent: its first mc:Fallback stands in its place, else its first mc:Choice.
  template <class On>
  void alternate(const Element& e, On& on) {
    const std::string_view wanted = src_.has_child(e, "mc:Fallback") ? "mc:Fallback" : "mc:Choice";
    bool kept = false;
    ++depth_;
    src_.each_child(e, [&](const Element& c) {
      if (kept || c.name != wanted || depth_ > kMaxElementDepth) return src_.skip(c);
      kept = true;
      children(c, false, nullptr, on);
    });
    --depth_;
  }

  void body(const Element& e) {
    auto on = [&](const Element& c, bool) {
      switch (c.tag) {
        case Tag::p: return top_paragraph(c);
        case Tag::tbl: return table(c, nullptr, 1);
        case Tag::altChunk: alt_chunk_notice(placer_); [[fallthrough]];
        default: return src_.skip(c);
      }
    };
    children(e, true, nullptr, on);
  }

  void top_paragraph(const Element& e) {
    body_.blocks.emplace_back();
    paragraph_ = &body_.blocks.back().paragraph;
    start_paragraph(&paragraph_->text);
    bool seen_ppr = false;
    paragraph(e, &seen_ppr);
    text_sink_ = nullptr;
  }

  // A paragraph's content. `seen_ppr`: for a body paragraph's own content, whether its first
  // w:pPr was met; null where a w:pPr is not read (in a cell, or deeper in the paragraph).
  void paragraph(const Element& e, bool* seen_ppr) {
    auto on = [&](const Element& c, bool) { content(c, seen_ppr); };
    children(e, true, nullptr, on);
  }

  // One element of a paragraph's content: text, a tab or break, a symbol, a field's mark, or
  // anything else (w:r, w:bookmarkStart …), whose own content is read as the paragraph's.
  [[gnu::always_inline]] void content(const Element& c, bool* seen_ppr) {
    switch (c.tag) {
      case Tag::pPr:
        if (!seen_ppr || *seen_ppr) return src_.skip(c);
        *seen_ppr = true;
        return paragraph_properties(c);
      case Tag::not_text: return src_.skip(c);
      case Tag::t: return src_.text(c, emitting() ? text_sink_ : nullptr);
      case Tag::tr: return row_in_paragraph(c);
      case Tag::tab: emit('\t'); break;
      case Tag::br: emit('\n'); break;
      case Tag::hyphen: emit('-'); break;
      case Tag::sym: symbol(c); break;
      case Tag::fldChar: field_char(c); break;
      default: break;
    }
    paragraph(c, nullptr);
  }

  // A w:tr inside a paragraph (not where Word writes one): its text is the paragraph's, unless
  // its first w:trPr marks it deleted, when it leaves no trace.
  void row_in_paragraph(const Element& e) {
    const std::size_t mark = text_sink_ ? text_sink_->size() : 0;
    const std::vector<bool> fields = fields_;
    const int unseparated = unseparated_;
    bool seen_raw_props = false, deleted = false;
    auto in_props = [&](const Element& g, bool) { content(g, nullptr); };
    auto on = [&](const Element& c, bool direct) {
      if (c.tag == Tag::trPr && direct && !seen_raw_props) {
        seen_raw_props = true;
        return children(c, true, &deleted, in_props);
      }
      content(c, nullptr);
    };
    children(e, true, nullptr, on);
    if (!deleted) return;
    if (text_sink_) text_sink_->resize(mark);
    fields_ = fields;
    unseparated_ = unseparated;
  }

  void paragraph_properties(const Element& e) {
    bool seen_style = false, seen_outline = false;
    auto on = [&](const Element& c, bool) {
      if (c.tag == Tag::pStyle && !seen_style) {
        seen_style = true;
        paragraph_->style = std::string(src_.attribute(c, "w:val").value_or(""));
      } else if (c.tag == Tag::outlineLvl && !seen_outline) {
        seen_outline = true;
        paragraph_->outline_level = level_of_outline(int_attribute(c, 9));
      }
      src_.skip(c);
    };
    children(e, true, nullptr, on);
  }

  // A w:tbl at `depth` (1 in the body); `cell` holds it when it is nested.
  void table(const Element& e, RawCell* cell, int depth) {
    RawTable* t;
    if (depth == 1) {
      // One raw table serves every table of the body in turn, its arrays kept.
      top_table_.clear();
      t = &top_table_;
    } else {
      cell->nested.push_back(std::make_unique<RawTable>());
      t = cell->nested.back().get();
    }
    bool seen_grid = false;
    auto on = [&](const Element& c, bool) {
      if (c.tag == Tag::tblGrid && !seen_grid) {
        seen_grid = true;
        return grid(c, *t);
      }
      if (c.tag == Tag::tr) return row(c, *t, depth);
      src_.skip(c);
    };
    children(e, true, nullptr, on);
    if (depth == 1) {
      Block b;
      b.kind = Block::Kind::table;
      b.table = placer_.table(top_table_, 1);
      body_.blocks.push_back(std::move(b));
    }
  }

  void grid(const Element& e, RawTable& t) {
    auto on = [&](const Element& c, bool) {
      if (c.tag == Tag::gridCol) ++t.grid;
      src_.skip(c);
    };
    children(e, true, nullptr, on);
  }

  void row(const Element& e, RawTable& t, int depth) {
    t.rows.emplace_back();
    t.rows.back().first = t.cells.size();
    bool seen_props = false, seen_raw_props = false, deleted = false;
    auto on = [&](const Element& c, bool direct) {
      if (c.tag == Tag::trPr) {
        // The first w:trPr gives gridBefore and gridAfter; a w:del among the children of the
        // first one written as the row's own child deletes the row.
        const bool first_raw = direct && !seen_raw_props;
        if (first_raw) seen_raw_props = true;
        const bool read = !seen_props;
        seen_props = true;
        if (!read && !first_raw) return src_.skip(c);
        return row_properties(c, t.rows.back(), read, first_raw ? &deleted : nullptr);
      }
      if (c.tag == Tag::tc) return cell(c, t, depth);
      src_.skip(c);
    };
    children(e, true, nullptr, on);
    if (deleted) {
      t.cells.resize(t.rows.back().first);
      t.rows.pop_back();
    }
  }

  // A w:trPr: gridBefore and gridAfter read when `read`; `deletes` as in children().
  void row_properties(const Element& e, RawRow& r, bool read, bool* deletes) {
    bool seen_before = false, seen_after = false;
    auto on = [&](const Element& c, bool) {
      if (read && c.tag == Tag::gridBefore && !seen_before) {
        seen_before = true;
        r.before = int_attribute(c, 0);
      } else if (read && c.tag == Tag::gridAfter && !seen_after) {
        seen_after = true;
        r.after = int_attribute(c, 0);
      }
      src_.skip(c);
    };
    children(e, true, deletes, on);
  }

  void cell(const Element& e, RawTable& t, int depth) {
    t.cells.emplace_back();
    ++t.rows.back().count;
    // The text gathers in a buffer of the cell's table depth (kept from cell to cell, and a
    // deque's elements stay put as deeper ones are added), then goes to the body's store.
    while (cell_text_.size() < static_cast<std::size_t>(depth)) cell_text_.emplace_back();
    std::string& text = cell_text_[static_cast<std::size_t>(depth) - 1];
    text.clear();
    bool seen_props = false, seen_paragraph = false;
    auto on = [&](const Element& c, bool) {
      RawCell& rc = t.cells.back();
      switch (c.tag) {
        case Tag::tcPr:
          if (seen_props) break;
          seen_props = true;
          return cell_properties(c, rc);
        case Tag::p:
          if (seen_paragraph) text += '\n';
          seen_paragraph = true;
          start_paragraph(&text);
          paragraph(c, nullptr);
          text_sink_ = nullptr;
          return;
        case Tag::tbl:
          if (depth >= limits_.max_table_depth) {
            rc.nested.push_back(nullptr);
            break;
          }
          return table(c, &rc, depth + 1);
        default: break;
      }
      src_.skip(c);
    };
    children(e, true, nullptr, on);
    t.cells.back().text = body_.texts.add(text);
  }

  void cell_properties(const Element& e, RawCell& rc) {
    bool seen_span = false, seen_vmerge = false, seen_hmerge = false;
    auto on = [&](const Element& c, bool) {
      if (c.tag == Tag::gridSpan && !seen_span) {
        seen_span = true;
        rc.span = int_attribute(c, 1);
      } else if (c.tag == Tag::vMerge && !seen_vmerge) {
        seen_vmerge = true;
        rc.vmerge = src_.attribute(c, "w:val").value_or("continue") == "restart" ? RawCell::restart : RawCell::cont;
      } else if (c.tag == Tag::hMerge && !seen_hmerge) {
        seen_hmerge = true;
        rc.h_continue = src_.attribute(c, "w:val").value_or("") == "continue";
      }
      src_.skip(c);
    };
    children(e, true, nullptr, on);
  }

  // w:sym: the character its w:char names in hexadecimal.
  void symbol(const Element& c) {
    std::string code(src_.attribute(c, "w:char").value_or(""));
    char32_t ch = static_cast<char32_t>(std::strtoul(code.c_str(), nullptr, 16));
    if (ch && emitting()) text::append_utf8(*text_sink_, ch);
  }

  // w:fldChar: a complex field's instructions (between begin and separate) are not text.
  void field_char(const Element& c) {
    std::string_view type = src_.attribute(c, "w:fldCharType").value_or("");
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
  }

  int int_attribute(const Element& c, int fallback) {
    auto v = src_.attribute(c, "w:val");
    if (!v) return fallback;
    return int_value(std::string(*v).c_str(), fallback);
  }

  bool emitting() const { return unseparated_ == 0 && text_sink_; }
  void emit(char c) {
    if (emitting()) *text_sink_ += c;
  }

  void start_paragraph(std::string* sink) {
    text_sink_ = sink;
    fields_.clear();
    unseparated_ = 0;
  }

  Source& src_;
  const ReadLimits& limits_;
  Body body_;
  Placer placer_;
  std::deque<std::string> cell_text_;  // the text of the cell open at each table depth
  RawTable top_table_;                 // the body's table being read
  Paragraph* paragraph_ = nullptr;
  std::string* text_sink_ = nullptr;
  std::vector<bool> fields_;  // open complex fields: true once past their separator
  int unseparated_ = 0;
  int depth_ = 0;  // elements the handler is inside
  bool warned_depth_ = false;
};

}  // namespace jixiao::ooxml
