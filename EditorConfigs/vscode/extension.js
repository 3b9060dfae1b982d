// nianbao for VS Code: starts `nianbao --stdio` for documents of the `nianbao` language.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
const { looksLikeReport } = require('./report-content');

let client;

function settings() {
  const config = vscode.workspace.getConfiguration('nianbao');
  return { language: config.get('language', 'auto'), rules: config.get('rules', {}) };
}

/// A plain-text or Markdown document that reads like a report becomes a `nianbao` document, so a
/// report is checked whatever its file is called.
function adopt(document) {
  if ((document.languageId === 'plaintext' || document.languageId === 'markdown') && looksLikeReport(document.getText())) {
    vscode.languages.setTextDocumentLanguage(document, 'nianbao');
  }
}

async function activate(context) {
  vscode.workspace.textDocuments.forEach(adopt);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(adopt));
  const command = vscode.workspace.getConfiguration('nianbao').get('path', 'nianbao');
  const serverOptions = { command, args: ['--stdio'], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [{ language: 'nianbao' }],
    initializationOptions: { nianbao: settings() },
    synchronize: { configurationSection: 'nianbao' },
    // The server uses pull diagnostics with this client: pull on every change, not only on save.
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: false },
  };
  client = new LanguageClient('nianbao', 'nianbao', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('nianbao.path')) {
        vscode.window.showInformationMessage('nianbao: reload the window to use the new server path.');
      }
    }),
  );
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
