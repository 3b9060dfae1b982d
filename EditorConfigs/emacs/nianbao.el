;;; nianbao.el --- nianbao (政府信息公开工作年度报告) with eglot  -*- lexical-binding: t; -*-

;; Load this file from your init (e.g. (load "/path/to/nianbao/EditorConfigs/emacs/nianbao.el")),
;; with `nianbao' on your exec-path.  Report files open in `nianbao-mode' and eglot starts the
;; server.  Eglot is part of Emacs 29 and later; on Emacs 28 install it first (Debian 12:
;; `apt-get install elpa-eglot'; elsewhere M-x package-install RET eglot).

(require 'eglot)

(define-derived-mode nianbao-mode text-mode "年报"
  "Major mode for annual reports on government information disclosure.")

(add-to-list 'auto-mode-alist '("年度报告.*\\.txt\\'" . nianbao-mode))
(add-to-list 'auto-mode-alist '("年报.*\\.txt\\'" . nianbao-mode))
(add-to-list 'auto-mode-alist '("\\.nianbao\\.\\(txt\\|md\\)\\'" . nianbao-mode))
;; A report under any name: a text or Markdown file whose beginning speaks of 政府信息公开 and an
;; annual report.  `magic-mode-alist' is consulted before the file name, so `notes.txt' or
;; `shuyang.md' holding a report opens in `nianbao-mode' too.
(defun nianbao-report-content-p ()
  "Whether the buffer visits a text or Markdown file that reads like an annual report."
  (and buffer-file-name
       (string-match-p "\\.\\(txt\\|md\\|markdown\\)\\'" buffer-file-name)
       (save-excursion
         (goto-char (point-min))
         (re-search-forward "政府信息公开.\\{0,12\\}\\(年度报告\\|年报\\)" (min (point-max) 6000) t))))
(add-to-list 'magic-mode-alist '(nianbao-report-content-p . nianbao-mode))

(add-to-list 'eglot-server-programs '(nianbao-mode . ("nianbao" "--stdio")))
;; Messages follow the locale unless set, e.g.:
;; (setq-default eglot-workspace-configuration '(:nianbao (:language "en" :rules (:NB307 "off"))))

(add-hook 'nianbao-mode-hook #'eglot-ensure)

(provide 'nianbao)
;;; nianbao.el ends here
