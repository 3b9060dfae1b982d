import NianbaoCore

enum Usage {
  static func text(_ language: Language) -> String {
    if language == .zh {
      return """
        nianbao \(About.version) — 政府信息公开工作年度报告检查工具

        用法:
          nianbao [--stdio] [--log-file 文件]      作为语言服务器（LSP）运行，供 VS Code、Neovim 等编辑器使用
          nianbao --check [选项] 路径…             检查文件或文件夹（递归查找 *.txt、*.md；“-”表示标准输入）
          nianbao --list-rules                      列出全部检查规则
          nianbao --explain NB201                   解释一条规则
          nianbao --version | --help

        检查选项:
          --fix                  就地修复能确定的问题（原子写入，保留 BOM 和换行符），再报告剩余问题
          --diff                 以统一 diff 格式显示修复内容，不写入文件
          --format text|json     输出格式（默认 text）
          --format html          审查页面：一个自带样式的 HTML 文件，含汇总、各报告的问题和表三、表四
          --lang zh|en           消息语言（默认 zh）
          --strict               有警告也以状态 1 退出
          --rule 代码=级别       调整规则级别：error、warning、info、hint、off（可重复）
          --stdin-filename 名称  标准输入在输出中显示的文件名

        退出状态: 0 没有错误；1 仍有错误（--strict 时含警告）；2 用法错误、文件无法读取或不是 UTF-8。
        """
    }
    return """
      nianbao \(About.version) — checker for Chinese government information-disclosure annual reports

      Usage:
        nianbao [--stdio] [--log-file FILE]      run the language server (LSP) for VS Code, Neovim and other editors
        nianbao --check [options] PATH…          check files or folders (folders: *.txt and *.md, recursively; "-" is standard input)
        nianbao --list-rules                     list every rule
        nianbao --explain NB201                  explain a rule
        nianbao --version | --help

      Check options:
        --fix                  fix what is certain in place (atomic write; BOM and line endings kept), then report the rest
        --diff                 print the fixes as a unified diff and write nothing
        --format text|json     output format (default text)
        --format html          a review page: one self-contained HTML file with the summary, each report's findings and tables 三 and 四
        --lang zh|en           message language (default zh)
        --strict               exit with status 1 on warnings too
        --rule CODE=LEVEL      change a rule's level: error, warning, info, hint, off (repeatable)
        --stdin-filename NAME  the name standard input is reported under

      Exit status: 0 no errors; 1 errors remain (or warnings, with --strict); 2 usage error, unreadable file, or not UTF-8.
      """
  }

  static func rules(_ language: Language) -> String {
    Rule.all.map { rule in
      let severity = rule.severity.name.padding(7)
      return "\(rule.code)  \(severity)  \(rule.title.text(language))"
    }.joined(separator: "\n") + "\n"
  }

  static func explain(_ rule: Rule, _ language: Language) -> String {
    """
    \(rule.code) (\(rule.severity.name)): \(rule.title.text(language))

    \(rule.explanation.text(language))

    \(About.documentationURL(for: rule))

    """
  }
}

extension String {
  func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
