public enum LanguageServerMain {
  public static func run(logFile: String?) -> Int32 { 0 }
}
