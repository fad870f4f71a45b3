// The JSON writers side by side: jixiao's own (src/emit/json_writer), RapidJSON's PrettyWriter
// and nlohmann/json's dump, each given the same documents as the same sequence of writer calls.
// Each document's JSON (as jixiao writes it) is read once with nlohmann's SAX parser into a list
// of events (begin/end object or array, key, string, number as written, literal); the timed
// part replays the events into each writer, so that every writer does the same work and only
// the writing differs. nlohmann has no way to write a number as given: its numbers go through
// a double, which is why the model's exact decimals could never be written with it; it is
// timed all the same (building its tree, then dump(2)).
//
// Usage: json_writers ROUNDS FILE.docx...   Prints, for each writer, the fastest round's time in
// ms and whether its bytes equal jixiao's.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "emit/json_writer.hpp"
#include "jixiao/emit.hpp"
#include "jixiao/pipeline.hpp"

namespace {

enum class Kind { begin_object, end_object, begin_array, end_array, key, string, number, literal };
struct Event {
  Kind kind;
  std::string text;
};

struct Recorder : nlohmann::json_sax<nlohmann::json> {
  std::vector<Event>& out;
  explicit Recorder(std::vector<Event>& o) : out(o) {}
  bool null() override { return add(Kind::literal, "null"); }
  bool boolean(bool v) override { return add(Kind::literal, v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return add(Kind::number, std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return add(Kind::number, std::to_string(v)); }
  bool number_float(number_float_t, const string_t& s) override { return add(Kind::number, s); }
  bool string(string_t& v) override { return add(Kind::string, v); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return add(Kind::begin_object, ""); }
  bool key(string_t& v) override { return add(Kind::key, v); }
  bool end_object() override { return add(Kind::end_object, ""); }
  bool start_array(std::size_t) override { return add(Kind::begin_array, ""); }
  bool end_array() override { return add(Kind::end_array, ""); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
  bool add(Kind k, std::string t) {
    out.push_back({k, std::move(t)});
    return true;
  }
};

std::string with_ours(const std::vector<Event>& events) {
  jixiao::emit::JsonWriter w;
  for (const Event& e : events) switch (e.kind) {
      case Kind::begin_object: w.begin_object(); break;
      case Kind::end_object: w.end_object(); break;
      case Kind::begin_array: w.begin_array(); break;
      case Kind::end_array: w.end_array(); break;
      case Kind::key: w.key(std::string_view(e.text)); break;
      case Kind::string: w.string(e.text); break;
      case Kind::number: case Kind::literal: w.number(e.text); break;
    }
  return w.finish();
}

std::string with_rapidjson(const std::vector<Event>& events) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  for (const Event& e : events) switch (e.kind) {
      case Kind::begin_object: w.StartObject(); break;
      case Kind::end_object: w.EndObject(); break;
      case Kind::begin_array: w.StartArray(); break;
      case Kind::end_array: w.EndArray(); break;
      case Kind::key: w.Key(e.text.data(), static_cast<rapidjson::SizeType>(e.text.size())); break;
      case Kind::string: w.String(e.text.data(), static_cast<rapidjson::SizeType>(e.text.size())); break;
      case Kind::number: w.RawValue(e.text.data(), e.text.size(), rapidjson::kNumberType); break;
      case Kind::literal:
        if (e.text == "null") w.Null();
        else w.Bool(e.text == "true");
        break;
    }
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string with_nlohmann(const std::vector<Event>& events) {
  std::vector<nlohmann::ordered_json*> stack;
  nlohmann::ordered_json root;
  std::string key;
  auto put = [&](nlohmann::ordered_json v) -> nlohmann::ordered_json* {
    if (stack.empty()) {
      root = std::move(v);
      return &root;
    }
    nlohmann::ordered_json& top = *stack.back();
    if (top.is_array()) {
      top.push_back(std::move(v));
      return &top.back();
    }
    return &(top[key] = std::move(v));
  };
  for (const Event& e : events) switch (e.kind) {
      case Kind::begin_object: stack.push_back(put(nlohmann::ordered_json::object())); break;
      case Kind::begin_array: stack.push_back(put(nlohmann::ordered_json::array())); break;
      case Kind::end_object: case Kind::end_array: stack.pop_back(); break;
      case Kind::key: key = e.text; break;
      case Kind::string: put(e.text); break;
      case Kind::number: put(nlohmann::ordered_json::parse(e.text)); break;
      case Kind::literal: put(nlohmann::ordered_json::parse(e.text)); break;
    }
  return root.dump(2) + "\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: json_writers ROUNDS FILE.docx...\n");
    return 2;
  }
  const int rounds = std::atoi(argv[1]);
  std::vector<std::vector<Event>> docs;
  std::vector<std::string> expected;
  for (int k = 2; k < argc; ++k) {
    auto doc = jixiao::read_document(argv[k], jixiao::ReadOptions{});
    if (!doc) continue;
    expected.push_back(jixiao::to_json(*doc, jixiao::Lang::zh));
    docs.emplace_back();
    Recorder recorder(docs.back());
    nlohmann::json::sax_parse(expected.back(), &recorder);
  }
  struct Writer {
    const char* name;
    std::string (*write)(const std::vector<Event>&);
  } writers[] = {{"jixiao JsonWriter", with_ours}, {"RapidJSON PrettyWriter", with_rapidjson},
                 {"nlohmann ordered_json dump(2)", with_nlohmann}};
  for (const Writer& w : writers) {
    double best = 1e9;
    std::size_t same = 0, bytes = 0;
    for (int r = 0; r < rounds; ++r) {
      same = bytes = 0;
      auto start = std::chrono::steady_clock::now();
      for (std::size_t d = 0; d < docs.size(); ++d) {
        std::string text = w.write(docs[d]);
        bytes += text.size();
        same += text == expected[d];
      }
      best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::printf("%s\t%.1f ms\t%zu of %zu documents the same bytes as jixiao's\t%zu bytes\n", w.name, best, same,
                docs.size(), bytes);
  }
  return 0;
}
