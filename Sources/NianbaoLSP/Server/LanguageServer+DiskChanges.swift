import NianbaoConfig
import NianbaoCore

/// Changes on the disk that the client does not report. A client that registers no file
/// watchers (Neovim on Linux) never says that `nianbao.toml`, the suppressions file or last
/// year's report changed outside the editor; the server then looks at the state of every file it
/// read for its findings (a `stat` each) whenever the editor asks for findings, and reads again
/// those that changed, appeared or went away.
extension LanguageServer {
  /// Reads again what changed on the disk since it was read, for a client without file watchers.
  func noticeDiskChanges() {
    guard state == .running, !watchedFilesDynamicRegistration else { return }
    let changed = diskStamps.changed()
    guard !changed.isEmpty else { return }
    for path in changed where WorkspaceIndex.isReportName(path) { reportChanged(path) }
    let settingsFiles = ["/" + ConfigFile.name, "/" + SuppressionsFile.name]
    if changed.contains(where: { path in settingsFiles.contains { path.hasSuffix($0) } }) {
      log("settings files changed on the disk: \(changed.joined(separator: ", "))")
      configs.reset()
      reportedSettingsErrors.removeAll()
      settingsChanged()
    }
  }

  /// Follows the places a report's settings come from: `nianbao.toml` in its folder and every
  /// folder above, up to the one that has it, and the suppressions file.
  func followSettingsFiles(of path: String, config: ConfigFile?, suppressions: String) {
    var folder = Glob.parent(of: path)
    while true {
      diskStamps.follow((folder == "/" ? "" : folder) + "/" + ConfigFile.name)
      // Without a settings file, a suppressions file made in any folder above comes to apply.
      if config == nil { diskStamps.follow((folder == "/" ? "" : folder) + "/" + SuppressionsFile.name) }
      guard folder != "/", folder != config?.directory else { break }
      folder = Glob.parent(of: folder)
    }
    diskStamps.follow(suppressions)
  }
}
