// Whether a text reads like an annual report on government information disclosure: VS Code
// gives a `.txt` or `.md` file the plain-text or Markdown language by its extension before it
// looks at `firstLine`, so the extension looks at the content itself.
'use strict';

const mention = /政府信息公开.{0,12}(年度报告|年报)/u;

function looksLikeReport(text) {
  return mention.test(text.split('\n', 60).join('\n'));
}

module.exports = { looksLikeReport };
