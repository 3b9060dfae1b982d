import NianbaoCore

enum Usage {
  static func text(_ language: Language) -> String {
    if language == .zh {
      return """
        nianbao \(About.version) — 政府信息公开工作年度报告检查工具

        用法:
          nianbao [--stdio] [--log-file 文件]      作为语言服务器（LSP）运行，供 VS Code、Neovim 等编辑器使用
          nianbao --check [选项] 路径…             检查文件或文件夹（递归查找 *.txt、*.md；“-”表示标准输入）
          nianbao --show-settings 文件              显示适用于该文件的设置及其来源（nianbao.toml、命令行）
          nianbao new --from 上年报告.txt [-o 文件 [--force]]
                                                   写出下一年度报告的框架：年度后移一年，三张表按现行格式，
                                                   上年结转、现行有效件数已填，正文留“【待填写：……】”
          nianbao new --year 2025 --agency 机关名称  写出一份空白年度报告（不加 -o 时写到标准输出）
          nianbao --format-tables [--diff] 路径…     整理表格（制表符分隔、统一格式标签、数字对齐）和章节编号，
                                                   不改动任何数字和正文；就地原子写入，保留编码、BOM 和换行符
          nianbao --list-rules                      列出全部检查规则
          nianbao --explain NB201                   解释一条规则
          nianbao --version | --help

        检查选项:
          --fix                  就地修复能确定的问题（原子写入，保留 BOM 和换行符），再报告剩余问题
          --diff                 以统一 diff 格式显示修复内容，不写入文件
          --format 格式          输出格式（默认 text）：text、json、sarif（SARIF 2.1.0，供 GitHub 代码扫描等）、
                                 github（GitHub Actions 注释）、gitlab（GitLab 代码质量报告）、junit（JUnit XML）、
                                 html（审查页面：一个自带样式的 HTML 文件，含汇总、各报告的问题和表三、表四）
          --lang zh|en           消息语言（默认 zh）
          --strict               有警告也以状态 1 退出
          --rule 代码=级别       调整规则级别：error、warning、info、hint、off（可重复）
          --stdin-filename 名称  标准输入在输出中显示的文件名
          --add-suppressions     将显示的发现全部记入 nianbao-suppressions.json（视为已接受）
          --show-suppressed      也显示已接受的发现（标为“已抑制”，不计数）
          --only-reports         命令行列出的文件不是报告的（README、笔记）不检查也不提示（pre-commit 钩子用）

        文件可以是 UTF-8（可带 BOM）、GB18030/GBK 或带 BOM 的 UTF-16；--fix 按原编码写回。
        在终端上检查多个文件时，标准错误上显示进度。

        退出状态: 0 没有错误；1 仍有错误（--strict 时含警告）；2 用法错误、文件无法读取或编码无法识别。
        """
    }
    return """
      nianbao \(About.version) — checker for Chinese government information-disclosure annual reports

      Usage:
        nianbao [--stdio] [--log-file FILE]      run the language server (LSP) for VS Code, Neovim and other editors
        nianbao --check [options] PATH…          check files or folders (folders: *.txt and *.md, recursively; "-" is standard input)
        nianbao --show-settings FILE             the settings that apply to FILE and where each came from
        nianbao new --from LAST-YEAR.txt [-o FILE [--force]]
                                                 write the skeleton of next year's report: dates a year on, the three
                                                 tables in the current format with carried-over numbers filled in,
                                                 the text left as 【待填写：……】 placeholders
        nianbao new --year 2025 --agency NAME    write a blank report (to standard output without -o)
        nianbao --format-tables [--diff] PATH…   tidy the tables (tabs, the format's labels, numbers in columns) and
                                                 the heading numbers, never a number or a word of prose; in place,
                                                 atomically, encoding, BOM and line endings kept
        nianbao --list-rules                     list every rule
        nianbao --explain NB201                  explain a rule
        nianbao --version | --help

      Check options:
        --fix                  fix what is certain in place (atomic write; BOM and line endings kept), then report the rest
        --diff                 print the fixes as a unified diff and write nothing
        --format FORMAT        output format (default text): text, json, sarif (SARIF 2.1.0, for GitHub code scanning
                               and other review tools), github (GitHub Actions annotations), gitlab (GitLab Code
                               Quality report), junit (JUnit XML),
                               html (a review page: one self-contained HTML file with the summary, each report's
                               findings and tables 三 and 四)
        --lang zh|en           message language (default zh)
        --strict               exit with status 1 on warnings too
        --rule CODE=LEVEL      change a rule's level: error, warning, info, hint, off (repeatable)
        --stdin-filename NAME  the name standard input is reported under
        --add-suppressions     accept every finding shown, in nianbao-suppressions.json
        --show-suppressed      show accepted findings too (marked, not counted)
        --only-reports         pass over files named here that are not reports (READMEs, notes), silently (pre-commit)

      Files may be UTF-8 (with or without a BOM), GB18030/GBK, or UTF-16 with a BOM; --fix writes them back in their encoding.
      Checking several files on a terminal shows progress on standard error.

      Exit status: 0 no errors; 1 errors remain (or warnings, with --strict); 2 usage error, unreadable file, or unknown encoding.
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

    \(rule.basis.text(language))

    \(About.documentationURL(for: rule))

    """
  }
}

extension String {
  func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
