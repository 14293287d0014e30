#include "dsl/loader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "dsl/parser.h"

namespace smr {
namespace fs = std::filesystem;

bool read_file(const std::string& path, std::string* text, std::string* error) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    *error = "no such file";
    return false;
  }
  if (fs::is_directory(st)) {
    *error = "is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::strerror(errno);
    return false;
  }
  if (fs::is_regular_file(st) && fs::file_size(path, ec) > kMaxFileBytes) {
    *error = "file is larger than the limit of " + std::to_string(kMaxFileBytes >> 20) + " MiB";
    return false;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    *error = "read error";
    return false;
  }
  *text = std::move(buf).str();
  if (text->size() > kMaxFileBytes) {
    *error = "file is larger than the limit of " + std::to_string(kMaxFileBytes >> 20) + " MiB";
    return false;
  }
  return true;
}

namespace {

std::string identity(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::path(path), ec);
  return ec ? fs::absolute(path, ec).lexically_normal().string() : p.string();
}

}  // namespace

LoadResult load_model(const std::vector<SourceText>& roots, SourceManager& sources,
                      Diagnostics& diags, int jobs) {
  LoadResult result;
  std::set<std::string> seen;
  struct Pending {
    std::string path;
    SourceLoc import_loc;  // invalid for a command-line file
    int root = 0;
    const std::optional<std::string>* text = nullptr;  // given, not read
  };
  std::vector<Pending> queue;
  for (size_t i = 0; i < roots.size(); ++i)
    queue.push_back({roots[i].path, {}, static_cast<int>(i), &roots[i].text});
  for (size_t i = 0; i < queue.size(); ++i) {
    Pending item = queue[i];
    if (!seen.insert(identity(item.path)).second) continue;
    std::string text, error;
    if (item.text && *item.text) {
      text = **item.text;
    } else if (!read_file(item.path, &text, &error)) {
      if (item.import_loc.valid()) {
        diags.error(item.import_loc, "cannot read imported file '" + item.path + "': " + error);
      } else if (result.unreadable.empty()) {
        result.unreadable = item.path + ": " + error;
      }
      continue;
    }
    uint32_t id = sources.add(item.path, std::move(text));
    result.root_of.resize(id, -1);
    result.root_of[id - 1] = item.root;
    ast::File file = parse_file(sources, id, diags, jobs);
    fs::path dir = fs::path(item.path).parent_path();
    for (const auto& d : file.decls) {
      if (const auto* imp = boost::get<ast::Import>(&d)) {
        queue.push_back(
            {(dir / imp->path.text).lexically_normal().string(), imp->path.loc, item.root});
      }
    }
    result.files.push_back(std::move(file));
  }
  return result;
}

}  // namespace smr
