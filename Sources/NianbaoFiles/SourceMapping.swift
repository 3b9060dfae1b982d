import NianbaoCore
import NianbaoForms

extension Diagnostic {
  /// The finding with its notes in another report (last year's) taken to that report's source
  /// text, which `rendered` is the map of.
  package func mappingNotesInOtherReport(through rendered: RenderedReport) -> Diagnostic {
    var mapped = self
    mapped.related = notes(inOtherReport: true, mappedThrough: rendered)
    return mapped
  }

  private func notes(inOtherReport: Bool, mappedThrough rendered: RenderedReport) -> [RelatedNote] {
    related.map { note in
      guard (note.file != nil) == inOtherReport else { return note }
      var note = note
      note.range = rendered.sourceRange(forRendered: note.range)
      return note
    }
  }

  /// The finding in the terms of the source text a report was rendered from: its range, the
  /// notes in the same report and the fixes' edits. A fix with an edit that has no single place
  /// in the source (it would span markup the renderer dropped) is left out rather than guessed.
  package func mapped(through rendered: RenderedReport) -> Diagnostic {
    var mapped = self
    mapped.range = rendered.sourceRange(forRendered: range)
    mapped.related = notes(inOtherReport: false, mappedThrough: rendered)
    mapped.fixes = fixes.compactMap { fix in
      var edits: [TextEdit] = []
      for edit in fix.edits {
        guard let source = rendered.sourceEdit(forRendered: edit.range, replacement: edit.replacement) else {
          return nil
        }
        edits.append(TextEdit(range: source.range, replacement: source.text))
      }
      return Fix(title: fix.title, edits: edits, isCertain: fix.isCertain)
    }
    return mapped
  }
}

extension ReportInput {
  /// The report checked: the source text rendered when the form needs it, checked, and the
  /// findings brought back to the source text.
  package func check(
    _ sourceText: String,
    explicitlyNamed: Bool,
    options: CheckerOptions
  ) -> (report: Report, diagnostics: [Diagnostic], rendered: RenderedReport?) {
    guard let rendered = rendered(sourceText) else {
      let (report, diagnostics) = Checker.check(sourceText, explicitlyNamed: explicitlyNamed, options: options)
      return (report, diagnostics, nil)
    }
    let (report, diagnostics) = Checker.check(rendered.text, explicitlyNamed: explicitlyNamed, options: options)
    return (report, diagnostics.map { $0.mapped(through: rendered) }.sortedByPosition(), rendered)
  }

  /// Writes a new source text back in the file's form; the reason when it could not.
  package func writeBack(_ sourceText: String, changedMeanwhile: LocalizedText, language: Language) -> String? {
    switch form {
    case .text, .webPage:
      return file.writeBack(sourceText, changedMeanwhile: changedMeanwhile, language: language)
    case .wordDocument(let document):
      do throws(AtomicWriter.WriteError) {
        try AtomicWriter.write(
          document.archive(replacingDocumentXML: Array(sourceText.utf8)),
          to: path,
          unlessChangedFrom: file.fingerprint
        )
        return nil
      } catch {
        return error.reason(changedMeanwhile: changedMeanwhile, language: language)
      }
    case .pdf:
      return Self.pdfNotWritten.text(language)
    }
  }

  /// Why `--fix` leaves a PDF alone.
  package static let pdfNotWritten = LocalizedText(
    zh: "PDF 是发布后的版式文件，nianbao 不改写它：请在报告的 Word 或网页原稿中修改，再重新生成 PDF",
    en:
      "a PDF is a published print form, which nianbao does not rewrite: correct the report's Word or web original and make the PDF again"
  )
}

extension Diagnostic {
  /// The finding back in the rendered text's terms (the inverse of ``mapped(through:)``), for
  /// what is drawn from the report as read: the review page's tables.
  package func unmapped(through rendered: RenderedReport) -> Diagnostic {
    var diagnostic = self
    diagnostic.range = rendered.renderedRange(forSource: range)
    diagnostic.related = related.map { note in
      guard note.file == nil else { return note }
      var note = note
      note.range = rendered.renderedRange(forSource: note.range)
      return note
    }
    diagnostic.fixes = fixes.map { fix in
      Fix(
        title: fix.title,
        edits: fix.edits.map {
          TextEdit(
            range: rendered.renderedRange(forSource: $0.range),
            replacement: rendered.renderedReplacement($0.replacement, forSource: $0.range)
          )
        },
        isCertain: fix.isCertain
      )
    }
    return diagnostic
  }
}
