/// Splits digits that ran together (`640020470`) into a given number of values, keeping only the
/// splits a table's own sums accept.
enum RunTogetherSolver {
  /// The digits of a row whose cells lost their separators, with where each digit stands.
  struct Digits {
    var digits: [Int]
    var ranges: [Range<Int>]
    /// Digit indices after which a value must end: separators that did survive (`500000 5`).
    var boundaries: [Int]
    /// When set, the only digit indices after which a value may end: numbers a web page's text
    /// broke over lines (`1` / `62` for 162) are joined, never cut.
    var allowedEnds: [Int]? = nil

    var range: Range<Int> { ranges.first!.lowerBound..<ranges.last!.upperBound }
    var text: String { String(decoding: digits.map { UInt8(0x30 + $0) }, as: UTF8.self) }

    init(digits: [Int], ranges: [Range<Int>], boundaries: [Int]) {
      self.digits = digits
      self.ranges = ranges
      self.boundaries = boundaries
    }

    /// The digits of a row's value tokens when they can only be read as run together: fewer
    /// values than cells, yet digits enough for every cell.
    init?(_ tokens: [StreamToken], _ source: SourceText, into count: Int) {
      guard tokens.count < count, let digits = Digits(ranTogether: tokens, source), digits.digits.count >= count else {
        return nil
      }
      self = digits
    }

    /// The digits of value tokens that ran together: glued to text, written with a leading zero
    /// (`00`, `023` are never one count), or all one token.
    init?(ranTogether tokens: [StreamToken], _ source: SourceText) {
      func leadingZero(_ token: StreamToken) -> Bool {
        token.range.count > 1 && source.utf8[token.range.lowerBound] == 0x30
          && source.utf8[token.range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
      }
      guard !tokens.isEmpty, tokens.allSatisfy({ $0.kind == .number }),
        tokens.count == 1 || tokens.contains(where: { $0.glued || leadingZero($0) })
      else { return nil }
      var digits: [Int] = []
      var ranges: [Range<Int>] = []
      var boundaries: [Int] = []
      // A digit takes one byte at least.
      let byteCount = tokens.reduce(0) { $0 + $1.range.count }
      boundaries.reserveCapacity(tokens.count)
      digits.reserveCapacity(byteCount)
      ranges.reserveCapacity(byteCount)
      for token in tokens {
        // Plain ASCII digits, the usual number, are read from the bytes.
        let bytes = source.utf8[token.range]
        if bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
          for offset in token.range {
            digits.append(Int(source.utf8[offset] - 0x30))
            ranges.append(offset..<offset + 1)
          }
          boundaries.append(digits.count - 1)
          continue
        }
        var offset = token.range.lowerBound
        for scalar in source.text(token.range).unicodeScalars {
          let width = scalar.utf8.count
          defer { offset += width }
          let f = LabelText.widthFolded(scalar)
          guard f.isASCIIDigit else { return nil }
          digits.append(Int(f.value - 0x30))
          ranges.append(offset..<offset + width)
        }
        boundaries.append(digits.count - 1)
      }
      self.init(digits: digits, ranges: ranges, boundaries: boundaries)
    }

    /// The digits of more value tokens than cells, each on a line of its own: numbers a web
    /// page's text broke over lines, to be joined back.
    init?(splitOver tokens: [StreamToken], _ source: SourceText, into count: Int) {
      guard tokens.count > count, tokens.count <= count + 4, tokens.allSatisfy({ $0.kind == .number }),
        zip(tokens, tokens.dropFirst()).allSatisfy({ $0.line < $1.line }),
        var digits = Digits(ranTogether: [tokens[0]], source)
      else { return nil }
      var ends = [digits.digits.count - 1]
      for token in tokens.dropFirst() {
        guard let more = Digits(ranTogether: [token], source) else { return nil }
        digits.digits += more.digits
        digits.ranges += more.ranges
        ends.append(digits.digits.count - 1)
      }
      digits.boundaries = []
      digits.allowedEnds = ends
      self = digits
    }

    /// How many digits a count has when written out.
    private static func decimalLength(_ value: Int) -> Int {
      var length = 1
      var rest = value
      while rest >= 10 {
        rest /= 10
        length += 1
      }
      return length
    }

    /// The cells of one split, each with the range of its digits.
    func cells(_ split: [Int]) -> [Cell] {
      var cursor = 0
      return split.map { value in
        let length = Self.decimalLength(value)
        let range = ranges[cursor].lowerBound..<ranges[cursor + length - 1].upperBound
        cursor += length
        return Cell(range: range, content: .integer(value))
      }
    }
  }

  struct Result {
    /// The splits found, up to the cap.
    var solutions: [[Int]]
    /// Splits found, counting up to the cap.
    var count: Int
  }

  static func solve(_ input: Digits, into count: Int, cap: Int = 64, accept: ([Int]) -> Bool) -> Result {
    let digits = input.digits
    // Looked up by digit index, once: the search asks at every step.
    var isBoundary = [Bool](repeating: false, count: digits.count)
    for index in input.boundaries where index >= 0 && index < digits.count { isBoundary[index] = true }
    var mayEnd = [Bool](repeating: input.allowedEnds == nil, count: digits.count)
    for index in input.allowedEnds ?? [] where index >= 0 && index < digits.count { mayEnd[index] = true }
    var solutions: [[Int]] = []
    var found = 0
    var current: [Int] = []
    current.reserveCapacity(count)
    var steps = 0
    func search(_ start: Int) {
      if found >= cap || steps > 2_000_000 { return }
      steps += 1
      let remainingValues = count - current.count
      let remainingDigits = digits.count - start
      if remainingValues == 0 {
        if remainingDigits == 0, accept(current) {
          found += 1
          solutions.append(current)
        }
        return
      }
      if remainingDigits < remainingValues || remainingDigits > remainingValues * 9 { return }
      let maxLength = digits[start] == 0 ? 1 : min(9, remainingDigits - (remainingValues - 1))
      var value = 0
      for length in 1...max(1, maxLength) {
        let last = start + length - 1
        value = value * 10 + digits[last]
        // A value never spans a separator that survived (the digits before `last` were checked
        // at the shorter lengths).
        if last > start, isBoundary[last - 1] { break }
        if !mayEnd[last] { continue }
        current.append(value)
        search(start + length)
        current.removeLast()
      }
    }
    search(0)
    return Result(solutions: solutions, count: found)
  }

  /// The readings of values whose repeats were dropped (`2` / `0` / `2` for 2 0 0 0 0 0 2): each
  /// value stands for a run of one or more equal cells, `count` cells in all, that `accept` takes.
  static func expandRepeats(_ values: [Int], into count: Int, cap: Int = 64, accept: ([Int]) -> Bool) -> [[Int]] {
    guard !values.isEmpty, values.count <= count, zip(values, values.dropFirst()).allSatisfy({ $0 != $1 }) else {
      return []
    }
    var solutions: [[Int]] = []
    var current: [Int] = []
    current.reserveCapacity(count)
    func place(_ index: Int) {
      if solutions.count >= cap { return }
      let remainingValues = values.count - index
      let room = count - current.count - (remainingValues - 1)
      guard room >= 1 else { return }
      if remainingValues == 1 {
        // The last value's run fills the cells left: any shorter run leaves the reading short.
        for _ in 0..<room { current.append(values[index]) }
        if accept(current) { solutions.append(current) }
        current.removeLast(room)
        return
      }
      // The value's run grows by one cell per reading tried.
      for _ in 1...room {
        current.append(values[index])
        place(index + 1)
      }
      current.removeLast(room)
    }
    place(0)
    return solutions
  }

  /// The one split of each row that makes the whole table balance: rows whose own total allows
  /// several splits are decided by the column sums of table 三 (（七） = the result rows;
  /// 一 + 二 = （七） + 四). Rows that stay ambiguous get none. Rows are named by their place in
  /// `specs`: `known` and the result hold one entry per spec.
  static func chooseTable3Splits(
    _ candidates: [(row: Int, solutions: [[Int]])],
    known: [[Int]?],
    specs: [Table3RowSpec]
  ) -> [[Int]?] {
    var decided = [[Int]?](repeating: nil, count: specs.count)
    var open: [(Int, [[Int]])] = []
    for (row, solutions) in candidates {
      if solutions.count == 1 {
        decided[row] = solutions[0]
      } else if !solutions.isEmpty {
        open.append((row, solutions))
      }
    }
    guard !open.isEmpty else { return decided }
    open.sort { $0.1.count < $1.1.count }
    let outcomes = specs.indices.filter { specs[$0].kind == .outcome }
    func place(_ kind: Table3RowSpec.Kind) -> Int? { specs.firstIndex { $0.kind == kind } }
    let (new, carriedOver, total, carriedForward) = (
      place(.newApplications), place(.carriedOver), place(.outcomeTotal), place(.carriedForward)
    )
    func balances(_ values: [[Int]?]) -> Bool {
      func value(_ row: Int?, _ column: Int) -> Int? { row.flatMap { values[$0]?[column] } }
      for column in 0..<7 {
        let results = outcomes.compactMap { values[$0]?[column] }
        if results.count == outcomes.count, let total = value(total, column), results.reduce(0, +) != total {
          return false
        }
        if let a = value(new, column), let b = value(carriedOver, column), let c = value(total, column),
          let d = value(carriedForward, column), a + b != c + d
        {
          return false
        }
      }
      return true
    }
    var values = known
    for (row, solution) in decided.enumerated() where solution != nil { values[row] = solution }
    var found: [[Int]]?
    var count = 0
    var steps = 0
    func search(_ k: Int, _ chosen: [[Int]]) {
      if count > 1 || steps > 200_000 { return }
      steps += 1
      if k == open.count {
        if balances(values) {
          count += 1
          found = chosen
        }
        return
      }
      for solution in open[k].1 {
        values[open[k].0] = solution
        search(k + 1, chosen + [solution])
      }
      values[open[k].0] = nil
    }
    search(0, [])
    if count == 1, let found, steps <= 200_000 {
      for (k, entry) in open.enumerated() { decided[entry.0] = found[k] }
    }
    return decided
  }
}
