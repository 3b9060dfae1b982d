-- A headless Neovim with EditorConfigs/neovim loaded unchanged, against the real server.
-- Run by Tests/NianbaoLSPTests/EditorTests.swift, one scenario at a time:
--   NIANBAO_PATH=… NIANBAO_REPORT=… NIANBAO_SCENARIO=fix nvim --headless --clean \
--     --cmd 'set rtp^=EditorConfigs/neovim' -c 'luafile Tests/Editors/neovim_test.lua'
-- Each scenario prints what it saw, one line each, and ends with NEOVIM-TEST-OK. It runs as a
-- coroutine that sleeps between steps, so that keys fed to Neovim are typed as a user types them.
-- Each line on its own, apart from the messages Neovim prints without a line end.
local function out(line) io.stdout:write('\n' .. line .. '\n') end

local function fail(message)
  out('FAIL: ' .. message)
  vim.cmd('cquit 1')
end

local co
local function sleep(ms)
  vim.defer_fn(function() assert(coroutine.resume(co)) end, ms)
  coroutine.yield()
end

--- Sleeps until `predicate` holds; whether it did within `ms`.
local function wait(predicate, ms)
  local waited = 0
  while not predicate() and waited < (ms or 20000) do
    sleep(50)
    waited = waited + 50
  end
  return predicate()
end

--- Types keys as a user does: with Neovim's default mappings (`gO`) when `mapped`.
local function keys(typed, mapped) vim.api.nvim_feedkeys(vim.keycode(typed), mapped and 'mt' or 'nt', false) end

local function client_of(buf) return vim.lsp.get_clients({ bufnr = buf, name = 'nianbao' })[1] end

--- Opens a file and waits for the server to attach and for its first findings.
local function open(path, opts)
  opts = opts or {}
  vim.cmd.edit(vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  out('filetype: ' .. vim.bo[buf].filetype)
  if not wait(function() return client_of(buf) ~= nil and client_of(buf).initialized end) then
    error('the server did not attach to ' .. vim.fs.basename(path))
  end
  if opts.findings ~= false and not wait(function() return #vim.diagnostic.get(buf) > 0 end) then
    error('no diagnostics arrived for ' .. vim.fs.basename(path))
  end
  return buf, client_of(buf)
end

local function codes(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do found[#found + 1] = d.code end
  table.sort(found)
  return table.concat(found, ' ')
end

local function print_diagnostics(buf)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    out(string.format('diagnostic: %s %d:%d %s %s', d.code, d.lnum, d.col, vim.diagnostic.severity[d.severity], d.message))
  end
end

local function lines(buf, first, last)
  return vim.api.nvim_buf_get_lines(buf, first, last, false)
end

local report = os.getenv('NIANBAO_REPORT')
local scenarios = {}

-- A wrong total: its finding, hover and quick-fix.
function scenarios.fix()
  local buf, client = open(report)
  out('position encoding: ' .. client.offset_encoding)
  print_diagnostics(buf)
  local d = vim.diagnostic.get(buf)[1]
  local line = lines(buf, d.lnum, d.lnum + 1)[1]
  out('line: ' .. line)
  out('text at diagnostic: ' .. line:sub(d.col + 1, d.end_col))

  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000)
  local value = hover and hover[client.id] and hover[client.id].result and hover[client.id].result.contents.value
  out('hover: ' .. (value or 'none'):gsub('\n', ' / '))

  -- The picture of the README (when asked): the finding, its hover and the quick fixes, as
  -- Neovim draws them, written as its screen's cells for the test to render.
  local screen = os.getenv('NIANBAO_SCREEN')
  if screen then
    local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
      textDocument = params.textDocument,
      range = { start = params.position, ['end'] = params.position },
      context = { diagnostics = {}, only = { 'quickfix' } },
    }, 10000)
    local titles = {}
    for _, action in ipairs((actions and actions[client.id] and actions[client.id].result) or {}) do
      titles[#titles + 1] = string.format('%d: %s%s', #titles + 1, action.title, action.isPreferred and '  (preferred)' or '')
    end
    vim.o.termguicolors = true
    vim.o.columns, vim.o.lines = 120, 24
    vim.o.number, vim.o.cursorline, vim.o.wrap, vim.o.tabstop = true, true, false, 4
    vim.o.laststatus = 0
    vim.diagnostic.config({ virtual_text = true, underline = true })
    vim.api.nvim_win_set_cursor(0, { d.lnum - 5, 0 })
    vim.cmd('normal! zt')
    -- The float opens under the line, from its start, where the picture has room for it.
    vim.api.nvim_win_set_cursor(0, { d.lnum + 1, 0 })
    local _, hover_win = vim.lsp.util.open_floating_preview(
      vim.split(value or '', '\n'), 'markdown', { border = 'rounded', max_width = 70, focus = false, title = ' hover ' }
    )
    local hover_config = vim.api.nvim_win_get_config(hover_win)
    local fix_buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_lines(fix_buf, 0, -1, false, titles)
    local fix_win = vim.api.nvim_open_win(fix_buf, false, {
      relative = 'editor', border = 'rounded', title = ' quick fix ', style = 'minimal',
      row = vim.api.nvim_win_get_position(hover_win)[1] + hover_config.height + 3,
      col = vim.api.nvim_win_get_position(hover_win)[2], width = 40, height = #titles,
    })
    vim.cmd('redraw!')
    local function colors(attrs, base)
      return { fg = attrs.foreground or base.fg, bg = attrs.background or base.bg, bold = attrs.bold or false,
        curl = (attrs.undercurl or attrs.underline) and (attrs.special or attrs.foreground or base.fg) or nil }
    end
    local normal = vim.api.nvim_get_hl(0, { name = 'Normal', link = false })
    local base = { fg = normal.fg or 0xe0e2ea, bg = normal.bg or 0x14161b }
    local rows = {}
    for row = 0, vim.o.lines - 1 do
      local cells = {}
      for col = 0, vim.o.columns - 1 do
        local cell = vim.api.nvim__inspect_cell(1, row, col)
        local c = colors(cell[2] or {}, base)
        c.text = cell[1]
        cells[#cells + 1] = c
      end
      rows[#rows + 1] = cells
    end
    local floats = {}
    local float_hl = vim.api.nvim_get_hl(0, { name = 'NormalFloat', link = false })
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      local config = vim.api.nvim_win_get_config(win)
      if config.relative ~= '' then
        local position = vim.api.nvim_win_get_position(win)
        local title = config.title and config.title[1] and config.title[1][1] or ''
        floats[#floats + 1] = { row = position[1], col = position[2], width = config.width, height = config.height,
          title = title, lines = vim.tbl_map(function(line) return (line:gsub('`', ''):gsub('%*%*', '')) end,
            vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false)),
          fg = float_hl.fg or base.fg, bg = float_hl.bg or base.bg }
      end
    end
    local file = io.open(screen, 'w')
    file:write(vim.json.encode({ base = base, rows = rows, floats = floats }))
    file:close()
    vim.api.nvim_win_close(hover_win, true)
    vim.api.nvim_win_close(fix_win, true)
    vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
    out('screen: ' .. screen)
  end

  local changed = false
  vim.api.nvim_buf_attach(buf, false, { on_lines = function() changed = true end })
  vim.lsp.buf.code_action({
    apply = true,
    filter = function(action) return action.isPreferred == true end,
  })
  if not wait(function() return changed end, 10000) then error('the quick-fix changed nothing') end
  out('fixed line: ' .. lines(buf, d.lnum, d.lnum + 1)[1])
  if not wait(function() return #vim.diagnostic.get(buf) == 0 end) then error('the diagnostic did not clear') end
  out('diagnostics after fix: ' .. #vim.diagnostic.get(buf))
end

-- The outline, as `gO` opens it (the location list).
function scenarios.outline()
  local buf = open(report, { findings = false })
  keys('gO', true)
  if not wait(function() return #vim.fn.getloclist(0) > 0 end, 10000) then
    error('the outline did not open: ' .. vim.trim(vim.api.nvim_exec2('messages', { output = true }).output))
  end
  for _, item in ipairs(vim.fn.getloclist(0)) do
    out('outline: ' .. item.lnum .. ' ' .. item.text)
  end
  local _ = buf
end

-- The language and rule levels of the README's `init_options`, with the shipped empty `settings`.
function scenarios.settings()
  vim.lsp.config('nianbao', { init_options = { nianbao = { language = 'en', rules = { NB201 = 'warning' } } } })
  local buf = open(report)
  -- Long enough for the configuration exchange that follows start-up to have come and gone.
  sleep(1000)
  keys('Go<Esc>')
  sleep(1500)
  print_diagnostics(buf)
end

-- Last year's report edited in another window, then changed on the disk, then nianbao.toml.
function scenarios.lastyear()
  local this_year, last_year_path = report, os.getenv('NIANBAO_LAST_YEAR')
  local buf = open(this_year)
  out('this year: ' .. codes(buf))
  vim.cmd.split(vim.fn.fnameescape(last_year_path))
  local last = vim.api.nvim_get_current_buf()
  if not wait(function() return client_of(last) ~= nil end) then error('no server for last year') end
  -- Last year's carried-over row made to agree with this year's.
  local row = vim.fn.search('^四、结转下年度继续办理', 'n')
  vim.api.nvim_buf_set_lines(last, row - 1, row, false, { '四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1' })
  if not wait(function() return not codes(buf):find('NB309') end, 10000) then
    error('this year still has ' .. codes(buf) .. ' after last year was edited')
  end
  out('after editing last year: ' .. codes(buf))
  vim.cmd('bwipeout!')
  -- The file on the disk was never changed; the editor's text no longer counts once it is closed.
  -- Neovim watches no files here: the change is seen at the next check of this year's report.
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, { '' })
  if not wait(function() return codes(buf):find('NB309') ~= nil end, 10000) then
    error('this year has ' .. codes(buf) .. ' after last year was closed')
  end
  out('after closing last year: ' .. codes(buf))
  local file = assert(io.open(last_year_path, 'r'))
  local text = file:read('a')
  file:close()
  file = assert(io.open(last_year_path, 'w'))
  file:write((text:gsub('四、结转下年度继续办理[^\n]*', '四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1')))
  file:close()
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, { '' })
  if not wait(function() return not codes(buf):find('NB309') end, 10000) then
    error('this year has ' .. codes(buf) .. ' after last year changed on the disk')
  end
  out('after last year changed on the disk: ' .. codes(buf))
  file = assert(io.open(last_year_path, 'w'))
  file:write(text)
  file:close()
  file = assert(io.open(vim.fs.dirname(this_year) .. '/nianbao.toml', 'w'))
  file:write('[rules]\nNB309 = "warning"\n')
  file:close()
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, { '' })
  if not wait(function()
    return #vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.WARN }) > 0
  end, 10000) then
    error('nianbao.toml made on the disk did not count: ' .. codes(buf))
  end
  print_diagnostics(buf)
end

-- "Write next year's report": the file is created beside this year's and opened.
function scenarios.newreport()
  local buf = open(report, { findings = false })
  sleep(500)
  vim.lsp.buf.code_action({
    apply = true,
    context = { only = { 'source.newReport.nianbao' }, diagnostics = {} },
  })
  local next_year = vim.fs.dirname(report) .. '/' .. vim.fs.basename(report):gsub('2025', '2026')
  if not wait(function() return vim.api.nvim_buf_get_name(0) == next_year end, 10000) then
    error('next year\'s report was not opened: ' .. vim.api.nvim_buf_get_name(0) .. ' ' ..
      vim.trim(vim.api.nvim_exec2('messages', { output = true }).output))
  end
  out('opened: ' .. vim.fs.basename(vim.api.nvim_buf_get_name(0)))
  out('first line: ' .. lines(0, 0, 1)[1])
  vim.cmd('silent write')
  out('on disk: ' .. tostring(vim.uv.fs_stat(next_year) ~= nil))
  local _ = buf
end

-- The code-action menu at a finding, as `gra` lists it.
function scenarios.codeactions()
  local buf = open(report)
  local d = vim.diagnostic.get(buf)[1]
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local listed
  vim.ui.select = function(items, opts, on_choice)
    listed = {}
    for _, item in ipairs(items) do listed[#listed + 1] = opts.format_item(item) end
    on_choice(nil)
  end
  vim.lsp.buf.code_action()
  if not wait(function() return listed ~= nil end, 10000) then error('no code-action menu') end
  for _, title in ipairs(listed) do out('action: ' .. title) end
end

-- Completion of a whole table with <C-x><C-o>, taken with <C-y>.
function scenarios.completion()
  local buf = open(report, { findings = false })
  sleep(300)
  local heading = vim.fn.search('^三、收到和处理政府信息公开申请情况', 'n')
  vim.api.nvim_win_set_cursor(0, { heading, 0 })
  keys('o表三<C-x><C-o>')
  if not wait(function() return vim.fn.pumvisible() == 1 end, 10000) then
    error('no completion menu; the line reads ' .. vim.api.nvim_get_current_line())
  end
  out('menu: ' .. vim.fn.complete_info({ 'items' }).items[1].abbr)
  keys('<C-y>')
  sleep(500)
  keys('<Esc>')
  sleep(300)
  for _, line in ipairs(lines(buf, heading, heading + 6)) do out('table: ' .. line:gsub('\t', '→')) end
end

-- Reports under names that say nothing (a text file and a Markdown file), and a README that
-- mentions the reports but is not one.
function scenarios.content()
  local buf = open(report)
  out('findings: ' .. codes(buf))
  local markdown = open(os.getenv('NIANBAO_MARKDOWN'), { findings = false })
  out('markdown attached: ' .. tostring(client_of(markdown) ~= nil))
  vim.cmd.edit(vim.fn.fnameescape(os.getenv('NIANBAO_OTHER')))
  local other = vim.api.nvim_get_current_buf()
  out('other filetype: ' .. vim.bo[other].filetype)
  sleep(1500)
  out('other findings: ' .. #vim.diagnostic.get(other))
end

co = coroutine.create(function()
  local scenario = os.getenv('NIANBAO_SCENARIO') or 'fix'
  vim.o.showmode = false
  vim.lsp.enable('nianbao')
  local ok, err = pcall(scenarios[scenario])
  if not ok then return fail(tostring(err)) end
  out('NEOVIM-TEST-OK')
  vim.cmd('qall!')
end)
assert(coroutine.resume(co))
