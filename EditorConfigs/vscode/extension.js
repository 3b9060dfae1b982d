// nianbao for VS Code: starts `nianbao --stdio` for documents of the `nianbao` language.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function settings() {
  const config = vscode.workspace.getConfiguration('nianbao');
  return { language: config.get('language', 'auto'), rules: config.get('rules', {}) };
}

async function activate(context) {
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
