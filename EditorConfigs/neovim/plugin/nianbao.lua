-- Filetype detection for annual reports on government information disclosure
-- (政府信息公开工作年度报告): by file name, and by content for other .txt and .md files.
local function looks_like_report(bufnr)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, 40, false)
  local text = table.concat(lines, '\n')
  if text:find('政府信息公开') and (text:find('年度报告') or text:find('年报')) then
    return true
  end
  local headings = 0
  for _, heading in ipairs({ '一、总体情况', '二、主动公开政府信息', '三、收到和处理政府信息公开申请' }) do
    if text:find(heading, 1, true) then headings = headings + 1 end
  end
  return headings >= 2
end

local function by_content(_, bufnr)
  if looks_like_report(bufnr) then return 'nianbao' end
end

vim.filetype.add({
  pattern = {
    ['.*年度报告.*%.txt'] = 'nianbao',
    ['.*年度报告.*%.md'] = 'nianbao',
    ['.*年报.*%.txt'] = 'nianbao',
    ['.*%.nianbao%.txt'] = 'nianbao',
    ['.*%.nianbao%.md'] = 'nianbao',
    ['.*%.txt'] = { by_content, { priority = -math.huge } },
    ['.*%.md'] = { by_content, { priority = -math.huge } },
  },
})
