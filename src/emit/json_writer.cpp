// The JSON writer every emitter uses: exact strings and numbers as given, pretty or compact.
#include "emit/json_writer.hpp"

#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "util/text.hpp"

namespace jixiao::emit {
namespace {

// The most a byte of text takes escaped: "\u001f" for a control character.
constexpr std::size_t kMaxEscaped = 6;

#if defined(__SSE2__)
// How many of the 16 bytes at `p` are copied as they are: printable ASCII but '"' and '\\' (and
// for HTML '<', '>', '&'), and whole well-formed three-byte sequences with the leads the scalar
// path takes the short way (E1..EC, EE, EF); the count stops before the first other byte, and
// before a sequence not wholly inside the 16. Exact: the scalar path then reads what is left.
template <bool ForHtml>
unsigned plain_run(const char* p) {
  auto set = [](unsigned c) { return _mm_set1_epi8(static_cast<char>(c)); };
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  auto eq = [&](unsigned c) { return _mm_cmpeq_epi8(v, set(c)); };
  __m128i bad = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, set(0x1F)), set(0x1F)), _mm_or_si128(eq('"'), eq('\\')));
  if (ForHtml) bad = _mm_or_si128(bad, _mm_or_si128(eq('<'), _mm_or_si128(eq('>'), eq('&'))));
  const __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(v, set(0xC0)), set(0x80));
  const __m128i e1_ef = _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, set(0xE1)), v), _mm_cmpeq_epi8(_mm_min_epu8(v, set(0xEF)), v));
  const __m128i lead = _mm_andnot_si128(eq(0xED), e1_ef);
  const __m128i high = _mm_cmpeq_epi8(_mm_max_epu8(v, set(0x80)), v);
  bad = _mm_or_si128(bad, _mm_andnot_si128(_mm_or_si128(cont, lead), high));  // any other byte >= 0x80
  const unsigned b = static_cast<unsigned>(_mm_movemask_epi8(bad)), l = static_cast<unsigned>(_mm_movemask_epi8(lead)),
                 c = static_cast<unsigned>(_mm_movemask_epi8(cont));
  // Continuation bytes exactly where the leads want them; the first byte where not, or a bad one.
  unsigned k = static_cast<unsigned>(__builtin_ctz((c ^ ((l << 1) | (l << 2))) | b | (1u << 16)));
  if (k >= 1 && ((l >> (k - 1)) & 1)) k -= 1;       // a sequence cut at k: stop at its lead
  else if (k >= 2 && ((l >> (k - 2)) & 1)) k -= 2;
  return k;
}
#endif

// `s` quoted and escaped at `dst`, which has room for kMaxEscaped * s.size() + 2 bytes; the end.
// Valid UTF-8 is copied as it is read, a byte or a character at a time (short strings: no call
// to memcpy); only control characters, quotes and backslashes change. Anything invalid becomes
// U+FFFD. `ForHtml`: '<', '>' and '&' are escaped too (\u003c …).
template <bool ForHtml>
char* escape(char* dst, std::string_view s) {
  *dst++ = '"';
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
#if defined(__SSE2__)
    // Sixteen bytes at a time while they need nothing done (dst has room: 6 bytes a byte).
    if (end - p >= 16) {
      if (const unsigned n = plain_run<ForHtml>(p)) {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dst), _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
        dst += n;
        p += n;
        continue;
      }
    }
#endif
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x80) {
      // The common case in Chinese text: well-formed three-byte sequences (E1..EC, EE, EF as
      // lead: every second byte allowed; E0 and ED go the long way).
      if (end - p >= 3) {
        const unsigned char c1 = static_cast<unsigned char>(p[1]), c2 = static_cast<unsigned char>(p[2]);
        if ((c & 0xf0) == 0xe0 && c != 0xe0 && c != 0xed && (c1 & 0xc0) == 0x80 && (c2 & 0xc0) == 0x80) {
          dst[0] = static_cast<char>(c);
          dst[1] = static_cast<char>(c1);
          dst[2] = static_cast<char>(c2);
          dst += 3;
          p += 3;
          continue;
        }
      }
      std::size_t len = 0;
      bool exact = true;  // shortest form, no surrogate, nothing past U+10FFFF
      const std::size_t i = static_cast<std::size_t>(p - s.data());
      text::decode_one(s, i, len, exact);
      if (exact) {
        std::memcpy(dst, p, len);
        dst += len;
        p += len;
      } else {
        std::memcpy(dst, "\xEF\xBF\xBD", 3);  // U+FFFD
        dst += 3;
        ++p;
      }
      continue;
    }
    ++p;
    if (c >= 0x20 && c != '"' && c != '\\' && (!ForHtml || (c != '<' && c != '>' && c != '&'))) {
      *dst++ = static_cast<char>(c);
      continue;
    }
    *dst++ = '\\';
    switch (c) {
      case '"': *dst++ = '"'; break;
      case '\\': *dst++ = '\\'; break;
      case '\n': *dst++ = 'n'; break;
      case '\t': *dst++ = 't'; break;
      case '\r': *dst++ = 'r'; break;
      case '\b': *dst++ = 'b'; break;
      case '\f': *dst++ = 'f'; break;
      default: {
        static const char* hex = "0123456789abcdef";
        std::memcpy(dst, "u00", 3);
        dst[3] = hex[c >> 4];
        dst[4] = hex[c & 0xf];
        dst += 5;
      }
    }
  }
  *dst++ = '"';
  return dst;
}

}  // namespace

void append_json(std::string& out, std::string_view s) {
  std::size_t at = out.size();
  out.resize(at + kMaxEscaped * s.size() + 2);
  out.resize(static_cast<std::size_t>(escape<false>(out.data() + at, s) - out.data()));
}

void JsonWriter::separate() {
  // A comma, a line end and its indentation in one copy, from a run of spaces long enough for
  // any depth a model reaches: a fixed 64 bytes are copied (a copy the compiler inlines) and
  // what the line needs is kept. Deeper lines (never written today) take the slow way.
  static const std::string kLine = ",\n" + std::string(126, ' ');
  const bool comma = !empty_.back();
  empty_.back() = false;
  if (compact_) {
    if (comma) put(',');
    return;
  }
  if (empty_.size() >= line_from_) {
    if (comma) put(", ");
    return;
  }
  const std::size_t indent = static_cast<std::size_t>(base_indent_) + empty_.size() * 2;
  const std::size_t length = indent + (comma ? 2 : 1);
  if (length <= 64) {
    std::memcpy(room(64), kLine.data() + (comma ? 0 : 1), 64);
    used_ += length;
  } else if (indent + 2 <= kLine.size()) {
    put(std::string_view(kLine).substr(comma ? 0 : 1, length));
  } else {
    if (comma) put(',');
    put('\n');
    std::memset(room(indent), ' ', indent);
    used_ += indent;
  }
}

JsonWriter& JsonWriter::null_members(const std::vector<std::string_view>& keys) {
  if (empty_.back()) {  // the first member: no comma before it, nothing to copy
    for (std::string_view k : keys) plain_key(k).null();
    return *this;
  }
  const std::size_t depth = empty_.size();
  for (const auto& [id, text] : runs_)
    if (id.first == &keys && id.second == depth) {
      put(text);
      return *this;
    }
  const std::size_t start = used_;
  for (std::string_view k : keys) plain_key(k).null();
  runs_.push_back({{&keys, depth}, std::string(out_.data() + start, used_ - start)});
  return *this;
}

JsonWriter& JsonWriter::open(char bracket) {
  before_value();
  put(bracket);
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  bool was_empty = empty_.back();
  const bool on_line = empty_.size() >= line_from_;
  if (empty_.size() == line_from_) line_from_ = static_cast<std::size_t>(-1);
  empty_.pop_back();
  if (!was_empty && !compact_ && !on_line) {
    std::size_t indent = static_cast<std::size_t>(base_indent_) + empty_.size() * 2;
    char* p = room(indent + 1);
    *p = '\n';
    std::memset(p + 1, ' ', indent);
    used_ += indent + 1;
  }
  put(bracket);
  return *this;
}

JsonWriter& JsonWriter::escaped_key(std::string_view k) {
  before_value();
  char* at = room(kMaxEscaped * k.size() + 2);
  used_ = static_cast<std::size_t>((for_html_ ? escape<true>(at, k) : escape<false>(at, k)) - out_.data());
  put(compact_ ? std::string_view(":") : std::string_view(": "));
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view s) {
  before_value();
  char* at = room(kMaxEscaped * s.size() + 2);
  used_ = static_cast<std::size_t>((for_html_ ? escape<true>(at, s) : escape<false>(at, s)) - out_.data());
  return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t n) {
  char digits[24];
  char* end = digits + sizeof digits;
  char* p = end;
  std::uint64_t u = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  do {
    *--p = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u);
  if (n < 0) *--p = '-';
  return number(std::string_view(p, static_cast<std::size_t>(end - p)));
}

std::string JsonWriter::finish_into(std::string& spare) {
  put('\n');
  std::string text(out_.data(), used_);
  used_ = 0;
  spare = std::move(out_);
  return text;
}

std::string JsonWriter::finish() {
  put('\n');  // NDJSON's line end too
  out_.resize(used_);
  used_ = 0;
  return std::move(out_);
}

}  // namespace jixiao::emit
