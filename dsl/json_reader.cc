#include "dsl/json_reader.h"

#include <memory>
#include <unordered_set>

#include "dsl/core/small_set.h"

namespace smr::json {

std::string path_text(const Path& path) {
  std::string out = "$";
  for (const auto& s : path) {
    if (const auto* key = std::get_if<std::string>(&s)) {
      out += "." + *key;
    } else {
      out += fmt::format("[{}]", std::get<size_t>(s));
    }
  }
  return out;
}

// ---- Finding a value's place in the text (nlohmann keeps no positions) --

namespace {

size_t skip_ws(std::string_view t, size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
  return i;
}

size_t skip_string(std::string_view t, size_t i) {  // at the opening quote
  for (++i; i < t.size() && t[i] != '"'; ++i) {
    if (t[i] == '\\') ++i;
  }
  return i + 1;
}

// Skips one value, iteratively (no recursion on deep input).
size_t skip_value(std::string_view t, size_t i) {
  i = skip_ws(t, i);
  if (i >= t.size()) return i;
  if (t[i] == '"') return skip_string(t, i);
  if (t[i] != '{' && t[i] != '[') {
    while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' &&
           t[i] != '\n' && t[i] != '\t' && t[i] != '\r')
      ++i;
    return i;
  }
  int depth = 0;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (c == '"') {
      i = skip_string(t, i) - 1;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return i + 1;
    }
  }
  return i;
}

}  // namespace

}  // namespace smr::json

namespace smr::json {
namespace {

struct Place {
  size_t begin = 0, end = 0;
};

struct DuplicateKey {
  size_t at = 0;
  std::string key;
};

// One pass over a document that parsed: the place of every value in
// document order (a container before its members), and every key that an
// object repeats.
class PlaceScanner {
 public:
  explicit PlaceScanner(std::string_view t) : t_(t) {}

  void run() {
    size_t i = 0;
    bool want_value = true;
    while (true) {
      i = skip_ws(t_, i);
      if (want_value) {
        if (i >= t_.size()) return;
        i = value(i, &want_value);
      } else {
        if (stack_.empty() || i >= t_.size()) return;
        if (t_[i] == ',') {
          i = skip_ws(t_, i + 1);
          if (stack_.back().object) i = key(i);
          want_value = true;
        } else {  // '}' or ']'
          places[stack_.back().place].end = ++i;
          stack_.pop_back();
        }
      }
    }
  }

  std::vector<Place> places;
  std::vector<DuplicateKey> duplicates;

 private:
  struct Frame {
    size_t place;
    bool object;
    // An object's keys: views of the text, or of `unescaped_`.
    SmallSet<std::string_view, std::unordered_set<std::string_view>> keys;
  };

  // A value starting at `i`; sets *want_value when a container's first
  // member follows.
  size_t value(size_t i, bool* want_value) {
    size_t index = places.size();
    places.push_back({i, i});
    char c = t_[i];
    if (c != '{' && c != '[') {
      size_t end = c == '"' ? skip_string(t_, i) : skip_value(t_, i);
      places[index].end = end;
      *want_value = false;
      return end;
    }
    stack_.push_back({index, c == '{', {}});
    i = skip_ws(t_, i + 1);
    if (i < t_.size() && (t_[i] == '}' || t_[i] == ']')) {
      places[index].end = i + 1;
      stack_.pop_back();
      *want_value = false;
      return i + 1;
    }
    if (c == '{') i = key(i);
    *want_value = true;
    return i;
  }

  // A key at `i` and its ':'; returns where the value starts.
  size_t key(size_t i) {
    size_t end = skip_string(t_, i);
    std::string_view name = t_.substr(i + 1, end - i - 2);
    if (name.find('\\') != std::string_view::npos) {  // rare: keep the unescaped key
      name = *unescaped_.emplace_back(
          std::make_unique<std::string>(Json::parse(t_.substr(i, end - i)).get<std::string>()));
    }
    if (!stack_.back().keys.insert(name)) duplicates.push_back({i, std::string(name)});
    i = skip_ws(t_, end);
    return skip_ws(t_, i + 1);
  }

  std::string_view t_;
  std::vector<Frame> stack_;
  std::vector<std::unique_ptr<std::string>> unescaped_;  // keys with escapes, unescaped
};

}  // namespace

bool Reader::parse(Json* out) {
  try {
    *out = Json::parse(text_);
  } catch (const Json::parse_error& e) {
    std::string what = e.what();
    size_t colon = what.find(": ", what.find("column"));
    std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
    size_t at = e.byte > 0 ? std::min<size_t>(e.byte - 1, text_.size()) : 0;
    diags_.error({file_, static_cast<uint32_t>(at), 1}, "invalid JSON: " + detail);
    return false;
  } catch (const Json::exception& e) {
    // For example a number too large for any JSON number type.
    report_exception(e);
    return false;
  }
  root_ = out;
  PlaceScanner scan(text_);
  scan.run();
  for (const auto& d : scan.duplicates) {
    diags_.error(
        {file_, static_cast<uint32_t>(d.at),
         static_cast<uint32_t>(skip_string(text_, d.at) - d.at)},
        fmt::format("duplicate key '{}': JSON readers would silently keep only one of them",
                    d.key));
    ++errors_;
  }
  if (!scan.duplicates.empty()) return false;
  // Pair each value with its place: both in document order.
  std::vector<const Json*> todo{out};
  places_.reserve(scan.places.size());
  size_t k = 0;
  while (!todo.empty() && k < scan.places.size()) {
    const Json* j = todo.back();
    todo.pop_back();
    places_.add(j, {static_cast<uint32_t>(scan.places[k].begin),
                    static_cast<uint32_t>(scan.places[k].end)});
    ++k;
    if (j->is_object()) {
      for (auto it = j->rbegin(); it != j->rend(); ++it) todo.push_back(&*it);
    } else if (j->is_array()) {
      for (size_t n = j->size(); n-- > 0;) todo.push_back(&(*j)[n]);
    }
  }
  return true;
}

SourceLoc Reader::loc(const Json& node, const Path& path) const {
  const Span* s = places_.find(&node);
  if (!s) return loc(path);
  return {file_, s->begin, std::max<uint32_t>(1, s->end - s->begin)};
}

SourceLoc Reader::loc(const Path& path) const {
  if (!root_) return {file_, 0, 1};
  const Json* node = root_;
  for (const auto& seg : path) {
    if (const auto* key = std::get_if<std::string>(&seg)) {
      if (!node->is_object()) break;
      auto it = node->find(*key);
      if (it == node->end()) break;
      node = &*it;
    } else {
      size_t index = std::get<size_t>(seg);
      if (!node->is_array() || index >= node->size()) break;
      node = &(*node)[index];
    }
  }
  const Span* s = places_.find(node);
  if (!s) return {file_, 0, 1};
  return {file_, s->begin, std::max<uint32_t>(1, s->end - s->begin)};
}

}  // namespace smr::json
