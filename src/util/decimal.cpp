// Exact decimals for money and percentages: parsing, comparing, adding, printing.
#include "jixiao/decimal.hpp"

#include <limits>

namespace jixiao {
namespace {

constexpr int kMaxDigits = 18;  // 10^18 fits in int64 with room for a sign

std::int64_t pow10(int n) {
  std::int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// Scales `m` up by 10^n; nothing on overflow.
std::optional<std::int64_t> scale_up(std::int64_t m, int n) {
  for (int i = 0; i < n; ++i) {
    if (m > std::numeric_limits<std::int64_t>::max() / 10 ||
        m < std::numeric_limits<std::int64_t>::min() / 10)
      return std::nullopt;
    m *= 10;
  }
  return m;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  std::int64_t mantissa = 0;
  int digits = 0, scale = 0, seen = 0;
  bool point = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    ++seen;
    if (point) ++scale;
    if (mantissa == 0 && c == '0') {
      continue;  // leading zeros are not significant
    }
    if (++digits > kMaxDigits) return std::nullopt;
    mantissa = mantissa * 10 + (c - '0');
  }
  if (seen == 0 || scale > kMaxDigits) return std::nullopt;
  if (point && scale == 0) return std::nullopt;  // "12." is not written by anyone on purpose
  return Decimal(negative ? -mantissa : mantissa, scale);
}

std::string Decimal::to_string() const {
  std::int64_t m = mantissa_;
  int scale = scale_;
  while (scale > 0 && m % 10 == 0) {
    m /= 10;
    --scale;
  }
  bool negative = m < 0;
  std::string digits = std::to_string(negative ? -m : m);
  if (scale > 0) {
    if (static_cast<int>(digits.size()) <= scale)
      digits.insert(0, static_cast<std::size_t>(scale) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<std::size_t>(scale), ".");
  }
  return negative ? "-" + digits : digits;
}

std::optional<Decimal> Decimal::plus(const Decimal& other) const {
  int scale = scale_ > other.scale_ ? scale_ : other.scale_;
  auto a = scale_up(mantissa_, scale - scale_);
  auto b = scale_up(other.mantissa_, scale - other.scale_);
  if (!a || !b) return std::nullopt;
  std::int64_t sum;
  if (__builtin_add_overflow(*a, *b, &sum)) return std::nullopt;
  return Decimal(sum, scale);
}

std::optional<Decimal> Decimal::minus(const Decimal& other) const {
  if (other.mantissa_ == std::numeric_limits<std::int64_t>::min()) return std::nullopt;
  return plus(Decimal(-other.mantissa_, other.scale_));
}

std::optional<Decimal> Decimal::percent_change(const Decimal& to, int places) const {
  if (mantissa_ == 0 || places < 0 || places > 6) return std::nullopt;
  // Both at one scale, then (b - a) * 100 * 10^places / a in 128 bits, each step checked.
  const int scale = scale_ > to.scale_ ? scale_ : to.scale_;
  bool overflow = false;
  auto times = [&overflow](__int128 x, int factor, int n) {
    for (int i = 0; i < n; ++i) overflow = overflow || __builtin_mul_overflow(x, factor, &x);
    return x;
  };
  const __int128 a = times(mantissa_, 10, scale - scale_), b = times(to.mantissa_, 10, scale - to.scale_);
  const __int128 num = times(times(b - a, 100, 1), 10, places);
  if (overflow) return std::nullopt;
  __int128 q = num / a, r = num % a;
  // Half away from zero: |2r| >= |a|.
  __int128 r2 = r < 0 ? -2 * r : 2 * r, aa = a < 0 ? -a : a;
  if (r2 >= aa) q += ((num < 0) != (a < 0)) ? -1 : 1;
  if (q > std::numeric_limits<std::int64_t>::max() || q < -std::numeric_limits<std::int64_t>::max()) return std::nullopt;
  return Decimal(static_cast<std::int64_t>(q), places);
}

std::optional<Decimal> Decimal::divided_by_power_of_ten(int places) const {
  if (places < 0 || scale_ + places > kMaxDigits) return std::nullopt;
  return Decimal(mantissa_, scale_ + places);
}

int Decimal::compare(const Decimal& other) const {
  int scale = scale_ > other.scale_ ? scale_ : other.scale_;
  auto a = scale_up(mantissa_, scale - scale_);
  auto b = scale_up(other.mantissa_, scale - other.scale_);
  if (a && b) return *a < *b ? -1 : (*a > *b ? 1 : 0);
  // One side overflowed while scaling: compare integer parts first, then fractions.
  std::int64_t ia = mantissa_ / pow10(scale_), ib = other.mantissa_ / pow10(other.scale_);
  if (ia != ib) return ia < ib ? -1 : 1;
  return (mantissa_ < 0) == (other.mantissa_ < 0) ? 0 : (mantissa_ < 0 ? -1 : 1);
}

}  // namespace jixiao
