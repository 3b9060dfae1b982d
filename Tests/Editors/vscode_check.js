// Checks the VS Code extension without VS Code: manifest consistency, extension syntax, grammar.
// Usage: node Tests/Editors/vscode_check.js <repository>
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const repo = process.argv[2];
const dir = path.join(repo, 'EditorConfigs', 'vscode');
let failures = 0;
let passed = 0;
function check(condition, what) {
  if (condition) { passed++; console.log('ok   ' + what); } else { failures++; console.log('FAIL ' + what); }
}

const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
check(manifest.main === './extension.js' && fs.existsSync(path.join(dir, manifest.main)), 'main points at extension.js');
const languages = manifest.contributes.languages.map((l) => l.id);
check(languages.includes('nianbao'), 'contributes the nianbao language');
check(manifest.activationEvents.includes('onLanguage:nianbao'), 'activates on the nianbao language');
for (const language of manifest.contributes.languages) {
  check(fs.existsSync(path.join(dir, language.configuration)), `language configuration ${language.configuration} exists`);
  JSON.parse(fs.readFileSync(path.join(dir, language.configuration), 'utf8'));
  check(new RegExp(language.firstLine, 'u').test('青禾县白石镇人民政府2025年政府信息公开工作年度报告'), 'firstLine matches a report title');
  for (const pattern of ['*年度报告*.txt', '*年报*.txt', '*.nianbao.txt']) {
    check(language.filenamePatterns.includes(pattern), `file pattern ${pattern}`);
  }
}
for (const grammar of manifest.contributes.grammars) {
  check(languages.includes(grammar.language), `grammar ${grammar.scopeName} is for a contributed language`);
  check(fs.existsSync(path.join(dir, grammar.path)), `grammar file ${grammar.path} exists`);
}
const properties = manifest.contributes.configuration.properties;
for (const key of ['nianbao.path', 'nianbao.language', 'nianbao.rules', 'nianbao.trace.server']) {
  check(key in properties, `setting ${key}`);
}
check(Boolean(manifest.dependencies['vscode-languageclient']), 'depends on vscode-languageclient');
// A report under any name: plain text and Markdown documents are looked at for a report.
check(manifest.activationEvents.includes('onLanguage:plaintext') && manifest.activationEvents.includes('onLanguage:markdown'),
  'activates on plain text and Markdown, to look for reports in them');
const { looksLikeReport } = require(path.join(dir, 'report-content.js'));
check(looksLikeReport('淮安市人民政府\n2024 年政府信息公开工作年度报告\n'), 'a report whose title is on its second line is recognised');
check(looksLikeReport(fs.readFileSync(path.join(repo, 'Tests', 'Fixtures', 'clean-2024-markdown.md'), 'utf8')), 'a Markdown report is recognised');
check(!looksLikeReport('# Notes\n\nMeeting on Tuesday.\n'), 'notes are not a report');
execFileSync(process.execPath, ['--check', path.join(dir, 'report-content.js')]);

execFileSync(process.execPath, ['--check', path.join(dir, 'extension.js')]);
check(true, 'node --check extension.js');
const extension = fs.readFileSync(path.join(dir, 'extension.js'), 'utf8');
check(/diagnosticPullOptions:\s*{\s*onChange:\s*true/.test(extension), 'pull diagnostics on every change');
check(/args:\s*\['--stdio'\]/.test(extension), 'starts nianbao --stdio');

// Grammar: every regex compiles and the patterns find what they should in the fixtures.
const grammar = JSON.parse(fs.readFileSync(path.join(dir, manifest.contributes.grammars[0].path), 'utf8'));
const compiled = {};
function collect(name, rule) {
  if (rule.match) { compiled[name] = compiled[name] || []; compiled[name].push(new RegExp(rule.match, 'mu')); }
  for (const sub of rule.patterns || []) collect(name, sub);
}
for (const [name, rule] of Object.entries(grammar.repository)) collect(name, rule);
check(Object.keys(compiled).length === 6, 'every grammar pattern compiles');
const report = fs.readFileSync(path.join(repo, 'Tests', 'Fixtures', 'clean-2025-tabs.txt'), 'utf8').split('\n');
const headings = report.filter((line) => compiled['section-heading'][0].test(line));
check(headings.length === 6, `section headings found in the fixture: ${headings.length}`);
const markdown = fs.readFileSync(path.join(repo, 'Tests', 'Fixtures', 'clean-2024-markdown.md'), 'utf8').split('\n');
check(markdown.filter((line) => compiled['section-heading'][0].test(line)).length === 6, 'Markdown section headings');
check(!compiled['section-heading'][0].test('四、结转下年度继续办理\t\t1\t1'), 'a table row is not a section heading');
check(compiled['title'][0].test(report[0]), 'the title');
check(report.filter((line) => compiled['subheading'][0].test(line)).length >= 5, 'sub-headings');
check(compiled['table-label'].some((r) => r.test('第二十条第（一）项')), 'sub-table marker');
check(compiled['table-label'].some((r) => r.test('结果 维持')), 'table 四 label with a space');
check(compiled['date'][0].test('统计期限自2025年1月1日起') && compiled['date'][0].test('2025 年 12 月 31 日'), 'dates');
check(compiled['number'][0].test('\t12\t') && compiled['number'][0].test('3.56'), 'numbers');

console.log(`${passed} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
