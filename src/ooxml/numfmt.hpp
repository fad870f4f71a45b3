#pragma once
// SpreadsheetML number formats: what a stored number shows as in a cell, as Excel and
// LibreOffice display it in a Chinese locale, worked out from the stored text (never through a
// double). A format code is read once into a NumberFormat (as calamine and SheetJS's SSF
// classify a format once); each cell's text is then derived from it and the stored value.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::ooxml {

// A stored number's digits and exponent: value = ±digits × 10^exponent, read exactly from the
// text of a <v> ("12.57", "-3", "4.5E-2"). Nothing for what is not such a number.
struct StoredNumber {
  bool negative = false;
  std::string digits;  // no leading or trailing zeros; empty for zero
  int exponent = 0;
  static std::optional<StoredNumber> parse(std::string_view text);
};

class NumberFormat {
public:
  // The format with this code ("0.00%", "yyyy\"年\"m\"月\"d\"日\"", "General" …). A code using
  // what is not read here (conditions, fractions, exponents, scaling commas, elapsed time, month
  // or weekday names, fractional seconds, Chinese numerals) makes a format that is not
  // supported(): the caller shows the stored value and says so.
  explicit NumberFormat(std::string_view code);
  static constexpr std::size_t kMaxCode = 255;  // Excel's limit: a longer code is not supported()
  // The code of built-in format `id` as a zh-CN Excel shows it (14 is yyyy/m/d, 31 is
  // yyyy"年"m"月"d"日"); nothing for an id with no built-in code.
  static std::optional<std::string_view> builtin_code(int id);

  bool supported() const { return supported_; }
  bool is_date() const { return date_; }
  const std::string& code() const { return code_; }

  // The stored number as displayed; nothing when this format cannot show it (not supported, a
  // date out of Excel's range, text that is no number).
  std::optional<std::string> display(std::string_view stored, bool date1904 = false) const;

  struct Token {
    enum Kind { literal, digit, point, percent, general, year, month, minute, day, hour, second, ampm };
    Kind kind = literal;
    std::string text;  // a literal's text; a digit placeholder: "0", "#" or "?"
    int width = 0;     // a date part's letters (yyyy 4, m 1, mm 2); ampm: 0 AM/PM, 1 上午/下午
    bool grouped = false;  // a digit placeholder followed by a grouping comma
  };
  struct Section {
    std::vector<Token> tokens;
    bool date = false, number = false;
  };

private:
  std::optional<std::string> number(const Section& s, const StoredNumber& n, bool sign) const;
  std::optional<std::string> date(const Section& s, const StoredNumber& n, bool date1904) const;
  std::string code_;
  std::vector<Section> sections_;
  bool supported_ = true, date_ = false;
};

}  // namespace jixiao::ooxml
