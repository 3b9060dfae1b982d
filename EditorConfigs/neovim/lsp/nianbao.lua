-- nianbao language server for Neovim 0.11+ (vim.lsp.config / vim.lsp.enable).
-- Put this folder on 'runtimepath' (see EditorConfigs/neovim/README.md), then:
--   vim.lsp.enable('nianbao')

-- Whether a text or Markdown buffer reads like an annual report on government information
-- disclosure: the server decides for certain (a plain text or Markdown document that is not a
-- report gets no findings); this only keeps it from starting for every other text file.
local function mentions_disclosure(bufnr)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, 60, false)
  return table.concat(lines, '\n'):find('政府信息公开', 1, true) ~= nil
end

local root_markers = { '.pre-commit-config.yaml', '.git' }

---@type vim.lsp.Config
return {
  cmd = { vim.env.NIANBAO_PATH or 'nianbao', '--stdio' },
  -- Report files by name are the `nianbao` filetype (plugin/nianbao.lua); a report under any
  -- other name keeps `text` or `markdown` and is recognised by its content.
  filetypes = { 'nianbao', 'text', 'markdown' },
  root_dir = function(bufnr, on_dir)
    if vim.bo[bufnr].filetype == 'nianbao' or mentions_disclosure(bufnr) then
      -- Without a repository, the server looks for last year's report beside the file.
      on_dir(vim.fs.root(bufnr, root_markers))
    end
  end,
  -- Messages follow the locale unless set here: language = 'zh' | 'en';
  -- rules = { NB307 = 'off', NB105 = 'error' } changes a rule's level.
  init_options = { nianbao = {} },
  settings = { nianbao = {} },
  on_attach = function(client, bufnr)
    -- Completion through Neovim's LSP completion, so that a whole table (表二, 表三, 表四) taken
    -- with <C-x><C-o> or <C-y> is written out with a tab stop in every cell; the menu shows even
    -- for one candidate and inserts nothing before it is taken.
    if vim.lsp.completion then
      vim.lsp.completion.enable(true, client.id, bufnr)
      vim.bo[bufnr].completeopt = vim.go.completeopt .. ',menuone,noinsert'
    end
  end,
}
