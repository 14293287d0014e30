#include "dsl/loader.h"

#include <filesystem>
#include <set>

#include "dsl/parser.h"

namespace smr {
namespace fs = std::filesystem;

namespace {

std::string identity(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::path(path), ec);
  return ec ? fs::absolute(path, ec).lexically_normal().string() : p.string();
}

// The directories imports may read from: each input file's own directory
// and the extra roots, resolved (symbolic links followed).
std::vector<fs::path> allowed_roots(const std::vector<SourceText>& files,
                                    const std::vector<std::string>& extra) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& f : files) {
    fs::path dir = fs::path(f.path).parent_path();
    out.push_back(fs::weakly_canonical(dir.empty() ? fs::path(".") : dir, ec));
  }
  for (const auto& r : extra) out.push_back(fs::weakly_canonical(r, ec));
  return out;
}

bool under(const fs::path& target, const fs::path& root) {
  fs::path rel = target.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

// An import may name only a file below one of the model's roots, so that a
// contributed ruleset cannot make a CI gate read the runner's other files.
bool import_allowed(const std::string& path, const std::vector<fs::path>& roots) {
  std::error_code ec;
  fs::path target = fs::weakly_canonical(path, ec);
  if (ec) return false;
  for (const auto& r : roots) {
    if (under(target, r)) return true;
  }
  return false;
}

}  // namespace

LoadResult load_model(const std::vector<SourceText>& roots, SourceManager& sources,
                      Diagnostics& diags, int jobs, const std::vector<std::string>& extra_roots,
                      bool defer_scenarios) {
  LoadResult result;
  std::vector<fs::path> allowed = allowed_roots(roots, extra_roots);
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
    FileText text;
    std::string error;
    if (item.import_loc.valid() && !import_allowed(item.path, allowed)) {
      diags.error(item.import_loc, "cannot import '" + item.path +
                                       "': imports must stay inside the model's directory (or a "
                                       "directory given with --root)");
      continue;
    }
    if (item.text && *item.text) {
      text = FileText(**item.text);
    } else if (!read_file_text(item.path, &text, &error)) {
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
    ast::File file = parse_file(sources, id, diags, jobs, defer_scenarios);
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
