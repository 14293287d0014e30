// smr lsp driven by a scripted client: each request of the protocol the
// server offers, with the answers checked against the worked example.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support.h"

using Json = nlohmann::json;
using smr::testing::run_smr;
using smr::testing::temp_dir;
using smr::testing::write_file;

namespace {

std::string frame(const Json& j) {
  std::string body = j.dump();
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::vector<Json> unframe(const std::string& out) {
  std::vector<Json> messages;
  size_t at = 0;
  while ((at = out.find("Content-Length: ", at)) != std::string::npos) {
    size_t length = std::stoul(out.substr(at + 16));
    size_t body = out.find("\r\n\r\n", at) + 4;
    messages.push_back(Json::parse(out.substr(body, length)));
    at = body + length;
  }
  return messages;
}

Json request(int id, const std::string& method, Json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}};
}

Json at(const std::string& uri, int line, int character) {
  return {{"textDocument", {{"uri", uri}}},
          {"position", {{"line", line}, {"character", character}}}};
}

const Json* response(const std::vector<Json>& all, int id) {
  for (const auto& m : all) {
    if (m.contains("id") && m["id"] == id) return &m;
  }
  return nullptr;
}

// The line (0-based) of the first line of `text` containing `part`.
int line_of(const std::string& text, const std::string& part) {
  return static_cast<int>(std::count(text.begin(), text.begin() + text.find(part), '\n'));
}

// One session of the scripted client over the worked example: open, each
// request, an edit to a broken text, formatting, shutdown.
struct Session {
  std::string text, uri;
  int expect_line = 0;
  std::vector<Json> all;
};

Session run_session() {
  Session out_session;
  std::string dir = temp_dir();
  std::ifstream in(std::string(SMR_SOURCE_DIR) + "/rulesets/example/example.smr");
  std::stringstream s;
  s << in.rdbuf();
  std::string text = s.str(), uri = "file://" + dir + "/example.smr";
  std::string messy = "rule r { when severity>=2; then censure to acountable; }\n";
  int expect_line = line_of(text, "  expect bob:");
  int use_line = line_of(text, "seriousness[severity]");
  int use_col = static_cast<int>(text.find("seriousness[severity]") -
                                 text.rfind('\n', text.find("seriousness[severity]")) - 1);
  std::string script =
      frame(request(1, "initialize", {{"capabilities", Json::object()}})) +
      frame({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", Json::object()}}) +
      frame({{"jsonrpc", "2.0"},
             {"method", "textDocument/didOpen"},
             {"params",
              {{"textDocument",
                {{"uri", uri}, {"languageId", "smr"}, {"version", 1}, {"text", text}}}}}}) +
      frame(request(2, "textDocument/hover", at(uri, expect_line, 10))) +
      frame(request(3, "textDocument/definition", at(uri, use_line, use_col + 2))) +
      frame(request(4, "textDocument/references", at(uri, use_line, use_col + 2))) +
      frame(request(5, "textDocument/completion", at(uri, 0, 0))) +
      frame(request(6, "textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}})) +
      frame(request(7, "textDocument/formatting",
                    {{"textDocument", {{"uri", uri}}},
                     {"options", {{"tabSize", 2}, {"insertSpaces", true}}}})) +
      frame({{"jsonrpc", "2.0"},
             {"method", "textDocument/didChange"},
             {"params",
              {{"textDocument", {{"uri", uri}, {"version", 2}}},
               {"contentChanges", Json::array({{{"text", messy}}})}}}}) +
      frame(request(8, "textDocument/formatting",
                    {{"textDocument", {{"uri", uri}}}, {"options", Json::object()}})) +
      frame(request(9, "shutdown", nullptr)) + frame({{"jsonrpc", "2.0"}, {"method", "exit"}});
  write_file(dir + "/in.txt", script);
  std::string out, err;
  REQUIRE(run_smr("lsp < " + dir + "/in.txt", &out, &err) == 0);
  out_session = {text, uri, expect_line, unframe(out)};
  return out_session;
}

}  // namespace

TEST_CASE("lsp: go to definition on an import opens the imported file", "[lsp]") {
  std::string dir = temp_dir();
  write_file(dir + "/rules.smr", "import \"decl.smr\";\nrule r { then censure to accountable; }\n");
  write_file(dir + "/decl.smr", "regime \"R\" { currency GBP; }\n");
  std::string uri = "file://" + dir + "/rules.smr";
  std::string script =
      frame(request(1, "initialize", Json::object())) +
      frame({{"jsonrpc", "2.0"},
             {"method", "textDocument/didOpen"},
             {"params",
              {{"textDocument",
                {{"uri", uri},
                 {"languageId", "smr"},
                 {"version", 1},
                 {"text", "import \"decl.smr\";\nrule r { then censure to accountable; }\n"}}}}}}) +
      frame(request(2, "textDocument/definition", at(uri, 0, 10))) +
      frame({{"jsonrpc", "2.0"}, {"method", "exit"}});
  write_file(dir + "/in.txt", script);
  std::string out, err;
  REQUIRE(run_smr("lsp < " + dir + "/in.txt", &out, &err) == 0);
  auto all = unframe(out);
  const Json& def = (*response(all, 2))["result"];
  REQUIRE(def.size() == 1);
  CHECK(def[0]["uri"] == "file://" + dir + "/decl.smr");
}

TEST_CASE("lsp: diagnostics, hover, definition, references, completion, symbols, formatting",
          "[lsp]") {
  Session session = run_session();
  const auto& all = session.all;
  const std::string& text = session.text;
  const std::string& uri = session.uri;

  CHECK((*response(all, 1))["result"]["capabilities"]["hoverProvider"] == true);
  // didOpen: the example has no error; the warnings of `smr check`.
  std::vector<Json> published;
  for (const auto& m : all) {
    if (m.value("method", "") == "textDocument/publishDiagnostics")
      published.push_back(m["params"]);
  }
  REQUIRE(published.size() == 2);
  CHECK(published[0]["uri"] == uri);
  bool warned = false;
  for (const auto& diag : published[0]["diagnostics"]) {
    CHECK(diag["severity"] != 1);
    warned = warned || diag["message"] ==
                           "'bob' is responsible for 'child_safety' from 2023-07-01 "
                           "on but holds no function then";
  }
  CHECK(warned);
  // didChange: the misspelt selector, at its place (line 0, character 43, 0-based).
  Json d;
  for (const auto& diag : published[1]["diagnostics"]) {
    if (diag["message"].get<std::string>().find("acountable") != std::string::npos) d = diag;
  }
  REQUIRE(d.is_object());
  CHECK(d["severity"] == 1);
  CHECK(d["range"]["start"] == Json({{"line", 0}, {"character", 43}}));
  CHECK(d["message"].get<std::string>().find("acountable") != std::string::npos);

  std::string hover = (*response(all, 2))["result"]["contents"]["value"];
  CHECK(hover ==
        "**person** `bob`: Bob Jones in acme: holds SMF24 (from 2020-01-01 until 2023-07-01); "
        "responsible for child_safety (from 2021-01-01)");
  const Json& def = (*response(all, 3))["result"];
  REQUIRE(def.size() == 1);
  CHECK(def[0]["uri"] == uri);
  CHECK(def[0]["range"]["start"]["line"] == line_of(text, "table seriousness"));
  CHECK((*response(all, 4))["result"].size() == 2);  // the table and its one use
  bool area = false, keyword = false;
  for (const auto& item : (*response(all, 5))["result"]["items"]) {
    area = area || (item["label"] == "child_safety" && item["kind"] == 7);
    keyword = keyword || (item["label"] == "when" && item["kind"] == 14);
  }
  CHECK((area && keyword));
  bool rule = false;
  for (const auto& sym : (*response(all, 6))["result"])
    rule = rule || (sym["name"] == "fine_by_seriousness" && sym["kind"] == 6);
  CHECK(rule);
  CHECK((*response(all, 7))["result"].empty());  // the example is formatted
  const Json& edits = (*response(all, 8))["result"];
  REQUIRE(edits.size() == 1);
  CHECK(edits[0]["newText"] ==
        "rule r {\n  when severity >= 2;\n  then censure to acountable;\n}\n");
  CHECK((*response(all, 9))["result"].is_null());
}

TEST_CASE("lsp: malformed messages get errors, a broken stream a diagnostic", "[lsp]") {
  std::string dir = temp_dir(), out, err;
  std::string uri = "file://" + dir + "/x.smr";
  std::string script =
      "Content-Length: 9\r\n\r\nnot json!" + frame(Json::array({1, 2})) +
      frame({{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"}, {"params", {{"x", 1}}}}) +
      frame({{"jsonrpc", "2.0"},
             {"method", "textDocument/didChange"},
             {"params", {{"textDocument", {{"uri", uri}}}, {"contentChanges", Json::array()}}}}) +
      frame({{"jsonrpc", "2.0"},
             {"method", "textDocument/didOpen"},
             {"params", {{"textDocument", {{"uri", uri}, {"text", "rule r { }\n"}}}}}}) +
      frame(request(2, "textDocument/hover", {{"textDocument", {{"uri", uri}}}})) +
      frame(request(3, "textDocument/hover", at(uri, 0, 5))) +
      frame({{"jsonrpc", "2.0"}, {"method", "exit"}});
  write_file(dir + "/in.txt", script);
  REQUIRE(run_smr("lsp < " + dir + "/in.txt", &out, &err) == 0);
  auto all = unframe(out);
  int errors = 0, logs = 0;
  for (const auto& m : all) {
    if (m.contains("error") && m["id"].is_null()) ++errors;
    if (m.value("method", "") == "window/logMessage") ++logs;
  }
  CHECK(errors == 2);  // the text that is not JSON, the array
  CHECK(logs == 2);    // didOpen without a document, didChange without changes
  CHECK((*response(all, 2))["error"]["code"] == -32603);  // hover without a position
  CHECK((*response(all, 3))["result"]["contents"]["value"] == "**rule** `r`");
  // A length of a terabyte, or none at all: a diagnostic, exit 1, no crash.
  write_file(dir + "/big.txt", "Content-Length: 1099511627776\r\n\r\n{}");
  CHECK(run_smr("lsp < " + dir + "/big.txt", &out, &err) == 1);
  CHECK(err ==
        "smr lsp: a Content-Length must be a number of bytes up to 512 MiB, not ' "
        "1099511627776'; stopping\n");
  write_file(dir + "/none.txt", "Content-Type: x\r\n\r\n{}");
  CHECK(run_smr("lsp < " + dir + "/none.txt", &out, &err) == 1);
  CHECK(err == "smr lsp: a message without a Content-Length; stopping\n");
}
