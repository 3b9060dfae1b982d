-- nianbao language server for Neovim 0.11+ (vim.lsp.config / vim.lsp.enable).
-- Put this folder on 'runtimepath' (see EditorConfigs/neovim/README.md), then:
--   vim.lsp.enable('nianbao')
---@type vim.lsp.Config
return {
  cmd = { vim.env.NIANBAO_PATH or 'nianbao', '--stdio' },
  filetypes = { 'nianbao' },
  root_markers = { '.pre-commit-config.yaml', '.git' },
  -- Messages follow the locale unless set here: language = 'zh' | 'en';
  -- rules = { NB307 = 'off', NB105 = 'error' } changes a rule's level.
  init_options = { nianbao = {} },
  settings = { nianbao = {} },
}
