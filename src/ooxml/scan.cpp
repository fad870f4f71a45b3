// The scanner: the usual document part's text read in one pass, without a tree, as a Source of
// elements for the one WordprocessingML handler (word.hpp). It knows XML, not Word: it gives up,
// and the tree (tree.cpp) reads the part instead, on any XML it was not built for (names that
// need canonicalising, comments, CDATA, a DOCTYPE, an unknown entity, another encoding …).
#include <algorithm>
#include <array>
#include <cstring>
#include <deque>

#include "ooxml/elements.hpp"
#include "ooxml/reader.hpp"
#include "ooxml/word.hpp"
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

// The scanner: a Source for the WordHandler (word.hpp) over the part's text. Its position is the
// one cursor `p_`, always just after the last tag it read.
class Scanner {
public:
  struct Element {
    std::string_view name;
    Tag tag = Tag::other;
    bool empty = false;
  };

  Scanner(std::string_view xml) : s_(xml.data()), end_(xml.data() + xml.size()) {}

  Body read(const ReadLimits& limits) {
    if (std::memchr(s_, '\0', static_cast<std::size_t>(end_ - s_))) throw GiveUp{};
    // Only spaces may follow the root's end tag: the text read ends at its '>', which then
    // stops every scan for a name or for spaces without a bounds check of its own.
    while (end_ > s_ && space(end_[-1])) --end_;
    if (end_ == s_ || end_[-1] != '>') throw GiveUp{};
    prolog();
    const Element document = root(s_ + 1);
    WordHandler<Scanner> handler(*this, limits);
    Body body = handler.read(document);
    for (const char* p = p_; p < end_; ++p)
      if (!space(*p)) throw GiveUp{};
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
    for (const Attribute& a : attrs_)
      if (a.name == name) {
        for (char c : a.value)
          if (c == '&' || c == '\t' || c == '\n' || c == '\r') throw GiveUp{};
        return a.value;
      }
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
  [[gnu::always_inline]] void text(const Element& e, std::string* out) {
    if (e.empty) return;
    const char* lt = static_cast<const char*>(std::memchr(p_, '<', static_cast<std::size_t>(end_ - p_)));
    if (!lt || lt + 1 >= end_ || lt[1] != '/') throw GiveUp{};  // markup inside w:t
    if (out) text(p_, lt, *out);
    p_ = closing(lt + 2, e.name);
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

  [[gnu::always_inline]] const char* name(const char* p, std::string_view& out) const {
    const char* start = p;
    if (p >= end_ || !name_start(static_cast<unsigned char>(*p))) throw GiveUp{};
    while (kClass[static_cast<unsigned char>(*p)] & kName) ++p;  // stops at the final '>' 
    out = std::string_view(start, static_cast<std::size_t>(p - start));
    return p;
  }

  // Whether the n bytes at `a` are those at `b`, where both lie before end_ (b earlier than a).
  // Names (w:p, w:tcPr …) are compared a word of 8 bytes at a time where 8 bytes remain after
  // `a`, the last word masked to what is left of the name.
  [[gnu::always_inline]] bool same_name(const char* a, const char* b, std::size_t n) const {
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
  [[gnu::always_inline]] const char* closing(const char* p, std::string_view open) const {
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
  [[gnu::always_inline]] const char* next_tag(const char* p) const {
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

  // Character data inside w:t, with the five entities and character references resolved.
  void text(const char* from, const char* to, std::string& out) {
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
  const char* p_ = nullptr;
  std::vector<Attribute> attrs_;           // the last start tag's, when its kind reads them
  std::vector<std::string_view> skipped_;  // names open in a skipped subtree
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
