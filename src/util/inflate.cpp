#include "util/inflate.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace jixiao {
namespace {

// A decoding table entry, one 32-bit word: bits 0-4 the bits the code takes (in a main table
// entry pointing to a subtable: the main table's bits), 5-7 its kind, 8-11 the extra bits that
// follow it (a length or distance) or a subtable's index bits, 16-31 its value (a literal byte,
// a length or distance base, a subtable's offset in the table).
enum Kind : std::uint32_t { kLiteral = 0, kBase = 1, kEnd = 2, kSubtable = 3, kInvalid = 4 };

constexpr std::uint32_t entry(std::uint32_t kind, std::uint32_t bits, std::uint32_t extra, std::uint32_t value) {
  return value << 16 | extra << 8 | kind << 5 | bits;
}
inline std::uint32_t bits_of(std::uint32_t e) { return e & 31; }
inline std::uint32_t kind_of(std::uint32_t e) { return (e >> 5) & 7; }
inline std::uint32_t extra_of(std::uint32_t e) { return (e >> 8) & 15; }
inline std::uint32_t value_of(std::uint32_t e) { return e >> 16; }

constexpr std::uint16_t kLengthBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                           31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                           2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::uint16_t kDistanceBase[30] = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,
                                             33,  49,  65,  97,  129, 193,  257,  385,  513,  769,
                                             1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::uint8_t kDistanceExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                             6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// The order in which a dynamic block gives the code lengths of the code-length code.
constexpr std::uint8_t kCodeLengthOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

std::uint32_t litlen_entry(unsigned symbol, unsigned bits) {
  if (symbol < 256) return entry(kLiteral, bits, 0, symbol);
  if (symbol == 256) return entry(kEnd, bits, 0, 0);
  if (symbol < 286) return entry(kBase, bits, kLengthExtra[symbol - 257], kLengthBase[symbol - 257]);
  return entry(kInvalid, bits, 0, 0);  // 286 and 287, which only the fixed code has
}
std::uint32_t distance_entry(unsigned symbol, unsigned bits) {
  if (symbol < 30) return entry(kBase, bits, kDistanceExtra[symbol], kDistanceBase[symbol]);
  return entry(kInvalid, bits, 0, 0);  // 30 and 31, likewise
}
std::uint32_t plain_entry(unsigned symbol, unsigned bits) { return entry(kLiteral, bits, 0, symbol); }

// Main table bits, and room for the main table with every subtable a complete code can need
// (checked while building: a code that would need more is refused).
constexpr unsigned kLitlenBits = 11, kDistanceBits = 8, kCodeLengthBits = 7;
constexpr unsigned kLitlenRoom = (1u << kLitlenBits) + 1024, kDistanceRoom = (1u << kDistanceBits) + 1024;

constexpr std::array<std::uint8_t, 256> kReversed = [] {
  std::array<std::uint8_t, 256> r{};
  for (unsigned i = 0; i < 256; ++i) {
    unsigned v = 0;
    for (unsigned b = 0; b < 8; ++b) v |= ((i >> b) & 1u) << (7 - b);
    r[i] = static_cast<std::uint8_t>(v);
  }
  return r;
}();
// The low `bits` bits of `code`, in reverse order: DEFLATE sends a code's bits first to last,
// into the low end of the bit buffer.
inline std::uint32_t reversed(std::uint32_t code, unsigned bits) {
  std::uint32_t r = static_cast<std::uint32_t>(kReversed[code & 0xff]) << 8 | kReversed[(code >> 8) & 0xff];
  return r >> (16 - bits);
}

// The decoding table of the canonical Huffman code with lengths lens[0, n): a main table of
// 2^main_bits entries indexed by the next bits of the stream, and subtables after it for longer
// codes. False for a code that is over-subscribed or incomplete (or empty), or that the room
// cannot hold.
template <class Entry>
bool build(const std::uint8_t* lens, unsigned n, unsigned main_bits, std::uint32_t* table, unsigned room, Entry make) {
  unsigned count[16] = {};
  for (unsigned s = 0; s < n; ++s) ++count[lens[s]];
  count[0] = 0;
  int left = 1;
  unsigned max_len = 0;
  for (unsigned len = 1; len <= 15; ++len) {
    left = left * 2 - static_cast<int>(count[len]);
    if (left < 0) return false;  // over-subscribed
    if (count[len]) max_len = len;
  }
  if (left != 0) return false;  // incomplete, or no code at all
  unsigned offset[16] = {};
  for (unsigned len = 1; len < 15; ++len) offset[len + 1] = offset[len] + count[len];
  std::uint16_t sorted[320];
  unsigned total = 0;
  for (unsigned s = 0; s < n; ++s)
    if (lens[s]) {
      sorted[offset[lens[s]]++] = static_cast<std::uint16_t>(s);
      ++total;
    }
  const unsigned main_size = 1u << main_bits;
  if (main_size > room) return false;
  // A complete code fills every entry that can be reached; they start invalid all the same.
  constexpr std::uint32_t kUnfilled = entry(kInvalid, 0, 0, 0);
  std::fill(table, table + main_size, kUnfilled);
  unsigned used = main_size;                 // the next free entry after the subtables so far
  unsigned remaining[16];                    // codes of each length not yet placed
  std::memcpy(remaining, count, sizeof remaining);
  std::uint32_t code = 0;                    // the canonical code, first bit highest
  unsigned previous = lens[sorted[0]];
  std::uint32_t sub_prefix = ~0u;            // the main index of the current subtable
  unsigned sub_start = 0, sub_bits = 0;
  for (unsigned i = 0; i < total; ++i) {
    const unsigned s = sorted[i], len = lens[s];
    code <<= len - previous;
    previous = len;
    const std::uint32_t rev = reversed(code, len);
    if (len <= main_bits) {
      const std::uint32_t e = make(s, len);
      for (std::uint32_t k = rev; k < main_size; k += 1u << len) table[k] = e;
    } else {
      const std::uint32_t prefix = rev & (main_size - 1);
      if (prefix != sub_prefix) {
        // A new subtable, as wide as the codes that share this prefix need.
        unsigned bits = len - main_bits;
        int avail = 1 << bits;
        while (bits + main_bits < max_len) {
          avail -= static_cast<int>(remaining[bits + main_bits]);
          if (avail <= 0) break;
          ++bits;
          avail <<= 1;
        }
        if (used + (1u << bits) > room) return false;
        sub_prefix = prefix;
        sub_start = used;
        sub_bits = bits;
        used += 1u << bits;
        std::fill(table + sub_start, table + used, kUnfilled);
        table[prefix] = entry(kSubtable, main_bits, bits, sub_start);
      }
      const unsigned sub_len = len - main_bits;
      if (sub_len > sub_bits) return false;  // never for a complete code
      const std::uint32_t e = make(s, sub_len);
      for (std::uint32_t k = rev >> main_bits; k < (1u << sub_bits); k += 1u << sub_len) table[sub_start + k] = e;
    }
    --remaining[len];
    ++code;
  }
  return true;
}

struct FixedTables {
  std::uint32_t litlen[kLitlenRoom];
  std::uint32_t distance[kDistanceRoom];
};

const FixedTables& fixed_tables() {
  static const FixedTables fixed = [] {
    FixedTables t{};
    std::uint8_t lens[288 + 32];
    for (unsigned s = 0; s < 288; ++s) lens[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
    for (unsigned s = 288; s < 320; ++s) lens[s] = 5;
    build(lens, 288, kLitlenBits, t.litlen, kLitlenRoom, litlen_entry);
    build(lens + 288, 32, kDistanceBits, t.distance, kDistanceRoom, distance_entry);
    return t;
  }();
  return fixed;
}

inline std::uint64_t load_le64(const std::uint8_t* p) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
#else
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = v << 8 | p[i];
  return v;
#endif
}

class Decoder {
public:
  Decoder(const std::uint8_t* in, std::size_t in_size, std::uint8_t* out, std::size_t out_size)
      : begin_(in), in_(in), in_end_(in + in_size), out_begin_(out), out_(out), out_end_(out + out_size) {}

  bool run() {
    for (bool last = false; !last;) {
      refill();
      if (past_end_ > 8) return false;
      last = bits_ & 1;
      const unsigned type = static_cast<unsigned>(bits_ >> 1) & 3;
      drop(3);
      bool ok = false;
      if (type == 0) {
        ok = stored();
      } else if (type == 1) {
        const FixedTables& fixed = fixed_tables();
        ok = codes(fixed.litlen, fixed.distance);
      } else if (type == 2) {
        ok = dynamic_tables() && codes(litlen_, distance_);
      }
      if (!ok) return false;
    }
    if (out_ != out_end_) return false;
    // Every byte of the input used, and no bit past it.
    const std::size_t in_size = static_cast<std::size_t>(in_end_ - begin_);
    const std::uint64_t pulled = static_cast<std::uint64_t>(in_ - begin_) + past_end_;
    const std::uint64_t consumed = pulled * 8 - available_;
    return consumed <= std::uint64_t(in_size) * 8 && (consumed + 7) / 8 == in_size;
  }

private:
  // At least 56 bits in the buffer. Near the end of the input, bytes past it read as zeros and
  // are counted in past_end_: a stream that uses them is cut short.
  void refill() {
    if (in_end_ - in_ >= 8) {
      // Eight bytes loaded, the whole ones that fit counted; the rest of the load sits above
      // them and is loaded again, the same bits, by the next refill.
      bits_ |= load_le64(in_) << available_;
      in_ += (63 - available_) >> 3;
      available_ |= 56;
      return;
    }
    while (available_ <= 56) {
      std::uint64_t byte = 0;
      if (in_ < in_end_) byte = *in_++;
      else ++past_end_;
      bits_ |= byte << available_;
      available_ += 8;
    }
  }
  void drop(unsigned n) {
    bits_ >>= n;
    available_ -= n;
  }
  std::uint32_t take(unsigned n) {
    const std::uint32_t v = static_cast<std::uint32_t>(bits_ & ((std::uint64_t(1) << n) - 1));
    drop(n);
    return v;
  }
  // The next symbol's entry in `table` (main_bits wide), its bits dropped.
  std::uint32_t decode(const std::uint32_t* table, unsigned main_bits) {
    std::uint32_t e = table[bits_ & ((1u << main_bits) - 1)];
    if (kind_of(e) == kSubtable) {
      drop(bits_of(e));
      e = table[value_of(e) + (bits_ & ((1u << extra_of(e)) - 1))];
    }
    drop(bits_of(e));
    return e;
  }

  bool stored() {
    drop(available_ & 7);
    // The whole bytes still in the buffer come just before in_ (those past the end included).
    const std::size_t in_size = static_cast<std::size_t>(in_end_ - begin_);
    const std::uint64_t at = static_cast<std::uint64_t>(in_ - begin_) + past_end_ - available_ / 8;
    if (at > in_size || in_size - at < 4) return false;
    const std::uint8_t* p = begin_ + at;
    const unsigned length = p[0] | p[1] << 8, check = p[2] | p[3] << 8;
    if (length != (~check & 0xffffu)) return false;
    p += 4;
    if (static_cast<std::size_t>(in_end_ - p) < length || static_cast<std::size_t>(out_end_ - out_) < length)
      return false;
    if (length) std::memcpy(out_, p, length);  // (an empty output may have no buffer at all)
    out_ += length;
    in_ = p + length;
    bits_ = 0;
    available_ = 0;
    past_end_ = 0;
    return true;
  }

  bool dynamic_tables() {
    refill();
    const unsigned nlitlen = take(5) + 257, ndistance = take(5) + 1, ncodelen = take(4) + 4;
    if (nlitlen > 286 || ndistance > 30) return false;
    std::uint8_t codelen_lens[19] = {};
    for (unsigned i = 0; i < ncodelen; ++i) {
      if (available_ < 3) refill();
      codelen_lens[kCodeLengthOrder[i]] = static_cast<std::uint8_t>(take(3));
    }
    std::uint32_t codelen_table[1u << kCodeLengthBits];
    if (!build(codelen_lens, 19, kCodeLengthBits, codelen_table, 1u << kCodeLengthBits, plain_entry)) return false;
    std::uint8_t lens[286 + 30];
    const unsigned n = nlitlen + ndistance;
    for (unsigned i = 0; i < n;) {
      refill();
      if (past_end_ > 8) return false;
      const unsigned symbol = value_of(decode(codelen_table, kCodeLengthBits));
      if (symbol < 16) {
        lens[i++] = static_cast<std::uint8_t>(symbol);
        continue;
      }
      unsigned repeat;
      std::uint8_t value = 0;
      if (symbol == 16) {
        if (i == 0) return false;
        value = lens[i - 1];
        repeat = 3 + take(2);
      } else if (symbol == 17) {
        repeat = 3 + take(3);
      } else {
        repeat = 11 + take(7);
      }
      if (repeat > n - i) return false;
      std::memset(lens + i, value, repeat);
      i += repeat;
    }
    if (lens[256] == 0) return false;  // no end of block
    return build(lens, nlitlen, kLitlenBits, litlen_, kLitlenRoom, litlen_entry) &&
           build(lens + nlitlen, ndistance, kDistanceBits, distance_, kDistanceRoom, distance_entry);
  }

  // `length` bytes from `distance` back, where at least 258 + 16 bytes of room remain: copied
  // 16 or 8 bytes at a time, writing up to 15 bytes past the match (the output after it
  // overwrites them).
  static void copy_wide(std::uint8_t* to, std::size_t distance, unsigned length) {
    const std::uint8_t* from = to - distance;
    std::uint8_t* const end = to + length;
    if (distance >= 16) {
      do {
        std::memcpy(to, from, 16);
        to += 16;
        from += 16;
      } while (to < end);
    } else if (distance >= 8) {
      do {
        std::memcpy(to, from, 8);
        to += 8;
        from += 8;
      } while (to < end);
    } else if (distance == 1) {
      const std::uint64_t run = 0x0101010101010101ull * *from;
      do {
        std::memcpy(to, &run, 8);
        to += 8;
      } while (to < end);
    } else {
      do *to++ = *from++;
      while (to < end);
    }
  }

  // A block's symbols up to its end-of-block code.
  bool codes(const std::uint32_t* litlen, const std::uint32_t* distance) {
    for (;;) {
      // Far from both ends: one refill serves a literal, or a length and its distance (at most
      // 15 + 5 + 15 + 13 bits), and copies may write past the match.
      const bool roomy = in_end_ - in_ >= 8 && out_end_ - out_ >= 258 + 16;
      refill();
      if (past_end_ > 8) return false;
      const std::uint32_t e = decode(litlen, kLitlenBits);
      const std::uint32_t kind = kind_of(e);
      if (kind == kLiteral) {
        if (out_ == out_end_) return false;
        *out_++ = static_cast<std::uint8_t>(value_of(e));
        continue;
      }
      if (kind == kEnd) return true;
      if (kind != kBase) return false;
      const unsigned length = value_of(e) + take(extra_of(e));
      const std::uint32_t d = decode(distance, kDistanceBits);
      if (kind_of(d) != kBase) return false;
      const std::size_t dist = value_of(d) + take(extra_of(d));
      if (dist > static_cast<std::size_t>(out_ - out_begin_)) return false;
      if (roomy) {
        copy_wide(out_, dist, length);
      } else {
        if (length > static_cast<std::size_t>(out_end_ - out_)) return false;
        const std::uint8_t* from = out_ - dist;
        for (unsigned k = 0; k < length; ++k) out_[k] = from[k];
      }
      out_ += length;
    }
  }

  const std::uint8_t* const begin_;
  const std::uint8_t* in_;
  const std::uint8_t* const in_end_;
  std::uint8_t* const out_begin_;
  std::uint8_t* out_;
  std::uint8_t* const out_end_;
  std::uint64_t bits_ = 0;      // the next bits of the stream, first in the lowest bit
  unsigned available_ = 0;      // how many of them are counted
  unsigned past_end_ = 0;       // zero bytes taken in past the end of the input
  std::uint32_t litlen_[kLitlenRoom];
  std::uint32_t distance_[kDistanceRoom];
};

}  // namespace

bool inflate_exact(const std::uint8_t* in, std::size_t in_size, std::uint8_t* out, std::size_t out_size) {
  return Decoder(in, in_size, out, out_size).run();
}

}  // namespace jixiao
