import Foundation
import NianbaoCheck
import NianbaoCore

/// `nianbao new --from FILE | --year YEAR --agency NAME [-o FILE] [--force] [--lang en]`.
enum NewReportArguments {
  static func parse(_ arguments: [String]) throws(UsageError) -> NewReportCommand.Options {
    var from: String?
    var year: String?
    var agency: String?
    var output: String?
    var force = false
    var language: Language = .zh
    var index = 0
    while index < arguments.count {
      var name = arguments[index]
      var inline: String?
      if name.hasPrefix("--"), let equals = name.firstIndex(of: "=") {
        inline = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      func value() throws(UsageError) -> String {
        if let inline { return inline }
        index += 1
        guard index < arguments.count else {
          throw UsageError(message: LocalizedText(zh: "选项 \(name) 需要一个值", en: "option \(name) needs a value"))
        }
        return arguments[index]
      }
      switch name {
      case "--from": from = try value()
      case "--year": year = try value()
      case "--agency": agency = try value()
      case "-o", "--output": output = try value()
      case "--force": force = true
      case "--lang": language = try value().lowercased().hasPrefix("en") ? .en : .zh
      default:
        throw UsageError(
          message: LocalizedText(
            zh:
              "nianbao new 不认识“\(name)”。用法：nianbao new --from 2024年度报告.txt，或 nianbao new --year 2025 --agency 某某县人民政府",
            en:
              "nianbao new does not take “\(name)”. Usage: nianbao new --from report-2024.txt, or nianbao new --year 2025 --agency NAME"
          )
        )
      }
      index += 1
    }
    let source: NewReportCommand.Options.Source
    switch (from, year, agency) {
    case (let from?, nil, nil):
      source = .lastYear(path: from)
    case (nil, let year?, let agency?):
      guard let number = Int(year), (2008...9999).contains(number) else {
        throw UsageError(
          message: LocalizedText(
            zh: "--year 应为报告年度，例如 2025，而不是“\(year)”",
            en: "--year is a report year such as 2025, not “\(year)”"
          )
        )
      }
      let name = agency.trimmingCharacters(in: .whitespaces)
      guard !name.isEmpty else {
        throw UsageError(message: LocalizedText(zh: "--agency 不能为空", en: "--agency cannot be empty"))
      }
      source = .blank(year: number, agency: name)
    default:
      throw UsageError(
        message: LocalizedText(
          zh: "nianbao new 需要 --from 上一年度报告，或同时给出 --year 和 --agency（两种不能混用）",
          en: "nianbao new takes either --from last year's report, or both --year and --agency (not both kinds)"
        )
      )
    }
    var options = NewReportCommand.Options(source: source)
    options.output = output
    options.force = force
    options.language = language
    return options
  }
}
