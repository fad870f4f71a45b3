// The scanner: the usual document part's text read in one pass, without a tree, as a Source of
// elements for the one WordprocessingML handler (word.hpp). It knows XML, not Word: it gives up,
// and the tree (tree.cpp) reads the part instead, on any XML it was not built for (names that
// need canonicalising, comments, CDATA, a DOCTYPE, an unknown entity, another encoding …).
#include <algorithm>
#include <array>
#include <cstring>
#include <deque>

#include "ooxml/elements.hpp"
#include "ooxml/lex.hpp"
#include "ooxml/reader.hpp"
#include "ooxml/word.hpp"
#include "ooxml/xml.hpp"
#include "util/text.hpp"

namespace jixiao::ooxml {
namespace {

using namespace lex;  // Cursor, GiveUp and the character classes

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

// The scanner: a Source for the WordHandler (word.hpp) over the part's text. Its position is the
// one cursor `p_`, always just after the last tag it read.
class Scanner : public Cursor {
public:
  struct Element {
    std::string_view name;
    Tag tag = Tag::other;
    bool empty = false;
  };

  explicit Scanner(std::string_view xml) : Cursor(xml) {}

  Body read(const ReadLimits& limits) {
    const Element document = root(open());
    WordHandler<Scanner> handler(*this, limits);
    Body body = handler.read(document);
    close();
    return body;
  }

  template <class F>
  void each_child(const Element& e, F&& f) {
    if (e.empty) return;
    for (;;) {
      const char* p = next_tag(p_);
      if (*p == '/') {
        p_ = closing(p + 1, e.name);
        return;
      }
      if (*p == '!' || *p == '?') throw GiveUp{};  // a comment, CDATA, a DOCTYPE or a processing instruction
      Element c;
      p = name(p, c.name);
      c.tag = tag(c.name);
      p_ = start(p, c.tag, c.empty);
      f(c);
    }
  }

  void skip(const Element& e) {
    if (!e.empty) p_ = skip_subtree(p_, e.name);
  }

  // A w: attribute's value, as written; only plain values are taken (no references or
  // line breaks, which the tree reader would rewrite).
  std::optional<std::string_view> attribute(const Element&, std::string_view name) const {
    if (const Attribute* a = kept_attribute(name)) return a->value;
    return std::nullopt;
  }

  // Whether the element just started has a child of this name: read ahead to its end tag,
  // which the main pass then reads again.
  bool has_child(const Element& e, std::string_view wanted) {
    if (e.empty) return false;
    int depth = 0;
    for (const char* p = p_;;) {
      p = next_tag(p);
      std::string_view n;
      if (*p == '/') {
        p = name(p + 1, n);
        if (--depth < 0) return false;
        continue;
      }
      if (*p == '!' || *p == '?') throw GiveUp{};
      p = name(p, n);
      if (depth == 0 && n == wanted) return true;
      bool empty = false;
      p = attributes<false>(p, empty, false);
      if (!empty) ++depth;
    }
  }

  // w:t: its character data, nothing else.
  [[gnu::always_inline]] void text(const Element& e, std::string* out) { element_text(e.name, e.empty, out); }

private:
  // What a name is to the reader: tag_of, with w: names of up to 8 letters read as one 64-bit
  // word when 8 bytes follow them in the text (on a little-endian machine).
  [[gnu::always_inline]] Tag tag(std::string_view name) const {
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

  // The document element, after "<": read only when every name in it is already canonical.
  Element root(const char* p) {
    Element e;
    p = name(p, e.name);
    p_ = attributes(p, e.empty, false);
    std::vector<std::pair<std::string_view, std::string_view>> declarations;
    for (const Attribute& a : attrs_) {
      if (a.name.substr(0, 5) != "xmlns") continue;
      if (a.value.find('&') != std::string_view::npos) throw GiveUp{};
      if (a.name.size() == 5) declarations.emplace_back("", a.value);
      else if (a.name[5] == ':') declarations.emplace_back(a.name.substr(6), a.value);
    }
    if (e.name != "w:document" || !root_keeps_names(e.name, declarations) || e.empty) throw GiveUp{};
    return e;
  }

};

}  // namespace

std::optional<Body> read_blocks_streaming(std::string_view xml, const ReadLimits& limits) {
  try {
    return Scanner(xml).read(limits);
  } catch (const GiveUp&) {
    return std::nullopt;
  }
}

}  // namespace jixiao::ooxml
