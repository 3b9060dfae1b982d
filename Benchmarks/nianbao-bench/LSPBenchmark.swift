import Foundation

/// Filled in with the language server.
struct LSPBenchmark {
  var binary: String
  var typical: String
  func run() throws { print("lsp benchmark: not available") }
}
