// smr lsp: a language server over stdio (LSP 3.17, JSON-RPC): diagnostics
// on open and change (the same as `smr check`, across imports), hover,
// definition, references, completion, document symbols and formatting.
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/commands.h"
#include "cli/lsp_index.h"
#include "dsl/core/source.h"
#include "dsl/format.h"

namespace smr::cli {
namespace {

using Json = nlohmann::json;

std::string path_of(const std::string& uri) {
  std::string p = uri.rfind("file://", 0) == 0 ? uri.substr(7) : uri;
  std::string out;  // percent-decoding
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '%' && i + 2 < p.size()) {
      out += static_cast<char>(std::stoi(p.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += p[i];
    }
  }
  return out;
}

std::string uri_of(const std::string& path) { return "file://" + path; }

// Reads one message (Content-Length framing); false at the end of input.
// Reads one message (Content-Length framing). End at the end of input;
// Broken (with *error) for a header without a usable length, a message
// over kMaxMessage, or input that ends inside a message.
enum class Read { Message, End, Broken };
constexpr size_t kMaxMessage = size_t{512} << 20;  // as the largest model file

Read read_message(std::istream& in, std::string* body, std::string* error) {
  size_t length = 0;
  bool headers = false;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) break;
    headers = true;
    if (line.rfind("Content-Length:", 0) != 0) continue;
    char* end = nullptr;
    unsigned long long n = std::strtoull(line.c_str() + 15, &end, 10);
    if (end == line.c_str() + 15 || n > kMaxMessage) {
      *error =
          "a Content-Length must be a number of bytes up to 512 MiB, not '" + line.substr(15) + "'";
      return Read::Broken;
    }
    length = static_cast<size_t>(n);
  }
  if (!headers && !in) return Read::End;
  if (length == 0) {
    *error = "a message without a Content-Length";
    return Read::Broken;
  }
  body->assign(length, '\0');
  in.read(body->data(), static_cast<std::streamsize>(length));
  if (!in) *error = "the input ended inside a message";
  return in ? Read::Message : Read::Broken;
}

// The last of a didChange's changes: with full sync, the whole text.
const Json& last_change(const Json& p) {
  const Json& changes = p.at("contentChanges");
  if (!changes.is_array() || changes.empty()) throw std::out_of_range("no contentChanges");
  return changes.back();
}

void send(const Json& message) {
  std::string text = message.dump();
  std::cout << "Content-Length: " << text.size() << "\r\n\r\n" << text;
  std::cout.flush();
}

// The server's state: the open documents and their indexes.
class Server {
 public:
  // False once `exit` arrives.
  bool handle(const Json& msg) {
    if (!msg.is_object() || !msg.contains("method") || !msg["method"].is_string()) {
      send({{"jsonrpc", "2.0"},
            {"id", nullptr},
            {"error", {{"code", -32600}, {"message", "not a JSON-RPC request"}}}});
      return true;
    }
    std::string method = msg["method"];
    Json params = msg.contains("params") ? msg["params"] : Json::object();
    if (method == "exit") return false;
    if (!msg.contains("id")) {
      try {
        notification(method, params);
      } catch (const std::exception& e) {  // a malformed notification: say so, go on
        send({{"jsonrpc", "2.0"},
              {"method", "window/logMessage"},
              {"params", {{"type", 1}, {"message", "smr lsp: " + method + ": " + e.what()}}}});
      }
      return true;
    }
    Json result;
    try {
      result = request(method, params);
    } catch (const std::exception& e) {
      send({{"jsonrpc", "2.0"},
            {"id", msg["id"]},
            {"error", {{"code", -32603}, {"message", e.what()}}}});
      return true;
    }
    send({{"jsonrpc", "2.0"}, {"id", msg["id"]}, {"result", result}});
    return true;
  }

 private:
  struct Document {
    std::string uri, path, text;
    std::unique_ptr<DocumentIndex> index;
  };

  Json request(const std::string& method, const Json& p) {
    if (method == "initialize") return capabilities();
    if (method == "shutdown") return nullptr;
    Document* doc = find(p);
    if (!doc) return nullptr;
    if (method == "textDocument/hover") return hover(*doc, p.at("position"));
    if (method == "textDocument/definition") return definition(*doc, p.at("position"));
    if (method == "textDocument/references") return references(*doc, p.at("position"));
    if (method == "textDocument/completion") return completion(*doc);
    if (method == "textDocument/documentSymbol") return symbols(*doc);
    if (method == "textDocument/formatting") return formatting(*doc);
    throw std::runtime_error("unsupported request " + method);
  }

  void notification(const std::string& method, const Json& p) {
    if (method == "textDocument/didOpen") {
      update(p.at("textDocument").at("uri"), p.at("textDocument").at("text"));
    } else if (method == "textDocument/didChange") {
      // Full synchronisation: the last change holds the whole text.
      update(p.at("textDocument").at("uri"), last_change(p).at("text"));
    } else if (method == "textDocument/didClose") {
      docs_.erase(p.at("textDocument").at("uri").get<std::string>());
    }
  }

  static Json capabilities() {
    return {{"capabilities",
             {{"textDocumentSync", 1},
              {"hoverProvider", true},
              {"definitionProvider", true},
              {"referencesProvider", true},
              {"completionProvider", Json::object()},
              {"documentSymbolProvider", true},
              {"documentFormattingProvider", true}}},
            {"serverInfo", {{"name", "smr"}}}};
  }

  Document* find(const Json& p) {
    if (!p.contains("textDocument")) return nullptr;
    auto it = docs_.find(p.at("textDocument").at("uri").get<std::string>());
    return it == docs_.end() ? nullptr : &it->second;
  }

  void update(const std::string& uri, const std::string& text) {
    Document& d = docs_[uri];
    d.uri = uri;
    d.path = path_of(uri);
    d.text = text;
    d.index = std::make_unique<DocumentIndex>(d.path, text);
    publish(uri, d);
  }

  Json range(const Compilation& c, SourceLoc loc) const {
    std::string_view text = c.sources.text(loc.file);
    auto [l0, c0] = position_of(text, loc.offset);
    auto [l1, c1] = position_of(text, loc.offset + loc.length);
    return {{"start", {{"line", l0}, {"character", c0}}},
            {"end", {{"line", l1}, {"character", c1}}}};
  }

  // Diagnostics for the document and for each file it imports.
  void publish(const std::string& uri, const Document& d) {
    const Compilation& c = d.index->compilation();
    std::map<std::string, Json> by_file{{uri, Json::array()}};
    for (uint32_t f = 2; f <= c.sources.file_count(); ++f)
      by_file[uri_of(c.sources.path(f))] = Json::array();
    for (const auto& diag : c.diags.all()) {
      if (!diag.loc.valid()) continue;
      std::string file_uri = diag.loc.file == 1 ? uri : uri_of(c.sources.path(diag.loc.file));
      int severity = diag.severity == Severity::Error     ? 1
                     : diag.severity == Severity::Warning ? 2
                                                          : 3;
      by_file[file_uri].push_back({{"range", range(c, diag.loc)},
                                   {"severity", severity},
                                   {"source", "smr"},
                                   {"message", diag.message}});
    }
    if (!c.unreadable.empty()) {
      by_file[uri].push_back(
          {{"range",
            {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
           {"severity", 1},
           {"source", "smr"},
           {"message", "cannot read " + c.unreadable}});
    }
    for (auto& [file, diags] : by_file) {
      send({{"jsonrpc", "2.0"},
            {"method", "textDocument/publishDiagnostics"},
            {"params", {{"uri", file}, {"diagnostics", diags}}}});
    }
  }

  // The identifier under the cursor.
  std::string word_at(const Document& d, const Json& pos) const {
    size_t at = offset_of(d.text, pos.at("line").get<int>(), pos.at("character").get<int>());
    for (const auto& w : smr_words(d.text)) {
      if (w.offset <= at && at <= w.offset + w.text.size()) return std::string(w.text);
    }
    return "";
  }

  Json location(const Compilation& c, SourceLoc loc, const std::string& doc_uri) const {
    std::string uri = loc.file == 1 ? doc_uri : uri_of(c.sources.path(loc.file));
    return {{"uri", uri}, {"range", range(c, loc)}};
  }

  Json hover(const Document& d, const Json& pos) {
    auto found = d.index->find(word_at(d, pos));
    if (found.empty()) return nullptr;
    std::string text;
    for (const auto* decl : found) {
      text += fmt::format("{}**{}** `{}`{}{}", text.empty() ? "" : "\n\n", decl->kind, decl->name,
                          decl->detail.empty() ? "" : ": ", decl->detail);
    }
    return {{"contents", {{"kind", "markdown"}, {"value", text}}}};
  }

  // The file an `import "..."` under the cursor names, resolved as the
  // loader resolves it (relative to the document's directory).
  std::optional<std::string> import_at(const Document& d, const Json& pos) const {
    size_t at = offset_of(d.text, pos.at("line").get<int>(), pos.at("character").get<int>());
    size_t line_start = d.text.rfind('\n', at == 0 ? 0 : at - 1);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    size_t line_end = d.text.find('\n', at);
    std::string line = d.text.substr(
        line_start, line_end == std::string::npos ? std::string::npos : line_end - line_start);
    size_t kw = line.find("import");
    size_t open = line.find('"', kw),
           close = open == std::string::npos ? open : line.find('"', open + 1);
    if (kw == std::string::npos || close == std::string::npos) return std::nullopt;
    std::string target = line.substr(open + 1, close - open - 1);
    std::string dir = d.path.substr(0, d.path.find_last_of('/') + 1);
    return target.empty() || target[0] == '/' ? target : dir + target;
  }

  Json definition(const Document& d, const Json& pos) {
    Json out = Json::array();
    if (auto file = import_at(d, pos)) {
      Json start = {{"line", 0}, {"character", 0}};
      out.push_back({{"uri", uri_of(*file)}, {"range", {{"start", start}, {"end", start}}}});
      return out;
    }
    for (const auto* decl : d.index->find(word_at(d, pos))) {
      if (decl->loc.valid()) out.push_back(location(d.index->compilation(), decl->loc, d.uri));
    }
    return out;
  }

  Json references(const Document& d, const Json& pos) {
    std::string name = word_at(d, pos);
    Json out = Json::array();
    if (name.empty() || d.index->find(name).empty()) return out;
    const Compilation& c = d.index->compilation();
    for (uint32_t f = 1; f <= c.sources.file_count(); ++f) {
      for (const auto& w : smr_words(c.sources.text(f))) {
        if (w.text == name)
          out.push_back(location(
              c, {f, static_cast<uint32_t>(w.offset), static_cast<uint32_t>(w.text.size())},
              d.uri));
      }
    }
    return out;
  }

  Json completion(const Document& d) {
    Json items = Json::array();
    for (const auto& decl : d.index->declarations()) {
      // CompletionItemKind: 3 Function, 7 Class, 6 Variable, 21 Constant, 9 Module, 13 Enum, 2
      // Method, 18 Reference
      int kind = decl.lsp_kind == 12   ? 3
                 : decl.lsp_kind == 5  ? 7
                 : decl.lsp_kind == 13 ? 6
                 : decl.lsp_kind == 14 ? 21
                 : decl.lsp_kind == 2  ? 9
                 : decl.lsp_kind == 10 ? 13
                 : decl.lsp_kind == 6  ? 2
                                       : 18;
      items.push_back({{"label", decl.name},
                       {"kind", kind},
                       {"detail", decl.kind + (decl.detail.empty() ? "" : ": " + decl.detail)}});
    }
    for (auto word : smr_keywords()) items.push_back({{"label", std::string(word)}, {"kind", 14}});
    return {{"isIncomplete", false}, {"items", items}};
  }

  Json symbols(const Document& d) {
    Json out = Json::array();
    const Compilation& c = d.index->compilation();
    for (const auto& decl : d.index->declarations()) {
      if (!decl.loc.valid() || decl.loc.file != 1) continue;
      Json r = range(c, decl.loc);
      out.push_back({{"name", decl.name},
                     {"detail", decl.kind},
                     {"kind", decl.lsp_kind},
                     {"range", r},
                     {"selectionRange", r}});
    }
    return out;
  }

  Json formatting(const Document& d) {
    std::string formatted = format_smr(d.text);
    if (formatted == d.text) return Json::array();
    auto [line, character] = position_of(d.text, d.text.size());
    return Json::array({{{"range",
                          {{"start", {{"line", 0}, {"character", 0}}},
                           {"end", {{"line", line}, {"character", character}}}}},
                         {"newText", formatted}}});
  }

  std::map<std::string, Document> docs_;
};

}  // namespace

int run_lsp(const Options&) {
  std::ios::sync_with_stdio(false);
  Server server;
  std::string body, error;
  while (true) {
    Read r = read_message(std::cin, &body, &error);
    if (r == Read::End) break;
    if (r == Read::Broken) {
      fmt::print(stderr, "smr lsp: {}; stopping\n", error);
      return 1;
    }
    Json msg = Json::parse(body, nullptr, false);
    if (msg.is_discarded()) {
      send({{"jsonrpc", "2.0"},
            {"id", nullptr},
            {"error", {{"code", -32700}, {"message", "parse error"}}}});
      continue;
    }
    if (!server.handle(msg)) break;
  }
  return 0;
}

}  // namespace smr::cli
