;;; emacs_test.el --- Emacs with eglot and EditorConfigs/emacs/nianbao.el, against the real server  -*- lexical-binding: t; -*-

;; Run by Tests/NianbaoLSPTests/EditorTests.swift, with the nianbao binary's folder first on PATH:
;;   NIANBAO_REPORT=… emacs --batch -l EditorConfigs/emacs/nianbao.el -l Tests/Editors/emacs_test.el
;; Batch Emacs has no command loop: the test runs `post-command-hook' once after opening the
;; report (where `eglot-ensure' connects) and waits for the server with `accept-process-output'.

(require 'cl-lib)

(defun nianbao-test-out (format-string &rest args)
  (princ (concat (apply #'format format-string args) "\n")))

(defun nianbao-test-fail (format-string &rest args)
  (nianbao-test-out "FAIL: %s" (apply #'format format-string args))
  (kill-emacs 1))

(defun nianbao-test-wait (seconds predicate)
  "Serve the server's messages until PREDICATE holds or SECONDS have passed."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun nianbao-test-line-text ()
  (buffer-substring-no-properties (line-beginning-position) (line-end-position)))

(condition-case err
    (progn
      (find-file (getenv "NIANBAO_REPORT"))
      (unless (eq major-mode 'nianbao-mode) (nianbao-test-fail "major mode is %s" major-mode))
      (nianbao-test-out "mode: %s" major-mode)
      (run-hooks 'post-command-hook)
      (unless (nianbao-test-wait 20 (lambda () (flymake-diagnostics)))
        (nianbao-test-fail "no diagnostics arrived"))
      (let ((server (eglot-current-server)))
        (nianbao-test-out "server: %s" (plist-get (eglot--server-info server) :name))
        (nianbao-test-out "position encoding: %s"
                          (plist-get (eglot--capabilities server) :positionEncoding))
        (dolist (diagnostic (flymake-diagnostics))
          (let ((lsp (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data diagnostic)))))
            (save-excursion
              (goto-char (flymake-diagnostic-beg diagnostic))
              ;; The line as Emacs numbers it (from 1), the column in characters (from 0).
              (nianbao-test-out "diagnostic: %s %d:%d %s"
                                (plist-get lsp :code) (line-number-at-pos) (- (point) (line-beginning-position))
                                (flymake-diagnostic-text diagnostic)))))
        (let ((diagnostic (car (flymake-diagnostics))))
          (goto-char (flymake-diagnostic-beg diagnostic))
          (nianbao-test-out "text at diagnostic: %s"
                            (buffer-substring-no-properties (flymake-diagnostic-beg diagnostic)
                                                            (flymake-diagnostic-end diagnostic)))
          ;; Hover on the wrong total, as eldoc shows it.
          (let* ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
                 (contents (plist-get hover :contents)))
            (nianbao-test-out "hover: %s"
                              (if contents
                                  (replace-regexp-in-string "\n" " / " (eglot--hover-info contents))
                                "none")))
          ;; The quick-fix, as a user takes it: `eglot-code-actions' at the diagnostic, with the
          ;; default choice (the preferred action) accepted at the prompt.
          (let ((line (line-number-at-pos))
                (before (buffer-modified-tick))
                (last-nonmenu-event 13))
            (cl-letf (((symbol-function 'completing-read)
                       (lambda (prompt _collection &optional _predicate _require _initial _history default &rest _)
                         (nianbao-test-out "prompt: %s" prompt)
                         default)))
              (eglot-code-actions (flymake-diagnostic-beg diagnostic) (flymake-diagnostic-end diagnostic) nil t))
            (when (= before (buffer-modified-tick)) (nianbao-test-fail "the quick-fix changed nothing"))
            (goto-char (point-min))
            (forward-line (1- line))
            (nianbao-test-out "fixed line: %s" (nianbao-test-line-text))))
        ;; Flymake clears the old diagnostic when the server publishes for the new version.
        (unless (nianbao-test-wait 20 (lambda () (null (flymake-diagnostics))))
          (nianbao-test-fail "the diagnostic did not clear: %S"
                             (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
        (nianbao-test-out "diagnostics after fix: %d" (length (flymake-diagnostics)))
        (set-buffer-modified-p nil)
        ;; shutdown and exit; Emacs 28's jsonrpc then deletes the process without waiting for it.
        (ignore-errors (eglot-shutdown server))
        (nianbao-test-out "EMACS-TEST-OK")
        (kill-emacs 0)))
  (error (nianbao-test-fail "%s" (error-message-string err))))

;;; emacs_test.el ends here
