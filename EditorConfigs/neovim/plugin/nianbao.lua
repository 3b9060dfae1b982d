-- Filetype detection for annual reports on government information disclosure
-- (政府信息公开工作年度报告) by file name. A report under any other name keeps Neovim's
-- filetype (`text`, `markdown`); lsp/nianbao.lua attaches the server to it by its content.
vim.filetype.add({
  pattern = {
    ['.*年度报告.*%.txt'] = 'nianbao',
    ['.*年度报告.*%.md'] = 'nianbao',
    ['.*年报.*%.txt'] = 'nianbao',
    ['.*%.nianbao%.txt'] = 'nianbao',
    ['.*%.nianbao%.md'] = 'nianbao',
  },
})
