// Reading what was written: amounts, percentages, indicator values, numbered goals.
#include "extract/values.hpp"

#include "util/text.hpp"
#include "util/thread_local.hpp"

namespace jixiao::extract {
namespace {

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Folds full-width forms and a few look-alikes so that parsing compares one alphabet.
char32_t fold(char32_t c) {
  c = text::halfwidth(c);
  if (c == 0x2A7E || c == 0x2267) return 0x2265;  // ⩾ ≧ -> ≥
  if (c == 0x2A7D || c == 0x2266) return 0x2264;  // ⩽ ≦ -> ≤
  return c;
}

// The text without spaces, folded, into `out` (and as written into `original`): buffers that
// are reused, so that reading a value allocates nothing for them.
void folded_without_spaces(std::string_view text, std::u32string& out, std::u32string* original) {
  out.clear();
  if (original) original->clear();
  std::size_t len = 0;
  bool exact = true;
  for (std::size_t i = 0; i < text.size(); i += len) {
    char32_t c = text::decode_one(text, i, len, exact);
    if (text::is_space(c)) continue;
    out += fold(c);
    if (original) *original += c;
  }
}

// Reads "-1,234.5" at `i` (thousands separators only between groups of three).
std::optional<Decimal> number_at(std::u32string_view s, std::size_t& i) {
  std::size_t j = i;
  std::string ascii;
  if (j < s.size() && (s[j] == U'-' || s[j] == U'+')) ascii += static_cast<char>(s[j++]);
  std::size_t digits_start = j;
  while (j < s.size()) {
    if (is_digit(s[j])) {
      ascii += static_cast<char>(s[j++]);
    } else if (s[j] == U',' && j > digits_start && j + 3 < s.size() && is_digit(s[j + 1]) &&
               is_digit(s[j + 2]) && is_digit(s[j + 3]) &&
               (j + 4 >= s.size() || !is_digit(s[j + 4]))) {
      ++j;  // thousands separator
    } else {
      break;
    }
  }
  if (j == digits_start) return std::nullopt;
  if (j + 1 < s.size() && s[j] == U'.' && is_digit(s[j + 1])) {
    ascii += '.';
    ++j;
    while (j < s.size() && is_digit(s[j])) ascii += static_cast<char>(s[j++]);
  }
  auto d = Decimal::parse(ascii);
  if (d) i = j;
  return d;
}

bool ends_with(std::u32string_view s, std::u32string_view word) {
  return s.size() >= word.size() && s.substr(s.size() - word.size()) == word;
}

bool drop_suffix(std::u32string_view& s, std::u32string_view word) {
  if (!ends_with(s, word)) return false;
  s.remove_suffix(word.size());
  return true;
}

// A whole number: the text without spaces, folded, is one and nothing else.
std::optional<Decimal> whole_number(std::u32string_view s) {
  std::size_t i = 0;
  auto d = number_at(s, i);
  if (!d || i != s.size()) return std::nullopt;
  return d;
}

struct Buffers {
  std::u32string folded, original;
};
Buffers& buffers() {
  JIXIAO_THREAD_LOCAL(Buffers, b);
  return b;
}

}  // namespace

std::optional<Decimal> parse_amount(std::string_view text) {
  std::u32string& folded_buffer = buffers().folded;
  folded_without_spaces(text, folded_buffer, nullptr);
  std::u32string_view s = folded_buffer;
  if (!s.empty() && (s[0] == U'¥' || s[0] == U'￥')) s.remove_prefix(1);
  if (!drop_suffix(s, U"万元")) drop_suffix(s, U"元");
  return whole_number(s);
}

std::optional<Decimal> parse_percent(std::string_view text) {
  std::u32string& folded_buffer = buffers().folded;
  folded_without_spaces(text, folded_buffer, nullptr);
  std::u32string_view s = folded_buffer;
  drop_suffix(s, U"%") || drop_suffix(s, U"百分比");
  return whole_number(s);
}

namespace {
// is_date_value of a text already folded without its spaces.
bool is_date_folded(std::u32string_view s) {
  std::size_t digits = 0;
  while (digits < s.size() && is_digit(s[digits])) ++digits;
  if (digits == 0 || digits >= s.size()) return false;
  if (digits == 4 && s[4] == U'年') return true;
  if (digits <= 2 && s[digits] == U'月' && digits + 1 < s.size()) {
    const char32_t next = s[digits + 1];
    return next == U'底' || next == U'末' || next == U'份' || next == U'前' || is_digit(next);
  }
  return false;
}
}  // namespace

bool is_date_value(std::string_view text) {
  std::u32string s;
  folded_without_spaces(text, s, nullptr);
  return is_date_folded(s);
}

IndicatorValue parse_indicator_value(std::string_view text) {
  IndicatorValue v;
  v.text = std::string(text);
  std::u32string &folded_buffer = buffers().folded, &original_buffer = buffers().original;
  folded_without_spaces(text, folded_buffer, &original_buffer);
  std::u32string_view s = folded_buffer, original = original_buffer;
  if (is_date_folded(s)) return v;
  static const struct {
    std::u32string_view word;
    const char* op;
  } kOps[] = {
      {U"大于等于", ">="}, {U"大于或等于", ">="}, {U"不低于", ">="}, {U"不少于", ">="},
      {U"不小于", ">="},   {U"至少", ">="},       {U">=", ">="},     {U"=>", ">="},
      {U"≥", ">="},        {U"小于等于", "<="},   {U"小于或等于", "<="}, {U"不高于", "<="},
      {U"不超过", "<="},   {U"不大于", "<="},     {U"不多于", "<="}, {U"至多", "<="},
      {U"<=", "<="},       {U"=<", "<="},         {U"≤", "<="},      {U"大于", ">"},
      {U"高于", ">"},      {U"超过", ">"},        {U"多于", ">"},    {U">", ">"},
      {U"小于", "<"},      {U"低于", "<"},        {U"少于", "<"},    {U"<", "<"},
      {U"等于", "="},      {U"=", "="},
  };
  std::size_t i = 0;
  const char* op = nullptr;
  if (!s.empty() && !is_digit(s[0]))  // a number first: no comparison word before it
    for (const auto& o : kOps)
      if (o.word[0] == s[0] && s.substr(0, o.word.size()) == o.word) {  // the first character first
        op = o.op;
        i = o.word.size();
        break;
      }
  std::optional<Decimal> number = number_at(s, i);
  std::u32string_view rest = original.substr(i), rest_folded = s.substr(i);
  if (number && !op) {
    if (drop_suffix(rest_folded, U"以上")) op = ">=";
    else if (drop_suffix(rest_folded, U"以下") || drop_suffix(rest_folded, U"以内")) op = "<=";
    rest = rest.substr(0, rest_folded.size());
  }
  static const std::u32string_view kGrades[] = {U"优秀", U"良好", U"优良", U"合格", U"优",
                                                U"良",   U"中",   U"差"};
  for (std::u32string_view g : kGrades)
    if ((number || rest_folded == g) && drop_suffix(rest_folded, g)) {
      v.grade = text::encode(g);
      rest = rest.substr(0, rest_folded.size());
      break;
    }
  if (!number) {
    // Without a number there is no comparison, and nothing but a grade to read.
    return v;
  }
  if (op) v.op = op;
  v.number = number;
  bool has_digit = false;
  for (char32_t c : rest_folded) has_digit = has_digit || is_digit(c);
  if (!rest.empty() && !has_digit) v.unit = text::encode(rest);
  return v;
}

std::vector<Goal> split_goals(std::string_view text) {
  std::u32string s = text::decode(text);
  // A marker: "1." "1、" "1)" "（1）" "①"; returns its number and length, or 0 length.
  auto marker = [&](std::size_t i, int& number) -> std::size_t {
    if (i >= s.size()) return 0;
    char32_t c = fold(s[i]);
    if (s[i] >= 0x2460 && s[i] <= 0x2473) {
      number = static_cast<int>(s[i] - 0x2460) + 1;
      return 1;
    }
    bool paren = c == U'(' || s[i] == U'（';
    std::size_t j = paren ? i + 1 : i, start = j;
    int n = 0;
    while (j < s.size() && is_digit(fold(s[j])) && j - start < 3) n = n * 10 + int(fold(s[j++]) - U'0');
    if (j == start || j >= s.size()) return 0;
    char32_t sep = fold(s[j]);
    bool ok = paren ? (sep == U')' || s[j] == U'）')
                    : (sep == U'.' || s[j] == U'、' || sep == U')' || s[j] == U'）');
    if (!ok) return 0;
    if (!paren && sep == U'.' && j + 1 < s.size() && is_digit(fold(s[j + 1]))) return 0;  // 2.5
    number = n;
    return j + 1 - i;
  };
  std::vector<Goal> goals;
  goals.reserve(8);
  auto close = [&](std::optional<int> number, std::size_t from, std::size_t to) {
    // Trimmed as code points, then encoded: what trimming the encoded text gives.
    while (from < to && text::is_space(s[from])) ++from;
    while (to > from && text::is_space(s[to - 1])) --to;
    if (from < to || number) goals.push_back({number, text::encode(std::u32string_view(s).substr(from, to - from))});
  };
  std::size_t line_start = 0;
  while (line_start <= s.size()) {
    std::size_t line_end = s.find(U'\n', line_start);
    if (line_end == std::u32string::npos) line_end = s.size();
    std::size_t i = line_start;
    while (i < line_end && text::is_space(s[i])) ++i;
    int number = 0;
    std::size_t len = marker(i, number);
    std::optional<int> current;
    std::size_t item_start = i;
    if (len) {
      current = number;
      item_start = i + len;
    }
    // Further items run together in the same paragraph: only the next number in sequence.
    for (std::size_t j = item_start; current && j < line_end; ++j) {
      int n = 0;
      std::size_t l = marker(j, n);
      if (l && n == *current + 1 && j + l <= line_end) {
        close(current, item_start, j);
        current = n;
        item_start = j + l;
        j += l - 1;
      }
    }
    close(current, item_start, line_end);
    line_start = line_end + 1;
  }
  return goals;
}

namespace {

bool ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

int days_in(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Reads up to `most` digits at s[i]; -1 when there is none.
int digits_at(const std::u32string& s, std::size_t& i, int most) {
  int n = 0, count = 0;
  while (i < s.size() && ascii_digit(s[i]) && count < most) n = n * 10 + int(s[i++] - U'0'), ++count;
  return count ? n : -1;
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

std::vector<std::string> iso_dates(std::string_view text) {
  std::u32string s;
  for (char32_t c : text::decode(text))
    if (!text::is_space(c)) s += text::halfwidth(c);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    if (!ascii_digit(s[i]) || (i > 0 && ascii_digit(s[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t k = i;
    const int year = digits_at(s, k, 5);
    if (k - i != 4 || k >= s.size() || !(s[k] == U'年' || s[k] == U'-' || s[k] == U'.' || s[k] == U'/')) {
      i = k;
      continue;
    }
    const char32_t sep = s[k++];
    std::size_t m_at = k;
    const int month = digits_at(s, k, 2);
    if (month < 1 || month > 12 || (k < s.size() && ascii_digit(s[k]))) {
      i = m_at;
      continue;
    }
    std::string date = std::to_string(year) + "-" + two(month);
    if (sep == U'年' && k < s.size() && s[k] == U'月') ++k;
    if (k < s.size() && (s[k] == sep || (sep == U'年' && ascii_digit(s[k])))) {
      std::size_t d_at = s[k] == sep ? k + 1 : k;
      std::size_t j = d_at;
      const int day = digits_at(s, j, 2);
      if (day >= 1 && day <= days_in(year, month) && !(j < s.size() && ascii_digit(s[j]))) {
        date += "-" + two(day);
        k = j;
        if (k < s.size() && (s[k] == U'日' || s[k] == U'号')) ++k;
      }
    }
    out.push_back(date);
    i = k;
  }
  return out;
}

std::optional<std::string> chosen_option(std::string_view text, std::vector<std::string>* ticked) {
  auto is_tick = [](char32_t c) {
    return c == U'√' || c == U'✓' || c == U'✔' || c == U'☑' || c == U'■' || c == U'☒' || c == U'⊠' || c == U'▣';
  };
  auto is_box = [&](char32_t c) { return is_tick(c) || c == U'□' || c == U'☐' || c == U'○' || c == U'◯'; };
  const std::u32string s = text::decode(text);
  // The options: the text between the boxes, each box belonging to the text on the side where
  // the first box stands (before its option when the text starts with a box).
  std::size_t first = 0;
  while (first < s.size() && text::is_space(s[first])) ++first;
  const bool box_first = first < s.size() && is_box(s[first]);
  struct Option {
    std::u32string text;
    bool boxed = false, tick = false;
  };
  std::vector<Option> options(1);
  for (char32_t c : s) {
    if (is_box(c)) {
      if (box_first) {
        if (!options.back().text.empty() || options.back().boxed) options.emplace_back();
        options.back().boxed = true;
        options.back().tick = is_tick(c);
      } else {
        options.back().boxed = true;
        options.back().tick = options.back().tick || is_tick(c);
        options.emplace_back();
      }
    } else if (!text::is_space(c) || !options.back().text.empty()) {
      options.back().text += c;
    }
  }
  std::vector<std::string> chosen;
  bool any_box = false;
  for (const Option& o : options) {
    any_box = any_box || o.boxed;
    if (o.tick) chosen.push_back(text::trim(text::encode(o.text)));
  }
  if (ticked) *ticked = chosen;
  if (!any_box || chosen.empty()) return std::string(text);
  if (chosen.size() > 1) return std::nullopt;
  return chosen.front();
}

std::optional<std::string> unit_in_brackets(std::string_view name) {
  std::u32string s = text::decode(text::trim(name));
  if (s.size() < 3 || (s.back() != U')' && s.back() != U'）')) return std::nullopt;
  std::size_t open = s.find_last_of(U"(（");
  if (open == std::u32string::npos || open == 0 || open + 2 >= s.size()) return std::nullopt;
  std::u32string unit = s.substr(open + 1, s.size() - open - 2);
  if (unit.size() > 6) return std::nullopt;  // a remark, not a unit
  for (char32_t c : unit)
    if (text::is_space(c) || ascii_digit(c) || c == U'*') return std::nullopt;  // (**月**日前), (2023)
  return text::encode(unit);
}

}  // namespace jixiao::extract
