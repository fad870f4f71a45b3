#pragma once
// A small streaming JSON writer: keys in the order written, two-space indentation, numbers
// passed as exact decimal text, strings always valid UTF-8. Deterministic by construction.
//
// Why not a library: measured side by side on the same writer calls (bench/json_writers.cpp,
// bench/RESULTS.md), RapidJSON's PrettyWriter gives the same bytes in about twice the time, and
// nlohmann/json can write a number only through a double (the model's decimals would not stay
// exact) and is slower still.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::emit {

class JsonWriter {
public:
  // Compact: one line, no spaces (NDJSON); else two-space indentation. `for_html`: '<', '>' and
  // '&' in strings are written \u003c, \u003e, \u0026, so that the text can stand inside an
  // HTML <script> block and nothing in it can close the block (the review page's data).
  explicit JsonWriter(bool compact = false, int base_indent = 0, bool for_html = false)
      : compact_(compact), for_html_(for_html), base_indent_(base_indent) {}
  JsonWriter& begin_object() { return open('{'); }
  // An object written on one line, whatever the writer's layout: `{"a": 1, "b": [2, 3]}`, what
  // it holds on the same line (a report's finding: one per line, to read and to grep).
  JsonWriter& begin_line_object() {
    open('{');
    if (line_from_ > empty_.size()) line_from_ = empty_.size();
    return *this;
  }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  // A key: plain ASCII names are written as they are, anything else escaped.
  JsonWriter& key(std::string_view k) {
    bool plain = true;
    for (char c : k) plain = plain && c >= 0x20 && c != '"' && c != '\\' && static_cast<unsigned char>(c) < 0x80;
    return plain ? plain_key(k) : escaped_key(k);
  }
  // A key written in the program's source (every key of the models and reports): a plain
  // ASCII name, written as it is without a check.
  template <std::size_t N>
  JsonWriter& key(const char (&k)[N]) {
    return plain_key(std::string_view(k, N - 1));
  }
  JsonWriter& string(std::string_view s);
  JsonWriter& number(std::string_view decimal_text) {  // already a valid JSON number
    before_value();
    put(decimal_text);
    return *this;
  }
  JsonWriter& integer(std::int64_t n);
  // A string, or null when there is none.
  JsonWriter& string_or_null(const std::optional<std::string>& s) { return s ? string(*s) : null(); }
  JsonWriter& boolean(bool b) { return number(b ? "true" : "false"); }
  JsonWriter& null() { return number("null"); }
  // Members of the open object, after at least one other, each null: rendered once per writer
  // and depth, then copied (the other forms' keys are null on every row of most documents).
  // `keys` is a list that outlives the writer.
  JsonWriter& null_members(const std::vector<std::string_view>& keys);
  std::string finish();
  // The same text, copied out, with the writer's buffer handed to `spare` (its size the room
  // it had): the next writer given it with use() writes without growing or clearing it.
  std::string finish_into(std::string& spare);
  // Writes into `buffer` (whatever its content; its size is taken as room) from the start.
  void use(std::string&& buffer) {
    out_ = std::move(buffer);
    used_ = 0;
  }
  // Members rendered beforehand by a writer of the same layout, at the same depth (`"a": 1,
  // "b": "x"` in a line object), written as the next members of the open object.
  JsonWriter& members(std::string_view rendered) {
    before_value();
    put(rendered);
    return *this;
  }
  // Text written as it is, before anything else (a stream's indentation).
  JsonWriter& raw(std::string_view text) {
    put(text);
    return *this;
  }

private:
  // Room for `n` more bytes at the end of what is written; the caller writes them and adds
  // them to used_. The text lives in out_, whose size is its room, until finish().
  char* room(std::size_t n) {
    if (out_.size() - used_ < n) out_.resize(std::max(out_.size() * 2, used_ + n + 256));
    return out_.data() + used_;
  }
  // null_members' runs, by their list and depth.
  std::vector<std::pair<std::pair<const void*, std::size_t>, std::string>> runs_;
  void put(std::string_view s) {
    std::memcpy(room(s.size()), s.data(), s.size());
    used_ += s.size();
  }
  void put(char c) {
    *room(1) = c;
    ++used_;
  }
  void before_value() {
    if (after_key_) after_key_ = false;
    else if (!empty_.empty()) separate();
  }
  JsonWriter& escaped_key(std::string_view k);
  JsonWriter& plain_key(std::string_view k) {
    before_value();
    char* p = room(k.size() + 4);
    *p++ = '"';
    std::memcpy(p, k.data(), k.size());
    p += k.size();
    *p++ = '"';
    *p++ = ':';
    if (!compact_) *p++ = ' ';
    used_ = static_cast<std::size_t>(p - out_.data());
    after_key_ = true;
    return *this;
  }
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  // A comma when needed, then the line end and indentation of the next member.
  void separate();
  std::string out_;
  std::size_t used_ = 0;
  std::vector<char> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
  // The depth from which containers are written on one line (begin_line_object), or none.
  std::size_t line_from_ = static_cast<std::size_t>(-1);
  bool compact_ = false;
  bool for_html_ = false;
  int base_indent_ = 0;  // every line shifted right by this much: to nest in a stream
};

// `s` as a JSON string, quoted and escaped, appended to `out`.
void append_json(std::string& out, std::string_view s);

}  // namespace jixiao::emit
