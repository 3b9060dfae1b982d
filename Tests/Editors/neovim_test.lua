-- A headless Neovim with EditorConfigs/neovim loaded unchanged, against the real server.
-- Run by Tests/NianbaoLSPTests/EditorTests.swift:
--   NIANBAO_PATH=… NIANBAO_REPORT=… nvim --headless --clean --cmd 'set rtp^=EditorConfigs/neovim' -c 'luafile Tests/Editors/neovim_test.lua'
local function out(line) io.stdout:write(line .. '\n') end

local function fail(message)
  out('FAIL: ' .. message)
  vim.cmd('cquit 1')
end

local ok, err = pcall(function()
  vim.lsp.enable('nianbao')
  vim.cmd.edit(vim.fn.fnameescape(os.getenv('NIANBAO_REPORT')))
  local buf = vim.api.nvim_get_current_buf()
  if vim.bo[buf].filetype ~= 'nianbao' then return fail('filetype is ' .. vim.bo[buf].filetype) end
  out('filetype: ' .. vim.bo[buf].filetype)

  if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
    return fail('no diagnostics arrived')
  end
  local client = vim.lsp.get_clients({ bufnr = buf, name = 'nianbao' })[1]
  out('position encoding: ' .. client.offset_encoding)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    out(string.format('diagnostic: %s %d:%d %s', d.code, d.lnum, d.col, d.message))
  end
  local d = vim.diagnostic.get(buf)[1]
  local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
  out('line: ' .. line)
  out('text at diagnostic: ' .. line:sub(d.col + 1, d.end_col))

  -- Hover on the wrong total.
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000)
  local value = hover and hover[client.id] and hover[client.id].result and hover[client.id].result.contents.value
  out('hover: ' .. (value or 'none'):gsub('\n', ' / '))

  -- Take the preferred quick-fix.
  local changed = false
  vim.api.nvim_buf_attach(buf, false, { on_lines = function() changed = true end })
  vim.lsp.buf.code_action({
    apply = true,
    filter = function(action) return action.isPreferred == true end,
  })
  if not vim.wait(10000, function() return changed end, 50) then return fail('the quick-fix changed nothing') end
  out('fixed line: ' .. vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1])
  if not vim.wait(20000, function() return #vim.diagnostic.get(buf) == 0 end, 50) then
    return fail('the diagnostic did not clear')
  end
  out('diagnostics after fix: ' .. #vim.diagnostic.get(buf))
  out('NEOVIM-TEST-OK')
end)
if not ok then fail(tostring(err)) end
vim.cmd('qall!')
