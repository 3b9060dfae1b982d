/// NB406: `一是…；二是…；三是…` that skips a number or repeats one. Each enumeration that starts
/// at 一是 is checked on its own; a sub-heading or a new section starts afresh.
enum EnumerationRule {
  static func run(_ context: inout RuleContext, _ prose: ProseScan) {
    let report = context.report
    for section in report.sections {
      let subheadingStarts = section.subheadings.map(\.range.lowerBound)
      for (stretch, scalars) in prose.stretches(section) {
        var previous: Int?
        var nextSubheading = 0
        let starts = subheadingStarts.filter { stretch.contains($0) }.sorted()
        for (index, end, value) in markers(scalars) {
          while nextSubheading < starts.count, starts[nextSubheading] <= scalars[index].offset {
            previous = nil
            nextSubheading += 1
          }
          // 一是 opens an enumeration; a number below the last one opens one whose 一是 was not
          // found, so neither is checked against the one before.
          guard value != 1, let last = previous, value >= last else {
            previous = value == 1 ? 1 : nil
            continue
          }
          previous = value
          guard value != last + 1 else { continue }
          let range = scalars[index].offset..<(scalars[end].offset + 3)  // `是`
          let written = "\(NationalFormat.chineseNumeral(value))是"
          let expected = "\(NationalFormat.chineseNumeral(last + 1))是"
          let message =
            value == last
            ? LocalizedText(
              zh: "“\(written)”重复了：前一项已是“\(written)”，这里应为“\(expected)”。",
              en: "“\(written)” is repeated: the item before is “\(written)” too; this one would be “\(expected)”."
            )
            : LocalizedText(
              zh: "序号跳过了“\(expected)”：前一项是“\(NationalFormat.chineseNumeral(last))是”，这里是“\(written)”。",
              en:
                "The enumeration skips “\(expected)”: the item before is “\(NationalFormat.chineseNumeral(last))是”, this one “\(written)”."
            )
          context.add(Diagnostic(.brokenEnumeration, range: range, message: message))
        }
      }
    }
  }

  /// The value of `一` … `十` (a switch: this runs at every character of the prose).
  private static func numeral(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar {
    case "一": return 1
    case "二": return 2
    case "三": return 3
    case "四": return 4
    case "五": return 5
    case "六": return 6
    case "七": return 7
    case "八": return 8
    case "九": return 9
    case "十": return 10
    default: return nil
    }
  }

  /// `一是` … `十是` that open a clause, also across a line break (`三` / `是`) and after a
  /// sub-heading run into the text (`…方面一是`), but not inside a word (`统一是`, `第三是`).
  static func markers(_ scalars: ProseText.Scalars) -> [(start: Int, end: Int, value: Int)] {
    var result: [(Int, Int, Int)] = []
    for index in scalars.indices {
      // The numerals lie in U+4E00 (一) … U+56DB (四): this runs at every character.
      let code = scalars[index].scalar.value
      guard code >= 0x4E00, code <= 0x56DB, let value = numeral(scalars[index].scalar) else { continue }
      var next = index + 1
      while next < scalars.count, ProseText.isBlank(scalars[next].scalar) { next += 1 }
      guard next < scalars.count, scalars[next].scalar == "是" else { continue }
      let (before, _) = ProseText.previousVisible(scalars, before: index)
      if let before {
        if numeral(before) != nil || before == "第" || LabelText.widthFolded(before).isASCIIDigit { continue }
        if value == 1 && "统唯之单专同万合划".unicodeScalars.contains(before) { continue }
      }
      result.append((index, next, value))
    }
    return result
  }
}
