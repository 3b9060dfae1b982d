import NianbaoCore
import NianbaoJSON

/// Where the progress of indexing the workspace stands in the client.
enum IndexProgress {
  /// Not shown (the client does not show progress, or nothing to show yet).
  case none
  /// `window/workDoneProgress/create` was sent; the client has not answered.
  case requested
  /// `begin` was sent.
  case begun
  /// `end` was sent.
  case ended
}

extension LanguageServer {
  static let indexProgressToken = "nianbao/workspace-index"
  /// How many files are read between two progress reports.
  static let filesPerProgressReport = 500

  /// Starts building the workspace index, once, away from the server's queue: documents are
  /// checked meanwhile (without their cross-year findings, which follow when the index is ready).
  func startIndexing() {
    guard workspace.state == .notBuilt else { return }
    workspace.startBuilding()
    // A walk of folders no longer in the workspace is not taken when it ends.
    indexBuilds += 1
    let build = indexBuilds
    if indexProgress == .begun { endIndexProgress(files: nil) }
    if workDoneProgressSupport {
      indexProgress = .requested
      request("window/workDoneProgress/create", .object([("token", .string(Self.indexProgressToken))]))
    }
    let (roots, shallowRoots) = (workspace.roots, workspace.shallowRoots)
    Task.detached(priority: .utility) { [self] in
      let (paths, truncated) = WorkspaceIndex.files(roots: roots, shallowRoots: shallowRoots)
      var walk = WorkspaceIndex.Walk(truncated: truncated)
      for (index, path) in paths.enumerated() {
        if let entry = WorkspaceIndex.entry(ofFileAt: path) { walk.entries[path] = entry }
        if (index + 1) % Self.filesPerProgressReport == 0 {
          await indexing(read: index + 1, of: paths.count, build: build)
        }
      }
      await indexBuilt(walk, files: paths.count, build: build)
    }
  }

  /// The client made the progress token: progress is shown from now on.
  func indexProgressCreated() {
    guard indexProgress == .requested else { return }
    indexProgress = .begun
    sendIndexProgress([
      ("kind", "begin"),
      ("title", .string(language == .zh ? "nianbao：读取工作区中的年度报告" : "nianbao: reading the workspace's reports")),
      ("cancellable", false), ("percentage", 0),
    ])
    if workspace.isReady { endIndexProgress(files: nil) }
  }

  private func indexing(read: Int, of total: Int, build: Int) {
    guard indexProgress == .begun, build == indexBuilds else { return }
    sendIndexProgress([
      ("kind", "report"), ("message", .string("\(read)/\(total)")), ("percentage", .int(read * 100 / max(total, 1))),
    ])
  }

  /// The walk is done: the index takes it, and the documents checked meanwhile are checked again
  /// with their cross-year findings (pushed, or the client asked to pull again).
  private func indexBuilt(_ walk: WorkspaceIndex.Walk, files: Int, build: Int) {
    guard build == indexBuilds, workspace.state == .building else { return }
    workspace.finishBuilding(walk)
    if walk.truncated {
      logToClient(
        language == .zh
          ? "nianbao: 工作区文件过多，只在前 \(WorkspaceIndex.entryLimit) 个文件和文件夹中查找上年报告"
          : "nianbao: the workspace is large; last year's reports were looked for in its first \(WorkspaceIndex.entryLimit) files and folders only",
        type: 2
      )
    }
    if indexProgress == .begun { endIndexProgress(files: files) }
    log("workspace index: \(files) files, \(walk.entries.count) reports")
    var changed = false
    for uri in awaitingIndex.sorted() {
      guard let wanted = analyses[uri]?.lastYearInputs.wanted else { continue }
      // Only a document that has a candidate for last year's report can have new findings.
      guard !workspace.reports(agency: wanted.agency, year: wanted.year).isEmpty else { continue }
      analyses[uri] = nil
      pendingPublish.insert(uri)
      if pullDiagnostics { unpulled.insert(uri) }
      changed = true
    }
    awaitingIndex.removeAll()
    answerPullsAwaitingIndex()
    guard changed else { return }
    if pullDiagnostics {
      if refreshSupport { request("workspace/diagnostic/refresh", nil) }
    } else {
      flush()
    }
  }

  private func endIndexProgress(files: Int?) {
    indexProgress = .ended
    var value: [(String, JSONValue)] = [("kind", "end")]
    if let files {
      value.append(("message", .string(language == .zh ? "已读取 \(files) 个文件" : "\(files) files read")))
    }
    sendIndexProgress(value)
  }

  private func sendIndexProgress(_ value: [(String, JSONValue)]) {
    send(
      Outgoing.notification(
        "$/progress",
        .object([("token", .string(Self.indexProgressToken)), ("value", .object(value))])
      )
    )
  }

  /// The longest a pull waits for the index, in nanoseconds (2 s): 5,000 reports are indexed in
  /// 0.4 s.
  static let longestWaitForTheIndex: UInt64 = 2_000_000_000

  /// Whether a pull is answered only once the index is ready: a client that pulls findings but
  /// cannot be asked to pull again (Neovim) would otherwise see last year's findings only after
  /// its next edit. Other clients get their findings at once and a refresh when the index is ready.
  var pullWaitsForTheIndex: Bool { pullDiagnostics && !refreshSupport && workspace.state == .building }

  /// Answers the pulls that waited for the index.
  func answerPullsAwaitingIndex() {
    let waiting = pullsAwaitingIndex
    pullsAwaitingIndex.removeAll()
    for (id, params) in waiting {
      do throws(ResponseError) {
        send(Outgoing.response(id: id, result: try documentDiagnostic(params, id: nil) ?? .null))
      } catch {
        send(Outgoing.error(id: id, error))
      }
    }
  }
}
