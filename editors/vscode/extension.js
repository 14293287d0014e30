// Starts `smr lsp` for .smr files: diagnostics, hover, definition,
// references, completion, symbols and formatting come from the server.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("smr").get("path") || "smr";
  const server = { command, args: ["lsp"] };
  client = new LanguageClient(
    "smr",
    "smr",
    { run: server, debug: server },
    { documentSelector: [{ scheme: "file", language: "smr" }] }
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
