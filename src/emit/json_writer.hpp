#pragma once
// A small streaming JSON writer: keys in the order written, two-space indentation, numbers
// passed as exact decimal text, strings always valid UTF-8. Deterministic by construction.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::emit {

class JsonWriter {
public:
  // Compact: one line, no spaces (NDJSON); else two-space indentation.
  explicit JsonWriter(bool compact = false, int base_indent = 0)
      : compact_(compact), base_indent_(base_indent) {}
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& string(std::string_view s);
  JsonWriter& number(const std::string& decimal_text);  // already a valid JSON number
  JsonWriter& integer(std::int64_t n);
  JsonWriter& boolean(bool b);
  JsonWriter& null();
  std::string finish();
  // Text written as it is, before anything else (a stream's indentation).
  JsonWriter& raw(std::string_view text) {
    out_ += text;
    return *this;
  }
  void reserve(std::size_t bytes) { out_.reserve(bytes); }

private:
  void before_value();
  JsonWriter& close(char bracket);
  void newline();
  std::string out_;
  std::vector<char> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
  bool compact_ = false;
  int base_indent_ = 0;  // every line shifted right by this much: to nest in a stream
};

// `s` as a JSON string, quoted and escaped, appended to `out`.
void append_json(std::string& out, std::string_view s);

}  // namespace jixiao::emit
