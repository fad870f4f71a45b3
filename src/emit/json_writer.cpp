#include "emit/json_writer.hpp"

#include "util/text.hpp"

namespace jixiao::emit {

void append_json(std::string& out, std::string_view s) {
  out += '"';
  // Valid UTF-8 is copied as it is, a run at a time; only control characters, quotes and
  // backslashes change. Anything invalid becomes U+FFFD.
  const std::size_t n = s.size();
  std::size_t i = 0, run = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xf0) == 0xe0 && i + 2 < n) {
      // The common case in Chinese text: a well-formed three-byte sequence, not a surrogate.
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]), c2 = static_cast<unsigned char>(s[i + 2]);
      if ((c1 & 0xc0) == 0x80 && (c2 & 0xc0) == 0x80 && (c != 0xe0 || c1 >= 0xa0) && (c != 0xed || c1 < 0xa0)) {
        i += 3;
        continue;
      }
    }
    if (c >= 0x80) {
      std::size_t len = 0;
      bool exact = true;  // shortest form, no surrogate, nothing past U+10FFFF
      text::decode_one(s, i, len, exact);
      if (exact) {
        i += len;
        continue;
      }
      out.append(s.data() + run, i - run);
      text::append_utf8(out, U'\uFFFD');
      run = ++i;
      continue;
    }
    out.append(s.data() + run, i - run);
    run = ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default: {
        static const char* hex = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xf];
      }
    }
  }
  out.append(s.data() + run, n - run);
  out += '"';
}

void JsonWriter::newline() {
  if (compact_) return;
  // A line end and its indentation in one append, from a run of spaces long enough for any
  // depth a model reaches; deeper lines (never written today) take the slow way.
  static const std::string kLine = "\n" + std::string(126, ' ');
  std::size_t indent = static_cast<std::size_t>(base_indent_) + empty_.size() * 2;
  if (indent < kLine.size()) {
    out_.append(kLine, 0, indent + 1);
  } else {
    out_ += '\n';
    out_.append(indent, ' ');
  }
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!empty_.empty()) {
    if (!empty_.back()) out_ += ',';
    empty_.back() = false;
    newline();
  }
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  bool was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty) newline();
  out_ += bracket;
  return *this;
}

JsonWriter& JsonWriter::end_object() { return close('}'); }

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() { return close(']'); }

JsonWriter& JsonWriter::key(std::string_view k) {
  before_value();
  // Keys are the program's own names: plain ASCII is written as it is.
  bool plain = true;
  for (char c : k) plain = plain && c >= 0x20 && c != '"' && c != '\\' && static_cast<unsigned char>(c) < 0x80;
  if (plain) {
    out_ += '"';
    out_ += k;
    out_ += '"';
  } else {
    append_json(out_, k);
  }
  out_ += compact_ ? ":" : ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view s) {
  before_value();
  append_json(out_, s);
  return *this;
}

JsonWriter& JsonWriter::number(const std::string& decimal_text) {
  before_value();
  out_ += decimal_text;
  return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t n) { return number(std::to_string(n)); }

JsonWriter& JsonWriter::boolean(bool b) { return number(b ? "true" : "false"); }

JsonWriter& JsonWriter::null() { return number("null"); }

std::string JsonWriter::finish() {
  out_ += '\n';  // NDJSON's line end too
  return std::move(out_);
}

}  // namespace jixiao::emit
