// Reading JSON documents with errors that name the JSON path and point at
// the value (file, line, column): the base of the HR org reader and the
// JSON Lines scenario reader.
#pragma once

#ifndef SMR_DSL_INTERNAL
#error "dsl/json_reader.h is private to dsl/"
#endif

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/check_context.h"
#include "dsl/core/diagnostic.h"
#include "dsl/core/source.h"
#include "dsl/core/spelling.h"
#include "dsl/json_line.h"
#include "dsl/lexer.h"

namespace smr::json {

// Ordered: objects keep the document's order, which pairs each value with
// its place in one pass.
using Json = nlohmann::ordered_json;
using Segment = std::variant<std::string, size_t>;
using Path = std::vector<Segment>;

// `$.persons[3].holds[0]`
std::string path_text(const Path& path);

// Reads one JSON document, reporting errors at `path` with its place.
class Reader {
 public:
  // The syntax tree built from the document keeps its text in `store`.
  Reader(const SourceManager& sources, uint32_t file, Diagnostics& diags, ast::TextStore& store)
      : text_(sources.text(file)), file_(file), diags_(diags), store_(store) {}

  // Parses the document into `out`, which must outlive the reader; false
  // with errors reported when it is not JSON or repeats a key.
  bool parse(Json* out);

  // An error nlohmann raised outside parsing (a number overflow): its
  // message names no position, so point at the number when it can be found.
  void report_exception(const nlohmann::json::exception& e) {
    std::string what = e.what();
    size_t bracket = what.find("] ");
    std::string detail = bracket == std::string::npos ? what : what.substr(bracket + 2);
    size_t at = 0;
    size_t open = detail.find('\''), close = detail.rfind('\'');
    if (open != std::string::npos && close > open + 1) {
      size_t found = text_.find(detail.substr(open + 1, close - open - 1));
      if (found != std::string_view::npos) at = found;
    }
    diags_.error({file_, static_cast<uint32_t>(at), 1}, "invalid JSON: " + detail);
    ++errors_;
  }

  // The place of the value at `path`, or of the deepest part of it that
  // exists. Constant time per path segment.
  SourceLoc loc(const Path& path) const;
  // The place of `node`, a value of the document, which is at `path`.
  SourceLoc loc(const Json& node, const Path& path) const;

  void error(const Path& path, const std::string& message) {
    diags_.error(loc(path), fmt::format("{}: {}", path_text(path), message));
    ++errors_;
  }
  int errors() const { return errors_; }

  // Checks that `j` is an object with only `allowed` keys.
  bool object(const Json& j, const Path& path, std::initializer_list<const char*> allowed) {
    if (!j.is_object()) {
      error(path, fmt::format("expected an object, not {}", j.type_name()));
      return false;
    }
    for (const auto& [key, value] : j.items()) {
      if (std::find(allowed.begin(), allowed.end(), std::string_view(key)) != allowed.end())
        continue;
      std::vector<std::string> names(allowed.begin(), allowed.end());
      Path p = path;
      p.push_back(key);
      std::string hint = closest_name(key, names);
      error(p, hint.empty() ? fmt::format("unknown field '{}'", key)
                            : fmt::format("unknown field '{}'; did you mean '{}'?", key, hint));
    }
    return true;
  }

  std::optional<std::string> string(const Json& j, const Path& path) {
    if (j.is_string()) return j.get<std::string>();
    error(path, fmt::format("expected a string, not {}", j.type_name()));
    return std::nullopt;
  }

  std::optional<std::string> required_string(const Json& obj, const Path& path, const char* key) {
    Path p = path;
    p.push_back(std::string(key));
    if (!obj.contains(key)) {
      error(path, fmt::format("missing field '{}'", key));
      return std::nullopt;
    }
    return string(obj.at(key), p);
  }

  // A JSON value as a literal of the language: true/false, an integer, or a
  // string holding any literal ("0.375", "12.5%", "250000 GBP", "2022-09-01").
  std::optional<ast::Literal> literal(const Json& j, const Path& path) {
    ast::Literal lit;
    lit.loc = loc(j, path);
    if (j.is_boolean()) {
      lit.kind = ast::LiteralKind::Bool;
      lit.text = j.get<bool>() ? "true" : "false";
      return lit;
    }
    if (j.is_number_integer()) {
      lit.kind = ast::LiteralKind::Int;
      lit.text = store_.keep(j.dump());
      return lit;
    }
    if (j.is_number_float()) {
      error(path,
            "write decimals as strings (\"0.375\", \"12.5%\", \"250000.50 GBP\"): binary floating "
            "point is not exact");
      return std::nullopt;
    }
    if (j.is_string()) {
      std::string_view s = store_.keep(j.get<std::string>());
      if (literal_of_text(s, &lit, store_)) return lit;
      error(path, fmt::format("'{}' is not a value (write 12, \"0.375\", \"12.5%\", \"250000 GBP\" "
                              "or \"2022-09-01\")",
                              s));
      return std::nullopt;
    }
    error(path, fmt::format("expected a value, not {}", j.type_name()));
    return std::nullopt;
  }

  // `text`, kept as long as the syntax tree built from the document.
  std::string_view keep(std::string text) { return store_.keep(std::move(text)); }

  ast::Word word(const std::string& text, const Path& path) {
    ast::Word w;
    w.text = store_.keep(text);
    w.loc = loc(path);
    return w;
  }
  // The same, placed at `node` (the value at `path`) without walking the path.
  ast::Word word(const std::string& text, const Json& node, const Path& path) {
    ast::Word w;
    w.text = store_.keep(text);
    w.loc = loc(node, path);
    return w;
  }

 private:
  struct Span {
    uint32_t begin = 0, end = 0;
  };
  // Every value's place in the text: searched in order in a small document
  // (a streamed line has a dozen values), hashed in a large one.
  class Places {
   public:
    void reserve(size_t n) {
      small_ = n <= kSmall;
      if (small_) {
        list_.reserve(n);
      } else {
        map_.reserve(n);
      }
    }
    void add(const Json* j, Span s) {
      if (small_) {
        list_.emplace_back(j, s);
      } else {
        map_.emplace(j, s);
      }
    }
    const Span* find(const Json* j) const {
      if (!small_) {
        auto it = map_.find(j);
        return it == map_.end() ? nullptr : &it->second;
      }
      for (const auto& [node, span] : list_) {
        if (node == j) return &span;
      }
      return nullptr;
    }

   private:
    static constexpr size_t kSmall = 64;
    bool small_ = true;
    std::vector<std::pair<const Json*, Span>> list_;
    std::unordered_map<const Json*, Span> map_;
  };

  std::string_view text_;
  const Json* root_ = nullptr;
  Places places_;
  uint32_t file_;
  Diagnostics& diags_;
  ast::TextStore& store_;
  int errors_ = 0;
};

inline Path with(Path p, Segment s) {
  p.push_back(std::move(s));
  return p;
}

// Reads the org(s) of JSON file `file` into the model `c` builds.
void read_orgs(const SourceManager& sources, uint32_t file, check::Context& c);

// One JSON Lines scenario (file `file` holds just that line) as the syntax
// tree the .smr grammar would give, its text kept in `store`.
std::optional<ast::Scenario> scenario_from_json(const SourceManager& sources, uint32_t file,
                                                Diagnostics& diags, ast::TextStore& store);

}  // namespace smr::json
