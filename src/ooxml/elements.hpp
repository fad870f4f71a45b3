#pragma once
// The one table of WordprocessingML elements that the handler (word.hpp) acts on, and what each
// is for reading: both sources name elements by it (the scanner through its own fast lookup),
// so that a new kind of element is added here, once. Everything not named here is `other`: read through, its text kept.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace jixiao::ooxml {

enum class Tag : std::uint8_t {
  other, body, p, t, tbl, tr, tc, pPr, trPr, tcPr, tblGrid, gridCol, gridBefore,
  gridAfter, gridSpan, vMerge, hMerge, pStyle, outlineLvl, altChunk, tab, br, hyphen, sym,
  fldChar, not_text,  // pPr is not text either, but is read on a body paragraph
  // The structural tags, last (WordHandler::children tells them from the rest by one comparison):
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

inline Tag word_tag(std::string_view n) {
  if (n.empty()) return Tag::other;
  const Name* k = kWordSlots.slot[slot_of(n)];
  return k && k->local == n ? k->tag : Tag::other;
}

// The kind of an element from its canonical name ("w:p", "mc:Fallback"; see xml.hpp).
inline Tag tag_of(std::string_view name) {
  if (name.size() > 2 && name[0] == 'w' && name[1] == ':') return word_tag(name.substr(2));
  if (name.size() > 3 && name[0] == 'm' && name[1] == 'c' && name[2] == ':') {
    std::string_view local = name.substr(3);
    if (local == "AlternateContent") return Tag::alternate;
    if (local == "Choice" || local == "Fallback") return Tag::unwrap;
  }
  return Tag::other;
}

}  // namespace jixiao::ooxml
