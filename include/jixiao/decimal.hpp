#pragma once
// An exact decimal number: money and percentages are never binary floating point.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jixiao {

class Decimal {
public:
  Decimal() = default;

  // Parses ASCII "[-+]digits[.digits]". No exponent, no separators: callers normalise first.
  // Returns nothing for anything else or for more than 18 significant digits.
  static std::optional<Decimal> parse(std::string_view text);
  static Decimal from_int(std::int64_t value) { return Decimal(value, 0); }

  // Canonical form: no trailing fractional zeros, no "-0" ("25.00" -> "25", "12.50" -> "12.5").
  std::string to_string() const;
  bool is_negative() const { return mantissa_ < 0; }

  // Exact sum; nothing when the result would not fit.
  std::optional<Decimal> plus(const Decimal& other) const;
  // Exact difference (this - other); nothing when the result would not fit.
  std::optional<Decimal> minus(const Decimal& other) const;
  // (to - this) / this * 100, rounded half away from zero to `places` decimals: a change in
  // percent. Nothing when this is zero or the result would not fit.
  std::optional<Decimal> percent_change(const Decimal& to, int places = 2) const;
  bool is_zero() const { return mantissa_ == 0; }
  // The value divided by 10^places, exactly (元 to 万元: 4); nothing past 18 decimal places.
  std::optional<Decimal> divided_by_power_of_ten(int places) const;
  int compare(const Decimal& other) const;
  bool operator==(const Decimal& o) const { return compare(o) == 0; }
  bool operator!=(const Decimal& o) const { return compare(o) != 0; }
  bool operator<(const Decimal& o) const { return compare(o) < 0; }

private:
  Decimal(std::int64_t mantissa, int scale) : mantissa_(mantissa), scale_(scale) {}
  std::int64_t mantissa_ = 0;  // value = mantissa / 10^scale
  int scale_ = 0;
};

}  // namespace jixiao
