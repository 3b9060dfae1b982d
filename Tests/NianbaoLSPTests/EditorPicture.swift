import Foundation
import NianbaoJSON
import NianbaoTestSupport
import Testing

/// The README's picture of nianbao in an editor: Neovim's screen as the Neovim test left it (the
/// finding, its hover and the quick fixes the server offers), drawn cell by cell in an HTML page
/// and photographed by a headless Chromium. Taken on every run of the Neovim test when Chromium
/// is there, into `.build/editor/`; `NIANBAO_RECORD_DOCS=1` also puts it at
/// `docs/images/editor.png`.
enum EditorPicture {
  static let directory = TestPaths.repository.appendingPathComponent(".build/editor")
  static let published = TestPaths.repository.appendingPathComponent("docs/images/editor.png")
  static let cell = (width: 9, height: 19)

  static func take(screen: URL) throws {
    guard Chromium.executable != nil else { return }
    let dump = try JSONValue.parse(String(contentsOf: screen, encoding: .utf8))
    let rows = dump["rows"]?.array ?? []
    let columns = rows.first?.array?.count ?? 0
    let page = directory.appendingPathComponent("editor.html")
    try html(dump).write(to: page, atomically: true, encoding: .utf8)
    let file = directory.appendingPathComponent("editor.png")
    try? FileManager.default.removeItem(at: file)
    let window = Chromium.Window(width: columns * cell.width, height: rows.count * cell.height)
    try Chromium.screenshot(page, window: window, to: file)
    let data = try Data(contentsOf: file)
    #expect(PNGSize(data) == PNGSize(width: window.width, height: window.height))
    print("editor screenshot: \(file.path) — \(window.width)×\(window.height) PNG, \(data.count) bytes")
    if ProcessInfo.processInfo.environment["NIANBAO_RECORD_DOCS"] == "1" {
      try? FileManager.default.removeItem(at: published)
      try FileManager.default.copyItem(at: file, to: published)
      Issue.record("recorded \(published.path); look at it and run the tests again")
    }
  }

  static func html(_ dump: JSONValue) -> String {
    func color(_ value: JSONValue?) -> String {
      String(format: "#%06x", value?.int ?? 0)
    }
    func escaped(_ text: String) -> String {
      text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;")
    }
    var body = ""
    for (row, cells) in (dump["rows"]?.array ?? []).enumerated() {
      let cells = cells.array ?? []
      var column = 0
      while column < cells.count {
        let cell = cells[column]
        let text = cell["text"]?.string ?? " "
        // A wide character takes its cell and the empty one after it.
        let wide = column + 1 < cells.count && cells[column + 1]["text"]?.string == ""
        let span = wide ? 2 : 1
        var style =
          "left:\(column * self.cell.width)px;top:\(row * self.cell.height)px;width:\(span * self.cell.width)px;color:\(color(cell["fg"]));background:\(color(cell["bg"]))"
        if cell["bold"] == true { style += ";font-weight:bold" }
        if let curl = cell["curl"], !curl.isNull {
          style += ";text-decoration:underline wavy \(color(curl));text-underline-offset:3px"
        }
        body += "<span style=\"\(style)\">\(escaped(text))</span>"
        column += span
      }
    }
    for float in dump["floats"]?.array ?? [] {
      let top = (float["row"]?.int ?? 0) * cell.height
      let left = (float["col"]?.int ?? 0) * cell.width
      let width = ((float["width"]?.int ?? 1) + 2) * cell.width
      let height = ((float["height"]?.int ?? 1) + 2) * cell.height
      let lines = (float["lines"]?.array ?? []).compactMap(\.string).map(escaped)
      let title = escaped(float["title"]?.string ?? "")
      body += """
        <div class="float" style="left:\(left)px;top:\(top)px;width:\(width)px;height:\(height)px;color:\(color(float["fg"]));background:\(color(float["bg"]))">\
        <div class="title">\(title)</div>\(lines.map { "<div class=\"line\">\($0.isEmpty ? "&nbsp;" : $0)</div>" }.joined())</div>
        """
    }
    return """
      <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
      body { margin: 0; background: \(color(dump["base"]?["bg"])); overflow: hidden; }
      span { position: absolute; height: \(cell.height)px; line-height: \(cell.height)px; font: 15px "WenQuanYi Micro Hei Mono", "DejaVu Sans Mono", monospace; white-space: pre; overflow: hidden; text-align: left; }
      .float { position: absolute; box-sizing: border-box; border: 1px solid #9b9ea4; border-radius: 8px; padding: \(cell.height / 2)px \(cell.width)px; font: 15px "WenQuanYi Micro Hei Mono", "DejaVu Sans Mono", monospace; line-height: \(cell.height)px; white-space: pre-wrap; }
      .float .title { position: absolute; top: -10px; left: 12px; padding: 0 4px; background: \(color(dump["base"]?["bg"])); color: #9b9ea4; font-size: 13px; line-height: 18px; }
      </style></head><body>\(body)</body></html>

      """
  }
}
