-- Neovim as a third-party LSP client: attaches `callstats-lint-server --stdio` to the current buffer,
-- waits for diagnostics and writes them as JSON to $DIAG_OUT. Neovim 0.7 (Debian bookworm) has no
-- vim.lsp.start, so this uses vim.lsp.start_client + buf_attach_client (also fine on 0.8+).
-- Adapted from shared/recipes/nvim-lsp-test.lua; env: LSP_SERVER, DIAG_OUT, DIAG_TIMEOUT_MS.
local out_path = assert(os.getenv('DIAG_OUT'), 'DIAG_OUT')
local server = assert(os.getenv('LSP_SERVER'), 'LSP_SERVER')
local timeout = tonumber(os.getenv('DIAG_TIMEOUT_MS') or '20000')

local client_id = vim.lsp.start_client({
  name = 'callstats-lint',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.getcwd(),
  on_exit = function(code, signal) io.stderr:write(('server exited code=%s signal=%s\n'):format(code, signal)) end,
})
assert(client_id, 'start_client failed')
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

local ok = vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
local rows = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(rows, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity,
    source = d.source, message = d.message, code = lsp.code or d.code })
end
local json = vim.fn.json_encode({ ok = ok, file = vim.api.nvim_buf_get_name(bufnr), diagnostics = rows })
local f = assert(io.open(out_path, 'w'))
f:write(json .. '\n')
f:close()
vim.lsp.stop_client(client_id)
vim.cmd(ok and 'qall!' or 'cquit! 1')
