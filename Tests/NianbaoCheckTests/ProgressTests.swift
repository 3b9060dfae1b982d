import Foundation
import NianbaoJSON
import NianbaoTestSupport
import Testing

/// Progress on standard error while a folder is checked: on a terminal only.
@Suite struct ProgressTests {
  @Test func noProgressThroughAPipe() throws {
    let result = try Binary.run(["--check", TestPaths.fixtures.path])
    #expect(result.stderr.isEmpty)
    #expect(!result.stdout.contains("\r"))
  }

  /// Standard error on a pseudo-terminal made by Python's `pty` module.
  @Test(.enabled(if: PythonTools.available(importing: ["pty"])))
  func progressOnATerminal() throws {
    let python = try #require(PythonTools.python(importing: ["pty"]), "no python3")
    let script = """
      import os, pty, subprocess, sys
      master, slave = pty.openpty()
      process = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
      os.close(slave)
      seen = b""
      while True:
          try:
              chunk = os.read(master, 4096)
          except OSError:
              break
          if not chunk:
              break
          seen += chunk
      process.wait()
      sys.stdout.write(repr(seen.decode("utf-8")))
      """
    let result = try PythonTools.run(python, ["-c", script, Binary.url.path, "--check", TestPaths.fixtures.path])
    // Every file the walk finds is a step, reports or not (a file that is not a report is read
    // to find out).
    let walked = FileManager.default.enumerator(atPath: TestPaths.fixtures.path)!.compactMap { $0 as? String }
    let total = walked.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.count
    #expect(result.output.contains("\\rnianbao: 已检查 1/\(total) 个文件"), "\(result.output)")
    #expect(result.output.hasSuffix("\\r\\x1b[K'"), "cleared at the end: \(result.output)")
  }
}
