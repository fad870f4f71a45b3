// Number formats read once, numbers shown exactly: digits are rounded as decimal strings (half
// away from zero, as Excel and LibreOffice round for display), dates counted from Excel's epochs.
#include "ooxml/numfmt.hpp"

#include <array>
#include <cstdint>

namespace jixiao::ooxml {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_nocase(std::string_view s, std::size_t at, std::string_view word) {
  if (s.size() - at < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (lower(s[at + k]) != lower(word[k])) return false;
  return true;
}

// The bytes of the character at `i`: its lead byte and the continuation bytes that follow it
// (no more than its lead announces), so that broken UTF-8 never swallows a quote or a bracket.
std::size_t char_length(std::string_view s, std::size_t i) {
  const unsigned char b = static_cast<unsigned char>(s[i]);
  const std::size_t want = b < 0xC0 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
  std::size_t n = 1;
  while (n < want && i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
  return n;
}

// "129" + 1 -> "130", "99" -> "100".
void increment(std::string& digits) {
  for (std::size_t k = digits.size(); k-- > 0;) {
    if (digits[k] != '9') {
      ++digits[k];
      return;
    }
    digits[k] = '0';
  }
  digits.insert(digits.begin(), '1');
}

// |n| × 10^places rounded half away from zero to an integer, as digits ("0" for zero).
std::string scaled_integer(const StoredNumber& n, int places) {
  const int e = n.exponent + places;
  if (n.digits.empty()) return "0";
  if (e >= 0) return n.digits + std::string(static_cast<std::size_t>(e), '0');
  const std::size_t cut = static_cast<std::size_t>(-e);
  if (cut > n.digits.size()) return "0";  // below half a unit of the last place
  std::string kept = n.digits.substr(0, n.digits.size() - cut);
  const bool up = n.digits[n.digits.size() - cut] >= '5';
  if (kept.empty()) kept = "0";
  if (up) increment(kept);
  return kept;
}

// |n| rounded to `places` decimals: its integer digits ("0" when none) and exactly `places`
// fraction digits.
std::pair<std::string, std::string> fixed(const StoredNumber& n, int places) {
  std::string s = scaled_integer(n, places);
  if (s.size() <= static_cast<std::size_t>(places)) s.insert(0, static_cast<std::size_t>(places) + 1 - s.size(), '0');
  std::string whole = s.substr(0, s.size() - static_cast<std::size_t>(places));
  const std::size_t lead = whole.find_first_not_of('0');
  whole = lead == std::string::npos ? "0" : whole.substr(lead);
  return {whole, s.substr(s.size() - static_cast<std::size_t>(places))};
}

// "General": the number to 15 significant digits (Excel's precision: a stored
// 0.30000000000000004 shows 0.3), plainly written up to 15 integer digits (as LibreOffice shows
// it in any column, and Excel in a wide one), else as 1.23457E+16.
std::string general(const StoredNumber& n) {
  if (n.digits.empty()) return "0";
  StoredNumber r = n;
  if (r.digits.size() > 15) {
    const int drop = static_cast<int>(r.digits.size()) - 15;
    std::string kept = scaled_integer(StoredNumber{false, r.digits, 0}, -drop);
    r.exponent += drop;
    r.digits = kept;
    while (!r.digits.empty() && r.digits.back() == '0') r.digits.pop_back(), ++r.exponent;
  }
  const int integer_digits = static_cast<int>(r.digits.size()) + r.exponent;
  std::string out = n.negative ? "-" : "";
  if (integer_digits > 15 || integer_digits < -8) {
    // d.ddddd E±xx, five decimals at most, trailing zeros dropped.
    StoredNumber m{false, r.digits, -(static_cast<int>(r.digits.size()) - 1)};
    int power = integer_digits - 1;
    auto [whole, frac] = fixed(m, 5);
    if (whole == "10") whole = "1", ++power;
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    out += whole + (frac.empty() ? "" : "." + frac) + "E" + (power < 0 ? "-" : "+");
    const int a = power < 0 ? -power : power;
    out += (a < 10 ? "0" : "") + std::to_string(a);
    return out;
  }
  if (r.exponent >= 0) return out + r.digits + std::string(static_cast<std::size_t>(r.exponent), '0');
  if (integer_digits > 0)
    return out + r.digits.substr(0, static_cast<std::size_t>(integer_digits)) + "." +
           r.digits.substr(static_cast<std::size_t>(integer_digits));
  return out + "0." + std::string(static_cast<std::size_t>(-integer_digits), '0') + r.digits;
}

// Days since 1970-01-01 -> year, month, day (proleptic Gregorian; H. Hinnant's civil_from_days).
void civil(std::int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(era * 400 + yoe + (m <= 2 ? 1 : 0));
}

std::string padded(int v, int width) {
  std::string s = std::to_string(v);
  return s.size() < static_cast<std::size_t>(width) ? std::string(static_cast<std::size_t>(width) - s.size(), '0') + s : s;
}

constexpr std::array<std::pair<int, std::string_view>, 45> kBuiltin = {{
    {0, "General"}, {1, "0"}, {2, "0.00"}, {3, "#,##0"}, {4, "#,##0.00"},
    {5, "\"¥\"#,##0;\"¥\"\\-#,##0"}, {6, "\"¥\"#,##0;[Red]\"¥\"\\-#,##0"},
    {7, "\"¥\"#,##0.00;\"¥\"\\-#,##0.00"}, {8, "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00"},
    {9, "0%"}, {10, "0.00%"}, {11, "0.00E+00"}, {12, "# ?/?"}, {13, "# ?\?/?\?"},
    {14, "yyyy/m/d"}, {15, "d-mmm-yy"}, {16, "d-mmm"}, {17, "mmm-yy"}, {18, "h:mm AM/PM"},
    {19, "h:mm:ss AM/PM"}, {20, "h:mm"}, {21, "h:mm:ss"}, {22, "yyyy/m/d h:mm"},
    {27, "yyyy\"年\"m\"月\""}, {28, "m\"月\"d\"日\""}, {29, "m\"月\"d\"日\""}, {30, "m-d-yy"},
    {31, "yyyy\"年\"m\"月\"d\"日\""}, {32, "h\"时\"mm\"分\""}, {33, "h\"时\"mm\"分\"ss\"秒\""},
    {34, "上午/下午h\"时\"mm\"分\""}, {35, "上午/下午h\"时\"mm\"分\"ss\"秒\""}, {36, "yyyy\"年\"m\"月\""},
    {37, "#,##0 ;(#,##0)"}, {38, "#,##0 ;[Red](#,##0)"}, {39, "#,##0.00;(#,##0.00)"},
    {40, "#,##0.00;[Red](#,##0.00)"}, {45, "mm:ss"}, {46, "[h]:mm:ss"}, {47, "mmss.0"},
    {48, "##0.0E+0"}, {49, "@"}, {50, "yyyy\"年\"m\"月\""}, {51, "m\"月\"d\"日\""},
    {57, "yyyy\"年\"m\"月\""},
}};

// A code's sections, split at ';' outside quotes, escapes and brackets; nothing for a quote or a
// bracket left open.
std::optional<std::vector<std::string_view>> split_sections(std::string_view code) {
  std::vector<std::string_view> parts;
  std::size_t from = 0;
  for (std::size_t i = 0; i <= code.size(); ++i) {
    if (i == code.size() || code[i] == ';') {
      parts.push_back(code.substr(from, i - from));
      from = i + 1;
    } else if (code[i] == '"') {
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) return std::nullopt;
      i = close;
    } else if (code[i] == '\\' || code[i] == '_' || code[i] == '*') {
      if (i + 1 < code.size()) ++i;  // the character it escapes, repeats or spaces like
    } else if (code[i] == '[') {
      const std::size_t close = code.find(']', i);
      if (close == std::string_view::npos) return std::nullopt;
      i = close;
    }
  }
  return parts;
}

// What a [...] shows: a currency's symbol ([$¥-804] "¥"), nothing for a colour or a locale
// ([Red], [$-804]); nothing at all (not read) for a condition, elapsed time, DBNum ….
std::optional<std::string> bracket_text(std::string_view inside) {
  if (!inside.empty() && inside[0] == '$') return std::string(inside.substr(1, inside.find('-') == std::string_view::npos ? std::string_view::npos : inside.find('-') - 1));
  static constexpr std::string_view kColours[] = {"red", "black", "blue", "cyan", "green", "magenta", "white", "yellow"};
  bool colour = starts_with_nocase(inside, 0, "color");
  for (std::string_view k : kColours) colour = colour || (inside.size() == k.size() && starts_with_nocase(inside, 0, k));
  if (colour) return std::string();
  return std::nullopt;
}

// The run of one date letter at `i` ("yyyy", "mm", "d" …): its part and its width.
NumberFormat::Token date_part(std::string_view p, std::size_t i) {
  using Token = NumberFormat::Token;
  const char l = lower(p[i]);
  std::size_t j = i;
  while (j < p.size() && lower(p[j]) == l) ++j;
  const Token::Kind kind = l == 'y' ? Token::year : l == 'm' ? Token::month : l == 'd' ? Token::day
                           : l == 'h' ? Token::hour : Token::second;
  return Token{kind, "", static_cast<int>(j - i)};
}

// One section's tokens; nothing when it uses what is not read here.
std::optional<NumberFormat::Section> read_section(std::string_view p) {
  using Token = NumberFormat::Token;
  bool ok = true;
  NumberFormat::Section s;
  auto literal = [&](std::string text) {
    if (!s.tokens.empty() && s.tokens.back().kind == Token::literal) s.tokens.back().text += text;
    else s.tokens.push_back(Token{Token::literal, std::move(text)});
  };
  auto fail = [&] { ok = false; };
  for (std::size_t i = 0; i < p.size() && ok;) {
    const char c = p[i];
    if (c == '"') {
      const std::size_t close = p.find('"', i + 1);
      if (close == std::string_view::npos) { fail(); break; }
      literal(std::string(p.substr(i + 1, close - i - 1)));
      i = close + 1;
    } else if (c == '\\') {
      const std::size_t len = i + 1 < p.size() ? char_length(p, i + 1) : 0;
      literal(std::string(p.substr(i + 1, len)));
      i += 1 + len;
    } else if (c == '_' || c == '*') {
      if (c == '_') literal(" ");  // a space as wide as the next character; a fill shows nothing
      i += 2;
    } else if (c == '[') {
      const std::size_t close = p.find(']', i);
      if (close == std::string_view::npos) { fail(); break; }
      const auto text = bracket_text(p.substr(i + 1, close - i - 1));
      if (!text) fail();
      else if (!text->empty()) literal(*text);
      i = close + 1;
    } else if (c == '0' || c == '#' || c == '?') {
      s.tokens.push_back(Token{Token::digit, std::string(1, c)});
      s.number = true;
      ++i;
    } else if (c == ',') {
      // Grouping between digit placeholders; a comma after the last one scales by 1000.
      const bool between = !s.tokens.empty() && s.tokens.back().kind == Token::digit && i + 1 < p.size() &&
                           (p[i + 1] == '0' || p[i + 1] == '#' || p[i + 1] == '?');
      if (between) s.tokens.back().grouped = true;
      else if (!s.tokens.empty() && s.tokens.back().kind == Token::digit) fail();
      else literal(",");
      ++i;
    } else if (c == '.' || c == '%') {
      if (c == '.' && s.date) { fail(); break; }  // fractional seconds
      s.tokens.push_back(Token{c == '.' ? Token::point : Token::percent, std::string(1, c)});
      ++i;
    } else if (((c == 'E' || c == 'e') && i + 1 < p.size() && (p[i + 1] == '+' || p[i + 1] == '-')) ||
               (c == '/' && s.number)) {
      fail();  // an exponent, a fraction
    } else if (starts_with_nocase(p, i, "general")) {
      s.tokens.push_back(Token{Token::general, ""});
      i += 7;
    } else if (starts_with_nocase(p, i, "am/pm") || starts_with_nocase(p, i, "a/p")) {
      s.tokens.push_back(Token{Token::ampm, "", 0});
      i += starts_with_nocase(p, i, "am/pm") ? 5 : 3;
    } else if (p.substr(i, 13) == "上午/下午") {
      s.tokens.push_back(Token{Token::ampm, "", 1});
      i += 13;
    } else if (const char l = lower(c); l == 'y' || l == 'm' || l == 'd' || l == 'h' || l == 's') {
      const Token part = date_part(p, i);
      if ((part.kind == Token::month || part.kind == Token::day) ? part.width > 2 : part.width > 4) fail();
      s.tokens.push_back(part);
      s.date = true;
      i += static_cast<std::size_t>(part.width);
    } else if (l == 'b' || l == 'e' || l == 'g' || l == 'n') {
      fail();  // Buddhist and era years, month names in other calendars
    } else if (c == '@') {
      s.tokens.push_back(Token{Token::general, ""});  // text's placeholder: a number shows as General
      ++i;
    } else {
      const std::size_t len = char_length(p, i);
      literal(std::string(p.substr(i, len)));
      i += len;
    }
  }
  if (!ok || (s.date && s.number)) return std::nullopt;
  return s;
}

// An m after an h (literals between) or before an s is minutes, not a month.
void mark_minutes(NumberFormat::Section& s) {
  using Token = NumberFormat::Token;
  for (std::size_t k = 0; k < s.tokens.size(); ++k) {
    if (s.tokens[k].kind != Token::month) continue;
    bool minute = false;
    for (std::size_t b = k; b-- > 0;) {
      if (s.tokens[b].kind == Token::literal) continue;
      minute = s.tokens[b].kind == Token::hour;
      break;
    }
    for (std::size_t a = k + 1; !minute && a < s.tokens.size(); ++a) {
      if (s.tokens[a].kind == Token::literal) continue;
      minute = s.tokens[a].kind == Token::second;
      break;
    }
    if (minute) s.tokens[k].kind = Token::minute;
  }
}

}  // namespace

std::optional<StoredNumber> StoredNumber::parse(std::string_view t) {
  StoredNumber n;
  std::size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) n.negative = t[i++] == '-';
  std::string digits;
  int exponent = 0;
  bool any = false, point = false;
  for (; i < t.size(); ++i) {
    if (is_digit(t[i])) {
      digits += t[i];
      any = true;
      if (point) --exponent;
    } else if (t[i] == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!any || digits.size() > 64) return std::nullopt;
  if (i < t.size()) {
    if (t[i] != 'e' && t[i] != 'E') return std::nullopt;
    ++i;
    bool negative = false;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) negative = t[i++] == '-';
    int e = 0;
    bool some = false;
    for (; i < t.size() && is_digit(t[i]); ++i, some = true)
      if ((e = e * 10 + (t[i] - '0')) > 400) return std::nullopt;
    if (!some || i != t.size()) return std::nullopt;
    exponent += negative ? -e : e;
  }
  const std::size_t lead = digits.find_first_not_of('0');
  if (lead == std::string::npos) return StoredNumber{};
  digits.erase(0, lead);
  while (digits.back() == '0') digits.pop_back(), ++exponent;
  n.digits = std::move(digits);
  n.exponent = exponent;
  return n;
}

std::optional<std::string_view> NumberFormat::builtin_code(int id) {
  for (const auto& [k, code] : kBuiltin)
    if (k == id) return code;
  return std::nullopt;
}

NumberFormat::NumberFormat(std::string_view code) : code_(code.substr(0, kMaxCode + 1)) {
  // Excel takes codes of 255 characters at most; a longer one (000… by the thousand, which
  // would pad every cell to that width) is not read.
  const auto parts = code.size() > kMaxCode ? std::nullopt : split_sections(code);
  if (!parts || parts->size() > 4) {
    supported_ = false;
    return;
  }
  for (std::string_view p : *parts) {
    auto s = read_section(p);
    if (!s) {
      supported_ = false;
      sections_.clear();
      return;
    }
    mark_minutes(*s);
    date_ = date_ || s->date;
    sections_.push_back(std::move(*s));
  }
}

std::optional<std::string> NumberFormat::display(std::string_view stored, bool date1904) const {
  if (!supported_) return std::nullopt;
  const auto n = StoredNumber::parse(stored);
  if (!n) return std::nullopt;
  // The first section for positives (and all, when alone), the second for negatives (without
  // a sign of its own), the third for zero; the fourth is for text.
  std::size_t k = 0;
  bool sign = n->negative;
  const std::size_t numeric = sections_.size() > 3 ? 3 : sections_.size();
  if (n->digits.empty() && numeric >= 3) k = 2;
  else if (n->negative && numeric >= 2) k = 1, sign = false;
  const Section& s = sections_[k];
  if (s.date) {
    if (n->negative) return std::nullopt;  // Excel shows ####
    return date(s, *n, date1904);
  }
  return number(s, *n, sign);
}

std::optional<std::string> NumberFormat::number(const Section& s, const StoredNumber& n, bool sign) const {
  StoredNumber v = n;
  v.negative = false;
  int places = 0;
  bool after_point = false, has_digits = false;
  std::string int_placeholders;
  for (const Token& t : s.tokens) {
    if (t.kind == Token::percent) v.exponent += v.digits.empty() ? 0 : 2;
    if (t.kind == Token::point) after_point = true;
    if (t.kind == Token::digit) {
      has_digits = true;
      if (after_point) ++places;
      else int_placeholders += t.text;
    }
  }
  std::string out = sign ? "-" : "";
  if (!has_digits) {
    // Literals around General or "@" (or only literals: Excel shows them alone).
    for (const Token& t : s.tokens) {
      if (t.kind == Token::general) out += general(v);
      else if (t.kind == Token::literal || t.kind == Token::percent) out += t.text;
    }
    return out;
  }
  bool grouped = false;
  for (const Token& t : s.tokens) grouped = grouped || (t.kind == Token::digit && t.grouped);
  auto [whole, frac] = fixed(v, places);
  // A negative number that rounds to zero shows no sign.
  if (sign && whole.find_first_not_of('0') == std::string::npos && frac.find_first_not_of('0') == std::string::npos)
    out.clear();
  // Integer digits: at least as many as the 0 placeholders ask; none for "#.00" and a value below 1.
  std::size_t zeros = 0, questions = 0;
  for (char c : int_placeholders) zeros += c == '0', questions += c == '?';
  if (whole == "0" && zeros == 0) whole.clear();
  if (whole.size() < zeros) whole.insert(0, zeros - whole.size(), '0');
  if (grouped && whole.size() > 3)
    for (std::size_t at = whole.size() - 3; at > 0; at = at > 3 ? at - 3 : 0) whole.insert(at, ",");
  if (whole.size() < zeros + questions) whole.insert(0, zeros + questions - whole.size(), ' ');
  // Fraction digits: trailing zeros under # are dropped, under ? become spaces.
  std::string frac_placeholders;
  after_point = false;
  for (const Token& t : s.tokens) {
    if (t.kind == Token::point) after_point = true;
    if (t.kind == Token::digit && after_point) frac_placeholders += t.text;
  }
  for (std::size_t k = frac.size(); k-- > 0 && frac[k] == '0';) {
    if (frac_placeholders[k] == '#') frac.erase(k, 1);
    else if (frac_placeholders[k] == '?') frac[k] = ' ';
    else break;
  }
  // The text: literals before the digits, the number, literals after (percent signs kept where
  // written); literals between digit placeholders are not read.
  bool number_written = false, in_number = false;
  for (std::size_t k = 0; k < s.tokens.size(); ++k) {
    const Token& t = s.tokens[k];
    if (t.kind == Token::digit || t.kind == Token::point) {
      if (number_written && !in_number) return std::nullopt;
      if (!number_written) {
        out += whole;
        if (after_point) out += "." + frac;
        number_written = in_number = true;
      }
      continue;
    }
    if (in_number) {
      // Only literals after the last placeholder may follow.
      bool more = false;
      for (std::size_t a = k + 1; a < s.tokens.size(); ++a)
        more = more || s.tokens[a].kind == Token::digit || s.tokens[a].kind == Token::point;
      if (more) return std::nullopt;
      in_number = false;
    }
    if (t.kind == Token::general) return std::nullopt;
    out += t.text;
  }
  return out;
}

std::optional<std::string> NumberFormat::date(const Section& s, const StoredNumber& n, bool date1904) const {
  // The serial's whole days and its time of day in seconds, rounded, carried into the day when a
  // time is shown (a date alone shows the day the serial falls in).
  // The stored digits split exactly at the decimal point.
  std::string whole = "0", fraction;
  const int int_digits = static_cast<int>(n.digits.size()) + n.exponent;
  if (n.digits.empty()) {
  } else if (n.exponent >= 0) {
    whole = n.digits + std::string(static_cast<std::size_t>(n.exponent), '0');
  } else if (int_digits > 0) {
    whole = n.digits.substr(0, static_cast<std::size_t>(int_digits));
    fraction = n.digits.substr(static_cast<std::size_t>(int_digits));
  } else {
    fraction = std::string(static_cast<std::size_t>(-int_digits), '0') + n.digits;
  }
  if (whole.size() > 8 || fraction.size() > 30) return std::nullopt;
  std::int64_t days = std::stoll(whole);
  std::int64_t seconds = 0;
  bool timed = false;
  for (const Token& t : s.tokens) timed = timed || t.kind == Token::hour || t.kind == Token::minute || t.kind == Token::second;
  if (timed && !fraction.empty()) {
    if (fraction.size() > 20) fraction.resize(20);
    __int128 f = 0, scale = 1;
    for (char c : fraction) f = f * 10 + (c - '0'), scale *= 10;
    seconds = static_cast<std::int64_t>((f * 86400 * 2 + scale) / (2 * scale));
    if (seconds >= 86400) {
      // Rounded into the next day: carried when the day shows; a time alone stays 23:59:59, as
      // LibreOffice shows it.
      bool dated = false;
      for (const Token& t : s.tokens) dated = dated || t.kind == Token::year || t.kind == Token::month || t.kind == Token::day;
      if (dated) seconds -= 86400, ++days;
      else seconds = 86399;
    }
  }
  if (days > 2958465) return std::nullopt;  // past 9999-12-31
  int y = 0, m = 0, d = 0;
  if (date1904) {
    civil(days - 24107, y, m, d);  // 1904-01-01 is day 0
  } else if (days == 60) {
    y = 1900, m = 2, d = 29;  // the day Lotus 1-2-3 counted and Excel keeps
  } else if (days == 0) {
    y = 1900, m = 1, d = 0;
  } else {
    civil(days - (days < 60 ? 25568 : 25569), y, m, d);  // 1900-01-01 is day 1
  }
  const int hour = static_cast<int>(seconds / 3600), minute = static_cast<int>(seconds / 60 % 60),
            second = static_cast<int>(seconds % 60);
  bool twelve = false;
  for (const Token& t : s.tokens) twelve = twelve || t.kind == Token::ampm;
  std::string out;
  for (const Token& t : s.tokens) {
    switch (t.kind) {
      case Token::year: out += t.width <= 2 ? padded(y % 100, 2) : padded(y, 4); break;
      case Token::month: out += padded(m, t.width); break;
      case Token::day: out += padded(d, t.width); break;
      case Token::hour: out += padded(twelve ? (hour % 12 == 0 ? 12 : hour % 12) : hour, t.width); break;
      case Token::minute: out += padded(minute, t.width); break;
      case Token::second: out += padded(second, t.width); break;
      case Token::ampm: out += t.width == 1 ? (hour < 12 ? "上午" : "下午") : (hour < 12 ? "AM" : "PM"); break;
      case Token::literal: out += t.text; break;
      default: return std::nullopt;
    }
  }
  return out;
}

}  // namespace jixiao::ooxml
