#include "dsl/json_reader.h"

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

}  // namespace

// Skips one value, iteratively (no recursion on deep input).
size_t skip_value(std::string_view t, size_t i) {
  i = skip_ws(t, i);
  if (i >= t.size()) return i;
  if (t[i] == '"') return skip_string(t, i);
  if (t[i] != '{' && t[i] != '[') {
    while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n')
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

// The offset of the value at `path` (of a document that parsed), or of the
// deepest part of the path that exists.
size_t locate(std::string_view t, const Path& path) {
  size_t i = skip_ws(t, 0);
  for (const auto& seg : path) {
    if (i >= t.size()) return 0;
    if (const auto* key = std::get_if<std::string>(&seg)) {
      if (t[i] != '{') return i;
      size_t j = skip_ws(t, i + 1);
      bool found = false;
      while (j < t.size() && t[j] == '"') {
        size_t end = skip_string(t, j);
        std::string_view name = t.substr(j + 1, end - j - 2);
        j = skip_ws(t, end);
        j = skip_ws(t, j + 1);  // past ':'
        if (name == *key) {
          i = j;
          found = true;
          break;
        }
        j = skip_ws(t, skip_value(t, j));
        if (j < t.size() && t[j] == ',') j = skip_ws(t, j + 1);
      }
      if (!found) return i;
    } else {
      if (t[i] != '[') return i;
      size_t j = skip_ws(t, i + 1);
      for (size_t k = 0; k < std::get<size_t>(seg) && j < t.size(); ++k) {
        j = skip_ws(t, skip_value(t, j));
        if (j < t.size() && t[j] == ',') j = skip_ws(t, j + 1);
      }
      i = j;
    }
  }
  return i;
}

}  // namespace smr::json
