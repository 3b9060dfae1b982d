import Foundation
import NianbaoCheck
import NianbaoCore
import NianbaoLSP

enum Stream {
  case standardOutput
  case standardError
}

func write(_ text: String, to stream: Stream) {
  let handle = stream == .standardOutput ? FileHandle.standardOutput : FileHandle.standardError
  handle.write(Data(text.utf8))
}

let command: Command
do {
  command = try Arguments.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
  let language: Language = CommandLine.arguments.contains { $0 == "en" || $0 == "--lang=en" } ? .en : .zh
  write("nianbao: \(error.message.text(language))\n", to: .standardError)
  exit(2)
}

switch command {
case .serve(let logFile):
  exit(LanguageServerMain.run(logFile: logFile))
case .check(var options):
  options.showsProgress = isatty(2) == 1
  let code = CheckCommand.run(
    options,
    readStandardInput: { Array(FileHandle.standardInput.readDataToEndOfFile()) },
    output: { write($0, to: .standardOutput) },
    outputBytes: { FileHandle.standardOutput.write(Data($0)) },
    errorOutput: { write($0, to: .standardError) }
  )
  exit(code.rawValue)
case .formatTables(let options):
  let code = FormatTablesCommand.run(
    options,
    readStandardInput: { Array(FileHandle.standardInput.readDataToEndOfFile()) },
    output: { write($0, to: .standardOutput) },
    outputBytes: { FileHandle.standardOutput.write(Data($0)) },
    errorOutput: { write($0, to: .standardError) }
  )
  exit(code.rawValue)
case .newReport(let options):
  let code = NewReportCommand.run(
    options,
    output: { write($0, to: .standardOutput) },
    errorOutput: { write($0, to: .standardError) }
  )
  exit(code.rawValue)
case .showSettings(let options):
  let code = ShowSettings.run(
    options,
    output: { write($0, to: .standardOutput) },
    errorOutput: { write($0, to: .standardError) }
  )
  exit(code.rawValue)
case .listRules(let language):
  write(Usage.rules(language), to: .standardOutput)
case .explain(let code, let language):
  guard let rule = Rule.named(code) else {
    write(
      language == .zh
        ? "nianbao: 没有规则“\(code)”（用 --list-rules 查看全部规则）\n"
        : "nianbao: there is no rule “\(code)” (see --list-rules)\n",
      to: .standardError
    )
    exit(2)
  }
  write(Usage.explain(rule, language), to: .standardOutput)
case .version:
  write("nianbao \(About.version)\n", to: .standardOutput)
case .help(let language):
  write(Usage.text(language) + "\n", to: .standardOutput)
}
exit(0)
